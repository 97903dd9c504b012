//! Pupils of a school and their guardians.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::auth::SchoolRef;
use crate::ids::{PupilId, UserId};

/// A new pupil (`POST /api/v1/pupils`), always at the school of the staff member creating it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreatePupilRequest {
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: NaiveDate,
    /// Group or class, e.g. `groep 5b`.
    pub group_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PupilResponse {
    pub id: PupilId,
    pub school: SchoolRef,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: NaiveDate,
    pub group_name: String,
    /// Parent accounts linked to this pupil.
    pub guardians: Vec<GuardianRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// A parent account linked to a pupil.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct GuardianRef {
    pub id: UserId,
    pub name: String,
    pub email: String,
}

/// Links an existing parent account of the partnership to a pupil
/// (`POST /api/v1/pupils/{id}/guardians`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddGuardianRequest {
    pub email: String,
}

/// A pupil as named inside a dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PupilRef {
    pub id: PupilId,
    pub name: String,
    pub group_name: String,
}
