//! Guardians' invitations (only a hash of each token is stored).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::invitations;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = invitations)]
pub struct InvitationRow {
    pub id: String,
    pub partnership_id: String,
    pub pupil_id: String,
    pub email: String,
    pub name: String,
    pub token_hash: String,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &InvitationRow) -> QueryResult<()> {
    diesel::insert_into(invitations::table).values(row).execute(conn).map(|_| ())
}

pub fn find_by_hash(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<InvitationRow>> {
    invitations::table
        .filter(invitations::token_hash.eq(token_hash))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()
}

/// Marks the invitation used, once; returns whether this call did.
pub fn accept(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        invitations::table.filter(invitations::id.eq(id)).filter(invitations::accepted_at.is_null()),
    )
    .set(invitations::accepted_at.eq(at))
    .execute(conn)
    .map(|n| n == 1)
}

/// Moves the expiry (tests and support staff use this to end a link early).
pub fn set_expiry(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(invitations::table.filter(invitations::id.eq(id)))
        .set(invitations::expires_at.eq(at))
        .execute(conn)
        .map(|_| ())
}
