//! Deadlines computed from what happened and the partnership's rules, seen by the people who
//! must act and by those who oversee them.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::api::deadlines::{DeadlineResponse, FeedTokenResponse};
use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::Action;
use arrangeer_tests::fixtures::{
    UTRECHT_DOCUMENTS, act, act_justified, new_pupil, proposal, upload_documents,
};
use arrangeer_tests::{LIEMERS, TINY_PDF, TestApp, UTRECHT};
use icalendar::Component;

fn kinds(list: &[DeadlineResponse]) -> Vec<(DeadlineKind, bool)> {
    list.iter().map(|d| (d.kind, d.mine)).collect()
}

#[tokio::test]
async fn a_granted_utrecht_cluster_owes_its_opps_and_everyone_involved_sees_it() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let pupils =
        vec![new_pupil(&app, &school, "Ada", "Kok").await, new_pupil(&app, &school, "Bas", "Kok").await];
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Cluster,
        title: "Rekengroep".into(),
        pupil_ids: pupils,
        start_route: StartRoute::QuoteFirst,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let why = "Twee leerlingen, één aanpak.";
    let a = act_justified(&app, &school, &a, Action::Submit, why).await;
    let a = act(&app, &consultant, &a, Action::Approve, None).await;
    upload_documents(&app, &school, &a, UTRECHT_DOCUMENTS).await;
    let a = act_justified(&app, &school, &a, Action::MakeDefinitive, why).await;

    // definitive: the consultant decides for a Utrecht cluster, within 6 weeks, at most 10
    let for_consultant: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &consultant).await;
    assert_eq!(
        kinds(&for_consultant),
        vec![(DeadlineKind::Decision, true), (DeadlineKind::DecisionEscalation, true)]
    );
    let today = chrono::Utc::now().date_naive();
    assert_eq!(for_consultant[0].due_date, today + chrono::Duration::weeks(6));
    assert!(!for_consultant[0].overdue);

    let a = act_justified(&app, &consultant, &a, Action::Grant, why).await;
    let for_school: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert_eq!(kinds(&for_school), vec![(DeadlineKind::Opps, true)]);
    assert_eq!(for_school[0].due_date, today + chrono::Duration::weeks(6));
    let for_consultant: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &consultant).await;
    assert_eq!(
        kinds(&for_consultant),
        vec![(DeadlineKind::Opps, false)],
        "the consultant oversees the school's clock"
    );
    let elsewhere: Vec<DeadlineResponse> =
        app.get_ok("/api/v1/deadlines", &app.token(Role::School, LIEMERS).await).await;
    assert!(elsewhere.is_empty());
    let parent = app.token(Role::Parent, UTRECHT).await;
    assert_eq!(app.get("/api/v1/deadlines", &parent).await.status(), 403);

    // the same deadline in the school's calendar app: no bearer token, no pupil names
    let feed: FeedTokenResponse =
        app.post_ok("/api/v1/deadlines/feed-token", &school, &serde_json::json!({})).await;
    let ics = app.client.get(app.url(&feed.path)).send().await.expect("feed");
    assert_eq!(ics.status(), 200);
    assert!(
        ics.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .starts_with("text/calendar")
    );
    let text = ics.text().await.expect("ics");
    let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar document");
    let events: Vec<_> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 1, "{text}");
    let summary = events[0].get_summary().unwrap_or_default();
    assert!(summary.contains("OPP's vaststellen"), "{summary}");
    let due = for_school[0].due_date;
    assert_eq!(events[0].get_start(), Some(icalendar::DatePerhapsTime::Date(due)));
    for secret in ["Ada", "Bas", "Kok", "Rekengroep"] {
        assert!(!text.contains(secret), "the feed must not name pupils or titles: {secret}");
    }
    // a new token revokes the old; revoking ends the feed
    let newer: FeedTokenResponse =
        app.post_ok("/api/v1/deadlines/feed-token", &school, &serde_json::json!({})).await;
    assert_eq!(app.client.get(app.url(&feed.path)).send().await.expect("feed").status(), 404);
    let revoked = app
        .client
        .delete(app.url("/api/v1/deadlines/feed-token"))
        .bearer_auth(&school)
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoked.status(), 204);
    assert_eq!(app.client.get(app.url(&newer.path)).send().await.expect("feed").status(), 404);

    // an uploaded OPP document no longer stops the clock: a published plan with the
    // guardians' consent does (tests/tests/opps.rs)
    for pupil in &a.pupils {
        let id = a.id.to_string();
        let response =
            app.upload(&school, &id, "opp", Some(&pupil.id.to_string()), "opp.pdf", TINY_PDF.to_vec()).await;
        assert_eq!(response.status(), 201);
    }
    let for_school: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert_eq!(kinds(&for_school), vec![(DeadlineKind::Opps, true)]);
}
