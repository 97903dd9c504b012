//! Two-factor authentication of staff: enrollment, confirmation, the second step of a login,
//! and the SWV office's reset.
//!
//! - A staff member with a confirmed secret needs a valid code at every login; a code is
//!   accepted once (the step it was made for is stored) and counts as a failure of the
//!   account's login budget when wrong.
//! - When the server requires two-factor authentication and a staff member has none yet, a
//!   correct password gives no session but an enrollment token, which only reaches
//!   `/me/totp` and `/me/totp/confirm`; the confirmation then starts the session.
//! - The secret is returned once, at enrollment, and never again.

use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AuditAction, AuditObject};
use arrangeer_shared::api::auth::{LoginResponse, MeResponse};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::totp::{TotpEnrollmentResponse, TotpStatusResponse};
use arrangeer_shared::ids::UserId;

use super::audit::Caller;
use super::auth::{LoginContext, me_from_row};
use super::{ServiceError, sessions};
use crate::auth::AuthUser;
use crate::auth::totp::{self as codes, SecretError};
use crate::db::{self, Db, DbError, refresh_tokens, totp, users};

impl From<SecretError> for ServiceError {
    fn from(e: SecretError) -> Self {
        ServiceError::Db(DbError::Corrupt { column: "user_totp.secret", value: e.to_string() })
    }
}

fn is_staff(role: Role) -> bool {
    role != Role::Parent
}

fn decode(secret: &str) -> Result<Vec<u8>, ServiceError> {
    totp_rs::Secret::Encoded(secret.to_owned())
        .to_bytes()
        .map_err(|_| ServiceError::from(SecretError("not base32".to_owned())))
}

/// After a correct password: the second factor, then the session.
pub async fn complete_login(
    db: &Db,
    context: &LoginContext<'_>,
    account: &str,
    me: MeResponse,
    code: Option<String>,
) -> Result<LoginResponse, ServiceError> {
    let user_id = me.id.to_string();
    let row = if is_staff(me.role) {
        let id = user_id.clone();
        db.run(move |conn| totp::find(conn, &id).map_err(DbError::from)).await?
    } else {
        None
    };
    match row {
        Some(row) if row.confirmed_at.is_some() => {
            let Some(code) = code.filter(|c| !c.trim().is_empty()) else {
                return Err(ServiceError::TotpRequired);
            };
            let secret = decode(&row.secret)?;
            let step = codes::verify(&secret, &code, now_unix(), row.last_step)?;
            let Some(step) = step else {
                context.limits.failed(account)?;
                return Err(ServiceError::TotpInvalid);
            };
            let (keys, settings) = (context.keys.clone(), context.refresh);
            let session = db
                .write(move |conn| -> Result<Option<LoginResponse>, ServiceError> {
                    // a concurrent login with the same code loses here
                    if !totp::use_step(conn, &user_id, step, db::now())? {
                        return Ok(None);
                    }
                    sessions::issue(conn, &keys, settings, me, &db::new_id()).map(Some)
                })
                .await?;
            match session {
                Some(session) => {
                    tracing::info!(user = %session.user.id, role = %session.user.role, "login with two-factor code");
                    Ok(session)
                }
                None => {
                    context.limits.failed(account)?;
                    Err(ServiceError::TotpInvalid)
                }
            }
        }
        _ if is_staff(me.role) && context.totp_required => {
            let now = now_unix();
            let enrollment_token = context.keys.issue_enrollment(me.id, me.role, me.partnership.id, now)?;
            tracing::info!(user = %me.id, "login needs two-factor enrollment first");
            Err(ServiceError::TotpEnrollmentRequired { enrollment_token })
        }
        _ => {
            tracing::info!(user = %me.id, role = %me.role, "login");
            sessions::start(db, context.keys, context.refresh, me).await
        }
    }
}

/// Starts (or restarts) enrollment: a new secret, shown once. Refused (409) while a confirmed
/// secret is active: only the SWV office can reset it.
pub async fn enroll(db: &Db, user: AuthUser) -> Result<TotpEnrollmentResponse, ServiceError> {
    let raw = codes::generate_secret();
    db.write(move |conn| {
        let id = user.id.to_string();
        let row = users::find(conn, &id)?.ok_or(ServiceError::AccountInactive)?;
        if totp::find(conn, &id)?.is_some_and(|t| t.confirmed_at.is_some()) {
            return Err(ServiceError::Conflict {
                detail: "two-factor authentication is already active; the SWV office can reset it".to_owned(),
                allowed_actions: Vec::new(),
            });
        }
        let (secret, otpauth_uri) = codes::describe(&raw, &row.email)?;
        totp::start_enrollment(conn, &id, &secret, db::now())?;
        tracing::info!(user = %id, "two-factor enrollment started");
        Ok(TotpEnrollmentResponse {
            qr_svg: codes::qr_svg(&otpauth_uri)?,
            secret,
            otpauth_uri,
            digits: codes::DIGITS as u32,
            period_seconds: codes::PERIOD_SECONDS as u32,
        })
    })
    .await
}

/// Activates the pending secret with its first code. With an enrollment token (`session`
/// wanted) the answer carries the session the login could not give yet.
pub async fn confirm(
    db: &Db,
    context: &LoginContext<'_>,
    user: AuthUser,
    code: String,
    start_session: bool,
) -> Result<TotpStatusResponse, ServiceError> {
    let id = user.id.to_string();
    let (row, account) = db
        .run(move |conn| -> Result<_, ServiceError> {
            let account = users::find(conn, &id)?.ok_or(ServiceError::AccountInactive)?;
            Ok((totp::find(conn, &id)?, account))
        })
        .await?;
    let email = account.email.to_lowercase();
    context.limits.admit(&email, context.client)?;
    let row = match row {
        Some(row) if row.confirmed_at.is_none() => row,
        Some(_) => {
            return Err(ServiceError::Conflict {
                detail: "two-factor authentication is already active".to_owned(),
                allowed_actions: Vec::new(),
            });
        }
        None => {
            return Err(ServiceError::Conflict {
                detail: "start the enrollment first (POST /me/totp)".to_owned(),
                allowed_actions: Vec::new(),
            });
        }
    };
    let invalid = || {
        ServiceError::Unprocessable(vec![FieldError::new(
            "code",
            "invalid",
            "the code is wrong or expired; check the time on your device and try the next code",
        )])
    };
    let Some(step) = codes::verify(&decode(&row.secret)?, &code, now_unix(), row.last_step)? else {
        context.limits.failed(&email)?;
        return Err(invalid());
    };
    let (keys, settings) = (context.keys.clone(), context.refresh);
    let session = db
        .write(move |conn| -> Result<Result<Option<LoginResponse>, ()>, ServiceError> {
            let id = user.id.to_string();
            if !totp::use_step(conn, &id, step, db::now())? {
                return Ok(Err(()));
            }
            totp::confirm(conn, &id, db::now())?;
            tracing::info!(user = %id, "two-factor authentication active");
            if !start_session {
                return Ok(Ok(None));
            }
            let row = users::find(conn, &id)?.ok_or(ServiceError::AccountInactive)?;
            let me = me_from_row(conn, row)?;
            sessions::issue(conn, &keys, settings, me, &db::new_id()).map(|s| Ok(Some(s)))
        })
        .await?
        .map_err(|()| invalid())?;
    Ok(TotpStatusResponse { enabled: true, required: context.totp_required, session: session.map(Box::new) })
}

/// The caller's two-factor status.
pub async fn status(db: &Db, user: AuthUser, required: bool) -> Result<TotpStatusResponse, ServiceError> {
    let id = user.id.to_string();
    let enabled = db
        .run(move |conn| totp::find(conn, &id).map_err(DbError::from))
        .await?
        .is_some_and(|t| t.confirmed_at.is_some());
    Ok(TotpStatusResponse { enabled, required: required && is_staff(user.role), session: None })
}

/// The SWV office removes a user's secret (lost phone): the user's sessions end, and the next
/// login sets up a new secret (or logs in with the password alone where that is allowed).
/// Users of other partnerships are 404. The reset is in the audit log.
pub async fn reset(db: &Db, admin: Caller, user_id: UserId) -> Result<(), ServiceError> {
    db.write(move |conn| {
        let id = user_id.to_string();
        let row = users::find(conn, &id)?
            .filter(|u| u.partnership_id == admin.user.partnership.to_string())
            .ok_or(ServiceError::NotFound("user"))?;
        if !totp::delete(conn, &row.id)? {
            return Err(ServiceError::NotFound("two-factor secret"));
        }
        let ended = refresh_tokens::revoke_all_of_user(conn, &row.id, db::now())?;
        super::audit::record(conn, &admin, AuditAction::ResetTwoFactor, AuditObject::User, &row.id, None)?;
        tracing::warn!(user = %row.id, by = %admin.user.id, sessions_ended = ended, "two-factor authentication reset");
        Ok(())
    })
    .await
}

/// Whether a refresh may continue a session: staff without an active secret may not while the
/// server requires two-factor authentication (e.g. after a reset).
pub fn may_continue(
    conn: &mut db::DbConnection,
    user_id: &str,
    role: &str,
    required: bool,
) -> Result<bool, DbError> {
    if !required || role == Role::Parent.as_str() {
        return Ok(true);
    }
    Ok(totp::find(conn, user_id)?.is_some_and(|t| t.confirmed_at.is_some()))
}

fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}
