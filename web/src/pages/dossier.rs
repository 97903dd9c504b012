//! One dossier: its facts, the route as a timeline, what the caller may do now, the proposal
//! (editable by the school while it is a draft or sent back), and the history.

mod state;

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ActionRequest, ArrangementResponse};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::workflow::Action;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use self::state::{DossierState, Msg, SaveProblem};
use crate::app::Route;
use crate::components::action_bar::ActionBar;
use crate::components::dossier_rules::{CostPanel, DossierFindings};
use crate::components::history::{HistoryProps, history};
use crate::components::integral_actions::IntegralActions;
use crate::components::proposal_form::ProposalForm;
use crate::components::proposal_form::values::{FormValues, Parsed};
use crate::components::proposal_view::{ProposalViewProps, proposal_view};
use crate::components::timeline::{TimelineProps, timeline};
use crate::components::uploads::Uploads;
use crate::components::{AppLink, error_message, focus_by_id, use_focus_main_heading};
use crate::format;
use crate::i18n::{C, D, F, Lang, R, T, U, t};
use crate::pages::opp_status::OppConsentStatus;
use crate::session::use_app;

#[derive(Properties, PartialEq)]
pub struct DossierPageProps {
    pub id: ArrangementId,
}

fn facts(lang: Lang, a: &ArrangementResponse) -> Html {
    html! {
        <dl class="facts" id="dossier-facts">
            <dt>{ t(lang, D::FactKind) }</dt>
            <dd id="dossier-kind">{ t(lang, T::Kind(a.kind)) }</dd>
            <dt>{ t(lang, D::FactStatus) }</dt>
            <dd id="dossier-status"><span class={classes!("status", a.status.as_str())}>
                { t(lang, T::Status(a.status)) }</span></dd>
            <dt>{ t(lang, D::FactSchool) }</dt>
            <dd>{ &a.school.name }</dd>
            <dt>{ t(lang, D::FactPupils) }</dt>
            <dd>
                <ul class="plain" id="dossier-pupils">
                    { for a.pupils.iter().map(|p| html! { <li>{ format!("{} ({})", p.name, p.group_name) }</li> }) }
                </ul>
            </dd>
            <dt>{ t(lang, D::FactStartRoute) }</dt>
            <dd>{ t(lang, T::StartRoute(a.start_route)) }</dd>
            <dt>{ t(lang, D::FactCareScope) }</dt>
            <dd>{ t(lang, T::CareScope(a.care_scope)) }</dd>
            <dt>{ t(lang, D::FactExpectedCost) }</dt>
            <dd id="expected-cost">
                { a.expected_cost_cents.map_or_else(|| t(lang, D::CostUnknown).to_owned(), format::money) }
            </dd>
        </dl>
    }
}

#[component]
pub fn DossierPage(props: &DossierPageProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let state = use_reducer(DossierState::default);
    let warned = use_value(|| false);
    use_focus_main_heading();
    let token = app.session.as_ref().map(|s| s.token.clone());
    let id = props.id;

    {
        let (app, state) = (app.clone(), state.clone());
        use_effect_on((token.clone(), id), move |(token, id)| {
            if let Some(token) = token.clone() {
                state::load(app, state, token, *id, true);
            }
        });
    }
    // the deadlines say who must act by when (parents have none to meet); read again after
    // every change of the dossier
    let deadlines = use_value(Vec::<arrangeer_shared::api::deadlines::DeadlineResponse>::new);
    {
        let deadlines = deadlines.clone();
        let is_parent = app.session.as_ref().is_some_and(|s| s.user.role == Role::Parent);
        let version = state.arrangement.as_ref().map(|a| a.version);
        use_effect_on((token.clone(), id, version), move |(token, _, version)| {
            if let (Some(token), Some(_), false) = (token.clone(), version, is_parent) {
                crate::spawn(async move {
                    // without them the timeline still shows the steps and who acts
                    if let Ok(list) = crate::api::rules::list_deadlines(&token).await {
                        deadlines.set(list);
                    }
                });
            }
        });
    }
    use_effect_on(state.focus, |focus| {
        if let Some((_, target)) = focus {
            focus_by_id(target);
        }
    });

    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    let token = session.token.clone();
    let reload = {
        let (app, state, token) = (app.clone(), state.clone(), token.clone());
        Callback::from(move |_: MouseEvent| state::load(app.clone(), state.clone(), token.clone(), id, true))
    };
    let s = &*state;

    let heading =
        s.arrangement.as_ref().map_or_else(|| t(lang, D::DossierHeading).to_owned(), |a| a.title.clone());
    let body = match (&s.arrangement, &s.load_error) {
        (None, None) => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        (None, Some(err)) => html! {
            <div class="error-box" role="alert" id="load-error">
                <p>{ error_message(lang, err) }</p>
                <button type="button" class="button plain" onclick={reload.clone()}>{ t(lang, D::Retry) }</button>
            </div>
        },
        (Some(a), _) => {
            let on_action = {
                let (app, state, token) = (app.clone(), state.clone(), token.clone());
                Callback::from(move |(action, body): (Action, ActionRequest)| {
                    state::act(app.clone(), state.clone(), token.clone(), id, action, body)
                })
            };
            let can_edit = session.user.role == Role::School && a.status.proposal_editable();
            let on_edit = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| state.dispatch(Msg::Edit))
            };
            let on_cancel = {
                let state = state.clone();
                Callback::from(move |()| state.dispatch(Msg::CancelEdit))
            };
            let on_save = {
                let (app, state, token, current) = (app.clone(), state.clone(), token.clone(), a.clone());
                Callback::from(move |parsed: Parsed| {
                    state::save(app.clone(), state.clone(), token.clone(), &current, parsed)
                })
            };
            html! {
                <>
                    { facts(lang, a) }
                    if matches!(session.user.role, Role::School | Role::Consultant | Role::SwvAdmin) {
                        <OppConsentStatus lang={lang} token={token.clone()} pupils={a.pupils.clone()} />
                    }
                    if a.kind == arrangeer_shared::kinds::ArrangementKind::Cluster && session.user.role != Role::Parent {
                        <crate::components::short_term_joiners::ShortTermJoiners lang={lang} token={token.clone()}
                            arrangement={a.id} pupils={a.pupils.iter().map(|p| p.id).collect::<Vec<_>>()}
                            writable={session.user.role == Role::School && !a.status.is_final()} />
                    }
                    <section class="part" aria-labelledby="timeline-heading">
                        <h2 id="timeline-heading">{ t(lang, D::TimelineHeading) }</h2>
                        { timeline(&yew::props!(TimelineProps { lang: lang, status: a.status, previous: s.previous_status(), arrangement: Some(a.id), deadlines: (*deadlines).clone() })) }
                    </section>
                    <section class="part" aria-labelledby="actions-heading">
                        <h2 id="actions-heading">{ t(lang, D::ActionsHeading) }</h2>
                        if s.editing {
                            // an action now would take the saved proposal, not what is being typed
                            <p class="notice" id="save-first">{ t(lang, D::SaveFirst) }</p>
                        } else {
                            <ActionBar lang={lang} allowed={a.allowed_actions.clone()} busy={s.action_busy}
                                problem={s.action_problem.clone()} done={s.action_done} {on_action}
                                warned={*warned} />
                        }
                    </section>
                    if a.kind == arrangeer_shared::kinds::ArrangementKind::Integral && session.user.role != Role::Parent {
                        <section class="part" aria-labelledby="integral-heading">
                            <h2 id="integral-heading">{ t(lang, C::ActionsHeading) }</h2>
                            <IntegralActions lang={lang} token={token.clone()} arrangement={a.id}
                                writable={matches!(session.user.role, Role::School | Role::Consultant)
                                    && !a.status.is_final()} />
                        </section>
                    }
                    <section class="part" aria-labelledby="findings-heading">
                        <h2 id="findings-heading">{ t(lang, R::RulesHeading) }</h2>
                        <DossierFindings lang={lang} token={token.clone()} id={a.id} version={a.version}
                            on_warnings={let warned = warned.clone(); Callback::from(move |w| warned.set(w))} />
                    </section>
                    if session.user.role != Role::Parent {
                        <section class="part" aria-labelledby="costs-heading">
                            <h2 id="costs-heading">{ t(lang, R::CostsHeading) }</h2>
                            <CostPanel lang={lang} token={token.clone()} id={a.id} version={a.version} />
                        </section>
                    }
                    <section class="part" aria-labelledby="proposal-heading">
                        <div class="title-row">
                            <h2 id="proposal-heading" tabindex="-1">{ t(lang, D::ProposalHeading) }</h2>
                            if can_edit && !s.editing {
                                <button type="button" class="button primary" id="edit-proposal" onclick={on_edit}>
                                    { t(lang, D::EditProposal) }
                                </button>
                            }
                        </div>
                        if s.saved {
                            <p class="notice success" role="status" id="save-result">{ t(lang, D::Saved) }</p>
                        }
                        if let Some(problem) = &s.save_problem {
                            <div class="error-box" role="alert" id="save-problem" tabindex="-1">
                                <p>{ match problem {
                                    SaveProblem::Stale => t(lang, D::Stale).to_owned(),
                                    SaveProblem::NotEditable => t(lang, D::NotEditable).to_owned(),
                                    SaveProblem::Other(err) => error_message(lang, err),
                                } }</p>
                                if matches!(problem, SaveProblem::Stale | SaveProblem::NotEditable) {
                                    <button type="button" class="button plain" id="reload-dossier" onclick={reload}>
                                        { t(lang, D::Reload) }
                                    </button>
                                }
                            </div>
                        }
                        if s.editing {
                            <ProposalForm lang={lang} token={token.clone()} initial={FormValues::from_arrangement(a)}
                                kind_editable=false server_errors={s.save_errors.clone()} busy={s.save_busy}
                                submit_label={F::SaveChanges} on_submit={on_save} on_cancel={on_cancel} />
                        } else {
                            { proposal_view(&yew::props!(ProposalViewProps { lang: lang, arrangement: a.clone() })) }
                        }
                    </section>
                    if session.user.role != Role::Parent {
                        <section class="part" aria-labelledby="documents-heading">
                            <h2 id="documents-heading">{ t(lang, U::DocumentsHeading) }</h2>
                            <Uploads lang={lang} token={token.clone()} arrangement={a.id} pupils={a.pupils.clone()}
                                writable={!a.status.is_final()} />
                        </section>
                    }
                    <section class="part" aria-labelledby="history-heading">
                        <h2 id="history-heading">{ t(lang, D::HistoryHeading) }</h2>
                        { history(&yew::props!(HistoryProps { lang: lang, events: s.history.clone() })) }
                    </section>
                </>
            }
        }
    };

    html! {
        <article class="card wide">
            <p class="breadcrumb"><AppLink to={Route::Dossiers}>{ "← " }{ t(lang, D::BackToList) }</AppLink></p>
            <h1 id="main-heading" tabindex="-1">{ heading }</h1>
            { body }
        </article>
    }
}
