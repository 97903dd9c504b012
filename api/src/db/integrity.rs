//! `arrangeer check`: the database's integrity, schema version and row counts, used after a
//! crash or a restore (see `maintenance` for backup and restore).

use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl, SqliteConnection, sql_types};
use serde::{Deserialize, Serialize};

use super::maintenance::{MaintenanceError, applied_version, has_migrations_table};
use super::{Backend, Target};

/// What `arrangeer check` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub backend: String,
    pub schema_version: Option<String>,
    /// `ok`, or what the integrity check found.
    pub integrity: String,
    /// Rows per table, by table name (sorted).
    pub tables: std::collections::BTreeMap<String, i64>,
}

/// Integrity and row counts of the database at `url`.
pub fn check(url: &str) -> Result<CheckReport, MaintenanceError> {
    let target = Target::parse(url)?;
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = sql_types::Text)]
        name: String,
    }
    let (schema_version, integrity, names, mut conn) = match target.backend {
        Backend::Sqlite => {
            if !Path::new(&target.location).exists() {
                return Err(MaintenanceError::Refused(format!("no database at {}", target.location)));
            }
            let mut conn = SqliteConnection::establish(&target.location)?;
            conn.batch_execute("PRAGMA busy_timeout = 5000;")?;
            let integrity = sqlite_integrity(&mut conn)?;
            let names: Vec<Name> = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .load(&mut conn)?;
            (applied_version(&mut conn)?, integrity, names, super::DbConnection::Sqlite(conn))
        }
        Backend::Postgres => {
            let mut conn = PgConnection::establish(&target.location)?;
            let version = if has_migrations_table(&mut conn)? { applied_version(&mut conn)? } else { None };
            let integrity = pg_integrity(&mut conn)?;
            let names: Vec<Name> = diesel::sql_query(
                "SELECT table_name AS name FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
            )
            .load(&mut conn)?;
            (version, integrity, names, super::DbConnection::Postgres(conn))
        }
    };
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = sql_types::BigInt)]
        n: i64,
    }
    let mut tables = std::collections::BTreeMap::new();
    for Name { name } in names {
        // names come from the catalogue, quoted as identifiers
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        let count: Count =
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {quoted}")).get_result(&mut conn)?;
        tables.insert(name, count.n);
    }
    Ok(CheckReport { backend: target.backend.name().to_owned(), schema_version, integrity, tables })
}

/// `PRAGMA integrity_check` and `foreign_key_check`: `ok`, or the first problems found.
pub(super) fn sqlite_integrity(conn: &mut SqliteConnection) -> Result<String, MaintenanceError> {
    #[derive(QueryableByName)]
    struct Line {
        #[diesel(sql_type = sql_types::Text)]
        integrity_check: String,
    }
    let lines: Vec<Line> = diesel::sql_query("PRAGMA integrity_check").load(conn)?;
    let mut problems: Vec<String> =
        lines.into_iter().map(|l| l.integrity_check).filter(|l| l != "ok").collect();
    #[derive(QueryableByName)]
    struct Orphan {
        #[diesel(sql_type = sql_types::Text)]
        table: String,
        #[diesel(sql_type = sql_types::Text)]
        parent: String,
    }
    let orphans: Vec<Orphan> =
        diesel::sql_query("SELECT \"table\", parent FROM pragma_foreign_key_check").load(conn)?;
    problems.extend(
        orphans.into_iter().map(|o| format!("a row of {} refers to a missing {}", o.table, o.parent)),
    );
    problems.truncate(20);
    Ok(if problems.is_empty() { "ok".to_owned() } else { problems.join("; ") })
}

/// On PostgreSQL the server guards consistency itself; where the `amcheck` extension is
/// installed, every B-tree index is verified as well.
fn pg_integrity(conn: &mut PgConnection) -> Result<String, MaintenanceError> {
    #[derive(QueryableByName)]
    struct Installed {
        #[diesel(sql_type = sql_types::BigInt)]
        n: i64,
    }
    let amcheck: Installed =
        diesel::sql_query("SELECT COUNT(*) AS n FROM pg_extension WHERE extname = 'amcheck'")
            .get_result(conn)?;
    if amcheck.n == 0 {
        return Ok("ok".to_owned());
    }
    diesel::sql_query(
        "SELECT bt_index_check(index => c.oid, heapallindexed => true) FROM pg_index i \
         JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE am.amname = 'btree' AND n.nspname = current_schema()",
    )
    .execute(conn)
    .map(|_| "ok".to_owned())
    .or_else(|e| Ok(format!("amcheck: {e}")))
}
