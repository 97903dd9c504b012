//! A user's settings of the web app: at most one row per user (none means the defaults).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::user_preferences;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = user_preferences)]
pub struct PreferencesRow {
    pub user_id: String,
    pub language: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

pub fn find(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<PreferencesRow>> {
    user_preferences::table
        .filter(user_preferences::user_id.eq(user_id))
        .select(PreferencesRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConnection, row: &PreferencesRow) -> QueryResult<()> {
    diesel::insert_into(user_preferences::table).values(row).execute(conn).map(|_| ())
}

/// Replaces the language of an existing row, moving its version on.
pub fn update_language(
    conn: &mut DbConnection,
    user_id: &str,
    language: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(user_preferences::table.filter(user_preferences::user_id.eq(user_id)))
        .set((
            user_preferences::language.eq(language),
            user_preferences::updated_at.eq(at),
            user_preferences::version.eq(user_preferences::version + 1),
        ))
        .execute(conn)
}
