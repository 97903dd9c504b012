//! The actions of an integral arrangement: who does what when. School and consultant keep
//! them up to date while the dossier is open; everyone else who sees the dossier reads them,
//! except parents (what parents see is decided with the OPP and consent work).

use arrangeer_shared::Role;
use arrangeer_shared::api::integral_actions::{
    CreateIntegralActionRequest, IntegralActionResponse, IntegralActionStatus, UpdateIntegralActionRequest,
};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::text;

use super::ServiceError;
use super::arrangements::{kind_of, status_of, visible};
use crate::auth::AuthUser;
use crate::db::arrangements::ArrangementRow;
use crate::db::integral_actions::{self, IntegralActionChangeset, IntegralActionRow};
use crate::db::{Db, DbConnection, DbError, new_id, now, utc};

fn writers(user: &AuthUser) -> Result<(), ServiceError> {
    match user.role {
        Role::School | Role::Consultant => Ok(()),
        Role::Executor | Role::Parent | Role::SwvAdmin => {
            Err(ServiceError::Forbidden("change the actions of an integral arrangement".into()))
        }
    }
}

fn check(description: &str, owner_name: &str, owner_organisation: Option<&str>) -> Result<(), ServiceError> {
    let errors: Vec<FieldError> = [
        text::check("description", description, true, text::LONG),
        text::check("ownerName", owner_name, true, text::SHORT),
        owner_organisation.and_then(|o| text::check("ownerOrganisation", o, false, text::SHORT)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if errors.is_empty() { Ok(()) } else { Err(ServiceError::Unprocessable(errors)) }
}

/// The arrangement, if it is an integral one that may still change.
fn writable(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &ArrangementId,
) -> Result<ArrangementRow, ServiceError> {
    let row = visible(conn, user, &id.to_string())?;
    if kind_of(&row)? != ArrangementKind::Integral {
        return Err(ServiceError::Unprocessable(vec![FieldError::new(
            "kind",
            "not_integral",
            "actions with owner and due date belong to an integral arrangement",
        )]));
    }
    if status_of(&row)?.is_final() {
        return Err(ServiceError::Conflict {
            detail: format!("the dossier is {}", row.status),
            allowed_actions: vec![],
        });
    }
    Ok(row)
}

fn organisation(o: Option<String>) -> Option<String> {
    o.map(|o| o.trim().to_owned()).filter(|o| !o.is_empty())
}

pub async fn create_integral_action(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    request: CreateIntegralActionRequest,
) -> Result<IntegralActionResponse, ServiceError> {
    writers(&user)?;
    check(&request.description, &request.owner_name, request.owner_organisation.as_deref())?;
    db.write(move |conn| {
        let row = writable(conn, &user, &id)?;
        let at = now();
        let action = IntegralActionRow {
            id: new_id(),
            arrangement_id: row.id,
            description: request.description.trim().to_owned(),
            owner_name: request.owner_name.trim().to_owned(),
            owner_organisation: organisation(request.owner_organisation),
            due_on: request.due_on,
            status: IntegralActionStatus::Open.as_str().to_owned(),
            created_by: user.id.to_string(),
            created_at: at,
            updated_at: at,
            version: 1,
        };
        integral_actions::insert(conn, &action)?;
        Ok(to_response(action)?)
    })
    .await
}

pub async fn update_integral_action(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    action_id: String,
    expected_version: Option<i32>,
    request: UpdateIntegralActionRequest,
) -> Result<IntegralActionResponse, ServiceError> {
    writers(&user)?;
    check(&request.description, &request.owner_name, request.owner_organisation.as_deref())?;
    db.write(move |conn| {
        let row = writable(conn, &user, &id)?;
        let expected_version = expected_version.ok_or(ServiceError::PreconditionRequired)?;
        let stored =
            integral_actions::find(conn, &row.id, &action_id)?.ok_or(ServiceError::NotFound("action"))?;
        let changes = IntegralActionChangeset {
            description: request.description.trim().to_owned(),
            owner_name: request.owner_name.trim().to_owned(),
            owner_organisation: organisation(request.owner_organisation),
            due_on: request.due_on,
            status: request.status.as_str().to_owned(),
            updated_at: now(),
        };
        if stored.version != expected_version
            || !integral_actions::update(conn, &stored.id, expected_version, &changes)?
        {
            return Err(ServiceError::PreconditionFailed { current: stored.version });
        }
        let updated =
            integral_actions::find(conn, &row.id, &stored.id)?.ok_or(ServiceError::NotFound("action"))?;
        Ok(to_response(updated)?)
    })
    .await
}

pub async fn list_integral_actions(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<IntegralActionResponse>, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("read the actions of an integral arrangement".into()));
    }
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        integral_actions::list(conn, &row.id)?.into_iter().map(|a| Ok(to_response(a)?)).collect()
    })
    .await
}

fn to_response(a: IntegralActionRow) -> Result<IntegralActionResponse, DbError> {
    Ok(IntegralActionResponse {
        status: IntegralActionStatus::parse(&a.status)
            .ok_or_else(|| DbError::Corrupt { column: "integral_actions.status", value: a.status.clone() })?,
        description: a.description,
        owner_name: a.owner_name,
        owner_organisation: a.owner_organisation,
        due_on: a.due_on,
        created_at: utc(a.created_at),
        updated_at: utc(a.updated_at),
        version: a.version,
        id: a.id,
    })
}
