//! User accounts as the SWV office sees them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ExecutorId, SchoolId, UserId};
use crate::role::Role;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserResponse {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// For role `school`.
    pub school_id: Option<SchoolId>,
    /// For role `executor`.
    pub executor_id: Option<ExecutorId>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}
