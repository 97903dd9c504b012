//! The research-report clock on a real dossier: a report of the application must be replaced
//! by the day it turns two years old; the school sees it until the decision.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_tests::fixtures::{new_pupil, proposal};
use arrangeer_tests::{TINY_PDF, TestApp, UTRECHT};
use chrono::{Months, Utc};

async fn upload_report(app: &TestApp, token: &str, a: &ArrangementResponse, dated: chrono::NaiveDate) {
    let form = reqwest::multipart::Form::new()
        .text("kind", "research_report")
        .text("documentDate", dated.to_string())
        .part("file", reqwest::multipart::Part::bytes(TINY_PDF.to_vec()).file_name("onderzoek.pdf"));
    let response = app
        .client
        .post(app.url(&format!("/api/v1/arrangements/{}/attachments", a.id)))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("upload request");
    assert_eq!(response.status(), 201, "research report upload");
}

fn research_reports(list: &[DeadlineResponse]) -> Vec<(chrono::NaiveDate, bool, Role)> {
    list.iter()
        .filter(|d| d.kind == DeadlineKind::ResearchReport)
        .map(|d| (d.due_date, d.overdue, d.actor_role))
        .collect()
}

#[tokio::test]
async fn list_deadlines_with_an_ageing_research_report_shows_its_replacement_date_to_the_school() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Fenna", "Smit").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Taal groep 7".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::InternalAdvice,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let none: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert!(research_reports(&none).is_empty(), "{none:?}");

    let today = Utc::now().date_naive();
    let recent = today - Months::new(20);
    let old = today - Months::new(25);
    upload_report(&app, &school, &a, recent).await;
    let list: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert_eq!(research_reports(&list), vec![(recent + Months::new(24), false, Role::School)]);

    // the oldest report counts, and past two years it is overdue
    upload_report(&app, &school, &a, old).await;
    let list: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert_eq!(research_reports(&list), vec![(old + Months::new(24), true, Role::School)]);
    assert!(list.iter().any(|d| d.kind == DeadlineKind::ResearchReport && d.mine));
}
