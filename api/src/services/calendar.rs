//! The deadlines as an iCalendar feed, behind a separate, revocable, read-only token.
//! Entries name the kind of deadline and a short dossier number, never a pupil (titles are
//! typed by schools and may hold names, so they stay out).

use arrangeer_shared::Role;
use arrangeer_shared::api::deadlines::FeedTokenResponse;
use icalendar::{Calendar, Component, Event, EventLike};
use rand::Rng;
use sha2::{Digest, Sha256};

use super::ServiceError;
use super::deadlines::list_deadlines;
use crate::auth::AuthUser;
use crate::db::{Db, DbError, feed_tokens, new_id, now, parse_id, users};

/// Creates a feed token for the caller, revoking any earlier one.
pub async fn create_feed_token(db: &Db, user: AuthUser) -> Result<FeedTokenResponse, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("subscribe to deadlines".into()));
    }
    let token = secret_token();
    let hash = hash(&token);
    db.write(move |conn| {
        let at = now();
        let owner = user.id.to_string();
        feed_tokens::revoke_all(conn, &owner, at)?;
        feed_tokens::insert(conn, &new_id(), &owner, &hash, at)?;
        Ok::<_, ServiceError>(())
    })
    .await?;
    Ok(FeedTokenResponse { path: format!("/api/v1/deadlines/calendar?token={token}"), token })
}

/// Revokes the caller's feed tokens.
pub async fn revoke_feed_tokens(db: &Db, user: AuthUser) -> Result<(), ServiceError> {
    db.write(move |conn| {
        feed_tokens::revoke_all(conn, &user.id.to_string(), now())?;
        Ok(())
    })
    .await
}

/// The feed for a token; an unknown or revoked token is not found.
pub async fn calendar(db: &Db, token: String) -> Result<String, ServiceError> {
    let hash = hash(&token);
    let user = db
        .run(move |conn| {
            let Some(user_id) = feed_tokens::user_of(conn, &hash)? else { return Ok(None) };
            let Some(row) = users::find(conn, &user_id)?.filter(|u| u.active) else { return Ok(None) };
            let role = row
                .role
                .parse()
                .map_err(|_| DbError::Corrupt { column: "users.role", value: row.role.clone() })?;
            Ok::<_, ServiceError>(Some(AuthUser {
                id: parse_id("users.id", &row.id)?,
                role,
                partnership: parse_id("users.partnership_id", &row.partnership_id)?,
            }))
        })
        .await?
        .ok_or(ServiceError::NotFound("calendar feed"))?;
    let deadlines = list_deadlines(db, user).await?;
    let mut calendar = Calendar::new();
    calendar.name("Arrangeer – deadlines");
    for d in deadlines {
        let dossier = d.arrangement_id.to_string();
        let short = dossier.get(..8).unwrap_or(&dossier);
        let who = if d.mine { "" } else { " (ter info)" };
        calendar.push(
            Event::new()
                .uid(&format!("{dossier}-{}@arrangeer", d.kind))
                .summary(&format!("Arrangeer: {} – dossier {short}{who}", d.kind.label_nl()))
                .description(&format!("Dossier {dossier}. Open Arrangeer voor de details."))
                .all_day(d.due_date)
                .done(),
        );
    }
    Ok(calendar.done().to_string())
}

/// 32 random bytes as hex: a bearer secret of a link; store only its [`hash`].
pub(crate) fn secret_token() -> String {
    let mut secret = [0u8; 32];
    rand::rng().fill(&mut secret[..]);
    secret.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
