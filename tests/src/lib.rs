//! End-to-end test helpers: a real server on a real port over a fresh real database, typed
//! request helpers, and a real headless browser.
//!
//! The database is SQLite in a temporary directory, or a freshly created PostgreSQL database
//! when `TEST_DATABASE_URL` (`postgres://user@host:port/any-db`) is set.

pub mod browser;
pub mod fixtures;

pub mod axe;
pub mod seed;

use std::path::PathBuf;

use arrangeer_api::config::{LogFormat, Mode, Settings};
use arrangeer_api::services::demo::{self, DEMO_PASSWORD};
use arrangeer_api::startup::Application;
use arrangeer_shared::Role;
use arrangeer_shared::api::auth::LoginResponse;
use diesel::{Connection, PgConnection, RunQueryDsl};

pub use arrangeer_api::services::demo::DemoLogin;

/// The demo partnerships the tests use as two separate tenants.
pub const UTRECHT: &str = "SWV Utrecht PO";
pub const LIEMERS: &str = "SWV de Liemers PO";

/// A running server with its own database, dropped at the end of the test.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub address: String,
    pub client: reqwest::Client,
    pub backend: &'static str,
    /// The server's database, for what no endpoint does (e.g. deactivating an account).
    pub db: arrangeer_api::db::Db,
    _database: TestDatabase,
    _data_dir: tempfile::TempDir,
}

enum TestDatabase {
    Sqlite,
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

impl TestApp {
    /// Starts a server in demo mode (the demo partnerships and accounts are seeded).
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// The same, with settings changed by `configure` first (e.g. lower login limits, a short
    /// invitation lifetime).
    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        Self::spawn_on(std::env::var("TEST_DATABASE_URL").ok(), configure).await
    }

    /// A server on SQLite whatever `TEST_DATABASE_URL` says (to compare both backends).
    pub async fn spawn_sqlite() -> TestApp {
        Self::spawn_on(None, |_| {}).await
    }

    /// A server on PostgreSQL through `admin_url` (a fresh database), or on SQLite when `None`.
    pub async fn spawn_on(admin_url: Option<String>, configure: impl FnOnce(&mut Settings)) -> TestApp {
        let data_dir = tempfile::tempdir().expect("temporary data directory");
        let (database_url, database, backend) = match admin_url {
            Some(admin_url) if !admin_url.is_empty() => {
                let name = format!("arrangeer_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::establish(&admin_url).expect("connect to TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                    .execute(&mut conn)
                    .expect("create test database");
                let url = replace_database(&admin_url, &name);
                (url, TestDatabase::Postgres { admin_url, name }, "postgresql")
            }
            _ => {
                let url = format!("sqlite://{}", data_dir.path().join("test.db").display());
                (url, TestDatabase::Sqlite, "sqlite")
            }
        };
        let mut settings = Settings {
            mode: Mode::Demo,
            bind: "127.0.0.1:0".into(),
            database_url: Some(database_url),
            data_dir: data_dir.path().to_owned(),
            web_dir: web_dir(),
            jwt_secret: Some("test-secret-test-secret-test-secret!".into()),
            jwt_key_id: "test".into(),
            token_ttl_seconds: 900,
            db_pool_size: Some(4),
            log_format: LogFormat::Text,
            workers: Some(2),
            // every test logs in many times from 127.0.0.1; brute_force.rs lowers this again
            login_address_attempts: 100_000,
            ..Settings::default()
        };
        configure(&mut settings);
        let app = tokio::task::spawn_blocking(move || Application::build(&settings))
            .await
            .expect("build task")
            .expect("application builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let db = app.db().clone();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                // the server closes a connection idle for 5 s (`keep_alive_seconds`); reusing
                // one idle that long races the close ("IncompleteMessage" on a login after a
                // browser session), so the pool lets go of connections well before
                .pool_idle_timeout(std::time::Duration::from_secs(2))
                .build()
                .expect("client"),
            backend,
            db,
            _database: database,
            _data_dir: data_dir,
        }
    }

    /// Asserts that the statistics' stored sums agree with sums computed anew from the
    /// arrangements and their facts.
    pub async fn assert_statistics_sums_agree(&self) {
        let db = self.db.clone();
        let differences = tokio::task::spawn_blocking(move || {
            db.run_blocking(|conn| {
                arrangeer_api::db::statistics_aggregates::differences(conn)
                    .map_err(arrangeer_api::db::DbError::from)
            })
        })
        .await
        .expect("sums task")
        .expect("sums");
        assert!(differences.is_empty(), "the statistics' sums drifted:\n{}", differences.join("\n"));
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// `POST /api/v1/auth/login` with the given credentials.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("login request")
    }

    /// Logs in as the demo account with `role` in `partnership`; returns the token.
    pub async fn token(&self, role: Role, partnership: &str) -> String {
        self.session(role, partnership).await.access_token
    }

    /// Logs in as the demo account with `role` in `partnership`; returns the whole answer
    /// (access and refresh token).
    pub async fn session(&self, role: Role, partnership: &str) -> LoginResponse {
        let account = demo_account(role, partnership);
        let response = self.login(&account.email, DEMO_PASSWORD).await;
        assert_eq!(response.status(), 200, "demo login of {}", account.email);
        response.json::<LoginResponse>().await.expect("login response")
    }

    /// `POST` of a JSON body without a bearer token.
    pub async fn post_anonymous<B: serde::Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
    ) -> reqwest::Response {
        self.client.post(self.url(path)).json(body).send().await.expect("POST request")
    }

    /// `GET` with a bearer token.
    pub async fn get(&self, path: &str, token: &str) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(token).send().await.expect("GET request")
    }

    /// `POST` of a JSON body with a bearer token.
    pub async fn post<B: serde::Serialize + ?Sized>(
        &self,
        path: &str,
        token: &str,
        body: &B,
    ) -> reqwest::Response {
        self.client.post(self.url(path)).bearer_auth(token).json(body).send().await.expect("POST request")
    }

    /// `PUT` of a JSON body with a bearer token and, when given, `If-Match: "<version>"`.
    pub async fn put<B: serde::Serialize + ?Sized>(
        &self,
        path: &str,
        token: &str,
        version: Option<i32>,
        body: &B,
    ) -> reqwest::Response {
        let mut request = self.client.put(self.url(path)).bearer_auth(token).json(body);
        if let Some(v) = version {
            request = request.header("If-Match", format!("\"{v}\""));
        }
        request.send().await.expect("PUT request")
    }

    /// Uploads a document to an arrangement; returns the response.
    pub async fn upload(
        &self,
        token: &str,
        arrangement: &str,
        kind: &str,
        pupil: Option<&str>,
        file_name: &str,
        content: Vec<u8>,
    ) -> reqwest::Response {
        let mut form = reqwest::multipart::Form::new().text("kind", kind.to_owned());
        if let Some(p) = pupil {
            form = form.text("pupilId", p.to_owned());
        }
        form = form.part("file", reqwest::multipart::Part::bytes(content).file_name(file_name.to_owned()));
        self.client
            .post(self.url(&format!("/api/v1/arrangements/{arrangement}/attachments")))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .expect("upload request")
    }

    /// `GET` that must succeed, parsed into `T`.
    pub async fn get_ok<T: serde::de::DeserializeOwned>(&self, path: &str, token: &str) -> T {
        let response = self.get(path, token).await;
        let status = response.status();
        let body = response.text().await.expect("body");
        assert!(status.is_success(), "GET {path}: {status} {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
    }

    /// The newest events of the caller's partnership's audit log about objects of `object_type`
    /// (`opp`, `export`, `user`, …), as the SWV office (`token`) sees them.
    pub async fn audit_events(
        &self,
        token: &str,
        object_type: &str,
    ) -> Vec<arrangeer_shared::api::audit::AuditEventResponse> {
        let page: arrangeer_shared::api::page::Page<arrangeer_shared::api::audit::AuditEventResponse> =
            self.get_ok(&format!("/api/v1/audit-events?objectType={object_type}&limit=200"), token).await;
        page.items
    }

    /// `POST` that must succeed, parsed into `T`.
    pub async fn post_ok<B: serde::Serialize + ?Sized, T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        token: &str,
        body: &B,
    ) -> T {
        let response = self.post(path, token, body).await;
        let status = response.status();
        let text = response.text().await.expect("body");
        assert!(status.is_success(), "POST {path}: {status} {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("POST {path}: {e}: {text}"))
    }
}

/// A minimal PDF: enough for content sniffing to recognise it.
pub const TINY_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// The demo account of `role` in `partnership`.
pub fn demo_account(role: Role, partnership: &str) -> DemoLogin {
    demo::demo_logins()
        .into_iter()
        .find(|l| l.role == role && l.partnership == partnership)
        .unwrap_or_else(|| panic!("no demo {role} in {partnership}"))
}

/// Where the built web app is: `ARRANGEER_TEST_WEB_DIR`, or web/dist in this workspace.
pub fn web_dir() -> PathBuf {
    std::env::var_os("ARRANGEER_TEST_WEB_DIR").map(PathBuf::from).unwrap_or_else(|| in_workspace("web/dist"))
}

/// A path in this checkout. `cargo test` sets `CARGO_MANIFEST_DIR` for the test process too,
/// and that is the one to trust: cargo's fingerprints do not depend on where a checkout lies,
/// so with a shared `CARGO_TARGET_DIR` a test binary built in one clone can be reused by
/// another, and a path compiled in (`env!`) would read the first clone's files.
pub fn in_workspace(relative: &str) -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .join("..")
        .join(relative)
}

/// The same PostgreSQL URL with another database name (query string kept).
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let path_start = base[authority_end..].find('/').map(|i| i + authority_end).unwrap_or(base.len());
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::replace_database;

    #[test]
    fn replace_database_keeps_host_and_options() {
        assert_eq!(
            replace_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            replace_database("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(replace_database("postgres://h", "x"), "postgres://h/x");
    }
}
