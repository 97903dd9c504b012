//! The seed routes in a real headless Chromium, each role at its own pages. Documents go in
//! through the API (the dossier page has no upload yet); everything else is clicked.

use std::str::FromStr;

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::ArrangementResponse;
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_tests::browser::Browser;
use arrangeer_tests::fixtures::{HOLLAND_RIJNLAND, UTRECHT_DOCUMENTS, evaluate_finally, upload_documents};
use arrangeer_tests::{TestApp, UTRECHT, demo_account, web_dir};
use chrono::NaiveDate;

async fn log_in(browser: &Browser, app: &TestApp, role: Role, partnership: &str) {
    let account = demo_account(role, partnership);
    browser.client.goto(&app.url("/inloggen")).await.expect("open the login page");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", &account.email).await;
    browser.fill("#password", DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;
}

async fn log_out(browser: &Browser) {
    browser.click("#logout").await;
    browser.wait_for_text("h1", "Inloggen").await;
}

async fn open_dossier(browser: &Browser, app: &TestApp, id: ArrangementId, title: &str) {
    browser.client.goto(&app.url(&format!("/dossiers/{id}"))).await.expect("open the dossier");
    browser.wait_for_text("h1", title).await;
}

/// Clicks an action button and waits until the dossier shows the new status.
async fn take(browser: &Browser, action: &str, status: &str) {
    browser.click(&format!("#action-{action}")).await;
    browser.wait_for_text("#action-result", status).await;
    browser.wait_for_text("#dossier-status", status).await;
}

/// Takes an action a rule warns about: the first click asks for the justification.
async fn take_justified(browser: &Browser, action: &str, why: &str, status: &str) {
    browser.click(&format!("#action-{action}")).await;
    browser.wait_for_text("#action-error", "").await;
    browser.fill("#action-justification", why).await;
    take(browser, action, status).await;
}

/// Answers every precondition the partnership asks "yes", as the school does once they hold
/// (unanswered ones count as not met at make-definitive).
async fn confirm_preconditions(browser: &Browser) {
    let selects =
        browser.client.find_all(fantoccini::Locator::Css("#preconditions select")).await.expect("selects");
    for select in selects {
        select.select_by_value("yes").await.expect("answer a precondition");
    }
}

async fn saved_dossier(browser: &Browser, title: &str) -> ArrangementId {
    confirm_preconditions(browser).await;
    browser.click("#dossier-save").await;
    browser.wait_for_text("h1", title).await;
    browser.wait_for_text("#dossier-status", "Concept").await;
    let url = browser.client.current_url().await.expect("url");
    url.path().rsplit('/').next().and_then(|s| ArrangementId::from_str(s).ok()).expect("dossier id in url")
}

async fn pupil(app: &TestApp, school: &str, first: &str, last: &str) -> PupilResponse {
    let request = CreatePupilRequest {
        first_name: first.into(),
        last_name: last.into(),
        date_of_birth: NaiveDate::from_ymd_opt(2017, 3, 14).expect("date"),
        group_name: "groep 4".into(),
    };
    app.post_ok("/api/v1/pupils", school, &request).await
}

fn assert_web_app_built() {
    assert!(
        web_dir().join("index.html").exists(),
        "the web app is not built at {}: run `cargo xtask build-web` (or `cargo xtask test`)",
        web_dir().display()
    );
}

#[tokio::test]
async fn holland_rijnland_integral_route_with_broad_meeting_and_actions_runs_in_the_browser() {
    assert_web_app_built();
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, HOLLAND_RIJNLAND).await;
    let mila = pupil(&app, &school, "Mila", "Dekker").await;
    let browser = Browser::start().await;

    // the school asks for a broad meeting, anonymised: a name is refused at its field
    log_in(&browser, &app, Role::School, HOLLAND_RIJNLAND).await;
    browser.click("#nav-consultations").await;
    browser.wait_for_text("h1", "Adviesvragen").await;
    browser.click("#new-consultation").await;
    browser.wait_for_text("h1", "Nieuwe adviesvraag").await;
    browser.choose("#consultation-kind", "broad_meeting").await;
    browser.choose("#consultation-arrangement-kind", "integral").await;
    browser.fill("#support-question", "Thuis en op school loopt het vast; wat is er nodig?").await;
    browser.fill("#pupil-hindering-0", "Mila verzuimt veel.").await;
    browser.click("#save-consultation").await;
    browser.wait_for_text("#pupil-hindering-0-error", "Noem geen naam").await;
    browser.set_value("#pupil-hindering-0", "Verzuimt veel; angst in de groep.").await;
    browser.click("#save-consultation").await;
    browser.wait_for_text("h1", "Adviesvraag").await;
    browser.wait_for_text("#consultation-kind", "Breed overleg").await;
    browser.wait_for_text("#consultation-pupils", "L1").await;
    let consultation_url = browser.client.current_url().await.expect("url").to_string();
    log_out(&browser).await;

    // the consultant triages and records the broad meeting with youth care
    log_in(&browser, &app, Role::Consultant, HOLLAND_RIJNLAND).await;
    browser.click("#nav-consultations").await;
    browser.wait_for_text("#consultation-list", "loopt het vast").await;
    browser.click("#consultation-list a").await;
    browser.wait_for_text("#not-triaged", "Nog niet beoordeeld").await;
    browser.click("#triage-sufficient").await;
    browser.click("#triage-youth-care").await;
    browser.fill("#triage-note", "Breed overleg met jeugdteam, JGZ en leerplicht.").await;
    browser.click("#save-triage").await;
    browser.wait_for_text("#triage-result", "opgeslagen").await;
    browser.wait_for_text("#triage-view", "jeugdteam").await;
    browser.set_value("#meeting-date", "2026-12-10").await;
    browser
        .fill(
            "#meeting-participants",
            "Ouders, ouders\nR. Smit, jeugdteam Leiden\nJ. Bakker, JGZ\nM. Kok, leerplicht",
        )
        .await;
    browser.fill("#meeting-minutes", "Behoeften in beeld; gedeelde doelen geformuleerd.").await;
    browser.fill("#meeting-agreements", "Regievoerder R. Smit; evaluatie over acht weken.").await;
    browser.click("#save-meeting").await;
    browser.wait_for_text("#meeting-result", "vastgelegd").await;
    browser.wait_for_text("#meeting-list", "R. Smit (jeugdteam Leiden)").await;
    browser.wait_for_text("#meeting-list", "leerplicht").await;
    log_out(&browser).await;

    // the school writes the integral proposal with its case director, and the actions
    log_in(&browser, &app, Role::School, HOLLAND_RIJNLAND).await;
    browser.click("#nav-dossiers").await;
    browser.click("#new-dossier").await;
    browser.wait_for_text("h1", "Nieuw dossier").await;
    browser.choose("#kind", "integral").await;
    browser.choose("#start-route", "internal_advice").await;
    browser.choose("#care-scope", "education_plus_care").await;
    browser.fill("#case-director", "R. Smit (jeugdteam Leiden)").await;
    browser.fill_proposal("Integraal arrangement").await;
    browser.click(&format!("#pupil-{}", mila.id)).await;
    let id = saved_dossier(&browser, "Integraal arrangement").await;
    browser.wait_for_text("#integral-heading", "Wie doet wat wanneer").await;
    browser.wait_for_text("#no-integral-actions", "nog geen acties").await;
    browser.fill("#integral-description", "Gezinscoach start thuisbegeleiding.").await;
    browser.fill("#integral-owner", "R. Smit").await;
    browser.fill("#integral-organisation", "jeugdteam Leiden").await;
    browser.set_value("#integral-due", "2027-01-08").await;
    browser.click("#add-integral-action").await;
    browser.wait_for_text("#integral-actions", "R. Smit (jeugdteam Leiden)").await;
    browser.wait_for_text("#integral-action-0 .integral-status", "open").await;

    // the dossier is linked to the consultation it came from
    browser.client.goto(&consultation_url).await.expect("back to the consultation");
    browser.wait_for_text("#meeting-list", "jeugdteam Leiden").await;
    // the school's dossiers load after the consultation: wait for this one to be offered
    browser.wait_for_text("#link-arrangement", "Integraal arrangement").await;
    browser.choose("#link-arrangement", &id.to_string()).await;
    browser.click("#link-dossier").await;
    browser.wait_for_text("#link-result", "gekoppeld").await;
    browser.click("#linked-dossiers a").await;
    browser.wait_for_text("h1", "Integraal arrangement").await;
    take(&browser, "submit", "Ingediend").await;
    log_out(&browser).await;

    // the consultant approves; the school adds the OPP and makes it definitive; the consultant grants
    log_in(&browser, &app, Role::Consultant, HOLLAND_RIJNLAND).await;
    open_dossier(&browser, &app, id, "Integraal arrangement").await;
    take(&browser, "approve", "Akkoord consulent").await;
    log_out(&browser).await;
    let approved: ArrangementResponse = app.get_ok(&format!("/api/v1/arrangements/{id}"), &school).await;
    upload_documents(&app, &school, &approved, &[]).await;
    log_in(&browser, &app, Role::School, HOLLAND_RIJNLAND).await;
    open_dossier(&browser, &app, id, "Integraal arrangement").await;
    take(&browser, "make-definitive", "Definitief").await;
    log_out(&browser).await;
    log_in(&browser, &app, Role::Consultant, HOLLAND_RIJNLAND).await;
    open_dossier(&browser, &app, id, "Integraal arrangement").await;
    take(&browser, "grant", "Toegekend").await;
    log_out(&browser).await;

    // the school starts, and marks the agreed action done
    log_in(&browser, &app, Role::School, HOLLAND_RIJNLAND).await;
    open_dossier(&browser, &app, id, "Integraal arrangement").await;
    take(&browser, "start", "In uitvoering").await;
    browser.click("#integral-done-0").await;
    browser.wait_for_text("#integral-action-0 .integral-status", "gereed").await;
    browser.close().await;
}

#[tokio::test]
async fn utrecht_cluster_of_three_and_individual_with_changes_requested_run_in_the_browser() {
    assert_web_app_built();
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let pupils = [
        pupil(&app, &school, "Daan", "Jansen").await,
        pupil(&app, &school, "Sara", "de Wit").await,
        pupil(&app, &school, "Milan", "Bos").await,
    ];
    let floor = pupil(&app, &school, "Floor", "Hendriks").await;
    let browser = Browser::start().await;
    let why = "Drie leerlingen met dezelfde leesachterstand; samen goedkoper.";

    // the cluster of three, direct start
    log_in(&browser, &app, Role::School, UTRECHT).await;
    browser.click("#nav-dossiers").await;
    browser.click("#new-dossier").await;
    browser.wait_for_text("h1", "Nieuw dossier").await;
    browser.choose("#kind", "cluster").await;
    browser.choose("#start-route", "direct_start").await;
    browser.fill_proposal("Leesgroep groep 4").await;
    for p in &pupils {
        browser.click(&format!("#pupil-{}", p.id)).await;
    }
    let cluster = saved_dossier(&browser, "Leesgroep groep 4").await;
    browser.wait_for_text("#dossier-pupils", "Milan Bos").await;
    take_justified(&browser, "submit", why, "Ingediend").await;

    // the individual one
    browser.click("#nav-dossiers").await;
    browser.click("#new-dossier").await;
    browser.wait_for_text("h1", "Nieuw dossier").await;
    browser.fill_proposal("Leesbegeleiding Floor").await;
    browser.click(&format!("#pupil-{}", floor.id)).await;
    let individual = saved_dossier(&browser, "Leesbegeleiding Floor").await;
    take(&browser, "submit", "Ingediend").await;
    log_out(&browser).await;

    // the consultant approves the cluster and asks for changes on the individual one
    log_in(&browser, &app, Role::Consultant, UTRECHT).await;
    open_dossier(&browser, &app, cluster, "Leesgroep groep 4").await;
    take(&browser, "approve", "Akkoord consulent").await;
    open_dossier(&browser, &app, individual, "Leesbegeleiding Floor").await;
    browser.fill("#action-comment", "Graag de doelen voor de leerkracht aanvullen.").await;
    take(&browser, "request-changes", "Wijzigingen gevraagd").await;
    log_out(&browser).await;

    // the school reworks and resubmits the individual one
    log_in(&browser, &app, Role::School, UTRECHT).await;
    open_dossier(&browser, &app, individual, "Leesbegeleiding Floor").await;
    browser.wait_for_text("#history", "doelen voor de leerkracht").await;
    browser.click("#edit-proposal").await;
    browser.fill("#goals-teacher", "De leerkracht differentieert de leesinstructie.").await;
    browser.click("#dossier-save").await;
    browser.wait_for_text("#save-result", "").await;
    take(&browser, "submit", "Ingediend").await;
    log_out(&browser).await;

    log_in(&browser, &app, Role::Consultant, UTRECHT).await;
    open_dossier(&browser, &app, individual, "Leesbegeleiding Floor").await;
    take(&browser, "approve", "Akkoord consulent").await;
    log_out(&browser).await;

    // documents through the API, then the cluster is made definitive, granted and started
    let approved: ArrangementResponse = app.get_ok(&format!("/api/v1/arrangements/{cluster}"), &school).await;
    upload_documents(&app, &school, &approved, UTRECHT_DOCUMENTS).await;
    log_in(&browser, &app, Role::School, UTRECHT).await;
    open_dossier(&browser, &app, cluster, "Leesgroep groep 4").await;
    take_justified(&browser, "make-definitive", why, "Definitief").await;
    log_out(&browser).await;
    log_in(&browser, &app, Role::Consultant, UTRECHT).await;
    open_dossier(&browser, &app, cluster, "Leesgroep groep 4").await;
    take_justified(&browser, "grant", "Passend en onderbouwd.", "Toegekend").await;
    log_out(&browser).await;
    log_in(&browser, &app, Role::School, UTRECHT).await;
    open_dossier(&browser, &app, cluster, "Leesgroep groep 4").await;
    take(&browser, "start", "In uitvoering").await;
    let running: ArrangementResponse = app.get_ok(&format!("/api/v1/arrangements/{cluster}"), &school).await;
    evaluate_finally(&app, &school, &consultant, &running).await;
    browser.client.refresh().await.expect("reload");
    take(&browser, "close", "Afgesloten").await;
    browser.close().await;
}
