//! Reductions without termination.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::arrangement_reductions;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = arrangement_reductions)]
pub struct ReductionRow {
    pub id: String,
    pub arrangement_id: String,
    pub effective_from: NaiveDate,
    pub new_amount_cents: i64,
    pub direct_minutes_per_week: Option<i32>,
    pub indirect_minutes_per_week: Option<i32>,
    pub reason: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &ReductionRow) -> QueryResult<()> {
    diesel::insert_into(arrangement_reductions::table).values(row).execute(conn).map(|_| ())
}

/// The reductions of an arrangement, oldest first (the last one is in force).
pub fn list(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<ReductionRow>> {
    arrangement_reductions::table
        .filter(arrangement_reductions::arrangement_id.eq(arrangement_id))
        .select(ReductionRow::as_select())
        .order((arrangement_reductions::created_at.asc(), arrangement_reductions::id.asc()))
        .load(conn)
}
