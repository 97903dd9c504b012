//! On the dossier page, per pupil (school staff): invite a guardian by e-mail address. The
//! guardian gets a one-time link to set a password; in demo mode no mail is sent and the link
//! is shown here instead (the server also writes it to its log).

use arrangeer_shared::api::invitations::{CreateInvitationRequest, InvitationResponse};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::PupilId;
use yew::prelude::*;

use crate::hooks::{ValueHandle, use_value};

use crate::api::opps as api;
use crate::components::checkbox::field_error;
use crate::components::error_message;
use crate::components::fields::{TextFieldProps, text_field};
use crate::format;
use crate::i18n::{J, Lang, t};

#[derive(Properties, PartialEq)]
pub struct InviteProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub pupil: PupilId,
    pub pupil_name: AttrValue,
}

#[component]
pub fn GuardianInvite(props: &InviteProps) -> Html {
    let lang = props.lang;
    let (name, email) = (use_value(String::new), use_value(String::new));
    let errors = use_value(Vec::<FieldError>::new);
    let problem = use_value(|| None::<String>);
    let sent = use_value(|| None::<InvitationResponse>);
    let busy = use_value(|| false);
    let p = props.pupil;
    let onsubmit = {
        let (name, email, errors, problem, sent, busy) =
            (name.clone(), email.clone(), errors.clone(), problem.clone(), sent.clone(), busy.clone());
        let token = props.token.to_string();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body =
                CreateInvitationRequest { email: email.trim().to_owned(), name: name.trim().to_owned() };
            let (name, email, errors, problem, sent, busy, token) = (
                name.clone(),
                email.clone(),
                errors.clone(),
                problem.clone(),
                sent.clone(),
                busy.clone(),
                token.clone(),
            );
            busy.set(true);
            crate::spawn(async move {
                match api::invite_guardian(&token, p, &body).await {
                    Ok(answer) => {
                        name.set(String::new());
                        email.set(String::new());
                        errors.set(Vec::new());
                        problem.set(None);
                        sent.set(Some(answer));
                    }
                    Err(err) => {
                        errors.set(err.field_errors().to_vec());
                        problem.set(err.field_errors().is_empty().then(|| error_message(lang, &err)));
                        sent.set(None);
                    }
                }
                busy.set(false);
            });
        })
    };
    let id = |part: &str| format!("invite-{p}-{part}");
    let set = |state: &ValueHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let email_error = field_error(lang, &errors, "email").map(|e| {
        if errors.iter().any(|f| f.code == "not_a_parent_account") {
            AttrValue::from(t(lang, J::NotAParent))
        } else {
            e
        }
    });
    html! {
        <details class="add-pupil invite" id={id("details")}>
            <summary>{ format!("{} {}", t(lang, J::InviteGuardianFor), props.pupil_name) }</summary>
            <form id={id("form")} novalidate=true {onsubmit}>
                <p class="hint">{ t(lang, J::InviteExplain) }</p>
                { text_field(&yew::props!(TextFieldProps { id: id("name"), label: t(lang, J::GuardianName), value: (*name).clone(), required: true, hint: Some(AttrValue::from(t(lang, J::GuardianNameHint))), autocomplete: Some(AttrValue::from("off")), error: field_error(lang, &errors, "name"), oninput: set(&name) })) }
                { text_field(&yew::props!(TextFieldProps { id: id("email"), label: t(lang, J::GuardianEmail), value: (*email).clone(), required: true, input_type: "email", autocomplete: Some(AttrValue::from("off")), error: email_error, oninput: set(&email) })) }
                if let Some(message) = &*problem {
                    <p class="error-box" role="alert">{ message.clone() }</p>
                }
                if let Some(answer) = &*sent {
                    <div class="notice success" role="status" id={id("sent")}>
                        <p>{ format!("{} {} ({} {})", t(lang, J::Invited), answer.email, t(lang, J::ValidUntil),
                            format::moment(lang, answer.expires_at)) }</p>
                        if let Some(link) = &answer.demo_link {
                            <p>{ t(lang, J::DemoLink) }{ " " }<a href={link.clone()} id={id("link")}>{ link.clone() }</a></p>
                        }
                    </div>
                }
                <button type="submit" class="button primary" id={id("submit")} disabled={*busy}>{ t(lang, J::SendInvitation) }</button>
            </form>
        </details>
    }
}
