//! Documents of a dossier.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{PupilId, UserId};
use crate::kinds::AttachmentKind;

/// A document's metadata; the content is at `GET /api/v1/arrangements/{id}/attachments/{attachmentId}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AttachmentResponse {
    /// Opaque id (UUID).
    pub id: String,
    pub kind: AttachmentKind,
    /// The pupil a per-pupil document (such as an OPP) belongs to.
    pub pupil_id: Option<PupilId>,
    /// The date of the document itself (a research report's age counts from it).
    pub document_date: Option<NaiveDate>,
    pub file_name: String,
    /// As detected from the content, not as claimed by the uploader.
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_by: UserId,
    pub created_at: DateTime<Utc>,
}

/// The multipart form of an upload (documentation only; sent as `multipart/form-data`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UploadAttachmentForm {
    pub kind: AttachmentKind,
    /// The pupil the document is about; empty or absent for the whole dossier (a form's
    /// "no pupil" choice sends an empty field).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$"))]
    pub pupil_id: Option<PupilId>,
    pub document_date: Option<NaiveDate>,
    /// The file: PDF, PNG, JPEG, DOCX, XLSX or ODT, at most 10 MiB.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Binary))]
    pub file: Vec<u8>,
}

/// A downloaded document's bytes (documentation only: the body of a download).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, format = Binary))]
pub struct FileBytes(pub Vec<u8>);
