//! Exports: arrangements, payments and statistics as CSV and Excel parse back and hold the
//! seeded rows, text that would run as a formula is defused, every export is in the export
//! log, and only the roles that see the figures get the files.

use std::io::Cursor;

use arrangeer_api::db::statistics_facts::export_events;
use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest, Proposal};
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::Action;
use arrangeer_tests::fixtures::{UTRECHT_DOCUMENTS, act_justified, new_pupil, proposal, upload_documents};
use arrangeer_tests::{TestApp, UTRECHT};
use calamine::{Data, DataType, Reader, Xlsx};
use chrono::{Datelike, NaiveDate};

const WHY: &str = "Afgestemd met de consulent; passend bij de onderwijsbehoefte.";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klik\")";

async fn draft(app: &TestApp, school: &str, title: &str, p: Proposal) -> ArrangementResponse {
    let pupil = new_pupil(app, school, "Noor", "Visser").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: title.into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    app.post_ok("/api/v1/arrangements", school, &request).await
}

async fn file(app: &TestApp, token: &str, path: &str) -> (String, Vec<u8>) {
    let response = app.get(path, token).await;
    assert_eq!(response.status(), 200, "{path}");
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let disposition =
        response.headers().get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(disposition.starts_with("attachment; filename="), "{disposition}");
    (content_type, response.bytes().await.expect("body").to_vec())
}

fn csv_rows(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().expect("header row").clone();
    (header, reader.records().collect::<Result<_, _>>().expect("CSV rows"))
}

fn xlsx_rows(bytes: Vec<u8>, sheet: &str) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx workbook");
    let range = workbook.worksheet_range(sheet).expect("the sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

async fn export_log(app: &TestApp, token: &str) -> Vec<arrangeer_api::db::statistics_facts::ExportEventRow> {
    let me: MeResponse = app.get_ok("/api/v1/me", token).await;
    let partnership = me.partnership.id.to_string();
    app.db
        .run_blocking(move |conn| {
            export_events(conn, &partnership, 100).map_err(arrangeer_api::db::DbError::from)
        })
        .expect("export log")
}

#[tokio::test]
async fn arrangement_exports_parse_back_with_the_rows_in_scope_and_defused_formulas() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let plain = draft(&app, &school, "Rekenen groep 5", proposal()).await;
    let risky = draft(&app, &school, FORMULA, proposal()).await;

    let (content_type, body) = file(&app, &admin, "/api/v1/exports/arrangements?format=csv").await;
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let (header, rows) = csv_rows(&body);
    assert_eq!((&header[0], &header[1], &header[9]), ("id", "title", "expectedCostCents"));
    assert_eq!(rows.len(), 2);
    let row = |id: String| rows.iter().find(|r| r[0] == *id).expect("the dossier's row").clone();
    assert_eq!(&row(plain.id.to_string())[1], "Rekenen groep 5");
    // 150 min × €80 × 20 weeks / 60 = €4,000
    assert_eq!(&row(plain.id.to_string())[9], "400000");
    assert_eq!(&row(risky.id.to_string())[1], format!("'{FORMULA}"), "a formula becomes text");

    let (content_type, body) =
        file(&app, &school, "/api/v1/exports/arrangements?format=xlsx&status=draft&kind=individual").await;
    assert_eq!(content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let sheet = xlsx_rows(body, "dossiers");
    assert_eq!(sheet.len(), 3, "a header row and the school's two dossiers");
    assert_eq!(sheet[0][0], Data::String("id".into()));
    let titles: Vec<String> = sheet[1..].iter().map(|r| r[1].to_string()).collect();
    assert!(titles.contains(&format!("'{FORMULA}")), "{titles:?}");
    let cost = sheet[1..].iter().map(|r| r[9].clone()).next().expect("a cost");
    assert_eq!(cost, Data::Float(400_000.0));

    // a filter that matches nothing: a header only
    let (_, body) = file(&app, &admin, "/api/v1/exports/arrangements?format=csv&status=granted").await;
    assert_eq!(csv_rows(&body).1.len(), 0);

    let log = export_log(&app, &admin).await;
    assert_eq!(log.len(), 3);
    let by_school = log.iter().find(|e| e.format == "xlsx").expect("the Excel export");
    assert_eq!(
        (by_school.export.as_str(), by_school.actor_role.as_str(), by_school.row_count),
        ("arrangements", "school", 2)
    );
    let filters: serde_json::Value = serde_json::from_str(&by_school.filters).expect("filters as JSON");
    assert_eq!((filters["status"].as_str(), filters["kind"].as_str()), (Some("draft"), Some("individual")));

    for role in [Role::Executor, Role::Parent] {
        let token = app.token(role, UTRECHT).await;
        let response = app.get("/api/v1/exports/arrangements?format=csv", &token).await;
        assert_eq!(response.status(), 403, "{role:?}");
    }
    assert_eq!(app.get("/api/v1/exports/arrangements?format=pdf", &admin).await.status(), 400);
    assert_eq!(export_log(&app, &admin).await.len(), 3, "refused exports are not logged");
}

#[tokio::test]
async fn payment_and_statistics_exports_hold_the_figures_and_are_logged() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    // €1,440 from December to February: €480 in 2026
    let winter = Proposal {
        direct_minutes_per_week: Some(120),
        indirect_minutes_per_week: Some(0),
        weeks: Some(12),
        hourly_rate_cents: Some(60_00),
        start_date: NaiveDate::from_ymd_opt(2026, 12, 1),
        end_date: NaiveDate::from_ymd_opt(2027, 2, 28),
        ..proposal()
    };
    let a = draft(&app, &school, "Rekenen groep 5", winter).await;
    let a = act_justified(&app, &school, &a, Action::Submit, WHY).await;
    let a = act_justified(&app, &consultant, &a, Action::Approve, WHY).await;
    upload_documents(&app, &school, &a, UTRECHT_DOCUMENTS).await;
    let a = act_justified(&app, &school, &a, Action::MakeDefinitive, WHY).await;
    act_justified(&app, &admin, &a, Action::Grant, WHY).await;

    let (_, body) = file(&app, &admin, "/api/v1/exports/payments?format=xlsx&year=2026").await;
    let sheet = xlsx_rows(body, "betalingen");
    assert_eq!(sheet[0][4], Data::String("grantedCents".into()));
    let granted: f64 = sheet[1..].iter().filter_map(|r| r[4].get_float()).sum();
    assert_eq!(granted, 480_00.0);
    // the payments page's own CSV (Accept) and Excel are exports too
    let response = app
        .client
        .get(app.url("/api/v1/payments?year=2027"))
        .bearer_auth(&admin)
        .header("accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send()
        .await
        .expect("xlsx request");
    assert_eq!(response.status(), 200);
    let sheet = xlsx_rows(response.bytes().await.expect("body").to_vec(), "betalingen");
    let granted: f64 = sheet[1..].iter().filter_map(|r| r[4].get_float()).sum();
    assert_eq!(granted, 960_00.0);
    assert_eq!(app.get("/api/v1/exports/payments?format=csv&year=2026", &school).await.status(), 403);

    let year = chrono::Utc::now().year();
    let (_, body) =
        file(&app, &consultant, &format!("/api/v1/exports/statistics?format=csv&year={year}")).await;
    let (header, rows) = csv_rows(&body);
    assert_eq!(&header[0], "section");
    let figure = |section: &str, key: &str, name: &str| {
        rows.iter().find(|r| &r[0] == section && &r[1] == key && &r[2] == name).map(|r| r[3].to_string())
    };
    assert_eq!(figure("arrangements", &year.to_string(), ""), Some("1".into()));
    assert_eq!(figure("status", "granted", ""), Some("1".into()));
    assert_eq!(figure("money", "2027", "grantedCents"), Some("96000".into()));

    let log = export_log(&app, &admin).await;
    let kinds: Vec<(&str, &str, &str)> =
        log.iter().map(|e| (e.export.as_str(), e.format.as_str(), e.actor_role.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            ("statistics", "csv", "consultant"),
            ("payments", "xlsx", "swv_admin"),
            ("payments", "xlsx", "swv_admin")
        ]
    );
    assert!(log.iter().all(|e| e.row_count > 0));
    // the audit log names each export by its line in the export log, newest first
    let audited = app.audit_events(&admin, "export").await;
    assert_eq!(
        audited.iter().map(|e| (e.object_id.as_str(), e.actor_role.as_str())).collect::<Vec<_>>(),
        log.iter().map(|e| (e.id.as_str(), e.actor_role.as_str())).collect::<Vec<_>>()
    );
}
