//! The sums `GET /statistics` reads instead of a million rows (`statistics_counts`,
//! `statistics_money`, `statistics_durations`), moved in the transaction of every change that
//! moves them: an arrangement's creation and status changes ([`super::arrangements`]) and every
//! rewrite of its facts ([`super::statistics_facts::replace`]). Each change is an upsert of a
//! delta, so concurrent writers of different arrangements never read-modify-write a sum.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::{OptionalExtension, QueryResult, RunQueryDsl};

use super::DbConnection;
use super::prepared::Statement;
use super::statistics_facts::{MilestoneRow, MoneyYearRow};

/// One arrangement more (`delta` 1) or fewer (-1) in `status`, counted in the year it was
/// created.
pub fn count(
    conn: &mut DbConnection,
    partnership_id: &str,
    school_id: &str,
    kind: &str,
    status: &str,
    created_at: NaiveDateTime,
    delta: i64,
) -> QueryResult<()> {
    Statement::new(
        "INSERT INTO statistics_counts (partnership_id, created_year, school_id, kind, status, n) VALUES (",
    )
    .text(partnership_id)
    .sql(", ")
    .integer(created_at.year())
    .sql(", ")
    .text(school_id)
    .sql(", ")
    .text(kind)
    .sql(", ")
    .text(status)
    .sql(", ")
    .bigint(delta)
    .sql(
        ") ON CONFLICT (partnership_id, created_year, school_id, kind, status) \
         DO UPDATE SET n = statistics_counts.n + excluded.n",
    )
    .execute(conn)
    .map(|_| ())
}

/// Adds (`sign` 1) or takes away (-1) one arrangement's money of one year.
pub fn money(conn: &mut DbConnection, row: &MoneyYearRow, sign: i64) -> QueryResult<()> {
    Statement::new(
        "INSERT INTO statistics_money (partnership_id, year, school_id, kind, n, granted_cents, \
         paid_at_grant_cents, after_accountability_cents, settlement_cents) VALUES (",
    )
    .text(row.partnership_id.as_str())
    .sql(", ")
    .integer(row.year)
    .sql(", ")
    .text(row.school_id.as_str())
    .sql(", ")
    .text(row.kind.as_str())
    .sql(", ")
    .bigint(sign)
    .sql(", ")
    .bigint(sign * row.granted_cents)
    .sql(", ")
    .bigint(sign * row.paid_at_grant_cents)
    .sql(", ")
    .bigint(sign * row.after_accountability_cents)
    .sql(", ")
    .bigint(sign * row.settlement_cents)
    .sql(
        ") ON CONFLICT (partnership_id, year, school_id, kind) DO UPDATE SET \
         n = statistics_money.n + excluded.n, \
         granted_cents = statistics_money.granted_cents + excluded.granted_cents, \
         paid_at_grant_cents = statistics_money.paid_at_grant_cents + excluded.paid_at_grant_cents, \
         after_accountability_cents = statistics_money.after_accountability_cents + excluded.after_accountability_cents, \
         settlement_cents = statistics_money.settlement_cents + excluded.settlement_cents",
    )
    .execute(conn)
    .map(|_| ())
}

/// The spans of days an arrangement's milestones add to the histograms: `(measure, year of
/// the milestone that ends it, days, late)`.
pub fn spans(m: &MilestoneRow) -> Vec<(&'static str, i32, i32, bool)> {
    let late = m.decided_late == Some(true);
    [
        ("request_to_decision", m.decided_on, m.request_to_decision_days),
        ("definitive_to_decision", m.decided_on, m.definitive_to_decision_days),
        ("grant_to_start", m.started_on, m.grant_to_start_days),
    ]
    .into_iter()
    .filter_map(|(measure, on, days)| Some((measure, on?.year(), days?, late)))
    .collect()
}

/// Adds (`sign` 1) or takes away (-1) one arrangement's spans.
pub fn durations(conn: &mut DbConnection, m: &MilestoneRow, sign: i64) -> QueryResult<()> {
    for (measure, year, days, late) in spans(m) {
        Statement::new(
            "INSERT INTO statistics_durations (partnership_id, measure, year, kind, days, n, late) VALUES (",
        )
        .text(m.partnership_id.as_str())
        .sql(", ")
        .text(measure)
        .sql(", ")
        .integer(year)
        .sql(", ")
        .text(m.kind.as_str())
        .sql(", ")
        .integer(days)
        .sql(", ")
        .bigint(sign)
        .sql(", ")
        .bigint(if late { sign } else { 0 })
        .sql(
            ") ON CONFLICT (partnership_id, measure, year, kind, days) DO UPDATE SET \
             n = statistics_durations.n + excluded.n, late = statistics_durations.late + excluded.late",
        )
        .execute(conn)?;
    }
    Ok(())
}

/// What the sums know of an arrangement: its count and its clocks from the arrangement row.
#[derive(Debug, Clone, PartialEq, Eq, diesel::QueryableByName)]
pub struct Tally {
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub partnership_id: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub school_id: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub kind: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub status: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    pub policy_version: Option<i32>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub start_route: String,
    #[diesel(sql_type = diesel::sql_types::Timestamp)]
    pub created_at: NaiveDateTime,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Date>)]
    pub end_date: Option<NaiveDate>,
}

impl Tally {
    /// The arrangement's row as it is, locked until the transaction ends (PostgreSQL; on SQLite
    /// the writing transaction holds the database's write lock), so that what is taken away
    /// from the sums is what was added.
    pub fn for_update(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Tally>> {
        let lock = match conn {
            DbConnection::Postgres(_) => " FOR UPDATE",
            DbConnection::Sqlite(_) => "",
        };
        Statement::new(
            "SELECT partnership_id, school_id, kind, status, policy_version, start_route, created_at, end_date \
             FROM arrangements WHERE id = ",
        )
        .text(id)
        .sql(lock)
        .get_result(conn)
        .optional()
    }

    /// Adds (`sign` 1) or takes away (-1) the arrangement's count and clocks.
    pub fn apply(&self, conn: &mut DbConnection, sign: i64) -> QueryResult<()> {
        count(conn, &self.partnership_id, &self.school_id, &self.kind, &self.status, self.created_at, sign)?;
        self.clocks(conn, sign)
    }

    /// The same for its clocks only.
    pub fn clocks(&self, conn: &mut DbConnection, sign: i64) -> QueryResult<()> {
        let key = ClockKey {
            partnership_id: &self.partnership_id,
            status: &self.status,
            kind: &self.kind,
            policy_version: self.policy_version,
        };
        if self.start_route == "direct_start" {
            clock(conn, "created", &key, self.created_at.date(), sign)?;
        }
        if let Some(end) = self.end_date {
            clock(conn, "end_date", &key, end, sign)?;
        }
        Ok(())
    }
}

/// Whose clocks: an arrangement's partnership, status, kind and rules version.
pub struct ClockKey<'a> {
    pub partnership_id: &'a str,
    pub status: &'a str,
    pub kind: &'a str,
    pub policy_version: Option<i32>,
}

/// One clock more or fewer of `source` starting on `day` (rules version 0: none).
pub fn clock(
    conn: &mut DbConnection,
    source: &str,
    key: &ClockKey<'_>,
    day: NaiveDate,
    delta: i64,
) -> QueryResult<()> {
    Statement::new(
        "INSERT INTO statistics_clocks (partnership_id, source, status, kind, policy_version, day, n) VALUES (",
    )
    .text(key.partnership_id)
    .sql(", ")
    .text(source)
    .sql(", ")
    .text(key.status)
    .sql(", ")
    .text(key.kind)
    .sql(", ")
    .integer(key.policy_version.unwrap_or(0))
    .sql(", ")
    .date(day)
    .sql(", ")
    .bigint(delta)
    .sql(
        ") ON CONFLICT (partnership_id, source, status, kind, policy_version, day) \
         DO UPDATE SET n = statistics_clocks.n + excluded.n",
    )
    .execute(conn)
    .map(|_| ())
}

/// The clocks an arrangement's milestones start (its last make-definitive, its last grant).
pub fn milestone_clocks(conn: &mut DbConnection, m: &MilestoneRow, sign: i64) -> QueryResult<()> {
    let key = ClockKey {
        partnership_id: &m.partnership_id,
        status: &m.status,
        kind: &m.kind,
        policy_version: m.policy_version,
    };
    if let Some(day) = m.definitive_on {
        clock(conn, "definitive", &key, day, sign)?;
    }
    if let Some(day) = m.granted_on {
        clock(conn, "granted", &key, day, sign)?;
    }
    Ok(())
}

/// Where the stored sums differ from sums computed anew from the arrangements and their facts
/// (one line per differing key; empty when they agree). Reads every row: for tests and checks,
/// not for requests.
pub fn differences(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    use std::collections::BTreeMap;

    use diesel::prelude::*;

    use super::schema::{
        arrangement_milestones, arrangement_money_years, arrangements, statistics_clocks, statistics_counts,
        statistics_durations, statistics_money,
    };

    fn compare<K: Ord + std::fmt::Debug, V: PartialEq + Default + std::fmt::Debug>(
        table: &str,
        stored: BTreeMap<K, V>,
        computed: BTreeMap<K, V>,
        out: &mut Vec<String>,
    ) {
        let stored: BTreeMap<K, V> = stored.into_iter().filter(|(_, v)| *v != V::default()).collect();
        for (key, value) in &computed {
            if stored.get(key) != Some(value) {
                out.push(format!("{table} {key:?}: stored {:?}, computed {value:?}", stored.get(key)));
            }
        }
        for (key, value) in &stored {
            if !computed.contains_key(key) {
                out.push(format!("{table} {key:?}: stored {value:?}, computed nothing"));
            }
        }
    }
    let mut out = Vec::new();

    type Row = (String, String, String, String, Option<i32>, String, NaiveDateTime, Option<NaiveDate>);
    let rows: Vec<Row> = arrangements::table
        .select((
            arrangements::partnership_id,
            arrangements::school_id,
            arrangements::kind,
            arrangements::status,
            arrangements::policy_version,
            arrangements::start_route,
            arrangements::created_at,
            arrangements::end_date,
        ))
        .load(conn)?;
    let mut counts = BTreeMap::new();
    let mut clocks: BTreeMap<(String, String, String, String, i32, NaiveDate), i64> = BTreeMap::new();
    for (p, school, kind, status, version, route, created, end) in rows {
        let key = |source: &str, day| {
            (p.clone(), source.to_owned(), status.clone(), kind.clone(), version.unwrap_or(0), day)
        };
        if route == "direct_start" {
            *clocks.entry(key("created", created.date())).or_default() += 1;
        }
        if let Some(end) = end {
            *clocks.entry(key("end_date", end)).or_default() += 1;
        }
        *counts.entry((p, created.year(), school, kind, status)).or_insert(0_i64) += 1;
    }
    let stored = statistics_counts::table
        .select((
            (
                statistics_counts::partnership_id,
                statistics_counts::created_year,
                statistics_counts::school_id,
                statistics_counts::kind,
                statistics_counts::status,
            ),
            statistics_counts::n,
        ))
        .load::<((String, i32, String, String, String), i64)>(conn)?;
    compare("statistics_counts", stored.into_iter().collect(), counts, &mut out);

    let mut money: BTreeMap<(String, i32, String, String), [i64; 5]> = BTreeMap::new();
    for m in arrangement_money_years::table.select(MoneyYearRow::as_select()).load(conn)? {
        let sums = money.entry((m.partnership_id, m.year, m.school_id, m.kind)).or_default();
        for (sum, add) in sums.iter_mut().zip([
            1,
            m.granted_cents,
            m.paid_at_grant_cents,
            m.after_accountability_cents,
            m.settlement_cents,
        ]) {
            *sum += add;
        }
    }
    let stored = statistics_money::table
        .select((
            (
                statistics_money::partnership_id,
                statistics_money::year,
                statistics_money::school_id,
                statistics_money::kind,
            ),
            (
                statistics_money::n,
                statistics_money::granted_cents,
                statistics_money::paid_at_grant_cents,
                statistics_money::after_accountability_cents,
                statistics_money::settlement_cents,
            ),
        ))
        .load::<((String, i32, String, String), (i64, i64, i64, i64, i64))>(conn)?
        .into_iter()
        .map(|(k, (a, b, c, d, e))| (k, [a, b, c, d, e]))
        .collect();
    compare("statistics_money", stored, money, &mut out);

    type Histogram = BTreeMap<(String, String, i32, String, i32), (i64, i64)>;
    let mut durations = Histogram::new();
    for m in arrangement_milestones::table.select(MilestoneRow::as_select()).load(conn)? {
        for (measure, year, days, late) in spans(&m) {
            let entry = durations
                .entry((m.partnership_id.clone(), measure.to_owned(), year, m.kind.clone(), days))
                .or_default();
            entry.0 += 1;
            entry.1 += i64::from(late);
        }
        let key = |source: &str, day| {
            (
                m.partnership_id.clone(),
                source.to_owned(),
                m.status.clone(),
                m.kind.clone(),
                m.policy_version.unwrap_or(0),
                day,
            )
        };
        if let Some(day) = m.definitive_on {
            *clocks.entry(key("definitive", day)).or_default() += 1;
        }
        if let Some(day) = m.granted_on {
            *clocks.entry(key("granted", day)).or_default() += 1;
        }
    }
    let stored = statistics_durations::table
        .select((
            (
                statistics_durations::partnership_id,
                statistics_durations::measure,
                statistics_durations::year,
                statistics_durations::kind,
                statistics_durations::days,
            ),
            (statistics_durations::n, statistics_durations::late),
        ))
        .load::<((String, String, i32, String, i32), (i64, i64))>(conn)?;
    compare("statistics_durations", stored.into_iter().collect(), durations, &mut out);

    let stored = statistics_clocks::table
        .select((
            (
                statistics_clocks::partnership_id,
                statistics_clocks::source,
                statistics_clocks::status,
                statistics_clocks::kind,
                statistics_clocks::policy_version,
                statistics_clocks::day,
            ),
            statistics_clocks::n,
        ))
        .load::<((String, String, String, String, i32, NaiveDate), i64)>(conn)?;
    compare("statistics_clocks", stored.into_iter().collect(), clocks, &mut out);
    Ok(out)
}
