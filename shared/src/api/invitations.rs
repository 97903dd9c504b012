//! Invitations: the school invites a guardian by e-mail address to set a password; the
//! one-time link creates (or activates) the parent account and links it to the pupil.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::PupilId;

/// `POST /api/v1/pupils/{id}/invitations` (school staff of the pupil's school).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateInvitationRequest {
    pub email: String,
    /// How the guardian is addressed, e.g. `Mevrouw De Vries`.
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationResponse {
    pub id: String,
    pub pupil_id: PupilId,
    pub email: String,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    /// Demo mode only (no e-mail is sent there): the link the guardian would receive.
    pub demo_link: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/invitations/accept`: the token from the link, and the new password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcceptInvitationRequest {
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(format = Password))]
    pub password: String,
}
