//! `GET /statistics`: the figures of seeded dossiers (counts, money per calendar year,
//! throughput, goals, overdue deadlines), who sees which scope, and — the done-when of issue 7 —
//! the same answer on SQLite and PostgreSQL for the same data seeded through the API.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest, Proposal};
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::opps::{
    CreateGoalEvaluationRequest, CreateOppRequest, GoalEvaluationResponse, GoalResult, OppResponse,
    OppVersionResponse,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_shared::api::statistics::{StatisticsResponse, StatisticsScope, YearMoney};
use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::{Action, Status};
use arrangeer_tests::fixtures::{UTRECHT_DOCUMENTS, act_justified, new_pupil, proposal, upload_documents};
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT};
use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

const WHY: &str = "Afgestemd met de consulent; passend bij de onderwijsbehoefte.";

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A Utrecht individual dossier of the demo school taken through `steps` (after creation).
async fn dossier(app: &TestApp, p: Proposal, steps: &[Action]) -> ArrangementResponse {
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let pupil = new_pupil(app, &school, "Noor", "Visser").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Rekenen groep 5".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    let mut a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    for step in steps {
        let token = match step {
            Action::Approve => &consultant,
            Action::Grant | Action::Reject => &admin,
            _ => &school,
        };
        if *step == Action::MakeDefinitive {
            upload_documents(app, &school, &a, UTRECHT_DOCUMENTS).await;
        }
        a = act_justified(app, token, &a, *step, WHY).await;
    }
    a
}

/// The same dossiers, plan and goal evaluations in any fresh demo server.
async fn seed(app: &TestApp) {
    use Action::{Approve, Grant, MakeDefinitive, Reject, Start, Submit};
    // 2 h × €60 × 12 weeks = €1,440 from December to February: 1 month in 2026, 2 in 2027
    let winter = Proposal {
        direct_minutes_per_week: Some(120),
        indirect_minutes_per_week: Some(0),
        weeks: Some(12),
        hourly_rate_cents: Some(60_00),
        start_date: date(2026, 12, 1),
        end_date: date(2026 + 1, 2, 28),
        ..proposal()
    };
    dossier(app, winter, &[Submit, Approve, MakeDefinitive, Grant, Start]).await;
    // €4,000 within 2026, ending before Christmas: its final evaluation is overdue
    let autumn = Proposal { start_date: date(2026, 8, 24), end_date: date(2026, 12, 18), ..proposal() };
    dossier(app, autumn, &[Submit, Approve, MakeDefinitive, Grant, Start]).await;
    dossier(app, proposal(), &[Submit, Approve, MakeDefinitive, Reject]).await;
    dossier(app, proposal(), &[Submit, Approve, MakeDefinitive]).await;
    dossier(app, proposal(), &[]).await;

    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(app, &school, "Daan", "de Wit").await;
    let content = opp_content();
    let opp: OppResponse =
        app.post_ok("/api/v1/opps", &school, &CreateOppRequest { pupil_id: pupil, content }).await;
    let v1: OppVersionResponse =
        app.post_ok(&format!("/api/v1/opps/{}/actions/publish", opp.id), &school, &json!({})).await;
    let goal = v1.content.goals[0].id.expect("goal id");
    for result in [GoalResult::Achieved, GoalResult::NotAchieved] {
        let body = CreateGoalEvaluationRequest {
            goal_id: goal,
            result,
            note: "Tussenevaluatie.".into(),
            evaluated_on: chrono::Utc::now().date_naive(),
            with_parents: false,
        };
        let path = format!("/api/v1/opps/{}/goal-evaluations", opp.id);
        let _: GoalEvaluationResponse = app.post_ok(&path, &school, &body).await;
    }
}

fn opp_content() -> arrangeer_shared::api::opps::OppContent {
    use arrangeer_shared::api::opps::{GoalDomain, OppActionRow, OppContent, OppGoal};
    let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    OppContent {
        expected_exit_level: "vmbo-kader".into(),
        exit_level_reasoning: "Leerrendement rond 60%.".into(),
        stimulating_factors: "Gemotiveerd.".into(),
        hindering_factors: "Snel afgeleid.".into(),
        educational_needs: "Korte instructie.".into(),
        goals: vec![OppGoal {
            id: None,
            domain: GoalDomain::Reading,
            description: "Leest op AVI M5-niveau.".into(),
            criterion: "AVI-toets M5".into(),
            target_date: on(2027, 6, 1),
        }],
        action_part: vec![OppActionRow {
            support: "Leesgroepje".into(),
            by_whom: "Remedial teacher".into(),
            frequency: "2 x 30 minuten per week".into(),
            starts_on: on(2027, 1, 4),
            ends_on: on(2027, 6, 25),
        }],
        pupil_voice: "Ik wil beter lezen.".into(),
    }
}

fn this_year() -> i32 {
    chrono::Utc::now().year()
}

async fn statistics(app: &TestApp, role: Role, partnership: &str) -> StatisticsResponse {
    let token = app.token(role, partnership).await;
    app.get_ok(&format!("/api/v1/statistics?year={}", this_year()), &token).await
}

/// Checks the seeded figures against what was seeded.
async fn check_figures(app: &TestApp, s: &StatisticsResponse) {
    assert_eq!(s.scope, StatisticsScope::Partnership);
    assert_eq!(s.arrangements, 5);
    let status = |st: Status| s.by_status.iter().find(|c| c.status == st).map(|c| c.count);
    assert_eq!(
        (
            status(Status::InExecution),
            status(Status::Rejected),
            status(Status::Definitive),
            status(Status::Draft)
        ),
        (Some(2), Some(1), Some(1), Some(1))
    );
    assert_eq!(s.by_status.len(), Status::ALL.len(), "every status, zeros included");
    let individual = s.by_kind.iter().find(|k| k.kind == ArrangementKind::Individual).map(|k| k.count);
    assert_eq!(individual, Some(5));
    let school = app.token(Role::School, UTRECHT).await;
    let schools: Page<SchoolResponse> = app.get_ok("/api/v1/schools", &school).await;
    let own = s.by_school.iter().find(|c| c.school_id == schools.items[0].id).expect("the school's line");
    assert_eq!(own.count, 5);
    assert_eq!(s.by_school.iter().map(|c| c.count).sum::<u64>(), 5);
    assert_eq!(s.by_board.iter().map(|c| c.count).sum::<u64>(), 5);
    let year = |y: i32| s.money.iter().find(|m| m.year == y).cloned().unwrap_or_default();
    assert_eq!(
        year(2026),
        YearMoney {
            year: 2026,
            arrangements: 2,
            granted_cents: 480_00 + 4_000_00,
            paid_at_grant_cents: 480_00 + 4_000_00,
            after_accountability_cents: 0,
            settlement_cents: 0,
            total_cents: 480_00 + 4_000_00,
        }
    );
    assert_eq!(
        (year(2027).arrangements, year(2027).granted_cents, year(2027).total_cents),
        (1, 960_00, 960_00)
    );
    let t = &s.throughput;
    assert_eq!((t.request_to_decision.count, t.request_to_decision.median_days), (3, Some(0.0)));
    assert_eq!((t.definitive_to_decision.count, t.definitive_to_decision.over_deadline), (3, Some(0)));
    assert_eq!((t.grant_to_start.count, t.grant_to_start.max_days), (2, Some(0)));
    assert_eq!((s.goals.achieved, s.goals.partly_achieved, s.goals.not_achieved), (1, 0, 1));
    let evaluation = s.overdue_deadlines.by_kind.iter().find(|k| k.kind == DeadlineKind::Evaluation);
    assert_eq!(evaluation.map(|k| k.count), Some(1), "{:?}", s.overdue_deadlines);

    // the aggregate gives the count of `GET /deadlines` for the kinds it counts
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let listed: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &admin).await;
    let overdue =
        listed.iter().filter(|d| d.overdue && !s.overdue_deadlines.not_counted.contains(&d.kind)).count();
    assert_eq!(s.overdue_deadlines.total, overdue as u64, "{listed:?}");
}

/// Ids are made per database: compare everything else.
fn without_ids(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("schoolId");
                map.remove("schoolBoardId");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

#[tokio::test]
async fn statistics_agree_between_sqlite_and_postgresql_on_the_same_seeded_data() {
    let sqlite = TestApp::spawn_sqlite().await;
    seed(&sqlite).await;
    sqlite.assert_statistics_sums_agree().await;
    let on_sqlite = statistics(&sqlite, Role::SwvAdmin, UTRECHT).await;
    check_figures(&sqlite, &on_sqlite).await;

    let Some(url) = std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) else {
        eprintln!("TEST_DATABASE_URL is not set: checked SQLite only");
        return;
    };
    let postgres = TestApp::spawn_on(Some(url), |_| {}).await;
    assert_eq!(postgres.backend, "postgresql");
    seed(&postgres).await;
    postgres.assert_statistics_sums_agree().await;
    let on_postgres = statistics(&postgres, Role::SwvAdmin, UTRECHT).await;
    check_figures(&postgres, &on_postgres).await;
    let (a, b) =
        (serde_json::to_value(&on_sqlite).expect("json"), serde_json::to_value(&on_postgres).expect("json"));
    assert_eq!(without_ids(a), without_ids(b));
    for role in [Role::School, Role::Consultant] {
        let (a, b) = (statistics(&sqlite, role, UTRECHT).await, statistics(&postgres, role, UTRECHT).await);
        let json = |s: &StatisticsResponse| without_ids(serde_json::to_value(s).expect("json"));
        assert_eq!(json(&a), json(&b), "{role:?}");
    }
}

#[tokio::test]
async fn statistics_are_scoped_per_role_and_refuse_bad_input() {
    let app = TestApp::spawn().await;
    seed(&app).await;
    app.assert_statistics_sums_agree().await;
    let school = statistics(&app, Role::School, UTRECHT).await;
    assert_eq!((school.scope, school.arrangements, school.by_school.len()), (StatisticsScope::School, 5, 1));
    let consultant = statistics(&app, Role::Consultant, UTRECHT).await;
    assert_eq!(consultant.scope, StatisticsScope::Caseload);
    // another partnership sees none of it
    let liemers = statistics(&app, Role::SwvAdmin, LIEMERS).await;
    assert_eq!((liemers.arrangements, liemers.money.len()), (0, 0));

    let year = this_year();
    for role in [Role::Executor, Role::Parent] {
        let token = app.token(role, UTRECHT).await;
        assert_eq!(
            app.get(&format!("/api/v1/statistics?year={year}"), &token).await.status(),
            403,
            "{role:?}"
        );
    }
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let other_school = app.token(Role::School, LIEMERS).await;
    let theirs: Page<SchoolResponse> = app.get_ok("/api/v1/schools", &other_school).await;
    let path = format!("/api/v1/statistics?year={year}&schoolId={}", theirs.items[0].id);
    assert_eq!(app.get(&path, &admin).await.status(), 404, "a school of another partnership");
    let own = app.token(Role::School, UTRECHT).await;
    let ours: Page<SchoolResponse> = app.get_ok("/api/v1/schools", &own).await;
    let only: StatisticsResponse = app
        .get_ok(&format!("/api/v1/statistics?year={year}&schoolId={}&kind=cluster", ours.items[0].id), &admin)
        .await;
    assert_eq!((only.arrangements, only.by_school.len()), (0, 1), "no clusters were seeded");
    assert_eq!(app.get("/api/v1/statistics?year=1999", &admin).await.status(), 422);
    assert_eq!(app.get("/api/v1/statistics", &admin).await.status(), 400);
    assert_eq!(app.get(&format!("/api/v1/statistics?year={year}&colour=red"), &admin).await.status(), 400);
}
