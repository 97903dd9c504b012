//! The route of one dossier as steps, from concept to closure, the same for every kind of
//! arrangement. Each step says in words (and with an icon) whether it is done, current, next,
//! later or no longer reached: never by colour alone. Below the steps: what happens next, who
//! must act and by when (from the deadlines the API computes for this dossier).

use arrangeer_shared::Role;
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use crate::format;
use crate::i18n::{D, Lang, T, U, t};

/// The steps shown, in order.
const STEPS: [D; 7] = [
    D::StepDraft,
    D::StepSubmitted,
    D::StepApproved,
    D::StepDefinitive,
    D::StepDecision,
    D::StepExecution,
    D::StepClosed,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Done,
    Current,
    Next,
    Later,
    /// Will not be reached: the dossier ended before it.
    Skipped,
}

/// Where a dossier in `status` stands: the index of the current step, whether the route ended
/// there, and a remark for statuses that are not a step of their own (changes requested,
/// granted or rejected, stopped early, withdrawn). `previous` is the status before the last
/// action, which places a withdrawn or terminated dossier.
pub fn position(status: Status, previous: Option<Status>) -> (usize, bool, Option<Status>) {
    match status {
        Status::Draft => (0, false, None),
        Status::ChangesRequested => (0, false, Some(status)),
        Status::Submitted => (1, false, None),
        Status::Approved => (2, false, None),
        Status::Definitive => (3, false, None),
        Status::Granted => (4, false, Some(status)),
        Status::Rejected => (4, true, Some(status)),
        Status::InExecution => (5, false, None),
        Status::Closed => (6, true, None),
        Status::Terminated | Status::Withdrawn => {
            let at = match previous {
                Some(p) if p != status => position(p, None).0,
                _ => 0,
            };
            (at, true, Some(status))
        }
    }
}

/// The state of each step.
pub fn states(status: Status, previous: Option<Status>) -> Vec<StepState> {
    let (current, ended, _) = position(status, previous);
    (0..STEPS.len())
        .map(|i| match i {
            i if i < current => StepState::Done,
            i if i == current && status == Status::Closed => StepState::Done,
            i if i == current => StepState::Current,
            _ if ended => StepState::Skipped,
            i if i == current + 1 => StepState::Next,
            _ => StepState::Later,
        })
        .collect()
}

/// Who must move the dossier on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Role(Role),
    /// The partnership's deciding body (its role depends on the rules; the decision deadline
    /// names it when known).
    DecidingBody,
}

/// What happens next in `status`, and who does it; `None` once the route has ended.
pub fn next_move(status: Status) -> Option<(Who, U)> {
    match status {
        Status::Draft => Some((Who::Role(Role::School), U::NextSubmit)),
        Status::ChangesRequested => Some((Who::Role(Role::School), U::NextRework)),
        Status::Submitted => Some((Who::Role(Role::Consultant), U::NextReview)),
        Status::Approved => Some((Who::Role(Role::School), U::NextMakeDefinitive)),
        Status::Definitive => Some((Who::DecidingBody, U::NextDecide)),
        Status::Granted => Some((Who::Role(Role::School), U::NextStart)),
        Status::InExecution => Some((Who::Role(Role::School), U::NextEvaluate)),
        Status::Closed | Status::Rejected | Status::Terminated | Status::Withdrawn => None,
    }
}

/// The deadline that answers "by when": the soonest one for the role that must act, else the
/// soonest of the dossier. `deadlines` may hold other dossiers' too.
pub fn next_deadline(
    arrangement: arrangeer_shared::ids::ArrangementId,
    who: Who,
    deadlines: &[DeadlineResponse],
) -> Option<&DeadlineResponse> {
    let mut own: Vec<&DeadlineResponse> =
        deadlines.iter().filter(|d| d.arrangement_id == arrangement).collect();
    own.sort_by_key(|d| d.due_date);
    let matching = own.iter().copied().find(|d| match who {
        Who::Role(role) => d.actor_role == role,
        Who::DecidingBody => true,
    });
    matching.or_else(|| own.first().copied())
}

/// "nog 5 dagen" / "vandaag" / "3 dagen te laat", with the due date.
pub fn due_text(lang: Lang, d: &DeadlineResponse) -> String {
    let when = format::date(lang, d.due_date);
    let left = match d.days_left {
        0 => t(lang, U::DueToday).to_owned(),
        n if n < 0 => format!("{} {}", -n, t(lang, U::DaysLate)),
        n => format!("{} {n} {}", t(lang, U::StillDays), t(lang, U::Days)),
    };
    format!("{when} ({left})")
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub status: Status,
    #[prop_or_default]
    pub previous: Option<Status>,
    /// The dossier, to pick its deadlines.
    #[prop_or_default]
    pub arrangement: Option<arrangeer_shared::ids::ArrangementId>,
    /// Deadlines from `GET /deadlines` (empty for parents, who have none to meet).
    #[prop_or_default]
    pub deadlines: Vec<DeadlineResponse>,
}

#[derive(Properties, PartialEq)]
struct NextStepProps {
    lang: Lang,
    status: Status,
    arrangement: Option<arrangeer_shared::ids::ArrangementId>,
    deadlines: Vec<DeadlineResponse>,
}

/// "Volgende stap … Aan zet … Uiterlijk …".
#[component]
fn NextStep(props: &NextStepProps) -> Html {
    let lang = props.lang;
    let Some((who, what)) = next_move(props.status) else {
        return html! {
            <p class="next-step" id="timeline-next">
                <span class="icon" aria-hidden="true">{ "■ " }</span>{ t(lang, U::RouteEnded) }
            </p>
        };
    };
    let deadline = props.arrangement.and_then(|a| next_deadline(a, who, &props.deadlines));
    let actor = match (who, deadline) {
        (Who::DecidingBody, Some(d)) => Who::Role(d.actor_role),
        _ => who,
    };
    let actor_name = match actor {
        Who::Role(role) => t(lang, T::Role(role)).to_owned(),
        Who::DecidingBody => t(lang, U::DecidingBody).to_owned(),
    };
    html! {
        <dl class="next-step facts" id="timeline-next">
            <dt>{ t(lang, U::NextStepLabel) }</dt>
            <dd id="timeline-what">{ t(lang, what) }</dd>
            <dt>{ t(lang, U::WhoActsLabel) }</dt>
            <dd id="timeline-actor">{ actor_name }</dd>
            <dt>{ t(lang, U::ByWhenLabel) }</dt>
            <dd id="timeline-due">
                { match deadline {
                    Some(d) => html! { <>
                        if d.overdue { <span class="overdue-mark" aria-hidden="true">{ "⚠ " }</span> }
                        { due_text(lang, d) }
                        { " — " }{ t(lang, crate::i18n::R::Deadline(d.kind)) }
                    </> },
                    None => html! { { t(lang, U::NoDeadline) } },
                } }
            </dd>
        </dl>
    }
}

pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let (current, _, remark) = position(props.status, props.previous);
    let states = states(props.status, props.previous);
    let steps = html! {
        <ol class="timeline" id="timeline">
            { for STEPS.iter().zip(states).enumerate().map(|(i, (step, state))| {
                let (class, icon, word) = match state {
                    StepState::Done => ("done", "✓", D::StateDone),
                    StepState::Current => ("current", "●", D::StateCurrent),
                    StepState::Next => ("next", "○", D::StateNext),
                    StepState::Later => ("later", "○", D::StateLater),
                    StepState::Skipped => ("skipped", "–", D::StateSkipped),
                };
                let is_current = i == current;
                html! {
                    <li class={classes!("step", class)} id={format!("step-{i}")}
                        aria-current={is_current.then_some("step")}>
                        <span class="step-icon" aria-hidden="true">{ icon }</span>
                        <span class="step-name">{ t(lang, *step) }</span>
                        <span class="step-state">{ t(lang, word) }</span>
                        if is_current && let Some(remark) = remark {
                            <span class="step-remark">{ t(lang, T::Status(remark)) }</span>
                        }
                    </li>
                }
            }) }
        </ol>
    };
    html! {
        <>
            { steps }
            <NextStep lang={lang} status={props.status} arrangement={props.arrangement}
                deadlines={props.deadlines.clone()} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StepState::*;

    #[test]
    fn a_submitted_dossier_has_its_first_step_done_and_waits_for_the_consultant() {
        assert_eq!(states(Status::Submitted, None), vec![Done, Current, Next, Later, Later, Later, Later]);
    }

    #[test]
    fn every_open_status_names_who_acts_next_and_an_ended_route_nobody() {
        assert_eq!(next_move(Status::Submitted).map(|m| m.0), Some(Who::Role(Role::Consultant)));
        assert_eq!(next_move(Status::Definitive).map(|m| m.0), Some(Who::DecidingBody));
        assert_eq!(next_move(Status::Granted).map(|m| m.0), Some(Who::Role(Role::School)));
        for status in [Status::Closed, Status::Rejected, Status::Withdrawn, Status::Terminated] {
            assert_eq!(next_move(status), None, "{status}");
        }
    }

    #[test]
    fn a_closed_dossier_has_every_step_done() {
        assert_eq!(states(Status::Closed, None), vec![Done; 7]);
    }

    #[test]
    fn a_rejected_or_withdrawn_dossier_skips_the_rest() {
        assert_eq!(states(Status::Rejected, None), vec![Done, Done, Done, Done, Current, Skipped, Skipped]);
        assert_eq!(
            states(Status::Withdrawn, Some(Status::Approved)),
            vec![Done, Done, Current, Skipped, Skipped, Skipped, Skipped]
        );
        assert_eq!(
            position(Status::Terminated, Some(Status::InExecution)),
            (5, true, Some(Status::Terminated))
        );
    }
}
