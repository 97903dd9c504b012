//! The executor's workspace: an executor sees only the dossiers its organisation was chosen
//! for, quotes, and reports progress; the school accepts a quote.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{
    ArrangementResponse, ArrangementSummary, CreateArrangementRequest,
};
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::quotes::{
    CreateQuoteRequest, CreateReportRequest, QuoteResponse, QuoteStatus, ReportResponse,
};
use arrangeer_shared::kinds::{ArrangementKind, CareScope, ExecutorKind, StartRoute};
use arrangeer_shared::policy::Finding;
use arrangeer_shared::workflow::Action;
use arrangeer_tests::fixtures::{act, new_pupil, proposal, upload_documents};
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT};
use chrono::NaiveDate;

#[tokio::test]
async fn the_chosen_executor_quotes_the_school_accepts_and_progress_is_reported() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let executor = app.token(Role::Executor, UTRECHT).await;
    let me: MeResponse = app.get_ok("/api/v1/me", &executor).await;
    let organisation = me.executor.expect("an executor organisation").id;
    let choices: Vec<arrangeer_shared::api::auth::ExecutorRef> =
        app.get_ok("/api/v1/executors", &school).await;
    assert_eq!(
        choices.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![organisation],
        "the school can choose it"
    );

    let pupil = new_pupil(&app, &school, "Lars", "Bosman").await;
    let mut external = proposal();
    external.executor_kind = Some(ExecutorKind::External);
    external.executor_id = Some(organisation);
    let request = |title: &str, p| CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: title.into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::QuoteFirst,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    let a: ArrangementResponse =
        app.post_ok("/api/v1/arrangements", &school, &request("Extern", external)).await;
    let _internal: ArrangementResponse =
        app.post_ok("/api/v1/arrangements", &school, &request("Intern", proposal())).await;

    let seen: Page<ArrangementSummary> = app.get_ok("/api/v1/arrangements", &executor).await;
    assert_eq!(seen.items.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(), vec!["Extern"]);

    let quote = CreateQuoteRequest {
        direct_minutes_per_week: 120,
        indirect_minutes_per_week: 30,
        hourly_rate_cents: 85_00,
        amount_cents: 4_250_00,
        start_date: NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"),
        end_date: NaiveDate::from_ymd_opt(2027, 6, 25).expect("date"),
        note: "Inclusief verslaglegging.".into(),
    };
    let path = format!("/api/v1/arrangements/{}/quotes", a.id);
    let first: QuoteResponse = app.post_ok(&path, &executor, &quote).await;
    let second: QuoteResponse =
        app.post_ok(&path, &executor, &CreateQuoteRequest { amount_cents: 4_000_00, ..quote.clone() }).await;
    assert_eq!(app.post(&path, &consultant, &quote).await.status(), 403);
    assert_eq!(app.post(&path, &app.token(Role::Executor, LIEMERS).await, &quote).await.status(), 404);
    assert_eq!(app.get(&path, &app.token(Role::Parent, UTRECHT).await).await.status(), 403);

    let accept = |id: &str| format!("{path}/{id}/accept");
    assert_eq!(app.post(&accept(&second.id), &executor, &serde_json::json!({})).await.status(), 403);
    let accepted: QuoteResponse = app.post_ok(&accept(&second.id), &school, &serde_json::json!({})).await;
    assert_eq!(accepted.status, QuoteStatus::Accepted);
    assert_eq!(app.post(&accept(&first.id), &school, &serde_json::json!({})).await.status(), 409);
    let all: Vec<QuoteResponse> = app.get_ok(&path, &school).await;
    assert_eq!(
        all.iter().map(|q| q.status).collect::<Vec<_>>(),
        vec![QuoteStatus::Declined, QuoteStatus::Accepted]
    );

    // the accepted quote counts as the quote the rules ask for
    let findings: Vec<Finding> =
        app.get_ok(&format!("/api/v1/arrangements/{}/findings", a.id), &school).await;
    assert!(findings.iter().all(|f| !f.rule_id.contains("quote")), "{findings:?}");

    let report = CreateReportRequest {
        period_start: NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"),
        period_end: NaiveDate::from_ymd_opt(2027, 3, 31).expect("date"),
        body: "Zes sessies gegeven; leestempo gestegen.".into(),
    };
    let reports = format!("/api/v1/arrangements/{}/reports", a.id);
    assert_eq!(app.post(&reports, &executor, &report).await.status(), 409, "only during execution");

    let a = act(&app, &school, &a, Action::Submit, None).await;
    let a = act(&app, &consultant, &a, Action::Approve, None).await;
    upload_documents(
        &app,
        &school,
        &a,
        &["start_meeting_report", "consultant_advice", "teacher_school_goals"],
    )
    .await;
    let a = act(&app, &school, &a, Action::MakeDefinitive, None).await;
    let a = act(&app, &admin, &a, Action::Grant, None).await;
    let _ = act(&app, &school, &a, Action::Start, None).await;
    let written: ReportResponse = app.post_ok(&reports, &executor, &report).await;
    let listed: Vec<ReportResponse> = app.get_ok(&reports, &school).await;
    assert_eq!(listed, vec![written]);
}
