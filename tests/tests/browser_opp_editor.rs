//! The school's OPP editor in a real headless Chromium: the school writes goals and the action
//! part, publishes version 1, edits and publishes version 2 and reads the difference; a stale
//! save is explained; the OOGO meeting and a goal evaluation are recorded. A consultant gets the
//! same page without a single control; a guardian invited from the dossier page follows the
//! link, sets a password and lands on their child; the used link then says so.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest, Proposal};
use arrangeer_shared::api::opps::{OppResponse, OppSummary, UpdateOppRequest};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_tests::browser::Browser;
use arrangeer_tests::fixtures::new_pupil;
use arrangeer_tests::{TestApp, UTRECHT, demo_account, web_dir};
use fantoccini::Locator;

async fn log_in(browser: &Browser, app: &TestApp, role: Role) {
    let account = demo_account(role, UTRECHT);
    browser.client.goto(&app.url("/inloggen")).await.expect("open the login page");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", &account.email).await;
    browser.fill("#password", DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;
}

async fn attribute(browser: &Browser, css: &str, name: &str) -> String {
    let element = browser.client.find(Locator::Css(css)).await.expect("element");
    element.attr(name).await.expect("attribute").unwrap_or_default()
}

async fn publish(browser: &Browser, number: i32) {
    browser.click("#opp-publish").await;
    let dialog = browser.wait_for_text("#opp-publish-dialog", "Deze versie publiceren?").await;
    assert!(dialog.contains(&format!("versie {number}")), "{dialog}");
    assert!(dialog.contains("opnieuw om toestemming gevraagd"), "{dialog}");
    browser.click("#opp-publish-confirm").await;
    browser.wait_for_text("#opp-published", &format!("Gepubliceerd als versie {number}")).await;
    browser.wait_for_text(&format!("#opp-version-{number}"), &format!("Versie {number}")).await;
}

#[tokio::test]
async fn school_edits_and_publishes_two_versions_consultant_reads_and_an_invited_parent_lands_on_their_child()
{
    assert!(web_dir().join("index.html").exists(), "the web app is not built: run `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Daan", "de Wit").await;
    let dossier = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Leesondersteuning Daan".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: Proposal::default(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &dossier).await;
    let browser = Browser::start().await;

    // from the dossier page to the pupil's (not yet existing) plan
    log_in(&browser, &app, Role::School).await;
    browser.client.goto(&app.url(&format!("/dossiers/{}", a.id))).await.expect("open the dossier");
    browser.wait_for_text(&format!("#opp-status-{pupil}"), "nog geen OPP").await;
    browser.click(&format!("#opp-open-{pupil}")).await;
    browser.wait_for_text("h1", "Ontwikkelingsperspectiefplan").await;
    browser.click("#opp-create").await;
    browser.wait_for_text("h1", "Daan de Wit").await;
    browser.wait_for_text("#opp-draft-state", "Concept").await;

    // the text parts, one goal and one row of the action part
    for (id, text) in [
        ("#opp-expected-exit-level", "vmbo-kader"),
        ("#opp-exit-level-reasoning", "Toetsresultaten groep 5 en 6."),
        ("#opp-stimulating-factors", "Gemotiveerd, goede band met de leerkracht."),
        ("#opp-hindering-factors", "Snel afgeleid in een drukke klas."),
        ("#opp-educational-needs", "Korte, herhaalde instructie."),
        ("#opp-pupil-voice", "Ik wil beter lezen."),
    ] {
        browser.fill(id, text).await;
    }
    browser.click("#opp-add-goal").await;
    browser.fill("#opp-goal-0-description", "Leest een tekst op AVI M5-niveau.").await;
    browser.fill("#opp-goal-0-criterion", "AVI-toets M5").await;
    browser.choose("#opp-goal-0-domain", "reading").await;
    // a goal without its date: the error is named at the top and tied to the field
    browser.click("#opp-save").await;
    browser.wait_for_text("#error-summary", "Kies een datum").await;
    assert_eq!(attribute(&browser, "#opp-goal-0-target-date", "aria-invalid").await, "true");
    let described = attribute(&browser, "#opp-goal-0-target-date", "aria-describedby").await;
    assert!(described.contains("opp-goal-0-target-date-error"), "{described}");
    browser.wait_for_text("#opp-goal-0-target-date-error", "Kies een datum").await;
    browser.set_value("#opp-goal-0-target-date", "2027-06-01").await;
    browser.click("#opp-add-action").await;
    browser.fill("#opp-action-0-support", "Leesgroepje buiten de klas").await;
    browser.fill("#opp-action-0-by-whom", "Remedial teacher").await;
    browser.fill("#opp-action-0-frequency", "2 x 30 minuten per week").await;
    browser.set_value("#opp-action-0-starts-on", "2027-01-04").await;
    browser.set_value("#opp-action-0-ends-on", "2027-06-25").await;
    browser.click("#opp-save").await;
    browser.wait_for_text("#opp-outcome", "Het concept is opgeslagen").await;
    publish(&browser, 1).await;
    browser.wait_for_text("#opp-diff-1", "Leesgroepje buiten de klas").await;
    browser.wait_for_text("#opp-consent-status-1", "toestemming gevraagd").await;

    // version 2: a sharper criterion and a second row of support; publishing saves first
    browser.set_value("#opp-goal-0-criterion", "AVI-toets M5 en DMT").await;
    browser.click("#opp-add-action").await;
    browser.fill("#opp-action-1-support", "Coaching van de leerkracht").await;
    browser.fill("#opp-action-1-by-whom", "Ambulant begeleider").await;
    browser.fill("#opp-action-1-frequency", "1 x per maand").await;
    browser.set_value("#opp-action-1-starts-on", "2027-01-04").await;
    browser.set_value("#opp-action-1-ends-on", "2027-03-26").await;
    browser.click("#opp-publish").await;
    browser.wait_for_text("#opp-publish-dialog", "eerst opgeslagen").await;
    browser.click("#opp-publish-cancel").await;
    publish(&browser, 2).await;
    let diff = browser.wait_for_text("#opp-diff-2", "AVI-toets M5 en DMT").await;
    assert!(diff.contains("gewijzigd") && diff.contains("AVI-toets M5"), "{diff}");
    assert!(diff.contains("toegevoegd") && diff.contains("Coaching van de leerkracht"), "{diff}");
    assert!(
        !diff.contains("verwijderd") && !diff.contains("Onderwijsbehoeften"),
        "only what changed: {diff}"
    );

    // someone else saves meanwhile: the next save is explained and the plan reloads
    let plans: Page<OppSummary> = app.get_ok(&format!("/api/v1/opps?pupilId={pupil}"), &school).await;
    let opp: OppResponse = app.get_ok(&format!("/api/v1/opps/{}", plans.items[0].id), &school).await;
    let mut content = opp.draft.clone().expect("draft");
    content.pupil_voice = "Ik wil beter lezen, en samen met mijn vriend.".into();
    let response = app
        .put(&format!("/api/v1/opps/{}", opp.id), &school, Some(opp.version), &UpdateOppRequest { content })
        .await;
    assert_eq!(response.status(), 200);
    browser.fill("#opp-educational-needs", " Met een time-timer.").await;
    browser.click("#opp-save").await;
    browser.wait_for_text("#opp-stale", "Iemand anders heeft dit plan intussen gewijzigd").await;
    browser.click("#opp-reload").await;
    browser.wait_for_text("#opp-draft-state", "wijzigingen die nog niet zijn gepubliceerd").await;
    let voice = browser.client.find(Locator::Css("#opp-pupil-voice")).await.expect("field");
    assert_eq!(
        voice.prop("value").await.expect("value").unwrap_or_default(),
        "Ik wil beter lezen, en samen met mijn vriend."
    );

    // the OOGO meeting and an evaluation of the goal
    browser.set_value("#opp-meeting-held-on", "2027-01-12").await;
    browser.fill("#opp-meeting-participants", "moeder\nintern begeleider").await;
    browser.fill("#opp-meeting-outcome", "Eens over het hele plan.").await;
    browser.click("#opp-meeting-submit").await;
    let meetings = browser.wait_for_text("#opp-meeting-list", "Eens over het hele plan.").await;
    assert!(meetings.contains("moeder, intern begeleider"), "{meetings}");
    browser.choose("#opp-eval-0-result", "partly_achieved").await;
    browser.set_value("#opp-eval-0-date", "2027-03-01").await;
    browser.fill("#opp-eval-0-note", "Leest M4 vlot, M5 nog niet.").await;
    browser.click("#opp-eval-0-with-parents").await;
    browser.click("#opp-eval-0-submit").await;
    let evaluation = browser.wait_for_text("#opp-eval-list-0", "deels bereikt").await;
    assert!(evaluation.contains("met de ouders besproken"), "{evaluation}");

    // invite a guardian from the dossier page; demo mode shows the link
    browser.client.goto(&app.url(&format!("/dossiers/{}", a.id))).await.expect("open the dossier");
    browser.wait_for_text(&format!("#opp-status-{pupil}"), "Versie 2").await;
    browser.click(&format!("#invite-{pupil}-details summary")).await;
    browser.fill(&format!("#invite-{pupil}-name"), "Mevrouw De Wit").await;
    browser.fill(&format!("#invite-{pupil}-email"), "m.dewit@example.org").await;
    browser.click(&format!("#invite-{pupil}-submit")).await;
    let link = browser.wait_for_text(&format!("#invite-{pupil}-link"), "/uitnodiging?token=").await;
    let token = link.split("token=").nth(1).expect("a token in the link").trim().to_owned();
    browser.click("#logout").await;

    // the consultant reads the same page, without any control
    log_in(&browser, &app, Role::Consultant).await;
    browser.client.goto(&app.url(&format!("/leerlingen/{pupil}/opp"))).await.expect("open the plan");
    browser.wait_for_text("#opp-read-only", "niet wijzigen").await;
    browser.wait_for_text("#opp-view", "Coaching van de leerkracht").await;
    browser.wait_for_text("#opp-diff-2", "AVI-toets M5 en DMT").await;
    browser.wait_for_text("#opp-meeting-list", "Eens over het hele plan.").await;
    browser.wait_for_text("#opp-eval-list-0", "deels bereikt").await;
    let controls = browser
        .client
        .find_all(Locator::Css(
            "#opp-page input, #opp-page textarea, #opp-page select, #opp-page button, #opp-page form",
        ))
        .await
        .expect("query");
    assert!(controls.is_empty(), "the consultant's view has {} controls", controls.len());
    browser.click("#logout").await;

    // the invited guardian follows the link, sets a password and sees their child
    let invitation = app.url(&format!("/uitnodiging?token={token}"));
    browser.client.goto(&invitation).await.expect("open the invitation");
    browser.wait_for_text("h1", "Uw account instellen").await;
    browser.fill("#invitation-password", "kort").await;
    browser.fill("#invitation-repeat", "kort").await;
    browser.click("#invitation-submit").await;
    browser.wait_for_text("#invitation-password-error", "minstens 10 tekens").await;
    browser.set_value("#invitation-password", "een-lang-wachtwoord").await;
    browser.set_value("#invitation-repeat", "een-lang-wachtwoord").await;
    browser.click("#invitation-submit").await;
    browser.wait_for_text("h1", "Het plan voor uw kind").await;
    let page = browser.wait_for_text("main", "Plan van Daan de Wit").await;
    assert!(page.contains("Coaching van de leerkracht") && page.contains("Versie 2"), "{page}");
    browser.click("#logout").await;

    // the link works once
    browser.client.goto(&invitation).await.expect("open the invitation again");
    browser.wait_for_text("h1", "Uw account instellen").await;
    browser.fill("#invitation-password", "nog-een-wachtwoord").await;
    browser.fill("#invitation-repeat", "nog-een-wachtwoord").await;
    browser.click("#invitation-submit").await;
    browser.wait_for_text("#invitation-problem", "Deze uitnodigingslink is al gebruikt").await;
    assert!(
        browser.client.find(Locator::Css("#invitation-form")).await.is_err(),
        "no form under a used link"
    );
    browser.close().await;
}

#[tokio::test]
async fn school_registers_a_short_term_joiner_with_its_action_plan_on_a_cluster() {
    assert!(web_dir().join("index.html").exists(), "the web app is not built: run `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupils =
        vec![new_pupil(&app, &school, "Ada", "Kok").await, new_pupil(&app, &school, "Bas", "Kok").await];
    let joiner = new_pupil(&app, &school, "Cas", "Smit").await;
    let cluster = CreateArrangementRequest {
        kind: ArrangementKind::Cluster,
        title: "Leesgroep groep 5".into(),
        pupil_ids: pupils.clone(),
        start_route: StartRoute::QuoteFirst,
        care_scope: CareScope::EducationOnly,
        proposal: arrangeer_tests::fixtures::proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &cluster).await;
    let files = tempfile::tempdir().expect("directory for the upload");
    let plan = files.path().join("handelingsplan-cas.pdf");
    std::fs::write(&plan, arrangeer_tests::TINY_PDF).expect("write the action plan");

    let browser = Browser::start().await;
    log_in(&browser, &app, Role::School).await;
    browser.client.goto(&app.url(&format!("/dossiers/{}", a.id))).await.expect("open the dossier");
    browser.wait_for_text("#short-term-joiners", "Geen kortdurende instroom").await;
    // the arrangement's own pupils are not offered
    let options = browser.wait_for_text("#joiner-pupil", "Cas Smit").await;
    assert!(!options.contains("Ada Kok") && !options.contains("Bas Kok"), "{options}");

    browser.choose("#joiner-pupil", &joiner.to_string()).await;
    browser.fill("#joiner-offer-part", "Leesgroep op dinsdag").await;
    browser.set_value("#joiner-starts-on", "2027-01-11").await;
    browser.set_value("#joiner-ends-on", "2027-03-26").await;
    // no action plan and the parents not informed: both are named at their fields
    browser.click("#joiner-submit").await;
    browser.wait_for_text("#joiner-action-plan-error", "Voeg het handelingsplan toe").await;
    browser.wait_for_text("#joiner-parents-informed-error", "Informeer eerst de ouders").await;
    assert_eq!(attribute(&browser, "#joiner-action-plan", "aria-invalid").await, "true");
    let described = attribute(&browser, "#joiner-parents-informed", "aria-describedby").await;
    assert!(described.contains("joiner-parents-informed-error"), "{described}");

    let file = browser.client.find(Locator::Css("#joiner-action-plan")).await.expect("file field");
    file.send_keys(&plan.display().to_string()).await.expect("choose the file");
    browser.click("#joiner-parents-informed").await;
    browser.click("#joiner-submit").await;
    browser.wait_for_text("#joiner-added", "toegevoegd als kortdurende instroom").await;
    let row = browser.wait_for_text(&format!("#joiner-{joiner}"), "Cas Smit").await;
    assert!(row.contains("Leesgroep op dinsdag") && row.contains("handelingsplan-cas.pdf"), "{row}");
    assert!(row.contains("ouders geïnformeerd"), "{row}");
    // what the browser did is what the API holds
    let stored: Vec<arrangeer_shared::api::short_term_joiners::ShortTermJoinerResponse> =
        app.get_ok(&format!("/api/v1/arrangements/{}/short-term-joiners", a.id), &school).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].pupil.id, joiner);
    browser.close().await;
}
