//! Scope: which objects of its partnership a caller may see. Every service calls one of these
//! before it reads or writes; an object outside the scope is reported as not found, so that
//! its existence is not revealed.

use arrangeer_shared::Role;

use super::AuthUser;
use crate::db::arrangements::ArrangementRow;
use crate::db::{DbConnection, DbError, arrangements, pupils, users};

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

/// What part of the partnership's dossiers and pupils a caller reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// SWV staff: everything in the partnership.
    All,
    /// School staff (their school) and consultants (their caseload).
    Schools(Vec<String>),
    /// An executor: the arrangements where their organisation is the chosen executor.
    Executor(String),
    /// A parent: their own children and the arrangements these are in.
    Parent(String),
}

/// Where `user` reaches.
pub fn reach(conn: &mut DbConnection, user: &AuthUser) -> Result<Reach, DbError> {
    let id = user.id.to_string();
    Ok(match user.role {
        Role::SwvAdmin => Reach::All,
        Role::Consultant => Reach::Schools(users::assigned_school_ids(conn, &id)?),
        Role::School => {
            Reach::Schools(users::find(conn, &id)?.and_then(|u| u.school_id).into_iter().collect())
        }
        Role::Executor => {
            Reach::Executor(users::find(conn, &id)?.and_then(|u| u.executor_id).unwrap_or_default())
        }
        Role::Parent => Reach::Parent(id),
    })
}

/// The schools `user` may see. Executors and parents see schools only through their
/// assignments and children; in the school list they see none.
pub fn schools(conn: &mut DbConnection, user: &AuthUser) -> Result<SchoolScope, DbError> {
    Ok(match reach(conn, user)? {
        Reach::All => SchoolScope::All,
        Reach::Schools(ids) => SchoolScope::Only(ids),
        Reach::Executor(_) | Reach::Parent(_) => SchoolScope::Only(Vec::new()),
    })
}

/// Whether `user` may see the arrangement (always within their own partnership).
pub fn sees_arrangement(
    conn: &mut DbConnection,
    user: &AuthUser,
    row: &ArrangementRow,
) -> Result<bool, DbError> {
    if row.partnership_id != user.partnership.to_string() {
        return Ok(false);
    }
    Ok(match reach(conn, user)? {
        Reach::All => true,
        Reach::Schools(ids) => ids.contains(&row.school_id),
        Reach::Executor(executor) => {
            row.executor_id.as_deref() == Some(executor.as_str()) && !executor.is_empty()
        }
        Reach::Parent(parent) => arrangements::has_child_of(conn, &row.id, &parent)?,
    })
}

/// Whether `user` may see the pupil.
pub fn sees_pupil(
    conn: &mut DbConnection,
    user: &AuthUser,
    pupil: &crate::db::pupils::PupilRow,
) -> Result<bool, DbError> {
    if pupil.partnership_id != user.partnership.to_string() {
        return Ok(false);
    }
    Ok(match reach(conn, user)? {
        Reach::All => true,
        Reach::Schools(ids) => ids.contains(&pupil.school_id),
        // executors see pupils through their arrangements (in the dossier), not as a list
        Reach::Executor(_) => false,
        Reach::Parent(parent) => pupils::is_guardian(conn, &pupil.id, &parent)?,
    })
}
