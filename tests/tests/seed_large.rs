//! The benchmark seeder at a small scale, so that it cannot rot: the partnership it makes is
//! one the API serves (log in, list, read a dossier, take an action, read the audit log).

use arrangeer_api::auth::password;
use arrangeer_api::db::seed_large::{self, DOMAIN, LargeSeed, SeedError};
use arrangeer_api::db::statistics_facts::{MilestoneRow, MoneyYearRow};
use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_api::services::statistics::facts::{self, SEED_RULES};
use arrangeer_shared::api::arrangements::{ArrangementResponse, ArrangementSummary};
use arrangeer_shared::api::auth::LoginResponse;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::workflow::Status;
use arrangeer_tests::TestApp;
use serde_json::json;

const SPEC: LargeSeed = LargeSeed { schools: 4, pupils: 40, arrangements: 400, audit_events: 1_000 };

async fn login(app: &TestApp, local: &str) -> String {
    let response = app
        .post_anonymous(
            "/api/v1/auth/login",
            &json!({ "email": format!("{local}@{DOMAIN}"), "password": DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(response.status(), 200, "login {local}");
    response.json::<LoginResponse>().await.expect("session").access_token
}

#[tokio::test]
async fn the_large_seeder_makes_a_partnership_the_api_serves() {
    let app = TestApp::spawn().await;
    let db = app.db.clone();
    let report = tokio::task::spawn_blocking(move || {
        let hash = password::hash(DEMO_PASSWORD).expect("hash");
        let report = seed_large::seed(&db, SPEC, &hash, SEED_RULES).expect("seed");
        // a second run into the same database is refused
        assert!(matches!(seed_large::seed(&db, SPEC, &hash, SEED_RULES), Err(SeedError::Exists)));
        report
    })
    .await
    .expect("seed task");
    let rows: std::collections::HashMap<_, _> = report.rows.iter().cloned().collect();
    assert_eq!(rows["arrangements"], 400);
    assert_eq!(rows["pupils"], 40);
    assert_eq!(rows["audit_events"], 1_000);

    // the facts the seeder wrote for the statistics are those a status change would write
    let (seeded, refreshed) = facts_seeded_and_refreshed(&app).await;
    assert!(
        seeded.0.len() > 300 && seeded.1.len() > 200,
        "facts written: {} / {}",
        seeded.0.len(),
        seeded.1.len()
    );
    assert_eq!(seeded, refreshed);
    app.assert_statistics_sums_agree().await;

    // a school sees its own school's quarter of the arrangements, newest first
    let school = login(&app, "ib1").await;
    let page: Page<ArrangementSummary> = app.get_ok("/api/v1/arrangements?limit=200", &school).await;
    assert_eq!(page.items.len(), 100);
    assert!(page.items.iter().all(|a| a.school.name == "Basisschool 1"));
    assert!(page.items.windows(2).all(|w| w[0].updated_at >= w[1].updated_at));
    assert!(page.items.iter().all(|a| a.pupil_count >= 1));
    let statuses: std::collections::HashSet<_> = page.items.iter().map(|a| a.status).collect();
    assert!(statuses.len() >= 5, "statuses are spread: {statuses:?}");

    // a dossier reads, and a draft can be submitted (the benchmark's action)
    let drafts: Page<ArrangementSummary> =
        app.get_ok("/api/v1/arrangements?status=draft&limit=200", &school).await;
    let draft = drafts.items.first().expect("the school has drafts");
    let dossier: ArrangementResponse =
        app.get_ok(&format!("/api/v1/arrangements/{}", draft.id), &school).await;
    assert!(!dossier.pupils.is_empty());
    let submitted: ArrangementResponse =
        app.post_ok(&format!("/api/v1/arrangements/{}/actions/submit", draft.id), &school, &json!({})).await;
    assert_eq!(submitted.status, Status::Submitted);
    app.assert_statistics_sums_agree().await;

    // the consultant sees the caseload; the office the whole partnership and its audit log
    let consultant = login(&app, "consulent1").await;
    let page: Page<ArrangementSummary> = app.get_ok("/api/v1/arrangements?limit=200", &consultant).await;
    assert_eq!(page.items.len(), 200);
    let office = login(&app, "swv1").await;
    let audit: serde_json::Value = app.get_ok("/api/v1/audit-events?limit=5", &office).await;
    assert_eq!(audit["items"].as_array().map(Vec::len), Some(5));
    login(&app, "uitvoerder1").await;
    login(&app, "ouder1").await;
}

type Facts = (Vec<MilestoneRow>, Vec<MoneyYearRow>);

/// The partnership's statistics facts as seeded, and after `facts::refresh` of every
/// arrangement (times of writing left out).
async fn facts_seeded_and_refreshed(app: &TestApp) -> (Facts, Facts) {
    use arrangeer_api::db::arrangements::ArrangementRow;
    use arrangeer_api::db::schema::{
        arrangement_milestones, arrangement_money_years, arrangements, partnerships,
    };
    use arrangeer_api::db::{DbConnection, DbError};
    use diesel::prelude::*;

    fn read(conn: &mut DbConnection) -> Result<Facts, DbError> {
        let pid: String = partnerships::table
            .filter(partnerships::code.eq(seed_large::CODE))
            .select(partnerships::id)
            .first(conn)?;
        let mut milestones: Vec<MilestoneRow> = arrangement_milestones::table
            .filter(arrangement_milestones::partnership_id.eq(&pid))
            .select(MilestoneRow::as_select())
            .order(arrangement_milestones::arrangement_id)
            .load(conn)?;
        for m in &mut milestones {
            m.updated_at = chrono::NaiveDateTime::default();
        }
        let money = arrangement_money_years::table
            .filter(arrangement_money_years::partnership_id.eq(&pid))
            .select(MoneyYearRow::as_select())
            .order((arrangement_money_years::arrangement_id, arrangement_money_years::year))
            .load(conn)?;
        Ok((milestones, money))
    }
    let db = app.db.clone();
    tokio::task::spawn_blocking(move || {
        db.run_blocking(|conn| -> Result<_, DbError> {
            let seeded = read(conn)?;
            let rows: Vec<ArrangementRow> = arrangements::table
                .filter(arrangements::status.ne("draft"))
                .select(ArrangementRow::as_select())
                .load(conn)?;
            for row in &rows {
                facts::refresh(conn, row)?;
            }
            Ok((seeded, read(conn)?))
        })
        .expect("facts")
    })
    .await
    .expect("facts task")
}
