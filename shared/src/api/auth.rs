//! Login and the current user.

use serde::{Deserialize, Serialize};

use crate::ids::{ExecutorId, PartnershipId, SchoolId, UserId};
use crate::role::Role;

/// Credentials for `POST /api/v1/auth/login`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginRequest {
    /// The account's e-mail address (case-insensitive).
    #[cfg_attr(feature = "openapi", schema(example = "ib@utrecht.demo.arrangeer.nl"))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(format = Password))]
    pub password: String,
    /// The current six-digit code of the authenticator app, for accounts with two-factor
    /// authentication. Without it such a login answers 401 `totp-required`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = json!(null)))]
    pub totp_code: Option<String>,
}

/// A successful login: a bearer token for the `Authorization` header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct LoginResponse {
    /// JWT access token.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
    /// Opaque refresh token for `POST /api/v1/auth/refresh`: valid once, replaced by a new
    /// one on every use, ended by logout. Keep it as secret as the password.
    pub refresh_token: String,
    /// Lifetime of the refresh token in seconds.
    pub refresh_expires_in: i64,
    /// The logged-in user, so a client needs no second request.
    pub user: MeResponse,
}

/// `POST /api/v1/auth/refresh` and `POST /api/v1/auth/logout`: the refresh token of the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshRequest {
    #[cfg_attr(feature = "openapi", schema(format = Password))]
    pub refresh_token: String,
}

macro_rules! named_ref {
    ($($(#[$doc:meta])* $name:ident($id:ty);)+) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            pub id: $id,
            pub name: String,
        }
    )+};
}

named_ref! {
    /// A partnership, by id and name.
    PartnershipRef(PartnershipId);
    /// A school, by id and name.
    SchoolRef(SchoolId);
    /// An executor organisation, by id and name.
    ExecutorRef(ExecutorId);
}

/// The logged-in user (`GET /api/v1/me`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MeResponse {
    pub id: UserId,
    pub email: String,
    /// Name to greet the user by.
    pub name: String,
    pub role: Role,
    pub partnership: PartnershipRef,
    /// Set for role `school`: the school the user works at.
    pub school: Option<SchoolRef>,
    /// Set for role `executor`: the executor organisation the user works for.
    pub executor: Option<ExecutorRef>,
    /// The language the user chose for the web app (`PUT /me/preferences`); absent until they
    /// choose one (the web app then speaks Dutch, or what was chosen before logging in).
    #[serde(default)]
    pub language: Option<crate::api::preferences::Language>,
}
