//! The consultant's arrangement list against the office's: the caseload's merge of its
//! schools' pages (db::arrangements::summaries) on a seeded partnership of thirty schools.
//! A binary of its own: one server per test binary, as in `seed_large.rs`.

use arrangeer_api::auth::password;
use arrangeer_api::db::seed_large::{self, DOMAIN, LargeSeed};
use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_api::services::statistics::facts::SEED_RULES;
use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::auth::LoginResponse;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_tests::TestApp;
use serde_json::json;

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

/// Every line of the list under `query`, page by page (`limit` per page), as the caller sees it.
async fn all_pages(app: &TestApp, token: &str, query: &str, limit: u32) -> Vec<ArrangementSummary> {
    let mut lines = Vec::new();
    let mut path = format!("/api/v1/arrangements?{query}limit={limit}");
    loop {
        let page: Page<ArrangementSummary> = app.get_ok(&path, token).await;
        assert!(page.items.len() <= limit as usize, "{path}: a page of {}", page.items.len());
        lines.extend(page.items);
        match page.next_cursor {
            Some(cursor) => path = format!("/api/v1/arrangements?{query}limit={limit}&cursor={cursor}"),
            None => return lines,
        }
    }
}

#[tokio::test]
async fn a_consultants_list_is_the_partnerships_list_of_the_caseload_in_the_same_order() {
    // thirty schools and three consultants: a caseload of ten schools, as at full size
    let app = TestApp::spawn().await;
    let db = app.db.clone();
    let spec = LargeSeed { schools: 30, pupils: 60, arrangements: 1_200, audit_events: 10 };
    tokio::task::spawn_blocking(move || {
        let hash = password::hash(DEMO_PASSWORD).expect("hash");
        seed_large::seed(&db, spec, &hash, SEED_RULES).expect("seed")
    })
    .await
    .expect("seed task");
    let consultant = login(&app, "consulent1").await;
    let office = login(&app, "swv1").await;
    let caseload: Page<SchoolResponse> = app.get_ok("/api/v1/schools?limit=200", &consultant).await;
    let schools: std::collections::HashSet<_> = caseload.items.iter().map(|s| s.id).collect();
    assert_eq!(schools.len(), 10, "the caseload");

    // one school of the caseload becomes the busiest: its newest lines come first
    let busy = &caseload.items[0];
    let number = busy.name.trim_start_matches("Basisschool ");
    let staff = login(&app, &format!("ib{number}")).await;
    let drafts = all_pages(&app, &staff, "status=draft&", 200).await;
    for draft in drafts.iter().take(12) {
        let _: serde_json::Value = app
            .post_ok(&format!("/api/v1/arrangements/{}/actions/submit", draft.id), &staff, &json!({}))
            .await;
    }

    for filter in ["", "status=submitted&", "status=submitted&kind=individual&", "kind=cluster&"] {
        let expected: Vec<_> = all_pages(&app, &office, filter, 200)
            .await
            .into_iter()
            .filter(|a| schools.contains(&a.school.id))
            .map(|a| (a.id, a.school.name))
            .collect();
        assert!(!expected.is_empty(), "{filter}: lines to compare");
        for limit in [1, 7, 50] {
            let seen: Vec<_> = all_pages(&app, &consultant, filter, limit)
                .await
                .into_iter()
                .map(|a| (a.id, a.school.name))
                .collect();
            assert_eq!(seen, expected, "{filter} in pages of {limit}");
        }
    }
}
