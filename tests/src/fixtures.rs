//! Building blocks for dossier tests: pupils, a sensible proposal, actions, documents.

use arrangeer_shared::api::arrangements::{ActionRequest, ArrangementResponse, Proposal};
use arrangeer_shared::api::preconditions::PreconditionAnswers;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::ids::PupilId;
use arrangeer_shared::kinds::ExecutorKind;
use arrangeer_shared::workflow::Action;
use chrono::NaiveDate;

use crate::{TINY_PDF, TestApp};

pub const HOLLAND_RIJNLAND: &str = "SWV Holland Rijnland PO";

pub async fn new_pupil(app: &TestApp, school: &str, first: &str, last: &str) -> PupilId {
    let request = CreatePupilRequest {
        first_name: first.into(),
        last_name: last.into(),
        date_of_birth: NaiveDate::from_ymd_opt(2017, 3, 14).expect("date"),
        group_name: "groep 4".into(),
    };
    let pupil: PupilResponse = app.post_ok("/api/v1/pupils", school, &request).await;
    pupil.id
}

pub fn proposal() -> Proposal {
    Proposal {
        goals_pupils: "Technisch lezen: van AVI E3 naar AVI M4.".into(),
        goals_teacher: "De leerkracht differentieert de instructie.".into(),
        goals_school: "Leesaanpak schoolbreed.".into(),
        support_description: "Begeleiding in een groepje buiten de klas.".into(),
        direct_minutes_per_week: Some(120),
        indirect_minutes_per_week: Some(30),
        outside_class_minutes_per_week: Some(60),
        weeks: Some(20),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 4),
        end_date: NaiveDate::from_ymd_opt(2027, 6, 25),
        executor_kind: Some(ExecutorKind::Internal),
        hourly_rate_cents: Some(80_00),
        // every partnership's preconditions confirmed (each asks for some of them)
        preconditions: PreconditionAnswers {
            counsellor_supports: Some(true),
            opp_signed_by_parents: Some(true),
            half_year_needs_based_work: Some(true),
            own_support_route_followed: Some(true),
            anonymised_at_request: Some(true),
        },
        ..Proposal::default()
    }
}

pub async fn act(
    app: &TestApp,
    token: &str,
    a: &ArrangementResponse,
    action: Action,
    comment: Option<&str>,
) -> ArrangementResponse {
    let body = ActionRequest { comment: comment.map(str::to_owned), ..ActionRequest::default() };
    app.post_ok(&format!("/api/v1/arrangements/{}/actions/{action}", a.id), token, &body).await
}

pub async fn act_justified(
    app: &TestApp,
    token: &str,
    a: &ArrangementResponse,
    action: Action,
    why: &str,
) -> ArrangementResponse {
    let body = ActionRequest { justification: Some(why.to_owned()), ..ActionRequest::default() };
    app.post_ok(&format!("/api/v1/arrangements/{}/actions/{action}", a.id), token, &body).await
}

/// Uploads the documents a Utrecht application needs: an OPP per pupil and the rest once.
pub async fn upload_documents(app: &TestApp, token: &str, a: &ArrangementResponse, kinds: &[&str]) {
    let id = a.id.to_string();
    for pupil in &a.pupils {
        let response =
            app.upload(token, &id, "opp", Some(&pupil.id.to_string()), "opp.pdf", TINY_PDF.to_vec()).await;
        assert_eq!(response.status(), 201, "OPP upload");
    }
    for kind in kinds {
        let response = app.upload(token, &id, kind, None, &format!("{kind}.pdf"), TINY_PDF.to_vec()).await;
        assert_eq!(response.status(), 201, "{kind} upload");
    }
}

pub const UTRECHT_DOCUMENTS: &[&str] =
    &["quote", "start_meeting_report", "consultant_advice", "teacher_school_goals"];

pub async fn act_status(
    app: &TestApp,
    token: &str,
    a: &ArrangementResponse,
    action: Action,
) -> (u16, Problem) {
    let response = app
        .post(&format!("/api/v1/arrangements/{}/actions/{action}", a.id), token, &ActionRequest::default())
        .await;
    let status = response.status().as_u16();
    (status, response.json().await.expect("problem"))
}

/// Plans and records a final evaluation with the consultant present; every pupil closes.
pub async fn evaluate_finally(app: &TestApp, school: &str, consultant: &str, a: &ArrangementResponse) {
    use arrangeer_shared::api::auth::MeResponse;
    use arrangeer_shared::api::evaluations::{
        EvaluationKind, EvaluationResponse, Outcome, Participant, PlanEvaluationRequest, PupilOutcome,
        RecordEvaluationRequest,
    };
    let me: MeResponse = app.get_ok("/api/v1/me", consultant).await;
    let plan = PlanEvaluationRequest {
        kind: EvaluationKind::Final,
        planned_on: NaiveDate::from_ymd_opt(2027, 6, 18).expect("date"),
        participants: vec![
            Participant { name: me.name.clone(), organisation: Some("SWV".into()), user_id: Some(me.id) },
            Participant { name: "Leerkracht groep 4".into(), organisation: None, user_id: None },
        ],
    };
    let planned: EvaluationResponse =
        app.post_ok(&format!("/api/v1/arrangements/{}/evaluations", a.id), school, &plan).await;
    let record = RecordEvaluationRequest {
        held_on: NaiveDate::from_ymd_opt(2027, 6, 18).expect("date"),
        summary: "Doelen grotendeels behaald.".into(),
        outcomes: a
            .pupils
            .iter()
            .map(|p| PupilOutcome {
                pupil_id: p.id,
                outcome: Outcome::Close,
                reasons: "Doel behaald.".into(),
            })
            .collect(),
    };
    let path = format!("/api/v1/arrangements/{}/evaluations/{}/record", a.id, planned.id);
    let _: EvaluationResponse = app.post_ok(&path, school, &record).await;
}

/// A Holland Rijnland integral arrangement (pupil Mila Dekker, a case director) in execution.
pub async fn integral_in_execution(app: &TestApp, school: &str, consultant: &str) -> ArrangementResponse {
    use arrangeer_shared::api::arrangements::CreateArrangementRequest;
    use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
    let pupil = new_pupil(app, school, "Mila", "Dekker").await;
    let mut p = proposal();
    p.case_director = Some("R. Smit (jeugdteam)".into());
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Integral,
        title: "Integraal".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::InternalAdvice,
        care_scope: CareScope::EducationPlusCare,
        proposal: p,
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", school, &request).await;
    start_integral(app, school, consultant, a).await
}

/// Takes a Holland Rijnland integral draft through submit … start.
pub async fn start_integral(
    app: &TestApp,
    school: &str,
    consultant: &str,
    a: ArrangementResponse,
) -> ArrangementResponse {
    let a = act(app, school, &a, Action::Submit, None).await;
    let a = act(app, consultant, &a, Action::Approve, None).await;
    upload_documents(app, school, &a, &[]).await;
    let a = act(app, school, &a, Action::MakeDefinitive, None).await;
    let a = act(app, consultant, &a, Action::Grant, Some("Akkoord in breed overleg.")).await;
    act(app, school, &a, Action::Start, None).await
}
