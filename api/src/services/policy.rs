//! The partnership's policy in force, as the other services need it.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::policy::Policy;
use arrangeer_shared::workflow::WorkflowConfig;

use arrangeer_shared::api::policy::PolicyResponse;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::PartnershipId;

use super::ServiceError;
use crate::auth::AuthUser;
use crate::db::policies::PolicyRow;
use crate::db::{Db, DbConnection, DbError, new_id, now, parse_id, policies, utc};

/// The policy in force and its version; `None` when the partnership has none yet.
pub fn current(conn: &mut DbConnection, partnership_id: &str) -> Result<Option<(i32, Policy)>, DbError> {
    policies::current_key(conn, partnership_id)?
        .map(|(id, version)| parsed(conn, &id).map(|p| (version, p)))
        .transpose()
}

/// The policy of a version; `None` when there is no such version.
pub fn at_version(
    conn: &mut DbConnection,
    partnership_id: &str,
    version: i32,
) -> Result<Option<Policy>, DbError> {
    policies::key_at_version(conn, partnership_id, version)?.map(|id| parsed(conn, &id)).transpose()
}

/// Parsed policy documents by the id of their row. A version of a partnership's policy is never
/// changed (a change is a new version, a new row), so a parsed document stays what its row
/// says; only ids are looked up per request, each document is read and parsed once.
static PARSED: LazyLock<Mutex<HashMap<String, Arc<Policy>>>> = LazyLock::new(Mutex::default);

fn parsed(conn: &mut DbConnection, id: &str) -> Result<Policy, DbError> {
    let cached = PARSED.lock().unwrap_or_else(PoisonError::into_inner).get(id).cloned();
    if let Some(policy) = cached {
        return Ok(Policy::clone(&policy));
    }
    let corrupt = || DbError::Corrupt { column: "policies.document", value: id.to_owned() };
    let document = policies::document(conn, id)?.ok_or_else(corrupt)?;
    let policy: Policy = serde_json::from_str(&document).map_err(|_| corrupt())?;
    PARSED.lock().unwrap_or_else(PoisonError::into_inner).insert(id.to_owned(), Arc::new(policy.clone()));
    Ok(policy)
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

/// `GET /partnerships/{id}/policy`: the rules in force, for everyone in the partnership.
pub async fn get_policy(
    db: &Db,
    user: AuthUser,
    partnership: PartnershipId,
) -> Result<PolicyResponse, ServiceError> {
    db.run(move |conn| {
        own_partnership(&user, partnership)?;
        let row =
            policies::current(conn, &partnership.to_string())?.ok_or(ServiceError::NotFound("policy"))?;
        to_response(row)
    })
    .await
}

/// `PUT /partnerships/{id}/policy` (SWV office): stores the rules as a new version, if they
/// make sense and `expected_version` is still the version in force.
pub async fn replace_policy(
    db: &Db,
    user: AuthUser,
    partnership: PartnershipId,
    expected_version: Option<i32>,
    policy: Policy,
) -> Result<PolicyResponse, ServiceError> {
    let expected_version = expected_version.ok_or(ServiceError::PreconditionRequired)?;
    if let Err(problems) = arrangeer_shared::policy::validate(&policy) {
        return Err(ServiceError::Unprocessable(problems.into_iter().map(FieldError::from).collect()));
    }
    let document = serde_json::to_string(&policy)
        .map_err(|e| DbError::Corrupt { column: "policies.document", value: e.to_string() })?;
    db.write(move |conn| {
        own_partnership(&user, partnership)?;
        let partnership_id = partnership.to_string();
        let current = policies::current(conn, &partnership_id)?.map(|p| p.version).unwrap_or(0);
        if current != expected_version {
            return Err(ServiceError::PreconditionFailed { current });
        }
        let row = PolicyRow {
            id: new_id(),
            partnership_id,
            version: current + 1,
            document,
            created_by: Some(user.id.to_string()),
            created_at: now(),
        };
        // the UNIQUE (partnership, version) constraint settles a race between two editors
        policies::insert(conn, &row)?;
        to_response(row)
    })
    .await
}

fn own_partnership(user: &AuthUser, partnership: PartnershipId) -> Result<(), ServiceError> {
    if user.partnership == partnership { Ok(()) } else { Err(ServiceError::NotFound("partnership")) }
}

fn to_response(row: PolicyRow) -> Result<PolicyResponse, ServiceError> {
    let policy = serde_json::from_str(&row.document)
        .map_err(|_| DbError::Corrupt { column: "policies.document", value: row.id.clone() })?;
    Ok(PolicyResponse {
        partnership_id: parse_id("policies.partnership_id", &row.partnership_id)?,
        version: row.version,
        policy,
        created_at: utc(row.created_at),
    })
}
