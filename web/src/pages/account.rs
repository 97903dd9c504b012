//! "Mijn account": the caller's two-factor authentication; staff set it up here.

use arrangeer_shared::Role;
use arrangeer_shared::api::totp::{TotpEnrollmentResponse, TotpStatusResponse};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::ClientError;
use crate::app::Route;
use crate::components::totp_setup::{TotpSetup, tr};
use crate::components::{error_message, expire_on_401, use_focus_main_heading};
use crate::i18n::{S, T, t};
use crate::session::use_app;

#[derive(Clone, PartialEq)]
enum Setup {
    Idle,
    Enrolling { enrollment: TotpEnrollmentResponse, busy: bool, error: Option<S> },
    Done,
    Failed(ClientError),
}

#[component]
pub fn AccountPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let status = use_value(|| None::<Result<TotpStatusResponse, ClientError>>);
    let setup = use_value(|| Setup::Idle);
    let token = app.session.as_ref().map(|s| s.token.clone());
    {
        let (app, status) = (app.clone(), status.clone());
        use_effect_on(token.clone(), move |token| {
            if let Some(token) = token.clone() {
                crate::spawn(async move {
                    let result = crate::api::totp::status(&token).await;
                    if let Err(err) = &result {
                        expire_on_401(&app, err);
                    }
                    status.set(Some(result));
                });
            }
        });
    }
    let (Some(token), Some(session)) = (token, app.session.as_ref()) else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    let is_parent = session.user.role == Role::Parent;

    let start = {
        let (setup, token) = (setup.clone(), token.clone());
        Callback::from(move |_: MouseEvent| {
            let (setup, token) = (setup.clone(), token.clone());
            crate::spawn(async move {
                setup.set(match crate::api::totp::enroll(&token).await {
                    Ok(enrollment) => Setup::Enrolling { enrollment, busy: false, error: None },
                    Err(err) => Setup::Failed(err),
                });
            });
        })
    };
    let confirm = {
        let (setup, token) = (setup.clone(), token.clone());
        Callback::from(move |code: String| {
            let Setup::Enrolling { enrollment, .. } = (*setup).clone() else { return };
            setup.set(Setup::Enrolling { enrollment: enrollment.clone(), busy: true, error: None });
            let (setup, token) = (setup.clone(), token.clone());
            crate::spawn(async move {
                setup.set(match crate::api::totp::confirm(&token, &code).await {
                    Ok(_) => Setup::Done,
                    Err(ClientError::Problem(p)) if p.status == 422 => {
                        Setup::Enrolling { enrollment, busy: false, error: Some(S::TotpInvalid) }
                    }
                    Err(err) => Setup::Failed(err),
                });
            });
        })
    };

    let body = match (&*status, &*setup) {
        (_, Setup::Done) => {
            html! { <p class="notice" role="status" id="totp-status">{ tr(lang, S::TotpNowActive) }</p> }
        }
        (_, Setup::Enrolling { enrollment, busy, error }) => html! {
            <TotpSetup lang={lang} enrollment={enrollment.clone()} on_confirm={confirm} busy={*busy} error={*error} />
        },
        (_, Setup::Failed(err)) => {
            html! { <p class="error-summary" role="alert">{ error_message(lang, err) }</p> }
        }
        (None, Setup::Idle) => html! { <p role="status">{ t(lang, T::Loading) }</p> },
        (Some(Err(err)), Setup::Idle) => {
            html! { <p class="error-summary" role="alert">{ error_message(lang, err) }</p> }
        }
        (Some(Ok(_)), Setup::Idle) if is_parent => {
            html! { <p id="totp-status">{ tr(lang, S::TotpNotForParents) }</p> }
        }
        (Some(Ok(s)), Setup::Idle) => html! {
            <>
                <p id="totp-status">{ tr(lang, if s.enabled { S::TotpEnabled } else { S::TotpDisabled }) }</p>
                if s.required {
                    <p>{ tr(lang, S::TotpRequiredNote) }</p>
                }
                if !s.enabled {
                    <button type="button" class="button primary" id="totp-start" onclick={start}>
                        { tr(lang, S::TotpStart) }
                    </button>
                }
            </>
        },
    };
    html! {
        <section class="card">
            <h1 id="main-heading" tabindex="-1">{ tr(lang, S::AccountTitle) }</h1>
            <p>{ &session.user.name }{ " — " }{ &session.user.email }</p>
            <h2>{ tr(lang, S::TotpHeading) }</h2>
            { body }
        </section>
    }
}
