//! Configuration: built-in defaults, then an optional TOML file (`ARRANGEER_CONFIG`, or
//! `arrangeer.toml` in the working directory when present), then environment variables
//! `ARRANGEER_<KEY>` (and the conventional `DATABASE_URL`). Later sources win.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Seeds demo partnerships and accounts into an empty database; generates a signing key.
    Demo,
    /// Never seeds; requires an explicit signing key.
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Settings {
    pub mode: Mode,
    /// Address to listen on.
    pub bind: String,
    /// `sqlite://path` or `postgres://…`; default: `sqlite://<data_dir>/arrangeer.db`.
    pub database_url: Option<String>,
    /// Where the SQLite database and generated keys live.
    pub data_dir: PathBuf,
    /// The built web app (index.html, the WASM and its JS glue).
    pub web_dir: PathBuf,
    /// HMAC key for access tokens, at least 32 bytes. Required in production mode.
    pub jwt_secret: Option<String>,
    /// `kid` header of the tokens this server signs.
    pub jwt_key_id: String,
    /// Lifetime of access tokens.
    pub token_ttl_seconds: i64,
    /// The key that signed tokens before the current one (rotation): tokens with its `kid`
    /// are still accepted until they expire; nothing new is signed with it.
    pub jwt_previous_secret: Option<String>,
    /// `kid` of the previous key; required with `jwt_previous_secret`.
    pub jwt_previous_key_id: Option<String>,
    /// Lifetime of refresh tokens (each use replaces the token with a new one).
    pub refresh_token_ttl_seconds: i64,
    /// Failed logins allowed per account within `login_account_window_seconds`.
    pub login_account_failures: u32,
    pub login_account_window_seconds: u64,
    /// Login attempts allowed per client address within `login_address_window_seconds`.
    pub login_address_attempts: u32,
    pub login_address_window_seconds: u64,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
    /// Database connections (and database threads); default: see [`crate::db::default_pool_size`].
    pub db_pool_size: Option<u32>,
    pub log_format: LogFormat,
    /// Worker threads for HTTP; default: one per core.
    pub workers: Option<usize>,
    /// How long an idle HTTP connection stays open (actix's default, 5 s); 0 closes each
    /// connection after its response.
    pub keep_alive_seconds: u64,
    /// How long a guardian's invitation link stays valid (default 7 days).
    pub invitation_ttl_seconds: i64,
    /// Where the web app is reached, for links in invitations.
    pub public_url: String,
    /// SMTP server for notification and invitation mails: `smtps://user:pass@host:465`,
    /// or `smtp://host:587?tls=required` (STARTTLS); unset: no SMTP.
    pub smtp_url: Option<String>,
    /// Sender of every mail (`Name <address>` or a bare address).
    pub mail_from: String,
    /// Write each mail as an `.eml` file into this directory instead of sending it (demo,
    /// tests); wins over `smtp_url`. With neither set, mails are only logged.
    pub mail_dir: Option<PathBuf>,
    /// Staff (every role but parent) must use two-factor authentication (TOTP). Default: yes
    /// in production mode, no in demo mode (so the printed demo logins work).
    pub totp_required: Option<bool>,
    /// Serve the benchmark's reference answers under `/bench/` (`routes::bench`); off unless
    /// `cargo xtask bench` asks for them.
    pub bench_routes: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mode: Mode::Production,
            bind: "127.0.0.1:8080".to_owned(),
            database_url: None,
            data_dir: PathBuf::from("data"),
            web_dir: PathBuf::from("web/dist"),
            jwt_secret: None,
            jwt_key_id: "k1".to_owned(),
            token_ttl_seconds: 900,
            jwt_previous_secret: None,
            jwt_previous_key_id: None,
            refresh_token_ttl_seconds: 30 * 24 * 3600,
            login_account_failures: 5,
            login_account_window_seconds: 15 * 60,
            login_address_attempts: 20,
            login_address_window_seconds: 60,
            trust_forwarded_for: false,
            db_pool_size: None,
            log_format: LogFormat::Text,
            workers: None,
            keep_alive_seconds: 5,
            invitation_ttl_seconds: 7 * 24 * 3600,
            public_url: "http://localhost:8080".to_owned(),
            smtp_url: None,
            mail_from: "Arrangeer <noreply@arrangeer.invalid>".to_owned(),
            mail_dir: None,
            totp_required: None,
            bench_routes: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid configuration: {0}")]
    Invalid(#[from] Box<figment::Error>),
    #[error("ARRANGEER_JWT_SECRET must be set (at least 32 bytes) in production mode")]
    MissingSecret,
    #[error("ARRANGEER_JWT_SECRET is too short: use at least 32 bytes")]
    ShortSecret,
    #[error(
        "ARRANGEER_JWT_PREVIOUS_SECRET needs ARRANGEER_JWT_PREVIOUS_KEY_ID (different from the current key id) and at least 32 bytes"
    )]
    PreviousKey,
    #[error("the login limits and token lifetimes must be positive")]
    Limits,
    #[error("could not read or write the signing key at {path}")]
    KeyFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Settings {
    /// Loads the layered configuration.
    pub fn load() -> Result<Self, ConfigError> {
        let file = std::env::var_os("ARRANGEER_CONFIG")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("arrangeer.toml"));
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(file))
            .merge(Env::raw().only(&["DATABASE_URL"]))
            .merge(Env::prefixed("ARRANGEER_").ignore(&["CONFIG"]))
            .extract()
            .map_err(|e| ConfigError::Invalid(Box::new(e)))
    }

    /// Whether staff must use two-factor authentication (see `totp_required`).
    pub fn totp_required(&self) -> bool {
        self.totp_required.unwrap_or(self.mode == Mode::Production)
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("arrangeer.db").display()))
    }

    /// The token signing key: configured, or in demo mode generated once and kept in the
    /// data directory so that sessions survive a restart.
    pub fn jwt_secret(&self) -> Result<Vec<u8>, ConfigError> {
        if let Some(secret) = &self.jwt_secret {
            return if secret.len() >= 32 {
                Ok(secret.as_bytes().to_vec())
            } else {
                Err(ConfigError::ShortSecret)
            };
        }
        match self.mode {
            Mode::Production => Err(ConfigError::MissingSecret),
            Mode::Demo => demo_secret(&self.data_dir.join("jwt-secret")),
        }
    }
}

impl Settings {
    /// The previous signing key and its `kid`, when one is configured for rotation.
    pub fn jwt_previous_key(&self) -> Result<Option<(Vec<u8>, String)>, ConfigError> {
        match (&self.jwt_previous_secret, &self.jwt_previous_key_id) {
            (None, None) => Ok(None),
            (Some(secret), Some(kid)) if secret.len() >= 32 && !kid.is_empty() && *kid != self.jwt_key_id => {
                Ok(Some((secret.as_bytes().to_vec(), kid.clone())))
            }
            _ => Err(ConfigError::PreviousKey),
        }
    }

    /// Refuses zero limits and lifetimes, which would lock everyone out.
    pub fn check_limits(&self) -> Result<(), ConfigError> {
        let positive = self.token_ttl_seconds > 0
            && self.refresh_token_ttl_seconds > 0
            && self.login_account_failures > 0
            && self.login_account_window_seconds > 0
            && self.login_address_attempts > 0
            && self.login_address_window_seconds > 0;
        if positive { Ok(()) } else { Err(ConfigError::Limits) }
    }
}

fn demo_secret(path: &Path) -> Result<Vec<u8>, ConfigError> {
    let io = |source| ConfigError::KeyFile { path: path.display().to_string(), source };
    match std::fs::read(path) {
        Ok(bytes) if bytes.len() >= 32 => Ok(bytes),
        _ => {
            use rand::Rng;
            let mut secret = [0u8; 48];
            rand::rng().fill(&mut secret[..]);
            let encoded: String = secret.iter().map(|b| format!("{b:02x}")).collect();
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io)?;
            }
            std::fs::write(path, &encoded).map_err(io)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
            }
            Ok(encoded.into_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_refuses_to_start_without_a_strong_secret() {
        let mut s = Settings::default();
        assert!(matches!(s.jwt_secret(), Err(ConfigError::MissingSecret)));
        s.jwt_secret = Some("short".into());
        assert!(matches!(s.jwt_secret(), Err(ConfigError::ShortSecret)));
        s.jwt_secret = Some("x".repeat(32));
        assert_eq!(s.jwt_secret().map(|k| k.len()).ok(), Some(32));
    }

    #[test]
    fn demo_mode_generates_and_keeps_a_secret() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = Settings { mode: Mode::Demo, data_dir: dir.path().to_owned(), ..Settings::default() };
        let first = s.jwt_secret().expect("generated");
        assert!(first.len() >= 32);
        assert_eq!(s.jwt_secret().expect("kept"), first);
    }

    #[test]
    fn a_previous_key_needs_its_own_key_id_and_length() {
        let mut s = Settings { jwt_secret: Some("x".repeat(32)), ..Settings::default() };
        assert!(matches!(s.jwt_previous_key(), Ok(None)));
        s.jwt_previous_secret = Some("y".repeat(32));
        assert!(matches!(s.jwt_previous_key(), Err(ConfigError::PreviousKey)), "kid missing");
        s.jwt_previous_key_id = Some(s.jwt_key_id.clone());
        assert!(matches!(s.jwt_previous_key(), Err(ConfigError::PreviousKey)), "same kid");
        s.jwt_previous_key_id = Some("k0".into());
        assert_eq!(s.jwt_previous_key().ok().flatten().map(|(k, id)| (k.len(), id)), Some((32, "k0".into())));
        s.jwt_previous_secret = Some("short".into());
        assert!(matches!(s.jwt_previous_key(), Err(ConfigError::PreviousKey)), "short");
    }

    #[test]
    fn default_database_is_sqlite_in_the_data_dir() {
        assert_eq!(Settings::default().database_url(), "sqlite://data/arrangeer.db");
    }
}
