//! "Who does what when" on the dossier page of an integral arrangement: the agreed actions,
//! and for the school and the consultant a form to add one and buttons to mark it done or
//! cancelled while the dossier is open.

use arrangeer_shared::api::integral_actions::{
    CreateIntegralActionRequest, IntegralActionResponse, IntegralActionStatus, UpdateIntegralActionRequest,
};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use chrono::NaiveDate;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use super::checkbox::field_error;
use super::error_message;
use super::fields::{TextFieldProps, text_field};
use crate::api::consultations as capi;
use crate::format;
use crate::i18n::{C, Lang, t};

#[derive(Properties, PartialEq)]
pub struct IntegralActionsProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub arrangement: ArrangementId,
    /// Whether the caller may add and update actions now.
    pub writable: bool,
}

#[derive(Clone, Default, PartialEq)]
struct Form {
    description: String,
    owner_name: String,
    owner_organisation: String,
    due_on: String,
}

#[component]
pub fn IntegralActions(props: &IntegralActionsProps) -> Html {
    let lang = props.lang;
    let actions = use_value(|| None::<Vec<IntegralActionResponse>>);
    let form = use_value(Form::default);
    let errors = use_value(Vec::<FieldError>::new);
    let message = use_value(|| None::<String>);
    let busy = use_value(|| false);
    let reload = use_value(|| 0u32);
    {
        let (actions, message, token, id) =
            (actions.clone(), message.clone(), props.token.clone(), props.arrangement);
        use_effect_on((id, *reload), move |_| {
            crate::spawn(async move {
                match capi::list_integral_actions(&token, id).await {
                    Ok(list) => actions.set(Some(list)),
                    Err(err) => message.set(Some(error_message(lang, &err))),
                }
            });
        });
    }
    let field = |set: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            set(&mut next, v);
            form.set(next);
        })
    };
    let on_add = {
        let (form, errors, message, busy, reload) =
            (form.clone(), errors.clone(), message.clone(), busy.clone(), reload.clone());
        let (token, id) = (props.token.clone(), props.arrangement);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(due_on) = form.due_on.parse::<NaiveDate>() else {
                errors.set(vec![FieldError::new("dueOn", "invalid_date", "")]);
                return;
            };
            let request = CreateIntegralActionRequest {
                description: form.description.clone(),
                owner_name: form.owner_name.clone(),
                owner_organisation: Some(form.owner_organisation.trim().to_owned()).filter(|o| !o.is_empty()),
                due_on,
            };
            busy.set(true);
            let (form, errors, message, busy, reload, token) =
                (form.clone(), errors.clone(), message.clone(), busy.clone(), reload.clone(), token.clone());
            crate::spawn(async move {
                match capi::create_integral_action(&token, id, &request).await {
                    Ok(_) => {
                        form.set(Form::default());
                        errors.set(Vec::new());
                        message.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(err) => {
                        let fields = err.field_errors().to_vec();
                        message.set(fields.is_empty().then(|| error_message(lang, &err)));
                        errors.set(fields);
                    }
                }
                busy.set(false);
            });
        })
    };
    let set_status = |action: &IntegralActionResponse, status: IntegralActionStatus| {
        let (message, reload, token, id, action) =
            (message.clone(), reload.clone(), props.token.clone(), props.arrangement, action.clone());
        Callback::from(move |_: MouseEvent| {
            let request = UpdateIntegralActionRequest {
                description: action.description.clone(),
                owner_name: action.owner_name.clone(),
                owner_organisation: action.owner_organisation.clone(),
                due_on: action.due_on,
                status,
            };
            let (message, reload, token, action) =
                (message.clone(), reload.clone(), token.clone(), action.clone());
            crate::spawn(async move {
                match capi::update_integral_action(&token, id, &action, &request).await {
                    Ok(_) => reload.set(*reload + 1),
                    Err(err) => message.set(Some(error_message(lang, &err))),
                }
            });
        })
    };

    let list = match &*actions {
        None => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        Some(list) if list.is_empty() => {
            html! { <p id="no-integral-actions">{ t(lang, C::NoIntegralActions) }</p> }
        }
        Some(list) => html! {
            <table class="data" id="integral-actions">
                <thead><tr>
                    <th scope="col">{ t(lang, C::ColDescription) }</th>
                    <th scope="col">{ t(lang, C::ColOwner) }</th>
                    <th scope="col">{ t(lang, C::ColDue) }</th>
                    <th scope="col">{ t(lang, C::ColStatus) }</th>
                    if props.writable { <td></td> }
                </tr></thead>
                <tbody>{ for list.iter().enumerate().map(|(i, a)| html! {
                    <tr id={format!("integral-action-{i}")}>
                        <td>{ &a.description }</td>
                        <td>{ match &a.owner_organisation {
                            Some(o) => format!("{} ({o})", a.owner_name),
                            None => a.owner_name.clone(),
                        } }</td>
                        <td>{ format::date(lang, a.due_on) }</td>
                        <td class="integral-status">{ t(lang, C::Status(a.status)) }</td>
                        if props.writable {
                            <td>
                                if a.status == IntegralActionStatus::Open {
                                    <button type="button" class="button secondary" id={format!("integral-done-{i}")}
                                        onclick={set_status(a, IntegralActionStatus::Done)}>{ t(lang, C::MarkDone) }</button>
                                    { " " }
                                    <button type="button" class="button plain" id={format!("integral-cancel-{i}")}
                                        onclick={set_status(a, IntegralActionStatus::Cancelled)}>{ t(lang, C::MarkCancelled) }</button>
                                }
                            </td>
                        }
                    </tr>
                }) }</tbody>
            </table>
        },
    };
    html! {
        <>
            if let Some(message) = &*message {
                <div class="error-box" role="alert" id="integral-error"><p>{ message.clone() }</p></div>
            }
            { list }
            if props.writable {
                <form id="integral-action-form" onsubmit={on_add} novalidate=true>
                    { text_field(&yew::props!(TextFieldProps { id: "integral-description", label: t(lang, C::ActionDescription), multiline: true, required: true, value: form.description.clone(), oninput: field(|f, v| f.description = v), error: field_error(lang, &errors, "description") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "integral-owner", label: t(lang, C::OwnerName), required: true, value: form.owner_name.clone(), oninput: field(|f, v| f.owner_name = v), error: field_error(lang, &errors, "ownerName") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "integral-organisation", label: t(lang, C::OwnerOrganisation), value: form.owner_organisation.clone(), oninput: field(|f, v| f.owner_organisation = v), error: field_error(lang, &errors, "ownerOrganisation") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "integral-due", label: t(lang, C::DueOn), input_type: "date", required: true, value: form.due_on.clone(), oninput: field(|f, v| f.due_on = v), error: field_error(lang, &errors, "dueOn") })) }
                    <div class="form-actions">
                        <button type="submit" class="button primary" id="add-integral-action" disabled={*busy}>
                            { t(lang, C::AddAction) }
                        </button>
                    </div>
                </form>
            }
        </>
    }
}
