//! Building and running the server: database, keys, demo data, the app and its listener.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::http::KeepAlive;
use actix_web::middleware::{Compress, DefaultHeaders};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::JwtKeys;
use crate::auth::limits::{LoginLimitSettings, LoginLimits};
use crate::auth::refresh::RefreshSettings;
use crate::auth::totp::TotpPolicy;
use crate::config::{Mode, Settings};
use crate::db::Db;
use crate::openapi::{self, API_VERSION};
use crate::routes::{self, extract, health, spa};
use crate::services::invitations::InvitationSettings;
use crate::services::mailer::Mailer;
use crate::services::{self, demo};

/// A server bound to its port, not yet running.
pub struct Application {
    server: Server,
    port: u16,
    db: Db,
}

impl Application {
    /// Connects and migrates the database, seeds demo data in demo mode, and binds the port
    /// (`:0` picks a free one, as the tests do).
    pub fn build(settings: &Settings) -> anyhow::Result<Self> {
        settings.check_limits()?;
        let secret = settings.jwt_secret()?;
        let mut keys = JwtKeys::new(&secret, &settings.jwt_key_id, settings.token_ttl_seconds);
        if let Some((previous, kid)) = settings.jwt_previous_key()? {
            keys = keys.with_previous(&previous, &kid);
            tracing::info!(current = %settings.jwt_key_id, previous = %kid, "accepting tokens of the previous key");
        }
        let totp = TotpPolicy { required: settings.totp_required() };
        if !totp.required {
            tracing::warn!("two-factor authentication is optional for staff (ARRANGEER_TOTP_REQUIRED=false)");
        }
        let auth = AuthState {
            totp,
            keys,
            refresh: RefreshSettings { ttl_seconds: settings.refresh_token_ttl_seconds },
            limits: LoginLimits::new(LoginLimitSettings {
                account_failures: settings.login_account_failures,
                account_window: Duration::from_secs(settings.login_account_window_seconds),
                address_attempts: settings.login_address_attempts,
                address_window: Duration::from_secs(settings.login_address_window_seconds),
                trust_forwarded_for: settings.trust_forwarded_for,
            }),
        };
        let url = settings.database_url();
        let pool_size = settings.db_pool_size.unwrap_or_else(|| crate::db::default_pool_size(&url));
        let db = Db::connect(&url, pool_size)
            .with_context(|| format!("opening the database ({})", redact(&settings.database_url())))?;
        db.migrate().context("migrating the database")?;
        tracing::info!(backend = db.backend().name(), "database ready");
        let written = services::statistics::facts::backfill(&db).context("writing the statistics' facts")?;
        if written > 0 {
            tracing::info!(arrangements = written, "statistics facts written for existing arrangements");
        }

        if settings.mode == Mode::Demo && demo::seed_if_empty(&db)? {
            tracing::info!("demo data seeded");
        }

        let listener =
            TcpListener::bind(&settings.bind).with_context(|| format!("binding {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let invitations = InvitationSettings {
            demo: settings.mode == Mode::Demo,
            ttl_seconds: settings.invitation_ttl_seconds,
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
            mailer: Mailer::from_settings(settings).context("configuring mail")?,
        };
        let server = serve(listener, db.clone(), auth, invitations, settings)?;
        Ok(Application { server, port, db })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Runs until SIGINT/SIGTERM; in-flight requests get up to 10 s to finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Keys, session lifetimes and login limits, shared by every worker.
struct AuthState {
    totp: TotpPolicy,
    keys: JwtKeys,
    refresh: RefreshSettings,
    limits: LoginLimits,
}

fn serve(
    listener: TcpListener,
    db: Db,
    auth: AuthState,
    invitations: InvitationSettings,
    settings: &Settings,
) -> anyhow::Result<Server> {
    let (web_dir, bench_routes) = (settings.web_dir.clone(), settings.bench_routes);
    let audit_log = web::Data::new(crate::db::audit_batch::AuditWriter::start(db.clone())?);
    let db = web::Data::new(db);
    let mailer = web::Data::new(invitations.mailer.clone());
    let invitations = web::Data::new(invitations);
    let keys = web::Data::new(auth.keys);
    let refresh = web::Data::new(auth.refresh);
    // one limiter for all workers, or each would count separately
    let limits = web::Data::new(auth.limits);
    let totp = web::Data::new(auth.totp);
    let spec = openapi::document();
    let mut server = HttpServer::new(move || {
        let (app, _) = App::new()
            .into_utoipa_app()
            .app_data(db.clone())
            .app_data(keys.clone())
            .app_data(invitations.clone())
            .app_data(mailer.clone())
            .app_data(refresh.clone())
            .app_data(limits.clone())
            .app_data(totp.clone())
            .app_data(audit_log.clone())
            .app_data(web::QueryConfig::default().error_handler(extract::query_error))
            .app_data(web::PathConfig::default().error_handler(extract::path_error))
            // the spec and its viewer come first: the /api/v1 scope would otherwise claim them
            .map(|app| {
                app.service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/v1/openapi.json", spec.clone()))
                    .service(health::health)
                    .service(health::live)
            })
            .configure(routes::api_v1)
            .split_for_parts();
        // the benchmark's reference answers, only when asked for (never in the OpenAPI document)
        let app = app.configure(|cfg| {
            if bench_routes {
                routes::bench::configure(cfg);
            }
        });
        app.service(web::scope("/api").default_service(web::to(routes::api_fallback)))
            .service(spa::service(&web_dir))
            .wrap(security_headers())
            .wrap(Compress::default())
            .wrap(TracingLogger::default())
    })
    .shutdown_timeout(10)
    .keep_alive(match settings.keep_alive_seconds {
        0 => KeepAlive::Disabled,
        seconds => KeepAlive::Timeout(Duration::from_secs(seconds)),
    })
    .listen(listener)?;
    if let Some(n) = settings.workers {
        server = server.workers(n);
    }
    Ok(server.run())
}

/// Headers on every response: the API version, and a browser policy that allows only our own
/// scripts (plus compiling our WASM), no framing, no MIME sniffing and no referrer.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("API-Version", API_VERSION))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Frame-Options", "DENY"))
}

/// A database URL without its password, for logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redact_hides_only_the_password() {
        assert_eq!(redact("postgres://app:s3cret@db:5432/x"), "postgres://app:***@db:5432/x");
        assert_eq!(redact("postgres://postgres@127.0.0.1/x"), "postgres://postgres@127.0.0.1/x");
        assert_eq!(redact("sqlite://data/a.db"), "sqlite://data/a.db");
    }
}
