//! The partnership office's start page: the decisions to take, every overdue deadline in the
//! partnership, and the money of this calendar year. The charts of `GET /statistics` get their
//! own section (`#dashboard-charts`).

use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::payments::PaymentsResponse;
use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use super::common::{PanelProps, deadline_list, dossier_link, panel};
use crate::api::{self, ClientError};
use crate::app::Route;
use crate::components::AppLink;
use crate::components::feedback::use_remote;
use crate::components::statistics_overview::StatisticsOverview;
use crate::components::timeline::due_text;
use crate::format;
use crate::i18n::{Lang, R, St, U, t};

struct AdminData {
    dossiers: Vec<ArrangementSummary>,
    deadlines: Vec<DeadlineResponse>,
    payments: PaymentsResponse,
}

/// This calendar year, by the browser's clock.
pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

async fn load(token: String) -> Result<AdminData, ClientError> {
    let dossiers = api::dashboard::all_arrangements(&token).await?;
    let deadlines = api::rules::list_deadlines(&token).await?;
    let payments = api::rules::payments(&token, this_year()).await?;
    Ok(AdminData { dossiers, deadlines, payments })
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

#[component]
pub fn SwvAdminDashboard(props: &Props) -> Html {
    let lang = props.lang;
    let (data, retry) = use_remote(load);
    data.view(lang, &retry, |d| {
        // definitive dossiers whose decision falls to the office (a consultant decides some)
        let decisions: Vec<&ArrangementSummary> = d
            .dossiers
            .iter()
            .filter(|a| a.status == Status::Definitive)
            .filter(|a| {
                !d.deadlines.iter().any(|x| x.arrangement_id == a.id && x.kind == DeadlineKind::Decision && !x.mine)
            })
            .collect();
        let overdue: Vec<DeadlineResponse> = d.deadlines.iter().filter(|x| x.overdue).cloned().collect();
        let total = &d.payments.total;
        html! {
            <div class="dashboard" id="dashboard-swv-admin">
                { panel(&yew::props!(PanelProps { id: "decisions", title: t(lang, U::DecisionsHeading), children: html! { <>
                    if decisions.is_empty() {
                        <p class="empty" id="decisions-empty">{ t(lang, U::NoDecisions) }</p>
                    } else {
                        <ul class="plain dash-list" id="decisions-list">
                            { for decisions.iter().map(|a| {
                                let due = d.deadlines.iter()
                                    .find(|x| x.arrangement_id == a.id && x.kind == DeadlineKind::Decision)
                                    .map(|x| format!("{} {}", t(lang, U::DecideBy), due_text(lang, x)));
                                dossier_link(lang, a, due)
                            }) }
                        </ul>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "overdue", title: t(lang, U::OverdueHeading), children: html! { <>
                    { deadline_list(lang, "overdue", &overdue, U::NothingOverdue) }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "money-this-year", title: format!("{} {}", t(lang, U::MoneyHeading), d.payments.year), children: html! { <>
                    <dl class="facts" id="money-facts">
                        <dt>{ t(lang, R::ColGranted) }</dt>
                        <dd id="money-granted">{ format::money(total.granted_cents) }</dd>
                        <dt>{ t(lang, R::ColAtGrant) }</dt>
                        <dd id="money-paid-at-grant">{ format::money(total.paid_at_grant_cents) }</dd>
                        <dt>{ t(lang, R::ColTotal) }</dt>
                        <dd id="money-total">{ format::money(total.total_cents) }</dd>
                        <dt>{ t(lang, U::BoardsWithMoney) }</dt>
                        <dd id="money-boards">{ d.payments.boards.iter().filter(|b| b.arrangements > 0).count().to_string() }</dd>
                    </dl>
                    <p><AppLink to={Route::Payments} id="dash-payments-link">{ t(lang, U::ToPayments) }</AppLink></p>
                </> } })) }
                // this year's statistics as charts, each with its table and CSV
                <section id="dashboard-charts" class="card panel" aria-labelledby="dashboard-charts-title">
                    <h2 id="dashboard-charts-title">{ t(lang, St::Title) }</h2>
                    <StatisticsOverview year={this_year()} />
                </section>
            </div>
        }
    })
}
