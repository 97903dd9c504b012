//! Payments per school board per calendar year: the Utrecht calendar-year split, the Liemers
//! 75/25 scheme with the settlement of an early termination, the CSV export, and who may see it.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{
    ActionRequest, ArrangementResponse, CreateArrangementRequest, Proposal,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::payments::{BoardPayments, PaymentsResponse};
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::{Action, Status};
use arrangeer_tests::fixtures::{UTRECHT_DOCUMENTS, act_justified, new_pupil, proposal, upload_documents};
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT};
use chrono::NaiveDate;

const WHY: &str = "Afgestemd met de consulent; passend bij de onderwijsbehoefte.";

/// A granted individual arrangement of the school user's school with `p` as its proposal.
async fn granted(app: &TestApp, partnership: &str, p: Proposal, documents: &[&str]) -> ArrangementResponse {
    let school = app.token(Role::School, partnership).await;
    let consultant = app.token(Role::Consultant, partnership).await;
    let admin = app.token(Role::SwvAdmin, partnership).await;
    let pupil = new_pupil(app, &school, "Noor", "Visser").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Rekenen groep 5".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let a = act_justified(app, &school, &a, Action::Submit, WHY).await;
    let a = act_justified(app, &consultant, &a, Action::Approve, WHY).await;
    upload_documents(app, &school, &a, documents).await;
    let a = act_justified(app, &school, &a, Action::MakeDefinitive, WHY).await;
    let a = act_justified(app, &admin, &a, Action::Grant, WHY).await;
    assert_eq!(a.status, Status::Granted);
    a
}

async fn round(app: &TestApp, token: &str, year: i32) -> PaymentsResponse {
    app.get_ok(&format!("/api/v1/payments?year={year}"), token).await
}

/// The line of the board of the school user's school.
async fn own_board(app: &TestApp, partnership: &str, report: &PaymentsResponse) -> BoardPayments {
    let school = app.token(Role::School, partnership).await;
    let schools: Page<SchoolResponse> = app.get_ok("/api/v1/schools", &school).await;
    let board = schools.items[0].school_board_id;
    report.boards.iter().find(|b| b.school_board_id == board).expect("the school's board is listed").clone()
}

#[tokio::test]
async fn payments_of_a_utrecht_grant_over_new_year_are_split_by_month_over_two_rounds() {
    let app = TestApp::spawn().await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    // 2 h × €60 × 12 weeks = €1,440 from December to February: 1 month in 2026, 2 in 2027
    let winter = Proposal {
        direct_minutes_per_week: Some(120),
        indirect_minutes_per_week: Some(0),
        weeks: Some(12),
        hourly_rate_cents: Some(60_00),
        start_date: NaiveDate::from_ymd_opt(2026, 12, 1),
        end_date: NaiveDate::from_ymd_opt(2027, 2, 28),
        ..proposal()
    };
    granted(&app, UTRECHT, winter.clone(), UTRECHT_DOCUMENTS).await;
    // a draft is not paid
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Sem", "de Boer").await;
    let draft = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Nog niet toegekend".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: winter,
    };
    let _: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &draft).await;

    let this_year = round(&app, &admin, 2026).await;
    let line = own_board(&app, UTRECHT, &this_year).await;
    assert_eq!(line.arrangements, 1);
    assert_eq!(
        (line.amounts.granted_cents, line.amounts.paid_at_grant_cents, line.amounts.total_cents),
        (480_00, 480_00, 480_00)
    );
    assert_eq!(this_year.total, line.amounts, "one board has arrangements, the others have zeros");
    let next_year = round(&app, &admin, 2027).await;
    let line = own_board(&app, UTRECHT, &next_year).await;
    assert_eq!((line.amounts.granted_cents, line.amounts.total_cents), (960_00, 960_00));
    assert_eq!(line.amounts.after_accountability_cents + line.amounts.settlement_cents, 0);
    let later = round(&app, &admin, 2028).await;
    assert_eq!(own_board(&app, UTRECHT, &later).await.arrangements, 0);

    // the same lines as CSV, header first
    let response = app
        .client
        .get(app.url("/api/v1/payments?year=2027"))
        .bearer_auth(&admin)
        .header("accept", "text/csv")
        .send()
        .await
        .expect("CSV request");
    assert_eq!(response.status(), 200);
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let body = response.text().await.expect("CSV body");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().expect("header row").clone();
    assert_eq!(&header[0], "year");
    assert_eq!(&header[8], "totalCents");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("CSV rows");
    assert_eq!(rows.len(), next_year.boards.len());
    let row = rows.iter().find(|r| r[1] == *line.board_number).expect("the board's row");
    assert_eq!((&row[0], &row[2], &row[4], &row[8]), ("2027", line.name.as_str(), "96000", "96000"));
}

#[tokio::test]
async fn payments_of_an_early_stopped_liemers_grant_settle_in_the_next_round() {
    let app = TestApp::spawn().await;
    let admin = app.token(Role::SwvAdmin, LIEMERS).await;
    let school = app.token(Role::School, LIEMERS).await;
    // 2 h × €50 × 20 weeks = €2,000 from January to July 2027: 75% at grant, 25% after accountability
    let spring = Proposal {
        direct_minutes_per_week: Some(120),
        indirect_minutes_per_week: Some(0),
        outside_class_minutes_per_week: Some(0),
        hourly_rate_cents: Some(50_00),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 4),
        end_date: NaiveDate::from_ymd_opt(2027, 7, 16),
        ..proposal()
    };
    let kept = granted(&app, LIEMERS, spring.clone(), &["hours_statement"]).await;
    let line = own_board(&app, LIEMERS, &round(&app, &admin, 2027).await).await;
    assert_eq!(line.arrangements, 1, "{kept:?}");
    assert_eq!(
        (
            line.amounts.granted_cents,
            line.amounts.paid_at_grant_cents,
            line.amounts.after_accountability_cents
        ),
        (2_000_00, 1_500_00, 500_00)
    );

    // a second one stops after February: entitled to 2 of its 7 months
    let stopped = granted(&app, LIEMERS, spring, &["hours_statement"]).await;
    let body = ActionRequest {
        comment: Some("Leerling verhuisd.".into()),
        terminated_on: NaiveDate::from_ymd_opt(2027, 2, 28),
        ..ActionRequest::default()
    };
    let _: ArrangementResponse =
        app.post_ok(&format!("/api/v1/arrangements/{}/actions/terminate", stopped.id), &school, &body).await;

    let line = own_board(&app, LIEMERS, &round(&app, &admin, 2027).await).await;
    assert_eq!(line.arrangements, 2);
    assert_eq!(line.amounts.paid_at_grant_cents, 3_000_00, "both advances were paid at the grant");
    assert_eq!(line.amounts.after_accountability_cents, 500_00, "no balance for the stopped one");
    assert_eq!(line.amounts.total_cents, 3_500_00);
    let next = own_board(&app, LIEMERS, &round(&app, &admin, 2028).await).await;
    // €2,000 × 2/7 = €571.43 entitled, €1,500 paid: €928.57 back in the next round
    assert_eq!((next.arrangements, next.amounts.settlement_cents), (1, -928_57));
    assert_eq!(next.amounts.total_cents, -928_57);
}

#[tokio::test]
async fn payments_are_for_the_swv_office_of_its_own_partnership_only() {
    let app = TestApp::spawn().await;
    for role in [Role::School, Role::Consultant, Role::Executor, Role::Parent] {
        let token = app.token(role, UTRECHT).await;
        assert_eq!(app.get("/api/v1/payments?year=2027", &token).await.status(), 403, "{role}");
    }
    let utrecht = round(&app, &app.token(Role::SwvAdmin, UTRECHT).await, 2027).await;
    let liemers = round(&app, &app.token(Role::SwvAdmin, LIEMERS).await, 2027).await;
    assert!(!utrecht.boards.is_empty() && !liemers.boards.is_empty());
    assert!(
        utrecht.boards.iter().all(|u| liemers.boards.iter().all(|l| l.school_board_id != u.school_board_id)),
        "each office sees its own boards"
    );

    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    for (query, status, field) in [
        ("", 400, Some("year")),
        ("?year=twenty", 400, None),
        ("?year=2027&schoolId=x", 400, Some("schoolId")),
        ("?year=1999", 422, Some("year")),
    ] {
        let response = app.get(&format!("/api/v1/payments{query}"), &admin).await;
        assert_eq!(response.status(), status, "{query}");
        let problem: Problem = response.json().await.expect("problem");
        if let Some(field) = field {
            assert!(problem.errors.iter().any(|e| e.field == field), "{query}: {problem:?}");
        }
    }
}
