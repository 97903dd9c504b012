//! Asking for a consultation (school staff): the support question with anonymised information
//! per pupil (a code such as L1, never a name) or about the group.

use arrangeer_shared::Role;
use arrangeer_shared::api::consultations::{AnonymisedPupil, ConsultationKind, CreateConsultationRequest};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::kinds::ArrangementKind;
use yew::prelude::*;

use crate::hooks::use_value;
use yew_router::prelude::*;

use crate::api::consultations as api;
use crate::app::Route;
use crate::components::checkbox::{CheckboxProps, checkbox, field_error};
use crate::components::fields::{SelectFieldProps, TextFieldProps, select_field, text_field};
use crate::components::{AppLink, error_message, expire_on_401, use_focus_main_heading};
use crate::i18n::{C, Lang, T, t};
use crate::session::use_app;

#[derive(Clone, Default, PartialEq)]
struct SaveState {
    busy: bool,
    errors: Vec<FieldError>,
    message: Option<String>,
}

/// One editable text of pupil `i`: its id, field name on the server and label.
const PUPIL_TEXTS: [(&str, &str, C); 4] = [
    ("stimulating", "stimulatingFactors", C::FieldStimulating),
    ("hindering", "hinderingFactors", C::FieldHindering),
    ("tests", "testResults", C::FieldTests),
    ("interventions", "interventionsTried", C::FieldInterventions),
];

fn pupil_text<'a>(p: &'a mut AnonymisedPupil, field: &str) -> Option<&'a mut String> {
    match field {
        "stimulatingFactors" => Some(&mut p.stimulating_factors),
        "hinderingFactors" => Some(&mut p.hindering_factors),
        "testResults" => Some(&mut p.test_results),
        "interventionsTried" => Some(&mut p.interventions_tried),
        _ => None,
    }
}

fn kind_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    ConsultationKind::ALL.iter().map(|k| (k.as_str().into(), t(lang, C::Kind(*k)).into())).collect()
}

fn arrangement_kind_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    ArrangementKind::ALL.iter().map(|k| (k.as_str().into(), t(lang, T::Kind(*k)).into())).collect()
}

#[component]
pub fn NewConsultationPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let navigator = use_navigator();
    use_focus_main_heading();
    let form = use_value(|| CreateConsultationRequest {
        kind: ConsultationKind::StartMeeting,
        arrangement_kind: ArrangementKind::Individual,
        support_question: String::new(),
        pupils: vec![AnonymisedPupil { code: "L1".into(), ..AnonymisedPupil::default() }],
        group_information: None,
    });
    let save = use_value(SaveState::default);

    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    if session.user.role != Role::School {
        return html! {
            <section class="card">
                <h1 id="main-heading" tabindex="-1">{ t(lang, C::NewTitle) }</h1>
                <p class="notice">{ t(lang, C::OnlySchool) }</p>
                <AppLink to={Route::Consultations}>{ t(lang, C::BackToList) }</AppLink>
            </section>
        };
    }
    let edit = |change: fn(&mut CreateConsultationRequest, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            change(&mut next, v);
            form.set(next);
        })
    };
    let on_kind = edit(|f, v| f.kind = ConsultationKind::parse(&v).unwrap_or(f.kind));
    let on_arrangement_kind =
        edit(|f, v| f.arrangement_kind = ArrangementKind::parse(&v).unwrap_or(f.arrangement_kind));
    let on_question = edit(|f, v| f.support_question = v);
    let on_group = edit(|f, v| f.group_information = Some(v).filter(|g| !g.is_empty()));
    let add_pupil = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            let code = format!("L{}", next.pupils.len() + 1);
            next.pupils.push(AnonymisedPupil { code, ..AnonymisedPupil::default() });
            form.set(next);
        })
    };
    let on_submit = {
        let (app, save, form, token) = (app.clone(), save.clone(), form.clone(), session.token.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save.set(SaveState { busy: true, ..(*save).clone() });
            let (app, save, request, token, navigator) =
                (app.clone(), save.clone(), (*form).clone(), token.clone(), navigator.clone());
            crate::spawn(async move {
                match api::create_consultation(&token, &request).await {
                    Ok(created) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Consultation { id: created.id });
                        }
                    }
                    Err(err) => {
                        expire_on_401(&app, &err);
                        let errors = err.field_errors().to_vec();
                        let message = errors.is_empty().then(|| error_message(app.lang, &err));
                        save.set(SaveState { busy: false, errors, message });
                    }
                }
            });
        })
    };
    let errors = &save.errors;
    let pupil = |(i, p): (usize, &AnonymisedPupil)| {
        let set = |field: &'static str| {
            let form = form.clone();
            Callback::from(move |v: String| {
                let mut next = (*form).clone();
                if let Some(p) = next.pupils.get_mut(i) {
                    match field {
                        "code" => p.code = v,
                        other => {
                            if let Some(text) = pupil_text(p, other) {
                                *text = v;
                            }
                        }
                    }
                }
                form.set(next);
            })
        };
        let on_informed = {
            let form = form.clone();
            Callback::from(move |checked: bool| {
                let mut next = (*form).clone();
                if let Some(p) = next.pupils.get_mut(i) {
                    p.parents_informed = checked;
                }
                form.set(next);
            })
        };
        let remove = {
            let form = form.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*form).clone();
                if i < next.pupils.len() {
                    next.pupils.remove(i);
                }
                form.set(next);
            })
        };
        let mut values = p.clone();
        html! {
            <fieldset class="pupil" id={format!("pupil-{i}")}>
                <legend>{ format!("{} {}", t(lang, C::PupilHeading), i + 1) }</legend>
                { text_field(&yew::props!(TextFieldProps { id: format!("pupil-code-{i}"), label: t(lang, C::FieldCode), hint: t(lang, C::FieldCodeHint), value: p.code.clone(), oninput: set("code"), error: field_error(lang, errors, &format!("pupils[{i}].code")) })) }
                { for PUPIL_TEXTS.iter().map(|(id, field, label)| html! {
                    { text_field(&yew::props!(TextFieldProps { id: format!("pupil-{id}-{i}"), label: t(lang, *label), multiline: true, value: pupil_text(&mut values, field).cloned().unwrap_or_default(), oninput: set(field), error: field_error(lang, errors, &format!("pupils[{i}].{field}")) })) }
                }) }
                { checkbox(&yew::props!(CheckboxProps { id: format!("pupil-informed-{i}"), label: t(lang, C::FieldParentsInformed), checked: p.parents_informed, onchange: on_informed })) }
                <button type="button" class="button plain" id={format!("remove-pupil-{i}")} onclick={remove}>
                    { t(lang, C::RemovePupil) }
                </button>
            </fieldset>
        }
    };

    html! {
        <section class="card wide">
            <p class="breadcrumb"><AppLink to={Route::Consultations}>{ "← " }{ t(lang, C::BackToList) }</AppLink></p>
            <h1 id="main-heading" tabindex="-1">{ t(lang, C::NewTitle) }</h1>
            <p>{ t(lang, C::NewIntro) }</p>
            if let Some(message) = &save.message {
                <div class="error-box" role="alert" id="save-error"><p>{ message.clone() }</p></div>
            }
            if !errors.is_empty() {
                <div class="error-box" role="alert" id="consultation-errors">
                    <ul>{ for errors.iter().map(|e| html! {
                        <li>{ field_error(lang, std::slice::from_ref(e), &e.field).unwrap_or_default() }</li>
                    }) }</ul>
                </div>
            }
            <form id="consultation-form" onsubmit={on_submit} novalidate=true>
                { select_field(&yew::props!(SelectFieldProps { id: "consultation-kind", label: t(lang, C::FieldKind), value: form.kind.as_str(), options: kind_options(lang), onchange: on_kind })) }
                { select_field(&yew::props!(SelectFieldProps { id: "consultation-arrangement-kind", label: t(lang, C::FieldArrangementKind), value: form.arrangement_kind.as_str(), options: arrangement_kind_options(lang), onchange: on_arrangement_kind })) }
                { text_field(&yew::props!(TextFieldProps { id: "support-question", label: t(lang, C::FieldQuestion), hint: t(lang, C::FieldQuestionHint), multiline: true, required: true, value: form.support_question.clone(), oninput: on_question, error: field_error(lang, errors, "supportQuestion") })) }
                { text_field(&yew::props!(TextFieldProps { id: "group-information", label: t(lang, C::FieldGroup), hint: t(lang, C::FieldGroupHint), multiline: true, value: form.group_information.clone().unwrap_or_default(), oninput: on_group, error: field_error(lang, errors, "groupInformation") })) }
                <fieldset id="pupils" aria-describedby="pupils-hint">
                    <legend>{ t(lang, C::PupilsLegend) }</legend>
                    <p class="hint" id="pupils-hint">{ t(lang, C::PupilsHint) }</p>
                    if let Some(error) = field_error(lang, errors, "pupils") {
                        <p class="field-error" id="pupils-error">{ error }</p>
                    }
                    { for form.pupils.iter().enumerate().map(pupil) }
                    <button type="button" class="button secondary" id="add-pupil" onclick={add_pupil}>
                        { t(lang, C::AddPupil) }
                    </button>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button primary" id="save-consultation" disabled={save.busy}>
                        { t(lang, if save.busy { C::Saving } else { C::Save }) }
                    </button>
                </div>
            </form>
        </section>
    }
}
