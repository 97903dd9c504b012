//! A labelled checkbox, and the Dutch text of a server's field error on the consultation pages.

use arrangeer_shared::api::problem::FieldError;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, consultation_error_text, error_text, t};

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchange: Callback<bool>,
}

pub fn checkbox(props: &CheckboxProps) -> Html {
    let onchange = props.onchange.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <div class="field checkbox">
            <input type="checkbox" id={props.id.clone()} name={props.id.clone()} checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
        </div>
    }
}

/// The error the server gave for `field`, in the user's language where we know the code.
pub fn field_error(lang: Lang, errors: &[FieldError], field: &str) -> Option<AttrValue> {
    errors.iter().find(|e| e.field == field).map(|e| {
        let text = consultation_error_text(&e.code)
            .map(|c| t(lang, c).to_owned())
            .or_else(|| error_text(&e.code).map(|key| t(lang, key).to_owned()))
            .unwrap_or_else(|| e.message.clone());
        AttrValue::from(text)
    })
}
