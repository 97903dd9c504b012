//! The consensus-seeking meetings (OOGO) on the plan: the list for every reader, and for the
//! school a form to record one (date, participants one per line, outcome).

use arrangeer_shared::api::opps::{CreateOppMeetingRequest, OppMeetingResponse};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::OppId;
use chrono::NaiveDate;
use yew::prelude::*;

use crate::hooks::{ValueHandle, use_effect_on, use_value};

use super::field_error;
use crate::api::{ClientError, opps as api};
use crate::components::error_message;
use crate::components::fields::{TextFieldProps, text_field};
use crate::format;
use crate::i18n::{E, Lang, T, t};

#[derive(Properties, PartialEq)]
pub struct MeetingsProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub opp: OppId,
    pub writable: bool,
}

#[component]
pub fn OppMeetings(props: &MeetingsProps) -> Html {
    let lang = props.lang;
    let list = use_value(|| None::<Result<Vec<OppMeetingResponse>, ClientError>>);
    let refresh = use_value(|| 0u32);
    let (held_on, participants, outcome) =
        (use_value(String::new), use_value(String::new), use_value(String::new));
    let errors = use_value(Vec::<FieldError>::new);
    let problem = use_value(|| None::<String>);
    let saved = use_value(|| false);
    {
        let list = list.clone();
        use_effect_on((props.token.clone(), props.opp, *refresh), move |(token, opp, _)| {
            let (token, opp) = (token.to_string(), *opp);
            crate::spawn(async move { list.set(Some(api::list_meetings(&token, opp).await)) });
        });
    }
    let onsubmit = {
        let (held_on, participants, outcome, errors, problem, saved, refresh) = (
            held_on.clone(),
            participants.clone(),
            outcome.clone(),
            errors.clone(),
            problem.clone(),
            saved.clone(),
            refresh.clone(),
        );
        let (token, opp) = (props.token.to_string(), props.opp);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let Ok(date) = held_on.trim().parse::<NaiveDate>() else {
                errors.set(vec![FieldError::new("heldOn", "invalid_date", "choose a date")]);
                return;
            };
            let body = CreateOppMeetingRequest {
                held_on: date,
                participants: participants
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                outcome: (*outcome).clone(),
            };
            let (held_on, participants, outcome, errors, problem, saved, refresh, token) = (
                held_on.clone(),
                participants.clone(),
                outcome.clone(),
                errors.clone(),
                problem.clone(),
                saved.clone(),
                refresh.clone(),
                token.clone(),
            );
            crate::spawn(async move {
                match api::record_meeting(&token, opp, &body).await {
                    Ok(_) => {
                        for field in [&held_on, &participants, &outcome] {
                            field.set(String::new());
                        }
                        errors.set(Vec::new());
                        problem.set(None);
                        saved.set(true);
                        refresh.set(*refresh + 1);
                    }
                    Err(err) => {
                        errors.set(err.field_errors().to_vec());
                        problem.set(err.field_errors().is_empty().then(|| error_message(lang, &err)));
                    }
                }
            });
        })
    };
    let set = |state: &ValueHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let items = match &*list {
        None => html! { <p role="status">{ t(lang, T::Loading) }</p> },
        Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok(items)) if items.is_empty() => html! { <p class="muted">{ t(lang, E::NoMeetings) }</p> },
        Some(Ok(items)) => html! {
            <ul class="plain opp-meetings" id="opp-meeting-list">
                { for items.iter().map(|m| html! {
                    <li>
                        <strong>{ format::date(lang, m.held_on) }</strong>
                        { format!(" — {}: {}", t(lang, E::Participants), m.participants.join(", ")) }
                        <br /><span class="prose">{ format!("{}: {}", t(lang, E::Outcome), m.outcome) }</span>
                        <br /><span class="hint">{ format!("{} {}", t(lang, E::RecordedBy), m.recorded_by) }</span>
                    </li>
                }) }
            </ul>
        },
    };
    html! {
        <section class="part" aria-labelledby="opp-meetings-heading" id="opp-meetings">
            <h2 id="opp-meetings-heading">{ t(lang, E::MeetingsHeading) }</h2>
            <p>{ t(lang, E::MeetingsExplain) }</p>
            { items }
            if props.writable {
                <form id="opp-meeting-form" novalidate=true {onsubmit} aria-labelledby="opp-meeting-add-heading">
                    <h3 id="opp-meeting-add-heading">{ t(lang, E::AddMeeting) }</h3>
                    { text_field(&yew::props!(TextFieldProps { id: "opp-meeting-held-on", label: t(lang, E::HeldOn), input_type: "date", class: "short", value: (*held_on).clone(), required: true, error: field_error(lang, &errors, "heldOn"), oninput: set(&held_on) })) }
                    { text_field(&yew::props!(TextFieldProps { id: "opp-meeting-participants", label: t(lang, E::Participants), multiline: true, required: true, hint: Some(AttrValue::from(t(lang, E::ParticipantsHint))), value: (*participants).clone(), error: field_error(lang, &errors, "participants"), oninput: set(&participants) })) }
                    { text_field(&yew::props!(TextFieldProps { id: "opp-meeting-outcome", label: t(lang, E::Outcome), multiline: true, required: true, value: (*outcome).clone(), error: field_error(lang, &errors, "outcome"), oninput: set(&outcome) })) }
                    if let Some(p) = &*problem {
                        <p class="error-box" role="alert">{ p.clone() }</p>
                    }
                    if *saved {
                        <p class="notice success" role="status" id="opp-meeting-saved">{ t(lang, E::MeetingSaved) }</p>
                    }
                    <button type="submit" class="button primary" id="opp-meeting-submit">{ t(lang, E::AddMeeting) }</button>
                </form>
            }
        </section>
    }
}
