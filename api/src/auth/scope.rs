//! Scope: which objects of its partnership a caller may see. Every service calls one of these
//! before it reads or writes; an object outside the scope is reported as not found, so that
//! its existence is not revealed.

use arrangeer_shared::Role;

use super::AuthUser;
use crate::db::arrangements::ArrangementRow;
use crate::db::users::AccessRow;
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
    let account = match user.role {
        // school staff and executors reach through their account's school or organisation
        Role::School | Role::Executor => users::access(conn, &user.id.to_string())?,
        Role::SwvAdmin | Role::Consultant | Role::Parent => None,
    };
    let none = AccessRow { active: false, school_id: None, executor_id: None };
    reach_of(conn, user, account.as_ref().unwrap_or(&none))
}

/// Where `user` reaches, given its account as read by the account check.
pub fn reach_of(conn: &mut DbConnection, user: &AuthUser, account: &AccessRow) -> Result<Reach, DbError> {
    let id = user.id.to_string();
    Ok(match user.role {
        Role::SwvAdmin => Reach::All,
        Role::Consultant => Reach::Schools(users::assigned_school_ids(conn, &id)?),
        Role::School => Reach::Schools(account.school_id.clone().into_iter().collect()),
        Role::Executor => Reach::Executor(account.executor_id.clone().unwrap_or_default()),
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
    let reach = reach(conn, user)?;
    reach_sees_arrangement(conn, &reach, row)
}

/// The same for a caller whose account (and so reach) is known: see [`super::Checked`].
pub fn checked_sees_arrangement(
    conn: &mut DbConnection,
    caller: &super::Checked,
    row: &ArrangementRow,
) -> Result<bool, DbError> {
    if row.partnership_id != caller.user.partnership.to_string() {
        return Ok(false);
    }
    let reach = match caller.user.role {
        // one indexed probe instead of the whole caseload
        Role::Consultant => {
            return users::is_assigned(conn, &caller.user.id.to_string(), &row.school_id)
                .map_err(DbError::from);
        }
        _ => caller.reach(conn)?,
    };
    reach_sees_arrangement(conn, &reach, row)
}

fn reach_sees_arrangement(
    conn: &mut DbConnection,
    reach: &Reach,
    row: &ArrangementRow,
) -> Result<bool, DbError> {
    Ok(match reach {
        Reach::All => true,
        Reach::Schools(ids) => ids.contains(&row.school_id),
        Reach::Executor(executor) => {
            row.executor_id.as_deref() == Some(executor.as_str()) && !executor.is_empty()
        }
        Reach::Parent(parent) => arrangements::has_child_of(conn, &row.id, parent)?,
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
