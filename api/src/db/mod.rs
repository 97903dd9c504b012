//! Persistence: one diesel connection type over SQLite and PostgreSQL, pooled, run off the
//! async executor, migrated at start-up.
//!
//! The backend is chosen from the URL scheme (`postgres://…` / `postgresql://…` or
//! `sqlite://path`), never by trial: diesel's derived `establish` would try one and then the
//! other and hide the real error.

pub mod arrangements;
pub mod attachments;
pub mod consultations;
pub mod evaluations;
pub mod feed_tokens;
pub mod integral_actions;
pub mod integrity;
pub mod maintenance;
pub mod organisations;
pub mod payments;
pub mod policies;
pub mod preconditions;
pub mod prepared;
pub mod pupils;
pub mod quotes;
pub mod reductions;
pub mod refresh_tokens;
pub mod schema;
pub mod users;

pub mod audit;
pub mod audit_batch;
pub mod invitations;
pub mod opps;
pub mod preferences;
pub mod short_term_joiners;
pub mod statistics;
pub mod statistics_aggregates;
pub mod statistics_facts;
mod workers;

pub mod notifications;
pub mod school_imports;
pub mod seed_large;
pub mod totp;

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};
use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::{Connection, PgConnection, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// Every query runs on this type; `match` on it only for the rare dialect-specific query.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// How long a SQLite writer waits for the lock before giving up.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Postgres => "postgresql",
            Backend::Sqlite => "sqlite",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported DATABASE_URL `{0}`: use postgres://… or sqlite://path")]
    UnsupportedUrl(String),
    #[error("could not create the SQLite database directory {path}")]
    CreateDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("could not connect to the database")]
    Connect(#[source] r2d2::PoolError),
    #[error("no database connection available")]
    Pool(#[source] r2d2::PoolError),
    #[error("database query failed")]
    Query(#[from] diesel::result::Error),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("the database pool is closed")]
    Closed,
    #[error("the database work failed (it panicked)")]
    Worker,
    #[error("could not start a database thread")]
    Thread(#[source] std::io::Error),
    #[error("corrupt value in column {column}: {value:?}")]
    Corrupt { column: &'static str, value: String },
    #[error("the audit log could not be written: {0}")]
    Audit(String),
}

/// What the URL says about where the data lives.
#[derive(Clone, Debug)]
struct Target {
    backend: Backend,
    /// For PostgreSQL the URL itself, for SQLite the file path.
    location: String,
}

impl Target {
    fn parse(url: &str) -> Result<Self, DbError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Target { backend: Backend::Postgres, location: url.to_owned() });
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .ok_or_else(|| DbError::UnsupportedUrl(url.to_owned()))?;
        if path.is_empty() {
            return Err(DbError::UnsupportedUrl(url.to_owned()));
        }
        Ok(Target { backend: Backend::Sqlite, location: path.to_owned() })
    }
}

/// An r2d2 manager that opens the backend the URL names and prepares SQLite connections.
#[derive(Debug)]
pub struct Manager {
    target: Target,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match self.target.backend {
            Backend::Postgres => PgConnection::establish(&self.target.location)
                .map(DbConnection::Postgres)
                .map_err(r2d2::Error::ConnectionError),
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(&self.target.location)
                    .map_err(r2d2::Error::ConnectionError)?;
                // Durability first: WAL with a full fsync per commit; integrity: foreign keys.
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS};
                     PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = FULL;
                     PRAGMA foreign_keys = ON;"
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

pub type Pool = r2d2::Pool<Manager>;

/// The application's handle on the database. Cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: Backend,
    /// The database threads' queue (see [`workers`]).
    jobs: std::sync::mpsc::Sender<workers::Job>,
    /// SQLite has one writer at a time: this process's writers take turns here, woken as soon
    /// as the previous one commits, instead of polling SQLite's lock in the busy handler's
    /// sleeps (up to 100 ms each). Other processes (a backup) still meet the busy timeout.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
}

impl Db {
    /// Opens a pool on `url` (creating the SQLite file and its directory when missing).
    pub fn connect(url: &str, max_connections: u32) -> Result<Self, DbError> {
        let target = Target::parse(url)?;
        if target.backend == Backend::Sqlite
            && let Some(dir) = std::path::Path::new(&target.location).parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|source| DbError::CreateDir { path: dir.display().to_string(), source })?;
        }
        let backend = target.backend;
        let pool = r2d2::Pool::builder()
            // one per database thread, and one for the audit writer's thread
            .max_size(max_connections.max(1) + 1)
            // a round trip per checkout costs 15–39% throughput; broken connections are
            // still detected by `has_broken` and replaced
            .test_on_check_out(false)
            .connection_timeout(Duration::from_secs(10))
            .build(Manager { target })
            .map_err(DbError::Connect)?;
        let jobs = workers::start(&pool, max_connections.max(1))?;
        Ok(Db { pool, backend, jobs, writer: std::sync::Arc::default() })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every pending migration of this backend's dialect.
    pub fn migrate(&self) -> Result<(), DbError> {
        let mut conn = self.pool.get().map_err(DbError::Pool)?;
        let result = match &mut *conn {
            DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        };
        result.map_err(|e| DbError::Migration(e.to_string()))
    }

    /// Runs blocking database work on one of the database threads, never on the async
    /// executor; waits (without a thread) while they are all busy.
    pub async fn run<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let (done, result) = tokio::sync::oneshot::channel();
        let job: workers::Job = Box::new(move |conn| {
            let _ = done.send(match conn {
                Ok(conn) => work(conn),
                Err(e) => Err(E::from(e)),
            });
        });
        self.jobs.send(job).map_err(|_| DbError::Closed)?;
        // no answer: the work panicked (its thread carries on)
        result.await.map_err(|_| E::from(DbError::Worker))?
    }

    /// Runs `work` in one transaction that holds the write lock from its first statement on.
    ///
    /// On SQLite a transaction that reads and then writes fails at once ("database is
    /// locked") when another writer committed in between; taking the lock first makes it wait
    /// its turn instead (behind this process's other writers, see `writer`, then the busy
    /// timeout). PostgreSQL needs nothing extra: conditional updates (`… WHERE version = ?`)
    /// settle races there.
    pub async fn write<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + Send + 'static,
    {
        // the turn first, then a connection: waiting writers hold no connection readers need
        let turn = match self.backend {
            Backend::Sqlite => Some(self.writer.clone().lock_owned().await),
            Backend::Postgres => None,
        };
        self.run(move |conn| {
            let _turn = turn;
            in_write_transaction(conn, work)
        })
        .await
    }

    /// [`Db::write`] for callers on a thread of their own (the audit writer).
    pub fn write_blocking<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E>,
        E: From<DbError> + From<diesel::result::Error>,
    {
        let _turn = match self.backend {
            Backend::Sqlite => Some(self.writer.blocking_lock()),
            Backend::Postgres => None,
        };
        let mut conn = self.pool.get().map_err(DbError::Pool)?;
        in_write_transaction(&mut conn, work)
    }

    /// The same, for callers outside the async world (CLI subcommands, seeding).
    pub fn run_blocking<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E>,
        E: From<DbError>,
    {
        let mut conn = self.pool.get().map_err(DbError::Pool)?;
        work(&mut conn)
    }
}

/// Connections (and database threads) when `ARRANGEER_DB_POOL_SIZE` is not set: the number of
/// cores on SQLite, twice that on PostgreSQL (at least 2 and 4). SQLite runs in this process,
/// so more threads than cores only take turns; PostgreSQL's threads mostly wait for its
/// server, whose processes share the same cores. Measured on 2 cores at full size: SQLite's
/// list answered 7,000 requests/s with 2 connections, 6,200 with 4 and 6,600 with 8;
/// PostgreSQL's list, dossier and statistics were as fast or faster with 4 as with 8; every
/// thread more costs memory (its allocator caches).
pub fn default_pool_size(url: &str) -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| u32::try_from(n.get()).unwrap_or(8));
    match Target::parse(url).map(|t| t.backend) {
        Ok(Backend::Sqlite) => cores.clamp(2, 8),
        _ => (2 * cores).clamp(4, 16),
    }
}

/// The current time as stored: UTC, truncated to microseconds so that SQLite and PostgreSQL
/// give back exactly what was written.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// A stored timestamp (UTC by convention) as an instant.
pub fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// Parses a stored UUID, reporting the column on corruption.
pub fn parse_id<I: From<uuid::Uuid>>(column: &'static str, value: &str) -> Result<I, DbError> {
    uuid::Uuid::parse_str(value)
        .map(I::from)
        .map_err(|_| DbError::Corrupt { column, value: value.to_owned() })
}

/// A fresh random identifier, as stored.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A fresh identifier that sorts by time (UUID version 7), for append-only tables: a new row
/// goes to the end of the primary-key index instead of a random page of it (the audit log
/// holds millions of rows; a random id costs every insert a page that is rarely cached).
pub fn new_ordered_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn in_write_transaction<T, E, F>(conn: &mut DbConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    conn.transaction(|conn| {
        take_write_lock(conn)?;
        work(conn)
    })
}

/// A statement that writes nothing but, as a write, takes SQLite's write lock.
fn take_write_lock(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    match conn {
        DbConnection::Sqlite(_) => diesel::sql_query("UPDATE partnerships SET version = version WHERE 1 = 0")
            .execute(conn)
            .map(|_| ()),
        DbConnection::Postgres(_) => Ok(()),
    }
}

/// A round trip to the database.
pub fn ping(conn: &mut DbConnection) -> Result<(), DbError> {
    conn.ping().map_err(DbError::Query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_choose_the_backend_by_scheme() {
        let pg = Target::parse("postgres://u@h/db").expect("pg");
        assert_eq!(pg.backend, Backend::Postgres);
        assert_eq!(Target::parse("postgresql://h/db").expect("pg").backend, Backend::Postgres);
        let lite = Target::parse("sqlite://data/a.db").expect("sqlite");
        assert_eq!((lite.backend, lite.location.as_str()), (Backend::Sqlite, "data/a.db"));
        assert_eq!(Target::parse("sqlite:/tmp/x.db").expect("sqlite").location, "/tmp/x.db");
        assert!(matches!(Target::parse("mysql://x"), Err(DbError::UnsupportedUrl(_))));
        assert!(matches!(Target::parse("sqlite://"), Err(DbError::UnsupportedUrl(_))));
    }

    #[test]
    fn sqlite_connections_run_in_wal_with_full_sync_and_foreign_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}/nested/t.db", dir.path().display());
        let db = Db::connect(&url, 1).expect("connect");
        db.migrate().expect("migrate");
        let pragmas: (String, i32, i32) = db
            .run_blocking(|conn| -> Result<_, DbError> {
                use diesel::prelude::*;
                #[derive(QueryableByName)]
                struct P {
                    #[diesel(sql_type = diesel::sql_types::Text)]
                    journal_mode: String,
                    #[diesel(sql_type = diesel::sql_types::Integer)]
                    synchronous: i32,
                    #[diesel(sql_type = diesel::sql_types::Integer)]
                    foreign_keys: i32,
                }
                let p: P = diesel::sql_query(
                    "SELECT (SELECT journal_mode FROM pragma_journal_mode) AS journal_mode, \
                     (SELECT synchronous FROM pragma_synchronous) AS synchronous, \
                     (SELECT foreign_keys FROM pragma_foreign_keys) AS foreign_keys",
                )
                .get_result(conn)?;
                Ok((p.journal_mode, p.synchronous, p.foreign_keys))
            })
            .expect("pragmas");
        assert_eq!(pragmas, ("wal".to_owned(), 2, 1));
    }
}
