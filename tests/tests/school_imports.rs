//! The DUO school import (`POST /school-imports` and `arrangeer import-schools`): boards and
//! schools by number and BRIN code, the caller's partnership only, idempotent, all or nothing.

use arrangeer_shared::Role;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::school_imports::{ImportCounts, SchoolImportReport};
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT};

const FIXTURE: &str = include_str!("../fixtures/duo/scholen-per-swv-po.csv");

async fn import(app: &TestApp, token: &str, csv: &str, content_type: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/school-imports"))
        .bearer_auth(token)
        .header("Content-Type", content_type)
        .body(csv.to_owned())
        .send()
        .await
        .expect("import request")
}

async fn import_ok(app: &TestApp, token: &str, csv: &str) -> SchoolImportReport {
    let response = import(app, token, csv, "text/csv; charset=utf-8").await;
    let status = response.status();
    let body = response.text().await.expect("body");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("report")
}

async fn schools(app: &TestApp, token: &str) -> Vec<SchoolResponse> {
    let page: Page<SchoolResponse> = app.get_ok("/api/v1/schools?limit=200", token).await;
    page.items
}

fn counts(created: u32, updated: u32, unchanged: u32) -> ImportCounts {
    ImportCounts { created, updated, unchanged }
}

#[tokio::test]
async fn importing_the_fixture_twice_changes_nothing_the_second_time_and_a_new_name_updates() {
    let app = TestApp::spawn().await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let first = import_ok(&app, &admin, FIXTURE).await;
    assert_eq!((first.swv_code.as_str(), first.rows, first.other_partnerships), ("PO 90-01", 9, 2));
    assert_eq!(first.boards, counts(1, 0, 2), "board 41003 is new; the demo boards are as they were");
    assert_eq!(first.schools, counts(3, 0, 4));
    let after_first = schools(&app, &admin).await;
    assert_eq!(after_first.len(), 7);
    let zuilen = after_first.iter().find(|s| s.brin_code == "90AE").expect("90AE created");
    assert_eq!(
        (zuilen.name.as_str(), zuilen.school_board_name.as_str()),
        ("OBS De Zuilen", "Stichting Openbaar Onderwijs Utrecht")
    );

    let second = import_ok(&app, &admin, FIXTURE).await;
    assert_eq!((second.boards, second.schools), (counts(0, 0, 3), counts(0, 0, 7)), "nothing changes");
    let after_second = schools(&app, &admin).await;
    assert_eq!(
        after_second.iter().map(|s| (s.id, s.version, s.updated_at)).collect::<Vec<_>>(),
        after_first.iter().map(|s| (s.id, s.version, s.updated_at)).collect::<Vec<_>>(),
        "not even a version or a timestamp moved"
    );

    let renamed = FIXTURE.replace(";OBS Overvecht;", ";OBS Overvecht-Noord;");
    let third = import_ok(&app, &admin, &renamed).await;
    assert_eq!(third.schools, counts(0, 1, 6));
    let school = schools(&app, &admin).await.into_iter().find(|s| s.brin_code == "90AF").expect("90AF");
    assert_eq!((school.name.as_str(), school.version), ("OBS Overvecht-Noord", 2));

    // the other partnership takes its own rows only, and Utrecht's schools stay Utrecht's
    let liemers = app.token(Role::SwvAdmin, LIEMERS).await;
    let theirs = import_ok(&app, &liemers, FIXTURE).await;
    assert_eq!(
        (theirs.swv_code.as_str(), theirs.schools, theirs.other_partnerships),
        ("PO 90-02", counts(1, 0, 1), 7)
    );
    assert_eq!(schools(&app, &liemers).await.len(), 3);
    assert_eq!(schools(&app, &admin).await.len(), 7);

    // each import through the API is in its partnership's audit log (the CLI has no user)
    let utrecht = app.audit_events(&admin, "school_import").await;
    assert_eq!(utrecht.len(), 3);
    assert!(utrecht.iter().all(|e| e.action == arrangeer_shared::api::audit::AuditAction::Import));
    assert_eq!(app.audit_events(&liemers, "school_import").await.len(), 1);
}

#[tokio::test]
async fn bad_rows_are_422_naming_line_and_column_and_nothing_is_applied() {
    let app = TestApp::spawn().await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let header = FIXTURE.lines().next().expect("header");
    let csv = format!(
        "{header}\n\
         PO 90-01;SWV Utrecht PO;41001;Stichting Stadsscholen Utrecht;90AH;Nieuwe school;BO;;;;;\n\
         PO 90-01;SWV Utrecht PO;41001;Stichting Stadsscholen Utrecht;9XAH;Foute BRIN;BO;;;;;\n\
         PO 90-01;SWV Utrecht PO;123;Stichting Stadsscholen Utrecht;90AJ;Fout bestuur;BO;;;;;\n"
    );
    let response = import(&app, &admin, &csv, "text/csv").await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["line 3, BRIN NUMMER", "line 4, BEVOEGD GEZAG NUMMER"]);
    assert!(
        !schools(&app, &admin).await.iter().any(|s| s.brin_code == "90AH"),
        "the good row was not applied"
    );

    let no_column =
        import(&app, &admin, "SAMENWERKINGSVERBAND;BRIN NUMMER\nPO 90-01;90AA\n", "text/csv").await;
    assert_eq!(no_column.status(), 422);
    let problem: Problem = no_column.json().await.expect("problem");
    assert!(problem.errors.iter().any(|e| e.field == "line 1, INSTELLINGSNAAM"), "{:?}", problem.errors);

    assert_eq!(import(&app, &admin, FIXTURE, "application/json").await.status(), 415);
    let huge = "x".repeat(4 * 1024 * 1024 + 1);
    assert_eq!(import(&app, &admin, &huge, "text/csv").await.status(), 413);
    for role in [Role::School, Role::Consultant, Role::Executor, Role::Parent] {
        let token = app.token(role, UTRECHT).await;
        assert_eq!(import(&app, &token, FIXTURE, "text/csv").await.status(), 403, "{role}");
    }
}

#[tokio::test]
async fn the_command_line_import_does_the_same_for_a_named_partnership() {
    let app = TestApp::spawn().await;
    let db = app.db.clone();
    let run = move |code: &'static str, swv: Option<&'static str>| {
        let db = db.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                arrangeer_api::services::school_imports::import_cli(&db, code, swv, FIXTURE.as_bytes())
            })
            .await
            .expect("task")
        }
    };
    let first = run("utrecht-po", None).await.expect("imports");
    assert_eq!(first.schools, counts(3, 0, 4));
    let again = run("utrecht-po", Some("PO90-01")).await.expect("same code, other spelling");
    assert_eq!(again.schools, counts(0, 0, 7));
    assert!(run("utrecht-po", Some("PO 26-01")).await.is_err(), "another DUO code is refused");
    assert!(run("no-such-partnership", None).await.is_err());
}
