//! The consultant's start page: the review queue (submitted dossiers, and decisions the
//! consultant takes on behalf of the partnership), the caseload, the deadlines and the
//! evaluations the consultant is expected at.

use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::evaluations::{EvaluationKind, EvaluationResponse};
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_shared::ids::UserId;
use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use super::common::{PanelProps, deadline_list, dossier_link, panel};
use crate::api::{self, ClientError};
use crate::app::Route;
use crate::components::AppLink;
use crate::components::feedback::use_remote;
use crate::format;
use crate::i18n::{Lang, U, t};

struct ConsultantData {
    dossiers: Vec<ArrangementSummary>,
    deadlines: Vec<DeadlineResponse>,
    schools: Vec<SchoolResponse>,
    /// Planned, not yet held evaluations the consultant takes part in (or must: the final one).
    evaluations: Vec<(ArrangementSummary, EvaluationResponse)>,
}

async fn load(token: String, me: UserId) -> Result<ConsultantData, ClientError> {
    let dossiers = api::dashboard::all_arrangements(&token).await?;
    let deadlines = api::rules::list_deadlines(&token).await?;
    let schools = api::dashboard::list_schools(&token).await?;
    let mut evaluations = Vec::new();
    for a in dossiers.iter().filter(|a| matches!(a.status, Status::Granted | Status::InExecution)) {
        for e in api::dashboard::list_evaluations(&token, a.id).await? {
            let expected =
                e.kind == EvaluationKind::Final || e.participants.iter().any(|p| p.user_id == Some(me));
            if e.held_on.is_none() && expected {
                evaluations.push((a.clone(), e));
            }
        }
    }
    evaluations.sort_by_key(|(_, e)| e.planned_on);
    Ok(ConsultantData { dossiers, deadlines, schools, evaluations })
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub me: UserId,
}

#[component]
pub fn ConsultantDashboard(props: &Props) -> Html {
    let lang = props.lang;
    let me = props.me;
    let (data, retry) = use_remote(move |token| load(token, me));
    data.view(lang, &retry, |d| {
        let queue: Vec<&ArrangementSummary> = d.dossiers.iter().filter(|a| a.status == Status::Submitted).collect();
        let decisions: Vec<&ArrangementSummary> = d
            .dossiers
            .iter()
            .filter(|a| a.status == Status::Definitive)
            .filter(|a| d.deadlines.iter().any(|x| x.arrangement_id == a.id && x.mine))
            .collect();
        let mine: Vec<DeadlineResponse> = d.deadlines.iter().filter(|x| x.mine).cloned().collect();
        html! {
            <div class="dashboard" id="dashboard-consultant">
                { panel(&yew::props!(PanelProps { id: "review-queue", title: t(lang, U::ReviewQueueHeading), children: html! { <>
                    if queue.is_empty() && decisions.is_empty() {
                        <p class="empty" id="review-queue-empty">{ t(lang, U::NothingToReview) }</p>
                    } else {
                        <ul class="plain dash-list" id="review-queue-list">
                            { for queue.iter().map(|a| dossier_link(lang, a, Some(t(lang, U::NextReview).to_owned()))) }
                            { for decisions.iter().map(|a| dossier_link(lang, a, Some(t(lang, U::NextDecide).to_owned()))) }
                        </ul>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "caseload", title: t(lang, U::CaseloadHeading), children: html! { <>
                    if d.schools.is_empty() {
                        <p class="empty" id="caseload-empty">{ t(lang, U::NoCaseload) }</p>
                    } else {
                        <table class="table" id="caseload-table">
                            <caption class="visually-hidden">{ t(lang, U::CaseloadHeading) }</caption>
                            <thead><tr>
                                <th scope="col">{ t(lang, U::ColSchool) }</th>
                                <th scope="col">{ t(lang, U::ColOpen) }</th>
                                <th scope="col">{ t(lang, U::ColAll) }</th>
                            </tr></thead>
                            <tbody>
                                { for d.schools.iter().map(|s| {
                                    let of_school = d.dossiers.iter().filter(|a| a.school.id == s.id);
                                    let all = of_school.clone().count();
                                    let open = of_school.filter(|a| !a.status.is_final()).count();
                                    html! {
                                        <tr id={format!("caseload-{}", s.id)}>
                                            <th scope="row">{ &s.name }</th>
                                            <td>{ open.to_string() }</td>
                                            <td>{ all.to_string() }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "my-deadlines", title: t(lang, U::MyDeadlinesHeading), children: html! { <>
                    { deadline_list(lang, "my-deadlines", &mine, U::NoDeadlines) }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "evaluations-to-attend", title: t(lang, U::EvaluationsHeading), children: html! { <>
                    if d.evaluations.is_empty() {
                        <p class="empty" id="evaluations-to-attend-empty">{ t(lang, U::NoEvaluations) }</p>
                    } else {
                        <ul class="plain dash-list" id="evaluations-to-attend-list">
                            { for d.evaluations.iter().map(|(a, e)| html! {
                                <li>
                                    <strong>{ format::date(lang, e.planned_on) }</strong>{ " — " }
                                    { t(lang, if e.kind == EvaluationKind::Final { U::FinalEvaluation } else { U::InterimEvaluation }) }
                                    { ": " }<AppLink to={Route::Dossier { id: a.id }}>{ &a.title }</AppLink>
                                    { format!(" · {}", a.school.name) }
                                </li>
                            }) }
                        </ul>
                    }
                </> } })) }
            </div>
        }
    })
}
