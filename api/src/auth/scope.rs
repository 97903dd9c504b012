//! Scope: which objects of its partnership a caller may see. Every service calls one of these
//! before it reads or writes; an object outside the scope is reported as not found, so that
//! its existence is not revealed.

use arrangeer_shared::Role;

use super::AuthUser;
use crate::db::{DbConnection, DbError, users};

/// The schools of the caller's partnership that the caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchoolScope {
    /// Every school of the partnership (SWV staff).
    All,
    /// These schools only (a school's own staff; a consultant's caseload).
    Only(Vec<String>),
}

impl SchoolScope {
    pub fn contains(&self, school_id: &str) -> bool {
        match self {
            SchoolScope::All => true,
            SchoolScope::Only(ids) => ids.iter().any(|id| id == school_id),
        }
    }
}

/// The schools `user` may see. Executors and parents see schools only through their
/// assignments and children, which later resources bring; for now they see none.
pub fn schools(conn: &mut DbConnection, user: &AuthUser) -> Result<SchoolScope, DbError> {
    let id = user.id.to_string();
    Ok(match user.role {
        Role::SwvAdmin => SchoolScope::All,
        Role::Consultant => SchoolScope::Only(users::assigned_school_ids(conn, &id)?),
        Role::School => {
            SchoolScope::Only(users::find(conn, &id)?.and_then(|u| u.school_id).into_iter().collect())
        }
        Role::Executor | Role::Parent => SchoolScope::Only(Vec::new()),
    })
}
