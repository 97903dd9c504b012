//! Arrangements, the pupils in them, and their history.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::prepared::Statement;
use super::pupils::PupilRow;
use super::schema::{arrangement_events, arrangement_pupils, arrangements, guardianships, pupils, users};
use super::statistics_aggregates::{Changes, Tally};

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
    /// A status's name (`Status::as_str`): a word of the vocabulary, never user text.
    pub status: Option<&'static str>,
    /// A kind's name (`ArrangementKind::as_str`).
    pub kind: Option<&'static str>,
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
        query = query.filter(arrangements::status.eq(*status));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(arrangements::kind.eq(*kind));
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

/// Where the arrangement list looks (the caller's reach, narrowed by a school filter).
#[derive(Debug, Clone, Copy)]
pub enum ListScope<'a> {
    /// The whole partnership (the SWV office).
    Partnership,
    /// One school: school staff, or a school filter within the caller's reach.
    School(&'a str),
    /// The schools of this consultant's caseload.
    Caseload(&'a str),
    /// One school of this consultant's caseload: `(consultant, school)`; nothing when the
    /// school is not in it. (A caseload with a school filter becomes this.)
    CaseloadSchool(&'a str, &'a str),
    /// The arrangements where this organisation is the chosen executor.
    Executor(&'a str),
    /// The arrangements of this parent's children.
    ChildrenOf(&'a str),
}

/// One line of the arrangement list. The school's name comes with the lines of a caseload
/// (its schools are read anyway), of one school and, on PostgreSQL, of any page of many
/// schools; otherwise it is looked up once per school, not per line.
#[derive(Debug, Clone, Queryable)]
pub struct SummaryRow {
    pub id: String,
    pub school_id: String,
    pub school_name: Option<String>,
    pub kind: String,
    pub status: String,
    pub title: String,
    pub updated_at: NaiveDateTime,
    pub pupil_count: i32,
}

type SummaryColumns = (
    diesel::sql_types::Text,
    diesel::sql_types::Text,
    diesel::sql_types::Nullable<diesel::sql_types::Text>,
    diesel::sql_types::Text,
    diesel::sql_types::Text,
    diesel::sql_types::Text,
    diesel::sql_types::Timestamp,
    diesel::sql_types::Integer,
);

/// ` AND <t>.status = ? AND <t>.kind = ? AND (<t>.updated_at, <t>.id) < (?, ?)`, each when
/// asked for.
fn list_filters(
    mut q: Statement,
    t: &str,
    filter: &ListFilter,
    before: Option<&(NaiveDateTime, String)>,
) -> Statement {
    for (column, value) in [("status", filter.status), ("kind", filter.kind)] {
        q = match value {
            // a name of the vocabulary goes into the text, like the page size: with a bind,
            // PostgreSQL would weigh a plan for each value against the generic plan at every
            // execution, and for the status-and-kind filters it kept planning anew (1.3–1.5 ms
            // per request for 0.7 ms of work); with the names written, each filter's statement
            // has one plan of its own
            Some(name) if name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') => {
                q.sql(format!(" AND {t}.{column} = '{name}'"))
            }
            Some(name) => q.sql(format!(" AND {t}.{column} = ")).text(name),
            None => q,
        };
    }
    if let Some((at, id)) = before {
        q = q
            .sql(format!(" AND ({t}.updated_at, {t}.id) < ("))
            .timestamp(*at)
            .sql(", ")
            .text(id.as_str())
            .sql(")");
    }
    q
}

/// One page of the list, most recently updated first (cursor key `(updated_at, id)`), in one
/// statement whose text depends only on the page's shape (which filters, the page size), so
/// that every connection prepares it once. Each scope reads its own covering index in order
/// (migration `add_arrangement_list_covering_indexes`), never the table; a caseload takes the
/// first `limit` lines of each of its schools and merges them, never every arrangement of the
/// caseload. The partnership is checked on the scope (the school, the caseload's schools, the
/// executor): an arrangement belongs to its school's partnership.
pub fn summaries(
    conn: &mut DbConnection,
    partnership_id: &str,
    scope: ListScope<'_>,
    filter: &ListFilter,
    before: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<SummaryRow>> {
    // The school's name: a page of one school is named in its statement by a subquery that
    // does not depend on the line, so it runs once (no second statement for the name). A
    // page of many schools is named in the statement on PostgreSQL, where each lookup
    // afterwards is a round trip (the office's list: 4,400 -> 5,100 req/s at full size), and
    // afterwards on SQLite, where a lookup is cheaper than the subquery per line (11,900 ->
    // 9,200 req/s had it been named in the statement).
    //
    // Every scope selects `a.id, a.school_id, <the school's name>, ` and then these
    const REST: &str = "a.kind, a.status, a.title, a.updated_at, a.pupil_count";
    let many_schools = if matches!(conn, DbConnection::Postgres(_)) {
        "(SELECT s.name FROM schools s WHERE s.id = a.school_id)"
    } else {
        "CAST(NULL AS TEXT)"
    };
    let of_partnership = || {
        format!(
            "SELECT a.id, a.school_id, {many_schools}, {REST} FROM arrangements a WHERE a.partnership_id = "
        )
    };
    let before = before.as_ref();
    let limit = limit.max(1);
    // a school filter narrows the scope to that school (within it)
    let scope = match (scope, filter.school_id.as_deref()) {
        (ListScope::Partnership, Some(school)) => ListScope::School(school),
        (ListScope::School(own), Some(school)) if own != school => return Ok(Vec::new()),
        (ListScope::Caseload(consultant), Some(school)) => ListScope::CaseloadSchool(consultant, school),
        (scope, _) => scope,
    };
    // the page size is a checked number, written into the text: a bound LIMIT would leave
    // PostgreSQL's generic plan guessing
    let order = format!(" ORDER BY a.updated_at DESC, a.id DESC LIMIT {limit}");
    let q = match scope {
        ListScope::Caseload(consultant) => {
            let q = Statement::new(
                "WITH caseload AS (SELECT ca.school_id, s.name, COALESCE((SELECT y.updated_at FROM arrangements y \
                 WHERE y.school_id = ca.school_id",
            );
            let q = list_filters(q, "y", filter, before)
                .sql(format!(" ORDER BY y.updated_at DESC, y.id DESC LIMIT 1 OFFSET {}), ", limit - 1))
                .timestamp(NaiveDateTime::default())
                .sql(
                    ") AS since FROM consultant_assignments ca JOIN schools s ON s.id = ca.school_id \
                     WHERE ca.consultant_id = ",
                )
                .text(consultant)
                .sql(" AND s.partnership_id = ")
                .text(partnership_id)
                .sql(format!(
                    ") SELECT a.id, a.school_id, c.name, {REST} \
                     FROM caseload c JOIN arrangements a ON a.school_id = c.school_id WHERE a.updated_at >= c.since"
                ));
            list_filters(q, "a", filter, before).sql(order)
        }
        ListScope::Partnership => {
            let q = Statement::new(of_partnership()).text(partnership_id);
            list_filters(q, "a", filter, before).sql(order)
        }
        ListScope::School(school) | ListScope::CaseloadSchool(_, school) => {
            // named by a subquery that does not depend on the line: evaluated once per page
            let q = Statement::new("SELECT a.id, a.school_id, (SELECT s.name FROM schools s WHERE s.id = ")
                .text(school)
                .sql(format!("), {REST} FROM arrangements a WHERE a.school_id = "))
                .text(school)
                .sql(" AND EXISTS (SELECT 1 FROM schools s WHERE s.id = ")
                .text(school)
                .sql(" AND s.partnership_id = ")
                .text(partnership_id)
                .sql(")");
            let q = match scope {
                ListScope::CaseloadSchool(consultant, _) => q
                    .sql(" AND EXISTS (SELECT 1 FROM consultant_assignments ca WHERE ca.consultant_id = ")
                    .text(consultant)
                    .sql(" AND ca.school_id = ")
                    .text(school)
                    .sql(")"),
                _ => q,
            };
            list_filters(q, "a", filter, before).sql(order)
        }
        ListScope::Executor(who) | ListScope::ChildrenOf(who) => {
            let q = Statement::new(of_partnership()).text(partnership_id);
            let q = match scope {
                ListScope::Executor(_) => q.sql(" AND a.executor_id = ").text(who),
                _ => q
                    .sql(
                        " AND a.id IN (SELECT ap.arrangement_id FROM arrangement_pupils ap \
                         JOIN guardianships g ON g.pupil_id = ap.pupil_id WHERE g.parent_id = ",
                    )
                    .text(who)
                    .sql(")"),
            };
            let q = match &filter.school_id {
                Some(school) => q.sql(" AND a.school_id = ").text(school.as_str()),
                None => q,
            };
            list_filters(q, "a", filter, before).sql(order)
        }
    };
    q.returns::<SummaryColumns>().load(conn)
}

/// The names of these schools, one primary-key lookup each (a page names one school, or the
/// few of a caseload).
pub fn school_names(
    conn: &mut DbConnection,
    school_ids: &[&str],
) -> QueryResult<std::collections::HashMap<String, String>> {
    use super::schema::schools;
    let mut names = std::collections::HashMap::with_capacity(school_ids.len());
    for id in school_ids {
        if let Some(name) = schools::table.find(*id).select(schools::name).first::<String>(conn).optional()? {
            names.insert((*id).to_owned(), name);
        }
    }
    Ok(names)
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
