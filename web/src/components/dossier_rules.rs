//! The rules and the money on the dossier page: the findings that stand now (warnings need a
//! justification with the next action) and the cost panel.

use arrangeer_shared::api::costs::CostsResponse;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::money::{PaymentDue, PaymentKind};
use arrangeer_shared::policy::{Finding, Severity};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use super::error_message;
use super::live_findings::finding_list;
use crate::api::ClientError;
use crate::format;
use crate::i18n::{Lang, R, t};

#[derive(Properties, PartialEq)]
pub struct DossierFindingsProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub id: ArrangementId,
    /// The dossier's version: the findings are fetched again when it changes.
    pub version: i32,
    /// Told whether any warning stands (the action bar then asks for a justification).
    pub on_warnings: Callback<bool>,
}

/// The findings of the stored dossier (`GET /arrangements/{id}/findings`).
#[component]
pub fn DossierFindings(props: &DossierFindingsProps) -> Html {
    let lang = props.lang;
    let state = use_value(|| None::<Result<Vec<Finding>, ClientError>>);
    {
        let (state, token, on_warnings) = (state.clone(), props.token.to_string(), props.on_warnings.clone());
        use_effect_on((props.id, props.version), move |(id, _)| {
            let id = *id;
            crate::spawn(async move {
                let result = crate::api::rules::arrangement_findings(&token, id).await;
                if let Ok(list) = &result {
                    on_warnings.emit(list.iter().any(|f| f.severity == Severity::Warn));
                }
                state.set(Some(result));
            });
        });
    }
    let body = match &*state {
        None => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok(list)) if list.is_empty() => html! { <p id="findings-none">{ t(lang, R::RulesNone) }</p> },
        Some(Ok(list)) => {
            let all: Vec<&Finding> = list.iter().collect();
            html! {
                <>
                    if list.iter().any(|f| f.severity == Severity::Warn) {
                        <p>{ t(lang, R::WarningsIntro) }</p>
                    }
                    { finding_list(lang, &all) }
                </>
            }
        }
    };
    html! { <div id="dossier-findings" aria-live="polite">{ body }</div> }
}

#[derive(Properties, PartialEq)]
pub struct CostPanelProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub id: ArrangementId,
    pub version: i32,
}

fn kind_text(kind: PaymentKind) -> R {
    match kind {
        PaymentKind::Advance => R::PaymentAdvance,
        PaymentKind::Balance => R::PaymentBalance,
        PaymentKind::CalendarYear => R::PaymentCalendarYear,
        PaymentKind::Settlement => R::PaymentSettlement,
    }
}

fn due_text(due: PaymentDue) -> R {
    match due {
        PaymentDue::AtGrant => R::DueAtGrant,
        PaymentDue::AfterAccountability => R::DueAfterAccountability,
        PaymentDue::InYear => R::DueInYear,
    }
}

/// Expected cost, its calendar-year split, the payment schedule and, after an early stop, the
/// settlement (`GET /arrangements/{id}/costs`). Parents do not see it (the page leaves it out).
#[component]
pub fn CostPanel(props: &CostPanelProps) -> Html {
    let lang = props.lang;
    let state = use_value(|| None::<Result<CostsResponse, ClientError>>);
    {
        let (state, token) = (state.clone(), props.token.to_string());
        use_effect_on((props.id, props.version), move |(id, _)| {
            let id = *id;
            crate::spawn(async move {
                state.set(Some(crate::api::rules::arrangement_costs(&token, id).await));
            });
        });
    }
    let costs = match &*state {
        None => {
            return html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } };
        }
        Some(Err(err)) => return html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok(costs)) => costs,
    };
    let Some(expected) = costs.expected_cost_cents else {
        return html! { <p id="costs-unknown">{ t(lang, R::CostsUnknown) }</p> };
    };
    html! {
        <div id="cost-panel">
            <p>{ t(lang, R::CostsExpected) }{ ": " }<strong id="costs-expected">{ format::money(expected) }</strong></p>
            if !costs.per_calendar_year.is_empty() {
                <table class="table" id="costs-per-year">
                    <caption>{ t(lang, R::CostsPerYear) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, R::CostsYear) }</th>
                        <th scope="col">{ t(lang, R::CostsMonths) }</th>
                        <th scope="col" class="number">{ t(lang, R::CostsAmount) }</th>
                    </tr></thead>
                    <tbody>
                        { for costs.per_calendar_year.iter().map(|s| html! {
                            <tr><td>{ s.year }</td><td>{ s.months }</td>
                                <td class="number">{ format::money(s.amount.0) }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            if costs.payments.is_empty() {
                <p id="costs-no-schedule">{ t(lang, R::CostsScheduleNone) }</p>
            } else {
                <table class="table" id="costs-schedule">
                    <caption>{ t(lang, R::CostsSchedule) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, R::CostsYear) }</th>
                        <th scope="col">{ t(lang, R::CostsKind) }</th>
                        <th scope="col">{ t(lang, R::CostsDue) }</th>
                        <th scope="col" class="number">{ t(lang, R::CostsAmount) }</th>
                    </tr></thead>
                    <tbody>
                        { for costs.payments.iter().map(|line| html! {
                            <tr><td>{ line.year }</td><td>{ t(lang, kind_text(line.kind)) }</td>
                                <td>{ t(lang, due_text(line.due)) }</td>
                                <td class="number">{ format::money(line.amount.0) }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            if let Some(settlement) = &costs.settlement {
                <dl class="facts" id="costs-settlement">
                    <dt>{ t(lang, R::CostsEntitled) }</dt>
                    <dd>{ format::money(settlement.entitled.0) }</dd>
                    <dt>{ t(lang, R::CostsSettled) }</dt>
                    <dd>{ format::money(settlement.settlement.0) }</dd>
                </dl>
            }
        </div>
    }
}
