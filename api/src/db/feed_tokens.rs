//! Calendar feed tokens (stored as hashes).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::feed_tokens;

pub fn insert(
    conn: &mut DbConnection,
    id: &str,
    user_id: &str,
    token_hash: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(feed_tokens::table)
        .values((
            feed_tokens::id.eq(id),
            feed_tokens::user_id.eq(user_id),
            feed_tokens::token_hash.eq(token_hash),
            feed_tokens::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Revokes every active token of a user; returns how many.
pub fn revoke_all(conn: &mut DbConnection, user_id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        feed_tokens::table.filter(feed_tokens::user_id.eq(user_id)).filter(feed_tokens::revoked_at.is_null()),
    )
    .set(feed_tokens::revoked_at.eq(at))
    .execute(conn)
}

/// The user an active token belongs to.
pub fn user_of(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<String>> {
    feed_tokens::table
        .filter(feed_tokens::token_hash.eq(token_hash))
        .filter(feed_tokens::revoked_at.is_null())
        .select(feed_tokens::user_id)
        .first(conn)
        .optional()
}
