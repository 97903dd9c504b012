//! A reduction without termination (fewer hours from a date) and the settlement it causes.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::ArrangementEvent;
use arrangeer_shared::api::costs::CostsResponse;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::reductions::{CreateReductionRequest, ReductionResponse};
use arrangeer_tests::fixtures::{HOLLAND_RIJNLAND, integral_in_execution};
use arrangeer_tests::{LIEMERS, TestApp};
use chrono::NaiveDate;

fn fewer_hours(from: NaiveDate) -> CreateReductionRequest {
    CreateReductionRequest {
        effective_from: from,
        direct_minutes_per_week: Some(60),
        indirect_minutes_per_week: None,
        new_amount_cents: None,
        reason: "Minder begeleiding nodig: de leerling leest op niveau.".into(),
    }
}

#[tokio::test]
async fn reduce_with_fewer_hours_settles_the_months_after_at_the_new_level() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, HOLLAND_RIJNLAND).await;
    let consultant = app.token(Role::Consultant, HOLLAND_RIJNLAND).await;
    // (120 + 30) min × €80/h × 20 weeks = €4,000 over January–June 2027
    let a = integral_in_execution(&app, &school, &consultant).await;
    let path = format!("/api/v1/arrangements/{}/reductions", a.id);
    let april = NaiveDate::from_ymd_opt(2027, 4, 1).expect("date");

    assert_eq!(app.post(&path, &consultant, &fewer_hours(april)).await.status(), 403, "the school reports");
    let other = app.token(Role::School, LIEMERS).await;
    assert_eq!(app.post(&path, &other, &fewer_hours(april)).await.status(), 404);
    let both = CreateReductionRequest { new_amount_cents: Some(1), ..fewer_hours(april) };
    let problem: Problem = app.post(&path, &school, &both).await.json().await.expect("problem");
    assert_eq!(problem.errors[0].code, "either_hours_or_amount");
    let more = CreateReductionRequest { direct_minutes_per_week: Some(240), ..fewer_hours(april) };
    let response = app.post(&path, &school, &more).await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code.as_str()),
        ("directMinutesPerWeek", "not_a_reduction")
    );
    let late = fewer_hours(NaiveDate::from_ymd_opt(2028, 1, 1).expect("date"));
    let problem: Problem = app.post(&path, &school, &late).await.json().await.expect("problem");
    assert_eq!(problem.errors[0].field, "effectiveFrom");

    // (60 + 30) min × €80/h × 20 weeks = €2,400 at the new level
    let reduced: ReductionResponse = app.post_ok(&path, &school, &fewer_hours(april)).await;
    assert_eq!(reduced.new_amount_cents, 240_000);
    let costs: CostsResponse = app.get_ok(&format!("/api/v1/arrangements/{}/costs", a.id), &school).await;
    let settlement = costs.settlement.expect("settlement");
    // January–March at €4,000 a half year, April–June at €2,400: (3 × 4000 + 3 × 2400) / 6
    assert_eq!(settlement.entitled.0, 320_000);
    let listed: Vec<ReductionResponse> = app.get_ok(&path, &consultant).await;
    assert_eq!(listed, vec![reduced]);
    let history: Vec<ArrangementEvent> =
        app.get_ok(&format!("/api/v1/arrangements/{}/history", a.id), &school).await;
    let last = history.last().expect("event");
    assert_eq!(
        (last.action.as_str(), last.from_status, Some(last.to_status)),
        ("reduce", Some(a.status), Some(a.status))
    );

    // by amount: a second reduction replaces the level in force
    let by_amount = CreateReductionRequest {
        direct_minutes_per_week: None,
        new_amount_cents: Some(0),
        ..fewer_hours(NaiveDate::from_ymd_opt(2027, 5, 1).expect("date"))
    };
    let _: ReductionResponse = app.post_ok(&path, &school, &by_amount).await;
    let costs: CostsResponse = app.get_ok(&format!("/api/v1/arrangements/{}/costs", a.id), &school).await;
    // January–April at the granted level: 4 × 4000 / 6, rounded
    assert_eq!(costs.settlement.expect("settlement").entitled.0, 266_667);
    let parent = app.token(Role::Parent, HOLLAND_RIJNLAND).await;
    assert_eq!(app.get(&path, &parent).await.status(), 403);
}
