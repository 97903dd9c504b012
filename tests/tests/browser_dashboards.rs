//! The start page of each of the five roles in a real headless Chromium, checked against the
//! seeded Utrecht dossiers (`arrangeer_tests::seed`): each role sees what needs it now.

use arrangeer_shared::Role;
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::payments::PaymentsResponse;
use arrangeer_shared::dates::format_nl;
use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::money::Cents;
use arrangeer_tests::browser::{Browser, log_in_as};
use arrangeer_tests::seed::seed_dossiers;
use arrangeer_tests::{TestApp, UTRECHT, web_dir};
use chrono::Datelike;

async fn text_of(browser: &Browser, css: &str) -> String {
    let element = browser.client.wait().for_element(fantoccini::Locator::Css(css)).await.expect("element");
    element.text().await.expect("text")
}

#[tokio::test]
async fn each_role_sees_on_its_start_page_what_needs_it_in_the_seeded_dossiers() {
    assert!(web_dir().join("index.html").exists(), "build the web app first: `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let seeded = seed_dossiers(&app).await;
    let browser = Browser::start().await;

    // the school: what waits for it, its dossiers by status, consent still open
    log_in_as(&browser, &app, Role::School, UTRECHT).await;
    browser.wait_for_text("#dashboard-school", "Mijn dossiers per status").await;
    browser.wait_for_text("#status-group-draft", "Concept (1)").await;
    browser.wait_for_text("#status-group-draft", "Leesbegeleiding Daan").await;
    browser.wait_for_text("#status-group-submitted", "Rekenen Sara").await;
    browser.wait_for_text("#status-group-definitive", "Taal Liam").await;
    browser.wait_for_text("#status-group-in_execution", "Gedrag Noor").await;
    let todo = text_of(&browser, "#todo-list").await;
    assert!(todo.contains("Leesbegeleiding Daan") && todo.contains("indienen"), "{todo}");
    assert!(!todo.contains("Rekenen Sara"), "a submitted dossier waits for the consultant: {todo}");
    assert!(!todo.contains("Taal Liam"), "a definitive dossier waits for the decision: {todo}");
    browser.wait_for_text("#consent-pending-list", "Daan Jansen").await;
    browser.wait_for_text("#consent-pending-list", "wacht op de reactie van de ouders").await;
    browser.wait_for_text("main", "Basisschool De Regenboog").await;

    // the consultant: the submitted dossier to review, the caseload, the evaluation to attend
    log_in_as(&browser, &app, Role::Consultant, UTRECHT).await;
    browser.wait_for_text("#review-queue-list", "Rekenen Sara").await;
    let queue = text_of(&browser, "#review-queue-list").await;
    assert!(!queue.contains("Taal Liam"), "the SWV office decides an individual Utrecht dossier: {queue}");
    let caseload = browser.wait_for_text("#caseload-table", "Basisschool De Regenboog").await;
    let school: MeResponse = app.get_ok("/api/v1/me", &app.token(Role::School, UTRECHT).await).await;
    let row = text_of(&browser, &format!("#caseload-{}", school.school.expect("school").id)).await;
    let counts: Vec<&str> = row.split_whitespace().rev().take(2).collect();
    assert_eq!(counts, vec!["4", "4"], "four open dossiers of four: {row}");
    assert!(!caseload.contains("CBS Het Kompas"), "the last school is not in the caseload: {caseload}");
    let evaluations = browser.wait_for_text("#evaluations-to-attend-list", "Gedrag Noor").await;
    assert!(evaluations.contains(&format_nl(seeded.evaluation_on)), "{evaluations}");
    assert!(evaluations.contains("eindevaluatie"), "{evaluations}");

    // the executor: only the dossiers it was chosen for; a quote to write, a report due
    log_in_as(&browser, &app, Role::Executor, UTRECHT).await;
    browser.wait_for_text("#quotes-to-write-list", "Leesbegeleiding Daan").await;
    browser.wait_for_text("#reports-due-list", "Gedrag Noor").await;
    browser.wait_for_text("#reports-due-list", "nog geen verslag").await;
    let assignments = text_of(&browser, "#assignments").await;
    assert!(!assignments.contains("Rekenen Sara"), "internal dossiers are not the executor's: {assignments}");

    // the SWV office: the decision to take with its deadline, the money of this year
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let deadlines: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &admin).await;
    let decision = deadlines
        .iter()
        .find(|d| d.arrangement_id == seeded.definitive.id && d.kind == DeadlineKind::Decision)
        .expect("a decision deadline");
    let year = chrono::Utc::now().year();
    let payments: PaymentsResponse = app.get_ok(&format!("/api/v1/payments?year={year}"), &admin).await;
    assert!(payments.total.granted_cents > 0, "the running dossier brings money this year");
    log_in_as(&browser, &app, Role::SwvAdmin, UTRECHT).await;
    let decisions = browser.wait_for_text("#decisions-list", "Taal Liam").await;
    assert!(decisions.contains(&format_nl(decision.due_date)), "{decisions}");
    assert!(!decisions.contains("Rekenen Sara"), "{decisions}");
    browser.wait_for_text("#money-this-year-heading", &year.to_string()).await;
    browser.wait_for_text("#money-granted", &Cents(payments.total.granted_cents).format_nl()).await;
    browser.wait_for_text("#money-total", &Cents(payments.total.total_cents).format_nl()).await;
    browser.wait_for_text("#overdue", "Er is geen termijn verstreken.").await;
    assert!(
        browser.client.find(fantoccini::Locator::Css("#dashboard-charts")).await.is_ok(),
        "the charts slot"
    );

    // the parent: Daan's plan, and the answer that is asked
    log_in_as(&browser, &app, Role::Parent, UTRECHT).await;
    browser.wait_for_text("#asked-of-me-list", "Daan Jansen").await;
    let plan = browser.wait_for_text("#my-child-list", "Daan Jansen").await;
    assert!(plan.contains("versie 1") && plan.contains("u hebt nog niet gereageerd"), "{plan}");
    browser.click(&format!("#answer-{}", seeded.opp)).await;
    browser.wait_for_text("h1", "plan").await;
    assert!(browser.client.current_url().await.expect("url").path().ends_with("/mijn-kind"));
    browser.close().await;
}

#[tokio::test]
async fn the_dossier_timeline_names_who_acts_next_and_by_when() {
    assert!(web_dir().join("index.html").exists(), "build the web app first: `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let seeded = seed_dossiers(&app).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let deadlines: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &admin).await;
    let decision = deadlines
        .iter()
        .find(|d| d.arrangement_id == seeded.definitive.id && d.kind == DeadlineKind::Decision)
        .expect("a decision deadline");
    let browser = Browser::start().await;
    log_in_as(&browser, &app, Role::School, UTRECHT).await;

    // submitted: the consultant reviews; no clock runs yet
    browser.client.goto(&app.url(&format!("/dossiers/{}", seeded.submitted.id))).await.expect("open");
    browser.wait_for_text("#timeline [aria-current='step']", "Ingediend").await;
    browser.wait_for_text("#timeline-what", "Het voorstel beoordelen").await;
    browser.wait_for_text("#timeline-actor", "consulent").await;

    // definitive: the SWV office decides, by the date the rules give (a deep link, then a reload)
    browser.client.goto(&app.url(&format!("/dossiers/{}", seeded.definitive.id))).await.expect("open");
    browser.wait_for_text("#timeline [aria-current='step']", "Definitief").await;
    browser.wait_for_text("#timeline-actor", "medewerker samenwerkingsverband").await;
    browser.wait_for_text("#timeline-due", &format_nl(decision.due_date)).await;
    browser.client.refresh().await.expect("reload");
    browser.wait_for_text("#timeline-due", &format_nl(decision.due_date)).await;
    browser.wait_for_text("#timeline-due", "Besluit nemen").await;

    // the same component for a running dossier of the same route
    browser.client.goto(&app.url(&format!("/dossiers/{}", seeded.running.id))).await.expect("open");
    browser.wait_for_text("#timeline [aria-current='step']", "Uitvoering").await;
    browser.wait_for_text("#timeline-actor", "schoolmedewerker").await;
    browser.close().await;
}
