//! The partnership's rules on real dossiers: findings, blocks, warnings that need a
//! justification, and policy versions that do not rewrite history. Also the documents.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{
    ActionRequest, ArrangementResponse, CreateArrangementRequest, Proposal,
};
use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::policy::PolicyResponse;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::ids::PupilId;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, ExecutorKind, StartRoute};
use arrangeer_shared::policy::{Finding, Severity};
use arrangeer_tests::{LIEMERS, TINY_PDF, TestApp, UTRECHT};
use chrono::NaiveDate;

async fn pupil(app: &TestApp, school: &str, first: &str) -> PupilId {
    let request = CreatePupilRequest {
        first_name: first.into(),
        last_name: "Test".into(),
        date_of_birth: NaiveDate::from_ymd_opt(2016, 9, 1).expect("date"),
        group_name: "groep 6".into(),
    };
    let p: PupilResponse = app.post_ok("/api/v1/pupils", school, &request).await;
    p.id
}

fn proposal(direct_minutes: u32, rate_cents: i64) -> Proposal {
    Proposal {
        goals_pupils: "Begrijpend lezen op niveau.".into(),
        direct_minutes_per_week: Some(direct_minutes),
        indirect_minutes_per_week: Some(0),
        outside_class_minutes_per_week: Some(0),
        weeks: Some(20),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 4),
        end_date: NaiveDate::from_ymd_opt(2027, 7, 16),
        executor_kind: Some(ExecutorKind::Internal),
        hourly_rate_cents: Some(rate_cents),
        ..Proposal::default()
    }
}

async fn draft(
    app: &TestApp,
    school: &str,
    kind: ArrangementKind,
    pupils: Vec<PupilId>,
    p: Proposal,
) -> ArrangementResponse {
    let request = CreateArrangementRequest {
        kind,
        title: "Toets van de regels".into(),
        pupil_ids: pupils,
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    app.post_ok("/api/v1/arrangements", school, &request).await
}

async fn submit(
    app: &TestApp,
    token: &str,
    a: &ArrangementResponse,
    justification: Option<&str>,
) -> reqwest::Response {
    let body = ActionRequest { justification: justification.map(str::to_owned), ..ActionRequest::default() };
    app.post(&format!("/api/v1/arrangements/{}/actions/submit", a.id), token, &body).await
}

#[tokio::test]
async fn liemers_refuses_three_and_a_half_hours_a_week_naming_the_rule() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, LIEMERS).await;
    let p = pupil(&app, &school, "Julia").await;
    let a = draft(&app, &school, ArrangementKind::Individual, vec![p], proposal(210, 30_00)).await;

    let findings: Vec<Finding> =
        app.get_ok(&format!("/api/v1/arrangements/{}/findings", a.id), &school).await;
    let hours = findings.iter().find(|f| f.rule_id == "max_minutes_per_week").expect("the hours rule fires");
    assert_eq!(hours.severity, Severity::Block);
    assert!(hours.message_nl.contains("3,5 uur"), "{}", hours.message_nl);

    let response = submit(&app, &school, &a, Some("Nodig.")).await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    assert!(problem.errors.iter().any(|e| e.code == "max_minutes_per_week"), "{problem:?}");

    // three hours a week is within the rule
    let ok = draft(&app, &school, ArrangementKind::Individual, vec![p], proposal(180, 30_00)).await;
    let findings: Vec<Finding> =
        app.get_ok(&format!("/api/v1/arrangements/{}/findings", ok.id), &school).await;
    assert!(findings.iter().all(|f| f.rule_id != "max_minutes_per_week"));
}

#[tokio::test]
async fn utrecht_cluster_at_120_euros_an_hour_is_refused_and_100_is_not() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupils = vec![pupil(&app, &school, "An").await, pupil(&app, &school, "Bo").await];
    let too_dear =
        draft(&app, &school, ArrangementKind::Cluster, pupils.clone(), proposal(120, 120_00)).await;
    let response = submit(&app, &school, &too_dear, Some("Specialist nodig.")).await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    let rate = problem.errors.iter().find(|e| e.code == "hourly_rate_cap").expect("rate rule named");
    assert_eq!(rate.field, "hourlyRateCents");

    let fair = draft(&app, &school, ArrangementKind::Cluster, pupils, proposal(120, 100_00)).await;
    assert_eq!(submit(&app, &school, &fair, Some("Passend.")).await.status(), 200);
}

#[tokio::test]
async fn a_policy_edit_does_not_change_the_findings_of_a_submitted_arrangement() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, LIEMERS).await;
    let admin = app.token(Role::SwvAdmin, LIEMERS).await;
    let me: MeResponse = app.get_ok("/api/v1/me", &admin).await;
    let policy_path = format!("/api/v1/partnerships/{}/policy", me.partnership.id);

    let p = pupil(&app, &school, "Kees").await;
    let submitted = draft(&app, &school, ArrangementKind::Individual, vec![p], proposal(150, 30_00)).await;
    let response = submit(&app, &school, &submitted, None).await;
    let status = response.status();
    assert_eq!(status, 200, "{}", response.text().await.unwrap_or_default());
    let still_draft = draft(&app, &school, ArrangementKind::Individual, vec![p], proposal(150, 30_00)).await;
    let before: Vec<Finding> =
        app.get_ok(&format!("/api/v1/arrangements/{}/findings", submitted.id), &school).await;

    // the SWV lowers the weekly maximum from 3 hours to 2
    let current: PolicyResponse = app.get_ok(&policy_path, &school).await;
    assert_eq!(current.version, 1);
    let mut stricter = serde_json::to_value(&current.policy).expect("json");
    stricter["individual"]["maxMinutesPerWeek"]["minutes"] = serde_json::json!(120);
    assert_eq!(
        app.put(&policy_path, &school, Some(1), &stricter).await.status(),
        403,
        "school staff may not edit"
    );
    assert_eq!(app.put(&policy_path, &admin, None, &stricter).await.status(), 428);
    let saved = app.put(&policy_path, &admin, Some(1), &stricter).await;
    assert_eq!(saved.status(), 200);
    let saved: PolicyResponse = saved.json().await.expect("policy");
    assert_eq!(saved.version, 2);
    assert_eq!(app.put(&policy_path, &admin, Some(1), &stricter).await.status(), 412, "stale version");

    let after: Vec<Finding> =
        app.get_ok(&format!("/api/v1/arrangements/{}/findings", submitted.id), &school).await;
    assert_eq!(before, after, "judged by the version it was submitted under");
    let draft_findings: Vec<Finding> =
        app.get_ok(&format!("/api/v1/arrangements/{}/findings", still_draft.id), &school).await;
    assert!(
        draft_findings.iter().any(|f| f.rule_id == "max_minutes_per_week" && f.severity == Severity::Block),
        "a draft follows the rules in force"
    );

    // nonsense is refused with the field named
    let mut nonsense = serde_json::to_value(&saved.policy).expect("json");
    nonsense["individual"]["maxMinutesPerWeek"]["minutes"] = serde_json::json!(0);
    let refused = app.put(&policy_path, &admin, Some(2), &nonsense).await;
    assert_eq!(refused.status(), 422);
    let problem: Problem = refused.json().await.expect("problem");
    assert!(problem.errors[0].field.starts_with("individual."), "{problem:?}");
    // another partnership's policy is out of scope
    let utrecht_admin = app.token(Role::SwvAdmin, UTRECHT).await;
    assert_eq!(app.get(&policy_path, &utrecht_admin).await.status(), 404);
}

#[tokio::test]
async fn documents_are_judged_by_their_content_and_stay_within_scope() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let p = pupil(&app, &school, "Sem").await;
    let a = draft(&app, &school, ArrangementKind::Individual, vec![p], proposal(60, 50_00)).await;
    let id = a.id.to_string();

    // a script renamed to .pdf is not a PDF
    let fake =
        app.upload(&school, &id, "quote", None, "offerte.pdf", b"#!/bin/sh\nrm -rf /\n".to_vec()).await;
    assert_eq!(fake.status(), 422);
    let problem: Problem = fake.json().await.expect("problem");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code.as_str()),
        ("file", "unsupported_type")
    );
    let too_big = app.upload(&school, &id, "quote", None, "big.pdf", vec![b'%'; 11 * 1024 * 1024]).await;
    assert_eq!(too_big.status(), 413);
    let unknown_kind = app.upload(&school, &id, "selfie", None, "a.pdf", TINY_PDF.to_vec()).await;
    assert_eq!(unknown_kind.status(), 422);

    let stored =
        app.upload(&school, &id, "opp", Some(&p.to_string()), "opp-sem.pdf", TINY_PDF.to_vec()).await;
    assert_eq!(stored.status(), 201);
    let stored: AttachmentResponse = stored.json().await.expect("attachment");
    assert_eq!(stored.content_type, "application/pdf");
    let list: Vec<AttachmentResponse> =
        app.get_ok(&format!("/api/v1/arrangements/{id}/attachments"), &school).await;
    assert_eq!(list, vec![stored.clone()]);
    let download = app.get(&format!("/api/v1/arrangements/{id}/attachments/{}", stored.id), &school).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.expect("bytes").as_ref(), TINY_PDF);

    let parent = app.token(Role::Parent, UTRECHT).await;
    let refused = app.upload(&parent, &id, "other", None, "x.pdf", TINY_PDF.to_vec()).await;
    assert_eq!(refused.status(), 403);
    let outsider = app.token(Role::School, LIEMERS).await;
    let hidden = app.get(&format!("/api/v1/arrangements/{id}/attachments/{}", stored.id), &outsider).await;
    assert_eq!(hidden.status(), 404);
}

#[tokio::test]
async fn costs_split_over_new_year_and_follow_the_partnerships_payment_scheme() {
    use arrangeer_shared::api::costs::CostsResponse;
    use arrangeer_shared::money::{Cents, PaymentDue, PaymentScheme};
    let app = TestApp::spawn().await;

    // Utrecht: December to February is 1 month this year and 2 the next
    let school = app.token(Role::School, UTRECHT).await;
    let p = pupil(&app, &school, "Jip").await;
    let mut winter = proposal(120, 60_00);
    winter.weeks = Some(12);
    winter.start_date = NaiveDate::from_ymd_opt(2026, 12, 1);
    winter.end_date = NaiveDate::from_ymd_opt(2027, 2, 28);
    let a = draft(&app, &school, ArrangementKind::Individual, vec![p], winter).await;
    let costs: CostsResponse = app.get_ok(&format!("/api/v1/arrangements/{}/costs", a.id), &school).await;
    assert_eq!(costs.expected_cost_cents, Some(1_440_00), "2 h × €60 × 12 weeks");
    let split: Vec<_> = costs.per_calendar_year.iter().map(|s| (s.year, s.months, s.amount)).collect();
    assert_eq!(split, vec![(2026, 1, Cents(480_00)), (2027, 2, Cents(960_00))]);
    assert_eq!(costs.payment_scheme, Some(PaymentScheme::PerCalendarYear));
    assert_eq!(costs.payments.iter().map(|l| l.amount.0).sum::<i64>(), 1_440_00);
    let parent = app.token(Role::Parent, UTRECHT).await;
    assert_eq!(app.get(&format!("/api/v1/arrangements/{}/costs", a.id), &parent).await.status(), 403);

    // de Liemers: 75% at the grant, 25% after accountability
    let school = app.token(Role::School, LIEMERS).await;
    let p = pupil(&app, &school, "Roos").await;
    let a = draft(&app, &school, ArrangementKind::Individual, vec![p], proposal(120, 50_00)).await;
    let costs: CostsResponse = app.get_ok(&format!("/api/v1/arrangements/{}/costs", a.id), &school).await;
    let total = costs.expected_cost_cents.expect("cost");
    let lines: Vec<_> = costs.payments.iter().map(|l| (l.due, l.amount.0)).collect();
    assert_eq!(
        lines,
        vec![(PaymentDue::AtGrant, total * 3 / 4), (PaymentDue::AfterAccountability, total / 4)]
    );
}
