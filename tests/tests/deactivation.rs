//! A deactivated account's access token stops working at once, not when it expires.

use arrangeer_shared::Role;
use arrangeer_tests::fixtures::{new_pupil, proposal};
use arrangeer_tests::seed::seed_dossiers;
use arrangeer_tests::{TestApp, UTRECHT, demo_account};
use diesel::RunQueryDsl;

#[tokio::test]
async fn a_deactivated_users_access_token_is_refused_on_the_next_request() {
    let app = TestApp::spawn().await;
    let token = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &token, "Noor", "Visser").await;
    let draft = serde_json::json!({
        "kind": "individual", "title": "Lezen", "pupilIds": [pupil], "startRoute": "direct_start",
        "careScope": "education_only", "proposal": proposal(),
    });
    let created: serde_json::Value = app.post_ok("/api/v1/arrangements", &token, &draft).await;
    let dossier = format!("/api/v1/arrangements/{}", created["id"].as_str().expect("a dossier"));
    let reads = [
        "/api/v1/arrangements",
        "/api/v1/pupils",
        "/api/v1/me",
        dossier.as_str(),
        "/api/v1/statistics?year=2027",
    ];
    for path in reads {
        assert_eq!(app.get(path, &token).await.status(), 200, "{path} before");
    }
    let other = app.token(Role::Consultant, UTRECHT).await;

    deactivate(&app, Role::School);

    // no endpoint answers the token any more: not the list, a dossier, the statistics, a
    // role-guarded one, nor /me
    for path in reads.iter().chain(&["/api/v1/deadlines"]) {
        let response = app.get(path, &token).await;
        assert_eq!(response.status(), 401, "{path} after deactivation");
        assert!(response.headers().contains_key("www-authenticate"));
    }
    // nor an action
    let action = app.post(&format!("{dossier}/actions/withdraw"), &token, &serde_json::json!({})).await;
    assert_eq!(action.status(), 401, "an action after deactivation");
    // other accounts are not affected
    assert_eq!(app.get("/api/v1/arrangements", &other).await.status(), 200);
}

/// The arrangement list checks the account in its own statement (one round trip instead of an
/// account check and then the page). For every role, and for the scopes a school filter makes
/// (one school of the office's partnership, one school of a caseload), a deactivated account
/// gets 401, never an empty page.
#[tokio::test]
async fn every_roles_list_answers_401_after_deactivation_not_an_empty_page() {
    let app = TestApp::spawn().await;
    let seeded = seed_dossiers(&app).await;
    let school = seeded.running.school.id;
    let lists = [
        "/api/v1/arrangements".to_owned(),
        format!("/api/v1/arrangements?schoolId={school}"),
        format!("/api/v1/arrangements?schoolId={school}&kind=individual&limit=1"),
    ];
    for role in [Role::School, Role::Consultant, Role::Executor, Role::SwvAdmin, Role::Parent] {
        let token = app.token(role, UTRECHT).await;
        for path in &lists {
            let page: serde_json::Value = app.get_ok(path, &token).await;
            let items = page["items"].as_array().map_or(0, Vec::len);
            assert!(items > 0, "{role} sees dossiers in {path} before deactivation: {page}");
        }
        deactivate(&app, role);
        // also a page that would be empty anyway (a status none of the seeded dossiers has)
        for path in lists.iter().map(String::as_str).chain(["/api/v1/arrangements?status=closed"]) {
            let response = app.get(path, &token).await;
            assert_eq!(response.status(), 401, "{role}: {path} after deactivation");
        }
    }
}

/// Deactivates the demo account with `role` in Utrecht, as an operator would in the database.
fn deactivate(app: &TestApp, role: Role) {
    let email = demo_account(role, UTRECHT).email;
    app.db
        .run_blocking(move |conn| {
            diesel::sql_query(format!("UPDATE users SET active = FALSE WHERE email = '{email}'"))
                .execute(conn)
                .map_err(arrangeer_api::db::DbError::from)
        })
        .expect("deactivate");
}
