//! Schemathesis (PyPI) against the live server, over every operation of the OpenAPI document,
//! with a token of each of the five roles: no server error, and every answer as documented
//! (status codes, content types, headers, response schemas, problem+json).
//!
//! `cargo xtask test` installs schemathesis into a virtualenv and passes its `st` in
//! `ARRANGEER_SCHEMATHESIS`. One check is left out on purpose: `positive_data_acceptance`
//! expects every schema-valid request to succeed, but a schema cannot express the API's rules
//! (a date of birth in the future is 422, a forged cursor is 400) — those answers are correct.

use std::path::PathBuf;
use std::time::Instant;

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest, Proposal};
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::kinds::{ArrangementKind, CareScope, StartRoute};
use arrangeer_tests::{TestApp, UTRECHT};
use chrono::NaiveDate;

fn schemathesis() -> PathBuf {
    std::env::var_os("ARRANGEER_SCHEMATHESIS").map(PathBuf::from).expect(
        "ARRANGEER_SCHEMATHESIS is not set: run the suite with `cargo xtask test`, which installs schemathesis",
    )
}

/// A schemathesis configuration that points the `{id}` of each path family at an object that
/// exists, so that generated requests reach the handlers' logic instead of stopping at 404.
///
/// Two answers are added to schemathesis' defaults: a missing `If-Match` is 428 Precondition
/// Required (RFC 6585), as API.md asks; and a stale `If-Match` is 412 whatever the body holds,
/// because preconditions are evaluated before the request is applied (RFC 9110, 13.2.1).
fn config(arrangement: &str, pupil: &str, school: &str, partnership: &str) -> String {
    let mut toml = String::from(
        "[checks.missing_required_header]\n\
         expected-statuses = [\"400\", \"401\", \"403\", \"406\", \"415\", \"422\", \"428\"]\n\n\
         [checks.negative_data_rejection]\n\
         expected-statuses = [\"400\", \"401\", \"403\", \"404\", \"405\", \"406\", \"409\", \"412\", \"415\", \"422\", \"428\", \"429\", \"5xx\"]\n\n",
    );
    for (regex, id) in [
        ("^/arrangements/\\\\{id\\\\}", arrangement),
        ("^/pupils/\\\\{id\\\\}", pupil),
        ("^/schools/\\\\{id\\\\}", school),
        ("^/partnerships/\\\\{id\\\\}", partnership),
    ] {
        toml.push_str(&format!(
            "[[operations]]\ninclude-path-regex = \"{regex}\"\nparameters = {{ id = \"{id}\" }}\n\n"
        ));
    }
    toml
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_failure_for_any_role() {
    let st = schemathesis();
    let app = TestApp::spawn().await;
    let school = app.token(Role::School, UTRECHT).await;
    let pupil: PupilResponse = app
        .post_ok(
            "/api/v1/pupils",
            &school,
            &CreatePupilRequest {
                first_name: "Fuzz".into(),
                last_name: "Leerling".into(),
                date_of_birth: NaiveDate::from_ymd_opt(2017, 2, 3).expect("date"),
                group_name: "groep 4".into(),
            },
        )
        .await;
    let arrangement: ArrangementResponse = app
        .post_ok(
            "/api/v1/arrangements",
            &school,
            &CreateArrangementRequest {
                kind: ArrangementKind::Individual,
                title: "Fuzz".into(),
                pupil_ids: vec![pupil.id],
                start_route: StartRoute::DirectStart,
                care_scope: CareScope::EducationOnly,
                proposal: Proposal::default(),
            },
        )
        .await;
    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    let school_id = me.school.expect("school").id;
    let dir = tempfile::tempdir().expect("tempdir");
    let config_file = dir.path().join("schemathesis.toml");
    let toml = config(
        &arrangement.id.to_string(),
        &pupil.id.to_string(),
        &school_id.to_string(),
        &me.partnership.id.to_string(),
    );
    std::fs::write(&config_file, toml).expect("write config");

    // one schemathesis per role, all at once: they mostly wait for the server
    let mut runs = Vec::new();
    for role in Role::ALL {
        let token = app.token(role, UTRECHT).await;
        let started = Instant::now();
        let child = tokio::process::Command::new(&st)
            .arg("--config-file")
            .arg(&config_file)
            .arg("--no-color")
            .arg("run")
            .arg(app.url("/api/v1/openapi.json"))
            .args(["-H", &format!("Authorization: Bearer {token}")])
            .args(["--checks", "all", "--exclude-checks", "positive_data_acceptance"])
            .args(["--phases", "examples,coverage,fuzzing", "--max-examples", "5", "--seed", "1"])
            .args(["--workers", "1", "--warnings", "off"])
            .current_dir(dir.path())
            .kill_on_drop(true)
            .output();
        runs.push((role, started, tokio::spawn(child)));
    }
    let mut failed = Vec::new();
    for (role, started, run) in runs {
        let output = run.await.expect("join").expect("run schemathesis");
        let text = String::from_utf8_lossy(&output.stdout);
        let summary = text.lines().rev().find(|l| l.contains(" in ") && l.starts_with('=')).unwrap_or("");
        println!("schemathesis as {role} on {}: {summary} ({:.0?})", app.backend, started.elapsed());
        if !output.status.success() {
            failed.push(format!(
                "--- as {role}:\n{}\n{}",
                text.lines().skip_while(|l| !l.contains("FAILURES")).collect::<Vec<_>>().join("\n"),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(failed.is_empty(), "schemathesis found failures on {}:\n{}", app.backend, failed.join("\n"));
}
