//! Evaluations, extensions and the consultant's logbook.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::api::evaluations::{
    EvaluationKind, EvaluationResponse, LogbookEntryResponse, Outcome, Participant, PlanEvaluationRequest,
    PupilOutcome, RecordEvaluationRequest,
};
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::Status;
use arrangeer_tests::fixtures::{HOLLAND_RIJNLAND, integral_in_execution, new_pupil, proposal};
use arrangeer_tests::{TestApp, UTRECHT};
use chrono::NaiveDate;
use serde_json::json;

async fn running(app: &TestApp, school: &str, consultant: &str) -> ArrangementResponse {
    integral_in_execution(app, school, consultant).await
}

#[tokio::test]
async fn an_extension_needs_an_evaluation_and_copies_the_dossier() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, HOLLAND_RIJNLAND).await;
    let consultant = app.token(Role::Consultant, HOLLAND_RIJNLAND).await;
    let a = running(&app, &school, &consultant).await;
    let extend = format!("/api/v1/arrangements/{}/extensions", a.id);

    let refused = app.post(&extend, &school, &json!({})).await;
    assert_eq!(refused.status(), 422);
    let problem: Problem = refused.json().await.expect("problem");
    assert_eq!(problem.errors[0].code, "evaluation_required");

    // a final evaluation needs the consultant at the table
    let without = PlanEvaluationRequest {
        kind: EvaluationKind::Final,
        planned_on: NaiveDate::from_ymd_opt(2027, 3, 1).expect("date"),
        participants: vec![Participant { name: "Ouder".into(), organisation: None, user_id: None }],
    };
    let response = app.post(&format!("/api/v1/arrangements/{}/evaluations", a.id), &school, &without).await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    assert_eq!(problem.errors[0].code, "consultant_required");

    let interim = PlanEvaluationRequest { kind: EvaluationKind::Interim, ..without };
    let planned: EvaluationResponse =
        app.post_ok(&format!("/api/v1/arrangements/{}/evaluations", a.id), &school, &interim).await;
    let record_path = format!("/api/v1/arrangements/{}/evaluations/{}/record", a.id, planned.id);
    let incomplete =
        RecordEvaluationRequest { held_on: interim.planned_on, summary: "Loopt.".into(), outcomes: vec![] };
    assert_eq!(app.post(&record_path, &school, &incomplete).await.status(), 422, "one outcome per pupil");
    let record = RecordEvaluationRequest {
        outcomes: vec![PupilOutcome {
            pupil_id: a.pupils[0].id,
            outcome: Outcome::Extend,
            reasons: "Doel nog niet bereikt.".into(),
        }],
        ..incomplete
    };
    let recorded: EvaluationResponse = app.post_ok(&record_path, &school, &record).await;
    assert_eq!(recorded.outcomes.len(), 1);
    assert_eq!(app.post(&record_path, &school, &record).await.status(), 409, "recorded once");

    let response = app.post(&extend, &school, &json!({})).await;
    assert_eq!(response.status(), 201);
    let next: ArrangementResponse = response.json().await.expect("arrangement");
    assert_eq!((next.status, next.previous_id), (Status::Draft, Some(a.id)));
    assert_eq!(next.pupils, a.pupils);
    assert_eq!(next.proposal.goals_pupils, a.proposal.goals_pupils);
    assert_eq!(next.proposal.start_date, None, "a new period is chosen anew");
}

#[tokio::test]
async fn the_logbook_refuses_notes_about_a_pupil_and_is_the_consultants() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Floor", "Hendriks").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Logboek".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let path = format!("/api/v1/arrangements/{}/logbook", a.id);

    let named = app
        .post(&path, &consultant, &json!({ "note": "Gesprek met de moeder van floor over thuissituatie." }))
        .await;
    assert_eq!(named.status(), 422);
    let problem: Problem = named.json().await.expect("problem");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code.as_str()),
        ("note", "mentions_pupil")
    );

    let note: LogbookEntryResponse = app
        .post_ok(&path, &consultant, &json!({ "note": "Driegesprek gepland met IB'er en uitvoerder." }))
        .await;
    let notes: Vec<LogbookEntryResponse> = app.get_ok(&path, &consultant).await;
    assert_eq!(notes, vec![note]);
    assert_eq!(app.post(&path, &school, &json!({ "note": "x" })).await.status(), 403);
    assert_eq!(app.get(&path, &school).await.status(), 403);
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    assert_eq!(app.get(&path, &admin).await.status(), 200);
}

#[tokio::test]
async fn an_early_termination_names_its_last_day_and_reason() {
    use arrangeer_shared::api::arrangements::ActionRequest;
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, HOLLAND_RIJNLAND).await;
    let consultant = app.token(Role::Consultant, HOLLAND_RIJNLAND).await;
    let a = running(&app, &school, &consultant).await;
    let path = format!("/api/v1/arrangements/{}/actions/terminate", a.id);

    let bare = app.post(&path, &school, &ActionRequest::default()).await;
    assert_eq!(bare.status(), 422);
    let problem: Problem = bare.json().await.expect("problem");
    let fields: Vec<_> = problem.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["terminatedOn", "comment"]);
    let outside = ActionRequest {
        comment: Some("Verhuisd.".into()),
        terminated_on: NaiveDate::from_ymd_opt(2030, 1, 1),
        ..ActionRequest::default()
    };
    assert_eq!(app.post(&path, &school, &outside).await.status(), 422, "after the end date");

    let stop = ActionRequest {
        comment: Some("Leerling verhuist naar een school buiten de regio.".into()),
        terminated_on: NaiveDate::from_ymd_opt(2027, 3, 12),
        ..ActionRequest::default()
    };
    let stopped: ArrangementResponse = app.post_ok(&path, &school, &stop).await;
    assert_eq!(
        (stopped.status, stopped.terminated_on),
        (Status::Terminated, NaiveDate::from_ymd_opt(2027, 3, 12))
    );
}
