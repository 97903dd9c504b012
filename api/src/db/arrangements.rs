//! Arrangements, the pupils in them, and their history.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::pupils::PupilRow;
use super::schema::{arrangement_events, arrangement_pupils, arrangements, guardianships, pupils, users};

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

pub fn insert(conn: &mut DbConnection, row: &ArrangementInsert) -> QueryResult<()> {
    diesel::insert_into(arrangements::table).values(row).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ArrangementRow>> {
    arrangements::table.find(id).select(ArrangementRow::as_select()).first(conn).optional()
}

/// Writes the proposal when the stored version is `expected_version` and the status still
/// allows editing; returns whether a row changed (no row: stale or no longer editable).
pub fn update_proposal(
    conn: &mut DbConnection,
    id: &str,
    expected_version: i32,
    editable_statuses: &[&str],
    changes: &ProposalChangeset,
) -> QueryResult<bool> {
    let statuses: Vec<String> = editable_statuses.iter().map(|s| (*s).to_owned()).collect();
    diesel::update(
        arrangements::table
            .filter(arrangements::id.eq(id))
            .filter(arrangements::version.eq(expected_version))
            .filter(arrangements::status.eq_any(statuses)),
    )
    .set((changes, arrangements::version.eq(arrangements::version + 1)))
    .execute(conn)
    .map(|n| n == 1)
}

/// Moves an arrangement from `from` to `to`, only if it is still in `from`; returns whether
/// a row changed (no row: someone else moved it first).
pub fn transition(
    conn: &mut DbConnection,
    id: &str,
    from: &str,
    to: &str,
    policy_version: Option<i32>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
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
    Ok(changed == 1)
}

/// Replaces the pupils of an arrangement.
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
    Ok(())
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

/// Which arrangements of a partnership a list may show.
pub enum Visibility<'a> {
    All,
    Schools(&'a [String]),
    Executor(&'a str),
    ChildrenOf(&'a str),
}

/// Allow-listed filters of the arrangement list.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub status: Option<String>,
    pub kind: Option<String>,
    pub school_id: Option<String>,
}

/// One page, most recently updated first; the cursor key is `(updated_at, id)`.
pub fn list(
    conn: &mut DbConnection,
    partnership_id: &str,
    visibility: Visibility<'_>,
    filter: &ListFilter,
    before: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<ArrangementRow>> {
    let mut query = arrangements::table
        .filter(arrangements::partnership_id.eq(partnership_id))
        .select(ArrangementRow::as_select())
        .order((arrangements::updated_at.desc(), arrangements::id.desc()))
        .limit(limit)
        .into_boxed();
    query = match visibility {
        Visibility::All => query,
        Visibility::Schools(ids) => query.filter(arrangements::school_id.eq_any(ids.to_vec())),
        Visibility::Executor(executor) => query.filter(arrangements::executor_id.eq(executor.to_owned())),
        Visibility::ChildrenOf(parent) => query.filter(
            arrangements::id.eq_any(
                arrangement_pupils::table
                    .inner_join(
                        guardianships::table.on(guardianships::pupil_id.eq(arrangement_pupils::pupil_id)),
                    )
                    .filter(guardianships::parent_id.eq(parent.to_owned()))
                    .select(arrangement_pupils::arrangement_id),
            ),
        ),
    };
    if let Some(status) = &filter.status {
        query = query.filter(arrangements::status.eq(status.clone()));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(arrangements::kind.eq(kind.clone()));
    }
    if let Some(school) = &filter.school_id {
        query = query.filter(arrangements::school_id.eq(school.clone()));
    }
    if let Some((at, id)) = before {
        query = query.filter(
            arrangements::updated_at.lt(at).or(arrangements::updated_at.eq(at).and(arrangements::id.lt(id))),
        );
    }
    query.load(conn)
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

/// Pupils per arrangement for a page of arrangements, in one query.
pub fn pupil_counts(
    conn: &mut DbConnection,
    arrangement_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = arrangement_pupils::table
        .filter(arrangement_pupils::arrangement_id.eq_any(arrangement_ids.to_vec()))
        .group_by(arrangement_pupils::arrangement_id)
        .select((arrangement_pupils::arrangement_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The names of the given schools, in one query.
pub fn school_names(
    conn: &mut DbConnection,
    school_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    use super::schema::schools;
    let rows: Vec<(String, String)> = schools::table
        .filter(schools::id.eq_any(school_ids.to_vec()))
        .select((schools::id, schools::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}
