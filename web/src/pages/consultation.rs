//! One consultation: the question with its anonymised pupils, the consultant's triage, the
//! meetings held and the arrangements that came from it. The consultant triages and records
//! meetings; the school links the dossier that followed.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::consultations::{ConsultationResponse, CreateMeetingRequest, TriageRequest};
use arrangeer_shared::api::evaluations::Participant;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use chrono::NaiveDate;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::{self, ArrangementFilter, ClientError, consultations as capi};
use crate::app::Route;
use crate::components::checkbox::{CheckboxProps, checkbox, field_error};
use crate::components::fields::{SelectFieldProps, TextFieldProps, select_field, text_field};
use crate::components::{AppLink, error_message, expire_on_401, use_focus_main_heading};
use crate::format;
use crate::i18n::{C, Lang, T, t};
use crate::session::use_app;

#[derive(Properties, PartialEq)]
pub struct ConsultationPageProps {
    pub id: AttrValue,
}

/// What a form on this page last heard from the server.
#[derive(Clone, Default, PartialEq)]
struct Outcome {
    busy: bool,
    done: bool,
    errors: Vec<FieldError>,
    message: Option<String>,
}

impl Outcome {
    fn failed(lang: Lang, err: &ClientError) -> Outcome {
        let errors = err.field_errors().to_vec();
        let message = match err.status() {
            Some(412) => Some(t(lang, C::Stale).to_owned()),
            _ => errors.is_empty().then(|| error_message(lang, err)),
        };
        Outcome { busy: false, done: false, errors, message }
    }
}

#[derive(Clone, Default, PartialEq)]
struct MeetingForm {
    held_on: String,
    participants: String,
    minutes: String,
    agreements: String,
}

/// "Name, organisation" per line; empty lines are skipped.
fn participants(text: &str) -> Vec<Participant> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (name, organisation) = match line.split_once(',') {
                Some((name, org)) => (name.trim(), Some(org.trim().to_owned()).filter(|o| !o.is_empty())),
                None => (line, None),
            };
            Participant { name: name.to_owned(), organisation, user_id: None }
        })
        .collect()
}

fn outcome_box(lang: Lang, outcome: &Outcome, id: &str, done: C) -> Html {
    html! {
        <>
            if let Some(message) = &outcome.message {
                <div class="error-box" role="alert" id={format!("{id}-error")}><p>{ message.clone() }</p></div>
            }
            if outcome.done {
                <p class="notice success" role="status" id={format!("{id}-result")}>{ t(lang, done) }</p>
            }
        </>
    }
}

fn facts(lang: Lang, c: &ConsultationResponse) -> Html {
    html! {
        <>
            <dl class="facts" id="consultation-facts">
                <dt>{ t(lang, C::FactSchool) }</dt><dd>{ &c.school_name }</dd>
                <dt>{ t(lang, C::FactKind) }</dt><dd id="consultation-kind">{ t(lang, C::Kind(c.kind)) }</dd>
                <dt>{ t(lang, C::FactArrangementKind) }</dt><dd>{ t(lang, T::Kind(c.arrangement_kind)) }</dd>
                <dt>{ t(lang, C::FactQuestion) }</dt><dd id="consultation-question">{ &c.support_question }</dd>
                if let Some(group) = &c.group_information {
                    <dt>{ t(lang, C::FactGroup) }</dt><dd>{ group }</dd>
                }
            </dl>
            <section class="part" aria-labelledby="pupils-heading">
                <h2 id="pupils-heading">{ t(lang, C::PupilsHeading) }</h2>
                if c.pupils.is_empty() {
                    <p>{ t(lang, C::NoPupils) }</p>
                } else {
                    <table class="data" id="consultation-pupils">
                        <thead><tr>
                            <th scope="col">{ t(lang, C::FieldCode) }</th>
                            <th scope="col">{ t(lang, C::FieldStimulating) }</th>
                            <th scope="col">{ t(lang, C::FieldHindering) }</th>
                            <th scope="col">{ t(lang, C::FieldTests) }</th>
                            <th scope="col">{ t(lang, C::FieldInterventions) }</th>
                            <th scope="col">{ t(lang, C::FieldParentsInformed) }</th>
                        </tr></thead>
                        <tbody>{ for c.pupils.iter().map(|p| html! {
                            <tr>
                                <th scope="row">{ &p.code }</th>
                                <td>{ &p.stimulating_factors }</td>
                                <td>{ &p.hindering_factors }</td>
                                <td>{ &p.test_results }</td>
                                <td>{ &p.interventions_tried }</td>
                                <td>{ t(lang, if p.parents_informed { C::Yes } else { C::No }) }</td>
                            </tr>
                        }) }</tbody>
                    </table>
                }
            </section>
        </>
    }
}

fn meetings(lang: Lang, c: &ConsultationResponse) -> Html {
    if c.meetings.is_empty() {
        return html! { <p id="no-meetings">{ t(lang, C::NoMeetings) }</p> };
    }
    html! {
        <ol class="plain meetings" id="meeting-list">
            { for c.meetings.iter().map(|m| html! {
                <li class="meeting">
                    <h3>{ format::date(lang, m.held_on) }</h3>
                    <p><strong>{ t(lang, C::Participants) }{ ": " }</strong>
                        { m.participants.iter().map(|p| match &p.organisation {
                            Some(o) => format!("{} ({o})", p.name),
                            None => p.name.clone(),
                        }).collect::<Vec<_>>().join(", ") }</p>
                    <p><strong>{ t(lang, C::Minutes) }{ ": " }</strong>{ &m.minutes }</p>
                    if !m.agreements.is_empty() {
                        <p><strong>{ t(lang, C::Agreements) }{ ": " }</strong>{ &m.agreements }</p>
                    }
                </li>
            }) }
        </ol>
    }
}

#[component]
pub fn ConsultationPage(props: &ConsultationPageProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let consultation = use_value(|| None::<Result<ConsultationResponse, ClientError>>);
    let triage = use_value(|| TriageRequest {
        information_sufficient: false,
        involve_board: false,
        involve_youth_care: false,
        note: None,
    });
    let triage_outcome = use_value(Outcome::default);
    let meeting = use_value(MeetingForm::default);
    let meeting_outcome = use_value(Outcome::default);
    let dossiers = use_value(Vec::<ArrangementSummary>::new);
    let chosen = use_value(String::new);
    let link_outcome = use_value(Outcome::default);
    let token = app.session.as_ref().map(|s| s.token.clone());
    let role = app.session.as_ref().map(|s| s.user.role);
    let id = props.id.to_string();

    {
        let (app, consultation, dossiers, id) =
            (app.clone(), consultation.clone(), dossiers.clone(), id.clone());
        use_effect_on(token.clone(), move |token| {
            if let Some(token) = token.clone() {
                crate::spawn(async move {
                    let found = capi::get_consultation(&token, &id).await;
                    if let Err(err) = &found {
                        expire_on_401(&app, err);
                    }
                    consultation.set(Some(found));
                    if role == Some(Role::School)
                        && let Ok(page) = api::list_arrangements(&token, &ArrangementFilter::default()).await
                    {
                        dossiers.set(page.items);
                    }
                });
            }
        });
    }

    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    let token = session.token.clone();
    let c = match &*consultation {
        None => {
            return page(
                lang,
                html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } },
            );
        }
        Some(Err(err)) => {
            return page(
                lang,
                html! { <div class="error-box" role="alert"><p>{ error_message(lang, err) }</p></div> },
            );
        }
        Some(Ok(c)) => c.clone(),
    };

    let flag = |set: fn(&mut TriageRequest, bool)| {
        let triage = triage.clone();
        Callback::from(move |v: bool| {
            let mut next = (*triage).clone();
            set(&mut next, v);
            triage.set(next);
        })
    };
    let on_note = {
        let triage = triage.clone();
        Callback::from(move |v: String| {
            let mut next = (*triage).clone();
            next.note = Some(v).filter(|n| !n.is_empty());
            triage.set(next);
        })
    };
    let on_triage = {
        let (app, consultation, triage, outcome, token, current) = (
            app.clone(),
            consultation.clone(),
            triage.clone(),
            triage_outcome.clone(),
            token.clone(),
            c.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            outcome.set(Outcome { busy: true, ..Outcome::default() });
            let (app, consultation, request, outcome, token, current) = (
                app.clone(),
                consultation.clone(),
                (*triage).clone(),
                outcome.clone(),
                token.clone(),
                current.clone(),
            );
            crate::spawn(async move {
                match capi::triage_consultation(&token, &current.id, current.version, &request).await {
                    Ok(updated) => {
                        consultation.set(Some(Ok(updated)));
                        outcome.set(Outcome { done: true, ..Outcome::default() });
                    }
                    Err(err) => {
                        expire_on_401(&app, &err);
                        outcome.set(Outcome::failed(app.lang, &err));
                    }
                }
            });
        })
    };
    let meeting_field = |set: fn(&mut MeetingForm, String)| {
        let meeting = meeting.clone();
        Callback::from(move |v: String| {
            let mut next = (*meeting).clone();
            set(&mut next, v);
            meeting.set(next);
        })
    };
    let on_meeting = {
        let (app, consultation, meeting, outcome, token, current) = (
            app.clone(),
            consultation.clone(),
            meeting.clone(),
            meeting_outcome.clone(),
            token.clone(),
            c.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(held_on) = meeting.held_on.parse::<NaiveDate>() else {
                outcome.set(Outcome {
                    errors: vec![FieldError::new("heldOn", "invalid_date", "")],
                    ..Outcome::default()
                });
                return;
            };
            let request = CreateMeetingRequest {
                held_on,
                participants: participants(&meeting.participants),
                minutes: meeting.minutes.clone(),
                agreements: meeting.agreements.clone(),
            };
            outcome.set(Outcome { busy: true, ..Outcome::default() });
            let (app, consultation, meeting, outcome, token, id) = (
                app.clone(),
                consultation.clone(),
                meeting.clone(),
                outcome.clone(),
                token.clone(),
                current.id.clone(),
            );
            crate::spawn(async move {
                match capi::add_meeting(&token, &id, &request).await {
                    Ok(_) => {
                        meeting.set(MeetingForm::default());
                        outcome.set(Outcome { done: true, ..Outcome::default() });
                        consultation.set(Some(capi::get_consultation(&token, &id).await));
                    }
                    Err(err) => {
                        expire_on_401(&app, &err);
                        outcome.set(Outcome::failed(app.lang, &err));
                    }
                }
            });
        })
    };
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |v: String| chosen.set(v))
    };
    let on_link = {
        let (app, consultation, chosen, outcome, token, id) = (
            app.clone(),
            consultation.clone(),
            chosen.clone(),
            link_outcome.clone(),
            token.clone(),
            c.id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(arrangement) = chosen.parse::<ArrangementId>() else {
                outcome.set(Outcome {
                    errors: vec![FieldError::new("arrangementId", "required", "")],
                    ..Outcome::default()
                });
                return;
            };
            outcome.set(Outcome { busy: true, ..Outcome::default() });
            let (app, consultation, outcome, token, id) =
                (app.clone(), consultation.clone(), outcome.clone(), token.clone(), id.clone());
            crate::spawn(async move {
                match capi::link_arrangement(&token, &id, arrangement).await {
                    Ok(updated) => {
                        consultation.set(Some(Ok(updated)));
                        outcome.set(Outcome { done: true, ..Outcome::default() });
                    }
                    Err(err) => {
                        expire_on_401(&app, &err);
                        outcome.set(Outcome::failed(app.lang, &err));
                    }
                }
            });
        })
    };

    let is_consultant = session.user.role == Role::Consultant;
    let triage_view = match &c.triage {
        Some(tr) => html! {
            <dl class="facts" id="triage-view">
                <dt>{ t(lang, C::InformationSufficient) }</dt>
                <dd>{ t(lang, if tr.information_sufficient { C::Yes } else { C::No }) }</dd>
                <dt>{ t(lang, C::InvolveBoard) }</dt>
                <dd>{ t(lang, if tr.involve_board { C::Yes } else { C::No }) }</dd>
                <dt>{ t(lang, C::InvolveYouthCare) }</dt>
                <dd>{ t(lang, if tr.involve_youth_care { C::Yes } else { C::No }) }</dd>
                if let Some(note) = &tr.note {
                    <dt>{ t(lang, C::TriageNote) }</dt><dd>{ note }</dd>
                }
            </dl>
        },
        None => html! { <p id="not-triaged">{ t(lang, C::NotTriaged) }</p> },
    };
    let me = &*meeting;
    let m_errors = &meeting_outcome.errors;
    let options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::Static(""), AttrValue::Static("—")))
            .chain(
                dossiers
                    .iter()
                    .filter(|d| !c.arrangement_ids.contains(&d.id))
                    .map(|d| (d.id.to_string().into(), d.title.clone().into())),
            )
            .collect();

    page(
        lang,
        html! {
            <>
                { facts(lang, &c) }
                <section class="part" aria-labelledby="triage-heading">
                    <h2 id="triage-heading">{ t(lang, C::TriageHeading) }</h2>
                    { triage_view }
                    if is_consultant {
                        { outcome_box(lang, &triage_outcome, "triage", C::TriageSaved) }
                        <form id="triage-form" onsubmit={on_triage} novalidate=true>
                            { checkbox(&yew::props!(CheckboxProps { id: "triage-sufficient", label: t(lang, C::InformationSufficient), checked: triage.information_sufficient, onchange: flag(|r, v| r.information_sufficient = v) })) }
                            { checkbox(&yew::props!(CheckboxProps { id: "triage-board", label: t(lang, C::InvolveBoard), checked: triage.involve_board, onchange: flag(|r, v| r.involve_board = v) })) }
                            { checkbox(&yew::props!(CheckboxProps { id: "triage-youth-care", label: t(lang, C::InvolveYouthCare), checked: triage.involve_youth_care, onchange: flag(|r, v| r.involve_youth_care = v) })) }
                            { text_field(&yew::props!(TextFieldProps { id: "triage-note", label: t(lang, C::TriageNote), multiline: true, value: triage.note.clone().unwrap_or_default(), oninput: on_note, error: field_error(lang, &triage_outcome.errors, "note") })) }
                            { submit_row(t(lang, C::SaveTriage), "save-triage", "primary", triage_outcome.busy) }
                        </form>
                    }
                </section>
                <section class="part" aria-labelledby="meetings-heading">
                    <h2 id="meetings-heading">{ t(lang, C::MeetingsHeading) }</h2>
                    { meetings(lang, &c) }
                    if is_consultant {
                        { outcome_box(lang, &meeting_outcome, "meeting", C::MeetingSaved) }
                        <form id="meeting-form" onsubmit={on_meeting} novalidate=true>
                            { text_field(&yew::props!(TextFieldProps { id: "meeting-date", label: t(lang, C::HeldOn), input_type: "date", required: true, value: me.held_on.clone(), oninput: meeting_field(|m, v| m.held_on = v), error: field_error(lang, m_errors, "heldOn") })) }
                            { text_field(&yew::props!(TextFieldProps { id: "meeting-participants", label: t(lang, C::Participants), hint: t(lang, C::ParticipantsHint), multiline: true, required: true, value: me.participants.clone(), oninput: meeting_field(|m, v| m.participants = v), error: m_errors.iter().any(|e| e.field.starts_with("participants"))
                                    .then(|| AttrValue::from(t(lang, C::ErrInvalidParticipants))) })) }
                            { text_field(&yew::props!(TextFieldProps { id: "meeting-minutes", label: t(lang, C::Minutes), multiline: true, required: true, value: me.minutes.clone(), oninput: meeting_field(|m, v| m.minutes = v), error: field_error(lang, m_errors, "minutes") })) }
                            { text_field(&yew::props!(TextFieldProps { id: "meeting-agreements", label: t(lang, C::Agreements), multiline: true, value: me.agreements.clone(), oninput: meeting_field(|m, v| m.agreements = v), error: field_error(lang, m_errors, "agreements") })) }
                            { submit_row(t(lang, C::AddMeeting), "save-meeting", "primary", meeting_outcome.busy) }
                        </form>
                    }
                </section>
                <section class="part" aria-labelledby="linked-heading">
                    <h2 id="linked-heading">{ t(lang, C::ArrangementsHeading) }</h2>
                    if c.arrangement_ids.is_empty() {
                        <p id="no-linked">{ t(lang, C::NoArrangements) }</p>
                    } else {
                        <ul class="plain" id="linked-dossiers">
                            { for c.arrangement_ids.iter().map(|a| html! {
                                <li><AppLink to={Route::Dossier { id: *a }}>{ t(lang, C::OpenDossier) }</AppLink></li>
                            }) }
                        </ul>
                    }
                    if session.user.role == Role::School {
                        { outcome_box(lang, &link_outcome, "link", C::Linked) }
                        <form id="link-form" onsubmit={on_link} novalidate=true>
                            { select_field(&yew::props!(SelectFieldProps { id: "link-arrangement", label: t(lang, C::LinkArrangement), value: (*chosen).clone(), options: options, onchange: on_choose, error: field_error(lang, &link_outcome.errors, "arrangementId") })) }
                            { submit_row(t(lang, C::LinkButton), "link-dossier", "secondary", link_outcome.busy) }
                        </form>
                    }
                </section>
            </>
        },
    )
}

/// The submit button of a form on this page.
fn submit_row(label: &'static str, id: &'static str, style: &'static str, busy: bool) -> Html {
    html! {
        <div class="form-actions">
            <button type="submit" class={classes!("button", style)} {id} disabled={busy}>{ label }</button>
        </div>
    }
}

fn page(lang: Lang, body: Html) -> Html {
    html! {
        <article class="card wide">
            <p class="breadcrumb"><AppLink to={Route::Consultations}>{ "← " }{ t(lang, C::BackToList) }</AppLink></p>
            <h1 id="main-heading" tabindex="-1">{ t(lang, C::Heading) }</h1>
            { body }
        </article>
    }
}
