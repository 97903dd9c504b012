//! Pupils of a school and the parent accounts linked to them.

use arrangeer_shared::Email;
use arrangeer_shared::Role;
use arrangeer_shared::api::auth::SchoolRef;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::pupils::{AddGuardianRequest, CreatePupilRequest, GuardianRef, PupilResponse};
use arrangeer_shared::ids::PupilId;
use arrangeer_shared::text;

use super::audit::{self, Caller};
use super::{ServiceError, cursor};
use crate::auth::AuthUser;
use crate::auth::scope::{self, Reach};
use crate::db::pupils::{self, PupilFilter, PupilRow};
use crate::db::{Db, DbConnection, DbError, new_id, now, organisations, parse_id, users, utc};
use arrangeer_shared::api::audit::{AuditAction, AuditObject};

/// Creates a pupil at the school of the calling school staff member.
pub async fn create_pupil(
    db: &Db,
    user: AuthUser,
    request: CreatePupilRequest,
) -> Result<PupilResponse, ServiceError> {
    let errors: Vec<FieldError> = [
        text::check("firstName", &request.first_name, true, text::SHORT),
        text::check("lastName", &request.last_name, true, text::SHORT),
        text::check("groupName", &request.group_name, true, text::SHORT),
    ]
    .into_iter()
    .flatten()
    .chain(
        (request.date_of_birth > chrono::Utc::now().date_naive())
            .then(|| FieldError::new("dateOfBirth", "in_future", "the date of birth lies in the future")),
    )
    .collect();
    if !errors.is_empty() {
        return Err(ServiceError::Unprocessable(errors));
    }
    db.write(move |conn| {
        let school_id = own_school(conn, &user)?;
        let at = now();
        let row = PupilRow {
            id: new_id(),
            partnership_id: user.partnership.to_string(),
            school_id,
            first_name: request.first_name.trim().to_owned(),
            last_name: request.last_name.trim().to_owned(),
            date_of_birth: request.date_of_birth,
            group_name: request.group_name.trim().to_owned(),
            created_at: at,
            updated_at: at,
            version: 1,
        };
        pupils::insert(conn, &row)?;
        to_response(conn, row)
    })
    .await
}

/// One pupil; the read is written to the audit log.
pub async fn get_pupil(db: &Db, caller: Caller, id: PupilId) -> Result<PupilResponse, ServiceError> {
    db.write(move |conn| {
        let row = visible(conn, &caller.user, &id.to_string())?;
        audit::record(conn, &caller, AuditAction::Read, AuditObject::Pupil, &row.id, Some(&row.id))?;
        to_response(conn, row)
    })
    .await
}

pub async fn list_pupils(
    db: &Db,
    user: AuthUser,
    limit: Option<u32>,
    after: Option<String>,
) -> Result<Page<PupilResponse>, ServiceError> {
    let limit = cursor::limit(limit)?;
    let after = after.as_deref().map(cursor::decode).transpose()?;
    db.run(move |conn| {
        let reach = scope::reach(conn, &user)?;
        let filter = match &reach {
            Reach::All => PupilFilter::All,
            Reach::Schools(ids) => PupilFilter::Schools(ids),
            Reach::Parent(parent) => PupilFilter::ChildrenOf(parent),
            Reach::Executor(_) => return Err(ServiceError::Forbidden("list pupils".into())),
        };
        let key = after.as_ref().map(|p| (p.name.as_str(), p.id.as_str()));
        let rows = pupils::list(conn, &user.partnership.to_string(), filter, key, limit + 1)?;
        let page = cursor::page(rows, limit, |r| (pupils::sort_key(r), r.id.clone()), Ok::<_, ServiceError>)?;
        let items = page.items.into_iter().map(|row| to_response(conn, row)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_cursor: page.next_cursor })
    })
    .await
}

/// Links an existing parent account of the partnership to a pupil of the caller's school.
pub async fn add_guardian(
    db: &Db,
    user: AuthUser,
    id: PupilId,
    request: AddGuardianRequest,
) -> Result<PupilResponse, ServiceError> {
    let email = Email::parse(&request.email)
        .map_err(|e| ServiceError::Unprocessable(vec![FieldError::new("email", e.code(), e.to_string())]))?;
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let parent = users::find_by_email(conn, email.as_str())?
            .filter(|u| u.role == Role::Parent.as_str() && u.partnership_id == row.partnership_id)
            .ok_or_else(|| {
                ServiceError::Unprocessable(vec![FieldError::new(
                    "email",
                    "unknown_parent",
                    "no parent account of this partnership has this e-mail address",
                )])
            })?;
        if !pupils::is_guardian(conn, &row.id, &parent.id)? {
            pupils::add_guardian(conn, &row.id, &parent.id, now())?;
        }
        to_response(conn, row)
    })
    .await
}

/// The school of a school staff member.
fn own_school(conn: &mut DbConnection, user: &AuthUser) -> Result<String, ServiceError> {
    users::find(conn, &user.id.to_string())?
        .and_then(|u| u.school_id)
        .ok_or_else(|| ServiceError::Forbidden("act for a school".into()))
}

/// A pupil the caller may see, or not found.
fn visible(conn: &mut DbConnection, user: &AuthUser, id: &str) -> Result<PupilRow, ServiceError> {
    match pupils::find(conn, id)? {
        Some(row) if scope::sees_pupil(conn, user, &row)? => Ok(row),
        _ => Err(ServiceError::NotFound("pupil")),
    }
}

fn to_response(conn: &mut DbConnection, row: PupilRow) -> Result<PupilResponse, ServiceError> {
    let (school, _) =
        organisations::find_school(conn, &row.school_id)?.ok_or(ServiceError::NotFound("school"))?;
    let guardians = pupils::guardians(conn, &row.id)?
        .into_iter()
        .map(|(id, name, email)| Ok(GuardianRef { id: parse_id("users.id", &id)?, name, email }))
        .collect::<Result<_, DbError>>()?;
    Ok(PupilResponse {
        id: parse_id("pupils.id", &row.id)?,
        school: SchoolRef { id: parse_id("schools.id", &school.id)?, name: school.name },
        first_name: row.first_name,
        last_name: row.last_name,
        date_of_birth: row.date_of_birth,
        group_name: row.group_name,
        guardians,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        version: row.version,
    })
}
