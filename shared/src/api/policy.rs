//! A partnership's rules, as read and edited through `/api/v1/partnerships/{id}/policy`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::PartnershipId;
use crate::policy::Policy;

/// The policy in force: its version (also the ETag) and the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PolicyResponse {
    pub partnership_id: PartnershipId,
    /// Every edit makes a new version; arrangements record the version they were submitted under.
    pub version: i32,
    pub policy: Policy,
    pub created_at: DateTime<Utc>,
}
