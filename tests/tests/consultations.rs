//! Consultations (the support question, anonymised, with triage and meetings) and the actions
//! of an integral arrangement, on a real server and database.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::api::consultations::{
    AnonymisedPupil, ConsultationKind, ConsultationResponse, ConsultationSummary, CreateConsultationRequest,
    CreateMeetingRequest, LinkArrangementRequest, MeetingResponse, TriageRequest,
};
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::evaluations::Participant;
use arrangeer_shared::api::integral_actions::{
    CreateIntegralActionRequest, IntegralActionResponse, IntegralActionStatus, UpdateIntegralActionRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::Status;
use arrangeer_tests::fixtures::{HOLLAND_RIJNLAND, new_pupil, proposal, start_integral};
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT};
use chrono::NaiveDate;
use serde_json::json;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn anonymised(code: &str) -> AnonymisedPupil {
    AnonymisedPupil {
        code: code.into(),
        stimulating_factors: "Gemotiveerd, werkt graag samen.".into(),
        hindering_factors: "Leesachterstand van een jaar.".into(),
        test_results: "DMT E3: V-score.".into(),
        interventions_tried: "Extra instructie in de klas, 12 weken.".into(),
        parents_informed: true,
    }
}

fn cluster_question() -> CreateConsultationRequest {
    CreateConsultationRequest {
        kind: ConsultationKind::StartMeeting,
        arrangement_kind: ArrangementKind::Cluster,
        support_question: "Hoe begeleiden we drie leerlingen met dezelfde leesachterstand?".into(),
        pupils: vec![anonymised("L1"), anonymised("L2"), anonymised("L3")],
        group_information: None,
    }
}

async fn problem(response: reqwest::Response, status: u16) -> Problem {
    assert_eq!(response.status(), status);
    response.json().await.expect("problem")
}

#[tokio::test]
async fn consultation_of_a_cluster_is_triaged_and_met_by_the_consultant_and_read_by_the_office() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let office = app.token(Role::SwvAdmin, UTRECHT).await;

    let created = app.post("/api/v1/consultations", &school, &cluster_question()).await;
    assert_eq!(created.status(), 201);
    assert_eq!(created.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"1\""));
    let c: ConsultationResponse = created.json().await.expect("consultation");
    assert_eq!(c.pupils.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["L1", "L2", "L3"]);
    assert!(c.triage.is_none() && c.meetings.is_empty());
    let path = format!("/api/v1/consultations/{}", c.id);

    // the consultant triages with If-Match: 428 without, 412 when stale
    let triage = TriageRequest {
        information_sufficient: true,
        involve_board: false,
        involve_youth_care: false,
        note: Some("Startgesprek plannen met IB'er en leerkrachten.".into()),
    };
    let triage_path = format!("{path}/triage");
    assert_eq!(app.put(&triage_path, &consultant, None, &triage).await.status(), 428);
    assert_eq!(app.put(&triage_path, &consultant, Some(7), &triage).await.status(), 412);
    assert_eq!(app.put(&triage_path, &school, Some(1), &triage).await.status(), 403, "only the consultant");
    let triaged: ConsultationResponse =
        app.put(&triage_path, &consultant, Some(1), &triage).await.json().await.expect("triaged");
    let recorded = triaged.triage.expect("triage");
    assert!(recorded.information_sufficient && !recorded.involve_youth_care);
    assert_eq!(triaged.version, 2);

    // a meeting with someone without an account
    let meeting = CreateMeetingRequest {
        held_on: date(2026, 12, 8),
        participants: vec![
            Participant { name: "Inge de Boer".into(), organisation: Some("IB'er".into()), user_id: None },
            Participant { name: "A. Vos".into(), organisation: Some("jeugdhulp".into()), user_id: None },
        ],
        minutes: "Drie leerlingen met vergelijkbare onderwijsbehoeften besproken.".into(),
        agreements: "School schrijft een clustervoorstel.".into(),
    };
    let meetings_path = format!("{path}/meetings");
    assert_eq!(app.post(&meetings_path, &school, &meeting).await.status(), 403, "the consultant records");
    let no_one = CreateMeetingRequest { participants: vec![], ..meeting.clone() };
    let refused = problem(app.post(&meetings_path, &consultant, &no_one).await, 422).await;
    assert_eq!(refused.errors[0].field, "participants");
    let held: MeetingResponse = app.post_ok(&meetings_path, &consultant, &meeting).await;
    assert_eq!(held.participants[1].organisation.as_deref(), Some("jeugdhulp"));

    // the SWV office reads everything; the list shows it triaged
    let seen: ConsultationResponse = app.get_ok(&path, &office).await;
    assert_eq!((seen.meetings.len(), seen.version), (1, 3));
    let meetings: Vec<MeetingResponse> = app.get_ok(&meetings_path, &office).await;
    assert_eq!(meetings, seen.meetings);
    let list: Page<ConsultationSummary> =
        app.get_ok("/api/v1/consultations?kind=start_meeting", &office).await;
    assert_eq!(list.items.len(), 1);
    assert!(list.items[0].triaged);
    let none: Page<ConsultationSummary> =
        app.get_ok("/api/v1/consultations?kind=broad_meeting", &school).await;
    assert!(none.items.is_empty());
    assert_eq!(app.get("/api/v1/consultations?name=x", &school).await.status(), 400);

    // executors and parents never; another partnership does not know it exists
    for role in [Role::Executor, Role::Parent] {
        let token = app.token(role, UTRECHT).await;
        assert_eq!(app.get(&path, &token).await.status(), 403, "{role}");
        assert_eq!(app.get("/api/v1/consultations", &token).await.status(), 403, "{role}");
    }
    for role in [Role::School, Role::Consultant, Role::SwvAdmin] {
        let token = app.token(role, LIEMERS).await;
        assert_eq!(app.get(&path, &token).await.status(), 404, "{role}");
        let theirs: Page<ConsultationSummary> = app.get_ok("/api/v1/consultations", &token).await;
        assert!(theirs.items.is_empty(), "{role}");
    }

    // the cluster arrangement that came from it is linked to it
    let pupils = vec![
        new_pupil(&app, &school, "Daan", "Jansen").await,
        new_pupil(&app, &school, "Sara", "de Wit").await,
        new_pupil(&app, &school, "Milan", "Bos").await,
    ];
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Cluster,
        title: "Leesgroep groep 4".into(),
        pupil_ids: pupils,
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let link = LinkArrangementRequest { arrangement_id: a.id };
    let link_path = format!("{path}/arrangements");
    assert_eq!(app.post(&link_path, &consultant, &link).await.status(), 403);
    let linked: ConsultationResponse = app.post_ok(&link_path, &school, &link).await;
    assert_eq!(linked.arrangement_ids, vec![a.id]);
    let again: ConsultationResponse = app.post_ok(&link_path, &school, &link).await;
    assert_eq!(again.arrangement_ids, vec![a.id], "linking twice changes nothing");
    let other: ConsultationResponse =
        app.post_ok("/api/v1/consultations", &school, &cluster_question()).await;
    let refused = problem(
        app.post(&format!("/api/v1/consultations/{}/arrangements", other.id), &school, &link).await,
        422,
    )
    .await;
    assert_eq!(refused.errors[0].code, "already_linked");
}

#[tokio::test]
async fn consultation_naming_a_pupil_of_the_school_is_refused_with_422() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    new_pupil(&app, &school, "Sem", "Hoekstra").await;

    let mut named = cluster_question();
    named.pupils[1].hindering_factors = "Sem leest nog op AVI E3.".into();
    named.pupils[2].code = "Hoekstra".into();
    let refused = problem(app.post("/api/v1/consultations", &school, &named).await, 422).await;
    let fields: Vec<(&str, &str)> =
        refused.errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
    assert!(fields.contains(&("pupils[1].hinderingFactors", "mentions_pupil")), "{fields:?}");
    assert!(fields.contains(&("pupils[2].code", "not_anonymised")), "{fields:?}");
    assert!(refused.errors.iter().any(|e| e.message.contains("`Sem`")), "the message names what to remove");

    let mut question = cluster_question();
    question.support_question = "Vraag over de leesgroep van meester HOEKSTRA".into();
    let refused = problem(app.post("/api/v1/consultations", &school, &question).await, 422).await;
    assert_eq!(
        (refused.errors[0].field.as_str(), refused.errors[0].code.as_str()),
        ("supportQuestion", "mentions_pupil")
    );

    // a cluster needs information on two or more pupils, or on the group
    let thin = CreateConsultationRequest { pupils: vec![anonymised("L1")], ..cluster_question() };
    let refused = problem(app.post("/api/v1/consultations", &school, &thin).await, 422).await;
    assert_eq!(refused.errors[0].code, "cluster_information");
    let group = CreateConsultationRequest {
        pupils: vec![],
        group_information: Some("Groep 5: een derde van de klas leest onder niveau.".into()),
        ..cluster_question()
    };
    let _: ConsultationResponse = app.post_ok("/api/v1/consultations", &school, &group).await;
    let duplicate =
        CreateConsultationRequest { pupils: vec![anonymised("L1"), anonymised("l1")], ..cluster_question() };
    let refused = problem(app.post("/api/v1/consultations", &school, &duplicate).await, 422).await;
    assert_eq!(refused.errors[0].code, "duplicate");

    // meetings and the triage note are anonymised too
    let c: ConsultationResponse = app.post_ok("/api/v1/consultations", &school, &cluster_question()).await;
    let meeting = CreateMeetingRequest {
        held_on: date(2026, 12, 8),
        participants: vec![Participant { name: "IB'er".into(), organisation: None, user_id: None }],
        minutes: "Sem Hoekstra besproken.".into(),
        agreements: String::new(),
    };
    let refused = problem(
        app.post(&format!("/api/v1/consultations/{}/meetings", c.id), &consultant, &meeting).await,
        422,
    )
    .await;
    assert_eq!(refused.errors[0].field, "minutes");
    let triage = TriageRequest {
        information_sufficient: false,
        involve_board: true,
        involve_youth_care: true,
        note: Some("Ouders van Sem bellen".into()),
    };
    let refused = problem(
        app.put(&format!("/api/v1/consultations/{}/triage", c.id), &consultant, Some(1), &triage).await,
        422,
    )
    .await;
    assert_eq!(refused.errors[0].field, "note");
    // unknown fields are a 400, not silently ignored
    let mut body = serde_json::to_value(cluster_question()).expect("json");
    body["pupilName"] = json!("Sem");
    assert_eq!(app.post("/api/v1/consultations", &school, &body).await.status(), 400);
}

/// The Holland Rijnland integral route: a broad meeting with youth care, an integral
/// arrangement linked to it, the agreed actions, and their deadlines.
#[tokio::test]
async fn holland_rijnland_integral_route_with_a_broad_meeting_and_actions_runs_to_execution() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, HOLLAND_RIJNLAND).await;
    let consultant = app.token(Role::Consultant, HOLLAND_RIJNLAND).await;
    let office = app.token(Role::SwvAdmin, HOLLAND_RIJNLAND).await;

    let question = CreateConsultationRequest {
        kind: ConsultationKind::BroadMeeting,
        arrangement_kind: ArrangementKind::Integral,
        support_question:
            "Thuis en op school loopt het vast; wat is nodig om L1 weer naar school te laten gaan?".into(),
        pupils: vec![anonymised("L1")],
        group_information: None,
    };
    let c: ConsultationResponse = app.post_ok("/api/v1/consultations", &school, &question).await;
    let triage = TriageRequest {
        information_sufficient: true,
        involve_board: false,
        involve_youth_care: true,
        note: Some("Breed overleg met jeugdteam, JGZ en leerplicht.".into()),
    };
    let c: ConsultationResponse = app
        .put(&format!("/api/v1/consultations/{}/triage", c.id), &consultant, Some(c.version), &triage)
        .await
        .json()
        .await
        .expect("triaged");
    let broad = CreateMeetingRequest {
        held_on: date(2026, 12, 10),
        participants: vec![
            Participant { name: "Ouders".into(), organisation: Some("ouders".into()), user_id: None },
            Participant {
                name: "R. Smit".into(),
                organisation: Some("jeugdteam Leiden".into()),
                user_id: None,
            },
            Participant { name: "J. Bakker".into(), organisation: Some("JGZ".into()), user_id: None },
            Participant { name: "M. Kok".into(), organisation: Some("leerplicht".into()), user_id: None },
        ],
        minutes: "Behoeften in beeld gebracht; gedeelde doelen geformuleerd.".into(),
        agreements: "Regievoerder R. Smit; evaluatie over acht weken.".into(),
    };
    let _: MeetingResponse =
        app.post_ok(&format!("/api/v1/consultations/{}/meetings", c.id), &consultant, &broad).await;

    let pupil = new_pupil(&app, &school, "Mila", "Dekker").await;
    let mut p = proposal();
    p.case_director = Some("R. Smit (jeugdteam Leiden)".into());
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Integral,
        title: "Integraal arrangement".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::InternalAdvice,
        care_scope: CareScope::EducationPlusCare,
        proposal: p,
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let linked: ConsultationResponse = app
        .post_ok(
            &format!("/api/v1/consultations/{}/arrangements", c.id),
            &school,
            &LinkArrangementRequest { arrangement_id: a.id },
        )
        .await;
    assert_eq!(linked.arrangement_ids, vec![a.id]);

    // who does what when: the school and the consultant agree the actions
    let actions_path = format!("/api/v1/arrangements/{}/integral-actions", a.id);
    let first = CreateIntegralActionRequest {
        description: "Gezinscoach start thuisbegeleiding.".into(),
        owner_name: "R. Smit".into(),
        owner_organisation: Some("jeugdteam Leiden".into()),
        due_on: date(2027, 1, 8),
    };
    let second = CreateIntegralActionRequest {
        description: "Aangepast rooster, opbouw naar volledige schooldagen.".into(),
        owner_name: "Noor Vermeulen".into(),
        owner_organisation: Some("school".into()),
        due_on: date(2026, 12, 14),
    };
    assert_eq!(app.post(&actions_path, &office, &first).await.status(), 403);
    let created = app.post(&actions_path, &consultant, &first).await;
    assert_eq!(created.status(), 201);
    let first: IntegralActionResponse = created.json().await.expect("action");
    let second: IntegralActionResponse = app.post_ok(&actions_path, &school, &second).await;
    let blank = CreateIntegralActionRequest {
        description: " ".into(),
        owner_name: "X".into(),
        owner_organisation: None,
        due_on: date(2027, 1, 1),
    };
    assert_eq!(
        problem(app.post(&actions_path, &school, &blank).await, 422).await.errors[0].field,
        "description"
    );
    let listed: Vec<IntegralActionResponse> = app.get_ok(&actions_path, &office).await;
    assert_eq!(
        listed.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
        [second.id.as_str(), first.id.as_str()]
    );
    let parent = app.token(Role::Parent, HOLLAND_RIJNLAND).await;
    assert_eq!(app.get(&actions_path, &parent).await.status(), 403);

    let a = start_integral(&app, &school, &consultant, a).await;
    assert_eq!(a.status, Status::InExecution);

    // an open action is a deadline for the school; once done it is not
    let deadlines: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    let due: Vec<NaiveDate> =
        deadlines.iter().filter(|d| d.kind == DeadlineKind::IntegralAction).map(|d| d.due_date).collect();
    assert_eq!(due, vec![date(2026, 12, 14), date(2027, 1, 8)]);
    let done = UpdateIntegralActionRequest {
        description: second.description.clone(),
        owner_name: second.owner_name.clone(),
        owner_organisation: second.owner_organisation.clone(),
        due_on: second.due_on,
        status: IntegralActionStatus::Done,
    };
    let one = format!("{actions_path}/{}", second.id);
    assert_eq!(app.put(&one, &school, None, &done).await.status(), 428);
    assert_eq!(app.put(&one, &school, Some(9), &done).await.status(), 412);
    let updated: IntegralActionResponse =
        app.put(&one, &school, Some(1), &done).await.json().await.expect("done");
    assert_eq!((updated.status, updated.version), (IntegralActionStatus::Done, 2));
    let deadlines: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &consultant).await;
    let due: Vec<NaiveDate> =
        deadlines.iter().filter(|d| d.kind == DeadlineKind::IntegralAction).map(|d| d.due_date).collect();
    assert_eq!(due, vec![date(2027, 1, 8)]);
}

#[tokio::test]
async fn integral_actions_on_another_kind_are_refused_and_outside_scope_404() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Noah", "Smits").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Individueel".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::InternalAdvice,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let path = format!("/api/v1/arrangements/{}/integral-actions", a.id);
    let action = CreateIntegralActionRequest {
        description: "Iets".into(),
        owner_name: "Iemand".into(),
        owner_organisation: None,
        due_on: date(2027, 1, 1),
    };
    let refused = problem(app.post(&path, &school, &action).await, 422).await;
    assert_eq!(refused.errors[0].code, "not_integral");
    let other = app.token(Role::School, LIEMERS).await;
    assert_eq!(app.post(&path, &other, &action).await.status(), 404);
    assert_eq!(app.get(&path, &other).await.status(), 404);
}
