//! Pupils and guardianships.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{guardianships, pupils, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = pupils)]
pub struct PupilRow {
    pub id: String,
    pub partnership_id: String,
    pub school_id: String,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: NaiveDate,
    pub group_name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

pub fn insert(conn: &mut DbConnection, row: &PupilRow) -> QueryResult<()> {
    diesel::insert_into(pupils::table).values(row).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<PupilRow>> {
    pupils::table.find(id).select(PupilRow::as_select()).first(conn).optional()
}

pub fn find_many(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<PupilRow>> {
    pupils::table.filter(pupils::id.eq_any(ids.to_vec())).select(PupilRow::as_select()).load(conn)
}

/// Which pupils a list may show.
pub enum PupilFilter<'a> {
    /// Pupils of these schools.
    Schools(&'a [String]),
    /// Every pupil of the partnership.
    All,
    /// The children of this parent.
    ChildrenOf(&'a str),
}

/// One page of pupils ordered by last name, first name and id; the cursor key is
/// `("<last>\u{1f}<first>", id)`.
pub fn list(
    conn: &mut DbConnection,
    partnership_id: &str,
    filter: PupilFilter<'_>,
    after: Option<(&str, &str)>,
    limit: i64,
) -> QueryResult<Vec<PupilRow>> {
    let mut query = pupils::table
        .filter(pupils::partnership_id.eq(partnership_id))
        .select(PupilRow::as_select())
        .order((pupils::last_name.asc(), pupils::first_name.asc(), pupils::id.asc()))
        .limit(limit)
        .into_boxed();
    query = match filter {
        PupilFilter::All => query,
        PupilFilter::Schools(ids) => query.filter(pupils::school_id.eq_any(ids.to_vec())),
        PupilFilter::ChildrenOf(parent) => query.filter(
            pupils::id.eq_any(
                guardianships::table
                    .filter(guardianships::parent_id.eq(parent.to_owned()))
                    .select(guardianships::pupil_id),
            ),
        ),
    };
    if let Some((name, id)) = after {
        let (last, first) = name.split_once('\u{1f}').unwrap_or((name, ""));
        let (last, first, id) = (last.to_owned(), first.to_owned(), id.to_owned());
        query = query.filter(pupils::last_name.gt(last.clone()).or(pupils::last_name.eq(last.clone()).and(
            pupils::first_name.gt(first.clone()).or(pupils::first_name.eq(first).and(pupils::id.gt(id))),
        )));
    }
    query.load(conn)
}

/// The cursor key of a pupil row (see [`list`]).
pub fn sort_key(row: &PupilRow) -> String {
    format!("{}\u{1f}{}", row.last_name, row.first_name)
}

/// Parent accounts linked to a pupil: `(id, name, email)`.
pub fn guardians(conn: &mut DbConnection, pupil_id: &str) -> QueryResult<Vec<(String, String, String)>> {
    guardianships::table
        .inner_join(users::table)
        .filter(guardianships::pupil_id.eq(pupil_id))
        .select((users::id, users::display_name, users::email))
        .order(users::display_name.asc())
        .load(conn)
}

pub fn is_guardian(conn: &mut DbConnection, pupil_id: &str, parent_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        guardianships::table
            .filter(guardianships::pupil_id.eq(pupil_id))
            .filter(guardianships::parent_id.eq(parent_id)),
    ))
    .get_result(conn)
}

pub fn add_guardian(
    conn: &mut DbConnection,
    pupil_id: &str,
    parent_id: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(guardianships::table)
        .values((
            guardianships::pupil_id.eq(pupil_id),
            guardianships::parent_id.eq(parent_id),
            guardianships::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}
