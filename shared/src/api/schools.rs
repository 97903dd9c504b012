//! Schools, school boards and executor organisations of a partnership.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{PartnershipId, SchoolBoardId, SchoolId};

/// Kind of school; it decides caps such as the yearly amount per arrangement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    /// Regular primary school (basisschool).
    Regular,
    /// Special primary school (speciaal basisonderwijs).
    Sbo,
    /// Special school (speciaal onderwijs).
    So,
}

impl SchoolType {
    pub const ALL: [SchoolType; 3] = [SchoolType::Regular, SchoolType::Sbo, SchoolType::So];

    pub fn as_str(self) -> &'static str {
        match self {
            SchoolType::Regular => "regular",
            SchoolType::Sbo => "sbo",
            SchoolType::So => "so",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A school (`GET /api/v1/schools/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SchoolResponse {
    pub id: SchoolId,
    pub partnership_id: PartnershipId,
    pub school_board_id: SchoolBoardId,
    pub school_board_name: String,
    pub name: String,
    /// DUO's BRIN code (four characters, e.g. `12AB`).
    pub brin_code: String,
    pub school_type: SchoolType,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}
