//! Documents of a dossier.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::attachments;

/// An attachment without its content (for lists and rules).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attachments)]
pub struct AttachmentMeta {
    pub id: String,
    pub arrangement_id: String,
    pub kind: String,
    pub pupil_id: Option<String>,
    pub document_date: Option<NaiveDate>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_by: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = attachments)]
pub struct AttachmentInsert<'a> {
    pub id: &'a str,
    pub arrangement_id: &'a str,
    pub kind: &'a str,
    pub pupil_id: Option<&'a str>,
    pub document_date: Option<NaiveDate>,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub content: &'a [u8],
    pub uploaded_by: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &AttachmentInsert<'_>) -> QueryResult<()> {
    diesel::insert_into(attachments::table).values(row).execute(conn).map(|_| ())
}

pub fn list(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<AttachmentMeta>> {
    attachments::table
        .filter(attachments::arrangement_id.eq(arrangement_id))
        .select(AttachmentMeta::as_select())
        .order((attachments::created_at.asc(), attachments::id.asc()))
        .load(conn)
}

/// One attachment of an arrangement, with its content.
pub fn find_with_content(
    conn: &mut DbConnection,
    arrangement_id: &str,
    id: &str,
) -> QueryResult<Option<(AttachmentMeta, Vec<u8>)>> {
    attachments::table
        .filter(attachments::arrangement_id.eq(arrangement_id))
        .filter(attachments::id.eq(id))
        .select((AttachmentMeta::as_select(), attachments::content))
        .first(conn)
        .optional()
}
