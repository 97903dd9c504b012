//! Uploading and reading the documents of a dossier.

use arrangeer_shared::Role;
use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::AttachmentKind;
use arrangeer_shared::text;
use chrono::NaiveDate;

use super::ServiceError;
use super::arrangements::{status_of, visible};
use crate::auth::AuthUser;
use crate::db::attachments::{self, AttachmentInsert, AttachmentMeta};
use crate::db::{Db, DbError, arrangements, new_id, now, parse_id, utc};

/// Largest document accepted.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// What an upload brought, as read from the multipart form (still unchecked).
#[derive(Debug, Default)]
pub struct Upload {
    pub kind: Option<String>,
    pub pupil_id: Option<String>,
    pub document_date: Option<String>,
    pub file_name: Option<String>,
    pub content: Option<Vec<u8>>,
}

/// Content types accepted, by what the bytes are (never by the file name or the header).
const ALLOWED: &[&str] = &[
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
];

pub async fn upload_attachment(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    upload: Upload,
) -> Result<AttachmentResponse, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("add documents to a dossier".into()));
    }
    let mut errors = Vec::new();
    let kind = match upload.kind.as_deref() {
        None => {
            errors.push(FieldError::new("kind", "required", "choose the kind of document"));
            None
        }
        Some(k) => AttachmentKind::parse(k).or_else(|| {
            errors.push(FieldError::new("kind", "invalid_value", format!("unknown kind of document `{k}`")));
            None
        }),
    };
    let document_date = match upload.document_date.as_deref().filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").map(Some).unwrap_or_else(|_| {
            errors.push(FieldError::new("documentDate", "invalid_date", "use YYYY-MM-DD"));
            None
        }),
    };
    let file_name = upload.file_name.unwrap_or_default();
    if let Some(e) = text::check("file", &file_name, true, text::SHORT) {
        errors.push(FieldError::new("file", e.code, "the file needs a name of at most 200 characters"));
    }
    let content = upload.content.unwrap_or_default();
    let content_type = infer::get(&content).map(|t| t.mime_type()).filter(|m| ALLOWED.contains(m));
    if content.is_empty() {
        errors.push(FieldError::new("file", "required", "attach a file"));
    } else if content_type.is_none() {
        errors.push(FieldError::new(
            "file",
            "unsupported_type",
            "only PDF, PNG, JPEG, DOCX, XLSX and ODT documents are accepted (judged by the content)",
        ));
    }
    let (Some(kind), Some(content_type), true) = (kind, content_type, errors.is_empty()) else {
        return Err(ServiceError::Unprocessable(errors));
    };
    let pupil_id = upload.pupil_id.filter(|p| !p.is_empty());
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        if status_of(&row)?.is_final() {
            return Err(ServiceError::Conflict {
                detail: format!("the dossier is {}: it can no longer change", row.status),
                allowed_actions: Vec::new(),
            });
        }
        if let Some(pupil) = &pupil_id
            && !arrangements::pupils_of(conn, &row.id)?.iter().any(|p| &p.id == pupil)
        {
            return Err(ServiceError::Unprocessable(vec![FieldError::new(
                "pupilId",
                "unknown_pupil",
                "this pupil is not in the arrangement",
            )]));
        }
        let meta = AttachmentMeta {
            id: new_id(),
            arrangement_id: row.id.clone(),
            kind: kind.as_str().to_owned(),
            pupil_id: pupil_id.clone(),
            document_date,
            file_name: file_name.clone(),
            content_type: content_type.to_owned(),
            size_bytes: i64::try_from(content.len()).unwrap_or(i64::MAX),
            uploaded_by: user.id.to_string(),
            created_at: now(),
        };
        attachments::insert(
            conn,
            &AttachmentInsert {
                id: &meta.id,
                arrangement_id: &meta.arrangement_id,
                kind: &meta.kind,
                pupil_id: meta.pupil_id.as_deref(),
                document_date: meta.document_date,
                file_name: &meta.file_name,
                content_type: &meta.content_type,
                size_bytes: meta.size_bytes,
                content: &content,
                uploaded_by: &meta.uploaded_by,
                created_at: meta.created_at,
            },
        )?;
        Ok(to_response(meta)?)
    })
    .await
}

pub async fn list_attachments(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<AttachmentResponse>, ServiceError> {
    parents_may_not_read(&user)?;
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        attachments::list(conn, &row.id)?.into_iter().map(|m| Ok(to_response(m)?)).collect()
    })
    .await
}

/// The document's name, content type and bytes.
pub async fn download_attachment(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    attachment_id: String,
) -> Result<(String, String, Vec<u8>), ServiceError> {
    parents_may_not_read(&user)?;
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let (meta, content) = attachments::find_with_content(conn, &row.id, &attachment_id)?
            .ok_or(ServiceError::NotFound("attachment"))?;
        Ok((meta.file_name, meta.content_type, content))
    })
    .await
}

/// The dossier's documents (quotes, advice, reports) are for the professionals; parents see
/// their child's plan through the OPP pages instead.
fn parents_may_not_read(user: &AuthUser) -> Result<(), ServiceError> {
    if user.role == Role::Parent {
        Err(ServiceError::Forbidden("read the documents of a dossier".into()))
    } else {
        Ok(())
    }
}

fn to_response(meta: AttachmentMeta) -> Result<AttachmentResponse, DbError> {
    Ok(AttachmentResponse {
        kind: AttachmentKind::parse(&meta.kind)
            .ok_or_else(|| DbError::Corrupt { column: "attachments.kind", value: meta.kind.clone() })?,
        pupil_id: meta.pupil_id.as_deref().map(|p| parse_id("attachments.pupil_id", p)).transpose()?,
        document_date: meta.document_date,
        file_name: meta.file_name,
        content_type: meta.content_type,
        size_bytes: meta.size_bytes,
        uploaded_by: parse_id("attachments.uploaded_by", &meta.uploaded_by)?,
        created_at: utc(meta.created_at),
        id: meta.id,
    })
}
