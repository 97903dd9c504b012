//! Backup, restore and integrity checks (the `arrangeer backup|restore|check` subcommands).
//!
//! A backup is one tar file holding `manifest.json` (backend, schema version, when, which
//! Arrangeer) and the database itself:
//!
//! - SQLite: `database.sqlite`, written by `VACUUM INTO` — a consistent snapshot taken while
//!   the server keeps running (never a copy of the live file, which could catch a half-written
//!   page or miss the WAL).
//! - PostgreSQL: `database.pgdump`, written by `pg_dump --format=custom` (one snapshot
//!   transaction); restored by `pg_restore --single-transaction`, so a failed restore changes
//!   nothing.
//!
//! Restore refuses a backup of another backend, and a backup whose schema version differs from
//! the one this binary's migrations produce, or from the one already in the target database.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl, SqliteConnection, sql_types};
use diesel_migrations::MigrationHarness;
use serde::{Deserialize, Serialize};

use super::{Backend, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, Target};

/// The version of the backup format itself.
const FORMAT: u32 = 1;
const MANIFEST: &str = "manifest.json";
const SQLITE_FILE: &str = "database.sqlite";
const PG_FILE: &str = "database.pgdump";

#[derive(Debug, thiserror::Error)]
pub enum MaintenanceError {
    #[error(transparent)]
    Db(#[from] super::DbError),
    #[error("database error: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("could not connect to the database: {0}")]
    Connect(#[from] diesel::ConnectionError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Tool(String),
    #[error("{0} is not an Arrangeer backup (missing or unreadable {MANIFEST})")]
    NotABackup(String),
    #[error("refused: {0}")]
    Refused(String),
    #[error("migrations: {0}")]
    Migrations(String),
}

fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> MaintenanceError {
    let context = context.into();
    move |source| MaintenanceError::Io { context, source }
}

/// What a backup says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    pub backend: String,
    /// The newest migration applied to the database that was backed up.
    pub schema_version: String,
    pub arrangeer_version: String,
    pub created_at: String,
}

/// The newest migration this binary knows for `backend`.
pub fn expected_schema_version(backend: Backend) -> Result<String, MaintenanceError> {
    let names: Vec<String> = match backend {
        Backend::Sqlite => MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
            .map_err(|e| MaintenanceError::Migrations(e.to_string()))?
            .iter()
            .map(|m| m.name().version().to_string())
            .collect(),
        Backend::Postgres => MigrationSource::<diesel::pg::Pg>::migrations(&POSTGRES_MIGRATIONS)
            .map_err(|e| MaintenanceError::Migrations(e.to_string()))?
            .iter()
            .map(|m| m.name().version().to_string())
            .collect(),
    };
    names.into_iter().max().ok_or_else(|| MaintenanceError::Migrations("no migrations embedded".into()))
}

/// The newest migration applied to a database; `None` for an empty database.
pub(super) fn applied_version<C>(conn: &mut C) -> Result<Option<String>, MaintenanceError>
where
    C: MigrationHarness<C::Backend> + Connection,
{
    let applied = conn.applied_migrations().map_err(|e| MaintenanceError::Migrations(e.to_string()))?;
    Ok(applied.iter().map(ToString::to_string).max())
}

/// Whether the migrations table exists (so that asking for applied migrations creates nothing).
pub(super) fn has_migrations_table(conn: &mut PgConnection) -> Result<bool, MaintenanceError> {
    #[derive(QueryableByName)]
    struct Exists {
        #[diesel(sql_type = sql_types::Bool)]
        present: bool,
    }
    let row: Exists = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_name = '__diesel_schema_migrations') AS present",
    )
    .get_result(conn)?;
    Ok(row.present)
}

/// Writes a backup of the database at `url` to `out` (a tar file).
pub fn backup(url: &str, out: &Path) -> Result<Manifest, MaintenanceError> {
    let target = Target::parse(url)?;
    let work = tempfile::tempdir().map_err(io("creating a temporary directory"))?;
    let (file_name, schema_version) = match target.backend {
        Backend::Sqlite => {
            let copy = work.path().join(SQLITE_FILE);
            let mut conn = SqliteConnection::establish(&target.location)?;
            conn.batch_execute("PRAGMA busy_timeout = 5000;")?;
            diesel::sql_query(format!("VACUUM INTO '{}'", sql_literal(&copy))).execute(&mut conn)?;
            let mut snapshot = SqliteConnection::establish(&copy.to_string_lossy())?;
            (SQLITE_FILE, applied_version(&mut snapshot)?)
        }
        Backend::Postgres => {
            let dump = work.path().join(PG_FILE);
            run_tool(
                Command::new("pg_dump")
                    .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                    .arg(&dump)
                    .arg(&target.location),
            )?;
            (PG_FILE, pg_dump_schema_version(&dump)?)
        }
    };
    let schema_version = schema_version.ok_or_else(|| {
        MaintenanceError::Refused("the database has no schema yet: nothing to back up".into())
    })?;
    let manifest = Manifest {
        format: FORMAT,
        backend: target.backend.name().to_owned(),
        schema_version,
        arrangeer_version: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: chrono::Utc::now().to_rfc3339(),
    };
    let manifest_path = work.path().join(MANIFEST);
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| MaintenanceError::Tool(e.to_string()))?;
    std::fs::write(&manifest_path, json).map_err(io("writing the manifest"))?;

    // write next to the destination, then rename: a half-written backup never has its name
    let partial = with_suffix(out, ".partial");
    let file = std::fs::File::create(&partial).map_err(io(format!("creating {}", partial.display())))?;
    let mut tar = tar::Builder::new(file);
    tar.append_path_with_name(&manifest_path, MANIFEST).map_err(io("writing the backup"))?;
    tar.append_path_with_name(work.path().join(file_name), file_name).map_err(io("writing the backup"))?;
    let file = tar.into_inner().map_err(io("writing the backup"))?;
    file.sync_all().map_err(io("syncing the backup"))?;
    std::fs::rename(&partial, out).map_err(io(format!("renaming to {}", out.display())))?;
    Ok(manifest)
}

/// Reads a backup's manifest without restoring it.
pub fn read_manifest(backup: &Path) -> Result<Manifest, MaintenanceError> {
    let not_a_backup = || MaintenanceError::NotABackup(backup.display().to_string());
    let file = std::fs::File::open(backup).map_err(io(format!("opening {}", backup.display())))?;
    let mut archive = tar::Archive::new(file);
    for entry in archive.entries().map_err(|_| not_a_backup())? {
        let mut entry = entry.map_err(|_| not_a_backup())?;
        if entry.path().map_err(|_| not_a_backup())?.as_os_str() == MANIFEST {
            let mut text = String::new();
            entry.read_to_string(&mut text).map_err(|_| not_a_backup())?;
            return serde_json::from_str(&text).map_err(|_| not_a_backup());
        }
    }
    Err(not_a_backup())
}

/// Replaces the content of the database at `url` with the backup. The server must be stopped.
pub fn restore(backup: &Path, url: &str) -> Result<Manifest, MaintenanceError> {
    let target = Target::parse(url)?;
    let manifest = read_manifest(backup)?;
    if manifest.format != FORMAT {
        return Err(MaintenanceError::Refused(format!(
            "backup format {} is not supported (this Arrangeer reads format {FORMAT})",
            manifest.format
        )));
    }
    if manifest.backend != target.backend.name() {
        return Err(MaintenanceError::Refused(format!(
            "this is a {} backup; it can only be restored into {}",
            manifest.backend, manifest.backend
        )));
    }
    let expected = expected_schema_version(target.backend)?;
    if manifest.schema_version != expected {
        return Err(MaintenanceError::Refused(format!(
            "the backup has schema version {} but this Arrangeer {} uses {expected}: restore it \
             with the Arrangeer version that made it ({}), then upgrade",
            manifest.schema_version,
            env!("CARGO_PKG_VERSION"),
            manifest.arrangeer_version
        )));
    }
    let work = tempfile::tempdir().map_err(io("creating a temporary directory"))?;
    let file = std::fs::File::open(backup).map_err(io(format!("opening {}", backup.display())))?;
    tar::Archive::new(file).unpack(work.path()).map_err(io("unpacking the backup"))?;
    match target.backend {
        Backend::Sqlite => {
            restore_sqlite(&work.path().join(SQLITE_FILE), Path::new(&target.location), &manifest)?
        }
        Backend::Postgres => restore_postgres(&work.path().join(PG_FILE), &target.location, &manifest)?,
    }
    Ok(manifest)
}

fn refuse_other_schema(current: Option<String>, manifest: &Manifest) -> Result<(), MaintenanceError> {
    match current {
        Some(current) if current != manifest.schema_version => Err(MaintenanceError::Refused(format!(
            "the target database has schema version {current}, the backup {}",
            manifest.schema_version
        ))),
        _ => Ok(()),
    }
}

fn restore_sqlite(copy: &Path, target: &Path, manifest: &Manifest) -> Result<(), MaintenanceError> {
    let mut source = SqliteConnection::establish(&copy.to_string_lossy())?;
    let integrity = super::integrity::sqlite_integrity(&mut source)?;
    if integrity != "ok" {
        return Err(MaintenanceError::Refused(format!("the backup's database is damaged: {integrity}")));
    }
    if applied_version(&mut source)?.as_deref() != Some(manifest.schema_version.as_str()) {
        return Err(MaintenanceError::Refused("the backup's database does not match its manifest".into()));
    }
    if target.exists() {
        let mut current = SqliteConnection::establish(&target.to_string_lossy())?;
        refuse_other_schema(applied_version(&mut current)?, manifest)?;
        // the server must not be writing: take the write lock once to be sure nobody holds it
        current.batch_execute("BEGIN IMMEDIATE; ROLLBACK;").map_err(|_| {
            MaintenanceError::Refused("the target database is in use: stop the server first".into())
        })?;
    } else if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io(format!("creating {}", dir.display())))?;
    }
    let fresh = with_suffix(target, ".restoring");
    let _ = std::fs::remove_file(&fresh);
    diesel::sql_query(format!("VACUUM INTO '{}'", sql_literal(&fresh))).execute(&mut source)?;
    // the old WAL belongs to the old database: it must not be replayed into the restored one
    for suffix in ["-wal", "-shm"] {
        let side = with_suffix(target, suffix);
        if side.exists() {
            std::fs::remove_file(&side).map_err(io(format!("removing {}", side.display())))?;
        }
    }
    std::fs::rename(&fresh, target).map_err(io(format!("replacing {}", target.display())))
}

fn restore_postgres(dump: &Path, url: &str, manifest: &Manifest) -> Result<(), MaintenanceError> {
    let mut conn = PgConnection::establish(url)?;
    if has_migrations_table(&mut conn)? {
        refuse_other_schema(applied_version(&mut conn)?, manifest)?;
    }
    drop(conn);
    run_tool(
        Command::new("pg_restore")
            .args(["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"])
            .args(["--exit-on-error", "--dbname", url])
            .arg(dump),
    )
}

/// The newest migration recorded in a custom-format dump (read back with `pg_restore`).
fn pg_dump_schema_version(dump: &Path) -> Result<Option<String>, MaintenanceError> {
    let out = Command::new("pg_restore")
        .args(["--data-only", "--table=__diesel_schema_migrations", "--file=-"])
        .arg(dump)
        .output()
        .map_err(|e| {
            MaintenanceError::Tool(format!("could not run pg_restore (install postgresql-client): {e}"))
        })?;
    if !out.status.success() {
        return Err(MaintenanceError::Tool(format!(
            "pg_restore could not read the dump: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut in_copy = false;
    let mut newest: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("COPY ") {
            in_copy = true;
        } else if line == "\\." {
            in_copy = false;
        } else if in_copy
            && let Some(version) = line.split('\t').next()
            && newest.as_deref().is_none_or(|n| version > n)
        {
            newest = Some(version.to_owned());
        }
    }
    Ok(newest)
}

fn run_tool(cmd: &mut Command) -> Result<(), MaintenanceError> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let out = cmd.output().map_err(|e| {
        MaintenanceError::Tool(format!("could not run {program} (install postgresql-client): {e}"))
    })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(MaintenanceError::Tool(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// A path as a single-quoted SQL string literal's content.
fn sql_literal(path: &Path) -> String {
    path.to_string_lossy().replace('\'', "''")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
