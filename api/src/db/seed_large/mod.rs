//! A large partnership for benchmarks (`arrangeer seed-large`): schools, staff, pupils,
//! arrangements and audit events, generated inside the database with `INSERT … SELECT` over a
//! series of numbers (PostgreSQL `generate_series`, SQLite a recursive CTE), in chunks of one
//! transaction each. No row crosses the client connection, so a million arrangements take
//! seconds to minutes, not hours.
//!
//! Distributions are deterministic (a multiplicative hash of the row number): pupils spread
//! evenly over the schools; 70% individual, 20% cluster (two pupils), 10% integral
//! arrangements; statuses from draft (15%) to closed, dates over two school years; audit
//! events in time order. Every account's password is the demo password.

use std::time::Instant;

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;

mod facts;
mod rows;
mod sql;

pub use facts::{FactRules, MoneyOf};

use super::{Db, DbConnection, DbError, new_id, now};
use crate::db::organisations::{self, PartnershipRow};
use crate::db::policies::{self, PolicyRow};

/// The generated partnership's code, name and e-mail domain.
pub const CODE: &str = "groot-po";
pub const NAME: &str = "SWV Groot (benchmark)";
pub const DOMAIN: &str = "groot.bench.arrangeer.nl";
/// Rows per transaction.
const CHUNK: u64 = 250_000;

/// How much to generate.
#[derive(Clone, Copy, Debug)]
pub struct LargeSeed {
    pub schools: u64,
    pub pupils: u64,
    pub arrangements: u64,
    pub audit_events: u64,
}

impl LargeSeed {
    /// Staff numbers follow the schools: a consultant per ten schools, twenty executors.
    fn consultants(&self) -> u64 {
        self.schools.div_ceil(10)
    }
    const EXECUTORS: u64 = 20;
    fn parents(&self) -> u64 {
        (self.pupils / 20).max(1)
    }
    fn per_school(&self) -> u64 {
        self.pupils / self.schools
    }
}

/// What was made, and how long each part took.
#[derive(Debug, serde::Serialize)]
pub struct SeedReport {
    pub partnership: String,
    pub rows: Vec<(String, u64)>,
    pub seconds: Vec<(String, f64)>,
    pub logins: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("partnership `{CODE}` exists already: seed into an empty database")]
    Exists,
    #[error("need at least one school, two pupils per school and one arrangement")]
    TooSmall,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for SeedError {
    fn from(e: diesel::result::Error) -> Self {
        SeedError::Db(DbError::Query(e))
    }
}

/// Runs generated statements in chunks of one transaction each and notes what they did.
struct Seeder<'c> {
    conn: &'c mut DbConnection,
    sql: sql::Sql,
    spec: LargeSeed,
    /// The partnership's id.
    pid: String,
    report: SeedReport,
}

impl Seeder<'_> {
    fn run(
        &mut self,
        label: &str,
        total: u64,
        statement: impl Fn(&sql::Sql, u64, u64) -> String,
    ) -> Result<(), SeedError> {
        let started = Instant::now();
        let mut from = 0;
        while from < total {
            let to = (from + CHUNK).min(total);
            let text = statement(&self.sql, from, to);
            diesel::Connection::transaction(&mut *self.conn, |conn| conn.batch_execute(&text))?;
            from = to;
        }
        self.report.rows.push((label.to_owned(), total));
        self.report.seconds.push((label.to_owned(), started.elapsed().as_secs_f64()));
        tracing::info!(table = label, rows = total, seconds = started.elapsed().as_secs_f64(), "seeded");
        Ok(())
    }
}

/// Creates the partnership, with the statistics' facts of its arrangements written as
/// `fact_rules` says; refuses when it exists.
pub fn seed(
    db: &Db,
    spec: LargeSeed,
    password_hash: &str,
    fact_rules: FactRules,
) -> Result<SeedReport, SeedError> {
    if spec.schools == 0 || spec.pupils < 2 * spec.schools || spec.arrangements == 0 {
        return Err(SeedError::TooSmall);
    }
    // pupils are spread evenly: a whole number per school
    let spec = LargeSeed { pupils: spec.per_school() * spec.schools, ..spec };
    let sql = sql::Sql { backend: db.backend(), prefix: std::array::from_fn(|_| new_id()[..8].to_owned()) };
    let hash = password_hash.replace('\'', "''");
    db.run_blocking(move |conn| -> Result<SeedReport, SeedError> {
        if let DbConnection::Sqlite(_) = conn {
            // a bigger page cache for the bulk load (this connection only)
            conn.batch_execute("PRAGMA cache_size = -262144;").map_err(DbError::from)?;
        }
        let exists =
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM partnerships WHERE code = '{CODE}'"))
                .get_result::<Count>(conn)?
                .n;
        if exists > 0 {
            return Err(SeedError::Exists);
        }
        let started = Instant::now();
        let pid = format!("{}-0000-4000-8000-000000000001", sql.prefix[sql::PARTNERSHIP]);
        insert_partnership(conn, &pid)?;
        let report =
            SeedReport { partnership: NAME.to_owned(), rows: vec![], seconds: vec![], logins: vec![] };
        let mut seeder = Seeder { conn, sql, spec, pid, report };
        rows::organisations(&mut seeder, &hash)?;
        rows::pupils(&mut seeder)?;
        rows::arrangements(&mut seeder)?;
        facts::milestones(&mut seeder)?;
        facts::money(&mut seeder, fact_rules)?;
        facts::sums(&mut seeder)?;
        rows::audit_events(&mut seeder)?;
        let t = Instant::now();
        // planner statistics; on PostgreSQL also the visibility map, without which no index-only
        // scan (the list's and the statistics' indexes cover their queries) until autovacuum
        // comes by
        let analyze = match seeder.conn {
            DbConnection::Postgres(_) => "VACUUM ANALYZE;",
            DbConnection::Sqlite(_) => "ANALYZE;",
        };
        seeder.conn.batch_execute(analyze).map_err(DbError::from)?;
        seeder.report.seconds.push(("analyze".to_owned(), t.elapsed().as_secs_f64()));
        let mut report = seeder.report;
        report.seconds.push(("total".to_owned(), started.elapsed().as_secs_f64()));
        report.logins = [
            "ib1 (school)",
            "consulent1 (consultant)",
            "uitvoerder1 (executor)",
            "ouder1 (parent)",
            "swv1 (swv_admin)",
        ]
        .iter()
        .map(|l| {
            let (local, role) = l.split_once(' ').unwrap_or((l, ""));
            format!("{local}@{DOMAIN} {role}")
        })
        .collect();
        Ok(report)
    })
}

fn insert_partnership(conn: &mut DbConnection, pid: &str) -> Result<(), SeedError> {
    let at = now();
    diesel::Connection::transaction(conn, |conn| -> Result<(), SeedError> {
        organisations::insert_partnership(
            conn,
            &PartnershipRow {
                id: pid.to_owned(),
                code: CODE.to_owned(),
                name: NAME.to_owned(),
                created_at: at,
                updated_at: at,
                version: 1,
            },
        )?;
        // the rules of SWV Utrecht PO
        let preset = arrangeer_shared::policy::presets().into_iter().find(|(c, _, _)| *c == "utrecht-po");
        if let Some((_, _, policy)) = preset {
            let document = serde_json::to_string(&policy)
                .map_err(|e| DbError::Corrupt { column: "policies.document", value: e.to_string() })?;
            let row = PolicyRow {
                id: new_id(),
                partnership_id: pid.to_owned(),
                version: 1,
                document,
                created_by: None,
                created_at: at,
            };
            policies::insert(conn, &row)?;
        }
        Ok(())
    })
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}
