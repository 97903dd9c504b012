//! The login page.

use arrangeer_shared::api::auth::LoginRequest;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ClientError};
use crate::app::Route;
use crate::components::use_focus_main_heading;
use crate::i18n::{S, T, t};
use crate::session::{Action, Session, use_app};

#[derive(Clone, Default, PartialEq)]
struct FormState {
    email: String,
    password: String,
    email_missing: bool,
    password_missing: bool,
    busy: bool,
    error: Option<T>,
}

#[component]
pub fn LoginPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let form = use_state(FormState::default);
    use_focus_main_heading();

    if app.session.is_some() {
        return html! { <Redirect<Route> to={Route::Home} /> };
    }

    let on_email = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            form.set(FormState { email: input.value(), email_missing: false, ..(*form).clone() });
        })
    };
    let on_password = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            form.set(FormState { password: input.value(), password_missing: false, ..(*form).clone() });
        })
    };
    let on_submit = {
        let form = form.clone();
        let app = app.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let current = (*form).clone();
            let email_missing = current.email.trim().is_empty();
            let password_missing = current.password.is_empty();
            if email_missing || password_missing || current.busy {
                form.set(FormState { email_missing, password_missing, error: None, ..current });
                return;
            }
            form.set(FormState { busy: true, error: None, ..current.clone() });
            let form = form.clone();
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let request =
                    LoginRequest { email: current.email.clone(), password: current.password.clone() };
                match api::login(&request).await {
                    Ok(response) => {
                        app.dispatch(Action::LoggedIn(Box::new(Session {
                            token: response.access_token,
                            refresh_token: response.refresh_token,
                            user: response.user,
                        })));
                    }
                    Err(err) => {
                        let error = match err {
                            ClientError::Unauthenticated(_) => T::InvalidCredentials,
                            ClientError::Problem(p) if p.status >= 500 => T::ServerError,
                            ClientError::Problem(p) if p.status == 429 => T::Security(S::TooManyAttempts),
                            ClientError::Problem(_) => T::InvalidCredentials,
                            ClientError::Network(_) => T::NetworkError,
                        };
                        form.set(FormState { busy: false, error: Some(error), ..current });
                    }
                }
            });
        })
    };

    let f = &*form;
    html! {
        <section class="card narrow">
            <h1 id="main-heading" tabindex="-1">{ t(lang, T::LoginTitle) }</h1>
            if app.expired {
                <p class="notice" role="status">{ t(lang, T::SessionExpired) }</p>
            }
            <p>{ t(lang, T::LoginIntro) }</p>
            if let Some(error) = f.error {
                <p class="error-summary" role="alert" id="login-error">{ t(lang, error) }</p>
            }
            <form onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="email">{ t(lang, T::Email) }</label>
                    <input
                        id="email" name="email" type="email" autocomplete="username" required=true
                        value={f.email.clone()} oninput={on_email}
                        aria-invalid={f.email_missing.to_string()}
                        aria-describedby={f.email_missing.then_some("email-error")}
                    />
                    if f.email_missing {
                        <p class="field-error" id="email-error">{ t(lang, T::FieldRequired) }</p>
                    }
                </div>
                <div class="field">
                    <label for="password">{ t(lang, T::Password) }</label>
                    <input
                        id="password" name="password" type="password" autocomplete="current-password" required=true
                        value={f.password.clone()} oninput={on_password}
                        aria-invalid={f.password_missing.to_string()}
                        aria-describedby={f.password_missing.then_some("password-error")}
                    />
                    if f.password_missing {
                        <p class="field-error" id="password-error">{ t(lang, T::FieldRequired) }</p>
                    }
                </div>
                <button type="submit" class="button primary" id="login-submit" disabled={f.busy}>
                    { if f.busy { t(lang, T::LoggingIn) } else { t(lang, T::LogIn) } }
                </button>
            </form>
        </section>
    }
}
