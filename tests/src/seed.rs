//! A small, realistic set of Utrecht dossiers for the browser tests of the start pages, the
//! timeline and accessibility: one in each stage a role has to act on.
//!
//! | dossier | pupil | status | executor |
//! |---|---|---|---|
//! | Leesbegeleiding Daan | Daan Jansen | draft | Expertiseteam Utrecht (quote still to write) |
//! | Rekenen Sara | Sara de Wit | submitted | internal |
//! | Taal Liam | Liam Bakker | definitive (the SWV office decides) | internal |
//! | Gedrag Noor | Noor Visser | in execution, final evaluation planned | Expertiseteam Utrecht |
//!
//! The Utrecht parent is Daan's guardian; Daan's OPP is published and waits for the answer.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest, Proposal};
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::evaluations::{
    EvaluationKind, EvaluationResponse, Participant, PlanEvaluationRequest,
};
use arrangeer_shared::api::pupils::PupilResponse;
use arrangeer_shared::ids::PupilId;
use arrangeer_shared::kinds::{ArrangementKind, CareScope, ExecutorKind, StartRoute};
use arrangeer_shared::workflow::Action;
use chrono::{Datelike, Months, NaiveDate};
use serde_json::json;

use crate::fixtures::{UTRECHT_DOCUMENTS, act, new_pupil, proposal, upload_documents};
use crate::{TestApp, UTRECHT, demo_account};

/// What was made, for the assertions.
pub struct Seeded {
    pub draft: ArrangementResponse,
    pub submitted: ArrangementResponse,
    pub definitive: ArrangementResponse,
    pub running: ArrangementResponse,
    pub daan: PupilId,
    pub opp: String,
    /// The planned final evaluation of the running dossier.
    pub evaluation_on: NaiveDate,
}

async fn create(
    app: &TestApp,
    school: &str,
    title: &str,
    pupil: PupilId,
    p: Proposal,
) -> ArrangementResponse {
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: title.into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::QuoteFirst,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    app.post_ok("/api/v1/arrangements", school, &request).await
}

/// Seeds the dossiers of the table above in Utrecht.
pub async fn seed_dossiers(app: &TestApp) -> Seeded {
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let executor: MeResponse = app.get_ok("/api/v1/me", &app.token(Role::Executor, UTRECHT).await).await;
    let organisation = executor.executor.expect("an executor organisation").id;
    let mut external = proposal();
    external.executor_kind = Some(ExecutorKind::External);
    external.executor_id = Some(organisation);

    let daan = new_pupil(app, &school, "Daan", "Jansen").await;
    let sara = new_pupil(app, &school, "Sara", "de Wit").await;
    let liam = new_pupil(app, &school, "Liam", "Bakker").await;
    let noor = new_pupil(app, &school, "Noor", "Visser").await;

    let draft = create(app, &school, "Leesbegeleiding Daan", daan, external.clone()).await;
    let submitted = create(app, &school, "Rekenen Sara", sara, proposal()).await;
    let submitted = act(app, &school, &submitted, Action::Submit, None).await;

    let definitive = create(app, &school, "Taal Liam", liam, proposal()).await;
    let definitive = act(app, &school, &definitive, Action::Submit, None).await;
    let definitive = act(app, &consultant, &definitive, Action::Approve, None).await;
    upload_documents(app, &school, &definitive, UTRECHT_DOCUMENTS).await;
    let definitive = act(app, &school, &definitive, Action::MakeDefinitive, None).await;

    // running since the first of this month, for five months: part of the money falls in this year
    let today = chrono::Utc::now().date_naive();
    let start = today.with_day(1).expect("first of the month");
    let mut running_plan = external;
    running_plan.start_date = Some(start);
    running_plan.end_date = start.checked_add_months(Months::new(5)).and_then(|d| d.pred_opt());
    let running = create(app, &school, "Gedrag Noor", noor, running_plan).await;
    let running = act(app, &school, &running, Action::Submit, None).await;
    let running = act(app, &consultant, &running, Action::Approve, None).await;
    upload_documents(app, &school, &running, UTRECHT_DOCUMENTS).await;
    let running = act(app, &school, &running, Action::MakeDefinitive, None).await;
    let running = act(app, &admin, &running, Action::Grant, Some("Toegekend door de TLC.")).await;
    let running = act(app, &school, &running, Action::Start, None).await;
    let me: MeResponse = app.get_ok("/api/v1/me", &consultant).await;
    let evaluation_on = today + chrono::Duration::days(30);
    let plan = PlanEvaluationRequest {
        kind: EvaluationKind::Final,
        planned_on: evaluation_on,
        participants: vec![
            Participant { name: me.name.clone(), organisation: Some("SWV".into()), user_id: Some(me.id) },
            Participant { name: "Leerkracht groep 4".into(), organisation: None, user_id: None },
        ],
    };
    let _: EvaluationResponse =
        app.post_ok(&format!("/api/v1/arrangements/{}/evaluations", running.id), &school, &plan).await;

    // Daan's parent and Daan's published plan
    let parent = demo_account(Role::Parent, UTRECHT).email;
    let _: PupilResponse =
        app.post_ok(&format!("/api/v1/pupils/{daan}/guardians"), &school, &json!({ "email": parent })).await;
    let content = json!({
        "expectedExitLevel": "vmbo-kader", "exitLevelReasoning": "Toetsen.", "stimulatingFactors": "Motivatie.",
        "hinderingFactors": "Afleiding.", "educationalNeeds": "Korte instructie.", "pupilVoice": "Ik wil lezen.",
        "goals": [{ "domain": "reading", "description": "AVI M5", "criterion": "AVI-toets", "targetDate": "2027-06-01" }],
        "actionPart": [{ "support": "Leesgroep", "byWhom": "RT", "frequency": "2x per week", "startsOn": "2027-01-04", "endsOn": "2027-06-25" }],
    });
    let opp: serde_json::Value =
        app.post_ok("/api/v1/opps", &school, &json!({ "pupilId": daan, "content": content })).await;
    let opp = opp["id"].as_str().expect("opp id").to_owned();
    let _: serde_json::Value =
        app.post_ok(&format!("/api/v1/opps/{opp}/actions/publish"), &school, &json!({})).await;

    Seeded { draft, submitted, definitive, running, daan, opp, evaluation_on }
}
