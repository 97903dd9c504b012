//! The caller's own settings of the web app (`PUT /api/v1/me/preferences`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

vocabulary! {
    /// The language the web app speaks to the user.
    Language {
        /// Dutch, the default.
        Nl = "nl",
        /// English.
        En = "en",
    }
}

/// The settings the caller chooses (`PUT /api/v1/me/preferences`); replaces them all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdatePreferencesRequest {
    pub language: Language,
}

/// The caller's settings as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PreferencesResponse {
    pub language: Language,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}
