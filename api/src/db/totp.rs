//! TOTP secrets of staff accounts (see `crate::auth::totp`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::user_totp;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = user_totp)]
pub struct TotpRow {
    pub user_id: String,
    /// Base32, as the authenticator app got it.
    pub secret: String,
    pub confirmed_at: Option<NaiveDateTime>,
    pub last_step: Option<i64>,
}

pub fn find(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<TotpRow>> {
    user_totp::table.find(user_id).select(TotpRow::as_select()).first(conn).optional()
}

/// Replaces any enrollment in progress (or reset) of the user with a new secret.
pub fn start_enrollment(
    conn: &mut DbConnection,
    user_id: &str,
    secret: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(user_totp::table.find(user_id)).execute(conn)?;
    diesel::insert_into(user_totp::table)
        .values((
            user_totp::user_id.eq(user_id),
            user_totp::secret.eq(secret),
            user_totp::created_at.eq(at),
            user_totp::updated_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records `step` as used, only when it is later than the last used one; `false` when another
/// request used this step (or a later one) first: a replay.
pub fn use_step(conn: &mut DbConnection, user_id: &str, step: i64, at: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        user_totp::table
            .filter(user_totp::user_id.eq(user_id))
            .filter(user_totp::last_step.is_null().or(user_totp::last_step.lt(step))),
    )
    .set((user_totp::last_step.eq(step), user_totp::updated_at.eq(at)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Activates the secret (after the first valid code).
pub fn confirm(conn: &mut DbConnection, user_id: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(user_totp::table.find(user_id))
        .set((user_totp::confirmed_at.eq(Some(at)), user_totp::updated_at.eq(at)))
        .execute(conn)
        .map(|_| ())
}

/// Removes the user's secret (reset by the SWV office); `false` when there was none.
pub fn delete(conn: &mut DbConnection, user_id: &str) -> QueryResult<bool> {
    Ok(diesel::delete(user_totp::table.find(user_id)).execute(conn)? == 1)
}
