//! The statistics page in a real headless Chromium: the SWV office opens it from the menu, sees
//! the seeded dossier counted, opens a chart's table (its accessible alternative), and the
//! money per calendar year in Dutch format.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_tests::browser::Browser;
use arrangeer_tests::fixtures::{new_pupil, proposal};
use arrangeer_tests::{TestApp, UTRECHT, demo_account, web_dir};

#[tokio::test]
async fn swv_admin_sees_the_year_in_charts_with_a_table_alternative() {
    assert!(web_dir().join("index.html").exists(), "build the web app first: `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Noor", "Visser").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Leesgroep".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let _: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;

    let browser = Browser::start().await;
    let account = demo_account(Role::SwvAdmin, UTRECHT);
    browser.client.goto(&app.url("/")).await.expect("open the app");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", &account.email).await;
    browser.fill("#password", DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;
    browser.click("#nav-statistics").await;
    browser.wait_for_text("h1", "Statistieken").await;
    browser.wait_for_text("#stat-requested", "1").await;
    browser.wait_for_text("#chart-kind figcaption", "Per soort arrangement").await;
    // the table alternative: a captioned table behind a toggle
    browser.click("#chart-kind summary").await;
    let table = browser.wait_for_text("#chart-kind-table", "Individueel").await;
    assert!(table.contains("Per soort arrangement"), "the table has the chart's caption: {table}");
    browser.wait_for_text("#chart-kind-csv", "Download CSV").await;
    browser.wait_for_text("#throughput caption", "Doorlooptijden").await;
    browser.close().await;
}
