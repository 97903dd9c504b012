//! Sessions: the access + refresh token pair a login hands out, its rotation and its end.
//!
//! A login starts a *family* of refresh tokens. Each refresh revokes the token it was given and
//! issues a new one of the same family. A revoked token that comes back means that two parties
//! hold copies (a stolen token racing its owner): the whole family is revoked, so both must log
//! in again. Logout revokes the family; a deactivated account's tokens are refused.

use arrangeer_shared::api::auth::{LoginResponse, MeResponse};

use super::ServiceError;
use super::auth::me_from_row;
use crate::auth::JwtKeys;
use crate::auth::refresh::{self, RefreshSettings};
use crate::db::refresh_tokens::{self, RefreshTokenInsert};
use crate::db::{self, Db, DbConnection, users};

/// Issues an access token and a new refresh token of `family` for `me`.
pub(crate) fn issue(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    settings: RefreshSettings,
    me: MeResponse,
    family: &str,
) -> Result<LoginResponse, ServiceError> {
    let now = db::now();
    let token = refresh::generate();
    refresh_tokens::insert(
        conn,
        &RefreshTokenInsert {
            id: &db::new_id(),
            user_id: &me.id.to_string(),
            family_id: family,
            token_hash: &refresh::hash(&token),
            created_at: now,
            expires_at: now + chrono::Duration::seconds(settings.ttl_seconds),
        },
    )?;
    let access_token = keys.issue(me.id, me.role, me.partnership.id, now.and_utc().timestamp())?;
    Ok(LoginResponse {
        access_token,
        token_type: "Bearer".to_owned(),
        expires_in: keys.ttl_seconds(),
        refresh_token: token,
        refresh_expires_in: settings.ttl_seconds,
        user: me,
    })
}

/// Starts a session (a new family) for a user who just proved who they are.
pub async fn start(
    db: &Db,
    keys: &JwtKeys,
    settings: RefreshSettings,
    me: MeResponse,
) -> Result<LoginResponse, ServiceError> {
    let keys = keys.clone();
    db.write(move |conn| issue(conn, &keys, settings, me, &db::new_id())).await
}

/// Exchanges a refresh token for a new pair, revoking it.
pub async fn refresh(
    db: &Db,
    keys: &JwtKeys,
    settings: RefreshSettings,
    token: String,
    totp_required: bool,
) -> Result<LoginResponse, ServiceError> {
    let keys = keys.clone();
    let hash = refresh::hash(&token);
    // the transaction commits the revocations even when the answer is a refusal
    let outcome = db
        .write(move |conn| -> Result<Option<LoginResponse>, ServiceError> {
            let now = db::now();
            let Some(row) = refresh_tokens::find_by_hash(conn, &hash)? else { return Ok(None) };
            let active_user = users::find(conn, &row.user_id)?.filter(|u| u.active);
            // staff whose two-factor secret was reset must log in (and enroll) again
            let active_user = match active_user {
                Some(u) if !super::totp::may_continue(conn, &u.id, &u.role, totp_required)? => None,
                other => other,
            };
            let fresh = row.revoked_at.is_none() && row.expires_at > now;
            let reused = row.revoked_at.is_some() || (fresh && active_user.is_some());
            match active_user {
                // the conditional revoke settles two concurrent uses: only one wins
                Some(user) if fresh && refresh_tokens::revoke(conn, &row.id, now)? => {
                    let me = me_from_row(conn, user)?;
                    issue(conn, &keys, settings, me, &row.family_id).map(Some)
                }
                _ => {
                    let revoked = refresh_tokens::revoke_family(conn, &row.family_id, now)?;
                    if reused {
                        tracing::warn!(user = %row.user_id, family = %row.family_id, revoked,
                            "refresh token reused: its family is revoked");
                    }
                    Ok(None)
                }
            }
        })
        .await?;
    outcome.ok_or(ServiceError::InvalidRefreshToken)
}

/// Ends the session the refresh token belongs to (its whole family). Unknown tokens are
/// ignored, so the answer reveals nothing.
pub async fn logout(db: &Db, token: String) -> Result<(), ServiceError> {
    let hash = refresh::hash(&token);
    db.write(move |conn| -> Result<(), ServiceError> {
        if let Some(row) = refresh_tokens::find_by_hash(conn, &hash)? {
            refresh_tokens::revoke_family(conn, &row.family_id, db::now())?;
            tracing::info!(user = %row.user_id, "logout");
        }
        Ok(())
    })
    .await
}
