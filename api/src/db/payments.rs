//! What the payment report reads: the partnership's school boards and its granted arrangements
//! with the board of their school.

use diesel::prelude::*;

use super::DbConnection;
use super::arrangements::ArrangementRow;
use super::organisations::SchoolBoardRow;
use super::schema::{arrangements, school_boards, schools};

/// The partnership's school boards, by board number.
pub fn boards(conn: &mut DbConnection, partnership_id: &str) -> QueryResult<Vec<SchoolBoardRow>> {
    school_boards::table
        .filter(school_boards::partnership_id.eq(partnership_id))
        .select(SchoolBoardRow::as_select())
        .order((school_boards::board_number.asc(), school_boards::id.asc()))
        .load(conn)
}

/// The partnership's arrangements in one of `statuses`, each with its school's board id.
pub fn arrangements_with_board(
    conn: &mut DbConnection,
    partnership_id: &str,
    statuses: &[&str],
) -> QueryResult<Vec<(ArrangementRow, String)>> {
    let statuses: Vec<String> = statuses.iter().map(|s| (*s).to_owned()).collect();
    arrangements::table
        .inner_join(schools::table)
        .filter(arrangements::partnership_id.eq(partnership_id))
        .filter(arrangements::status.eq_any(statuses))
        .select((ArrangementRow::as_select(), schools::school_board_id))
        .order(arrangements::id.asc())
        .load(conn)
}
