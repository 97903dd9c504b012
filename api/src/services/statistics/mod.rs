//! `GET /statistics`: counts, money, throughput, goal attainment and overdue deadlines of the
//! caller's scope — the SWV office sees the partnership, school staff their school, consultants
//! their caseload; executors and parents none (403).
//!
//! Every figure is an SQL aggregate (`db::statistics`); what comes back is a few rows per
//! figure, which this module folds into the answer. Sorting, medians and averages happen here,
//! in integers, so both backends give the same answer (no collation, no float division in SQL).

pub mod deadlines;
pub mod facts;

use std::collections::BTreeMap;

use arrangeer_shared::Role;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::statistics::{
    BoardCount, DurationStats, GoalAttainment, KindCount, SchoolCount, StatisticsResponse, StatisticsScope,
    StatusCount, Throughput, YearMoney,
};
use arrangeer_shared::ids::SchoolId;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::Status;
use chrono::NaiveDate;

use super::ServiceError;
use super::payments::YEARS;
use crate::auth::scope::{self, Reach};
use crate::auth::{AuthUser, Unchecked};
use crate::db::organisations::{self, SchoolFilter};
use crate::db::statistics::{self as stats, Duration, Period, StatsScope};
use crate::db::{Db, DbConnection, DbError, parse_id};

/// The money is shown for the year and this many calendar years before and after it.
pub const MONEY_YEARS_AROUND: i32 = 2;

/// The filters of `GET /statistics`.
#[derive(Clone, Debug)]
pub struct StatisticsQuery {
    pub year: i32,
    pub school_id: Option<SchoolId>,
    pub kind: Option<ArrangementKind>,
}

/// The figures of `query.year` within the caller's scope.
pub async fn statistics(
    db: &Db,
    user: AuthUser,
    query: StatisticsQuery,
) -> Result<StatisticsResponse, ServiceError> {
    let scope_kind = scope_kind(&user)?;
    let period = year_period(query.year)?;
    db.run(move |conn| {
        let scope = stats_scope(conn, &user, &query)?;
        report(conn, &scope, scope_kind, query.year, period)
    })
    .await
}

/// The same for `GET /statistics`: the account check shares the blocking hop of the figures.
pub async fn statistics_of(
    db: &Db,
    caller: Unchecked,
    query: StatisticsQuery,
) -> Result<StatisticsResponse, ServiceError> {
    let scope_kind = role_scope_kind(caller.role())?;
    let period = year_period(query.year)?;
    db.run(move |conn| {
        let user = caller.check(conn)?.user;
        let scope = stats_scope(conn, &user, &query)?;
        report(conn, &scope, scope_kind, query.year, period)
    })
    .await
}

/// Whose figures a role sees; 403 for executors and parents.
pub(crate) fn scope_kind(user: &AuthUser) -> Result<StatisticsScope, ServiceError> {
    role_scope_kind(user.role)
}

fn role_scope_kind(role: Role) -> Result<StatisticsScope, ServiceError> {
    match role {
        Role::SwvAdmin => Ok(StatisticsScope::Partnership),
        Role::School => Ok(StatisticsScope::School),
        Role::Consultant => Ok(StatisticsScope::Caseload),
        Role::Executor | Role::Parent => Err(ServiceError::Forbidden("see statistics".into())),
    }
}

/// 1 January of `year` up to 1 January of the next; 422 outside 2000–2100.
pub(crate) fn year_period(year: i32) -> Result<Period, ServiceError> {
    let start = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1);
    match (YEARS.contains(&year), start(year), start(year + 1)) {
        (true, Some(from), Some(to)) => Ok(Period { from, to }),
        _ => Err(ServiceError::Unprocessable(vec![FieldError::new(
            "year",
            "out_of_range",
            format!("year must be between {} and {}", YEARS.start(), YEARS.end()),
        )])),
    }
}

/// The caller's reach narrowed by the filters; a school outside it is not found (404).
pub(crate) fn stats_scope(
    conn: &mut DbConnection,
    user: &AuthUser,
    query: &StatisticsQuery,
) -> Result<StatsScope, ServiceError> {
    let mut schools = match scope::reach(conn, user)? {
        Reach::All => None,
        Reach::Schools(ids) => Some(ids),
        Reach::Executor(_) | Reach::Parent(_) => {
            return Err(ServiceError::Forbidden("see statistics".into()));
        }
    };
    let partnership_id = user.partnership.to_string();
    if let Some(school) = query.school_id.map(|s| s.to_string()) {
        let known = organisations::find_school(conn, &school)?
            .is_some_and(|(s, _)| s.partnership_id == partnership_id);
        if !known || schools.as_ref().is_some_and(|ids| !ids.contains(&school)) {
            return Err(ServiceError::NotFound("school"));
        }
        schools = Some(vec![school]);
    }
    Ok(StatsScope { partnership_id, schools, kind: query.kind.map(|k| k.as_str().to_owned()) })
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn report(
    conn: &mut DbConnection,
    scope: &StatsScope,
    scope_kind: StatisticsScope,
    year: i32,
    period: Period,
) -> Result<StatisticsResponse, ServiceError> {
    let filter = match &scope.schools {
        None => SchoolFilter::All,
        Some(ids) => SchoolFilter::Only(ids),
    };
    let mut schools = organisations::list_schools(conn, &scope.partnership_id, filter, None, i64::MAX)?;
    // by name, then id, in Rust: the databases' collations differ
    schools.sort_by(|(a, _), (b, _)| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));

    let mut by_kind: BTreeMap<ArrangementKind, u64> = ArrangementKind::ALL.iter().map(|k| (*k, 0)).collect();
    let mut by_status: BTreeMap<Status, u64> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    let mut total = 0;
    let (per_school, per_kind_status) = stats::counts(conn, scope, year)?;
    let by_school: BTreeMap<String, u64> =
        per_school.into_iter().map(|r| (r.school_id, count(r.n))).collect();
    for row in per_kind_status {
        let n = count(row.n);
        total += n;
        let kind = ArrangementKind::parse(&row.kind)
            .ok_or(DbError::Corrupt { column: "arrangements.kind", value: row.kind.clone() })?;
        let status = Status::parse(&row.status)
            .ok_or(DbError::Corrupt { column: "arrangements.status", value: row.status.clone() })?;
        *by_kind.entry(kind).or_default() += n;
        *by_status.entry(status).or_default() += n;
    }
    let mut boards: BTreeMap<String, (String, u64)> = BTreeMap::new();
    let mut school_counts = Vec::with_capacity(schools.len());
    for (school, board_name) in &schools {
        let n = by_school.get(&school.id).copied().unwrap_or(0);
        boards.entry(school.school_board_id.clone()).or_insert_with(|| (board_name.clone(), 0)).1 += n;
        school_counts.push(SchoolCount {
            school_id: parse_id("schools.id", &school.id)?,
            name: school.name.clone(),
            count: n,
        });
    }
    let mut board_counts = boards
        .into_iter()
        .map(|(id, (name, count))| {
            Ok(BoardCount { school_board_id: parse_id("school_boards.id", &id)?, name, count })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    board_counts.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.school_board_id.cmp(&b.school_board_id)));

    let money = stats::money(conn, scope, year - MONEY_YEARS_AROUND..=year + MONEY_YEARS_AROUND)?
        .into_iter()
        .map(|m| YearMoney {
            year: m.year,
            arrangements: count(m.n),
            granted_cents: m.granted,
            paid_at_grant_cents: m.paid_at_grant,
            after_accountability_cents: m.after_accountability,
            settlement_cents: m.settlement,
            total_cents: m.paid_at_grant.saturating_add(m.after_accountability).saturating_add(m.settlement),
        })
        .collect();

    let throughput = Throughput {
        request_to_decision: duration(conn, scope, year, period, Duration::RequestToDecision, false)?,
        definitive_to_decision: duration(conn, scope, year, period, Duration::DefinitiveToDecision, true)?,
        grant_to_start: duration(conn, scope, year, period, Duration::GrantToStart, false)?,
    };

    let mut goals = GoalAttainment::default();
    for row in stats::goal_results(conn, scope, period)? {
        match row.result.as_str() {
            "achieved" => goals.achieved += count(row.n),
            "partly_achieved" => goals.partly_achieved += count(row.n),
            "not_achieved" => goals.not_achieved += count(row.n),
            other => {
                return Err(DbError::Corrupt {
                    column: "opp_goal_evaluations.result",
                    value: other.to_owned(),
                }
                .into());
            }
        }
    }

    let today = chrono::Utc::now().date_naive();
    Ok(StatisticsResponse {
        year,
        scope: scope_kind,
        arrangements: total,
        by_kind: by_kind.into_iter().map(|(kind, count)| KindCount { kind, count }).collect(),
        by_status: by_status.into_iter().map(|(status, count)| StatusCount { status, count }).collect(),
        by_school: school_counts,
        by_board: board_counts,
        money,
        throughput,
        goals,
        overdue_deadlines: deadlines::overdue(conn, scope, today)?,
    })
}

/// Median, average and extremes from a histogram of days (the database groups by days).
fn duration(
    conn: &mut DbConnection,
    scope: &StatsScope,
    year: i32,
    period: Period,
    which: Duration,
    with_deadline: bool,
) -> Result<DurationStats, DbError> {
    let mut histogram: Vec<(i64, u64, u64)> = stats::durations(conn, scope, year, period, which)?
        .into_iter()
        .map(|r| (i64::from(r.days), count(r.n), count(r.late)))
        .collect();
    histogram.sort_unstable();
    Ok(summarise(&histogram, with_deadline))
}

/// `histogram`: (days, how many, how many late), sorted by days.
pub(crate) fn summarise(histogram: &[(i64, u64, u64)], with_deadline: bool) -> DurationStats {
    let n: u64 = histogram.iter().map(|(_, c, _)| c).sum();
    let late: u64 = histogram.iter().map(|(_, _, l)| l).sum();
    let over_deadline = with_deadline.then_some(late);
    if n == 0 {
        return DurationStats { over_deadline, ..DurationStats::default() };
    }
    // the k-th smallest value (0-based)
    let nth = |k: u64| {
        let mut seen = 0;
        for (days, c, _) in histogram {
            seen += c;
            if seen > k {
                return *days;
            }
        }
        histogram.last().map_or(0, |(d, _, _)| *d)
    };
    let median_twice = nth((n - 1) / 2) + nth(n / 2);
    let sum: i128 = histogram.iter().map(|(d, c, _)| i128::from(*d) * i128::from(*c)).sum();
    // tenths of a day, rounded half away from zero, in integers
    let tenths = {
        let (num, den) = (sum * 10, i128::from(n));
        let q = (num.abs() * 2 + den) / (2 * den);
        if num < 0 { -q } else { q }
    };
    DurationStats {
        count: n,
        median_days: Some(median_twice as f64 / 2.0),
        average_days: Some(tenths as f64 / 10.0),
        min_days: histogram.first().map(|(d, _, _)| *d),
        max_days: histogram.last().map(|(d, _, _)| *d),
        over_deadline,
    }
}

#[cfg(test)]
mod tests {
    use super::summarise;

    #[test]
    fn summarise_takes_the_middle_of_a_histogram_and_rounds_the_average_to_tenths() {
        // 3, 5, 5, 10 → median (5 + 5) / 2, average 23 / 4 = 5.75 → 5.8
        let s = summarise(&[(3, 1, 0), (5, 2, 1), (10, 1, 1)], true);
        assert_eq!((s.count, s.median_days, s.average_days), (4, Some(5.0), Some(5.8)));
        assert_eq!((s.min_days, s.max_days, s.over_deadline), (Some(3), Some(10), Some(2)));
        // 1, 2 → 1.5
        assert_eq!(summarise(&[(1, 1, 0), (2, 1, 0)], false).median_days, Some(1.5));
        let empty = summarise(&[], true);
        assert_eq!((empty.count, empty.median_days, empty.over_deadline), (0, None, Some(0)));
    }
}
