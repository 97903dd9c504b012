//! The audit log: who read or changed what, and when. Append-only.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{PupilId, UserId};
use crate::role::Role;

vocabulary! {
    /// What was done.
    AuditAction {
        Read = "read",
        Create = "create",
        Update = "update",
        Publish = "publish",
        Consent = "consent",
        RecordMeeting = "record_meeting",
        EvaluateGoal = "evaluate_goal",
        Invite = "invite",
        AcceptInvitation = "accept_invitation",
        /// A file of dossiers, payments or statistics was downloaded (`/exports/…`).
        Export = "export",
        /// Schools were imported from DUO's file.
        Import = "import",
        /// The SWV office removed a user's two-factor secret.
        ResetTwoFactor = "reset_two_factor",
    }
}

vocabulary! {
    /// What it was done to.
    AuditObject {
        Opp = "opp",
        OppVersion = "opp_version",
        Pupil = "pupil",
        Arrangement = "arrangement",
        Invitation = "invitation",
        /// An export; the id is that of its line in the export log.
        Export = "export",
        /// A DUO school import; the id is the partnership's.
        SchoolImport = "school_import",
        /// A user account.
        User = "user",
    }
}

/// One entry of `GET /api/v1/audit-events` (SWV office staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AuditEventResponse {
    pub id: String,
    pub actor_id: UserId,
    pub actor_name: String,
    pub actor_role: Role,
    pub action: AuditAction,
    pub object_type: AuditObject,
    pub object_id: String,
    /// The pupil the object concerns, when it concerns one.
    pub pupil_id: Option<PupilId>,
    /// The client's address as the server saw it.
    pub client_address: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One entry of a parent's "who viewed my child's file" (`GET /api/v1/pupils/{id}/access-log`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AccessLogEntry {
    pub name: String,
    pub role: Role,
    pub action: AuditAction,
    pub object_type: AuditObject,
    pub created_at: DateTime<Utc>,
}
