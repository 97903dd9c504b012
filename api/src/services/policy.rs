//! The partnership's policy in force, as the other services need it.

use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::policy::Policy;
use arrangeer_shared::workflow::WorkflowConfig;

use crate::db::{DbConnection, DbError, policies};

/// The policy in force and its version; `None` when the partnership has none yet.
pub fn current(conn: &mut DbConnection, partnership_id: &str) -> Result<Option<(i32, Policy)>, DbError> {
    policies::current(conn, partnership_id)?
        .map(|row| {
            serde_json::from_str::<Policy>(&row.document)
                .map(|p| (row.version, p))
                .map_err(|_| DbError::Corrupt { column: "policies.document", value: row.id })
        })
        .transpose()
}

/// Who decides for this kind of arrangement under the policy in force (the SWV office when
/// the partnership has no policy yet).
pub fn workflow_config(
    conn: &mut DbConnection,
    partnership_id: &str,
    kind: ArrangementKind,
) -> Result<WorkflowConfig, DbError> {
    Ok(current(conn, partnership_id)?
        .map(|(_, policy)| WorkflowConfig::for_kind(&policy, kind))
        .unwrap_or_default())
}
