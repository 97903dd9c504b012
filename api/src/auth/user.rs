//! The bearer-token extractor and typed role guards.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use arrangeer_shared::Role;
use arrangeer_shared::ids::{PartnershipId, UserId};

use super::JwtKeys;
use super::jwt::PURPOSE_TOTP_ENROLLMENT;
use crate::db::{Db, DbConnection, DbError, users};
use crate::error::ApiError;
use crate::services::ServiceError;

type Extracted<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// Which tokens an extractor takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Accept {
    /// Ordinary access tokens only.
    Access,
    /// Ordinary access tokens and two-factor enrollment tokens.
    AccessOrEnrollment,
}

/// A caller whose bearer token was valid. Scope (which objects they may see) is checked
/// later, in the services, with [`super::scope`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthUser {
    pub id: UserId,
    pub role: Role,
    pub partnership: PartnershipId,
}

impl AuthUser {
    /// The token's claims, checked without the database; `true` for an enrollment token.
    fn from_token(req: &HttpRequest, accept: Accept) -> Result<(Self, bool), ApiError> {
        let keys = req
            .app_data::<web::Data<JwtKeys>>()
            .ok_or_else(|| ApiError::Internal("JwtKeys not registered".into()))?;
        let value = req
            .headers()
            .get(header::AUTHORIZATION)
            .ok_or(ApiError::Unauthenticated("missing bearer token"))?;
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(ApiError::Unauthenticated("the Authorization header must be `Bearer <token>`"))?;
        let claims = keys.verify(token).map_err(|e| {
            tracing::debug!(error = %e, "bearer token rejected");
            ApiError::Unauthenticated("the access token is invalid or expired")
        })?;
        let enrollment = match claims.purpose.as_deref() {
            None => false,
            Some(PURPOSE_TOTP_ENROLLMENT) if accept == Accept::AccessOrEnrollment => true,
            Some(_) => {
                return Err(ApiError::Unauthenticated(
                    "this token only enrolls two-factor authentication; confirm a code first",
                ));
            }
        };
        Ok((AuthUser { id: claims.sub, role: claims.role, partnership: claims.partnership }, enrollment))
    }

    /// Verifies the token and the role synchronously, then (one primary-key lookup) that the
    /// account is still active: a deactivated account's tokens stop working at once.
    ///
    /// 401 and 403 are decided before anything awaits. actix polls a handler's extractors in
    /// turn and answers the first error; were the role checked after the database lookup,
    /// the body extractor would be polled meanwhile and a malformed body (400) could answer a
    /// caller whose role may never call the endpoint.
    fn extract(req: &HttpRequest, accept: Accept, roles: &'static [Role]) -> Extracted<(Self, bool)> {
        let verified = Self::from_token(req, accept).and_then(|(user, enrollment)| {
            if roles.contains(&user.role) {
                Ok((user, enrollment))
            } else {
                Err(ApiError::Forbidden { role: user.role })
            }
        });
        let (user, enrollment) = match verified {
            Ok(v) => v,
            Err(e) => return Box::pin(std::future::ready(Err(e))),
        };
        let db = req.app_data::<web::Data<Db>>().cloned();
        Box::pin(async move {
            let db = db.ok_or_else(|| ApiError::Internal("Db not registered".into()))?;
            let id = user.id.to_string();
            let active = db
                .run(move |conn| users::is_active(conn, &id).map_err(DbError::from))
                .await
                .map_err(|e| ApiError::Service(ServiceError::Db(e)))?;
            if !active {
                return Err(ApiError::Service(ServiceError::AccountInactive));
            }
            Ok((user, enrollment))
        })
    }
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Extracted<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let extracted = Self::extract(req, Accept::Access, <roles::Any as RoleSet>::ROLES);
        Box::pin(async move { extracted.await.map(|(user, _)| user) })
    }
}

/// A caller whose bearer token is valid, but whose account has not been checked yet.
///
/// The busiest endpoints take this instead of [`AuthUser`]: their service calls
/// [`Unchecked::check`] first thing, on the connection and in the blocking hop of its own
/// queries, so that the account check does not cost a trip of its own to the pool. Only
/// `check` hands out the [`AuthUser`], so a service cannot forget it.
#[derive(Debug)]
pub struct Unchecked {
    user: AuthUser,
}

impl FromRequest for Unchecked {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(AuthUser::from_token(req, Accept::Access).map(|(user, _)| Unchecked { user }))
    }
}

/// A caller whose account was found active, with where it belongs.
#[derive(Debug, Clone)]
pub struct Checked {
    pub user: AuthUser,
    pub account: users::AccessRow,
}

impl Unchecked {
    /// The role in the verified token (for checks that need no database).
    pub fn role(&self) -> Role {
        self.user.role
    }

    /// The account check of [`AuthUser`]'s extractor (one primary-key lookup), on the
    /// service's connection: a deactivated account is refused (401) on its next request.
    pub fn check(self, conn: &mut DbConnection) -> Result<Checked, ServiceError> {
        match users::access(conn, &self.user.id.to_string()).map_err(DbError::from)? {
            Some(account) if account.active => Ok(Checked { user: self.user, account }),
            _ => Err(ServiceError::AccountInactive),
        }
    }

    /// For a read whose statement checks the account itself: `read` gets the token's user and
    /// must answer nothing unless that account is active (as
    /// [`crate::db::arrangements::summaries`] does). An answer with rows comes from an active
    /// account and needs no other check; an empty one is followed by [`Unchecked::check`], to
    /// tell an inactive account (401) from nothing to show. One round trip instead of two.
    pub fn read_with_check<T>(
        self,
        conn: &mut DbConnection,
        read: impl FnOnce(&mut DbConnection, &AuthUser) -> Result<Vec<T>, ServiceError>,
    ) -> Result<Vec<T>, ServiceError> {
        let rows = read(conn, &self.user)?;
        if rows.is_empty() {
            self.check(conn)?;
        }
        Ok(rows)
    }
}

impl Checked {
    /// Where the caller reaches (see [`super::scope`]).
    pub fn reach(&self, conn: &mut DbConnection) -> Result<super::scope::Reach, DbError> {
        super::scope::reach_of(conn, &self.user, &self.account)
    }
}

/// A staff member calling with an ordinary access token or with the enrollment token a login
/// handed out because two-factor authentication must be set up first. Parents get 403.
#[derive(Debug)]
pub struct EnrollingUser {
    pub user: AuthUser,
    /// The caller holds an enrollment token (no session yet).
    pub enrollment: bool,
}

impl FromRequest for EnrollingUser {
    type Error = ApiError;
    type Future = Extracted<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let extracted = AuthUser::extract(req, Accept::AccessOrEnrollment, <roles::Staff as RoleSet>::ROLES);
        Box::pin(async move {
            let (user, enrollment) = extracted.await?;
            Ok(EnrollingUser { user, enrollment })
        })
    }
}

/// A set of roles allowed to call a handler.
pub trait RoleSet {
    const ROLES: &'static [Role];
}

/// An authenticated caller whose role is in `R`; anyone else gets 403 before the handler runs.
#[derive(Debug)]
pub struct Authorized<R: RoleSet> {
    pub user: AuthUser,
    _roles: PhantomData<R>,
}

impl<R: RoleSet + 'static> FromRequest for Authorized<R> {
    type Error = ApiError;
    type Future = Extracted<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let extracted = AuthUser::extract(req, Accept::Access, R::ROLES);
        Box::pin(async move {
            let (user, _) = extracted.await?;
            Ok(Authorized { user, _roles: PhantomData })
        })
    }
}

/// The role sets handlers use.
pub mod roles {
    use super::{Role, RoleSet};

    /// Every role.
    pub struct Any;
    impl RoleSet for Any {
        const ROLES: &'static [Role] = &Role::ALL;
    }

    /// SWV office staff only.
    pub struct SwvAdmin;
    impl RoleSet for SwvAdmin {
        const ROLES: &'static [Role] = &[Role::SwvAdmin];
    }

    /// School staff only.
    pub struct School;
    impl RoleSet for School {
        const ROLES: &'static [Role] = &[Role::School];
    }

    /// Everyone but executors (who see pupils only inside their dossiers).
    pub struct StaffOrParent;
    impl RoleSet for StaffOrParent {
        const ROLES: &'static [Role] = &[Role::School, Role::Consultant, Role::Parent, Role::SwvAdmin];
    }

    /// Everyone who works on dossiers (all roles but parents).
    pub struct Staff;
    impl RoleSet for Staff {
        const ROLES: &'static [Role] = &[Role::School, Role::Consultant, Role::Executor, Role::SwvAdmin];
    }
}
