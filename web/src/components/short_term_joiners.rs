//! On a cluster's dossier page: the short-term joiners (pupils who join one part of the offer
//! for a short period, without an OPP) and, for the school, a form to register one with its
//! action plan (uploaded as an attachment of kind `action_plan`) and the parents informed.

use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::pupils::PupilResponse;
use arrangeer_shared::api::short_term_joiners::{CreateShortTermJoinerRequest, ShortTermJoinerResponse};
use arrangeer_shared::ids::{ArrangementId, PupilId};
use chrono::NaiveDate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use crate::api::{self as client, ClientError, opps as api};
use crate::components::error_message;
use crate::components::fields::{
    SelectFieldProps, TextFieldProps, described_by, hint_and_error, select_field, text_field,
};
use crate::format;
use crate::i18n::{J, Lang, T, t};
use crate::pages::opp_editor;

/// The error of `field`, with the joiner's own codes in plain words.
fn field_error(lang: Lang, errors: &[FieldError], field: &str) -> Option<AttrValue> {
    let e = errors.iter().find(|e| e.field == field)?;
    let own = match (field, e.code.as_str()) {
        ("actionPlanAttachmentId", "required") => Some(J::ActionPlanRequired),
        ("actionPlanAttachmentId", "not_an_action_plan") => Some(J::NotAnActionPlan),
        ("parentsInformed", _) => Some(J::InformFirst),
        ("endsOn", "too_long") => Some(J::PeriodTooLong),
        ("pupilId", "already_in_arrangement") => Some(J::AlreadyInArrangement),
        ("startsOn", "overlap") => Some(J::Overlap),
        _ => None,
    };
    match own {
        Some(key) => Some(AttrValue::from(t(lang, key))),
        None => opp_editor::field_error(lang, errors, field),
    }
}

#[derive(Properties, PartialEq)]
pub struct JoinersProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub arrangement: ArrangementId,
    /// The arrangement's own pupils (they cannot also join for a short period).
    pub pupils: Vec<PupilId>,
    pub writable: bool,
}

#[derive(Clone, Default, PartialEq)]
struct Form {
    pupil: String,
    offer_part: String,
    starts_on: String,
    ends_on: String,
    parents_informed: bool,
}

#[component]
pub fn ShortTermJoiners(props: &JoinersProps) -> Html {
    let lang = props.lang;
    let list = use_value(|| None::<Result<Vec<ShortTermJoinerResponse>, ClientError>>);
    let candidates = use_value(Vec::<PupilResponse>::new);
    let refresh = use_value(|| 0u32);
    let form = use_value(Form::default);
    let file = use_node_ref();
    let errors = use_value(Vec::<FieldError>::new);
    let problem = use_value(|| None::<String>);
    let added = use_value(|| false);
    let busy = use_value(|| false);
    {
        let (list, candidates, writable, own) =
            (list.clone(), candidates.clone(), props.writable, props.pupils.clone());
        use_effect_on((props.token.clone(), props.arrangement, *refresh), move |(token, id, _)| {
            let (token, id) = (token.to_string(), *id);
            crate::spawn(async move {
                list.set(Some(api::list_joiners(&token, id).await));
                if writable && let Ok(all) = client::all_pupils(&token).await {
                    candidates.set(all.into_iter().filter(|p| !own.contains(&p.id)).collect());
                }
            });
        });
    }
    let onsubmit = {
        let (form, errors, problem, added, busy, refresh, file) = (
            form.clone(),
            errors.clone(),
            problem.clone(),
            added.clone(),
            busy.clone(),
            refresh.clone(),
            file.clone(),
        );
        let (token, id) = (props.token.to_string(), props.arrangement);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            added.set(false);
            let f = (*form).clone();
            let chosen = file.cast::<HtmlInputElement>().and_then(|i| i.files()).and_then(|l| l.get(0));
            let date = |v: &str| v.trim().parse::<NaiveDate>().ok();
            let mut found = Vec::new();
            let pupil = f.pupil.parse::<PupilId>().ok();
            if pupil.is_none() {
                found.push(FieldError::new("pupilId", "required", "choose a pupil"));
            }
            for (field, value) in [("startsOn", &f.starts_on), ("endsOn", &f.ends_on)] {
                if date(value).is_none() {
                    found.push(FieldError::new(field, "invalid_date", "choose a date"));
                }
            }
            let (Some(pupil_id), Some(starts_on), Some(ends_on)) =
                (pupil, date(&f.starts_on), date(&f.ends_on))
            else {
                errors.set(found);
                return;
            };
            let mut request = CreateShortTermJoinerRequest {
                pupil_id,
                offer_part: f.offer_part.clone(),
                starts_on,
                ends_on,
                action_plan_attachment_id: chosen.as_ref().map(|c| c.name()),
                parents_informed: f.parents_informed,
            };
            let found = request.check();
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            let (form, errors, problem, added, busy, refresh, token) = (
                form.clone(),
                errors.clone(),
                problem.clone(),
                added.clone(),
                busy.clone(),
                refresh.clone(),
                token.clone(),
            );
            busy.set(true);
            crate::spawn(async move {
                let result = match chosen {
                    Some(f) => match api::upload_attachment(&token, id, "action_plan", None, &f).await {
                        Ok(stored) => {
                            request.action_plan_attachment_id = Some(stored.id);
                            api::add_joiner(&token, id, &request).await
                        }
                        Err(ClientError::Problem(mut p)) => {
                            // the upload's `file` is the action plan field here
                            for e in &mut p.errors {
                                e.field = "actionPlanAttachmentId".into();
                            }
                            Err(ClientError::Problem(p))
                        }
                        Err(e) => Err(e),
                    },
                    None => api::add_joiner(&token, id, &request).await,
                };
                match result {
                    Ok(_) => {
                        form.set(Form::default());
                        errors.set(Vec::new());
                        problem.set(None);
                        added.set(true);
                        refresh.set(*refresh + 1);
                    }
                    Err(err) => {
                        errors.set(err.field_errors().to_vec());
                        problem.set(err.field_errors().is_empty().then(|| error_message(lang, &err)));
                    }
                }
                busy.set(false);
            });
        })
    };
    let edit = |change: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            change(&mut next, v);
            form.set(next);
        })
    };
    let items = match &*list {
        None => html! { <p role="status">{ t(lang, T::Loading) }</p> },
        Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok(items)) if items.is_empty() => {
            html! { <p class="muted" id="joiner-none">{ t(lang, J::NoJoiners) }</p> }
        }
        Some(Ok(items)) => html! {
            <ul class="plain" id="joiner-list">
                { for items.iter().map(|j| html! {
                    <li id={format!("joiner-{}", j.pupil.id)}>
                        <strong>{ format!("{} ({})", j.pupil.name, j.pupil.group_name) }</strong>
                        { format!(" — {}: {} · {} – {}", t(lang, J::OfferPart), j.offer_part,
                            format::date(lang, j.starts_on), format::date(lang, j.ends_on)) }
                        <br /><span class="hint">{ format!("{}: {} · {}", t(lang, J::ActionPlan), j.action_plan.file_name,
                            t(lang, J::ParentsWereInformed)) }</span>
                    </li>
                }) }
            </ul>
        },
    };
    let options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(t(lang, J::ChoosePupil))))
            .chain(candidates.iter().map(|p| {
                (
                    AttrValue::from(p.id.to_string()),
                    AttrValue::from(format!("{} {} ({})", p.first_name, p.last_name, p.group_name)),
                )
            }))
            .collect();
    let plan_error = field_error(lang, &errors, "actionPlanAttachmentId");
    let informed_error = field_error(lang, &errors, "parentsInformed");
    let informed = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            next.parents_informed = e.target_unchecked_into::<HtmlInputElement>().checked();
            form.set(next);
        })
    };
    html! {
        <section class="part" aria-labelledby="joiners-heading" id="short-term-joiners">
            <h2 id="joiners-heading">{ t(lang, J::JoinersHeading) }</h2>
            <p>{ t(lang, J::JoinersExplain) }</p>
            { items }
            if props.writable {
                <form id="joiner-form" novalidate=true {onsubmit} aria-labelledby="joiner-add-heading">
                    <h3 id="joiner-add-heading">{ t(lang, J::AddJoiner) }</h3>
                    { select_field(&yew::props!(SelectFieldProps { id: "joiner-pupil", label: t(lang, J::Pupil), value: form.pupil.clone(), options: options, error: field_error(lang, &errors, "pupilId"), onchange: edit(|f, v| f.pupil = v) })) }
                    { text_field(&yew::props!(TextFieldProps { id: "joiner-offer-part", label: t(lang, J::OfferPart), value: form.offer_part.clone(), required: true, hint: Some(AttrValue::from(t(lang, J::OfferPartHint))), error: field_error(lang, &errors, "offerPart"), oninput: edit(|f, v| f.offer_part = v) })) }
                    <div class="field-row">
                        { text_field(&yew::props!(TextFieldProps { id: "joiner-starts-on", label: t(lang, J::From), input_type: "date", class: "short", required: true, value: form.starts_on.clone(), error: field_error(lang, &errors, "startsOn"), oninput: edit(|f, v| f.starts_on = v) })) }
                        { text_field(&yew::props!(TextFieldProps { id: "joiner-ends-on", label: t(lang, J::Until), input_type: "date", class: "short", required: true, hint: Some(AttrValue::from(t(lang, J::UntilHint))), value: form.ends_on.clone(), error: field_error(lang, &errors, "endsOn"), oninput: edit(|f, v| f.ends_on = v) })) }
                    </div>
                    <div class="field">
                        <label for="joiner-action-plan">{ t(lang, J::ActionPlan) }</label>
                        <input type="file" id="joiner-action-plan" name="joiner-action-plan" ref={file} required=true
                            aria-invalid={plan_error.is_some().to_string()}
                            aria-describedby={described_by("joiner-action-plan", true, plan_error.is_some())} />
                        { hint_and_error("joiner-action-plan", Some(&AttrValue::from(t(lang, J::ActionPlanHint))), plan_error.as_ref()) }
                    </div>
                    <div class="field checkbox">
                        <input type="checkbox" id="joiner-parents-informed" checked={form.parents_informed} onchange={informed}
                            aria-invalid={informed_error.is_some().to_string()}
                            aria-describedby={described_by("joiner-parents-informed", true, informed_error.is_some())} />
                        <label for="joiner-parents-informed">{ t(lang, J::ParentsInformed) }</label>
                        { hint_and_error("joiner-parents-informed", Some(&AttrValue::from(t(lang, J::ParentsInformedHint))), informed_error.as_ref()) }
                    </div>
                    if let Some(message) = &*problem {
                        <p class="error-box" role="alert" id="joiner-problem">{ message.clone() }</p>
                    }
                    if *added {
                        <p class="notice success" role="status" id="joiner-added">{ t(lang, J::JoinerAdded) }</p>
                    }
                    <button type="submit" class="button primary" id="joiner-submit" disabled={*busy}>{ t(lang, J::AddJoiner) }</button>
                </form>
            }
        </section>
    }
}
