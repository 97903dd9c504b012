//! The statistics' facts of the generated arrangements, written by the seeder in the same way as
//! the rest (`INSERT … SELECT`, chunks of one transaction), so that the server has nothing to
//! backfill when it starts.
//!
//! The milestones come from an arrangement's history; the seeder writes none, so they are the
//! arrangement's status and rules version with no dates. The money per calendar year is the
//! services' own computation ([`FactRules::money`]), done once per distinct shape of a granted
//! arrangement (kind, rules, hours, rate, period, termination: a few thousand), kept in a
//! temporary table and joined to the arrangements of that shape.

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::sql::ARRANGEMENT;
use super::{SeedError, Seeder};
use crate::db::arrangements::ArrangementRow;
use crate::db::schema::arrangements;
use crate::db::statistics_facts::MoneyYearRow;
use crate::db::{DbConnection, DbError, now};
use arrangeer_shared::workflow::Status;

/// An arrangement's money per calendar year as the services compute it.
pub type MoneyOf = fn(&mut DbConnection, &ArrangementRow) -> Result<Vec<MoneyYearRow>, DbError>;

/// What the seeder takes from the services to write the statistics' facts exactly as a status
/// change would.
#[derive(Clone, Copy)]
pub struct FactRules {
    /// The statuses in which an arrangement has money (granted and later).
    pub granted: &'static [Status],
    pub money: MoneyOf,
}

/// Stand-ins for NULL in the join keys (`=` never matches NULL).
const NO_VERSION: i32 = -1;
const NO_MINUTES: i32 = -1;
const NO_DATE: &str = "9999-12-31";

/// `a.id` within the ids of arrangements `from..to`.
fn id_range(s: &super::sql::Sql, from: u64, to: u64) -> String {
    format!("a.id >= '{}' AND a.id < '{}'", s.id_literal(ARRANGEMENT, from), s.id_literal(ARRANGEMENT, to))
}

pub(super) fn milestones(s: &mut Seeder<'_>) -> Result<(), SeedError> {
    let at = now().format("%Y-%m-%d %H:%M:%S%.6f").to_string();
    s.run("arrangement_milestones", s.spec.arrangements, |q, from, to| {
        format!(
            "INSERT INTO arrangement_milestones (arrangement_id, partnership_id, school_id, kind, status, \
             policy_version, updated_at) \
             SELECT a.id, a.partnership_id, a.school_id, a.kind, a.status, a.policy_version, '{at}' \
             FROM arrangements a WHERE {range} AND a.status <> 'draft'",
            range = id_range(q, from, to)
        )
    })
}

type Shape = (
    String,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<i64>,
    Option<i32>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

pub(super) fn money(s: &mut Seeder<'_>, rules: FactRules) -> Result<(), SeedError> {
    let granted: Vec<&str> = rules.granted.iter().map(|g| g.as_str()).collect();
    let shapes: Vec<Shape> = arrangements::table
        .filter(arrangements::partnership_id.eq(&s.pid))
        .filter(arrangements::status.eq_any(&granted))
        .select((
            arrangements::kind,
            arrangements::policy_version,
            arrangements::direct_minutes_per_week,
            arrangements::indirect_minutes_per_week,
            arrangements::hourly_rate_cents,
            arrangements::weeks,
            arrangements::start_date,
            arrangements::end_date,
            arrangements::terminated_on,
        ))
        .distinct()
        .load(s.conn)?;
    s.conn
        .batch_execute(
            "CREATE TEMPORARY TABLE seed_money_shapes (shape INTEGER NOT NULL, kind TEXT NOT NULL, \
             policy_version INTEGER NOT NULL, direct INTEGER NOT NULL, indirect INTEGER NOT NULL, \
             rate BIGINT NOT NULL, weeks INTEGER NOT NULL, start_date DATE NOT NULL, end_date DATE NOT NULL, \
             terminated_on DATE NOT NULL);
             CREATE TEMPORARY TABLE seed_money_years (shape INTEGER NOT NULL, year INTEGER NOT NULL, \
             granted BIGINT NOT NULL, paid_at_grant BIGINT NOT NULL, after_accountability BIGINT NOT NULL, \
             settlement BIGINT NOT NULL);",
        )
        .map_err(DbError::from)?;
    let mut shape_values = Vec::new();
    let mut year_values = Vec::new();
    let date =
        |d: Option<NaiveDate>| d.map_or_else(|| NO_DATE.to_owned(), |d| d.format("%Y-%m-%d").to_string());
    for (n, (kind, version, direct, indirect, rate, weeks, start, end, terminated)) in
        shapes.into_iter().enumerate()
    {
        // without hours, rate or period there is no amount, so no money
        let (Some(direct), Some(rate), Some(weeks), Some(start), Some(end)) =
            (direct, rate, weeks, start, end)
        else {
            continue;
        };
        let row = shape_row(
            &s.pid,
            &kind,
            rules.granted,
            version,
            direct,
            indirect,
            rate,
            weeks,
            start,
            end,
            terminated,
        );
        let years = (rules.money)(s.conn, &row)?;
        if years.is_empty() {
            continue;
        }
        shape_values.push(format!(
            "({n}, '{kind}', {}, {direct}, {}, {rate}, {weeks}, '{}', '{}', '{}')",
            version.unwrap_or(NO_VERSION),
            indirect.unwrap_or(NO_MINUTES),
            date(Some(start)),
            date(Some(end)),
            date(terminated),
        ));
        for y in years {
            year_values.push(format!(
                "({n}, {}, {}, {}, {}, {})",
                y.year,
                y.granted_cents,
                y.paid_at_grant_cents,
                y.after_accountability_cents,
                y.settlement_cents
            ));
        }
    }
    for (table, values) in [("seed_money_shapes", &shape_values), ("seed_money_years", &year_values)] {
        for chunk in values.chunks(1_000) {
            s.conn
                .batch_execute(&format!("INSERT INTO {table} VALUES {}", chunk.join(", ")))
                .map_err(DbError::from)?;
        }
    }
    s.conn
        .batch_execute(
            "CREATE INDEX seed_money_shapes_key ON seed_money_shapes (start_date, end_date, direct, kind);
             CREATE INDEX seed_money_years_shape ON seed_money_years (shape);",
        )
        .map_err(DbError::from)?;
    let statuses = granted.iter().map(|g| format!("'{g}'")).collect::<Vec<_>>().join(", ");
    let result = s.run("arrangement_money_years", s.spec.arrangements, |q, from, to| {
        format!(
            "INSERT INTO arrangement_money_years (arrangement_id, year, partnership_id, school_id, kind, \
             granted_cents, paid_at_grant_cents, after_accountability_cents, settlement_cents) \
             SELECT a.id, y.year, a.partnership_id, a.school_id, a.kind, y.granted, y.paid_at_grant, \
             y.after_accountability, y.settlement \
             FROM arrangements a \
             JOIN seed_money_shapes s ON s.start_date = a.start_date AND s.end_date = a.end_date \
             AND s.direct = a.direct_minutes_per_week AND s.kind = a.kind \
             AND s.policy_version = COALESCE(a.policy_version, {NO_VERSION}) \
             AND s.indirect = COALESCE(a.indirect_minutes_per_week, {NO_MINUTES}) \
             AND s.rate = a.hourly_rate_cents AND s.weeks = a.weeks \
             AND s.terminated_on = COALESCE(a.terminated_on, '{NO_DATE}') \
             JOIN seed_money_years y ON y.shape = s.shape \
             WHERE {range} AND a.status IN ({statuses})",
            range = id_range(q, from, to)
        )
    });
    s.conn
        .batch_execute("DROP TABLE seed_money_years; DROP TABLE seed_money_shapes;")
        .map_err(DbError::from)?;
    result
}

/// A granted arrangement of the given shape (what the money depends on).
#[allow(clippy::too_many_arguments)]
fn shape_row(
    pid: &str,
    kind: &str,
    granted: &[Status],
    policy_version: Option<i32>,
    direct: i32,
    indirect: Option<i32>,
    rate: i64,
    weeks: i32,
    start: NaiveDate,
    end: NaiveDate,
    terminated_on: Option<NaiveDate>,
) -> ArrangementRow {
    let at = now();
    ArrangementRow {
        id: String::new(),
        partnership_id: pid.to_owned(),
        school_id: String::new(),
        kind: kind.to_owned(),
        status: granted.first().map_or("granted", |g| g.as_str()).to_owned(),
        title: String::new(),
        start_route: "direct_start".to_owned(),
        care_scope: "education_only".to_owned(),
        goals_pupils: String::new(),
        goals_teacher: String::new(),
        goals_school: String::new(),
        support_description: String::new(),
        direct_minutes_per_week: Some(direct),
        indirect_minutes_per_week: indirect,
        outside_class_minutes_per_week: None,
        weeks: Some(weeks),
        start_date: Some(start),
        end_date: Some(end),
        executor_kind: None,
        executor_id: None,
        staff_function: None,
        salary_scale: None,
        hourly_rate_cents: Some(rate),
        case_director: None,
        consultant_id: None,
        policy_version,
        previous_id: None,
        created_by: String::new(),
        terminated_on,
        created_at: at,
        updated_at: at,
        version: 1,
    }
}

/// The statistics' sums (`statistics_counts`, `statistics_money`, `statistics_durations`) of
/// the partnership, from its arrangements and their facts, each in one `INSERT … SELECT …
/// GROUP BY`.
pub(super) fn sums(s: &mut Seeder<'_>) -> Result<(), SeedError> {
    let pid = s.pid.clone();
    s.run("statistics_counts", 1, |q, _, _| {
        format!(
            "INSERT INTO statistics_counts (partnership_id, created_year, school_id, kind, status, n) \
             SELECT a.partnership_id, {year}, a.school_id, a.kind, a.status, COUNT(*) FROM arrangements a \
             WHERE a.partnership_id = '{pid}' GROUP BY a.partnership_id, {year}, a.school_id, a.kind, a.status",
            year = q.year("a.created_at")
        )
    })?;
    s.run("statistics_money", 1, |_, _, _| {
        format!(
            "INSERT INTO statistics_money (partnership_id, year, school_id, kind, n, granted_cents, \
             paid_at_grant_cents, after_accountability_cents, settlement_cents) \
             SELECT m.partnership_id, m.year, m.school_id, m.kind, COUNT(*), SUM(m.granted_cents), \
             SUM(m.paid_at_grant_cents), SUM(m.after_accountability_cents), SUM(m.settlement_cents) \
             FROM arrangement_money_years m WHERE m.partnership_id = '{pid}' \
             GROUP BY m.partnership_id, m.year, m.school_id, m.kind"
        )
    })?;
    s.run("statistics_durations", 1, |q, _, _| {
        [
            ("request_to_decision", "decided_on"),
            ("definitive_to_decision", "decided_on"),
            ("grant_to_start", "started_on"),
        ]
        .iter()
        .map(|(measure, at)| {
            format!(
                "INSERT INTO statistics_durations (partnership_id, measure, year, kind, days, n, late) \
                 SELECT m.partnership_id, '{measure}', {year}, m.kind, m.{measure}_days, COUNT(*), \
                 SUM(CASE WHEN m.decided_late = TRUE THEN 1 ELSE 0 END) FROM arrangement_milestones m \
                 WHERE m.partnership_id = '{pid}' AND m.{measure}_days IS NOT NULL AND m.{at} IS NOT NULL \
                 GROUP BY m.partnership_id, {year}, m.kind, m.{measure}_days;",
                year = q.year(&format!("m.{at}"))
            )
        })
        .collect::<String>()
    })?;
    s.run("statistics_clocks", 1, |q, _, _| {
        let arrangements = [("created", q.day("a.created_at"), "a.start_route = 'direct_start'"), ("end_date", "a.end_date".to_owned(), "a.end_date IS NOT NULL")]
            .into_iter()
            .map(|(source, day, when)| {
                format!(
                    "INSERT INTO statistics_clocks (partnership_id, source, status, kind, policy_version, day, n) \
                     SELECT a.partnership_id, '{source}', a.status, a.kind, COALESCE(a.policy_version, 0), {day}, COUNT(*) \
                     FROM arrangements a WHERE a.partnership_id = '{pid}' AND {when} \
                     GROUP BY a.partnership_id, a.status, a.kind, COALESCE(a.policy_version, 0), {day};"
                )
            });
        let milestones = ["definitive", "granted"].into_iter().map(|source| {
            format!(
                "INSERT INTO statistics_clocks (partnership_id, source, status, kind, policy_version, day, n) \
                 SELECT m.partnership_id, '{source}', m.status, m.kind, COALESCE(m.policy_version, 0), m.{source}_on, COUNT(*) \
                 FROM arrangement_milestones m WHERE m.partnership_id = '{pid}' AND m.{source}_on IS NOT NULL \
                 GROUP BY m.partnership_id, m.status, m.kind, COALESCE(m.policy_version, 0), m.{source}_on;"
            )
        });
        arrangements.chain(milestones).collect::<String>()
    })
}
