//! Arrangements, the pupils in them, and their history; the list is in `list`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::prepared::Statement;
use super::pupils::PupilRow;
use super::schema::{arrangement_events, arrangement_pupils, arrangements, guardianships, pupils, users};
use super::statistics_aggregates::{Changes, Tally};

mod list;
pub use list::{ListFilter, ListScope, SummaryRow, Visibility, list, school_names, summaries};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = arrangements)]
pub struct ArrangementRow {
    pub id: String,
    pub partnership_id: String,
    pub school_id: String,
    pub kind: String,
    pub status: String,
    pub title: String,
    pub start_route: String,
    pub care_scope: String,
    pub goals_pupils: String,
    pub goals_teacher: String,
    pub goals_school: String,
    pub support_description: String,
    pub direct_minutes_per_week: Option<i32>,
    pub indirect_minutes_per_week: Option<i32>,
    pub outside_class_minutes_per_week: Option<i32>,
    pub weeks: Option<i32>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub executor_kind: Option<String>,
    pub executor_id: Option<String>,
    pub staff_function: Option<String>,
    pub salary_scale: Option<String>,
    pub hourly_rate_cents: Option<i64>,
    pub case_director: Option<String>,
    pub consultant_id: Option<String>,
    pub policy_version: Option<i32>,
    pub previous_id: Option<String>,
    pub created_by: String,
    pub terminated_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

/// The editable part of an arrangement, written by a proposal update (and, embedded in
/// [`ArrangementInsert`], by the creation of a draft).
#[derive(Debug, Clone, AsChangeset, Insertable)]
#[diesel(table_name = arrangements, treat_none_as_null = true)]
pub struct ProposalChangeset {
    pub title: String,
    pub start_route: String,
    pub care_scope: String,
    pub goals_pupils: String,
    pub goals_teacher: String,
    pub goals_school: String,
    pub support_description: String,
    pub direct_minutes_per_week: Option<i32>,
    pub indirect_minutes_per_week: Option<i32>,
    pub outside_class_minutes_per_week: Option<i32>,
    pub weeks: Option<i32>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub executor_kind: Option<String>,
    pub executor_id: Option<String>,
    pub staff_function: Option<String>,
    pub salary_scale: Option<String>,
    pub hourly_rate_cents: Option<i64>,
    pub case_director: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// A new arrangement: the fixed part plus the editable proposal.
#[derive(Debug, Insertable)]
#[diesel(table_name = arrangements)]
pub struct ArrangementInsert {
    pub id: String,
    pub partnership_id: String,
    pub school_id: String,
    pub kind: String,
    pub status: String,
    #[diesel(embed)]
    pub proposal: ProposalChangeset,
    pub previous_id: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = arrangement_events)]
pub struct EventRow {
    pub id: String,
    pub arrangement_id: String,
    pub actor_id: String,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub comment: Option<String>,
    pub justification: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Stores a new arrangement (and counts it, with its clocks, in the statistics' sums).
pub fn insert(conn: &mut DbConnection, row: &ArrangementInsert) -> QueryResult<()> {
    diesel::insert_into(arrangements::table).values(row).execute(conn)?;
    let tally = Tally {
        partnership_id: row.partnership_id.clone(),
        school_id: row.school_id.clone(),
        kind: row.kind.clone(),
        status: row.status.clone(),
        policy_version: None,
        start_route: row.proposal.start_route.clone(),
        created_at: row.created_at,
        end_date: row.proposal.end_date,
    };
    Changes::new().tally(&tally, 1).write(conn)
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ArrangementRow>> {
    arrangements::table.find(id).select(ArrangementRow::as_select()).first(conn).optional()
}

/// Writes the proposal when the stored version is `expected_version` and the status still
/// allows editing; returns whether a row changed (no row: stale or no longer editable). The
/// statistics' clocks follow a new start route or end date.
pub fn update_proposal(
    conn: &mut DbConnection,
    id: &str,
    expected_version: i32,
    editable_statuses: &[&str],
    changes: &ProposalChangeset,
) -> QueryResult<bool> {
    let Some(before) = Tally::for_update(conn, id)? else { return Ok(false) };
    let statuses: Vec<String> = editable_statuses.iter().map(|s| (*s).to_owned()).collect();
    let changed = diesel::update(
        arrangements::table
            .filter(arrangements::id.eq(id))
            .filter(arrangements::version.eq(expected_version))
            .filter(arrangements::status.eq_any(statuses)),
    )
    .set((changes, arrangements::version.eq(arrangements::version + 1)))
    .execute(conn)?
        == 1;
    let after =
        Tally { start_route: changes.start_route.clone(), end_date: changes.end_date, ..before.clone() };
    if changed && after != before {
        Changes::new().tally(&before, -1).tally(&after, 1).write(conn)?;
    }
    Ok(changed)
}

/// Moves an arrangement from `from` to `to`, only if it is still in `from`; returns whether
/// a row changed (no row: someone else moved it first). The statistics' count and clocks
/// move along.
pub fn transition(
    conn: &mut DbConnection,
    id: &str,
    from: &str,
    to: &str,
    policy_version: Option<i32>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let Some(before) = Tally::for_update(conn, id)? else { return Ok(false) };
    let target = arrangements::table.filter(arrangements::id.eq(id)).filter(arrangements::status.eq(from));
    let changed = match policy_version {
        Some(v) => diesel::update(target)
            .set((
                arrangements::status.eq(to),
                arrangements::policy_version.eq(v),
                arrangements::updated_at.eq(at),
                arrangements::version.eq(arrangements::version + 1),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                arrangements::status.eq(to),
                arrangements::updated_at.eq(at),
                arrangements::version.eq(arrangements::version + 1),
            ))
            .execute(conn)?,
    };
    if changed != 1 {
        return Ok(false);
    }
    let after = Tally {
        status: to.to_owned(),
        policy_version: policy_version.or(before.policy_version),
        ..before.clone()
    };
    Changes::new().tally(&before, -1).tally(&after, 1).write(conn)?;
    Ok(true)
}

/// Replaces the pupils of an arrangement (and the count the list shows).
pub fn set_pupils(conn: &mut DbConnection, arrangement_id: &str, pupil_ids: &[String]) -> QueryResult<()> {
    diesel::delete(arrangement_pupils::table.filter(arrangement_pupils::arrangement_id.eq(arrangement_id)))
        .execute(conn)?;
    for pupil in pupil_ids {
        diesel::insert_into(arrangement_pupils::table)
            .values((
                arrangement_pupils::arrangement_id.eq(arrangement_id),
                arrangement_pupils::pupil_id.eq(pupil),
            ))
            .execute(conn)?;
    }
    Statement::new(
        "UPDATE arrangements SET pupil_count = \
         (SELECT COUNT(*) FROM arrangement_pupils p WHERE p.arrangement_id = arrangements.id) WHERE id = ",
    )
    .text(arrangement_id)
    .execute(conn)
    .map(|_| ())
}

pub fn pupils_of(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<Vec<PupilRow>> {
    arrangement_pupils::table
        .inner_join(pupils::table)
        .filter(arrangement_pupils::arrangement_id.eq(arrangement_id))
        .select(PupilRow::as_select())
        .order((pupils::last_name.asc(), pupils::first_name.asc()))
        .load(conn)
}

pub fn pupil_count(conn: &mut DbConnection, arrangement_id: &str) -> QueryResult<i64> {
    arrangement_pupils::table
        .filter(arrangement_pupils::arrangement_id.eq(arrangement_id))
        .count()
        .get_result(conn)
}

/// Whether `parent_id` is a guardian of a pupil in the arrangement.
pub fn has_child_of(conn: &mut DbConnection, arrangement_id: &str, parent_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        arrangement_pupils::table
            .inner_join(guardianships::table.on(guardianships::pupil_id.eq(arrangement_pupils::pupil_id)))
            .filter(arrangement_pupils::arrangement_id.eq(arrangement_id))
            .filter(guardianships::parent_id.eq(parent_id)),
    ))
    .get_result(conn)
}

pub fn insert_event(conn: &mut DbConnection, row: &EventRow) -> QueryResult<()> {
    diesel::insert_into(arrangement_events::table).values(row).execute(conn).map(|_| ())
}

/// The history, oldest first, with each actor's name and role.
pub fn events_of(
    conn: &mut DbConnection,
    arrangement_id: &str,
) -> QueryResult<Vec<(EventRow, String, String)>> {
    arrangement_events::table
        .inner_join(users::table)
        .filter(arrangement_events::arrangement_id.eq(arrangement_id))
        .select((EventRow::as_select(), users::display_name, users::role))
        .order((arrangement_events::created_at.asc(), arrangement_events::id.asc()))
        .load(conn)
}

/// When an action was last taken on the arrangement.
pub fn last_event_at(
    conn: &mut DbConnection,
    arrangement_id: &str,
    action: &str,
) -> QueryResult<Option<NaiveDateTime>> {
    arrangement_events::table
        .filter(arrangement_events::arrangement_id.eq(arrangement_id))
        .filter(arrangement_events::action.eq(action))
        .select(diesel::dsl::max(arrangement_events::created_at))
        .first(conn)
}

/// Records the last day support was given, on an early termination.
pub fn set_terminated_on(conn: &mut DbConnection, id: &str, on: NaiveDate) -> QueryResult<()> {
    diesel::update(arrangements::table.filter(arrangements::id.eq(id)))
        .set(arrangements::terminated_on.eq(on))
        .execute(conn)
        .map(|_| ())
}
