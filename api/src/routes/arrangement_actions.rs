use actix_web::{HttpResponse, post, web};
use arrangeer_shared::api::arrangements::{ActionRequest, ArrangementResponse};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::workflow::Action;

use super::extract::Json;
use super::with_etag;
use crate::auth::Unchecked;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::mailer::Mailer;

/// Take an action on an arrangement: `submit`, `request-changes`, `approve`,
/// `make-definitive`, `grant`, `reject`, `start`, `terminate`, `close` or `withdraw`.
///
/// The server checks role, scope and status; every action is recorded in the history.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(
        ("id" = ArrangementId, Path, description = "Arrangement id"),
        ("action" = Action, Path, description = "The action"),
    ),
    request_body = ActionRequest,
    responses(
        (status = 200, description = "The arrangement in its new status", body = ArrangementResponse),
        (status = 403, description = "The caller's role may not take this action"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "Not allowed in the current status; `allowedActions` says what is"),
        (status = 422, description = "The dossier is not ready for this action (fields named)"),
    )
)]
#[post("/arrangements/{id}/actions/{action}")]
pub async fn take_arrangement_action(
    db: web::Data<Db>,
    mailer: web::Data<Mailer>,
    caller: Unchecked,
    path: web::Path<(ArrangementId, Action)>,
    Json(request): Json<ActionRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, action) = path.into_inner();
    let (actor, arrangement) =
        services::arrangement_actions::take_action(&db, caller, id, action, request).await?;
    services::notifications::arrangement_action(&db, &mailer, &actor, arrangement.id.to_string(), action);
    Ok(with_etag(HttpResponse::Ok(), arrangement.version).json(arrangement))
}
