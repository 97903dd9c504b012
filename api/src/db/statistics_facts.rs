//! What the statistics keep per arrangement (milestone dates, days between them, money per
//! calendar year), replaced as a whole in the transaction of every status change.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{arrangement_milestones, arrangement_money_years, arrangements, export_events};
use super::statistics_aggregates::Changes;

#[derive(Debug, Clone, PartialEq, Eq, Insertable, Queryable, Selectable)]
#[diesel(table_name = arrangement_milestones)]
pub struct MilestoneRow {
    pub arrangement_id: String,
    pub partnership_id: String,
    pub school_id: String,
    pub kind: String,
    pub status: String,
    pub policy_version: Option<i32>,
    pub submitted_on: Option<NaiveDate>,
    pub definitive_on: Option<NaiveDate>,
    pub granted_on: Option<NaiveDate>,
    pub started_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub decision: Option<String>,
    pub decision_due_on: Option<NaiveDate>,
    pub request_to_decision_days: Option<i32>,
    pub definitive_to_decision_days: Option<i32>,
    pub grant_to_start_days: Option<i32>,
    pub decided_late: Option<bool>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Insertable, Queryable, Selectable)]
#[diesel(table_name = arrangement_money_years)]
pub struct MoneyYearRow {
    pub arrangement_id: String,
    pub year: i32,
    pub partnership_id: String,
    pub school_id: String,
    pub kind: String,
    pub granted_cents: i64,
    pub paid_at_grant_cents: i64,
    pub after_accountability_cents: i64,
    pub settlement_cents: i64,
}

/// Replaces the arrangement's milestones and money (one insert per row: the multi-backend
/// connection has no multi-row insert), and moves the statistics' sums from the old facts to
/// the new.
pub fn replace(
    conn: &mut DbConnection,
    milestones: &MilestoneRow,
    money: &[MoneyYearRow],
) -> QueryResult<()> {
    let id = milestones.arrangement_id.as_str();
    let old_money: Vec<MoneyYearRow> = arrangement_money_years::table
        .filter(arrangement_money_years::arrangement_id.eq(id))
        .select(MoneyYearRow::as_select())
        .order(arrangement_money_years::year)
        .load(conn)?;
    let old_milestones: Option<MilestoneRow> =
        arrangement_milestones::table.find(id).select(MilestoneRow::as_select()).first(conn).optional()?;
    diesel::delete(arrangement_money_years::table.filter(arrangement_money_years::arrangement_id.eq(id)))
        .execute(conn)?;
    diesel::delete(arrangement_milestones::table.filter(arrangement_milestones::arrangement_id.eq(id)))
        .execute(conn)?;
    diesel::insert_into(arrangement_milestones::table).values(milestones).execute(conn)?;
    for row in money {
        diesel::insert_into(arrangement_money_years::table).values(row).execute(conn)?;
    }
    let mut changes = Changes::new();
    if let Some(old) = &old_milestones {
        changes = changes.milestones(old, -1);
    }
    changes = changes.milestones(milestones, 1);
    for row in &old_money {
        changes = changes.money(row, -1);
    }
    for row in money {
        changes = changes.money(row, 1);
    }
    changes.write(conn)?;
    Ok(())
}

/// Arrangements past their draft whose facts were never written (data from before the
/// statistics, or loaded around the services), at most `limit`, in id order after `after`
/// (so that a backfill in batches reads every arrangement once, not once per batch).
pub fn missing(conn: &mut DbConnection, after: &str, limit: i64) -> QueryResult<Vec<String>> {
    arrangements::table
        .filter(arrangements::id.gt(after))
        .filter(arrangements::status.ne("draft"))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            arrangement_milestones::table.filter(arrangement_milestones::arrangement_id.eq(arrangements::id)),
        )))
        .select(arrangements::id)
        .order(arrangements::id.asc())
        .limit(limit)
        .load(conn)
}

/// One export, as the audit log keeps it.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = export_events)]
pub struct ExportEventRow {
    pub id: String,
    pub partnership_id: String,
    pub actor_id: String,
    pub actor_role: String,
    pub export: String,
    pub format: String,
    pub filters: String,
    pub row_count: i64,
    pub client_address: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert_export_event(conn: &mut DbConnection, row: &ExportEventRow) -> QueryResult<()> {
    diesel::insert_into(export_events::table).values(row).execute(conn).map(|_| ())
}

/// The partnership's exports, newest first.
pub fn export_events(
    conn: &mut DbConnection,
    partnership_id: &str,
    limit: i64,
) -> QueryResult<Vec<ExportEventRow>> {
    export_events::table
        .filter(export_events::partnership_id.eq(partnership_id))
        .select(ExportEventRow::as_select())
        .order((export_events::created_at.desc(), export_events::id.desc()))
        .limit(limit)
        .load(conn)
}
