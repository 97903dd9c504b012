//! The parent's start page: each child's plan (its latest published version and where the
//! consent stands) and what is asked of the parent now: an answer on the action part.

use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::opps::{ConsentDecision, OppResponse};
use arrangeer_shared::ids::UserId;
use yew::prelude::*;

use super::common::{PanelProps, dossier_list, panel};
use crate::api::{self, ClientError};
use crate::app::Route;
use crate::components::AppLink;
use crate::components::feedback::use_remote;
use crate::format;
use crate::i18n::{Lang, U, t};

struct ParentData {
    plans: Vec<OppResponse>,
    dossiers: Vec<ArrangementSummary>,
}

async fn load(token: String) -> Result<ParentData, ClientError> {
    let mut plans = Vec::new();
    for summary in api::list_opps(&token, None).await?.items {
        plans.push(api::get_opp(&token, summary.id).await?);
    }
    let dossiers = api::dashboard::all_arrangements(&token).await?;
    Ok(ParentData { plans, dossiers })
}

/// This guardian's latest answer on the plan's latest published version.
fn my_answer(opp: &OppResponse, me: UserId) -> Option<ConsentDecision> {
    let version = opp.published.as_ref()?;
    version.consent.guardians.iter().find(|g| g.guardian_id == me).and_then(|g| g.decision)
}

fn answer_text(answer: Option<ConsentDecision>) -> U {
    match answer {
        None => U::YouHaveNotAnswered,
        Some(ConsentDecision::Agree) => U::YouAgreed,
        Some(ConsentDecision::Disagree) => U::YouDisagreed,
        Some(ConsentDecision::Withdraw) => U::YouWithdrew,
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub me: UserId,
}

#[component]
pub fn ParentDashboard(props: &Props) -> Html {
    let (lang, me) = (props.lang, props.me);
    let (data, retry) = use_remote(load);
    data.view(lang, &retry, |d| {
        let asked: Vec<&OppResponse> =
            d.plans.iter().filter(|p| p.published.is_some() && my_answer(p, me).is_none()).collect();
        html! {
            <div class="dashboard" id="dashboard-parent">
                { panel(&yew::props!(PanelProps { id: "asked-of-me", title: t(lang, U::AskedOfMeHeading), children: html! { <>
                    if asked.is_empty() {
                        <p class="empty" id="asked-of-me-empty">{ t(lang, U::NothingAsked) }</p>
                    } else {
                        <ul class="plain dash-list" id="asked-of-me-list">
                            { for asked.iter().map(|p| html! {
                                <li>
                                    <span class="icon" aria-hidden="true">{ "✎ " }</span>
                                    { format!("{} {}: ", t(lang, U::AnswerPlanOf), p.pupil.name) }
                                    <AppLink to={Route::MyChild} id={format!("answer-{}", p.id)}>
                                        { t(lang, U::GoToPlan) }
                                    </AppLink>
                                </li>
                            }) }
                        </ul>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "my-child", title: t(lang, U::MyChildHeading), children: html! { <>
                    if d.plans.is_empty() {
                        <p class="empty" id="my-child-empty">{ t(lang, U::NoPlanYet) }</p>
                    } else {
                        <ul class="plain dash-list" id="my-child-list">
                            { for d.plans.iter().map(|p| html! {
                                <li>
                                    <strong>{ &p.pupil.name }</strong>
                                    { match &p.published {
                                        Some(v) => format!(" — {} {} ({}) · {}", t(lang, U::VersionWord), v.number,
                                            format::day(lang, v.published_at), t(lang, answer_text(my_answer(p, me)))),
                                        None => format!(" — {}", t(lang, U::NoPlanYet)),
                                    } }
                                </li>
                            }) }
                        </ul>
                        <p><AppLink to={Route::MyChild} id="dash-my-child-link">{ t(lang, U::ReadPlan) }</AppLink></p>
                    }
                </> } })) }
                { panel(&yew::props!(PanelProps { id: "child-dossiers", title: t(lang, U::ChildDossiersHeading), children: html! { <>
                    { dossier_list(lang, "child-dossiers", &d.dossiers, U::NoDossiers) }
                </> } })) }
            </div>
        }
    })
}
