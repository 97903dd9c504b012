//! The actions of integral arrangements ("who does what when").

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::integral_actions;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = integral_actions)]
pub struct IntegralActionRow {
    pub id: String,
    pub arrangement_id: String,
    pub description: String,
    pub owner_name: String,
    pub owner_organisation: Option<String>,
    pub due_on: NaiveDate,
    pub status: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

/// What an update replaces.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = integral_actions, treat_none_as_null = true)]
pub struct IntegralActionChangeset {
    pub description: String,
    pub owner_name: String,
    pub owner_organisation: Option<String>,
    pub due_on: NaiveDate,
    pub status: String,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &IntegralActionRow) -> QueryResult<()> {
    diesel::insert_into(integral_actions::table).values(row).execute(conn).map(|_| ())
}

pub fn find(
    conn: &mut DbConnection,
    arrangement_id: &str,
    id: &str,
) -> QueryResult<Option<IntegralActionRow>> {
    integral_actions::table
        .filter(integral_actions::arrangement_id.eq(arrangement_id))
        .filter(integral_actions::id.eq(id))
        .select(IntegralActionRow::as_select())
        .first(conn)
        .optional()
}

/// The actions of an arrangement, soonest due first.
pub fn list(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<IntegralActionRow>> {
    integral_actions::table
        .filter(integral_actions::arrangement_id.eq(arrangement_id))
        .select(IntegralActionRow::as_select())
        .order((
            integral_actions::due_on.asc(),
            integral_actions::created_at.asc(),
            integral_actions::id.asc(),
        ))
        .load(conn)
}

/// The due dates of the arrangement's open actions.
pub fn open_due_dates(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<NaiveDate>> {
    integral_actions::table
        .filter(integral_actions::arrangement_id.eq(arrangement_id))
        .filter(integral_actions::status.eq("open"))
        .select(integral_actions::due_on)
        .order(integral_actions::due_on.asc())
        .load(conn)
}

/// Replaces the action if `expected_version` is still the stored version.
pub fn update(
    conn: &mut DbConnection,
    id: &str,
    expected_version: i32,
    changes: &IntegralActionChangeset,
) -> QueryResult<bool> {
    diesel::update(
        integral_actions::table
            .filter(integral_actions::id.eq(id))
            .filter(integral_actions::version.eq(expected_version)),
    )
    .set((changes, integral_actions::version.eq(integral_actions::version + 1)))
    .execute(conn)
    .map(|n| n == 1)
}
