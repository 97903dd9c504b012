//! The language of the web app, remembered per user on the server: `PUT /me/preferences`
//! stores it, `GET /me` and the login answer return it, other users keep their own.

use arrangeer_shared::Role;
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::preferences::{Language, PreferencesResponse};
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT};
use serde_json::json;

#[tokio::test]
async fn language_choice_is_stored_per_user_and_returned_by_me() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let parent = app.token(Role::Parent, UTRECHT).await;

    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    assert_eq!(me.language, None, "nothing chosen yet: the web app decides (Dutch)");

    let response = app.put("/api/v1/me/preferences", &school, None, &json!({ "language": "en" })).await;
    assert_eq!(response.status(), 200);
    let stored: PreferencesResponse = response.json().await.expect("preferences");
    assert_eq!((stored.language, stored.version), (Language::En, 1));

    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    assert_eq!(me.language, Some(Language::En));
    let login = app.session(Role::School, UTRECHT).await;
    assert_eq!(login.user.language, Some(Language::En), "the login answer carries it too");
    let other: MeResponse = app.get_ok("/api/v1/me", &parent).await;
    assert_eq!(other.language, None, "another user keeps their own");

    // back to Dutch: the same row, a new version
    let again = app.put("/api/v1/me/preferences", &school, None, &json!({ "language": "nl" })).await;
    let again: PreferencesResponse = again.json().await.expect("preferences");
    assert_eq!((again.language, again.version), (Language::Nl, 2));
    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    assert_eq!(me.language, Some(Language::Nl));

    // every role may set its own
    let liemers = app.token(Role::SwvAdmin, LIEMERS).await;
    let response = app.put("/api/v1/me/preferences", &liemers, None, &json!({ "language": "en" })).await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn unknown_language_or_field_is_a_400_naming_it() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    for body in [json!({ "language": "fr" }), json!({ "language": "en", "theme": "dark" }), json!({})] {
        let response = app.put("/api/v1/me/preferences", &school, None, &body).await;
        assert_eq!(response.status(), 400, "{body}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["status"], 400, "{problem}");
    }
    let anonymous =
        app.client.put(app.url("/api/v1/me/preferences")).json(&json!({ "language": "en" })).send().await;
    assert_eq!(anonymous.expect("request").status(), 401);
    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    assert_eq!(me.language, None, "nothing stored by a refused request");
}
