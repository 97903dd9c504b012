//! The dossier route through the API, for the three seed partnerships, on a real server and
//! database: pupils, drafts, proposal edits with If-Match, every action, the history, scope.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{
    ActionRequest, ArrangementEvent, ArrangementResponse, CreateArrangementRequest, Proposal,
    UpdateArrangementRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_shared::workflow::{Action, Status};
use arrangeer_tests::fixtures::{
    HOLLAND_RIJNLAND, UTRECHT_DOCUMENTS, act, act_justified, act_status, evaluate_finally, new_pupil,
    proposal, upload_documents,
};
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT, demo_account};

#[tokio::test]
async fn utrecht_cluster_of_three_pupils_runs_from_draft_to_closed() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let pupils = vec![
        new_pupil(&app, &school, "Daan", "Jansen").await,
        new_pupil(&app, &school, "Sara", "de Wit").await,
        new_pupil(&app, &school, "Milan", "Bos").await,
    ];
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Cluster,
        title: "Leesgroep groep 4".into(),
        pupil_ids: pupils.clone(),
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let created = app.post("/api/v1/arrangements", &school, &request).await;
    assert_eq!(created.status(), 201);
    assert_eq!(created.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"1\""));
    let a: ArrangementResponse = created.json().await.expect("arrangement");
    assert_eq!((a.status, a.pupils.len()), (Status::Draft, 3));
    assert_eq!(a.allowed_actions, vec![Action::Submit, Action::Withdraw]);
    // (120 + 30) minutes × €80/h × 20 weeks = €4,000
    assert_eq!(a.expected_cost_cents, Some(400_000));

    // a cluster has no amount cap in Utrecht but must be justified: the rule warns
    let (status, problem) = act_status(&app, &school, &a, Action::Submit).await;
    assert_eq!(status, 422);
    assert_eq!(problem.errors[0].field, "justification");
    assert!(problem.errors[0].message.contains("amount_justification"), "{}", problem.errors[0].message);
    let why =
        "Drie leerlingen met dezelfde leesachterstand; samen goedkoper dan drie individuele arrangementen.";
    let a = act_justified(&app, &school, &a, Action::Submit, why).await;
    assert_eq!(a.status, Status::Submitted);
    assert_eq!(a.policy_version, Some(1), "the policy in force is recorded at submission");
    let consultant_view: ArrangementResponse =
        app.get_ok(&format!("/api/v1/arrangements/{}", a.id), &consultant).await;
    assert_eq!(consultant_view.allowed_actions, vec![Action::RequestChanges, Action::Approve]);
    let a = act(&app, &consultant, &a, Action::Approve, Some("Compleet.")).await;
    // without its documents the application cannot become definitive: what is missing is named per pupil
    let (status, problem) = act_status(&app, &school, &a, Action::MakeDefinitive).await;
    assert_eq!(status, 422);
    let missing_opps = problem.errors.iter().filter(|e| e.code == "required_attachment.opp").count();
    assert!(missing_opps >= 1, "{problem:?}");
    upload_documents(&app, &school, &a, UTRECHT_DOCUMENTS).await;
    let a = act_justified(&app, &school, &a, Action::MakeDefinitive, why).await;
    // in Utrecht the consultant decides on a cluster on behalf of the SWV
    let a = act_justified(&app, &consultant, &a, Action::Grant, "Passend en onderbouwd.").await;
    assert_eq!(a.status, Status::Granted);
    let a = act(&app, &school, &a, Action::Start, None).await;
    // a dossier closes after its final evaluation, with the consultant present
    let (status, problem) = act_status(&app, &school, &a, Action::Close).await;
    assert_eq!((status, problem.errors[0].code.as_str()), (422, "final_evaluation_required"));
    evaluate_finally(&app, &school, &consultant, &a).await;
    let a = act(&app, &school, &a, Action::Close, None).await;
    assert_eq!(a.status, Status::Closed);
    assert!(a.allowed_actions.is_empty());

    let history: Vec<ArrangementEvent> =
        app.get_ok(&format!("/api/v1/arrangements/{}/history", a.id), &school).await;
    let steps: Vec<_> = history.iter().map(|e| (e.action.as_str(), e.to_status)).collect();
    assert_eq!(
        steps,
        vec![
            ("create", Status::Draft),
            ("submit", Status::Submitted),
            ("approve", Status::Approved),
            ("make-definitive", Status::Definitive),
            ("grant", Status::Granted),
            ("start", Status::InExecution),
            ("close", Status::Closed),
        ]
    );
    assert_eq!(history[1].justification.as_deref(), Some(why), "the justification is kept with the event");
    assert_eq!(history[2].actor.role, Role::Consultant);
    assert_eq!(history[2].comment.as_deref(), Some("Compleet."));

    // closed is read-only: every change is a 409
    let update = UpdateArrangementRequest {
        title: "x".into(),
        pupil_ids: pupils,
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    assert_eq!(
        app.put(&format!("/api/v1/arrangements/{}", a.id), &school, Some(a.version), &update).await.status(),
        409
    );
    let (status, problem) = act_status(&app, &school, &a, Action::Withdraw).await;
    assert_eq!((status, problem.allowed_actions.len()), (409, 0));
}

#[tokio::test]
async fn utrecht_individual_with_changes_requested_once() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Noah", "Visser").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Rekenen Noah".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::QuoteFirst,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let a = act(&app, &school, &a, Action::Submit, None).await;
    let a = act(
        &app,
        &consultant,
        &a,
        Action::RequestChanges,
        Some("Graag doelen voor de leerkracht concreter."),
    )
    .await;
    assert_eq!(a.status, Status::ChangesRequested);

    let mut changed = proposal();
    changed.goals_teacher = "De leerkracht geeft dagelijks verlengde instructie.".into();
    let update = UpdateArrangementRequest {
        title: a.title.clone(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::QuoteFirst,
        care_scope: CareScope::EducationOnly,
        proposal: changed,
    };
    let path = format!("/api/v1/arrangements/{}", a.id);
    assert_eq!(app.put(&path, &school, None, &update).await.status(), 428, "If-Match is required");
    assert_eq!(app.put(&path, &school, Some(a.version - 1), &update).await.status(), 412, "stale version");
    let response = app.put(&path, &school, Some(a.version), &update).await;
    assert_eq!(response.status(), 200);
    let a: ArrangementResponse = response.json().await.expect("arrangement");
    assert_eq!(a.proposal.goals_teacher, "De leerkracht geeft dagelijks verlengde instructie.");

    let a = act(&app, &school, &a, Action::Submit, None).await;
    let a = act(&app, &consultant, &a, Action::Approve, None).await;
    upload_documents(&app, &school, &a, UTRECHT_DOCUMENTS).await;
    let a = act(&app, &school, &a, Action::MakeDefinitive, None).await;
    // for an individual arrangement in Utrecht the SWV (admissions board) decides, not the consultant
    let (status, _) = act_status(&app, &consultant, &a, Action::Grant).await;
    assert_eq!(status, 403);
    let a = act(&app, &admin, &a, Action::Grant, None).await;
    assert_eq!(a.status, Status::Granted);
    let history: Vec<ArrangementEvent> = app.get_ok(&format!("{path}/history"), &admin).await;
    assert_eq!(history.iter().filter(|e| e.action == "submit").count(), 2);
    assert_eq!(history.iter().filter(|e| e.action == "request-changes").count(), 1);
}

#[tokio::test]
async fn holland_rijnland_integral_needs_its_case_director() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, HOLLAND_RIJNLAND).await;
    let consultant = app.token(Role::Consultant, HOLLAND_RIJNLAND).await;
    let pupil = new_pupil(&app, &school, "Lina", "Koster").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Integral,
        title: "Integraal arrangement Lina".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::InternalAdvice,
        care_scope: CareScope::EducationPlusCare,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let response = app
        .post(&format!("/api/v1/arrangements/{}/actions/submit", a.id), &school, &ActionRequest::default())
        .await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    assert_eq!(problem.errors[0].field, "proposal.caseDirector");

    let mut with_director = proposal();
    with_director.case_director = Some("J. de Groot (jeugdteam Leiden)".into());
    let update = UpdateArrangementRequest {
        title: a.title.clone(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::InternalAdvice,
        care_scope: CareScope::EducationPlusCare,
        proposal: with_director,
    };
    let a: ArrangementResponse = app
        .put(&format!("/api/v1/arrangements/{}", a.id), &school, Some(a.version), &update)
        .await
        .json()
        .await
        .expect("arrangement");
    let a = act(&app, &school, &a, Action::Submit, None).await;
    let a = act(&app, &consultant, &a, Action::Approve, None).await;
    upload_documents(&app, &school, &a, &[]).await;
    let a = act(&app, &school, &a, Action::MakeDefinitive, None).await;
    let a = act(&app, &consultant, &a, Action::Grant, Some("Akkoord in breed overleg.")).await;
    let a = act(&app, &school, &a, Action::Start, None).await;
    assert_eq!(a.status, Status::InExecution);
}

#[tokio::test]
async fn a_cluster_of_one_pupil_is_refused_naming_the_field() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Eva", "Smit").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Cluster,
        title: "Cluster van één".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: Proposal::default(),
    };
    let response = app.post("/api/v1/arrangements", &school, &request).await;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.expect("problem");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code.as_str()),
        ("pupilIds", "cluster_needs_two_pupils")
    );
    let list: Page<serde_json::Value> = app.get_ok("/api/v1/arrangements", &school).await;
    assert!(list.items.is_empty(), "nothing was stored");
}

#[tokio::test]
async fn dossiers_outside_the_callers_scope_are_404_and_wrong_roles_403() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Finn", "Mulder").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Gedrag Finn".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let path = format!("/api/v1/arrangements/{}", a.id);

    for (role, partnership, status) in [
        (Role::SwvAdmin, UTRECHT, 200),
        (Role::Consultant, UTRECHT, 200),
        (Role::Executor, UTRECHT, 404),
        (Role::Parent, UTRECHT, 404),
        (Role::School, LIEMERS, 404),
        (Role::SwvAdmin, LIEMERS, 404),
        (Role::Consultant, LIEMERS, 404),
    ] {
        let token = app.token(role, partnership).await;
        assert_eq!(app.get(&path, &token).await.status().as_u16(), status, "{role} of {partnership}");
        assert_eq!(
            app.get(&format!("{path}/history"), &token).await.status().as_u16(),
            status,
            "{role} history"
        );
    }

    // a parent sees the dossier once linked to the child, and may not act on it
    let parent = demo_account(Role::Parent, UTRECHT);
    let linked = app
        .post(
            &format!("/api/v1/pupils/{pupil}/guardians"),
            &school,
            &serde_json::json!({ "email": parent.email }),
        )
        .await;
    assert_eq!(linked.status(), 200);
    let parent_token = app.token(Role::Parent, UTRECHT).await;
    let seen: ArrangementResponse = app.get_ok(&path, &parent_token).await;
    assert!(seen.allowed_actions.is_empty());
    let (status, _) = act_status(&app, &parent_token, &a, Action::Submit).await;
    assert_eq!(status, 403);
    assert_eq!(app.post("/api/v1/arrangements", &parent_token, &request).await.status(), 403);

    // the consultant may not submit for the school; approving a draft is a 409 naming what is allowed
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    assert_eq!(act_status(&app, &consultant, &a, Action::Submit).await.0, 403);
    let (status, problem) = act_status(&app, &consultant, &a, Action::Approve).await;
    assert_eq!(status, 409);
    assert!(problem.allowed_actions.is_empty(), "a consultant can do nothing with a draft");
    let (status, problem) = act_status(&app, &school, &a, Action::Start).await;
    assert_eq!(
        (status, problem.allowed_actions.clone()),
        (409, vec!["submit".to_owned(), "withdraw".to_owned()])
    );
}

#[tokio::test]
async fn two_clients_with_the_same_etag_one_wins_one_gets_412() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Tim", "Vos").await;
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Taal Tim".into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let path = format!("/api/v1/arrangements/{}", a.id);
    let update = |title: &str| UpdateArrangementRequest {
        title: title.into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: proposal(),
    };
    let (one, two) = (update("Eerste"), update("Tweede"));
    let (first, second) = tokio::join!(
        app.put(&path, &school, Some(a.version), &one),
        app.put(&path, &school, Some(a.version), &two),
    );
    let mut statuses = [first.status().as_u16(), second.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 412]);
    let stored: ArrangementResponse = app.get_ok(&path, &school).await;
    assert_eq!(stored.version, a.version + 1);
}
