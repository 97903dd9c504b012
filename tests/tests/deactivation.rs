//! A deactivated account's access token stops working at once, not when it expires.

use arrangeer_shared::Role;
use arrangeer_tests::{TestApp, UTRECHT, demo_account};
use diesel::RunQueryDsl;

#[tokio::test]
async fn a_deactivated_users_access_token_is_refused_on_the_next_request() {
    let app = TestApp::spawn().await;
    let token = app.token(Role::School, UTRECHT).await;
    for path in ["/api/v1/arrangements", "/api/v1/pupils", "/api/v1/me"] {
        assert_eq!(app.get(path, &token).await.status(), 200, "{path} before");
    }
    let other = app.token(Role::Consultant, UTRECHT).await;

    let email = demo_account(Role::School, UTRECHT).email;
    app.db
        .run_blocking(move |conn| {
            diesel::sql_query(format!("UPDATE users SET active = FALSE WHERE email = '{email}'"))
                .execute(conn)
                .map_err(arrangeer_api::db::DbError::from)
        })
        .expect("deactivate");

    // no endpoint answers the token any more: not the list, not a role-guarded one, not /me
    for path in ["/api/v1/arrangements", "/api/v1/pupils", "/api/v1/me", "/api/v1/deadlines"] {
        let response = app.get(path, &token).await;
        assert_eq!(response.status(), 401, "{path} after deactivation");
        assert!(response.headers().contains_key("www-authenticate"));
    }
    // other accounts are not affected
    assert_eq!(app.get("/api/v1/arrangements", &other).await.status(), 200);
}
