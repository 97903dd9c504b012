//! Short-term joiners of a cluster: a pupil joins one part of the offer for a short period
//! without an OPP. An action plan (attachment of kind `action_plan`) and informed parents are
//! required; there is no consent flow and the OPP clock does not run for them.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::audit::{AccessLogEntry, AuditAction};
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::opps::{
    ConsentDecision, ConsentRequest, CreateOppRequest, GoalDomain, OppActionRow, OppContent, OppGoal,
    OppResponse, OppSummary, OppVersionResponse,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::pupils::PupilResponse;
use arrangeer_shared::api::short_term_joiners::{CreateShortTermJoinerRequest, ShortTermJoinerResponse};
use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::ids::PupilId;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::Action;
use arrangeer_tests::fixtures::{
    UTRECHT_DOCUMENTS, act, act_justified, new_pupil, proposal, upload_documents,
};
use arrangeer_tests::{LIEMERS, TINY_PDF, TestApp, UTRECHT, demo_account};
use chrono::NaiveDate;
use serde_json::json;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, d).expect("date")
}

async fn cluster(app: &TestApp, school: &str, pupils: Vec<PupilId>) -> ArrangementResponse {
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Cluster,
        title: "Leesgroep groep 5".into(),
        pupil_ids: pupils,
        start_route: StartRoute::QuoteFirst,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    app.post_ok("/api/v1/arrangements", school, &request).await
}

async fn action_plan(app: &TestApp, school: &str, a: &ArrangementResponse, kind: &str) -> String {
    let response =
        app.upload(school, &a.id.to_string(), kind, None, "handelingsplan.pdf", TINY_PDF.to_vec()).await;
    assert_eq!(response.status(), 201);
    let stored: AttachmentResponse = response.json().await.expect("attachment");
    stored.id
}

fn join(pupil: PupilId, plan: Option<String>) -> CreateShortTermJoinerRequest {
    CreateShortTermJoinerRequest {
        pupil_id: pupil,
        offer_part: "Leesgroep op dinsdag".into(),
        starts_on: date(1, 11),
        ends_on: date(3, 26),
        action_plan_attachment_id: plan,
        parents_informed: true,
    }
}

async fn refused(app: &TestApp, token: &str, path: &str, body: &serde_json::Value) -> (u16, Problem) {
    let response = app.post(path, token, body).await;
    let status = response.status().as_u16();
    (status, response.json().await.expect("problem"))
}

#[tokio::test]
async fn a_cluster_takes_a_short_term_joiner_with_an_action_plan_and_informed_parents() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupils =
        vec![new_pupil(&app, &school, "Ada", "Kok").await, new_pupil(&app, &school, "Bas", "Kok").await];
    let joiner = new_pupil(&app, &school, "Cas", "Smit").await;
    let a = cluster(&app, &school, pupils).await;
    let plan = action_plan(&app, &school, &a, "action_plan").await;
    let path = format!("/api/v1/arrangements/{}/short-term-joiners", a.id);

    let added: ShortTermJoinerResponse = app.post_ok(&path, &school, &join(joiner, Some(plan.clone()))).await;
    assert_eq!(added.pupil.id, joiner);
    assert_eq!(added.pupil.name, "Cas Smit");
    assert_eq!(added.action_plan.id, plan);
    assert_eq!(added.action_plan.file_name, "handelingsplan.pdf");
    assert!(added.parents_informed);
    assert_eq!((added.starts_on, added.ends_on, added.version), (date(1, 11), date(3, 26), 1));

    // the school and the caseload consultant read the list; parents may not; other partnerships see nothing
    for role in [Role::School, Role::Consultant, Role::SwvAdmin] {
        let list: Vec<ShortTermJoinerResponse> = app.get_ok(&path, &app.token(role, UTRECHT).await).await;
        assert_eq!(list, vec![added.clone()], "{role:?}");
    }
    assert_eq!(app.get(&path, &app.token(Role::Parent, UTRECHT).await).await.status(), 403);
    assert_eq!(app.get(&path, &app.token(Role::School, LIEMERS).await).await.status(), 404);
    assert_eq!(
        app.get(&path, &app.token(Role::Executor, UTRECHT).await).await.status(),
        404,
        "not chosen yet"
    );

    // a joiner is not a pupil of the arrangement
    let dossier: ArrangementResponse = app.get_ok(&format!("/api/v1/arrangements/{}", a.id), &school).await;
    assert!(dossier.pupils.iter().all(|p| p.id != joiner));

    // the same pupil cannot join twice in an overlapping period
    let (status, problem) =
        refused(&app, &school, &path, &serde_json::to_value(join(joiner, Some(plan))).expect("json")).await;
    assert_eq!((status, problem.errors[0].field.as_str()), (422, "startsOn"));
}

#[tokio::test]
async fn a_joiner_without_an_action_plan_or_informed_parents_is_refused_naming_the_field() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupils =
        vec![new_pupil(&app, &school, "Ada", "Kok").await, new_pupil(&app, &school, "Bas", "Kok").await];
    let joiner = new_pupil(&app, &school, "Cas", "Smit").await;
    let a = cluster(&app, &school, pupils.clone()).await;
    let plan = action_plan(&app, &school, &a, "action_plan").await;
    let other_document = action_plan(&app, &school, &a, "other").await;
    let path = format!("/api/v1/arrangements/{}/short-term-joiners", a.id);
    let body = |r: CreateShortTermJoinerRequest| serde_json::to_value(r).expect("json");

    let cases: Vec<(serde_json::Value, &str, &str)> = vec![
        (body(join(joiner, None)), "actionPlanAttachmentId", "required"),
        (body(join(joiner, Some(other_document))), "actionPlanAttachmentId", "not_an_action_plan"),
        (
            body(join(joiner, Some(uuid::Uuid::new_v4().to_string()))),
            "actionPlanAttachmentId",
            "not_an_action_plan",
        ),
        (
            body(CreateShortTermJoinerRequest {
                parents_informed: false,
                ..join(joiner, Some(plan.clone()))
            }),
            "parentsInformed",
            "required",
        ),
        (
            body(CreateShortTermJoinerRequest { ends_on: date(6, 25), ..join(joiner, Some(plan.clone())) }),
            "endsOn",
            "too_long",
        ),
        (
            body(CreateShortTermJoinerRequest { ends_on: date(1, 4), ..join(joiner, Some(plan.clone())) }),
            "endsOn",
            "before_start",
        ),
        (
            body(CreateShortTermJoinerRequest { offer_part: " ".into(), ..join(joiner, Some(plan.clone())) }),
            "offerPart",
            "required",
        ),
        (body(join(pupils[0], Some(plan.clone()))), "pupilId", "already_in_arrangement"),
        (body(join(PupilId(uuid::Uuid::new_v4()), Some(plan.clone()))), "pupilId", "unknown_pupil"),
    ];
    for (request, field, code) in cases {
        let (status, problem) = refused(&app, &school, &path, &request).await;
        assert_eq!(status, 422, "{request}");
        assert!(
            problem.errors.iter().any(|e| e.field == field && e.code == code),
            "{field}/{code} expected: {problem:?}"
        );
    }
    // a pupil of another partnership's school is unknown here too
    let elsewhere = new_pupil(&app, &app.token(Role::School, LIEMERS).await, "Dirk", "Vos").await;
    let (status, problem) = refused(&app, &school, &path, &body(join(elsewhere, Some(plan.clone())))).await;
    assert_eq!((status, problem.errors[0].field.as_str()), (422, "pupilId"));

    // unknown fields are a 400; other roles may not register joiners
    let mut extra = body(join(joiner, Some(plan.clone())));
    extra["consent"] = json!(true);
    assert_eq!(app.post(&path, &school, &extra).await.status(), 400);
    for role in [Role::Consultant, Role::SwvAdmin, Role::Parent, Role::Executor] {
        let status = app
            .post(&path, &app.token(role, UTRECHT).await, &body(join(joiner, Some(plan.clone()))))
            .await
            .status();
        assert_eq!(status, 403, "{role:?}");
    }
    assert_eq!(
        app.post(&path, &app.token(Role::School, LIEMERS).await, &body(join(joiner, Some(plan.clone()))))
            .await
            .status(),
        404
    );

    // only a cluster takes short-term joiners
    let individual = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Alleen Ada".into(),
        pupil_ids: vec![pupils[0]],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let single: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &individual).await;
    let single_plan = action_plan(&app, &school, &single, "action_plan").await;
    let (status, problem) = refused(
        &app,
        &school,
        &format!("/api/v1/arrangements/{}/short-term-joiners", single.id),
        &body(join(joiner, Some(single_plan))),
    )
    .await;
    assert_eq!((status, problem.errors[0].code.as_str()), (422, "not_a_cluster"));
    let list: Vec<ShortTermJoinerResponse> = app.get_ok(&path, &school).await;
    assert!(list.is_empty(), "nothing was registered: {list:?}");
}

fn plan_content() -> OppContent {
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
            support: "Leesgroep".into(),
            by_whom: "RT'er".into(),
            frequency: "2 x per week".into(),
            starts_on: date(1, 4),
            ends_on: date(6, 25),
        }],
        pupil_voice: "Ik wil beter lezen.".into(),
    }
}

#[tokio::test]
async fn a_joiner_neither_starts_the_opp_clock_nor_asks_the_parents_for_consent() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let parent = app.token(Role::Parent, UTRECHT).await;
    let parent_email = demo_account(Role::Parent, UTRECHT).email;
    let pupils =
        vec![new_pupil(&app, &school, "Ada", "Kok").await, new_pupil(&app, &school, "Bas", "Kok").await];
    let joiner = new_pupil(&app, &school, "Cas", "Smit").await;
    for pupil in pupils.iter().chain([&joiner]) {
        let _: PupilResponse = app
            .post_ok(&format!("/api/v1/pupils/{pupil}/guardians"), &school, &json!({ "email": parent_email }))
            .await;
    }
    let a = cluster(&app, &school, pupils.clone()).await;
    let why = "Twee leerlingen, één aanpak.";
    let a = act_justified(&app, &school, &a, Action::Submit, why).await;
    let a = act(&app, &consultant, &a, Action::Approve, None).await;
    upload_documents(&app, &school, &a, UTRECHT_DOCUMENTS).await;
    let a = act_justified(&app, &school, &a, Action::MakeDefinitive, why).await;
    let a = act_justified(&app, &consultant, &a, Action::Grant, why).await;
    for pupil in &pupils {
        let opp: OppResponse = app
            .post_ok("/api/v1/opps", &school, &CreateOppRequest { pupil_id: *pupil, content: plan_content() })
            .await;
        let _: OppVersionResponse =
            app.post_ok(&format!("/api/v1/opps/{}/actions/publish", opp.id), &school, &json!({})).await;
        let body = ConsentRequest { decision: ConsentDecision::Agree, view: None };
        assert_eq!(
            app.post(&format!("/api/v1/opps/{}/versions/1/consents", opp.id), &parent, &body).await.status(),
            201
        );
    }
    let kinds = |list: &[DeadlineResponse]| list.iter().map(|d| d.kind).collect::<Vec<_>>();
    let before: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert!(!kinds(&before).contains(&DeadlineKind::Opps), "{before:?}");

    // a granted cluster in execution takes a joiner without an OPP
    let plan = action_plan(&app, &school, &a, "action_plan").await;
    let _: ShortTermJoinerResponse = app
        .post_ok(
            &format!("/api/v1/arrangements/{}/short-term-joiners", a.id),
            &school,
            &join(joiner, Some(plan)),
        )
        .await;
    let after: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert_eq!(kinds(&after), kinds(&before), "the joiner without an OPP does not start the OPP clock");

    // no plan, so nothing for the parent to consent to
    let theirs: Page<OppSummary> = app.get_ok(&format!("/api/v1/opps?pupilId={joiner}"), &parent).await;
    assert!(theirs.items.is_empty());
    let staff: Page<OppSummary> = app.get_ok(&format!("/api/v1/opps?pupilId={joiner}"), &school).await;
    assert!(staff.items.is_empty());

    // the registration and every read are in the joiner's access log
    let _: Vec<ShortTermJoinerResponse> =
        app.get_ok(&format!("/api/v1/arrangements/{}/short-term-joiners", a.id), &consultant).await;
    let log: Page<AccessLogEntry> = app.get_ok(&format!("/api/v1/pupils/{joiner}/access-log"), &parent).await;
    let seen: Vec<(Role, AuditAction)> = log.items.iter().map(|e| (e.role, e.action)).collect();
    assert!(seen.contains(&(Role::Consultant, AuditAction::Read)), "{seen:?}");
    assert!(seen.contains(&(Role::School, AuditAction::Create)), "{seen:?}");
}
