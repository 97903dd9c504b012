//! The bearer-token extractor and typed role guards.

use std::future::{Ready, ready};
use std::marker::PhantomData;

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use arrangeer_shared::Role;
use arrangeer_shared::ids::{PartnershipId, UserId};

use super::JwtKeys;
use crate::error::ApiError;

/// A caller whose bearer token was valid. Scope (which objects they may see) is checked
/// later, in the services, with [`super::scope`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthUser {
    pub id: UserId,
    pub role: Role,
    pub partnership: PartnershipId,
}

impl AuthUser {
    fn from_request_sync(req: &HttpRequest) -> Result<Self, ApiError> {
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
        Ok(AuthUser { id: claims.sub, role: claims.role, partnership: claims.partnership })
    }
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Self::from_request_sync(req))
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

impl<R: RoleSet> FromRequest for Authorized<R> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(AuthUser::from_request_sync(req).and_then(|user| {
            if R::ROLES.contains(&user.role) {
                Ok(Authorized { user, _roles: PhantomData })
            } else {
                Err(ApiError::Forbidden { role: user.role })
            }
        }))
    }
}

/// The role sets handlers use.
pub mod roles {
    use super::{Role, RoleSet};

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
