//! Reading schools, within the caller's scope.

use arrangeer_shared::api::auth::ExecutorRef;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::schools::{SchoolResponse, SchoolType};
use arrangeer_shared::ids::SchoolId;

use super::{ServiceError, cursor};
use crate::auth::{AuthUser, scope};
use crate::db::organisations::{self, SchoolFilter, SchoolRow};
use crate::db::{Db, DbError, parse_id, utc};

pub async fn list_schools(
    db: &Db,
    user: AuthUser,
    limit: Option<u32>,
    after: Option<String>,
) -> Result<Page<SchoolResponse>, ServiceError> {
    let limit = cursor::limit(limit)?;
    let after = after.as_deref().map(cursor::decode).transpose()?;
    db.run(move |conn| {
        let partnership = user.partnership.to_string();
        let scope = scope::schools(conn, &user)?;
        let filter = match &scope {
            scope::SchoolScope::All => SchoolFilter::All,
            scope::SchoolScope::Only(ids) => SchoolFilter::Only(ids),
        };
        let key = after.as_ref().map(|p| (p.name.as_str(), p.id.as_str()));
        // one extra row tells whether another page follows
        // one row more than asked tells whether another page follows
        let rows = organisations::list_schools(conn, &partnership, filter, key, limit + 1)?;
        Ok(cursor::page(rows, limit, |(s, _)| (s.name.clone(), s.id.clone()), to_response)?)
    })
    .await
}

pub async fn get_school(db: &Db, user: AuthUser, id: SchoolId) -> Result<SchoolResponse, ServiceError> {
    db.run(move |conn| {
        let id = id.to_string();
        let scope = scope::schools(conn, &user)?;
        let found = organisations::find_school(conn, &id)?
            .filter(|(s, _)| s.partnership_id == user.partnership.to_string() && scope.contains(&s.id))
            .ok_or(ServiceError::NotFound("school"))?;
        Ok(to_response(found)?)
    })
    .await
}

fn to_response((row, board_name): (SchoolRow, String)) -> Result<SchoolResponse, DbError> {
    let school_type = SchoolType::parse(&row.school_type)
        .ok_or_else(|| DbError::Corrupt { column: "schools.school_type", value: row.school_type.clone() })?;
    Ok(SchoolResponse {
        id: parse_id("schools.id", &row.id)?,
        partnership_id: parse_id("schools.partnership_id", &row.partnership_id)?,
        school_board_id: parse_id("schools.school_board_id", &row.school_board_id)?,
        school_board_name: board_name,
        name: row.name,
        brin_code: row.brin_code,
        school_type,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        version: row.version,
    })
}

/// The partnership's executor organisations, to choose from in a proposal.
pub async fn list_executors(db: &Db, user: AuthUser) -> Result<Vec<ExecutorRef>, ServiceError> {
    db.run(move |conn| {
        organisations::list_executors(conn, &user.partnership.to_string())?
            .into_iter()
            .map(|e| Ok(ExecutorRef { id: parse_id("executors.id", &e.id)?, name: e.name }))
            .collect()
    })
    .await
}
