//! The statistics' aggregates: every figure is a `GROUP BY` in the database that returns a few
//! rows (per school × kind × status, per year, per number of days, per rules), never
//! one row per arrangement. The SQL is the same on both backends: no date functions, no
//! division, no ordering by text (the service sorts and divides, in integers).
//!
//! Values are inlined as literals, never taken from the request as text: ids are checked to be
//! UUIDs, kinds and statuses come from our enums, dates are formatted by chrono.

use chrono::NaiveDate;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::{DbConnection, DbError};

/// Which arrangements a figure counts.
#[derive(Clone, Debug)]
pub struct StatsScope {
    pub partnership_id: String,
    /// `None`: every school of the partnership.
    pub schools: Option<Vec<String>>,
    pub kind: Option<String>,
}

/// A half-open range of days `[from, to)`.
#[derive(Clone, Copy, Debug)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn literal(value: &str) -> Result<String, DbError> {
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(DbError::Corrupt { column: "statistics literal", value: value.to_owned() });
    }
    Ok(format!("'{value}'"))
}

fn date(d: NaiveDate) -> String {
    format!("'{}'", d.format("%Y-%m-%d"))
}

impl StatsScope {
    /// ` AND <alias>.partnership_id = … AND <alias>.school_id IN (…) AND <alias>.kind = …`
    fn conditions(&self, alias: &str, with_kind: bool) -> Result<String, DbError> {
        let mut sql = format!(" AND {alias}.partnership_id = {}", literal(&self.partnership_id)?);
        if let Some(schools) = &self.schools {
            if schools.is_empty() {
                sql.push_str(" AND 1 = 0");
            } else {
                let list = schools.iter().map(|s| literal(s)).collect::<Result<Vec<_>, _>>()?.join(", ");
                sql.push_str(&format!(" AND {alias}.school_id IN ({list})"));
            }
        }
        if let (true, Some(kind)) = (with_kind, &self.kind) {
            sql.push_str(&format!(" AND {alias}.kind = {}", literal(kind)?));
        }
        Ok(sql)
    }
}

impl Period {
    fn within(&self, column: &str) -> String {
        format!(" AND {column} >= {} AND {column} < {}", date(self.from), date(self.to))
    }
}

#[derive(Debug, QueryableByName)]
pub struct CountRow {
    #[diesel(sql_type = Text)]
    pub school_id: String,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// Arrangements created in `period`, per school, kind and status.
pub fn counts(conn: &mut DbConnection, scope: &StatsScope, period: Period) -> Result<Vec<CountRow>, DbError> {
    let sql = format!(
        "SELECT a.school_id, a.kind, a.status, COUNT(*) AS n FROM arrangements a WHERE 1 = 1{}{} \
         GROUP BY a.school_id, a.kind, a.status",
        scope.conditions("a", true)?,
        period.within("a.created_at"),
    );
    Ok(diesel::sql_query(sql).load(conn)?)
}

#[derive(Debug, QueryableByName)]
pub struct MoneyRow {
    #[diesel(sql_type = Integer)]
    pub year: i32,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
    #[diesel(sql_type = BigInt)]
    pub granted: i64,
    #[diesel(sql_type = BigInt)]
    pub paid_at_grant: i64,
    #[diesel(sql_type = BigInt)]
    pub after_accountability: i64,
    #[diesel(sql_type = BigInt)]
    pub settlement: i64,
}

/// Granted amounts and payments per calendar year in `years`, from the stored money of every
/// grant.
pub fn money(
    conn: &mut DbConnection,
    scope: &StatsScope,
    years: std::ops::RangeInclusive<i32>,
) -> Result<Vec<MoneyRow>, DbError> {
    let sql = format!(
        "SELECT m.year, COUNT(*) AS n, CAST(SUM(m.granted_cents) AS BIGINT) AS granted, \
         CAST(SUM(m.paid_at_grant_cents) AS BIGINT) AS paid_at_grant, \
         CAST(SUM(m.after_accountability_cents) AS BIGINT) AS after_accountability, \
         CAST(SUM(m.settlement_cents) AS BIGINT) AS settlement \
         FROM arrangement_money_years m WHERE m.year >= {} AND m.year <= {}{} \
         GROUP BY m.year ORDER BY m.year",
        years.start(),
        years.end(),
        scope.conditions("m", true)?,
    );
    Ok(diesel::sql_query(sql).load(conn)?)
}

#[derive(Debug, QueryableByName)]
pub struct DaysRow {
    #[diesel(sql_type = Integer)]
    pub days: i32,
    #[diesel(sql_type = BigInt)]
    pub late: i64,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// Which duration of the milestones.
#[derive(Clone, Copy, Debug)]
pub enum Duration {
    RequestToDecision,
    DefinitiveToDecision,
    GrantToStart,
}

/// How many arrangements took how many days (and how many of those were late), for the
/// decisions (or starts) in `period`.
pub fn durations(
    conn: &mut DbConnection,
    scope: &StatsScope,
    period: Period,
    which: Duration,
) -> Result<Vec<DaysRow>, DbError> {
    let (column, at) = match which {
        Duration::RequestToDecision => ("request_to_decision_days", "decided_on"),
        Duration::DefinitiveToDecision => ("definitive_to_decision_days", "decided_on"),
        Duration::GrantToStart => ("grant_to_start_days", "started_on"),
    };
    let sql = format!(
        "SELECT m.{column} AS days, \
         CAST(SUM(CASE WHEN m.decided_late = TRUE THEN 1 ELSE 0 END) AS BIGINT) AS late, \
         COUNT(*) AS n FROM arrangement_milestones m WHERE m.{column} IS NOT NULL{}{} \
         GROUP BY m.{column}",
        scope.conditions("m", true)?,
        period.within(&format!("m.{at}")),
    );
    Ok(diesel::sql_query(sql).load(conn)?)
}

#[derive(Debug, QueryableByName)]
pub struct ResultRow {
    #[diesel(sql_type = Text)]
    pub result: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// OPP goal evaluations recorded in `period`, per result, for pupils of the schools in scope.
/// (A plan belongs to a pupil, not to a kind of arrangement: the kind filter does not apply.)
pub fn goal_results(
    conn: &mut DbConnection,
    scope: &StatsScope,
    period: Period,
) -> Result<Vec<ResultRow>, DbError> {
    let sql = format!(
        "SELECT g.result, COUNT(*) AS n FROM opp_goal_evaluations g \
         JOIN opps o ON o.id = g.opp_id JOIN pupils p ON p.id = o.pupil_id \
         WHERE 1 = 1{}{} GROUP BY g.result",
        scope.conditions("p", false)?,
        period.within("g.evaluated_on"),
    );
    Ok(diesel::sql_query(sql).load(conn)?)
}

/// Open dossiers under the same rules (policy version, kind) in the same status.
#[derive(Debug, QueryableByName)]
pub struct RuleGroup {
    #[diesel(sql_type = Nullable<Integer>)]
    pub policy_version: Option<i32>,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub status: String,
}

/// What a kind of clock runs from; each reads one index.
#[derive(Clone, Copy, Debug)]
pub enum ClockSource {
    /// Before the decision, after a direct start: the day the dossier was created.
    Created,
    /// Definitive: the last "make definitive" (the milestones).
    Definitive,
    /// Granted, not started: the last grant (the milestones).
    Granted,
    /// In execution: the end date.
    EndDate,
    /// An open integral action of the dossier: its due date (one clock per action).
    IntegralActionDue,
    /// Before the decision: the oldest research report's date.
    OldestResearchReport,
}

impl ClockSource {
    /// `FROM …` (aliased `a`, with `status`, `kind`, `policy_version`, `partnership_id`,
    /// `school_id`) and the condition "its clock runs from a day on or before `day`".
    fn sql(self, day: NaiveDate) -> (&'static str, String) {
        let next_day = day.succ_opt().map_or_else(|| "'9999-12-31'".to_owned(), date);
        let day = date(day);
        match self {
            ClockSource::Created => (
                "arrangements a WHERE a.start_route = 'direct_start'",
                // created_on <= day
                format!("a.created_at < {next_day}"),
            ),
            ClockSource::Definitive => {
                ("arrangement_milestones a WHERE 1 = 1", format!("a.definitive_on <= {day}"))
            }
            ClockSource::Granted => {
                ("arrangement_milestones a WHERE 1 = 1", format!("a.granted_on <= {day}"))
            }
            ClockSource::EndDate => ("arrangements a WHERE 1 = 1", format!("a.end_date <= {day}")),
            ClockSource::IntegralActionDue => (
                "arrangements a JOIN integral_actions i ON i.arrangement_id = a.id AND i.status = 'open' WHERE 1 = 1",
                format!("i.due_on <= {day}"),
            ),
            // the oldest report started on or before the day: some report did
            ClockSource::OldestResearchReport => (
                "attachments t JOIN arrangements a ON a.id = t.arrangement_id \
                 WHERE t.kind = 'research_report' AND t.document_date IS NOT NULL",
                format!("t.document_date <= {day}"),
            ),
        }
    }
}

/// The rules and statuses under which open dossiers in `statuses` have a clock of `source`.
pub fn rule_groups(
    conn: &mut DbConnection,
    scope: &StatsScope,
    statuses: &[&str],
    source: ClockSource,
) -> Result<Vec<RuleGroup>, DbError> {
    let statuses = statuses.iter().map(|s| literal(s)).collect::<Result<Vec<_>, _>>()?.join(", ");
    let (from, _) = source.sql(NaiveDate::MIN);
    let sql = format!(
        "SELECT a.policy_version, a.kind, a.status FROM {from} AND a.status IN ({statuses}){} \
         GROUP BY a.policy_version, a.kind, a.status",
        scope.conditions("a", true)?,
    );
    Ok(diesel::sql_query(sql).load(conn)?)
}

#[derive(Debug, QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How many clocks of `source` in `group` run from a day on or before `day`.
pub fn clocks_until(
    conn: &mut DbConnection,
    scope: &StatsScope,
    source: ClockSource,
    group: &RuleGroup,
    day: NaiveDate,
) -> Result<i64, DbError> {
    let (from, until) = source.sql(day);
    let version = match group.policy_version {
        Some(v) => format!("= {v}"),
        None => "IS NULL".to_owned(),
    };
    // a dossier with several reports has one clock
    let what = match source {
        ClockSource::OldestResearchReport => "COUNT(DISTINCT a.id)",
        _ => "COUNT(*)",
    };
    let sql = format!(
        "SELECT {what} AS n FROM {from} AND a.status = {} AND a.kind = {} AND a.policy_version {version}{} AND {until}",
        literal(&group.status)?,
        literal(&group.kind)?,
        scope.conditions("a", true)?,
    );
    Ok(diesel::sql_query(sql).get_result::<Count>(conn)?.n)
}
