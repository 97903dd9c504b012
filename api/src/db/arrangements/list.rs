//! The arrangement list: the scopes and filters a page is read with, the covering-index
//! statements per scope, and the names of the schools on a page.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::ArrangementRow;
use crate::db::DbConnection;
use crate::db::prepared::Statement;
use crate::db::schema::{arrangement_pupils, arrangements, guardianships};

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
    /// One school: the SWV office's list with a school filter.
    School(&'a str),
    /// The school of this school-staff account, read from the account in the statement.
    SchoolOf(&'a str),
    /// The schools of this consultant's caseload.
    Caseload(&'a str),
    /// One school of this consultant's caseload: `(consultant, school)`; nothing when the
    /// school is not in it. (A caseload with a school filter becomes this.)
    CaseloadSchool(&'a str, &'a str),
    /// The arrangements where this executor account's organisation (read from the account in
    /// the statement) is the chosen executor.
    ExecutorOf(&'a str),
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
///
/// The statement also checks the `caller`'s account: it answers no lines unless the account
/// is active, so that the busiest read is one round trip, not an account check and then the
/// page (on PostgreSQL each is a trip to the server). An empty answer therefore does not tell
/// an inactive account from an empty page; the caller checks the account then
/// ([`crate::auth::Unchecked::read_with_check`]).
pub fn summaries(
    conn: &mut DbConnection,
    caller: &str,
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
        // not asked for by the service (its school staff list `SchoolOf`), kept so that any
        // scope with any filter answers correctly
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
                .text(partnership_id);
            let q = caller_active(q, caller).sql(format!(
                    ") SELECT a.id, a.school_id, c.name, {REST} \
                     FROM caseload c JOIN arrangements a ON a.school_id = c.school_id WHERE a.updated_at >= c.since"
                ));
            list_filters(q, "a", filter, before).sql(order)
        }
        ListScope::Partnership => {
            let q = caller_active(Statement::new(of_partnership()).text(partnership_id), caller);
            list_filters(q, "a", filter, before).sql(order)
        }
        ListScope::SchoolOf(staff) => {
            // the account's school, in its partnership, and only while the account is active:
            // subqueries that do not depend on the line, evaluated once per page
            let q = Statement::new(
                "SELECT a.id, a.school_id, (SELECT s.name FROM users u JOIN schools s ON s.id = u.school_id \
                 WHERE u.id = ",
            )
            .text(staff)
            .sql(format!(
                "), {REST} FROM arrangements a WHERE a.school_id = (SELECT u.school_id FROM users u \
                 JOIN schools s ON s.id = u.school_id WHERE u.id = "
            ))
            .text(staff)
            .sql(" AND u.active AND s.partnership_id = ")
            .text(partnership_id)
            .sql(")");
            let q = match &filter.school_id {
                Some(school) => q.sql(" AND a.school_id = ").text(school.as_str()),
                None => q,
            };
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
            let q = caller_active(q, caller);
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
        ListScope::ExecutorOf(who) | ListScope::ChildrenOf(who) => {
            let q = Statement::new(of_partnership()).text(partnership_id);
            let q = match scope {
                ListScope::ExecutorOf(_) => q
                    .sql(" AND a.executor_id = (SELECT u.executor_id FROM users u WHERE u.id = ")
                    .text(who)
                    .sql(" AND u.active)"),
                _ => caller_active(q, caller)
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

/// ` AND EXISTS (<the caller's account is active>)`: a condition that does not depend on the
/// line, evaluated once per statement.
fn caller_active(q: Statement, caller: &str) -> Statement {
    q.sql(" AND EXISTS (SELECT 1 FROM users u WHERE u.id = ").text(caller).sql(" AND u.active)")
}

/// The names of these schools, one primary-key lookup each (a page names one school, or the
/// few of a caseload).
pub fn school_names(
    conn: &mut DbConnection,
    school_ids: &[&str],
) -> QueryResult<std::collections::HashMap<String, String>> {
    use crate::db::schema::schools;
    let mut names = std::collections::HashMap::with_capacity(school_ids.len());
    for id in school_ids {
        if let Some(name) = schools::table.find(*id).select(schools::name).first::<String>(conn).optional()? {
            names.insert((*id).to_owned(), name);
        }
    }
    Ok(names)
}
