//! Where a guardian's invitation link lands (`/uitnodiging?token=…`, the link the server logs in
//! demo mode and e-mails otherwise): the guardian chooses a password, is logged in and sees their
//! child. A used or expired link says so in plain Dutch.

use arrangeer_shared::api::invitations::AcceptInvitationRequest;
use yew::prelude::*;

use crate::hooks::{ValueHandle, use_value};
use yew_router::prelude::*;

use crate::api::{ClientError, opps as api};
use crate::app::Route;
use crate::components::fields::{TextFieldProps, text_field};
use crate::components::{error_message, focus_by_id, use_focus_main_heading};
use crate::i18n::{J, T, t};
use crate::session::{Action, Session, use_app};

/// The `token` of the page's query string.
fn token_from_location() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "token" && !value.is_empty()).then(|| value.to_owned())
    })
}

#[derive(Clone, Debug, PartialEq)]
enum Problem {
    Used,
    Expired,
    Unknown,
    Other(String),
}

#[component]
pub fn InvitationPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let navigator = use_navigator();
    let token = use_value(token_from_location);
    let password = use_value(String::new);
    let repeat = use_value(String::new);
    let password_error = use_value(|| None::<AttrValue>);
    let repeat_error = use_value(|| None::<AttrValue>);
    let problem = use_value(|| None::<Problem>);
    let busy = use_value(|| false);

    let onsubmit = {
        let (token, password, repeat, password_error, repeat_error, problem, busy) = (
            token.clone(),
            password.clone(),
            repeat.clone(),
            password_error.clone(),
            repeat_error.clone(),
            problem.clone(),
            busy.clone(),
        );
        let (app, navigator) = (app.clone(), navigator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(link_token) = (*token).clone() else { return };
            let too_short = password.chars().count() < 10;
            let differs = *password != *repeat;
            password_error.set(too_short.then(|| AttrValue::from(t(lang, J::PasswordTooShort))));
            repeat_error.set((!too_short && differs).then(|| AttrValue::from(t(lang, J::PasswordsDiffer))));
            if too_short || differs || *busy {
                focus_by_id(if too_short { "invitation-password" } else { "invitation-repeat" });
                return;
            }
            busy.set(true);
            let body = AcceptInvitationRequest { token: link_token, password: (*password).clone() };
            let (password_error, problem, busy, app, navigator) =
                (password_error.clone(), problem.clone(), busy.clone(), app.clone(), navigator.clone());
            crate::spawn(async move {
                match api::accept_invitation(&body).await {
                    Ok(login) => {
                        app.dispatch(Action::LoggedIn(Box::new(Session {
                            token: login.access_token,
                            refresh_token: login.refresh_token,
                            user: login.user,
                        })));
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::MyChild);
                        }
                    }
                    Err(ClientError::Problem(p)) if p.status == 410 => {
                        problem.set(Some(if p.kind.ends_with("invitation-expired") {
                            Problem::Expired
                        } else {
                            Problem::Used
                        }));
                        focus_by_id("invitation-problem");
                    }
                    Err(ClientError::Problem(p)) if p.status == 404 => {
                        problem.set(Some(Problem::Unknown));
                        focus_by_id("invitation-problem");
                    }
                    Err(err) if !err.field_errors().is_empty() => {
                        password_error.set(Some(AttrValue::from(t(lang, J::PasswordTooShort))));
                        focus_by_id("invitation-password");
                    }
                    Err(err) => {
                        problem.set(Some(Problem::Other(error_message(lang, &err))));
                        focus_by_id("invitation-problem");
                    }
                }
                busy.set(false);
            });
        })
    };
    let set = |state: &ValueHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let problem_box = match &*problem {
        None => Html::default(),
        Some(p) => {
            let text = match p {
                Problem::Used => t(lang, J::LinkUsed).to_owned(),
                Problem::Expired => t(lang, J::LinkExpired).to_owned(),
                Problem::Unknown => t(lang, J::LinkUnknown).to_owned(),
                Problem::Other(message) => message.clone(),
            };
            html! {
                <div class="error-box" role="alert" id="invitation-problem" tabindex="-1">
                    <p>{ text }</p>
                    if matches!(p, Problem::Used) {
                        <p><a href={Route::Login.to_path()}>{ t(lang, T::LogIn) }</a></p>
                    }
                </div>
            }
        }
    };
    html! {
        <section class="card narrow" id="invitation-page">
            <h1 id="main-heading" tabindex="-1">{ t(lang, J::InvitationTitle) }</h1>
            if token.is_none() {
                <p class="error-box" role="alert" id="invitation-problem">{ t(lang, J::LinkUnknown) }</p>
            } else {
                <p>{ t(lang, J::InvitationIntro) }</p>
                { problem_box }
                if !matches!(*problem, Some(Problem::Used | Problem::Expired)) {
                    <form id="invitation-form" novalidate=true {onsubmit}>
                        { text_field(&yew::props!(TextFieldProps { id: "invitation-password", label: t(lang, T::Password), input_type: "password", autocomplete: Some(AttrValue::from("new-password")), required: true, value: (*password).clone(), hint: Some(AttrValue::from(t(lang, J::PasswordHint))), error: (*password_error).clone(), oninput: set(&password) })) }
                        { text_field(&yew::props!(TextFieldProps { id: "invitation-repeat", label: t(lang, J::PasswordRepeat), input_type: "password", autocomplete: Some(AttrValue::from("new-password")), required: true, value: (*repeat).clone(), error: (*repeat_error).clone(), oninput: set(&repeat) })) }
                        <button type="submit" class="button primary" id="invitation-submit" disabled={*busy}>
                            { t(lang, J::SetPassword) }
                        </button>
                    </form>
                }
            }
        </section>
    }
}
