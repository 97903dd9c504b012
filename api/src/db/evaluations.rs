//! Evaluations, their outcomes per pupil, and the consultant's logbook.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{evaluation_outcomes, evaluations, logbook_entries, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = evaluations)]
pub struct EvaluationRow {
    pub id: String,
    pub arrangement_id: String,
    pub kind: String,
    pub planned_on: NaiveDate,
    pub participants: String,
    pub held_on: Option<NaiveDate>,
    pub summary: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = evaluation_outcomes)]
pub struct OutcomeRow {
    pub evaluation_id: String,
    pub pupil_id: String,
    pub outcome: String,
    pub reasons: String,
}

pub fn insert(conn: &mut DbConnection, row: &EvaluationRow) -> QueryResult<()> {
    diesel::insert_into(evaluations::table).values(row).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConnection, arrangement_id: &str, id: &str) -> QueryResult<Option<EvaluationRow>> {
    evaluations::table
        .filter(evaluations::arrangement_id.eq(arrangement_id))
        .filter(evaluations::id.eq(id))
        .select(EvaluationRow::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<EvaluationRow>> {
    evaluations::table
        .filter(evaluations::arrangement_id.eq(arrangement_id))
        .select(EvaluationRow::as_select())
        .order((evaluations::planned_on.asc(), evaluations::id.asc()))
        .load(conn)
}

/// Records that an evaluation was held, if it was not yet; returns whether a row changed.
pub fn record(
    conn: &mut DbConnection,
    id: &str,
    held_on: NaiveDate,
    summary: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(evaluations::table.filter(evaluations::id.eq(id)).filter(evaluations::held_on.is_null()))
        .set((
            evaluations::held_on.eq(held_on),
            evaluations::summary.eq(summary),
            evaluations::updated_at.eq(at),
            evaluations::version.eq(evaluations::version + 1),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

pub fn insert_outcome(conn: &mut DbConnection, row: &OutcomeRow) -> QueryResult<()> {
    diesel::insert_into(evaluation_outcomes::table).values(row).execute(conn).map(|_| ())
}

pub fn outcomes(conn: &mut DbConnection, evaluation_id: &str) -> QueryResult<Vec<OutcomeRow>> {
    evaluation_outcomes::table
        .filter(evaluation_outcomes::evaluation_id.eq(evaluation_id))
        .select(OutcomeRow::as_select())
        .load(conn)
}

/// Whether an evaluation of the arrangement was held (of the given kind, if any).
pub fn any_held(conn: &mut DbConnection, arrangement_id: &str, kind: Option<&str>) -> QueryResult<bool> {
    let held = evaluations::table
        .filter(evaluations::arrangement_id.eq(arrangement_id))
        .filter(evaluations::held_on.is_not_null());
    let count: i64 = match kind {
        Some(kind) => held.filter(evaluations::kind.eq(kind)).count().get_result(conn)?,
        None => held.count().get_result(conn)?,
    };
    Ok(count > 0)
}

pub fn insert_note(
    conn: &mut DbConnection,
    id: &str,
    arrangement_id: &str,
    author_id: &str,
    note: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(logbook_entries::table)
        .values((
            logbook_entries::id.eq(id),
            logbook_entries::arrangement_id.eq(arrangement_id),
            logbook_entries::author_id.eq(author_id),
            logbook_entries::note.eq(note),
            logbook_entries::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A logbook entry with its author's name.
#[derive(Debug, Clone, Queryable)]
pub struct NoteRow {
    pub id: String,
    pub author_id: String,
    pub author_name: String,
    pub note: String,
    pub created_at: NaiveDateTime,
}

/// The logbook, oldest first.
pub fn notes(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<NoteRow>> {
    logbook_entries::table
        .inner_join(users::table)
        .filter(logbook_entries::arrangement_id.eq(arrangement_id))
        .select((
            logbook_entries::id,
            logbook_entries::author_id,
            users::display_name,
            logbook_entries::note,
            logbook_entries::created_at,
        ))
        .order((logbook_entries::created_at.asc(), logbook_entries::id.asc()))
        .load(conn)
}
