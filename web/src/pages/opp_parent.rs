//! The parent's page: the latest published plan of each of their children, in plain Dutch,
//! and their answer on its action part (agree, disagree, withdraw) with a clear confirmation.

use arrangeer_shared::api::opps::{ConsentDecision, ConsentRequest, ConsentResponse, OppResponse};
use arrangeer_shared::ids::UserId;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::{self, ClientError};
use crate::app::Route;
use crate::components::fields::{TextFieldProps, text_field};
use crate::components::{error_message, expire_on_401, use_focus_main_heading};
use crate::format;
use crate::i18n::{Lang, O, t};
use crate::session::use_app;

/// Every published plan of the caller's children, read in full.
async fn load_plans(token: &str) -> Result<Vec<OppResponse>, ClientError> {
    let mut plans = Vec::new();
    for summary in api::list_opps(token, None).await?.items {
        plans.push(api::get_opp(token, summary.id).await?);
    }
    Ok(plans)
}

#[component]
pub fn ParentOppPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let plans = use_value(|| None::<Result<Vec<OppResponse>, ClientError>>);
    let token = app.session.as_ref().map(|s| s.token.clone());
    let reload = use_value(|| 0u32);
    {
        let (app, plans) = (app.clone(), plans.clone());
        use_effect_on((token.clone(), *reload), move |(token, _)| {
            if let Some(token) = token.clone() {
                crate::spawn(async move {
                    let loaded = load_plans(&token).await;
                    if let Err(err) = &loaded {
                        expire_on_401(&app, err);
                    }
                    plans.set(Some(loaded));
                });
            }
        });
    }
    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    let body = match &*plans {
        None => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok(list)) if list.is_empty() => html! { <p id="no-plans">{ t(lang, O::NoPlans) }</p> },
        Some(Ok(list)) => html! {
            <>{ for list.iter().map(|opp| html! {
                <Plan key={opp.id.to_string()} lang={lang} token={session.token.clone()} me={session.user.id}
                    opp={opp.clone()} />
            }) }</>
        },
    };
    html! {
        <article class="card wide">
            <h1 id="main-heading" tabindex="-1">{ t(lang, O::ParentTitle) }</h1>
            <p>{ t(lang, O::ParentIntro) }</p>
            { body }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct PlanProps {
    lang: Lang,
    token: AttrValue,
    me: UserId,
    opp: OppResponse,
}

#[component]
fn Plan(props: &PlanProps) -> Html {
    let lang = props.lang;
    let Some(version) = &props.opp.published else { return html! {} };
    let c = &version.content;
    html! {
        <section class="part opp-plan" id={format!("plan-{}", props.opp.pupil.id)} aria-labelledby={format!("plan-heading-{}", props.opp.id)}>
            <h2 id={format!("plan-heading-{}", props.opp.id)}>
                { format!("{} {}", t(lang, O::PlanOf), props.opp.pupil.name) }
            </h2>
            <p class="hint">
                { format!("{} {} — {} {}", t(lang, O::VersionLabel), version.number, t(lang, O::PublishedOn),
                    format::day(lang, version.published_at)) }
            </p>
            <dl class="facts">
                <dt>{ t(lang, O::ExitLevel) }</dt>
                <dd>{ &c.expected_exit_level }</dd>
                <dt>{ t(lang, O::EducationalNeeds) }</dt>
                <dd>{ &c.educational_needs }</dd>
                <dt>{ t(lang, O::PupilVoice) }</dt>
                <dd>{ &c.pupil_voice }</dd>
            </dl>
            <h3>{ t(lang, O::GoalsHeading) }</h3>
            <ul class="opp-goals">
                { for c.goals.iter().map(|g| html! {
                    <li>
                        <strong>{ t(lang, O::Domain(g.domain)) }{ ": " }</strong>{ &g.description }
                        <br />
                        <span class="hint">{ format!("{} {}", t(lang, O::GoalTarget), format::date(lang, g.target_date)) }</span>
                    </li>
                }) }
            </ul>
            <h3>{ t(lang, O::ActionPartHeading) }</h3>
            <ul class="opp-actions" id="action-part">
                { for c.action_part.iter().map(|r| html! {
                    <li>
                        <strong>{ &r.support }</strong>
                        <br />
                        { format!("{}: {} · {}: {} · {}: {} – {}", t(lang, O::ActionByWhom), r.by_whom,
                            t(lang, O::ActionFrequency), r.frequency, t(lang, O::ActionPeriod),
                            format::date(lang, r.starts_on), format::date(lang, r.ends_on)) }
                    </li>
                }) }
            </ul>
            <ConsentForm lang={lang} token={props.token.clone()} opp={props.opp.clone()} me={props.me} />
            <crate::pages::access_log::AccessLog lang={lang} token={props.token.clone()} pupil={props.opp.pupil.id}
                name={props.opp.pupil.name.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ConsentProps {
    lang: Lang,
    token: AttrValue,
    me: UserId,
    opp: OppResponse,
}

#[component]
fn ConsentForm(props: &ConsentProps) -> Html {
    let lang = props.lang;
    let choice = use_value(|| None::<ConsentDecision>);
    let view = use_value(String::new);
    let busy = use_value(|| false);
    let problem = use_value(|| None::<String>);
    let recorded = use_value(|| None::<ConsentResponse>);
    let Some(version) = props.opp.published.clone() else { return html! {} };
    let mine = version.consent.guardians.iter().find(|g| g.guardian_id == props.me).and_then(|g| g.decision);
    let current = recorded.as_ref().map(|r| r.decision).or(mine);

    let send = {
        let (choice, view, busy, problem, recorded) =
            (choice.clone(), view.clone(), busy.clone(), problem.clone(), recorded.clone());
        let (token, id, number) = (props.token.to_string(), props.opp.id, version.number);
        Callback::from(move |decision: Option<ConsentDecision>| {
            let Some(decision) = decision.or(*choice) else {
                problem.set(Some(t(lang, O::ChooseFirst).to_owned()));
                return;
            };
            let body =
                ConsentRequest { decision, view: Some((*view).clone()).filter(|v| !v.trim().is_empty()) };
            let (busy, problem, recorded, token) =
                (busy.clone(), problem.clone(), recorded.clone(), token.clone());
            busy.set(true);
            problem.set(None);
            crate::spawn(async move {
                match api::give_consent(&token, id, number, &body).await {
                    Ok(answer) => recorded.set(Some(answer)),
                    Err(err) => problem.set(Some(error_message(lang, &err))),
                }
                busy.set(false);
            });
        })
    };
    let onsubmit = {
        let send = send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send.emit(None);
        })
    };
    let withdraw = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send.emit(Some(ConsentDecision::Withdraw)))
    };
    let pick = |decision: ConsentDecision| {
        let choice = choice.clone();
        Callback::from(move |_: Event| choice.set(Some(decision)))
    };
    let group = format!("consent-{}", props.opp.id);
    let status = match recorded.as_ref().map(|r| r.decision) {
        Some(_) => None,
        None => Some(version.consent.status),
    };
    html! {
        <section class="consent" aria-labelledby={format!("consent-heading-{}", props.opp.id)}>
            <h3 id={format!("consent-heading-{}", props.opp.id)}>{ t(lang, O::ConsentHeading) }</h3>
            if let Some(status) = status {
                <p id="consent-status">{ t(lang, O::ConsentStatusLabel) }{ " " }<strong>{ t(lang, O::Status(status)) }</strong></p>
            }
            if let Some(answer) = &*recorded {
                <div class="notice success" role="status" id="consent-confirmation" tabindex="-1">
                    <p><strong>{ t(lang, match answer.decision {
                        ConsentDecision::Agree => O::ConfirmedAgree,
                        ConsentDecision::Disagree => O::ConfirmedDisagree,
                        ConsentDecision::Withdraw => O::ConfirmedWithdraw,
                    }) }</strong></p>
                    <p>{ format!("{} {} ({} {})", t(lang, O::RecordedOn), format::moment(lang, answer.created_at),
                        t(lang, O::VersionLabel).to_lowercase(), answer.version_number) }</p>
                </div>
            }
            if current == Some(ConsentDecision::Agree) {
                <p>{ t(lang, O::WithdrawExplain) }</p>
                <button type="button" class="button secondary" id="consent-withdraw" disabled={*busy} onclick={withdraw}>
                    { t(lang, O::Withdraw) }
                </button>
            } else if recorded.is_none() {
                <p>{ t(lang, O::ConsentExplain) }</p>
                <form onsubmit={onsubmit} novalidate=true>
                    <fieldset>
                        <legend>{ t(lang, O::ChooseAnswer) }</legend>
                        <div class="choice">
                            <input type="radio" id="consent-agree" name={group.clone()} value="agree"
                                checked={*choice == Some(ConsentDecision::Agree)} onchange={pick(ConsentDecision::Agree)} />
                            <label for="consent-agree">{ t(lang, O::Agree) }</label>
                        </div>
                        <div class="choice">
                            <input type="radio" id="consent-disagree" name={group} value="disagree"
                                checked={*choice == Some(ConsentDecision::Disagree)} onchange={pick(ConsentDecision::Disagree)} />
                            <label for="consent-disagree">{ t(lang, O::Disagree) }</label>
                        </div>
                    </fieldset>
                    { text_field(&yew::props!(TextFieldProps { id: "consent-view", label: t(lang, O::ViewLabel), hint: Some(AttrValue::from(t(lang, O::ViewHint))), value: (*view).clone(), multiline: true, oninput: { let view = view.clone(); Callback::from(move |v| view.set(v)) } })) }
                    <button type="submit" class="button primary" id="consent-submit" disabled={*busy}>
                        { t(lang, O::SendAnswer) }
                    </button>
                </form>
            }
            if let Some(problem) = &*problem {
                <p class="field-error" role="alert" id="consent-problem">{ problem.clone() }</p>
            }
        </section>
    }
}
