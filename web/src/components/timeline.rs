//! The route of one dossier as steps, from concept to closure. Each step says in words (and
//! with an icon) whether it is done, current, next, later or no longer reached: never by
//! colour alone.

use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use crate::i18n::{D, Lang, T, t};

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

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub status: Status,
    #[prop_or_default]
    pub previous: Option<Status>,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let (current, _, remark) = position(props.status, props.previous);
    let states = states(props.status, props.previous);
    html! {
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
