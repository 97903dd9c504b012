//! The consultant's logbook: process notes only, never notes about individual pupils.

use arrangeer_shared::Role;
use arrangeer_shared::api::evaluations::{CreateLogbookEntryRequest, LogbookEntryResponse, mentions_any};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::text;

use super::ServiceError;
use super::arrangements::{status_of, visible};
use crate::auth::AuthUser;
use crate::db::{Db, arrangements, evaluations, new_id, now, parse_id, utc};

/// Who reads the logbook: the consultants and the SWV office.
fn readers(user: &AuthUser) -> Result<(), ServiceError> {
    match user.role {
        Role::Consultant | Role::SwvAdmin => Ok(()),
        Role::School | Role::Executor | Role::Parent => {
            Err(ServiceError::Forbidden("read the consultant's logbook".into()))
        }
    }
}

pub async fn add_note(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    request: CreateLogbookEntryRequest,
) -> Result<LogbookEntryResponse, ServiceError> {
    if user.role != Role::Consultant {
        return Err(ServiceError::Forbidden("write in the consultant's logbook".into()));
    }
    if let Some(e) = text::check("note", &request.note, true, text::LONG) {
        return Err(ServiceError::Unprocessable(vec![e]));
    }
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        if status_of(&row)?.is_final() {
            return Err(ServiceError::Conflict {
                detail: format!("the dossier is {}", row.status),
                allowed_actions: vec![],
            });
        }
        let names: Vec<String> = arrangements::pupils_of(conn, &row.id)?
            .into_iter()
            .flat_map(|p| [p.first_name, p.last_name])
            .filter(|n| n.chars().count() > 1)
            .collect();
        if let Some(name) = mentions_any(&request.note, &names) {
            return Err(ServiceError::Unprocessable(vec![FieldError::new(
                "note",
                "mentions_pupil",
                format!(
                    "the logbook holds process notes only, never notes about a pupil: remove `{name}` \
                     (notes about a pupil belong in the OPP or the school's own file)"
                ),
            )]));
        }
        let (entry_id, at) = (new_id(), now());
        evaluations::insert_note(conn, &entry_id, &row.id, &user.id.to_string(), request.note.trim(), at)?;
        let author =
            crate::db::users::find(conn, &user.id.to_string())?.map(|u| u.display_name).unwrap_or_default();
        Ok(LogbookEntryResponse {
            id: entry_id,
            author_id: user.id,
            author_name: author,
            note: request.note.trim().to_owned(),
            created_at: utc(at),
        })
    })
    .await
}

pub async fn list_notes(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<LogbookEntryResponse>, ServiceError> {
    readers(&user)?;
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        evaluations::notes(conn, &row.id)?
            .into_iter()
            .map(|n| {
                Ok(LogbookEntryResponse {
                    author_id: parse_id("logbook_entries.author_id", &n.author_id)?,
                    author_name: n.author_name,
                    note: n.note,
                    created_at: utc(n.created_at),
                    id: n.id,
                })
            })
            .collect()
    })
    .await
}
