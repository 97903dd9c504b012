//! The dossier pages in a real headless Chromium: a school starts an individual arrangement
//! through the form (a server-side field error first, nothing typed lost), submits it, sees the
//! status and the timeline move, and after the consultant's approval (through the API) is
//! offered "Definitief maken".

use std::str::FromStr;

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ActionRequest, ArrangementResponse};
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::workflow::Status;
use arrangeer_tests::browser::Browser;
use arrangeer_tests::{TestApp, UTRECHT, demo_account, web_dir};
use chrono::NaiveDate;
use fantoccini::Locator;

async fn value_of(browser: &Browser, css: &str) -> String {
    let field = browser.client.find(Locator::Css(css)).await.expect("field present");
    field.prop("value").await.expect("value").unwrap_or_default()
}

async fn focused_id(browser: &Browser) -> String {
    let id = browser.client.execute("return document.activeElement.id", vec![]).await.expect("script");
    id.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn school_starts_submits_a_dossier_and_is_offered_to_make_it_definitive_after_approval() {
    assert!(
        web_dir().join("index.html").exists(),
        "the web app is not built at {}: run `cargo xtask build-web` (or `cargo xtask test`)",
        web_dir().display()
    );
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let pupil: PupilResponse = app
        .post_ok(
            "/api/v1/pupils",
            &school,
            &CreatePupilRequest {
                first_name: "Daan".into(),
                last_name: "Jansen".into(),
                date_of_birth: NaiveDate::from_ymd_opt(2017, 3, 14).expect("date"),
                group_name: "groep 4".into(),
            },
        )
        .await;

    // log in through the login page as the Utrecht school user
    let browser = Browser::start().await;
    let account = demo_account(Role::School, UTRECHT);
    browser.client.goto(&app.url("/")).await.expect("open the app");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", &account.email).await;
    browser.fill("#password", DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;

    // the list is empty; the school may start a dossier
    browser.click("#nav-dossiers").await;
    browser.wait_for_text("h1", "Dossiers").await;
    browser.wait_for_text("#list-empty", "geen dossiers").await;
    browser.click("#new-dossier").await;
    browser.wait_for_text("h1", "Nieuw dossier").await;
    assert_eq!(focused_id(&browser).await, "main-heading", "the heading gets focus on navigation");

    browser.fill_proposal("Leesbegeleiding Daan").await;

    // no pupil chosen: the server's 422 is shown at the pupils, and nothing typed is lost
    browser.click("#dossier-save").await;
    browser.wait_for_text("#pupils-error", "Kies precies één leerling").await;
    browser.wait_for_text("#error-summary", "Leerlingen: Kies precies één leerling").await;
    assert_eq!(value_of(&browser, "#title").await, "Leesbegeleiding Daan");
    assert_eq!(value_of(&browser, "#indirect-hours").await, "0,5");

    browser.click(&format!("#pupil-{}", pupil.id)).await;
    browser.click("#dossier-save").await;

    // the new dossier: a draft, with the cost in Dutch money format
    browser.wait_for_text("h1", "Leesbegeleiding Daan").await;
    browser.wait_for_text("#dossier-status", "Concept").await;
    browser.wait_for_text("#dossier-pupils", "Daan Jansen").await;
    // (2 + 0,5) uur × € 55 × 20 weken
    browser.wait_for_text("#expected-cost", "€ 2.750,00").await;
    browser.wait_for_text("#proposal", "2 uur").await;
    browser.wait_for_text("#timeline [aria-current='step']", "Concept").await;
    let url = browser.client.current_url().await.expect("url");
    let id = url
        .path()
        .rsplit('/')
        .next()
        .and_then(|s| ArrangementId::from_str(s).ok())
        .expect("dossier id in url");

    // submit with the "Indienen" button
    browser.fill("#action-comment", "Graag uw advies.").await;
    browser.wait_for_text("#action-submit", "Indienen").await;
    browser.click("#action-submit").await;
    browser.wait_for_text("#action-result", "Ingediend").await;
    browser.wait_for_text("#dossier-status", "Ingediend").await;
    let current = browser.wait_for_text("#timeline [aria-current='step']", "Ingediend").await;
    assert!(current.contains("huidige stap"), "the current step says so in words: {current:?}");
    browser.wait_for_text("#step-0", "afgerond").await;
    browser.wait_for_text("#history", "Graag uw advies.").await;
    browser.wait_for_text("#history", "Ingediend").await;
    assert!(browser.client.find(Locator::Css("#edit-proposal")).await.is_err(), "no editing once submitted");

    // the consultant agrees (through the API); a reload shows the school its next step
    let body = ActionRequest { comment: Some("Akkoord, ga door.".into()), ..ActionRequest::default() };
    let approved: ArrangementResponse =
        app.post_ok(&format!("/api/v1/arrangements/{id}/actions/approve"), &consultant, &body).await;
    assert_eq!(approved.status, Status::Approved);

    browser.client.refresh().await.expect("reload");
    browser.wait_for_text("#action-make-definitive", "Definitief maken").await;
    browser.wait_for_text("#dossier-status", "Akkoord consulent").await;
    browser.wait_for_text("#timeline [aria-current='step']", "Akkoord consulent").await;
    browser.wait_for_text("#history", "Akkoord, ga door.").await;
    browser.wait_for_text("#history", "consulent").await;

    // and the list shows it, with its Dutch status
    browser.click("#nav-dossiers").await;
    browser.wait_for_text("#dossier-list", "Leesbegeleiding Daan").await;
    browser.wait_for_text("#dossier-list", "Akkoord consulent").await;
    browser.close().await;
}
