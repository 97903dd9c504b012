//! The precondition answers of a proposal: stored, editable while the proposal is, judged by
//! the partnership's rules, and from make-definitive on an unanswered one counts as not met.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{
    ActionRequest, ArrangementResponse, CreateArrangementRequest, Proposal, UpdateArrangementRequest,
};
use arrangeer_shared::api::preconditions::PreconditionAnswers;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::policy::{Finding, Severity};
use arrangeer_shared::workflow::Action;
use arrangeer_tests::fixtures::{act_justified, new_pupil, proposal, upload_documents};
use arrangeer_tests::{LIEMERS, TestApp};

const WHY: &str = "Afgestemd met de consulent.";

/// Within de Liemers' amount cap (2.5 h × €30 × 20 weeks), every precondition confirmed.
fn confirmed() -> Proposal {
    Proposal { hourly_rate_cents: Some(30_00), ..proposal() }
}

fn unanswered() -> Proposal {
    Proposal { preconditions: PreconditionAnswers::default(), ..confirmed() }
}

async fn liemers_draft(app: &TestApp, school: &str, p: Proposal) -> ArrangementResponse {
    let pupil = new_pupil(app, school, "Mees", "Bakker").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Lezen groep 3".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    app.post_ok("/api/v1/arrangements", school, &request).await
}

async fn findings(app: &TestApp, token: &str, a: &ArrangementResponse) -> Vec<(String, Severity, String)> {
    let list: Vec<Finding> = app.get_ok(&format!("/api/v1/arrangements/{}/findings", a.id), token).await;
    list.into_iter()
        .filter(|f| f.rule_id.starts_with("precondition."))
        .map(|f| (f.rule_id, f.severity, f.field))
        .collect()
}

async fn submit(app: &TestApp, token: &str, a: &ArrangementResponse) -> reqwest::Response {
    let body = ActionRequest { justification: Some(WHY.into()), ..ActionRequest::default() };
    app.post(&format!("/api/v1/arrangements/{}/actions/submit", a.id), token, &body).await
}

#[tokio::test]
async fn update_arrangement_with_precondition_answers_stores_them_and_the_rules_judge_them() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, LIEMERS).await;
    let a = liemers_draft(&app, &school, unanswered()).await;
    assert_eq!(
        findings(&app, &school, &a).await,
        vec![
            ("precondition.counsellor_supports".into(), Severity::Info, "counsellorSupports".into()),
            ("precondition.opp_signed_by_parents".into(), Severity::Info, "oppSignedByParents".into()),
            (
                "precondition.half_year_needs_based_work".into(),
                Severity::Info,
                "halfYearNeedsBasedWork".into()
            ),
        ],
        "not answered yet: information only"
    );

    // the counsellor does not support it: the rule blocks, naming it
    let mut answered = unanswered();
    answered.preconditions = PreconditionAnswers {
        counsellor_supports: Some(false),
        opp_signed_by_parents: Some(true),
        half_year_needs_based_work: Some(true),
        ..PreconditionAnswers::default()
    };
    let update = UpdateArrangementRequest {
        title: a.title.clone(),
        pupil_ids: a.pupils.iter().map(|p| p.id).collect(),
        start_route: a.start_route,
        care_scope: a.care_scope,
        proposal: answered.clone(),
    };
    let path = format!("/api/v1/arrangements/{}", a.id);
    let response = app.put(&path, &school, Some(a.version), &update).await;
    assert_eq!(response.status(), 200);
    let a: ArrangementResponse = response.json().await.expect("arrangement");
    assert_eq!(a.proposal.preconditions, answered.preconditions, "stored as sent");
    let stored: ArrangementResponse = app.get_ok(&path, &school).await;
    assert_eq!(stored.proposal.preconditions, answered.preconditions);
    assert_eq!(
        findings(&app, &school, &a).await,
        vec![("precondition.counsellor_supports".into(), Severity::Block, "counsellorSupports".into())]
    );
    let response = submit(&app, &school, &a).await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    assert!(
        problem
            .errors
            .iter()
            .any(|e| e.code == "precondition.counsellor_supports" && e.field == "counsellorSupports"),
        "{problem:?}"
    );

    // confirmed: nothing stands in the way
    let mut update = update;
    update.proposal.preconditions.counsellor_supports = Some(true);
    let a: ArrangementResponse =
        app.put(&path, &school, Some(a.version), &update).await.json().await.expect("arrangement");
    assert!(findings(&app, &school, &a).await.is_empty());
    let response = submit(&app, &school, &a).await;
    assert_eq!(response.status(), 200);
    let a: ArrangementResponse = response.json().await.expect("arrangement");
    // once submitted the answers are no longer editable
    update.proposal.preconditions.counsellor_supports = Some(false);
    assert_eq!(app.put(&path, &school, Some(a.version), &update).await.status(), 409);

    // an unknown answer is a 400 naming the field
    let mut raw = serde_json::to_value(&update).expect("json");
    raw["proposal"]["preconditions"]["parentsHappy"] = serde_json::json!(true);
    let response = app.put(&path, &school, Some(a.version), &raw).await;
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn make_definitive_with_unconfirmed_preconditions_is_refused_naming_each() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, LIEMERS).await;
    let consultant = app.token(Role::Consultant, LIEMERS).await;
    let a = liemers_draft(&app, &school, unanswered()).await;
    let a = act_justified(&app, &school, &a, Action::Submit, WHY).await;
    let a = act_justified(&app, &consultant, &a, Action::Approve, WHY).await;
    upload_documents(&app, &school, &a, &["hours_statement"]).await;
    let body = ActionRequest { justification: Some(WHY.into()), ..ActionRequest::default() };
    let response =
        app.post(&format!("/api/v1/arrangements/{}/actions/make-definitive", a.id), &school, &body).await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    let mut codes: Vec<&str> = problem.errors.iter().map(|e| e.code.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        vec![
            "precondition.counsellor_supports",
            "precondition.half_year_needs_based_work",
            "precondition.opp_signed_by_parents",
        ],
        "{problem:?}"
    );

    // with every precondition confirmed the same route goes through
    let b = liemers_draft(&app, &school, confirmed()).await;
    let b = act_justified(&app, &school, &b, Action::Submit, WHY).await;
    let b = act_justified(&app, &consultant, &b, Action::Approve, WHY).await;
    upload_documents(&app, &school, &b, &["hours_statement"]).await;
    let b = act_justified(&app, &school, &b, Action::MakeDefinitive, WHY).await;
    assert_eq!(b.status, arrangeer_shared::workflow::Status::Definitive);
}
