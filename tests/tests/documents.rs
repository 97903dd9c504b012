//! Documents and mail: the decision letter (PDF/A, rendered by typst inside the decision's
//! transaction) and the notification mails (file transport), on a real server and database.

use std::path::Path;
use std::time::Duration;

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ActionRequest, ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::costs::CostsResponse;
use arrangeer_shared::api::invitations::InvitationResponse;
use arrangeer_shared::api::notifications::NotificationPreferences;
use arrangeer_shared::kinds::{ArrangementKind, AttachmentKind, CareScope, ExecutorKind, StartRoute};
use arrangeer_shared::money::Cents;
use arrangeer_shared::workflow::{Action, Status};
use arrangeer_tests::fixtures::{UTRECHT_DOCUMENTS, act_justified, new_pupil, proposal, upload_documents};
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT, demo_account};

const WHY: &str = "Afgestemd met de consulent; passend bij de onderwijsbehoefte.";
const REASONING: &str =
    "De aanvraag is volledig; de inzet past bij de onderwijsbehoefte. #set page(fill: red) *geen opmaak*";

/// A Utrecht dossier of pupil Noor Visser with the demo executor organisation, made definitive.
async fn definitive(app: &TestApp, title: &str) -> ArrangementResponse {
    let school = app.token(Role::School, UTRECHT).await;
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let executor = app.token(Role::Executor, UTRECHT).await;
    let me: MeResponse = app.get_ok("/api/v1/me", &executor).await;
    let pupil = new_pupil(app, &school, "Noor", "Visser").await;
    let mut p = proposal();
    p.executor_kind = Some(ExecutorKind::External);
    p.executor_id = Some(me.executor.expect("an executor organisation").id);
    let request = CreateArrangementRequest {
        kind: ArrangementKind::Individual,
        title: title.into(),
        pupil_ids: vec![pupil],
        start_route: StartRoute::DirectStart,
        care_scope: CareScope::EducationOnly,
        proposal: p,
    };
    let a: ArrangementResponse = app.post_ok("/api/v1/arrangements", &school, &request).await;
    let a = act_justified(app, &school, &a, Action::Submit, WHY).await;
    let a = act_justified(app, &consultant, &a, Action::Approve, WHY).await;
    upload_documents(app, &school, &a, UTRECHT_DOCUMENTS).await;
    act_justified(app, &school, &a, Action::MakeDefinitive, WHY).await
}

async fn decide(app: &TestApp, a: &ArrangementResponse, action: Action) -> ArrangementResponse {
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let body = ActionRequest {
        comment: Some(REASONING.into()),
        justification: Some(WHY.into()),
        ..ActionRequest::default()
    };
    app.post_ok(&format!("/api/v1/arrangements/{}/actions/{action}", a.id), &admin, &body).await
}

/// The text of a PDF, by poppler's `pdftotext` (installed by `cargo xtask setup`).
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("letter.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext rejects the file: {}", String::from_utf8_lossy(&out.stderr));
    // the layout keeps words apart; collapse runs of spaces and line breaks for searching
    String::from_utf8(out.stdout).expect("utf-8").split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn letter_of(app: &TestApp, token: &str, a: &ArrangementResponse) -> (AttachmentResponse, Vec<u8>) {
    let list: Vec<AttachmentResponse> =
        app.get_ok(&format!("/api/v1/arrangements/{}/attachments", a.id), token).await;
    let letters: Vec<_> = list.into_iter().filter(|d| d.kind == AttachmentKind::DecisionLetter).collect();
    assert_eq!(letters.len(), 1, "one letter per decision");
    let letter = letters.into_iter().next().expect("letter");
    let response = app.get(&format!("/api/v1/arrangements/{}/attachments/{}", a.id, letter.id), token).await;
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.expect("body").to_vec();
    (letter, bytes)
}

#[tokio::test]
async fn granting_produces_a_pdf_a_letter_that_school_executor_and_office_can_download() {
    let app = TestApp::spawn().await;
    let a = definitive(&app, "Rekenen groep 5").await;
    let granted = decide(&app, &a, Action::Grant).await;
    assert_eq!(granted.status, Status::Granted);

    let school = app.token(Role::School, UTRECHT).await;
    let (meta, pdf) = letter_of(&app, &school, &a).await;
    assert_eq!(meta.content_type, "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    assert!(pdf.windows(10).any(|w| w == b"pdfaid:par"), "PDF/A identification in the XMP metadata");
    let text = pdf_text(&pdf);
    let costs: CostsResponse = app.get_ok(&format!("/api/v1/arrangements/{}/costs", a.id), &school).await;
    let amount = Cents(costs.expected_cost_cents.expect("a cost")).format_nl();
    assert_eq!(amount, "€ 4.000,00", "2.5 h × €80 × 20 weeks");
    for expected in [
        "SWV Utrecht PO",
        "Besluit: toegekend",
        amount.as_str(),
        "4 januari 2027 tot en met 25 juni 2027",
        "individueel arrangement",
        "Basisschool De Regenboog",
        "Expertiseteam Utrecht",
        "#set page(fill: red) *geen opmaak*",
        "bezwaar",
        "Algemene wet bestuursrecht",
    ] {
        assert!(text.contains(expected), "the letter says {expected:?}: {text}");
    }
    for absent in ["Noor", "Visser"] {
        assert!(!text.contains(absent), "the letter names no pupil ({absent}): {text}");
    }

    for role in [Role::Executor, Role::SwvAdmin, Role::Consultant] {
        let token = app.token(role, UTRECHT).await;
        assert_eq!(letter_of(&app, &token, &a).await.1, pdf, "{role} downloads the same letter");
    }
    let path = format!("/api/v1/arrangements/{}/attachments/{}", a.id, meta.id);
    assert_eq!(app.get(&path, &app.token(Role::Parent, UTRECHT).await).await.status(), 403);
    for role in [Role::School, Role::Executor, Role::SwvAdmin] {
        assert_eq!(app.get(&path, &app.token(role, LIEMERS).await).await.status(), 404, "{role} of Liemers");
    }
}

#[tokio::test]
async fn rejecting_produces_a_letter_that_says_so_with_the_reasoning() {
    let app = TestApp::spawn().await;
    let a = definitive(&app, "Lezen groep 4").await;
    assert_eq!(decide(&app, &a, Action::Reject).await.status, Status::Rejected);
    let (meta, pdf) = letter_of(&app, &app.token(Role::School, UTRECHT).await, &a).await;
    assert!(meta.file_name.starts_with("besluit-afwijzing-"), "{}", meta.file_name);
    let text = pdf_text(&pdf);
    for expected in
        ["Besluit: afgewezen", "De aanvraag is volledig", "aangevraagd, niet toegekend", "bezwaar"]
    {
        assert!(text.contains(expected), "the letter says {expected:?}: {text}");
    }
}

/// Waits until a mail to `to` whose text contains `needle` is in `dir`; returns it.
async fn mail_to(dir: &Path, to: &str, needle: &str) -> String {
    mail_with(dir, to, &[needle]).await
}

/// Waits until a mail to `to` whose text contains all `needles` is in `dir`; returns it.
async fn mail_with(dir: &Path, to: &str, needles: &[&str]) -> String {
    for _ in 0..150 {
        if let Some(found) =
            mails(dir).into_iter().find(|m| is_to(m, to) && needles.iter().all(|n| m.contains(n)))
        {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no mail to {to} containing {needles:?}; mails: {:?}", mails(dir));
}

fn mails(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .map(|m| decode_quoted_printable(&m))
                .collect()
        })
        .unwrap_or_default()
}

/// What a mail client shows of a quoted-printable body (RFC 2045 6.7): soft line breaks
/// joined, `=XX` decoded. Our mails are ASCII, so bytes are characters.
fn decode_quoted_printable(mail: &str) -> String {
    if !mail.contains("Content-Transfer-Encoding: quoted-printable") {
        return mail.to_owned();
    }
    let joined = mail.replace("=\r\n", "");
    let mut out = String::new();
    let mut rest = joined.as_str();
    while let Some(at) = rest.find('=') {
        out.push_str(&rest[..at]);
        let hex = rest.get(at + 1..at + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(byte) => {
                out.push(char::from(byte));
                rest = &rest[at + 3..];
            }
            None => {
                out.push('=');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_to(mail: &str, to: &str) -> bool {
    mail.lines().any(|l| l.starts_with("To: ") && l.contains(to))
}

#[tokio::test]
async fn a_decision_mails_the_school_without_pupil_content_and_respects_switched_off_events() {
    let mail_dir = tempfile::tempdir().expect("mail dir");
    let dir = mail_dir.path().to_owned();
    let app = TestApp::spawn_with(|s| s.mail_dir = Some(dir.clone())).await;
    let school = demo_account(Role::School, UTRECHT).email;
    let executor = demo_account(Role::Executor, UTRECHT).email;
    let consultant = demo_account(Role::Consultant, UTRECHT).email;
    let executor_token = app.token(Role::Executor, UTRECHT).await;
    let prefs = "/api/v1/me/notification-preferences";
    assert_eq!(
        app.get_ok::<NotificationPreferences>(prefs, &executor_token).await,
        NotificationPreferences::default()
    );
    let off = NotificationPreferences { decision_taken: false, ..NotificationPreferences::default() };
    let stored: NotificationPreferences = {
        let r = app.put(prefs, &executor_token, None, &off).await;
        assert_eq!(r.status(), 200);
        r.json().await.expect("preferences")
    };
    assert_eq!(stored, off);
    assert_eq!(app.get_ok::<NotificationPreferences>(prefs, &executor_token).await, off, "kept");
    let bad = app.put(prefs, &executor_token, None, &serde_json::json!({ "decisionTaken": false })).await;
    assert_eq!(bad.status(), 400, "all four switches or none");

    let granted_dossier = definitive(&app, "Rekenen groep 5").await;
    let rejected_dossier = definitive(&app, "Lezen groep 4").await;
    let submitted = mail_to(&dir, &consultant, &format!("/dossiers/{}", granted_dossier.id)).await;
    assert!(submitted.contains("ingediend"), "the consultant hears of the application: {submitted}");
    decide(&app, &granted_dossier, Action::Grant).await;
    let link = format!("http://localhost:8080/dossiers/{}", granted_dossier.id);
    // the school also had the consultant's advice on this dossier: pick the decision's mail
    let mail = mail_with(&dir, &school, &[&link, "Besluit over een arrangement"]).await;
    for absent in ["Noor", "Visser", "Rekenen groep 5"] {
        assert!(!mail.contains(absent), "no pupil content ({absent}) in {mail}");
    }
    // the batch is sent in order, school staff first: the executor's would have followed at once
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        !mails(&dir).iter().any(|m| is_to(m, &executor) && m.contains(&link)),
        "the executor switched decisions off"
    );

    let on = app.put(prefs, &executor_token, None, &NotificationPreferences::default()).await;
    assert_eq!(on.status(), 200);
    decide(&app, &rejected_dossier, Action::Reject).await;
    let mail = mail_to(&dir, &executor, &format!("/dossiers/{}", rejected_dossier.id)).await;
    assert!(!mail.contains("Visser"), "{mail}");
}

#[tokio::test]
async fn an_invitation_is_mailed_with_its_link_and_nothing_about_the_child() {
    let mail_dir = tempfile::tempdir().expect("mail dir");
    let dir = mail_dir.path().to_owned();
    let app = TestApp::spawn_with(|s| s.mail_dir = Some(dir.clone())).await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil = new_pupil(&app, &school, "Sem", "de Boer").await;
    let body = serde_json::json!({ "email": "moeder.deboer@example.org", "name": "Mevrouw De Boer" });
    let invitation: InvitationResponse =
        app.post_ok(&format!("/api/v1/pupils/{pupil}/invitations"), &school, &body).await;
    let link = invitation.demo_link.expect("demo mode also returns the link");
    let mail = mail_to(&dir, "moeder.deboer@example.org", &link).await;
    assert!(mail.contains("uitnodiging"), "{mail}");
    assert!(!mail.contains("Sem de") && !mail.contains("de Boer"), "{mail}");
}

#[tokio::test]
async fn publishing_a_plan_asks_the_guardian_for_consent_by_mail() {
    let mail_dir = tempfile::tempdir().expect("mail dir");
    let dir = mail_dir.path().to_owned();
    let app = TestApp::spawn_with(|s| s.mail_dir = Some(dir.clone())).await;
    let school = app.token(Role::School, UTRECHT).await;
    let parent = demo_account(Role::Parent, UTRECHT).email;
    let pupil = new_pupil(&app, &school, "Noor", "Visser").await;
    let _: serde_json::Value = app
        .post_ok(
            &format!("/api/v1/pupils/{pupil}/guardians"),
            &school,
            &serde_json::json!({ "email": parent }),
        )
        .await;
    let plan = serde_json::json!({
        "expectedExitLevel": "vmbo-kader", "exitLevelReasoning": "Toetsen.", "stimulatingFactors": "Motivatie.",
        "hinderingFactors": "Afleiding.", "educationalNeeds": "Korte instructie.", "pupilVoice": "Ik wil lezen.",
        "goals": [{ "domain": "reading", "description": "AVI M5", "criterion": "AVI-toets", "targetDate": "2027-06-01" }],
        "actionPart": [{ "support": "Leesgroep", "byWhom": "RT", "frequency": "2x per week", "startsOn": "2027-01-04", "endsOn": "2027-06-25" }],
    });
    let opp: serde_json::Value =
        app.post_ok("/api/v1/opps", &school, &serde_json::json!({ "pupilId": pupil, "content": plan })).await;
    let opp = opp["id"].as_str().expect("opp id").to_owned();
    let _: serde_json::Value =
        app.post_ok(&format!("/api/v1/opps/{opp}/actions/publish"), &school, &serde_json::json!({})).await;
    let mail = mail_to(&dir, &parent, "/mijn-kind").await;
    assert!(mail.contains("instemming"), "{mail}");
    assert!(!mail.contains("Noor") && !mail.contains("Visser"), "{mail}");
}
