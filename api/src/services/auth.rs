//! Logging in, and who the caller is.

use arrangeer_shared::Email;
use arrangeer_shared::Role;
use arrangeer_shared::api::auth::{
    ExecutorRef, LoginRequest, LoginResponse, MeResponse, PartnershipRef, SchoolRef,
};
use arrangeer_shared::api::problem::FieldError;

use std::net::IpAddr;

use super::ServiceError;
use crate::auth::limits::{LoginLimits, Refusal};
use crate::auth::refresh::RefreshSettings;
use crate::auth::{AuthUser, JwtKeys, password};
use crate::db::users::UserRow;
use crate::db::{Db, DbConnection, DbError, organisations, parse_id, users};

/// What a login needs besides the database.
pub struct LoginContext<'a> {
    pub keys: &'a JwtKeys,
    pub refresh: RefreshSettings,
    pub limits: &'a LoginLimits,
    /// Where the attempt comes from, for the per-address limit.
    pub client: Option<IpAddr>,
    /// Staff must have two-factor authentication before they get a session.
    pub totp_required: bool,
}

impl From<Refusal> for ServiceError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Account { retry_after_seconds } => {
                ServiceError::TooManyAttempts { retry_after_seconds, field: Some("email") }
            }
            Refusal::Address { retry_after_seconds } => {
                ServiceError::TooManyAttempts { retry_after_seconds, field: None }
            }
        }
    }
}

/// Checks the credentials and starts a session: an access token and a refresh token.
///
/// Unknown accounts, deactivated accounts and wrong passwords all give
/// [`ServiceError::InvalidCredentials`], after the same amount of hashing work, and all count
/// as failures of the account (see [`crate::auth::limits`]); over a limit the answer is
/// [`ServiceError::TooManyAttempts`].
pub async fn login(
    db: &Db,
    context: LoginContext<'_>,
    request: LoginRequest,
) -> Result<LoginResponse, ServiceError> {
    let mut missing = Vec::new();
    if request.email.trim().is_empty() {
        missing.push(FieldError::new("email", "required", "enter your e-mail address"));
    }
    if request.password.is_empty() {
        missing.push(FieldError::new("password", "required", "enter your password"));
    }
    if !missing.is_empty() {
        return Err(ServiceError::BadRequest(missing));
    }

    let account = request.email.trim().to_lowercase();
    context.limits.admit(&account, context.client)?;

    let email = Email::parse(&request.email).ok();
    let row = match email {
        Some(email) => {
            let address = email.as_str().to_owned();
            db.run(move |conn| users::find_by_email(conn, &address).map_err(DbError::from)).await?
        }
        None => None,
    };

    // Argon2 is deliberately slow: keep it off the async executor too.
    let password = request.password;
    let row = password::off_thread(move || match row {
        Some(row) if row.active && password::verify(&password, &row.password_hash) => Some(row),
        Some(_) => None,
        None => {
            password::verify_dummy(&password);
            None
        }
    })
    .await?;
    let Some(row) = row else {
        context.limits.failed(&account)?;
        return Err(ServiceError::InvalidCredentials);
    };

    let me = db.run(move |conn| me_from_row(conn, row)).await?;
    // the second factor of staff; parents have none
    super::totp::complete_login(db, &context, &account, me, request.totp_code).await
}

/// The caller's own account.
pub async fn me(db: &Db, user: AuthUser) -> Result<MeResponse, ServiceError> {
    db.run(move |conn| {
        let row = users::find(conn, &user.id.to_string())?
            .filter(|row| row.active)
            .ok_or(ServiceError::AccountInactive)?;
        me_from_row(conn, row)
    })
    .await
}

pub(crate) fn me_from_row(conn: &mut DbConnection, row: UserRow) -> Result<MeResponse, ServiceError> {
    let role: Role =
        row.role.parse().map_err(|_| DbError::Corrupt { column: "users.role", value: row.role.clone() })?;
    let partnership = organisations::find_partnership(conn, &row.partnership_id)?
        .ok_or(ServiceError::NotFound("partnership"))?;
    let school = match &row.school_id {
        Some(id) => organisations::find_school(conn, id)?
            .map(|(s, _)| -> Result<_, DbError> {
                Ok(SchoolRef { id: parse_id("schools.id", &s.id)?, name: s.name })
            })
            .transpose()?,
        None => None,
    };
    let executor = match &row.executor_id {
        Some(id) => organisations::find_executor(conn, id)?
            .map(|e| -> Result<_, DbError> {
                Ok(ExecutorRef { id: parse_id("executors.id", &e.id)?, name: e.name })
            })
            .transpose()?,
        None => None,
    };
    Ok(MeResponse {
        id: parse_id("users.id", &row.id)?,
        email: row.email,
        name: row.display_name,
        role,
        partnership: PartnershipRef {
            id: parse_id("partnerships.id", &partnership.id)?,
            name: partnership.name,
        },
        school,
        executor,
        language: super::preferences::language_of(conn, &row.id)?,
    })
}
