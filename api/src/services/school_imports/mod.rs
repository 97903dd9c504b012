//! The DUO school import: creates and updates the partnership's school boards (by board
//! number) and schools (by BRIN code) from DUO's CSV "scholen per samenwerkingsverband primair
//! onderwijs". Only the rows of the partnership's own DUO code count; schools missing from the
//! file are left alone (a school that leaves the partnership keeps its dossiers). Everything
//! happens in one transaction: a file with any bad row changes nothing.

pub mod parse;

use arrangeer_shared::api::audit::{AuditAction, AuditObject};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::school_imports::{ImportCounts, SchoolImportReport};

use super::ServiceError;
use super::audit::Caller;
use crate::db::organisations::{self, SchoolBoardRow, SchoolRow};
use crate::db::{Db, DbConnection, new_id, now, school_imports};

/// Largest file accepted (DUO's whole national file is about 1 MB).
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// `POST /school-imports`: the SWV office imports into its own partnership (the route checks
/// the role); the import is in the audit log, in its transaction.
pub async fn import_for(db: &Db, caller: Caller, csv: Vec<u8>) -> Result<SchoolImportReport, ServiceError> {
    let partnership = caller.user.partnership.to_string();
    let audited = caller.clone();
    let report = db
        .write(move |conn| {
            let report = import(conn, &partnership, &csv)?;
            super::audit::record(
                conn,
                &audited,
                AuditAction::Import,
                AuditObject::SchoolImport,
                &partnership,
                None,
            )?;
            Ok::<_, ServiceError>(report)
        })
        .await?;
    tracing::info!(
        partnership = %caller.user.partnership, actor = %caller.user.id,
        schools_created = report.schools.created, schools_updated = report.schools.updated,
        boards_created = report.boards.created, boards_updated = report.boards.updated,
        "schools imported"
    );
    Ok(report)
}

/// The CLI: imports into the partnership with `code` (e.g. `utrecht-po`); `swv_code` records
/// the partnership's DUO code when it has none yet (and must agree when it has).
pub fn import_cli(
    db: &Db,
    partnership_code: &str,
    swv_code: Option<&str>,
    csv: &[u8],
) -> Result<SchoolImportReport, ServiceError> {
    db.run_blocking(|conn| {
        use diesel::Connection;
        conn.transaction(|conn| {
            let id = school_imports::partnership_by_code(conn, partnership_code)?
                .ok_or(ServiceError::NotFound("partnership"))?;
            match (school_imports::swv_code(conn, &id)?, swv_code) {
                (None, Some(code)) => school_imports::set_swv_code(conn, &id, code.trim(), now())?,
                (Some(stored), Some(code))
                    if parse::normalise_swv_code(&stored) != parse::normalise_swv_code(code) =>
                {
                    return Err(unprocessable(
                        "swvCode",
                        "other_swv_code",
                        format!("the partnership's DUO code is {stored}"),
                    ));
                }
                _ => {}
            }
            import(conn, &id, csv)
        })
    })
}

fn import(
    conn: &mut DbConnection,
    partnership_id: &str,
    csv: &[u8],
) -> Result<SchoolImportReport, ServiceError> {
    let swv_code = school_imports::swv_code(conn, partnership_id)?.ok_or_else(|| {
        unprocessable(
            "swvCode",
            "no_swv_code",
            "the partnership has no DUO code (samenwerkingsverband) recorded yet",
        )
    })?;
    let parsed = parse::parse(csv, &swv_code).map_err(ServiceError::Unprocessable)?;
    let at = now();
    let mut boards = ImportCounts::default();
    let mut schools = ImportCounts::default();
    let mut seen_boards: Vec<(String, String)> = Vec::new();
    for line in &parsed.schools {
        let board_id = match seen_boards.iter().find(|(number, _)| *number == line.board_number) {
            Some((_, id)) => id.clone(),
            None => {
                let id = match school_imports::board(conn, partnership_id, &line.board_number)? {
                    Some(b) if b.name == line.board_name => {
                        boards.unchanged += 1;
                        b.id
                    }
                    Some(b) => {
                        school_imports::rename_board(conn, &b.id, &line.board_name, at)?;
                        boards.updated += 1;
                        b.id
                    }
                    None => {
                        let id = new_id();
                        organisations::insert_school_board(
                            conn,
                            &SchoolBoardRow {
                                id: id.clone(),
                                partnership_id: partnership_id.to_owned(),
                                board_number: line.board_number.clone(),
                                name: line.board_name.clone(),
                                created_at: at,
                                updated_at: at,
                                version: 1,
                            },
                        )?;
                        boards.created += 1;
                        id
                    }
                };
                seen_boards.push((line.board_number.clone(), id.clone()));
                id
            }
        };
        match school_imports::school(conn, partnership_id, &line.brin)? {
            Some(s)
                if s.name == line.name
                    && s.school_board_id == board_id
                    && s.school_type == line.school_type =>
            {
                schools.unchanged += 1;
            }
            Some(s) => {
                school_imports::update_school(conn, &s.id, &board_id, &line.name, line.school_type, at)?;
                schools.updated += 1;
            }
            None => {
                organisations::insert_school(
                    conn,
                    &SchoolRow {
                        id: new_id(),
                        partnership_id: partnership_id.to_owned(),
                        school_board_id: board_id,
                        brin_code: line.brin.clone(),
                        name: line.name.clone(),
                        school_type: line.school_type.to_owned(),
                        created_at: at,
                        updated_at: at,
                        version: 1,
                    },
                )?;
                schools.created += 1;
            }
        }
    }
    Ok(SchoolImportReport {
        swv_code,
        rows: parsed.rows,
        other_partnerships: parsed.other_partnerships,
        boards,
        schools,
    })
}

fn unprocessable(field: &str, code: &str, message: impl Into<String>) -> ServiceError {
    ServiceError::Unprocessable(vec![FieldError::new(field, code, message)])
}
