//! Consultations, their meetings, and the arrangements they led to.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{consultation_arrangements, consultation_meetings, consultations, pupils};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = consultations)]
pub struct ConsultationRow {
    pub id: String,
    pub partnership_id: String,
    pub school_id: String,
    pub kind: String,
    pub arrangement_kind: String,
    pub support_question: String,
    pub pupils: String,
    pub group_information: Option<String>,
    pub information_sufficient: Option<bool>,
    pub involve_board: Option<bool>,
    pub involve_youth_care: Option<bool>,
    pub triage_note: Option<String>,
    pub triaged_by: Option<String>,
    pub triaged_at: Option<NaiveDateTime>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = consultation_meetings)]
pub struct MeetingRow {
    pub id: String,
    pub consultation_id: String,
    pub held_on: NaiveDate,
    pub participants: String,
    pub minutes: String,
    pub agreements: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

/// The triage as the consultant records it.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = consultations)]
pub struct TriageChangeset {
    pub information_sufficient: Option<bool>,
    pub involve_board: Option<bool>,
    pub involve_youth_care: Option<bool>,
    pub triage_note: Option<String>,
    pub triaged_by: Option<String>,
    pub triaged_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &ConsultationRow) -> QueryResult<()> {
    diesel::insert_into(consultations::table).values(row).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ConsultationRow>> {
    consultations::table
        .filter(consultations::id.eq(id))
        .select(ConsultationRow::as_select())
        .first(conn)
        .optional()
}

/// Which consultations a list shows.
pub enum Visibility<'a> {
    All,
    Schools(&'a [String]),
}

/// One page, most recently updated first; the cursor key is `(updated_at, id)`.
pub fn list(
    conn: &mut DbConnection,
    partnership_id: &str,
    visibility: Visibility<'_>,
    kind: Option<&str>,
    school_id: Option<&str>,
    before: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<ConsultationRow>> {
    let mut query = consultations::table
        .filter(consultations::partnership_id.eq(partnership_id))
        .select(ConsultationRow::as_select())
        .order((consultations::updated_at.desc(), consultations::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Visibility::Schools(ids) = visibility {
        query = query.filter(consultations::school_id.eq_any(ids.to_vec()));
    }
    if let Some(kind) = kind {
        query = query.filter(consultations::kind.eq(kind.to_owned()));
    }
    if let Some(school) = school_id {
        query = query.filter(consultations::school_id.eq(school.to_owned()));
    }
    if let Some((at, id)) = before {
        query = query.filter(
            consultations::updated_at
                .lt(at)
                .or(consultations::updated_at.eq(at).and(consultations::id.lt(id))),
        );
    }
    query.load(conn)
}

/// Records the triage if `expected_version` is still the stored version.
pub fn triage(
    conn: &mut DbConnection,
    id: &str,
    expected_version: i32,
    changes: &TriageChangeset,
) -> QueryResult<bool> {
    diesel::update(
        consultations::table
            .filter(consultations::id.eq(id))
            .filter(consultations::version.eq(expected_version)),
    )
    .set((changes, consultations::version.eq(consultations::version + 1)))
    .execute(conn)
    .map(|n| n == 1)
}

/// Marks the consultation as changed (a meeting or a link was added).
pub fn touch(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(consultations::table.filter(consultations::id.eq(id)))
        .set((consultations::updated_at.eq(at), consultations::version.eq(consultations::version + 1)))
        .execute(conn)
        .map(|_| ())
}

pub fn insert_meeting(conn: &mut DbConnection, row: &MeetingRow) -> QueryResult<()> {
    diesel::insert_into(consultation_meetings::table).values(row).execute(conn).map(|_| ())
}

/// The meetings, oldest first.
pub fn meetings(conn: &mut DbConnection, consultation_id: &str) -> QueryResult<Vec<MeetingRow>> {
    consultation_meetings::table
        .filter(consultation_meetings::consultation_id.eq(consultation_id))
        .select(MeetingRow::as_select())
        .order((consultation_meetings::held_on.asc(), consultation_meetings::created_at.asc()))
        .load(conn)
}

/// The consultation an arrangement came from, if any.
pub fn consultation_of(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Option<String>> {
    consultation_arrangements::table
        .filter(consultation_arrangements::arrangement_id.eq(arrangement_id))
        .select(consultation_arrangements::consultation_id)
        .first(conn)
        .optional()
}

pub fn link(
    conn: &mut DbConnection,
    consultation_id: &str,
    arrangement_id: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(consultation_arrangements::table)
        .values((
            consultation_arrangements::arrangement_id.eq(arrangement_id),
            consultation_arrangements::consultation_id.eq(consultation_id),
            consultation_arrangements::linked_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The arrangements a consultation led to, in the order they were linked.
pub fn arrangements_of(conn: &mut DbConnection, consultation_id: &str) -> QueryResult<Vec<String>> {
    consultation_arrangements::table
        .filter(consultation_arrangements::consultation_id.eq(consultation_id))
        .select(consultation_arrangements::arrangement_id)
        .order((consultation_arrangements::linked_at.asc(), consultation_arrangements::arrangement_id.asc()))
        .load(conn)
}

/// First and last names of every pupil of the school: none may appear in a consultation.
pub fn pupil_names_of_school(conn: &mut DbConnection, school_id: &str) -> QueryResult<Vec<String>> {
    let rows: Vec<(String, String)> = pupils::table
        .filter(pupils::school_id.eq(school_id))
        .select((pupils::first_name, pupils::last_name))
        .load(conn)?;
    Ok(rows.into_iter().flat_map(|(first, last)| [first, last]).filter(|n| n.chars().count() > 1).collect())
}
