//! What the school import reads and writes: boards by number, schools by BRIN, and the
//! partnership's DUO code.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::organisations::{SchoolBoardRow, SchoolRow};
use super::schema::{partnership_swv_codes, partnerships, school_boards, schools};

pub fn swv_code(conn: &mut DbConnection, partnership_id: &str) -> QueryResult<Option<String>> {
    partnership_swv_codes::table
        .find(partnership_id)
        .select(partnership_swv_codes::swv_code)
        .first(conn)
        .optional()
}

pub fn set_swv_code(
    conn: &mut DbConnection,
    partnership_id: &str,
    code: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(partnership_swv_codes::table)
        .values((
            partnership_swv_codes::partnership_id.eq(partnership_id),
            partnership_swv_codes::swv_code.eq(code),
            partnership_swv_codes::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A partnership's id by its code (the CLI names partnerships by code).
pub fn partnership_by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<String>> {
    partnerships::table.filter(partnerships::code.eq(code)).select(partnerships::id).first(conn).optional()
}

pub fn board(
    conn: &mut DbConnection,
    partnership_id: &str,
    number: &str,
) -> QueryResult<Option<SchoolBoardRow>> {
    school_boards::table
        .filter(school_boards::partnership_id.eq(partnership_id))
        .filter(school_boards::board_number.eq(number))
        .select(SchoolBoardRow::as_select())
        .first(conn)
        .optional()
}

pub fn rename_board(conn: &mut DbConnection, id: &str, name: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(school_boards::table.find(id))
        .set((
            school_boards::name.eq(name),
            school_boards::updated_at.eq(at),
            school_boards::version.eq(school_boards::version + 1),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn school(conn: &mut DbConnection, partnership_id: &str, brin: &str) -> QueryResult<Option<SchoolRow>> {
    schools::table
        .filter(schools::partnership_id.eq(partnership_id))
        .filter(schools::brin_code.eq(brin))
        .select(SchoolRow::as_select())
        .first(conn)
        .optional()
}

pub fn update_school(
    conn: &mut DbConnection,
    id: &str,
    board_id: &str,
    name: &str,
    school_type: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(schools::table.find(id))
        .set((
            schools::school_board_id.eq(board_id),
            schools::name.eq(name),
            schools::school_type.eq(school_type),
            schools::updated_at.eq(at),
            schools::version.eq(schools::version + 1),
        ))
        .execute(conn)
        .map(|_| ())
}
