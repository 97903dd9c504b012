//! Exports (CSV and Excel) of arrangements, payments per school board and statistics. Each
//! answers within the caller's scope, exactly like the screen it mirrors, and writes one event
//! to the export log (who, what, which filters, how many rows) in its own transaction before
//! the file is handed out.

pub mod file;
pub mod tables;

use std::collections::HashMap;

use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AuditAction, AuditObject};
use arrangeer_shared::api::exports::{ExportFormat, ExportKind};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::Status;
use serde_json::json;

use self::file::{Sheet, render};
use super::ServiceError;
use super::audit::Caller;
use super::statistics::{self, StatisticsQuery};
use crate::auth::scope::{self, Reach};
use crate::db::arrangements::{self, ListFilter, Visibility};
use crate::db::organisations::{self, SchoolFilter};
use crate::db::statistics_facts::{self, ExportEventRow};
use crate::db::{Db, DbConnection, DbError, new_id, now};

/// The most rows one arrangements export holds; narrow the filters beyond that.
pub const MAX_ROWS: i64 = 100_000;

/// A produced file.
#[derive(Debug)]
pub struct ExportFile {
    pub format: ExportFormat,
    /// Without extension.
    pub base_name: String,
    pub body: Vec<u8>,
}

impl ExportFile {
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.base_name, self.format.as_str())
    }
}

/// The filters of an arrangements export (those of the list).
#[derive(Clone, Debug, Default)]
pub struct ArrangementFilter {
    pub status: Option<Status>,
    pub kind: Option<ArrangementKind>,
    pub school_id: Option<String>,
}

/// The arrangements the caller may see that match the filters (SWV office, school staff,
/// consultants; 403 for executors and parents).
pub async fn export_arrangements(
    db: &Db,
    caller: Caller,
    filter: ArrangementFilter,
    format: ExportFormat,
) -> Result<ExportFile, ServiceError> {
    statistics::scope_kind(&caller.user)?;
    let filters = json!({
        "status": filter.status.map(Status::as_str),
        "kind": filter.kind.map(ArrangementKind::as_str),
        "schoolId": filter.school_id,
    });
    let partnership = caller.user.partnership.to_string();
    let user = caller.user;
    let sheet = db
        .run(move |conn| {
            let reach = scope::reach(conn, &user)?;
            let (visibility, schools) = match &reach {
                Reach::All => (Visibility::All, SchoolFilter::All),
                Reach::Schools(ids) => (Visibility::Schools(ids), SchoolFilter::Only(ids)),
                Reach::Executor(_) | Reach::Parent(_) => {
                    return Err(ServiceError::Forbidden("export arrangements".into()));
                }
            };
            let list_filter = ListFilter {
                status: filter.status.map(|s| s.as_str()),
                kind: filter.kind.map(|k| k.as_str()),
                school_id: filter.school_id.clone(),
            };
            let rows = arrangements::list(conn, &partnership, visibility, &list_filter, None, MAX_ROWS + 1)?;
            if rows.len() as i64 > MAX_ROWS {
                return Err(ServiceError::Unprocessable(vec![FieldError::new(
                    "status",
                    "too_many_rows",
                    format!("more than {MAX_ROWS} arrangements: narrow the filters"),
                )]));
            }
            let schools: HashMap<_, _> =
                organisations::list_schools(conn, &partnership, schools, None, i64::MAX)?
                    .into_iter()
                    .map(|(s, board)| (s.id.clone(), (s, board)))
                    .collect();
            Ok(tables::arrangements(&rows, &schools)?)
        })
        .await?;
    finish(db, caller, ExportKind::Arrangements, format, filters, sheet, "dossiers".into()).await
}

/// The payment round of `year` per school board (SWV office only).
pub async fn export_payments(
    db: &Db,
    caller: Caller,
    year: i32,
    format: ExportFormat,
) -> Result<ExportFile, ServiceError> {
    if caller.user.role != Role::SwvAdmin {
        return Err(ServiceError::Forbidden("export the payments".into()));
    }
    let report = super::payments::payments_of_year(db, caller.user, year).await?;
    let sheet = tables::payments(&report);
    finish(
        db,
        caller,
        ExportKind::Payments,
        format,
        json!({ "year": year }),
        sheet,
        format!("betalingen-{year}"),
    )
    .await
}

/// The statistics of the caller's scope, one row per figure.
pub async fn export_statistics(
    db: &Db,
    caller: Caller,
    query: StatisticsQuery,
    format: ExportFormat,
) -> Result<ExportFile, ServiceError> {
    let filters = json!({
        "year": query.year,
        "schoolId": query.school_id.map(|s| s.to_string()),
        "kind": query.kind.map(ArrangementKind::as_str),
    });
    let year = query.year;
    let report = statistics::statistics(db, caller.user, query).await?;
    let sheet = tables::statistics(&report);
    finish(db, caller, ExportKind::Statistics, format, filters, sheet, format!("statistieken-{year}")).await
}

/// Renders the sheet and records the export.
async fn finish(
    db: &Db,
    caller: Caller,
    kind: ExportKind,
    format: ExportFormat,
    filters: serde_json::Value,
    sheet: Sheet,
    base_name: String,
) -> Result<ExportFile, ServiceError> {
    let body =
        render(&sheet, format).map_err(|e| DbError::Corrupt { column: "export", value: e.to_string() })?;
    let rows = i64::try_from(sheet.rows.len()).unwrap_or(i64::MAX);
    db.write(move |conn| record(conn, &caller, kind, format, &filters, rows)).await?;
    Ok(ExportFile { format, base_name, body })
}

fn record(
    conn: &mut DbConnection,
    caller: &Caller,
    kind: ExportKind,
    format: ExportFormat,
    filters: &serde_json::Value,
    rows: i64,
) -> Result<(), ServiceError> {
    let id = new_id();
    statistics_facts::insert_export_event(
        conn,
        &ExportEventRow {
            id: id.clone(),
            partnership_id: caller.user.partnership.to_string(),
            actor_id: caller.user.id.to_string(),
            actor_role: caller.user.role.as_str().to_owned(),
            export: kind.as_str().to_owned(),
            format: format.as_str().to_owned(),
            filters: filters.to_string(),
            row_count: rows,
            client_address: caller.address.clone(),
            created_at: now(),
        },
    )?;
    // the audit log names the export too, so that one list shows every read and change
    super::audit::record(conn, caller, AuditAction::Export, AuditObject::Export, &id, None)?;
    Ok(())
}
