//! The development plan (OPP) of one pupil, at `/leerlingen/{pupilId}/opp`. School staff edit
//! the draft, publish versions, record the OOGO meeting and evaluate goals; consultants and the
//! SWV office get the same page read-only, without a single edit control; executors have no
//! access to plans.

mod evaluations;
mod form;
mod history;
mod lists;
mod meetings;
pub mod values;
mod view;

use arrangeer_shared::Role;
use arrangeer_shared::api::opps::{CreateOppRequest, OppContent, OppResponse};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::PupilId;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use self::evaluations::GoalEvaluations;
use self::form::OppForm;
use self::history::OppHistory;
use self::meetings::OppMeetings;
use crate::api::{self as client, ClientError, opps as api};
use crate::app::Route;
use crate::components::checkbox;
use crate::components::{AppLink, error_message, expire_on_401, focus_by_id, use_focus_main_heading};
use crate::i18n::{D, E, Lang, T, t};
use crate::session::use_app;

/// The error of a server field (or of one of its items: `participants[1]` under `participants`),
/// in the user's language.
pub fn field_error(lang: Lang, errors: &[FieldError], field: &str) -> Option<AttrValue> {
    let e = errors.iter().find(|e| {
        e.field == field || e.field.strip_prefix(field).is_some_and(|rest| rest.starts_with('['))
    })?;
    let own = match e.code.as_str() {
        "before_start" => Some(E::ErrBeforeStart),
        "duplicate" => Some(E::ErrDuplicateGoal),
        "invalid_date" => Some(E::ChooseDate),
        _ => None,
    };
    match own {
        Some(key) => Some(AttrValue::from(t(lang, key))),
        None => checkbox::field_error(lang, std::slice::from_ref(e), &e.field),
    }
}

/// The pupil's plan, `None` when there is none yet.
async fn load(token: &str, pupil: PupilId) -> Result<Option<OppResponse>, ClientError> {
    match client::list_opps(token, Some(pupil)).await?.items.into_iter().next() {
        Some(summary) => Ok(Some(client::get_opp(token, summary.id).await?)),
        None => Ok(None),
    }
}

#[derive(Properties, PartialEq)]
pub struct OppEditorProps {
    pub pupil: PupilId,
}

#[component]
pub fn OppEditorPage(props: &OppEditorProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let plan = use_value(|| None::<Result<Option<OppResponse>, ClientError>>);
    let generation = use_value(|| 0u32);
    let published = use_value(|| 0u32);
    let creating = use_value(|| None::<String>);
    let token = app.session.as_ref().map(|s| s.token.clone());
    {
        let (app, plan) = (app.clone(), plan.clone());
        use_effect_on((token.clone(), props.pupil, *generation), move |(token, pupil, _)| {
            plan.set(None);
            if let Some(token) = token.clone() {
                let pupil = *pupil;
                crate::spawn(async move {
                    let loaded = load(&token, pupil).await;
                    if let Err(err) = &loaded {
                        expire_on_401(&app, err);
                    }
                    plan.set(Some(loaded));
                });
            }
        });
    }
    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    let role = session.user.role;
    let writable = role == Role::School;
    let token: AttrValue = session.token.clone().into();

    let on_changed = {
        let plan = plan.clone();
        Callback::from(move |fresh: OppResponse| plan.set(Some(Ok(Some(fresh)))))
    };
    let on_published = {
        let (plan, published, token, pupil) = (plan.clone(), published.clone(), token.clone(), props.pupil);
        Callback::from(move |_: i32| {
            published.set(*published + 1);
            let (plan, token) = (plan.clone(), token.clone());
            crate::spawn(async move {
                if let Ok(fresh) = load(&token, pupil).await {
                    plan.set(Some(Ok(fresh)));
                }
            });
        })
    };
    let on_reload = {
        let generation = generation.clone();
        Callback::from(move |()| generation.set(*generation + 1))
    };
    let create = {
        let (plan, creating, token, pupil) = (plan.clone(), creating.clone(), token.clone(), props.pupil);
        Callback::from(move |_: MouseEvent| {
            let (plan, creating, token) = (plan.clone(), creating.clone(), token.clone());
            crate::spawn(async move {
                let body = CreateOppRequest { pupil_id: pupil, content: OppContent::default() };
                match api::create_opp(&token, &body).await {
                    Ok(opp) => {
                        creating.set(None);
                        plan.set(Some(Ok(Some(opp))));
                        focus_by_id("opp-plan-heading");
                    }
                    Err(err) => creating.set(Some(error_message(lang, &err))),
                }
            });
        })
    };

    let heading = match &*plan {
        Some(Ok(Some(opp))) => format!("{} — {}", t(lang, E::PageTitle), opp.pupil.name),
        _ => t(lang, E::PageTitle).to_owned(),
    };
    let body = match (&*plan, role) {
        (_, Role::Executor | Role::Parent) => {
            html! { <p class="notice" id="opp-no-access">{ t(lang, E::NoAccess) }</p> }
        }
        (None, _) => html! { <p role="status">{ t(lang, T::Loading) }</p> },
        (Some(Err(err)), _) => {
            html! { <p class="error-box" role="alert" id="opp-load-error">{ error_message(lang, err) }</p> }
        }
        (Some(Ok(None)), _) if writable => html! {
            <>
                <p id="opp-none">{ t(lang, E::NoPlan) }</p>
                if let Some(problem) = &*creating {
                    <p class="error-box" role="alert">{ problem.clone() }</p>
                }
                <button type="button" class="button primary" id="opp-create" onclick={create}>{ t(lang, E::CreatePlan) }</button>
            </>
        },
        (Some(Ok(None)), _) => html! { <p id="opp-none">{ t(lang, E::NoPlanReadOnly) }</p> },
        (Some(Ok(Some(opp))), _) => {
            let goals = opp.published.as_ref().map(|v| v.content.goals.clone()).unwrap_or_default();
            html! {
                <>
                    if writable {
                        <p>{ t(lang, E::Intro) }</p>
                    } else {
                        <p class="notice" id="opp-read-only">{ t(lang, E::ReadOnlyNotice) }</p>
                    }
                    <section class="part" aria-labelledby="opp-plan-heading">
                        <h2 id="opp-plan-heading" tabindex="-1">{ t(lang, E::PlanHeading) }</h2>
                        if writable {
                            <OppForm key={*generation} lang={lang} token={token.clone()} opp={opp.clone()}
                                on_changed={on_changed} on_published={on_published} on_reload={on_reload} />
                        } else {
                            { read_only(lang, opp) }
                        }
                    </section>
                    <OppHistory lang={lang} token={token.clone()} opp={opp.id} refresh={*published} />
                    <OppMeetings lang={lang} token={token.clone()} opp={opp.id} writable={writable} />
                    <GoalEvaluations key={format!("eval-{}", *published)} lang={lang} token={token.clone()} opp={opp.id}
                        goals={goals} writable={writable} />
                </>
            }
        }
    };
    html! {
        <article class="card wide" id="opp-page">
            <p class="breadcrumb"><AppLink to={Route::Dossiers}>{ "← " }{ t(lang, D::BackToList) }</AppLink></p>
            <h1 id="main-heading" tabindex="-1">{ heading }</h1>
            { body }
        </article>
    }
}

/// What a reader sees: the latest published version, or the draft before the first one.
fn read_only(lang: Lang, opp: &OppResponse) -> Html {
    match (&opp.published, &opp.draft) {
        (Some(v), _) => html! {
            <>
                <p class="hint" id="opp-read-version">{ format!("{} {}", t(lang, E::Version), v.number) }
                    if opp.unpublished_changes { { " — " }{ t(lang, E::UnpublishedChanges) } }</p>
                { view::content_view(lang, &v.content) }
            </>
        },
        (None, Some(draft)) => html! {
            <>
                <p class="notice">{ t(lang, E::DraftNotice) }</p>
                { view::content_view(lang, draft) }
            </>
        },
        (None, None) => html! { <p class="muted">{ t(lang, E::NoVersions) }</p> },
    }
}
