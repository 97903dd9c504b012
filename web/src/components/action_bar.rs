//! One button per action the caller may take now (`allowedActions`), with an optional comment
//! for the history, and what the server said when an action did not go through.

use arrangeer_shared::api::arrangements::ActionRequest;
use arrangeer_shared::workflow::{Action, Status};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use super::error_message;
use super::fields::{TextFieldProps, text_field};
use super::proposal_form::values::summary;
use crate::api::ClientError;
use crate::i18n::{C, D, Lang, T, t};

#[derive(Properties, PartialEq)]
pub struct ActionBarProps {
    pub lang: Lang,
    pub allowed: Vec<Action>,
    pub busy: bool,
    /// Why the last action failed.
    #[prop_or_default]
    pub problem: Option<ClientError>,
    /// The status after the last successful action; the comment is cleared when it changes.
    #[prop_or_default]
    pub done: Option<(u32, Status)>,
    pub on_action: Callback<(Action, ActionRequest)>,
    /// A rule warns about the dossier: ask for the justification before the first try.
    #[prop_or_default]
    pub warned: bool,
}

fn is_destructive(action: Action) -> bool {
    matches!(action, Action::Reject | Action::Terminate | Action::Withdraw)
}

#[component]
pub fn ActionBar(props: &ActionBarProps) -> Html {
    let lang = props.lang;
    let comment = use_value(String::new);
    let justification = use_value(String::new);
    let terminated_on = use_value(String::new);
    {
        let (comment, justification, terminated_on) =
            (comment.clone(), justification.clone(), terminated_on.clone());
        use_effect_on(props.done, move |_| {
            comment.set(String::new());
            justification.set(String::new());
            terminated_on.set(String::new());
        });
    }
    let errors = props.problem.as_ref().map(|p| p.field_errors().to_vec()).unwrap_or_default();
    let justification_error = errors.iter().find(|e| e.field == "justification");
    let ask_justification = props.warned || justification_error.is_some() || !justification.is_empty();
    let terminated_on_error = errors.iter().find(|e| e.field == "terminatedOn");

    let on_comment = {
        let comment = comment.clone();
        Callback::from(move |v| comment.set(v))
    };
    let on_justification = {
        let justification = justification.clone();
        Callback::from(move |v| justification.set(v))
    };
    let on_terminated_on = {
        let terminated_on = terminated_on.clone();
        Callback::from(move |v| terminated_on.set(v))
    };
    let button = |action: Action| {
        let onclick = {
            let on_action = props.on_action.clone();
            let (comment, justification, terminated_on) =
                (comment.clone(), justification.clone(), terminated_on.clone());
            Callback::from(move |_: MouseEvent| {
                let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
                on_action.emit((
                    action,
                    ActionRequest {
                        comment: text(&comment),
                        justification: text(&justification),
                        // the last day support was given: only an early termination has one
                        terminated_on: (action == Action::Terminate)
                            .then(|| terminated_on.parse::<chrono::NaiveDate>().ok())
                            .flatten(),
                    },
                ));
            })
        };
        let class = if is_destructive(action) { "button danger" } else { "button primary" };
        html! {
            <button type="button" {class} id={format!("action-{action}")} disabled={props.busy} {onclick}>
                { t(lang, T::Action(action)) }
            </button>
        }
    };

    let problem = props.problem.as_ref().map(|err| match err {
        ClientError::Problem(p) if p.status == 409 => {
            let allowed: Vec<&str> =
                p.allowed_actions.iter().filter_map(|a| Action::parse(a)).map(|a| t(lang, T::Action(a))).collect();
            html! {
                <>
                    <p>{ t(lang, D::ActionConflict) }</p>
                    if allowed.is_empty() {
                        <p>{ t(lang, D::NothingAllowed) }</p>
                    } else {
                        <p>{ t(lang, D::NowAllowed) }{ " " }{ allowed.join(", ") }</p>
                    }
                </>
            }
        }
        ClientError::Problem(p) if p.status == 422 && !p.errors.is_empty() => html! {
            <>
                <p>{ t(lang, D::NotReady) }</p>
                <ul>
                    { for summary(lang, &p.errors).into_iter().map(|item| html! { <li>{ item.message }</li> }) }
                </ul>
            </>
        },
        other => html! { <p>{ error_message(lang, other) }</p> },
    });

    html! {
        <div class="action-bar">
            if let Some(problem) = problem {
                <div class="error-box" role="alert" id="action-error" tabindex="-1">{ problem }</div>
            }
            if let Some((_, status)) = props.done {
                <p class="notice success" role="status" id="action-result" tabindex="-1">
                    { t(lang, D::ActionTaken) }{ " " }<strong>{ t(lang, T::Status(status)) }</strong>
                </p>
            }
            if props.allowed.is_empty() {
                <p id="no-actions">{ t(lang, D::NoActions) }</p>
            } else {
                { text_field(&yew::props!(TextFieldProps { id: "action-comment", label: t(lang, D::ActionComment), hint: t(lang, D::ActionCommentHint), multiline: true, value: (*comment).clone(), oninput: on_comment })) }
                if props.allowed.contains(&Action::Terminate) {
                    { text_field(&yew::props!(TextFieldProps { id: "action-terminated-on", label: t(lang, C::TerminatedOn), hint: t(lang, C::TerminatedOnHint), input_type: "date", value: (*terminated_on).clone(), error: terminated_on_error.map(|e| AttrValue::from(if e.code == "required" {
                            t(lang, T::FieldRequired)
                        } else {
                            t(lang, C::TerminatedOnOutside)
                        })), oninput: on_terminated_on })) }
                }
                if ask_justification {
                    { text_field(&yew::props!(TextFieldProps { id: "action-justification", label: t(lang, D::Justification), hint: t(lang, D::JustificationHint), multiline: true, value: (*justification).clone(), error: justification_error.map(|_| AttrValue::from(t(lang, T::FieldRequired))), oninput: on_justification })) }
                }
                <div class="form-actions" aria-busy={props.busy.to_string()}>
                    { for props.allowed.iter().copied().map(button) }
                </div>
            }
        </div>
    }
}
