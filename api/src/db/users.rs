//! User accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{consultant_assignments, users};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub partnership_id: String,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub password_hash: String,
    pub school_id: Option<String>,
    pub executor_id: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct UserInsert<'a> {
    pub id: &'a str,
    pub partnership_id: &'a str,
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub password_hash: &'a str,
    pub school_id: Option<&'a str>,
    pub executor_id: Option<&'a str>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table.filter(users::email.eq(email)).select(UserRow::as_select()).first(conn).optional()
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).first(conn).optional()
}

pub fn insert(conn: &mut DbConnection, user: &UserInsert<'_>) -> QueryResult<()> {
    diesel::insert_into(users::table).values(user).execute(conn).map(|_| ())
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// One page of a partnership's users, ordered by name then id, after the given key.
pub fn list_by_partnership(
    conn: &mut DbConnection,
    partnership_id: &str,
    after: Option<(&str, &str)>,
    limit: i64,
) -> QueryResult<Vec<UserRow>> {
    let mut query = users::table
        .filter(users::partnership_id.eq(partnership_id))
        .select(UserRow::as_select())
        .order((users::display_name.asc(), users::id.asc()))
        .limit(limit)
        .into_boxed();
    if let Some((name, id)) = after {
        query = query.filter(
            users::display_name
                .gt(name.to_owned())
                .or(users::display_name.eq(name.to_owned()).and(users::id.gt(id.to_owned()))),
        );
    }
    query.load(conn)
}

/// The schools a consultant is assigned to.
pub fn assigned_school_ids(conn: &mut DbConnection, consultant_id: &str) -> QueryResult<Vec<String>> {
    consultant_assignments::table
        .filter(consultant_assignments::consultant_id.eq(consultant_id))
        .select(consultant_assignments::school_id)
        .load(conn)
}

/// Whether the school is in the consultant's caseload.
pub fn is_assigned(conn: &mut DbConnection, consultant_id: &str, school_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        consultant_assignments::table
            .filter(consultant_assignments::consultant_id.eq(consultant_id))
            .filter(consultant_assignments::school_id.eq(school_id)),
    ))
    .get_result(conn)
}

pub fn assign_consultant(
    conn: &mut DbConnection,
    consultant_id: &str,
    school_id: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(consultant_assignments::table)
        .values((
            consultant_assignments::consultant_id.eq(consultant_id),
            consultant_assignments::school_id.eq(school_id),
            consultant_assignments::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Sets a new password and (re)activates the account.
pub fn set_password(
    conn: &mut DbConnection,
    id: &str,
    password_hash: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::password_hash.eq(password_hash),
            users::active.eq(true),
            users::updated_at.eq(at),
            users::version.eq(users::version + 1),
        ))
        .execute(conn)
        .map(|_| ())
}

/// What every request needs to know of its caller's account: whether it is still active and
/// where it belongs (one primary-key lookup).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct AccessRow {
    pub active: bool,
    pub school_id: Option<String>,
    pub executor_id: Option<String>,
}

pub fn access(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<AccessRow>> {
    users::table.find(user_id).select(AccessRow::as_select()).first(conn).optional()
}

/// Whether the account exists and is active: the per-request check of the token extractor
/// (one primary-key lookup).
pub fn is_active(conn: &mut DbConnection, user_id: &str) -> QueryResult<bool> {
    users::table
        .find(user_id)
        .select(users::active)
        .first::<bool>(conn)
        .optional()
        .map(|active| active.unwrap_or(false))
}
