//! The precondition answers of an arrangement's proposal (one row per arrangement, once the
//! proposal was saved with answers).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::arrangement_preconditions;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = arrangement_preconditions, primary_key(arrangement_id), treat_none_as_null = true)]
pub struct PreconditionRow {
    pub arrangement_id: String,
    pub counsellor_supports: Option<bool>,
    pub opp_signed_by_parents: Option<bool>,
    pub half_year_needs_based_work: Option<bool>,
    pub own_support_route_followed: Option<bool>,
    pub anonymised_at_request: Option<bool>,
    pub updated_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Option<PreconditionRow>> {
    arrangement_preconditions::table
        .find(arrangement_id)
        .select(PreconditionRow::as_select())
        .first(conn)
        .optional()
}

/// Writes the answers: an update, or an insert the first time (no upserts on the
/// multi-connection type; the caller's transaction makes the pair atomic).
pub fn save(conn: &mut DbConnection, row: &PreconditionRow) -> QueryResult<()> {
    let updated =
        diesel::update(arrangement_preconditions::table.find(&row.arrangement_id)).set(row).execute(conn)?;
    if updated == 0 {
        diesel::insert_into(arrangement_preconditions::table).values(row).execute(conn)?;
    }
    Ok(())
}
