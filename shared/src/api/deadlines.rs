//! Deadlines as the API reports them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::deadlines::DeadlineKind;
use crate::ids::ArrangementId;
use crate::role::Role;

/// One running clock of a dossier in the caller's scope (`GET /api/v1/deadlines`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DeadlineResponse {
    pub arrangement_id: ArrangementId,
    pub title: String,
    pub kind: DeadlineKind,
    pub due_date: NaiveDate,
    pub overdue: bool,
    /// Negative when overdue.
    pub days_left: i64,
    /// The role that must act.
    pub actor_role: Role,
    /// Whether the caller's role is the one that must act.
    pub mine: bool,
}

/// A new calendar feed address (`POST /api/v1/deadlines/feed-token`). The token is shown once;
/// a new one revokes the previous.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FeedTokenResponse {
    pub token: String,
    /// Path of the read-only iCalendar feed, relative to the server.
    pub path: String,
}
