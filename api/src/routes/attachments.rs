use actix_multipart::Multipart;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, post, web};
use arrangeer_shared::api::attachments::{AttachmentResponse, FileBytes, UploadAttachmentForm};
use arrangeer_shared::ids::ArrangementId;
use futures_util::StreamExt;

use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::attachments::{MAX_BYTES, Upload};

/// Largest value of a text field of the form.
const MAX_FIELD_BYTES: usize = 1024;

/// Add a document to a dossier (`multipart/form-data`: `kind`, optional `pupilId` and
/// `documentDate`, and `file`). The type is judged by the content, not the name.
#[utoipa::path(
    tag = "attachments",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body(content = UploadAttachmentForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = AttachmentResponse),
        (status = 403, description = "Parents do not add documents"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "The dossier is closed"),
        (status = 413, description = "Larger than 10 MiB"),
        (status = 422, description = "Missing kind or file, unknown pupil, or a type that is not accepted"),
    )
)]
#[post("/arrangements/{id}/attachments")]
pub async fn upload_attachment(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
    mut form: Multipart,
) -> Result<HttpResponse, ApiError> {
    let mut upload = Upload::default();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| ApiError::malformed("", "invalid_multipart", e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        let limit = if name == "file" { MAX_BYTES } else { MAX_FIELD_BYTES };
        if name == "file" {
            upload.file_name = field.content_disposition().and_then(|d| d.get_filename()).map(str::to_owned);
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| ApiError::malformed(&name, "invalid_multipart", e.to_string()))?;
            if bytes.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge { limit });
            }
            bytes.extend_from_slice(&chunk);
        }
        let text = || {
            String::from_utf8(bytes.clone())
                .map_err(|_| ApiError::malformed(&name, "invalid_text", "not UTF-8"))
        };
        match name.as_str() {
            "file" => upload.content = Some(bytes),
            "kind" => upload.kind = Some(text()?),
            "pupilId" => upload.pupil_id = Some(text()?),
            "documentDate" => upload.document_date = Some(text()?),
            other => {
                return Err(ApiError::malformed(
                    other,
                    "unknown_field",
                    format!("unknown form field `{other}`"),
                ));
            }
        }
    }
    let attachment = services::attachments::upload_attachment(&db, user, id.into_inner(), upload).await?;
    Ok(HttpResponse::Created().json(attachment))
}

/// The documents of a dossier (metadata).
#[utoipa::path(
    tag = "attachments",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<AttachmentResponse>),
        (status = 403, description = "Parents do not read the dossier's documents"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/attachments")]
pub async fn list_attachments(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::attachments::list_attachments(&db, user, id.into_inner()).await?))
}

/// Download one document.
#[utoipa::path(
    tag = "attachments",
    security(("bearer" = [])),
    params(
        ("id" = ArrangementId, Path, description = "Arrangement id"),
        ("attachmentId" = uuid::Uuid, Path, description = "Attachment id"),
    ),
    responses(
        (status = 200, description = "The document, with the type judged at upload", content(
            (FileBytes = "application/pdf"),
            (FileBytes = "image/png"),
            (FileBytes = "image/jpeg"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBytes = "application/vnd.oasis.opendocument.text"),
        )),
        (status = 403, description = "Parents do not read the dossier's documents"),
        (status = 404, description = "No such document within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/attachments/{attachmentId}")]
pub async fn download_attachment(
    db: web::Data<Db>,
    user: AuthUser,
    path: web::Path<(ArrangementId, uuid::Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, attachment_id) = path.into_inner();
    let attachment_id = attachment_id.to_string();
    let (file_name, content_type, content) =
        services::attachments::download_attachment(&db, user, id, attachment_id).await?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(file_name)],
        })
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(content))
}
