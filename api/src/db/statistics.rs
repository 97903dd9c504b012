//! The statistics' aggregates: every figure is a `GROUP BY` in the database that returns a few
//! rows (per school × kind × status, per year, per number of days, per rules), never
//! one row per arrangement. The SQL is the same on both backends: no date functions, no
//! division, no ordering by text (the service sorts and divides, in integers).
//!
//! Values that identify the scope are inlined as literals, never taken from the request as
//! text: ids are checked to be UUIDs, kinds and statuses come from our enums. What changes from
//! request to request (the year, a day, a period) is bound, so that the statements of one
//! scope are always the same text and stay in the prepared-statement cache
//! ([`super::prepared::Statement`]): on PostgreSQL each would otherwise be parsed and planned
//! anew, some fifty per request. (The per-school queries of the deadline counts keep their
//! literal days: `sql_query`, not cached, so that their texts do not pile up in the cache.)

use chrono::NaiveDate;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::prepared::Statement;
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
pub struct SchoolCountRow {
    #[diesel(sql_type = Text)]
    pub school_id: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

#[derive(Debug, QueryableByName)]
pub struct KindStatusCountRow {
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// Arrangements created in `year`, per school and per kind and status (from
/// `statistics_counts`; two small answers instead of every school × kind × status).
pub fn counts(
    conn: &mut DbConnection,
    scope: &StatsScope,
    year: i32,
) -> Result<(Vec<SchoolCountRow>, Vec<KindStatusCountRow>), DbError> {
    let conditions = scope.conditions("c", true)?;
    let by_school = Statement::new(
        "SELECT c.school_id, CAST(SUM(c.n) AS BIGINT) AS n FROM statistics_counts c WHERE c.created_year = ",
    )
    .integer(year)
    .sql(format!("{conditions} GROUP BY c.school_id HAVING SUM(c.n) > 0"));
    let by_kind_status = Statement::new(
        "SELECT c.kind, c.status, CAST(SUM(c.n) AS BIGINT) AS n FROM statistics_counts c WHERE c.created_year = ",
    )
    .integer(year)
    .sql(format!("{conditions} GROUP BY c.kind, c.status HAVING SUM(c.n) > 0"));
    Ok((by_school.load(conn)?, by_kind_status.load(conn)?))
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
/// grant (summed in `statistics_money`).
pub fn money(
    conn: &mut DbConnection,
    scope: &StatsScope,
    years: std::ops::RangeInclusive<i32>,
) -> Result<Vec<MoneyRow>, DbError> {
    Ok(Statement::new(
        "SELECT m.year, CAST(SUM(m.n) AS BIGINT) AS n, CAST(SUM(m.granted_cents) AS BIGINT) AS granted, \
         CAST(SUM(m.paid_at_grant_cents) AS BIGINT) AS paid_at_grant, \
         CAST(SUM(m.after_accountability_cents) AS BIGINT) AS after_accountability, \
         CAST(SUM(m.settlement_cents) AS BIGINT) AS settlement \
         FROM statistics_money m WHERE m.year >= ",
    )
    .integer(*years.start())
    .sql(" AND m.year <= ")
    .integer(*years.end())
    .sql(format!("{} GROUP BY m.year HAVING SUM(m.n) > 0 ORDER BY m.year", scope.conditions("m", true)?))
    .load(conn)?)
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

impl Duration {
    fn measure(self) -> &'static str {
        match self {
            Duration::RequestToDecision => "request_to_decision",
            Duration::DefinitiveToDecision => "definitive_to_decision",
            Duration::GrantToStart => "grant_to_start",
        }
    }
}

/// How many arrangements took how many days (and how many of those were late), for the
/// decisions (or starts) in `year`: for the whole partnership from the histograms in
/// `statistics_durations`, for some schools from their milestones.
pub fn durations(
    conn: &mut DbConnection,
    scope: &StatsScope,
    year: i32,
    period: Period,
    which: Duration,
) -> Result<Vec<DaysRow>, DbError> {
    let measure = which.measure();
    if scope.schools.is_none() {
        let mut sql = format!(
            " AND d.partnership_id = {} AND d.measure = '{measure}'",
            literal(&scope.partnership_id)?,
        );
        if let Some(kind) = &scope.kind {
            sql.push_str(&format!(" AND d.kind = {}", literal(kind)?));
        }
        sql.push_str(" GROUP BY d.days HAVING SUM(d.n) > 0");
        return Ok(Statement::new(
            "SELECT d.days, CAST(SUM(d.late) AS BIGINT) AS late, CAST(SUM(d.n) AS BIGINT) AS n \
             FROM statistics_durations d WHERE d.year = ",
        )
        .integer(year)
        .sql(sql)
        .load(conn)?);
    }
    let at = match which {
        Duration::RequestToDecision | Duration::DefinitiveToDecision => "decided_on",
        Duration::GrantToStart => "started_on",
    };
    let sql = format!(
        "SELECT m.{measure}_days AS days, \
         CAST(SUM(CASE WHEN m.decided_late = TRUE THEN 1 ELSE 0 END) AS BIGINT) AS late, \
         COUNT(*) AS n FROM arrangement_milestones m WHERE m.{measure}_days IS NOT NULL{}{} \
         GROUP BY m.{measure}_days",
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
    Ok(Statement::new(
        "SELECT g.result, COUNT(*) AS n FROM opp_goal_evaluations g \
         JOIN opps o ON o.id = g.opp_id JOIN pupils p ON p.id = o.pupil_id WHERE g.evaluated_on >= ",
    )
    .date(period.from)
    .sql(" AND g.evaluated_on < ")
    .date(period.to)
    .sql(format!("{} GROUP BY g.result", scope.conditions("p", false)?))
    .load(conn)?)
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

impl ClockSource {
    /// Its name in `statistics_clocks`, which sums it per day for the whole partnership.
    fn summed(self) -> Option<&'static str> {
        match self {
            ClockSource::Created => Some("created"),
            ClockSource::Definitive => Some("definitive"),
            ClockSource::Granted => Some("granted"),
            ClockSource::EndDate => Some("end_date"),
            ClockSource::IntegralActionDue | ClockSource::OldestResearchReport => None,
        }
    }
}

/// `statistics_clocks` of the scope's partnership and kind, when the scope is the whole
/// partnership and the source is summed there.
fn summed_clocks(scope: &StatsScope, source: ClockSource) -> Result<Option<String>, DbError> {
    let (None, Some(name)) = (&scope.schools, source.summed()) else { return Ok(None) };
    let mut sql = format!(
        "statistics_clocks c WHERE c.partnership_id = {} AND c.source = '{name}'",
        literal(&scope.partnership_id)?
    );
    if let Some(kind) = &scope.kind {
        sql.push_str(&format!(" AND c.kind = {}", literal(kind)?));
    }
    Ok(Some(sql))
}

/// The rules and statuses under which open dossiers in `statuses` have a clock of `source`.
pub fn rule_groups(
    conn: &mut DbConnection,
    scope: &StatsScope,
    statuses: &[&str],
    source: ClockSource,
) -> Result<Vec<RuleGroup>, DbError> {
    let statuses = statuses.iter().map(|s| literal(s)).collect::<Result<Vec<_>, _>>()?.join(", ");
    if let Some(from) = summed_clocks(scope, source)? {
        // rules version 0 stands for none
        let sql = format!(
            "SELECT CASE WHEN c.policy_version = 0 THEN NULL ELSE c.policy_version END AS policy_version, \
             c.kind, c.status FROM {from} AND c.status IN ({statuses}) \
             GROUP BY c.policy_version, c.kind, c.status HAVING SUM(c.n) > 0"
        );
        return Ok(Statement::new(sql).load(conn)?);
    }
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
    if let Some(from) = summed_clocks(scope, source)? {
        let sql = format!(
            "SELECT CAST(COALESCE(SUM(c.n), 0) AS BIGINT) AS n FROM {from} AND c.status = {} AND c.kind = {} \
             AND c.policy_version = {} AND c.day <= ",
            literal(&group.status)?,
            literal(&group.kind)?,
            group.policy_version.unwrap_or(0),
        );
        return Ok(Statement::new(sql).date(day).get_result::<Count>(conn)?.n);
    }
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
