//! Choosing the pupils of a dossier from the school's pupils (GET /pupils), with a small form
//! to add a pupil who is not there yet (POST /pupils).

use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::ids::PupilId;
use chrono::NaiveDate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use super::fields::{TextFieldProps, described_by, hint_and_error, text_field};
use super::proposal_form::values::message;
use crate::api::{self, ClientError};
use crate::components::error_message;
use crate::format;
use crate::i18n::{F, Lang, t};

#[derive(Properties, PartialEq)]
pub struct PupilPickerProps {
    pub lang: Lang,
    pub token: AttrValue,
    /// Several pupils (a cluster) or exactly one.
    pub multiple: bool,
    pub selected: Vec<PupilId>,
    pub on_change: Callback<Vec<PupilId>>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[derive(Clone, Default, PartialEq)]
struct NewPupil {
    first_name: String,
    last_name: String,
    date_of_birth: String,
    group_name: String,
    errors: Vec<FieldError>,
    busy: bool,
    added: bool,
}

impl NewPupil {
    fn request(&self) -> Result<CreatePupilRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (field, value) in [
            ("firstName", &self.first_name),
            ("lastName", &self.last_name),
            ("dateOfBirth", &self.date_of_birth),
            ("groupName", &self.group_name),
        ] {
            if value.trim().is_empty() {
                errors.push(FieldError::new(field, "required", "required"));
            }
        }
        let date_of_birth = self.date_of_birth.trim().parse::<NaiveDate>();
        if date_of_birth.is_err() && !self.date_of_birth.trim().is_empty() {
            errors.push(FieldError::new("dateOfBirth", "invalid_date", "invalid date"));
        }
        match date_of_birth {
            Ok(date_of_birth) if errors.is_empty() => Ok(CreatePupilRequest {
                first_name: self.first_name.trim().to_owned(),
                last_name: self.last_name.trim().to_owned(),
                date_of_birth,
                group_name: self.group_name.trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }

    fn error(&self, lang: Lang, field: &str) -> Option<AttrValue> {
        self.errors.iter().find(|e| e.field == field).map(|e| AttrValue::from(message(lang, e)))
    }
}

#[component]
pub fn PupilPicker(props: &PupilPickerProps) -> Html {
    let lang = props.lang;
    let pupils = use_value(|| None::<Result<Vec<PupilResponse>, ClientError>>);
    let new_pupil = use_value(NewPupil::default);

    {
        let pupils = pupils.clone();
        use_effect_on(props.token.clone(), move |token| {
            let token = token.to_string();
            crate::spawn(async move {
                pupils.set(Some(api::all_pupils(&token).await));
            });
        });
    }

    let toggle = |id: PupilId| {
        let selected = props.selected.clone();
        let multiple = props.multiple;
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = if multiple { selected.clone() } else { Vec::new() };
            next.retain(|p| *p != id);
            if checked {
                next.push(id);
            }
            on_change.emit(next);
        })
    };

    let set = |apply: fn(&mut NewPupil, String)| {
        let new_pupil = new_pupil.clone();
        Callback::from(move |value: String| {
            let mut next = (*new_pupil).clone();
            apply(&mut next, value);
            next.added = false;
            new_pupil.set(next);
        })
    };

    let add = {
        let new_pupil = new_pupil.clone();
        let pupils = pupils.clone();
        let token = props.token.to_string();
        let selected = props.selected.clone();
        let multiple = props.multiple;
        let on_change = props.on_change.clone();
        Callback::from(move |()| {
            let current = (*new_pupil).clone();
            if current.busy {
                return;
            }
            let request = match current.request() {
                Ok(request) => request,
                Err(errors) => return new_pupil.set(NewPupil { errors, added: false, ..current }),
            };
            new_pupil.set(NewPupil { busy: true, ..current.clone() });
            let (new_pupil, pupils, token, selected, on_change) =
                (new_pupil.clone(), pupils.clone(), token.clone(), selected.clone(), on_change.clone());
            crate::spawn(async move {
                match api::create_pupil(&token, &request).await {
                    Ok(pupil) => {
                        let mut next = if multiple { selected } else { Vec::new() };
                        next.push(pupil.id);
                        let mut list = match &*pupils {
                            Some(Ok(list)) => list.clone(),
                            _ => Vec::new(),
                        };
                        list.push(pupil);
                        pupils.set(Some(Ok(list)));
                        new_pupil.set(NewPupil { added: true, ..NewPupil::default() });
                        on_change.emit(next);
                    }
                    Err(err) => {
                        let errors = err.field_errors().to_vec();
                        let errors = if errors.is_empty() {
                            vec![FieldError::new("form", "other", error_message(lang, &err))]
                        } else {
                            errors
                        };
                        new_pupil.set(NewPupil { errors, busy: false, ..current });
                    }
                }
            });
        })
    };
    let on_add_click = add.reform(|_: MouseEvent| ());
    // Enter in the small form adds the pupil instead of saving the whole dossier
    let on_keydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            add.emit(());
        }
    });

    let list = match &*pupils {
        None => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        Some(Err(err)) => html! { <p class="error-summary">{ error_message(lang, err) }</p> },
        Some(Ok(list)) if list.is_empty() => html! { <p>{ t(lang, F::NoPupils) }</p> },
        Some(Ok(list)) => html! {
            <ul class="choices">
                { for list.iter().map(|p| {
                    let id = format!("pupil-{}", p.id);
                    html! {
                        <li>
                            <input type={if props.multiple { "checkbox" } else { "radio" }} id={id.clone()}
                                name="pupil" value={p.id.to_string()} checked={props.selected.contains(&p.id)}
                                onchange={toggle(p.id)} />
                            <label for={id}>
                                { format!("{} {} ({}, {})", p.first_name, p.last_name, p.group_name,
                                    format::date(lang, p.date_of_birth)) }
                            </label>
                        </li>
                    }
                }) }
            </ul>
        },
    };

    let np = &*new_pupil;
    let hint = AttrValue::from(t(lang, if props.multiple { F::PupilsHintCluster } else { F::PupilsHintOne }));
    html! {
        <fieldset id="pupils" tabindex="-1" aria-describedby={described_by("pupils", true, props.error.is_some())}>
            <legend>{ t(lang, F::Pupils) }</legend>
            { hint_and_error("pupils", Some(&hint), props.error.as_ref()) }
            { list }
            <details class="add-pupil" open={np.busy || !np.errors.is_empty()}>
                <summary id="add-pupil-toggle">{ t(lang, F::AddPupil) }</summary>
                <div onkeydown={on_keydown}>
                    if let Some(e) = np.errors.iter().find(|e| e.field == "form") {
                        <p class="error-summary" role="alert">{ e.message.clone() }</p>
                    }
                    { text_field(&yew::props!(TextFieldProps { id: "new-pupil-first-name", label: t(lang, F::FirstName), value: np.first_name.clone(), oninput: set(|n, v| n.first_name = v), error: np.error(lang, "firstName") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "new-pupil-last-name", label: t(lang, F::LastName), value: np.last_name.clone(), oninput: set(|n, v| n.last_name = v), error: np.error(lang, "lastName") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "new-pupil-dob", label: t(lang, F::DateOfBirth), input_type: "date", value: np.date_of_birth.clone(), oninput: set(|n, v| n.date_of_birth = v), error: np.error(lang, "dateOfBirth") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "new-pupil-group", label: t(lang, F::GroupName), hint: t(lang, F::GroupHint), value: np.group_name.clone(), oninput: set(|n, v| n.group_name = v), error: np.error(lang, "groupName") })) }
                    <button type="button" class="button plain" id="add-pupil" disabled={np.busy}
                        onclick={on_add_click}>
                        { t(lang, F::AddPupilButton) }
                    </button>
                </div>
            </details>
            <p class="visually-hidden" role="status">
                if np.added { { t(lang, F::PupilAdded) } }
            </p>
        </fieldset>
    }
}
