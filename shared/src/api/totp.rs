//! Two-factor authentication with time-based one-time codes (TOTP, RFC 6238) for staff.

use serde::{Deserialize, Serialize};

use crate::api::auth::LoginResponse;

/// A new, not yet active TOTP secret (`POST /api/v1/me/totp`). The secret is shown only here,
/// once; after confirmation no endpoint returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct TotpEnrollmentResponse {
    /// The shared secret, base32 without padding, to type into an authenticator app.
    pub secret: String,
    /// The same as an `otpauth://totp/…` URI (what the QR code encodes).
    pub otpauth_uri: String,
    /// The URI as a QR code, a standalone SVG document.
    pub qr_svg: String,
    /// Digits per code (6) and seconds per code (30).
    pub digits: u32,
    pub period_seconds: u32,
}

/// `POST /api/v1/me/totp/confirm`: the first code from the authenticator app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfirmTotpRequest {
    /// Six digits.
    #[cfg_attr(feature = "openapi", schema(example = "123456"))]
    pub code: String,
}

/// Two-factor status of the caller (`GET /api/v1/me/totp`) or the answer to a confirmation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct TotpStatusResponse {
    /// A confirmed secret is active: every login needs a code.
    pub enabled: bool,
    /// This server requires two-factor authentication for the caller's role.
    pub required: bool,
    /// After confirming with an enrollment token (the login said `totp-enrollment-required`):
    /// the session that login could not give yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Box<LoginResponse>>,
}
