//! Versioned policy documents of a partnership.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::policies;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = policies)]
pub struct PolicyRow {
    pub id: String,
    pub partnership_id: String,
    pub version: i32,
    pub document: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &PolicyRow) -> QueryResult<()> {
    diesel::insert_into(policies::table).values(row).execute(conn).map(|_| ())
}

/// The version in force: the highest.
pub fn current(conn: &mut DbConnection, partnership_id: &str) -> QueryResult<Option<PolicyRow>> {
    policies::table
        .filter(policies::partnership_id.eq(partnership_id))
        .order(policies::version.desc())
        .select(PolicyRow::as_select())
        .first(conn)
        .optional()
}

pub fn at_version(
    conn: &mut DbConnection,
    partnership_id: &str,
    version: i32,
) -> QueryResult<Option<PolicyRow>> {
    policies::table
        .filter(policies::partnership_id.eq(partnership_id))
        .filter(policies::version.eq(version))
        .select(PolicyRow::as_select())
        .first(conn)
        .optional()
}

/// The id and version of the version in force (not its document).
pub fn current_key(conn: &mut DbConnection, partnership_id: &str) -> QueryResult<Option<(String, i32)>> {
    policies::table
        .filter(policies::partnership_id.eq(partnership_id))
        .order(policies::version.desc())
        .select((policies::id, policies::version))
        .first(conn)
        .optional()
}

/// The id of a version (not its document).
pub fn key_at_version(
    conn: &mut DbConnection,
    partnership_id: &str,
    version: i32,
) -> QueryResult<Option<String>> {
    policies::table
        .filter(policies::partnership_id.eq(partnership_id))
        .filter(policies::version.eq(version))
        .select(policies::id)
        .first(conn)
        .optional()
}

/// The document of a version, by its id.
pub fn document(conn: &mut DbConnection, id: &str) -> QueryResult<Option<String>> {
    policies::table.find(id).select(policies::document).first(conn).optional()
}
