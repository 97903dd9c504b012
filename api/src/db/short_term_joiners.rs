//! Short-term joiners of a cluster arrangement.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::short_term_joiners;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = short_term_joiners)]
pub struct JoinerRow {
    pub id: String,
    pub arrangement_id: String,
    pub pupil_id: String,
    pub offer_part: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub action_plan_attachment_id: String,
    pub parents_informed: bool,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

pub fn insert(conn: &mut DbConnection, row: &JoinerRow) -> QueryResult<()> {
    diesel::insert_into(short_term_joiners::table).values(row).execute(conn).map(|_| ())
}

/// The joiners of an arrangement, by start date.
pub fn list(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<JoinerRow>> {
    short_term_joiners::table
        .filter(short_term_joiners::arrangement_id.eq(arrangement_id))
        .select(JoinerRow::as_select())
        .order((short_term_joiners::starts_on.asc(), short_term_joiners::created_at.asc()))
        .load(conn)
}
