//! Quotes of executors and their progress reports.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{progress_reports, quotes};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = quotes)]
pub struct QuoteRow {
    pub id: String,
    pub arrangement_id: String,
    pub executor_id: String,
    pub direct_minutes_per_week: i32,
    pub indirect_minutes_per_week: i32,
    pub hourly_rate_cents: i64,
    pub amount_cents: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub note: String,
    pub status: String,
    pub submitted_by: String,
    pub created_at: NaiveDateTime,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = progress_reports)]
pub struct ReportRow {
    pub id: String,
    pub arrangement_id: String,
    pub author_id: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub body: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &QuoteRow) -> QueryResult<()> {
    diesel::insert_into(quotes::table).values(row).execute(conn).map(|_| ())
}

pub fn list(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<QuoteRow>> {
    quotes::table
        .filter(quotes::arrangement_id.eq(arrangement_id))
        .select(QuoteRow::as_select())
        .order((quotes::created_at.asc(), quotes::id.asc()))
        .load(conn)
}

pub fn find(conn: &mut DbConnection, arrangement_id: &str, id: &str) -> QueryResult<Option<QuoteRow>> {
    quotes::table
        .filter(quotes::arrangement_id.eq(arrangement_id))
        .filter(quotes::id.eq(id))
        .select(QuoteRow::as_select())
        .first(conn)
        .optional()
}

/// Accepts one submitted quote and declines the other open ones of the arrangement; returns
/// whether the quote was still open.
pub fn accept(
    conn: &mut DbConnection,
    arrangement_id: &str,
    id: &str,
    by: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let accepted =
        diesel::update(quotes::table.filter(quotes::id.eq(id)).filter(quotes::status.eq("submitted")))
            .set((quotes::status.eq("accepted"), quotes::decided_by.eq(by), quotes::decided_at.eq(at)))
            .execute(conn)?;
    if accepted == 1 {
        diesel::update(
            quotes::table
                .filter(quotes::arrangement_id.eq(arrangement_id))
                .filter(quotes::status.eq("submitted")),
        )
        .set((quotes::status.eq("declined"), quotes::decided_by.eq(by), quotes::decided_at.eq(at)))
        .execute(conn)?;
    }
    Ok(accepted == 1)
}

pub fn has_accepted(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<bool> {
    let n: i64 = quotes::table
        .filter(quotes::arrangement_id.eq(arrangement_id))
        .filter(quotes::status.eq("accepted"))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn insert_report(conn: &mut DbConnection, row: &ReportRow) -> QueryResult<()> {
    diesel::insert_into(progress_reports::table).values(row).execute(conn).map(|_| ())
}

pub fn reports(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<ReportRow>> {
    progress_reports::table
        .filter(progress_reports::arrangement_id.eq(arrangement_id))
        .select(ReportRow::as_select())
        .order((progress_reports::period_start.asc(), progress_reports::id.asc()))
        .load(conn)
}
