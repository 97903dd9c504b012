//! The school's start page: what waits for the school, its dossiers by status, the deadlines
//! it must meet and the plans whose parents' consent is still open.

use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::opps::{ConsentStatus, OppSummary};
use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use super::common::{PanelProps, deadline_list, dossier_link, panel, status_groups};
use crate::api::{self, ClientError};
use crate::components::feedback::use_remote;
use crate::components::timeline::next_move;
use crate::i18n::{Lang, U, t};

struct SchoolData {
    dossiers: Vec<ArrangementSummary>,
    deadlines: Vec<DeadlineResponse>,
    plans: Vec<OppSummary>,
}

async fn load(token: String) -> Result<SchoolData, ClientError> {
    let dossiers = api::dashboard::all_arrangements(&token).await?;
    let deadlines = api::rules::list_deadlines(&token).await?;
    let plans = api::list_opps(&token, None).await?.items;
    Ok(SchoolData { dossiers, deadlines, plans })
}

/// The statuses in which the school must act.
fn school_must_act(status: Status) -> bool {
    matches!(status, Status::Draft | Status::ChangesRequested | Status::Approved | Status::Granted)
}

fn consent_text(status: Option<ConsentStatus>) -> U {
    match status {
        None => U::ConsentNotPublished,
        Some(ConsentStatus::Pending) => U::ConsentPending,
        Some(ConsentStatus::Refused) => U::ConsentRefused,
        Some(ConsentStatus::Withdrawn) => U::ConsentWithdrawn,
        Some(ConsentStatus::Given) => U::ConsentGiven,
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

#[component]
pub fn SchoolDashboard(props: &Props) -> Html {
    let lang = props.lang;
    let (data, retry) = use_remote(load);
    data.view(lang, &retry, |d| {
        let todo: Vec<&ArrangementSummary> =
            d.dossiers.iter().filter(|a| school_must_act(a.status)).collect();
        let mine: Vec<DeadlineResponse> = d.deadlines.iter().filter(|x| x.mine).cloned().collect();
        let open_consent: Vec<&OppSummary> =
            d.plans.iter().filter(|p| p.consent_status != Some(ConsentStatus::Given)).collect();
        html! {
            <div class="dashboard" id="dashboard-school">
                { panel(&yew::props!(PanelProps { id: "todo", title: t(lang, U::TodoHeading), children: html! { <>
                    if todo.is_empty() {
                        <p class="empty" id="todo-empty">{ t(lang, U::NothingWaiting) }</p>
                    } else {
                        <ul class="plain dash-list" id="todo-list">
                            { for todo.iter().map(|a| {
                                let what = next_move(a.status).map(|(_, what)| t(lang, what).to_owned());
                                dossier_link(lang, a, what)
                            }) }
                        </ul>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "dossiers-by-status", title: t(lang, U::ByStatusHeading), children: html! { <>
                    { status_groups(lang, &d.dossiers) }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "my-deadlines", title: t(lang, U::MyDeadlinesHeading), children: html! { <>
                    { deadline_list(lang, "my-deadlines", &mine, U::NoDeadlines) }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "consent-pending", title: t(lang, U::ConsentHeading), children: html! { <>
                    if open_consent.is_empty() {
                        <p class="empty" id="consent-pending-empty">{ t(lang, U::NoConsentOpen) }</p>
                    } else {
                        <ul class="plain dash-list" id="consent-pending-list">
                            { for open_consent.iter().map(|p| html! {
                                <li>
                                    <strong>{ &p.pupil.name }</strong>
                                    { format!(" — {} {} · ", t(lang, U::VersionWord), p.latest_version) }
                                    { t(lang, consent_text(p.consent_status)) }
                                </li>
                            }) }
                        </ul>
                    }
                </> } })) }
            </div>
        }
    })
}
