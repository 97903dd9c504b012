//! Form fields: every field has a visible label, and its hint and error are tied to it with
//! `aria-describedby`; an invalid field says so with `aria-invalid`.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// `text`, `date`, `number`, …
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// A `<textarea>` instead of an `<input>`.
    #[prop_or_default]
    pub multiline: bool,
    /// Extra class on the wrapper (e.g. `short` for small numbers).
    #[prop_or_default]
    pub class: Classes,
    /// Notes about the value (the rules' findings), shown under the field and tied to it.
    #[prop_or_default]
    pub notes: Option<Html>,
}

/// The ids of the hint and error of field `id`, for `aria-describedby`.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, "hint"), (error, "error")]
        .into_iter()
        .filter(|(shown, _)| *shown)
        .map(|(_, part)| format!("{id}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The hint and error lines under a field.
pub fn hint_and_error(id: &str, hint: Option<&AttrValue>, error: Option<&AttrValue>) -> Html {
    html! {
        <>
            if let Some(hint) = hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.clone() }</p>
            }
            if let Some(error) = error {
                <p class="field-error" id={format!("{id}-error")}>{ error.clone() }</p>
            }
        </>
    }
}

pub fn text_field(props: &TextFieldProps) -> Html {
    let id = props.id.to_string();
    let describedby = with_notes(
        &id,
        described_by(&id, props.hint.is_some(), props.error.is_some()),
        props.notes.is_some(),
    );
    let invalid = props.error.is_some().to_string();
    let control = if props.multiline {
        let oninput =
            props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        html! {
            <textarea id={id.clone()} name={id.clone()} rows="4" value={props.value.clone()} {oninput}
                required={props.required} aria-invalid={invalid} aria-describedby={describedby} />
        }
    } else {
        let oninput =
            props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <input id={id.clone()} name={id.clone()} type={props.input_type.clone()} value={props.value.clone()}
                {oninput} inputmode={props.inputmode.clone()} autocomplete={props.autocomplete.clone()}
                required={props.required} aria-invalid={invalid} aria-describedby={describedby} />
        }
    };
    html! {
        <div class={classes!("field", props.class.clone())}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            { control }
            { hint_and_error(&id, props.hint.as_ref(), props.error.as_ref()) }
            { notes(&id, props.notes.as_ref()) }
        </div>
    }
}

/// `aria-describedby` with the notes' id added when there are notes.
fn with_notes(id: &str, describedby: Option<String>, has_notes: bool) -> Option<String> {
    if !has_notes {
        return describedby;
    }
    let notes = format!("{id}-notes");
    Some(describedby.map_or(notes.clone(), |d| format!("{d} {notes}")))
}

/// The notes under a field, announced politely when they change.
fn notes(id: &str, notes: Option<&Html>) -> Html {
    match notes {
        Some(content) => html! {
            <div class="field-notes" id={format!("{id}-notes")} aria-live="polite">{ content.clone() }</div>
        },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The chosen option's value (`""` for none).
    pub value: AttrValue,
    /// `(value, text)` per option.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
    /// Notes about the value (the rules' findings), shown under the field and tied to it.
    #[prop_or_default]
    pub notes: Option<Html>,
}

pub fn select_field(props: &SelectFieldProps) -> Html {
    let id = props.id.to_string();
    let describedby = with_notes(
        &id,
        described_by(&id, props.hint.is_some(), props.error.is_some()),
        props.notes.is_some(),
    );
    let onchange = props.onchange.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <div class="field">
            <label for={id.clone()}>{ props.label.clone() }</label>
            <select id={id.clone()} name={id.clone()} {onchange} disabled={props.disabled}
                aria-invalid={props.error.is_some().to_string()} aria-describedby={describedby}>
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ text.clone() }</option>
                }) }
            </select>
            { hint_and_error(&id, props.hint.as_ref(), props.error.as_ref()) }
            { notes(&id, props.notes.as_ref()) }
        </div>
    }
}

/// One problem in the error summary: the message and the id of the field it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryItem {
    pub target: Option<String>,
    pub message: String,
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub title: AttrValue,
    pub items: Vec<SummaryItem>,
}

/// The list of problems at the top of a form; each links to (and focuses) its field.
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    if props.items.is_empty() {
        return Html::default();
    }
    html! {
        <div class="error-box" role="alert" id="error-summary" tabindex="-1">
            <h2>{ props.title.clone() }</h2>
            <ul>
                { for props.items.iter().map(|item| match &item.target {
                    Some(target) => {
                        let id = target.clone();
                        let onclick = Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            super::focus_by_id(&id);
                        });
                        html! { <li><a href={format!("#{target}")} {onclick}>{ item.message.clone() }</a></li> }
                    }
                    None => html! { <li>{ item.message.clone() }</li> },
                }) }
            </ul>
        </div>
    }
}
