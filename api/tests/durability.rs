//! Durability of the real `arrangeer` binary, on SQLite and (with `TEST_DATABASE_URL`) on
//! PostgreSQL:
//!
//! - a server killed with SIGKILL while clients write loses no write it acknowledged, and
//!   leaves a database that passes the integrity check;
//! - `arrangeer backup` of a running server and `arrangeer restore` into a fresh database give
//!   back identical content (every table's row count, and what the API answers);
//! - a backup of another schema version is refused and leaves the target untouched.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_arrangeer");
const SCHOOL: &str = "ib@utrecht.demo.arrangeer.nl";
const PASSWORD: &str = "demo-arrangeer";

/// A database for one test: a SQLite file in a temporary directory, or a fresh PostgreSQL
/// database when `TEST_DATABASE_URL` is set (dropped at the end).
struct TestDb {
    url: String,
    pg: Option<(String, String)>,
}

impl TestDb {
    fn new(dir: &Path, name: &str) -> TestDb {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(admin) if !admin.is_empty() => {
                let db = format!("arrangeer_dur_{}_{}", name, uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::establish(&admin).expect("connect to TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE DATABASE \"{db}\"")).execute(&mut conn).expect("create db");
                let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).expect("url with a database");
                TestDb { url: format!("{base}/{db}"), pg: Some((admin, db)) }
            }
            _ => TestDb { url: format!("sqlite://{}", dir.join(format!("{name}.db")).display()), pg: None },
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, db)) = &self.pg
            && let Ok(mut conn) = PgConnection::establish(admin)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

/// The binary with the environment of one installation (database, data directory).
fn arrangeer(db: &TestDb, data_dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &db.url)
        .env("ARRANGEER_DATA_DIR", data_dir)
        .env("ARRANGEER_WEB_DIR", data_dir.join("no-web"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    cmd
}

fn output(cmd: &mut Command) -> Output {
    cmd.output().expect("run arrangeer")
}

/// A running server process.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    async fn start(db: &TestDb, data_dir: &Path) -> Server {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let child = arrangeer(db, data_dir)
            .args(["serve", "--demo"])
            .env("ARRANGEER_BIND", format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the server");
        let server = Server { child, base: format!("http://127.0.0.1:{port}") };
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if let Ok(r) = client.get(format!("{}/health", server.base)).send().await
                && r.status() == 200
            {
                return server;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "the server did not come up");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGKILL: no shutdown hook, no flush, no goodbye.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reap");
    }

    async fn token(&self) -> String {
        let r = reqwest::Client::new()
            .post(format!("{}/api/v1/auth/login", self.base))
            .json(&json!({ "email": SCHOOL, "password": PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(r.status(), 200, "demo login");
        let body: Value = r.json().await.expect("login body");
        body["accessToken"].as_str().expect("token").to_owned()
    }

    async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let r = reqwest::Client::new()
            .get(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pupil(n: usize) -> Value {
    json!({ "firstName": format!("Kind{n}"), "lastName": "Crash", "dateOfBirth": "2017-05-01", "groupName": "groep 4" })
}

fn arrangement(pupil_id: &str, n: usize) -> Value {
    json!({ "kind": "individual", "title": format!("Crash {n}"), "pupilIds": [pupil_id],
            "startRoute": "direct_start", "careScope": "education_only", "proposal": {} })
}

fn check(db: &TestDb, data_dir: &Path) -> Value {
    let out = output(arrangeer(db, data_dir).arg("check"));
    assert!(out.status.success(), "check failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("check prints JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn server_killed_while_writing_keeps_every_acknowledged_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDb::new(dir.path(), "crash");
    let server = Server::start(&db, dir.path()).await;
    let token = server.token().await;
    let client = reqwest::Client::new();
    let first: Value = client
        .post(format!("{}/api/v1/pupils", server.base))
        .bearer_auth(&token)
        .json(&pupil(0))
        .send()
        .await
        .expect("pupil")
        .json()
        .await
        .expect("pupil body");
    let first_id = first["id"].as_str().expect("id").to_owned();

    // eight writers: pupils (one row) and arrangements (arrangement, its pupils and its event,
    // in one transaction), each remembering what the server acknowledged
    let acked_pupils = Arc::new(Mutex::new(Vec::<String>::new()));
    let acked_arrangements = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut writers = Vec::new();
    for w in 0..8usize {
        let (client, base, token, first_id) =
            (client.clone(), server.base.clone(), token.clone(), first_id.clone());
        let (pupils, arrangements) = (acked_pupils.clone(), acked_arrangements.clone());
        writers.push(tokio::spawn(async move {
            for i in 0.. {
                let n = w * 100_000 + i + 1;
                let (path, body) = if w % 2 == 0 {
                    ("/api/v1/pupils", pupil(n))
                } else {
                    ("/api/v1/arrangements", arrangement(&first_id, n))
                };
                let sent = client
                    .post(format!("{base}{path}"))
                    .bearer_auth(&token)
                    .json(&body)
                    .timeout(Duration::from_secs(5))
                    .send()
                    .await;
                let Ok(response) = sent else { break };
                if !response.status().is_success() {
                    continue;
                }
                let Ok(created) = response.json::<Value>().await else { break };
                let id = created["id"].as_str().expect("created id").to_owned();
                let list = if w % 2 == 0 { &pupils } else { &arrangements };
                list.lock().expect("lock").push(id);
            }
        }));
    }
    // let the writers get going, then pull the plug
    let started = Instant::now();
    while acked_pupils.lock().expect("lock").len() + acked_arrangements.lock().expect("lock").len() < 200 {
        assert!(started.elapsed() < Duration::from_secs(60), "the writers made no progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill();
    for writer in writers {
        writer.await.expect("writer task");
    }
    let pupils = acked_pupils.lock().expect("lock").clone();
    let arrangements = acked_arrangements.lock().expect("lock").clone();

    let report = check(&db, dir.path());
    assert_eq!(report["integrity"], "ok", "{report}");

    let server = Server::start(&db, dir.path()).await;
    let token = server.token().await;
    for id in &pupils {
        let (status, _) = server.get(&token, &format!("/api/v1/pupils/{id}")).await;
        assert_eq!(status, 200, "acknowledged pupil {id} is gone");
    }
    for id in &arrangements {
        let (status, body) = server.get(&token, &format!("/api/v1/arrangements/{id}")).await;
        assert_eq!(status, 200, "acknowledged arrangement {id} is gone");
        assert_eq!(body["pupils"].as_array().map(Vec::len), Some(1), "{body}");
        let (status, history) = server.get(&token, &format!("/api/v1/arrangements/{id}/history")).await;
        assert_eq!(status, 200);
        assert!(history.to_string().contains("\"create\""), "arrangement {id} lost its create event");
    }
    // nothing half-written either: every stored arrangement has its event
    let report = check(&db, dir.path());
    let tables = &report["tables"];
    assert!(tables["arrangement_events"].as_i64() >= tables["arrangements"].as_i64(), "{report}");
    println!(
        "crash test ({}): {} pupils and {} arrangements acknowledged, all present",
        report["backend"],
        pupils.len(),
        arrangements.len()
    );
}

/// What the API shows of one installation: the pupils, and each arrangement with its history.
async fn content(server: &Server, token: &str) -> BTreeMap<String, Value> {
    let mut seen = BTreeMap::new();
    let (_, pupils) = server.get(token, "/api/v1/pupils?limit=200").await;
    seen.insert("pupils".to_owned(), pupils);
    let (_, list) = server.get(token, "/api/v1/arrangements?limit=200").await;
    for item in list["items"].as_array().into_iter().flatten() {
        let id = item["id"].as_str().expect("id");
        for suffix in ["", "/history", "/attachments", "/costs"] {
            let path = format!("/api/v1/arrangements/{id}{suffix}");
            let (status, body) = server.get(token, &path).await;
            assert_eq!(status, 200, "{path}");
            seen.insert(path, body);
        }
    }
    seen.insert("arrangements".to_owned(), list);
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_of_a_running_server_restores_identical_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDb::new(dir.path(), "source");
    let server = Server::start(&db, dir.path()).await;
    let token = server.token().await;
    let client = reqwest::Client::new();
    for n in 0..3 {
        let p: Value = client
            .post(format!("{}/api/v1/pupils", server.base))
            .bearer_auth(&token)
            .json(&pupil(n))
            .send()
            .await
            .expect("pupil")
            .json()
            .await
            .expect("pupil body");
        let r = client
            .post(format!("{}/api/v1/arrangements", server.base))
            .bearer_auth(&token)
            .json(&arrangement(p["id"].as_str().expect("id"), n))
            .send()
            .await
            .expect("arrangement");
        assert_eq!(r.status(), 201);
    }
    let before = content(&server, &token).await;

    // online: the server keeps running while the backup is taken
    let file = dir.path().join("arrangeer.backup");
    let out = output(arrangeer(&db, dir.path()).arg("backup").arg(&file));
    assert!(out.status.success(), "backup failed: {}", String::from_utf8_lossy(&out.stderr));
    let counts_before = check(&db, dir.path());
    drop(server);

    let restored_dir = tempfile::tempdir().expect("tempdir");
    let restored_db = TestDb::new(restored_dir.path(), "restored");
    // the same signing key, as a restored installation would have
    std::fs::copy(dir.path().join("jwt-secret"), restored_dir.path().join("jwt-secret")).expect("key");
    let out = output(arrangeer(&restored_db, restored_dir.path()).arg("restore").arg(&file));
    assert!(out.status.success(), "restore failed: {}", String::from_utf8_lossy(&out.stderr));
    let counts_after = check(&restored_db, restored_dir.path());
    assert_eq!(counts_before["tables"], counts_after["tables"]);
    assert_eq!(counts_before["schemaVersion"], counts_after["schemaVersion"]);
    assert_eq!(counts_after["integrity"], "ok");

    let server = Server::start(&restored_db, restored_dir.path()).await;
    let token = server.token().await;
    let after = content(&server, &token).await;
    assert_eq!(before.len(), after.len());
    for (key, value) in &before {
        assert_eq!(Some(value), after.get(key), "{key} differs after restore");
    }
}

/// Rewrites the manifest of a backup (a tar file) with `edit`.
fn tamper(backup: &Path, out: &PathBuf, edit: impl Fn(&mut Value)) {
    let unpacked = tempfile::tempdir().expect("tempdir");
    tar::Archive::new(std::fs::File::open(backup).expect("open")).unpack(unpacked.path()).expect("unpack");
    let manifest_path = unpacked.path().join("manifest.json");
    let mut manifest: Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).expect("read")).expect("manifest json");
    edit(&mut manifest);
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).expect("json")).expect("write");
    let mut tar = tar::Builder::new(std::fs::File::create(out).expect("create"));
    for entry in std::fs::read_dir(unpacked.path()).expect("dir").flatten() {
        tar.append_path_with_name(entry.path(), entry.file_name()).expect("append");
    }
    tar.finish().expect("finish");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_of_another_schema_version_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDb::new(dir.path(), "schema");
    let out = output(arrangeer(&db, dir.path()).arg("migrate"));
    assert!(out.status.success(), "migrate: {}", String::from_utf8_lossy(&out.stderr));
    let file = dir.path().join("good.backup");
    let out = output(arrangeer(&db, dir.path()).arg("backup").arg(&file));
    assert!(out.status.success(), "backup: {}", String::from_utf8_lossy(&out.stderr));
    let before = check(&db, dir.path());

    let older = dir.path().join("older.backup");
    tamper(&file, &older, |m| m["schemaVersion"] = json!("20200101000000"));
    let out = output(arrangeer(&db, dir.path()).arg("restore").arg(&older));
    assert!(!out.status.success(), "a backup of another schema version was restored");
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("schema version 20200101000000"), "{message}");

    let other = dir.path().join("other-backend.backup");
    tamper(&file, &other, |m| {
        m["backend"] = json!(if m["backend"] == "sqlite" { "postgresql" } else { "sqlite" })
    });
    let out = output(arrangeer(&db, dir.path()).arg("restore").arg(&other));
    assert!(!out.status.success(), "a backup of another backend was restored");
    assert!(String::from_utf8_lossy(&out.stderr).contains("can only be restored into"));

    let garbage = dir.path().join("garbage.backup");
    std::fs::write(&garbage, b"not a backup").expect("write");
    let out = output(arrangeer(&db, dir.path()).arg("restore").arg(&garbage));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an Arrangeer backup"));

    assert_eq!(before, check(&db, dir.path()), "a refused restore changed the database");
}
