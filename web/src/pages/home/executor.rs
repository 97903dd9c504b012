//! The executor's start page: the dossiers the organisation was chosen for, the quotes still to
//! write (before the application is definitive), and the progress reports of running support.

use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::quotes::ReportResponse;
use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use super::common::{PanelProps, dossier_link, panel, status_groups};
use crate::api::{self, ClientError};
use crate::components::feedback::use_remote;
use crate::format;
use crate::i18n::{Lang, U, t};

struct ExecutorData {
    dossiers: Vec<ArrangementSummary>,
    /// Dossiers that still accept a quote and have none from this organisation.
    quotes_to_write: Vec<ArrangementSummary>,
    /// Running dossiers with their latest report, if any.
    reports: Vec<(ArrangementSummary, Option<ReportResponse>)>,
}

/// The statuses in which the executor may still quote.
fn quotable(status: Status) -> bool {
    matches!(status, Status::Draft | Status::ChangesRequested | Status::Submitted | Status::Approved)
}

async fn load(token: String) -> Result<ExecutorData, ClientError> {
    let dossiers = api::dashboard::all_arrangements(&token).await?;
    let mut quotes_to_write = Vec::new();
    let mut reports = Vec::new();
    for a in &dossiers {
        if quotable(a.status) && api::dashboard::list_quotes(&token, a.id).await?.is_empty() {
            quotes_to_write.push(a.clone());
        }
        if a.status == Status::InExecution {
            let latest =
                api::dashboard::list_reports(&token, a.id).await?.into_iter().max_by_key(|r| r.period_end);
            reports.push((a.clone(), latest));
        }
    }
    Ok(ExecutorData { dossiers, quotes_to_write, reports })
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

#[component]
pub fn ExecutorDashboard(props: &Props) -> Html {
    let lang = props.lang;
    let (data, retry) = use_remote(load);
    data.view(lang, &retry, |d| {
        html! {
            <div class="dashboard" id="dashboard-executor">
                { panel(&yew::props!(PanelProps { id: "quotes-to-write", title: t(lang, U::QuotesHeading), children: html! { <>
                    if d.quotes_to_write.is_empty() {
                        <p class="empty" id="quotes-to-write-empty">{ t(lang, U::NoQuotes) }</p>
                    } else {
                        <ul class="plain dash-list" id="quotes-to-write-list">
                            { for d.quotes_to_write.iter().map(|a| dossier_link(lang, a, Some(t(lang, U::WriteQuote).to_owned()))) }
                        </ul>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "reports-due", title: t(lang, U::ReportsHeading), children: html! { <>
                    if d.reports.is_empty() {
                        <p class="empty" id="reports-due-empty">{ t(lang, U::NoReports) }</p>
                    } else {
                        <ul class="plain dash-list" id="reports-due-list">
                            { for d.reports.iter().map(|(a, latest)| {
                                let extra = match latest {
                                    Some(r) => format!("{} {}", t(lang, U::LastReportUntil), format::date(lang, r.period_end)),
                                    None => t(lang, U::NoReportYet).to_owned(),
                                };
                                dossier_link(lang, a, Some(extra))
                            }) }
                        </ul>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "assignments", title: t(lang, U::AssignmentsHeading), children: html! { <>
                    { status_groups(lang, &d.dossiers) }
                </> } })) }
            </div>
        }
    })
}
