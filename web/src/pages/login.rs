//! The login page.

use arrangeer_shared::api::auth::LoginRequest;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_value;
use yew_router::prelude::*;

use arrangeer_shared::api::auth::LoginResponse;
use arrangeer_shared::api::totp::TotpEnrollmentResponse;

use crate::api::{self, ClientError};
use crate::app::Route;
use crate::components::totp_setup::{TotpSetup, tr};
use crate::components::use_focus_main_heading;
use crate::i18n::{S, T, t};
use crate::session::{Action, AppContext, Session, use_app};

#[derive(Clone, Default, PartialEq)]
struct FormState {
    email: String,
    password: String,
    /// The code of the authenticator app, once the server asked for it.
    totp_code: String,
    email_missing: bool,
    password_missing: bool,
    code_missing: bool,
    /// The password was right and the account needs a code.
    needs_code: bool,
    busy: bool,
    error: Option<T>,
    /// Two-factor authentication must be set up first: the enrollment token and the secret.
    enrollment: Option<(String, TotpEnrollmentResponse)>,
    enrollment_error: Option<S>,
}

fn logged_in(app: &AppContext, response: LoginResponse) {
    app.dispatch(Action::LoggedIn(Box::new(Session {
        token: response.access_token,
        refresh_token: response.refresh_token,
        user: response.user,
    })));
}

fn is_problem(p: &arrangeer_shared::api::problem::Problem, slug: &str) -> bool {
    p.kind == format!("urn:arrangeer:problem:{slug}")
}

#[component]
pub fn LoginPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let form = use_value(FormState::default);
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
    let on_code = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            form.set(FormState { totp_code: input.value(), code_missing: false, ..(*form).clone() });
        })
    };
    let on_confirm_enrollment = {
        let form = form.clone();
        let app = app.clone();
        Callback::from(move |code: String| {
            let current = (*form).clone();
            let Some((token, _)) = current.enrollment.clone() else { return };
            if current.busy {
                return;
            }
            form.set(FormState { busy: true, enrollment_error: None, ..current.clone() });
            let form = form.clone();
            let app = app.clone();
            crate::spawn(async move {
                match api::totp::confirm(&token, &code).await {
                    Ok(status) if status.session.is_some() => {
                        if let Some(session) = status.session {
                            logged_in(&app, *session);
                        }
                    }
                    Ok(_) | Err(ClientError::Problem(_)) => {
                        form.set(FormState { busy: false, enrollment_error: Some(S::TotpInvalid), ..current })
                    }
                    // the enrollment token expired: start again
                    Err(ClientError::Unauthenticated(_)) => form.set(FormState {
                        busy: false,
                        enrollment: None,
                        error: Some(T::SessionExpired),
                        ..current
                    }),
                    Err(ClientError::Network(_)) => {
                        form.set(FormState { busy: false, error: Some(T::NetworkError), ..current })
                    }
                }
            });
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
            let code_missing = current.needs_code && current.totp_code.trim().is_empty();
            if email_missing || password_missing || code_missing || current.busy {
                form.set(FormState { email_missing, password_missing, code_missing, error: None, ..current });
                return;
            }
            form.set(FormState { busy: true, error: None, ..current.clone() });
            let form = form.clone();
            let app = app.clone();
            crate::spawn(async move {
                let request = LoginRequest {
                    email: current.email.clone(),
                    password: current.password.clone(),
                    totp_code: current.needs_code.then(|| current.totp_code.trim().to_owned()),
                };
                match api::login(&request).await {
                    Ok(response) => logged_in(&app, response),
                    Err(ClientError::Unauthenticated(p)) if is_problem(&p, "totp-required") => {
                        form.set(FormState { busy: false, needs_code: true, error: None, ..current });
                    }
                    Err(ClientError::Unauthenticated(p)) if is_problem(&p, "totp-invalid") => {
                        let error = Some(T::Security(S::TotpInvalid));
                        form.set(FormState {
                            busy: false,
                            needs_code: true,
                            totp_code: String::new(),
                            error,
                            ..current
                        });
                    }
                    Err(ClientError::Problem(p)) if is_problem(&p, "totp-enrollment-required") => {
                        let token = p.enrollment_token.unwrap_or_default();
                        let next = match api::totp::enroll(&token).await {
                            Ok(enrollment) => {
                                FormState { busy: false, enrollment: Some((token, enrollment)), ..current }
                            }
                            Err(_) => FormState { busy: false, error: Some(T::ServerError), ..current },
                        };
                        form.set(next);
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
    if let Some((_, enrollment)) = &f.enrollment {
        return html! {
            <section class="card narrow">
                <h1 id="main-heading" tabindex="-1">{ t(lang, T::LoginTitle) }</h1>
                <TotpSetup lang={lang} enrollment={enrollment.clone()} on_confirm={on_confirm_enrollment}
                    busy={f.busy} error={f.enrollment_error} />
            </section>
        };
    }
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
                if f.needs_code {
                    <p class="notice" role="status" id="totp-needed">{ tr(lang, S::TotpNeeded) }</p>
                    <div class="field">
                        <label for="totp-code">{ tr(lang, S::TotpCode) }</label>
                        <input
                            id="totp-code" name="totp-code" type="text" inputmode="numeric"
                            autocomplete="one-time-code" maxlength="6" pattern="[0-9]*" required=true
                            value={f.totp_code.clone()} oninput={on_code}
                            aria-invalid={f.code_missing.to_string()}
                            aria-describedby={if f.code_missing { "totp-code-error" } else { "totp-code-hint" }}
                        />
                        <p class="hint" id="totp-code-hint">{ tr(lang, S::TotpCodeHint) }</p>
                        if f.code_missing {
                            <p class="field-error" id="totp-code-error">{ t(lang, T::FieldRequired) }</p>
                        }
                    </div>
                }
                <button type="submit" class="button primary" id="login-submit" disabled={f.busy}>
                    { if f.busy { t(lang, T::LoggingIn) } else { t(lang, T::LogIn) } }
                </button>
            </form>
        </section>
    }
}
