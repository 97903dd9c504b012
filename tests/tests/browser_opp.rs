//! The parent's side of the development plan in a real headless Chromium: the demo parent logs
//! in, sees only their own child's plan, agrees with the action part and sees the confirmation;
//! the school then sees the consent on its dossier page.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest, Proposal};
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::opps::{
    CreateOppRequest, GoalDomain, OppActionRow, OppContent, OppGoal, OppResponse, OppVersionResponse,
};
use arrangeer_shared::api::pupils::PupilResponse;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_tests::browser::Browser;
use arrangeer_tests::fixtures::new_pupil;
use arrangeer_tests::{TestApp, UTRECHT, demo_account, web_dir};
use chrono::NaiveDate;
use fantoccini::Locator;
use serde_json::json;

fn plan(support: &str) -> OppContent {
    let date = |m, d| NaiveDate::from_ymd_opt(2027, m, d).expect("date");
    OppContent {
        expected_exit_level: "vmbo-kader".into(),
        exit_level_reasoning: "Toetsresultaten.".into(),
        stimulating_factors: "Gemotiveerd.".into(),
        hindering_factors: "Snel afgeleid.".into(),
        educational_needs: "Korte instructie.".into(),
        goals: vec![OppGoal {
            id: None,
            domain: GoalDomain::Reading,
            description: "Leest op AVI M5-niveau.".into(),
            criterion: "AVI-toets".into(),
            target_date: date(6, 1),
        }],
        action_part: vec![OppActionRow {
            support: support.into(),
            by_whom: "Remedial teacher".into(),
            frequency: "2 x per week".into(),
            starts_on: date(1, 4),
            ends_on: date(6, 25),
        }],
        pupil_voice: "Ik wil beter lezen.".into(),
    }
}

async fn log_in(browser: &Browser, app: &TestApp, role: Role) {
    let account = demo_account(role, UTRECHT);
    browser.client.goto(&app.url("/inloggen")).await.expect("open the login page");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", &account.email).await;
    browser.fill("#password", DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;
}

#[tokio::test]
async fn parent_sees_only_their_child_gives_consent_and_the_school_sees_it() {
    assert!(web_dir().join("index.html").exists(), "the web app is not built: run `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let mine = new_pupil(&app, &school, "Daan", "de Wit").await;
    let other = new_pupil(&app, &school, "Sara", "Jansen").await;
    let parent_email = demo_account(Role::Parent, UTRECHT).email;
    let _: PupilResponse = app
        .post_ok(&format!("/api/v1/pupils/{mine}/guardians"), &school, &json!({ "email": parent_email }))
        .await;
    for (pupil, support) in [(mine, "Leesgroepje buiten de klas"), (other, "Rekenhulp voor een ander kind")] {
        let opp: OppResponse = app
            .post_ok("/api/v1/opps", &school, &CreateOppRequest { pupil_id: pupil, content: plan(support) })
            .await;
        let _: OppVersionResponse =
            app.post_ok(&format!("/api/v1/opps/{}/actions/publish", opp.id), &school, &json!({})).await;
    }
    let dossier = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Leesondersteuning".into(),
        pupil_ids: vec![mine],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: Proposal::default(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &dossier).await;

    let browser = Browser::start().await;
    log_in(&browser, &app, Role::Parent).await;
    browser.click("#nav-my-child").await;
    browser.wait_for_text("h1", "Het plan voor uw kind").await;
    let page = browser.wait_for_text("main", "Leesgroepje buiten de klas").await;
    assert!(page.contains("Plan van Daan de Wit"), "{page}");
    assert!(!page.contains("Sara") && !page.contains("Rekenhulp"), "another child's plan is shown: {page}");
    browser.wait_for_text("#consent-status", "toestemming gevraagd").await;

    // sending without a choice says what is missing; then agree
    browser.click("#consent-submit").await;
    browser.wait_for_text("#consent-problem", "Kies eerst").await;
    browser.click("#consent-agree").await;
    browser.fill("#consent-view", "Fijn dat er hulp komt.").await;
    browser.click("#consent-submit").await;
    let confirmation = browser.wait_for_text("#consent-confirmation", "Uw toestemming is vastgelegd").await;
    assert!(confirmation.contains("versie 1"), "{confirmation}");
    browser.wait_for_text("#consent-withdraw", "intrekken").await;

    // who viewed the file: the school's publication is there, by name and role, and the
    // parent's own consent is not (the log shows staff only)
    browser.click(&format!("#access-log-{mine}-show")).await;
    let log = browser
        .wait_for_text(&format!("#access-log-{mine}-table"), "publiceerde een versie van het plan")
        .await;
    let school_name = app.get_ok::<MeResponse>("/api/v1/me", &school).await.name;
    assert!(log.contains(&school_name) && log.contains("schoolmedewerker"), "{log}");
    assert!(log.contains("maakte het plan (OPP)"), "{log}");
    assert!(!log.contains("legde een antwoord vast"), "{log}");
    browser.click("#logout").await;

    // the school sees the consent on its dossier page
    log_in(&browser, &app, Role::School).await;
    browser.client.goto(&app.url(&format!("/dossiers/{}", a.id))).await.expect("open the dossier");
    let status = browser.wait_for_text(&format!("#opp-status-{mine}"), "toestemming gegeven").await;
    assert!(status.contains("Daan de Wit") && status.contains("Versie 1"), "{status}");
    assert!(browser.client.find(Locator::Css("#dossier-opps")).await.is_ok());
    browser.close().await;
}
