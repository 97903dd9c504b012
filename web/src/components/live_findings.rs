//! The partnership's rules while the user types: the same `shared` functions the server uses
//! (`Proposal::facts()` + `policy::evaluate`), on what the form holds now, with each finding
//! shown next to the field it concerns.

use std::rc::Rc;

use arrangeer_shared::api::preconditions::PreconditionAnswers;
use arrangeer_shared::policy::{self, Finding, Policy, Precondition, Severity};
use chrono::NaiveDate;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use super::proposal_form::values::FormValues;
use crate::api::ClientError;
use crate::i18n::{Lang, R, t};
use crate::session::use_app;

/// The policy in force, as the live findings need it.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyState {
    Loading,
    Loaded(Rc<Policy>),
    Failed(ClientError),
}

/// Loads the caller's partnership's policy once.
#[hook]
pub fn use_policy() -> PolicyState {
    let app = use_app();
    let state = use_value(|| PolicyState::Loading);
    let session = app.session.clone();
    {
        let state = state.clone();
        use_effect_on((), move |_| {
            if let Some(session) = session {
                crate::spawn(async move {
                    let partnership = session.user.partnership.id;
                    state.set(match crate::api::rules::get_policy(&session.token, partnership).await {
                        Ok(p) => PolicyState::Loaded(Rc::new(p.policy)),
                        Err(e) => PolicyState::Failed(e),
                    });
                });
            }
        });
    }
    (*state).clone()
}

/// Today in the user's own time zone (the browser's clock).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .unwrap_or(NaiveDate::MIN)
}

/// The findings of the form as typed. Documents are not part of the form, so their rules are
/// left to the dossier page.
pub fn live_findings(policy: &Policy, form: &FormValues, today: NaiveDate) -> Vec<Finding> {
    let (proposal, _) = form.read_proposal();
    let mut facts = proposal.facts(form.kind, today);
    if !form.pupil_ids.is_empty() {
        facts.pupil_count = u32::try_from(form.pupil_ids.len()).ok();
    }
    policy::evaluate(policy, &facts).into_iter().filter(|f| f.field != "attachments").collect()
}

/// Which form field a finding's fact belongs to (`None`: shown in the summary only).
pub fn form_field_of(fact: &str) -> Option<&'static str> {
    Some(match fact {
        "directMinutesPerWeek" => "direct-hours",
        "indirectMinutesPerWeek" => "indirect-hours",
        "outsideClassMinutesPerWeek" => "outside-hours",
        "weeks" => "weeks",
        "startDate" => "start-date",
        "endDate" => "end-date",
        "hourlyRateCents" => "hourly-rate",
        "staffFunction" => "staff-function",
        "salaryScale" => "salary-scale",
        "pupilCount" => "pupils",
        "caseDirectorNamed" => "case-director",
        other => return Precondition::ALL.iter().find(|p| p.field() == other).map(|&p| precondition_id(p)),
    })
}

/// The form field id of a precondition's answer.
pub fn precondition_id(condition: Precondition) -> &'static str {
    match condition {
        Precondition::CounsellorSupports => "precondition-counsellor-supports",
        Precondition::OppSignedByParents => "precondition-opp-signed-by-parents",
        Precondition::HalfYearNeedsBasedWork => "precondition-half-year-needs-based-work",
        Precondition::OwnSupportRouteFollowed => "precondition-own-support-route-followed",
        Precondition::AnonymisedAtRequest => "precondition-anonymised-at-request",
        Precondition::CaseDirectorNamed => "case-director",
        Precondition::EvaluationMomentAgreed => "precondition-evaluation-moment-agreed",
    }
}

/// The preconditions the policy asks a school to answer for this kind of arrangement.
pub fn asked_preconditions(policy: &Policy, form: &FormValues) -> Vec<Precondition> {
    policy
        .rule_set(form.kind)
        .map(|rules| {
            rules
                .preconditions
                .iter()
                .map(|r| r.condition)
                .filter(|c| PreconditionAnswers::ANSWERED.contains(c))
                .collect()
        })
        .unwrap_or_default()
}

/// The findings of form field `id`, as notes for the field (`None` when there are none).
pub fn notes_for(lang: Lang, findings: &[Finding], id: &str) -> Option<Html> {
    let mine: Vec<&Finding> = findings.iter().filter(|f| form_field_of(&f.field) == Some(id)).collect();
    (!mine.is_empty()).then(|| finding_list(lang, &mine))
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Block => "finding finding-block",
        Severity::Warn => "finding finding-warn",
        Severity::Info => "finding finding-info",
    }
}

/// Findings as a list: severity first (in words, not only in colour), then the explanation.
pub fn finding_list(lang: Lang, findings: &[&Finding]) -> Html {
    html! {
        <ul class="findings">
            { for findings.iter().map(|f| html! {
                <li class={severity_class(f.severity)} data-rule={f.rule_id.clone()}>
                    <strong>{ t(lang, R::Severity(f.severity)) }{ ": " }</strong>
                    { match lang { Lang::Nl => f.message_nl.clone(), Lang::En => f.message_en.clone() } }
                </li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct RulesSummaryProps {
    pub lang: Lang,
    pub state: PolicyState,
    pub findings: Rc<Vec<Finding>>,
}

/// Under the form: every live finding (those of a field are also shown at that field).
pub fn rules_summary(props: &RulesSummaryProps) -> Html {
    let lang = props.lang;
    let body = match &props.state {
        PolicyState::Loading => html! { <p role="status">{ t(lang, R::RulesLoading) }</p> },
        PolicyState::Failed(_) => html! { <p>{ t(lang, R::RulesUnavailable) }</p> },
        PolicyState::Loaded(_) if props.findings.is_empty() => {
            html! { <p id="rules-none">{ t(lang, R::RulesNone) }</p> }
        }
        PolicyState::Loaded(_) => {
            let all: Vec<&Finding> = props.findings.iter().collect();
            finding_list(lang, &all)
        }
    };
    html! {
        <section class="rules-summary" id="rules-summary" aria-labelledby="rules-summary-heading">
            <h2 id="rules-summary-heading">{ t(lang, R::RulesHeading) }</h2>
            <p class="hint">{ t(lang, R::RulesIntro) }</p>
            <div aria-live="polite">{ body }</div>
        </section>
    }
}
