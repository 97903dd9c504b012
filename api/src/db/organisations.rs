//! Partnerships, school boards, schools and executor organisations.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{executors, partnerships, school_boards, schools};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = partnerships)]
pub struct PartnershipRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = school_boards)]
pub struct SchoolBoardRow {
    pub id: String,
    pub partnership_id: String,
    pub board_number: String,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = schools)]
pub struct SchoolRow {
    pub id: String,
    pub partnership_id: String,
    pub school_board_id: String,
    pub brin_code: String,
    pub name: String,
    pub school_type: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = executors)]
pub struct ExecutorRow {
    pub id: String,
    pub partnership_id: String,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

pub fn insert_partnership(conn: &mut DbConnection, row: &PartnershipRow) -> QueryResult<()> {
    diesel::insert_into(partnerships::table).values(row).execute(conn).map(|_| ())
}

pub fn insert_school_board(conn: &mut DbConnection, row: &SchoolBoardRow) -> QueryResult<()> {
    diesel::insert_into(school_boards::table).values(row).execute(conn).map(|_| ())
}

pub fn insert_school(conn: &mut DbConnection, row: &SchoolRow) -> QueryResult<()> {
    diesel::insert_into(schools::table).values(row).execute(conn).map(|_| ())
}

pub fn insert_executor(conn: &mut DbConnection, row: &ExecutorRow) -> QueryResult<()> {
    diesel::insert_into(executors::table).values(row).execute(conn).map(|_| ())
}

pub fn find_partnership(conn: &mut DbConnection, id: &str) -> QueryResult<Option<PartnershipRow>> {
    partnerships::table.find(id).select(PartnershipRow::as_select()).first(conn).optional()
}

pub fn find_executor(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ExecutorRow>> {
    executors::table.find(id).select(ExecutorRow::as_select()).first(conn).optional()
}

/// A school together with its board's name.
pub fn find_school(conn: &mut DbConnection, id: &str) -> QueryResult<Option<(SchoolRow, String)>> {
    schools::table
        .inner_join(school_boards::table)
        .filter(schools::id.eq(id))
        .select((SchoolRow::as_select(), school_boards::name))
        .first(conn)
        .optional()
}

/// Which schools of a partnership a list may show.
pub enum SchoolFilter<'a> {
    All,
    Only(&'a [String]),
}

/// One page of a partnership's schools (with board names), ordered by name then id.
pub fn list_schools(
    conn: &mut DbConnection,
    partnership_id: &str,
    filter: SchoolFilter<'_>,
    after: Option<(&str, &str)>,
    limit: i64,
) -> QueryResult<Vec<(SchoolRow, String)>> {
    let mut query = schools::table
        .inner_join(school_boards::table)
        .filter(schools::partnership_id.eq(partnership_id))
        .select((SchoolRow::as_select(), school_boards::name))
        .order((schools::name.asc(), schools::id.asc()))
        .limit(limit)
        .into_boxed();
    if let SchoolFilter::Only(ids) = filter {
        query = query.filter(schools::id.eq_any(ids.to_vec()));
    }
    if let Some((name, id)) = after {
        query = query.filter(
            schools::name
                .gt(name.to_owned())
                .or(schools::name.eq(name.to_owned()).and(schools::id.gt(id.to_owned()))),
        );
    }
    query.load(conn)
}

/// The executor organisations of a partnership, by name.
pub fn list_executors(conn: &mut DbConnection, partnership_id: &str) -> QueryResult<Vec<ExecutorRow>> {
    executors::table
        .filter(executors::partnership_id.eq(partnership_id))
        .select(ExecutorRow::as_select())
        .order((executors::name.asc(), executors::id.asc()))
        .load(conn)
}
