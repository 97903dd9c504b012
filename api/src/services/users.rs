//! The partnership's user accounts, for the SWV office.

use arrangeer_shared::Role;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::users::UserResponse;

use super::{ServiceError, cursor};
use crate::auth::AuthUser;
use crate::db::users::{self, UserRow};
use crate::db::{Db, DbError, parse_id, utc};

/// The caller's partnership's users (the role guard already limited callers to swv_admin).
pub async fn list_users(
    db: &Db,
    admin: AuthUser,
    limit: Option<u32>,
    after: Option<String>,
) -> Result<Page<UserResponse>, ServiceError> {
    let limit = cursor::limit(limit)?;
    let after = after.as_deref().map(cursor::decode).transpose()?;
    db.run(move |conn| {
        let key = after.as_ref().map(|p| (p.name.as_str(), p.id.as_str()));
        let rows = users::list_by_partnership(conn, &admin.partnership.to_string(), key, limit + 1)?;
        Ok(cursor::page(rows, limit, |u| (u.display_name.clone(), u.id.clone()), to_response)?)
    })
    .await
}

fn to_response(row: UserRow) -> Result<UserResponse, DbError> {
    let role: Role =
        row.role.parse().map_err(|_| DbError::Corrupt { column: "users.role", value: row.role.clone() })?;
    Ok(UserResponse {
        id: parse_id("users.id", &row.id)?,
        email: row.email,
        name: row.display_name,
        role,
        school_id: row.school_id.as_deref().map(|id| parse_id("users.school_id", id)).transpose()?,
        executor_id: row.executor_id.as_deref().map(|id| parse_id("users.executor_id", id)).transpose()?,
        active: row.active,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        version: row.version,
    })
}
