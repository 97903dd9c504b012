//! The development plan (OPP): drafts and published versions, the guardians' consent per
//! version, what parents may and may not do, the audit log, and guardians' invitations.

use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AccessLogEntry, AuditAction, AuditEventResponse, AuditObject};
use arrangeer_shared::api::auth::LoginResponse;
use arrangeer_shared::api::invitations::InvitationResponse;
use arrangeer_shared::api::opps::{
    ChangeKind, ConsentDecision, ConsentRequest, ConsentResponse, ConsentStatus, CreateGoalEvaluationRequest,
    CreateOppMeetingRequest, CreateOppRequest, GoalDomain, GoalEvaluationResponse, GoalResult, OppActionRow,
    OppContent, OppGoal, OppMeetingResponse, OppResponse, OppSummary, OppVersionResponse, OppVersionSummary,
    UpdateOppRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::pupils::PupilResponse;
use arrangeer_shared::ids::PupilId;
use arrangeer_tests::fixtures::new_pupil;
use arrangeer_tests::{TestApp, UTRECHT, demo_account};
use chrono::NaiveDate;
use serde_json::json;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn content() -> OppContent {
    OppContent {
        expected_exit_level: "vmbo-kader".into(),
        exit_level_reasoning: "Leerrendement groep 5 en 6 rond 60%.".into(),
        stimulating_factors: "Gemotiveerd, goede band met de leerkracht.".into(),
        hindering_factors: "Snel afgeleid in een drukke klas.".into(),
        educational_needs: "Korte, herhaalde instructie aan de instructietafel.".into(),
        goals: vec![OppGoal {
            id: None,
            domain: GoalDomain::Reading,
            description: "Leest een tekst op AVI M5-niveau.".into(),
            criterion: "AVI-toets M5 beheersing".into(),
            target_date: date(2027, 6, 1),
        }],
        action_part: vec![OppActionRow {
            support: "Leesgroepje buiten de klas".into(),
            by_whom: "Remedial teacher".into(),
            frequency: "2 x 30 minuten per week".into(),
            starts_on: date(2027, 1, 4),
            ends_on: date(2027, 6, 25),
        }],
        pupil_voice: "Ik wil graag beter lezen, maar niet alleen buiten de klas.".into(),
    }
}

/// A plan of a pupil with the demo parent as guardian, and the tokens of school and parent.
struct Plan {
    opp: OppResponse,
    pupil: PupilId,
    school: String,
    parent: String,
}

async fn link_demo_parent(app: &TestApp, school: &str, pupil: PupilId) {
    let email = demo_account(Role::Parent, UTRECHT).email;
    let _: PupilResponse =
        app.post_ok(&format!("/api/v1/pupils/{pupil}/guardians"), school, &json!({ "email": email })).await;
}

async fn plan(app: &TestApp) -> Plan {
    let school = app.token(Role::School, UTRECHT).await;
    let parent = app.token(Role::Parent, UTRECHT).await;
    let pupil = new_pupil(app, &school, "Daan", "de Wit").await;
    link_demo_parent(app, &school, pupil).await;
    let opp: OppResponse =
        app.post_ok("/api/v1/opps", &school, &CreateOppRequest { pupil_id: pupil, content: content() }).await;
    Plan { opp, pupil, school, parent }
}

async fn publish(app: &TestApp, token: &str, opp: &OppResponse) -> OppVersionResponse {
    app.post_ok(&format!("/api/v1/opps/{}/actions/publish", opp.id), token, &json!({})).await
}

async fn answer(app: &TestApp, p: &Plan, number: i32, decision: ConsentDecision) -> reqwest::Response {
    let body = ConsentRequest { decision, view: Some("Wij vinden buiten de klas lastig.".into()) };
    app.post(&format!("/api/v1/opps/{}/versions/{number}/consents", p.opp.id), &p.parent, &body).await
}

async fn edit(app: &TestApp, p: &Plan, change: impl FnOnce(&mut OppContent)) -> OppResponse {
    let current: OppResponse = app.get_ok(&format!("/api/v1/opps/{}", p.opp.id), &p.school).await;
    let mut draft = current.draft.expect("school sees the draft");
    change(&mut draft);
    let response = app
        .put(
            &format!("/api/v1/opps/{}", p.opp.id),
            &p.school,
            Some(current.version),
            &UpdateOppRequest { content: draft },
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("opp")
}

#[tokio::test]
async fn republish_after_consent_sets_new_version_pending_and_keeps_earlier_consent() {
    let app = TestApp::spawn().await;
    let p = plan(&app).await;
    let v1 = publish(&app, &p.school, &p.opp).await;
    assert_eq!((v1.number, v1.consent.status), (1, ConsentStatus::Pending));
    assert_eq!(answer(&app, &p, 1, ConsentDecision::Agree).await.status(), 201);
    let seen: OppResponse = app.get_ok(&format!("/api/v1/opps/{}", p.opp.id), &p.parent).await;
    assert_eq!(seen.published.as_ref().map(|v| v.consent.status), Some(ConsentStatus::Given));
    assert!(seen.draft.is_none(), "parents never see the draft");

    edit(&app, &p, |c| c.action_part[0].frequency = "3 x 30 minuten per week".into()).await;
    let v2 = publish(&app, &p.school, &p.opp).await;
    assert_eq!((v2.number, v2.consent.status), (2, ConsentStatus::Pending));
    let kinds: Vec<(&str, ChangeKind)> = v2.changes.iter().map(|c| (c.field.as_str(), c.change)).collect();
    assert_eq!(kinds, vec![("actionPart", ChangeKind::Added), ("actionPart", ChangeKind::Removed)]);

    let consents: Vec<ConsentResponse> =
        app.get_ok(&format!("/api/v1/opps/{}/consents", p.opp.id), &p.school).await;
    assert_eq!(consents.len(), 1);
    assert_eq!((consents[0].version_number, consents[0].decision), (1, ConsentDecision::Agree));
    let versions: Vec<OppVersionSummary> =
        app.get_ok(&format!("/api/v1/opps/{}/versions", p.opp.id), &p.school).await;
    let statuses: Vec<_> = versions.iter().map(|v| (v.number, v.consent_status)).collect();
    assert_eq!(statuses, vec![(1, ConsentStatus::Given), (2, ConsentStatus::Pending)]);
    let old: OppVersionResponse =
        app.get_ok(&format!("/api/v1/opps/{}/versions/1", p.opp.id), &p.school).await;
    assert_eq!(old.content.action_part[0].frequency, "2 x 30 minuten per week", "versions are immutable");

    // an answer on the replaced version is refused; the latest one is answered
    let stale = answer(&app, &p, 1, ConsentDecision::Agree).await;
    assert_eq!(stale.status(), 409);
    assert_eq!(app.get(&format!("/api/v1/opps/{}/versions/1", p.opp.id), &p.parent).await.status(), 404);
    let list: Page<OppSummary> = app.get_ok("/api/v1/opps", &p.school).await;
    assert_eq!(list.items[0].consent_status, Some(ConsentStatus::Pending));
}

#[tokio::test]
async fn parent_of_another_child_gets_404_and_every_write_but_consent_is_403() {
    let app = TestApp::spawn().await;
    let p = plan(&app).await;
    publish(&app, &p.school, &p.opp).await;
    // pupil B, whose guardian the demo parent is not
    let other = new_pupil(&app, &p.school, "Sara", "Jansen").await;
    let b: OppResponse = app
        .post_ok("/api/v1/opps", &p.school, &CreateOppRequest { pupil_id: other, content: content() })
        .await;
    publish(&app, &p.school, &b).await;
    for path in [format!("/api/v1/opps/{}", b.id), format!("/api/v1/opps/{}/versions/1", b.id)] {
        assert_eq!(app.get(&path, &p.parent).await.status(), 404, "{path}");
    }
    let body = ConsentRequest { decision: ConsentDecision::Agree, view: None };
    let foreign = app.post(&format!("/api/v1/opps/{}/versions/1/consents", b.id), &p.parent, &body).await;
    assert_eq!(foreign.status(), 404);
    let mine: Page<OppSummary> = app.get_ok("/api/v1/opps", &p.parent).await;
    assert_eq!(mine.items.iter().map(|o| o.pupil.id).collect::<Vec<_>>(), vec![p.pupil]);

    let id = p.opp.id;
    let meeting = json!({ "heldOn": "2027-01-10", "participants": ["moeder"], "outcome": "eens" });
    let evaluation = json!({ "goalId": uuid::Uuid::new_v4(), "result": "achieved", "note": "x", "evaluatedOn": "2027-01-10" });
    let writes = [
        app.post("/api/v1/opps", &p.parent, &CreateOppRequest { pupil_id: p.pupil, content: content() })
            .await,
        app.put(&format!("/api/v1/opps/{id}"), &p.parent, Some(1), &UpdateOppRequest { content: content() })
            .await,
        app.post(&format!("/api/v1/opps/{id}/actions/publish"), &p.parent, &json!({})).await,
        app.post(&format!("/api/v1/opps/{id}/meetings"), &p.parent, &meeting).await,
        app.post(&format!("/api/v1/opps/{id}/goal-evaluations"), &p.parent, &evaluation).await,
        app.post(
            &format!("/api/v1/pupils/{}/invitations", p.pupil),
            &p.parent,
            &json!({ "email": "a@b.nl", "name": "A" }),
        )
        .await,
        app.post(&format!("/api/v1/pupils/{}/guardians", p.pupil), &p.parent, &json!({ "email": "a@b.nl" }))
            .await,
    ];
    for response in writes {
        let url = response.url().to_string();
        assert_eq!(response.status(), 403, "{url}");
    }
    assert_eq!(answer(&app, &p, 1, ConsentDecision::Agree).await.status(), 201);
}

#[tokio::test]
async fn withdrawal_is_recorded_after_agreement_only() {
    let app = TestApp::spawn().await;
    let p = plan(&app).await;
    publish(&app, &p.school, &p.opp).await;
    let early = answer(&app, &p, 1, ConsentDecision::Withdraw).await;
    assert_eq!(early.status(), 409);
    let problem: Problem = early.json().await.expect("problem");
    assert_eq!(problem.allowed_actions, vec!["agree".to_owned(), "disagree".to_owned()]);
    assert_eq!(answer(&app, &p, 1, ConsentDecision::Agree).await.status(), 201);
    assert_eq!(answer(&app, &p, 1, ConsentDecision::Withdraw).await.status(), 201);

    let consents: Vec<ConsentResponse> =
        app.get_ok(&format!("/api/v1/opps/{}/consents", p.opp.id), &p.parent).await;
    let decisions: Vec<_> = consents.iter().map(|c| c.decision).collect();
    assert_eq!(decisions, vec![ConsentDecision::Agree, ConsentDecision::Withdraw]);
    assert!(consents.iter().all(|c| c.guardian_name == demo_account(Role::Parent, UTRECHT).name));
    assert_eq!(consents[1].view.as_deref(), Some("Wij vinden buiten de klas lastig."));
    let v1: OppVersionResponse =
        app.get_ok(&format!("/api/v1/opps/{}/versions/1", p.opp.id), &p.school).await;
    assert_eq!(v1.consent.status, ConsentStatus::Withdrawn);
    assert_eq!(v1.consent.guardians[0].decision, Some(ConsentDecision::Withdraw));
}

/// The address the audit log records for a read by a consultant who says, in
/// `X-Forwarded-For`, that they come from 203.0.113.7.
async fn recorded_address(app: &TestApp) -> Option<String> {
    let p = plan(app).await;
    publish(app, &p.school, &p.opp).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let read = app
        .client
        .get(app.url(&format!("/api/v1/opps/{}", p.opp.id)))
        .bearer_auth(&consultant)
        .header("x-forwarded-for", "203.0.113.7")
        .send()
        .await
        .expect("read the plan");
    assert_eq!(read.status(), 200);
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let path = format!("/api/v1/audit-events?pupilId={}&objectType=opp", p.pupil);
    let events: Page<AuditEventResponse> = app.get_ok(&path, &admin).await;
    let read = events
        .items
        .iter()
        .find(|e| e.action == AuditAction::Read && e.actor_role == Role::Consultant)
        .expect("the consultant's read is audited");
    read.client_address.clone()
}

#[tokio::test]
async fn the_audit_log_records_the_forwarded_address_only_behind_a_trusted_proxy() {
    let direct = TestApp::spawn().await;
    assert_eq!(
        recorded_address(&direct).await.as_deref(),
        Some("127.0.0.1"),
        "a client cannot forge where it is"
    );
    let proxied = TestApp::spawn_with(|s| s.trust_forwarded_for = true).await;
    assert_eq!(recorded_address(&proxied).await.as_deref(), Some("203.0.113.7"));
}

#[tokio::test]
async fn each_read_of_a_plan_is_audited_and_the_parent_sees_who_read() {
    let app = TestApp::spawn().await;
    let p = plan(&app).await;
    publish(&app, &p.school, &p.opp).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let _: OppResponse = app.get_ok(&format!("/api/v1/opps/{}", p.opp.id), &p.school).await;
    let _: OppResponse = app.get_ok(&format!("/api/v1/opps/{}", p.opp.id), &consultant).await;
    let _: OppVersionResponse =
        app.get_ok(&format!("/api/v1/opps/{}/versions/1", p.opp.id), &consultant).await;

    let path = format!("/api/v1/audit-events?pupilId={}&objectType=opp", p.pupil);
    let events: Page<AuditEventResponse> = app.get_ok(&path, &admin).await;
    let reads: Vec<Role> =
        events.items.iter().filter(|e| e.action == AuditAction::Read).map(|e| e.actor_role).collect();
    assert_eq!(reads, vec![Role::Consultant, Role::School], "newest first");
    assert!(events.items.iter().all(|e| e.object_type == AuditObject::Opp && e.client_address.is_some()));
    assert!(events.items.iter().any(|e| e.action == AuditAction::Create));

    // one per page: the cursor walks the whole log
    let mut cursor: Option<String> = None;
    let mut walked = 0;
    loop {
        let mut path = format!("/api/v1/audit-events?pupilId={}&limit=1", p.pupil);
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let page: Page<AuditEventResponse> = app.get_ok(&path, &admin).await;
        walked += page.items.len();
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let all: Page<AuditEventResponse> =
        app.get_ok(&format!("/api/v1/audit-events?pupilId={}", p.pupil), &admin).await;
    assert_eq!(walked, all.items.len());

    let log: Page<AccessLogEntry> =
        app.get_ok(&format!("/api/v1/pupils/{}/access-log", p.pupil), &p.parent).await;
    let consultant_name = demo_account(Role::Consultant, UTRECHT).name;
    let consultant_reads =
        log.items.iter().filter(|e| e.action == AuditAction::Read && e.name == consultant_name).count();
    assert_eq!(consultant_reads, 2, "the plan and its version: {log:?}");
    assert!(log.items.iter().all(|e| e.role != Role::Parent), "staff only");
    assert_eq!(app.get(&format!("/api/v1/pupils/{}/access-log", p.pupil), &p.school).await.status(), 403);
    assert_eq!(app.get("/api/v1/audit-events", &p.school).await.status(), 403);
    let other = new_pupil(&app, &p.school, "Sara", "Jansen").await;
    assert_eq!(app.get(&format!("/api/v1/pupils/{other}/access-log"), &p.parent).await.status(), 404);
}

#[tokio::test]
async fn drafts_need_if_match_and_an_incomplete_draft_is_not_published() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Noor", "Bakker").await;
    let opp: OppResponse = app
        .post_ok(
            "/api/v1/opps",
            &school,
            &CreateOppRequest { pupil_id: pupil, content: OppContent::default() },
        )
        .await;
    let again =
        app.post("/api/v1/opps", &school, &CreateOppRequest { pupil_id: pupil, content: content() }).await;
    assert_eq!(again.status(), 409);
    let incomplete = app.post(&format!("/api/v1/opps/{}/actions/publish", opp.id), &school, &json!({})).await;
    assert_eq!(incomplete.status(), 422);
    let problem: Problem = incomplete.json().await.expect("problem");
    assert!(problem.errors.iter().any(|e| e.field == "draft.pupilVoice"), "{problem:?}");

    let path = format!("/api/v1/opps/{}", opp.id);
    let body = UpdateOppRequest { content: content() };
    assert_eq!(app.put(&path, &school, None, &body).await.status(), 428);
    assert_eq!(app.put(&path, &school, Some(opp.version + 5), &body).await.status(), 412);
    let updated = app.put(&path, &school, Some(opp.version), &body).await;
    assert_eq!(updated.status(), 200);
    assert_eq!(updated.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let updated: OppResponse = updated.json().await.expect("opp");
    assert!(updated.draft.as_ref().is_some_and(|d| d.goals[0].id.is_some()), "goals get an id");
    let v1: OppVersionResponse = app.post_ok(&format!("{path}/actions/publish"), &school, &json!({})).await;
    assert!(v1.changes.iter().all(|c| c.change == ChangeKind::Added));
    let same = app.post(&format!("{path}/actions/publish"), &school, &json!({})).await;
    assert_eq!(same.status(), 409, "nothing changed since version 1");
    let unknown = json!({ "content": { "goals": [], "colour": "red" } });
    assert_eq!(app.put(&path, &school, Some(3), &unknown).await.status(), 400);
}

#[tokio::test]
async fn goals_are_evaluated_over_time_and_the_oogo_is_recorded() {
    let app = TestApp::spawn().await;
    let p = plan(&app).await;
    let v1 = publish(&app, &p.school, &p.opp).await;
    let goal = v1.content.goals[0].id.expect("goal id");
    let path = format!("/api/v1/opps/{}/goal-evaluations", p.opp.id);
    for (result, on) in
        [(GoalResult::PartlyAchieved, date(2027, 3, 1)), (GoalResult::Achieved, date(2027, 6, 1))]
    {
        let body = CreateGoalEvaluationRequest {
            goal_id: goal,
            result,
            note: "Leest vlotter.".into(),
            evaluated_on: on,
            with_parents: true,
        };
        let _: GoalEvaluationResponse = app.post_ok(&path, &p.school, &body).await;
    }
    let unknown = CreateGoalEvaluationRequest {
        goal_id: arrangeer_shared::ids::GoalId(uuid::Uuid::new_v4()),
        result: GoalResult::Achieved,
        note: "x".into(),
        evaluated_on: date(2027, 6, 1),
        with_parents: false,
    };
    assert_eq!(app.post(&path, &p.school, &unknown).await.status(), 422);
    let history: Vec<GoalEvaluationResponse> = app.get_ok(&path, &p.parent).await;
    let results: Vec<_> = history.iter().map(|e| e.result).collect();
    assert_eq!(results, vec![GoalResult::PartlyAchieved, GoalResult::Achieved]);

    let meeting = CreateOppMeetingRequest {
        held_on: date(2027, 1, 10),
        participants: vec!["moeder".into(), "intern begeleider".into()],
        outcome: "Overeenstemming over doelen en ontwikkelingsperspectief.".into(),
    };
    let path = format!("/api/v1/opps/{}/meetings", p.opp.id);
    let _: OppMeetingResponse = app.post_ok(&path, &p.school, &meeting).await;
    let meetings: Vec<OppMeetingResponse> = app.get_ok(&path, &p.parent).await;
    assert_eq!(meetings[0].participants.len(), 2);
}

async fn invite(app: &TestApp, school: &str, pupil: PupilId, email: &str) -> InvitationResponse {
    let body = json!({ "email": email, "name": "Mevrouw Jansen" });
    app.post_ok(&format!("/api/v1/pupils/{pupil}/invitations"), school, &body).await
}

fn token_of(invitation: &InvitationResponse) -> String {
    let link = invitation.demo_link.as_deref().expect("demo mode returns the link");
    link.split_once("token=").map(|(_, t)| t.to_owned()).expect("token in link")
}

#[tokio::test]
async fn invitation_link_works_once_then_is_gone() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Sara", "Jansen").await;
    let invitation = invite(&app, &school, pupil, "m.jansen@example.org").await;
    let token = token_of(&invitation);
    let body = json!({ "token": token, "password": "een-goed-wachtwoord" });
    let short = app
        .post("/api/v1/invitations/actions/accept", "", &json!({ "token": token, "password": "kort" }))
        .await;
    assert_eq!(short.status(), 422);
    let login: LoginResponse = app.post_ok("/api/v1/invitations/actions/accept", "", &body).await;
    assert_eq!(login.user.role, Role::Parent);
    let child: PupilResponse = app.get_ok(&format!("/api/v1/pupils/{pupil}"), &login.access_token).await;
    assert_eq!(child.guardians[0].email, "m.jansen@example.org");
    assert_eq!(app.login("m.jansen@example.org", "een-goed-wachtwoord").await.status(), 200);

    let used = app.post("/api/v1/invitations/actions/accept", "", &body).await;
    assert_eq!(used.status(), 410);
    let problem: Problem = used.json().await.expect("problem");
    assert_eq!(problem.kind, "urn:arrangeer:problem:invitation-used");
    let forged = json!({ "token": "0".repeat(64), "password": "een-goed-wachtwoord" });
    assert_eq!(app.post("/api/v1/invitations/actions/accept", "", &forged).await.status(), 404);
    let staff = demo_account(Role::Consultant, UTRECHT).email;
    let response = app
        .post(
            &format!("/api/v1/pupils/{pupil}/invitations"),
            &school,
            &json!({ "email": staff, "name": "X" }),
        )
        .await;
    assert_eq!(response.status(), 422, "a staff account cannot be invited as a parent");
}

#[tokio::test]
async fn expired_invitation_link_is_gone() {
    let app = TestApp::spawn_with(|s| s.invitation_ttl_seconds = 1).await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Sara", "Jansen").await;
    let invitation = invite(&app, &school, pupil, "m.jansen@example.org").await;
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    let body = json!({ "token": token_of(&invitation), "password": "een-goed-wachtwoord" });
    let expired = app.post("/api/v1/invitations/actions/accept", "", &body).await;
    assert_eq!(expired.status(), 410);
    let problem: Problem = expired.json().await.expect("problem");
    assert_eq!(problem.kind, "urn:arrangeer:problem:invitation-expired");
    assert_eq!(app.login("m.jansen@example.org", "een-goed-wachtwoord").await.status(), 401);
}

#[tokio::test]
async fn consented_plans_stop_the_opp_clock_and_start_the_yearly_evaluation() {
    use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
    use arrangeer_shared::api::deadlines::DeadlineResponse;
    use arrangeer_shared::deadlines::DeadlineKind;
    use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
    use arrangeer_shared::workflow::Action;
    use arrangeer_tests::fixtures::{UTRECHT_DOCUMENTS, act, act_justified, proposal, upload_documents};

    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let parent = app.token(Role::Parent, UTRECHT).await;
    let pupils =
        vec![new_pupil(&app, &school, "Ada", "Kok").await, new_pupil(&app, &school, "Bas", "Kok").await];
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Cluster,
        title: "Rekengroep".into(),
        pupil_ids: pupils.clone(),
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
    let _ = act_justified(&app, &consultant, &a, Action::Grant, why).await;

    let mut plans = Vec::new();
    for pupil in &pupils {
        link_demo_parent(&app, &school, *pupil).await;
        let opp: OppResponse = app
            .post_ok("/api/v1/opps", &school, &CreateOppRequest { pupil_id: *pupil, content: content() })
            .await;
        assert_eq!(opp.arrangements.len(), 1, "the plan names the arrangement the pupil is in");
        publish(&app, &school, &opp).await;
        plans.push(opp);
    }
    let clocks = |list: Vec<DeadlineResponse>| list.into_iter().map(|d| d.kind).collect::<Vec<_>>();
    let pending: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    assert_eq!(clocks(pending), vec![DeadlineKind::Opps], "published without consent does not count");
    for opp in &plans {
        let body = ConsentRequest { decision: ConsentDecision::Agree, view: None };
        let response =
            app.post(&format!("/api/v1/opps/{}/versions/1/consents", opp.id), &parent, &body).await;
        assert_eq!(response.status(), 201);
    }
    let done: Vec<DeadlineResponse> = app.get_ok("/api/v1/deadlines", &school).await;
    let today = chrono::Utc::now().date_naive();
    assert_eq!(
        done.iter().map(|d| (d.kind, d.due_date)).collect::<Vec<_>>(),
        vec![(DeadlineKind::OppEvaluation, today.checked_add_months(chrono::Months::new(12)).expect("date"))]
    );
}
