//! Who may do what: every route × every role in two partnerships, as one snapshot. A change
//! of any permission shows up as one line of diff in `snapshots/matrix__role_endpoint_matrix.snap`
//! (review with `cargo insta review`, or accept with `INSTA_UPDATE=always`).
//!
//! The objects live in Utrecht; the Utrecht parent is the guardian of the pupil. So a Liemers
//! column shows what another partnership sees (404: existence is not revealed), and 403 means
//! the role may never do this.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest, Proposal};
use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_tests::{LIEMERS, TINY_PDF, TestApp, UTRECHT, demo_account};
use chrono::NaiveDate;
use serde_json::json;

#[tokio::test]
async fn role_endpoint_matrix() {
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil_request = CreatePupilRequest {
        first_name: "Matrix".into(),
        last_name: "Leerling".into(),
        date_of_birth: NaiveDate::from_ymd_opt(2017, 1, 1).expect("date"),
        group_name: "groep 3".into(),
    };
    let pupil: PupilResponse = app.post_ok("/api/v1/pupils", &school, &pupil_request).await;
    let parent = demo_account(Role::Parent, UTRECHT).email;
    let _: PupilResponse = app
        .post_ok(&format!("/api/v1/pupils/{}/guardians", pupil.id), &school, &json!({ "email": parent }))
        .await;
    let create = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: "Matrix".into(),
        pupil_ids: vec![pupil.id],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: Proposal::default(),
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &create).await;
    let stored = app.upload(&school, &a.id.to_string(), "other", None, "m.pdf", TINY_PDF.to_vec()).await;
    let attachment: AttachmentResponse = stored.json().await.expect("attachment");
    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    let school_id = me.school.expect("school").id;
    let partnership = me.partnership.id;
    // a body that parses, so that every role meets its role and scope check, not the body's
    // 400 (which of the two answers first is not fixed since the auth extractors are async)
    let current_policy: serde_json::Value =
        app.get_ok(&format!("/api/v1/partnerships/{partnership}/policy"), &school).await;
    let plan = json!({
        "expectedExitLevel": "vmbo-kader", "exitLevelReasoning": "Toetsen.", "stimulatingFactors": "Motivatie.",
        "hinderingFactors": "Afleiding.", "educationalNeeds": "Korte instructie.", "pupilVoice": "Ik wil lezen.",
        "goals": [{ "domain": "reading", "description": "AVI M5", "criterion": "AVI-toets", "targetDate": "2027-06-01" }],
        "actionPart": [{ "support": "Leesgroep", "byWhom": "RT", "frequency": "2x per week", "startsOn": "2027-01-04", "endsOn": "2027-06-25" }],
    });
    let opp: serde_json::Value =
        app.post_ok("/api/v1/opps", &school, &json!({ "pupilId": pupil.id, "content": plan })).await;
    let opp = opp["id"].as_str().expect("opp id").to_owned();
    let _: serde_json::Value =
        app.post_ok(&format!("/api/v1/opps/{opp}/actions/publish"), &school, &json!({})).await;

    let consultation_request = json!({
        "kind": "start_meeting",
        "arrangementKind": "individual",
        "supportQuestion": "Hoe ondersteunen we L1 bij rekenen?",
        "pupils": [{ "code": "L1" }]
    });
    let consultation: serde_json::Value =
        app.post_ok("/api/v1/consultations", &school, &consultation_request).await;
    let c = consultation["id"].as_str().expect("consultation id").to_owned();
    let meeting = json!({
        "heldOn": "2026-12-08",
        "participants": [{ "name": "A. Vos", "organisation": "jeugdhulp" }],
        "minutes": "Vraag verkend."
    });
    let triage = json!({ "informationSufficient": true, "involveBoard": false, "involveYouthCare": false });
    let integral_action =
        json!({ "description": "Gezinscoach start.", "ownerName": "R. Smit", "dueOn": "2027-01-08" });
    let integral_update = json!({
        "description": "Gezinscoach start.", "ownerName": "R. Smit", "dueOn": "2027-01-08", "status": "done"
    });
    let action_id = uuid::Uuid::new_v4();

    let (p, id, att) = (pupil.id, a.id, attachment.id);
    let routes: Vec<(&str, String, Option<serde_json::Value>)> = vec![
        ("GET", "/api/v1/me".into(), None),
        ("GET", "/api/v1/schools".into(), None),
        ("GET", format!("/api/v1/schools/{school_id}"), None),
        ("GET", "/api/v1/users".into(), None),
        ("GET", "/api/v1/executors".into(), None),
        ("GET", "/api/v1/pupils".into(), None),
        ("POST", "/api/v1/pupils".into(), Some(serde_json::to_value(&pupil_request).expect("json"))),
        ("GET", format!("/api/v1/pupils/{p}"), None),
        ("POST", format!("/api/v1/pupils/{p}/guardians"), Some(json!({ "email": "nobody@example.org" }))),
        ("GET", "/api/v1/arrangements".into(), None),
        ("POST", "/api/v1/arrangements".into(), Some(serde_json::to_value(&create).expect("json"))),
        ("GET", format!("/api/v1/arrangements/{id}"), None),
        (
            "PUT",
            format!("/api/v1/arrangements/{id}"),
            Some(
                json!({ "title": "x", "pupilIds": [p], "startRoute": "direct_start", "careScope": "education_only", "proposal": {} }),
            ),
        ),
        ("GET", format!("/api/v1/arrangements/{id}/history"), None),
        ("GET", format!("/api/v1/arrangements/{id}/findings"), None),
        ("GET", format!("/api/v1/arrangements/{id}/costs"), None),
        ("POST", format!("/api/v1/arrangements/{id}/actions/approve"), Some(json!({}))),
        ("GET", format!("/api/v1/arrangements/{id}/attachments"), None),
        ("GET", format!("/api/v1/arrangements/{id}/attachments/{att}"), None),
        ("GET", format!("/api/v1/arrangements/{id}/evaluations"), None),
        ("POST", format!("/api/v1/arrangements/{id}/extensions"), Some(json!({}))),
        ("GET", format!("/api/v1/arrangements/{id}/logbook"), None),
        (
            "POST",
            format!("/api/v1/arrangements/{id}/logbook"),
            Some(json!({ "note": "Driegesprek gepland." })),
        ),
        ("GET", format!("/api/v1/arrangements/{id}/quotes"), None),
        ("GET", format!("/api/v1/arrangements/{id}/reports"), None),
        ("GET", "/api/v1/deadlines".into(), None),
        ("POST", "/api/v1/deadlines/feed-token".into(), Some(json!({}))),
        ("GET", format!("/api/v1/partnerships/{partnership}/policy"), None),
        ("PUT", format!("/api/v1/partnerships/{partnership}/policy"), Some(current_policy["policy"].clone())),
        ("GET", "/api/v1/opps".into(), None),
        ("POST", "/api/v1/opps".into(), Some(json!({ "pupilId": p }))),
        ("GET", format!("/api/v1/opps/{opp}"), None),
        ("PUT", format!("/api/v1/opps/{opp}"), Some(json!({ "content": {} }))),
        ("POST", format!("/api/v1/opps/{opp}/actions/publish"), Some(json!({}))),
        ("GET", format!("/api/v1/opps/{opp}/versions"), None),
        ("GET", format!("/api/v1/opps/{opp}/versions/1"), None),
        ("POST", format!("/api/v1/opps/{opp}/versions/1/consents"), Some(json!({ "decision": "disagree" }))),
        ("GET", format!("/api/v1/opps/{opp}/consents"), None),
        (
            "POST",
            format!("/api/v1/opps/{opp}/meetings"),
            Some(json!({ "heldOn": "2027-01-10", "participants": ["moeder"], "outcome": "Eens." })),
        ),
        ("GET", format!("/api/v1/opps/{opp}/meetings"), None),
        (
            "POST",
            format!("/api/v1/opps/{opp}/goal-evaluations"),
            Some(
                json!({ "goalId": uuid::Uuid::nil(), "result": "achieved", "note": "x", "evaluatedOn": "2027-01-10" }),
            ),
        ),
        ("GET", format!("/api/v1/opps/{opp}/goal-evaluations"), None),
        ("GET", "/api/v1/audit-events".into(), None),
        ("GET", format!("/api/v1/pupils/{p}/access-log"), None),
        (
            "POST",
            format!("/api/v1/pupils/{p}/invitations"),
            Some(json!({ "email": "nieuwe.ouder@example.org", "name": "Nieuwe ouder" })),
        ),
        (
            "POST",
            "/api/v1/invitations/actions/accept".into(),
            Some(json!({ "token": "0000", "password": "lang-genoeg-wachtwoord" })),
        ),
        ("GET", "/api/v1/consultations".into(), None),
        ("POST", "/api/v1/consultations".into(), Some(consultation_request.clone())),
        ("GET", format!("/api/v1/consultations/{c}"), None),
        ("PUT", format!("/api/v1/consultations/{c}/triage"), Some(triage)),
        ("GET", format!("/api/v1/consultations/{c}/meetings"), None),
        ("POST", format!("/api/v1/consultations/{c}/meetings"), Some(meeting)),
        ("POST", format!("/api/v1/consultations/{c}/arrangements"), Some(json!({ "arrangementId": id }))),
        ("GET", format!("/api/v1/arrangements/{id}/integral-actions"), None),
        ("POST", format!("/api/v1/arrangements/{id}/integral-actions"), Some(integral_action)),
        ("PUT", format!("/api/v1/arrangements/{id}/integral-actions/{action_id}"), Some(integral_update)),
        ("GET", format!("/api/v1/arrangements/{id}/reductions"), None),
        (
            "POST",
            format!("/api/v1/arrangements/{id}/reductions"),
            Some(json!({ "effectiveFrom": "2027-04-01", "newAmountCents": 1000, "reason": "Minder uren." })),
        ),
        ("POST", "/api/v1/auth/refresh".into(), Some(json!({ "refreshToken": "not-a-token" }))),
        ("POST", "/api/v1/auth/logout".into(), Some(json!({ "refreshToken": "not-a-token" }))),
        ("GET", "/api/v1/payments?year=2027".into(), None),
        ("PUT", "/api/v1/me/preferences".into(), Some(json!({ "language": "en" }))),
        ("GET", "/api/v1/statistics?year=2027".into(), None),
        ("GET", format!("/api/v1/statistics?year=2027&schoolId={school_id}"), None),
        ("GET", "/api/v1/exports/arrangements?format=csv".into(), None),
        ("GET", "/api/v1/exports/arrangements?format=xlsx".into(), None),
        ("GET", "/api/v1/exports/payments?format=csv&year=2027".into(), None),
        ("GET", "/api/v1/exports/statistics?format=xlsx&year=2027".into(), None),
        ("GET", format!("/api/v1/arrangements/{id}/short-term-joiners"), None),
        (
            "POST",
            format!("/api/v1/arrangements/{id}/short-term-joiners"),
            Some(json!({
                "pupilId": p, "offerPart": "Leesgroep", "startsOn": "2027-01-11", "endsOn": "2027-03-26",
                "actionPlanAttachmentId": att, "parentsInformed": true
            })),
        ),
        ("GET", "/api/v1/me/notification-preferences".into(), None),
        (
            "PUT",
            "/api/v1/me/notification-preferences".into(),
            Some(
                json!({ "requestSubmitted": true, "adviceGiven": true, "decisionTaken": true, "consentRequested": true }),
            ),
        ),
        ("GET", "/api/v1/me/totp".into(), None),
        ("POST", "/api/v1/me/totp/confirm".into(), Some(json!({ "code": "000000" }))),
        ("POST", "/api/v1/me/totp".into(), Some(json!({}))),
        ("DELETE", format!("/api/v1/users/{}/totp", me.id), None),
    ];

    let mut callers = Vec::new();
    for partnership in [UTRECHT, LIEMERS] {
        for role in Role::ALL {
            let short = if partnership == UTRECHT { "U" } else { "L" };
            callers.push((format!("{}:{short}", role.as_str()), app.token(role, partnership).await));
        }
    }
    let mut table = format!("{:<64}", "route");
    for (name, _) in &callers {
        table.push_str(&format!("{name:>14}"));
    }
    table.push('\n');
    for (method, path, body) in &routes {
        let template = path
            .replace(&p.to_string(), "{pupil}")
            .replace(&id.to_string(), "{arrangement}")
            .replace(&att, "{attachment}")
            .replace(&school_id.to_string(), "{school}")
            .replace(&partnership.to_string(), "{partnership}")
            .replace(&opp, "{opp}")
            .replace(&c, "{consultation}")
            .replace(&action_id.to_string(), "{action}")
            .replace(&me.id.to_string(), "{user}");
        table.push_str(&format!("{:<64}", format!("{method} {template}")));
        for (_, token) in &callers {
            let url = app.url(path);
            let request = match *method {
                "GET" => app.client.get(url),
                "POST" => app.client.post(url),
                "DELETE" => app.client.delete(url),
                _ => app.client.put(url),
            };
            let request = match body {
                Some(b) => request.json(b),
                None => request,
            };
            let status = request.bearer_auth(token).send().await.expect("request").status().as_u16();
            table.push_str(&format!("{status:>14}"));
        }
        table.push('\n');
    }
    // the school import takes DUO's CSV, not JSON
    let csv = include_str!("../fixtures/duo/scholen-per-swv-po.csv");
    table.push_str(&format!("{:<64}", "POST /api/v1/school-imports (text/csv)"));
    for (_, token) in &callers {
        let request = app.client.post(app.url("/api/v1/school-imports")).header("Content-Type", "text/csv");
        let status = request.body(csv).bearer_auth(token).send().await.expect("request").status().as_u16();
        table.push_str(&format!("{status:>14}"));
    }
    table.push('\n');
    insta::assert_snapshot!(table);
}
