//! The sums `GET /statistics` reads instead of a million rows (`statistics_counts`,
//! `statistics_money`, `statistics_durations`, `statistics_clocks`), moved in the transaction
//! of every change that moves them: an arrangement's creation, status and proposal changes
//! ([`super::arrangements`]) and every rewrite of its facts
//! ([`super::statistics_facts::replace`]). Each change is a set of [`Changes`]: upserts of
//! deltas, so concurrent writers of different arrangements never read-modify-write a sum, and
//! written in one order (see [`Key`]), so that two PostgreSQL transactions never wait for each
//! other's rows in a circle.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::{OptionalExtension, QueryResult, RunQueryDsl};

use super::DbConnection;
use super::prepared::Statement;
use super::statistics_facts::{MilestoneRow, MoneyYearRow};

/// A row of a sum. Every writer takes the rows' locks in this order: the derived `Ord` (by
/// table, then key). A transaction writes its changes in two steps at most (the arrangement's
/// row, then its facts) whose keys never overlap (counts and the clocks of creation and end
/// date; then the clocks of the milestones, money and durations), each step in order, so
/// locks are always taken in one global order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Count {
        partnership_id: String,
        created_year: i32,
        school_id: String,
        kind: String,
        status: String,
    },
    Clock {
        partnership_id: String,
        source: &'static str,
        status: String,
        kind: String,
        policy_version: i32,
        day: NaiveDate,
    },
    Money {
        partnership_id: String,
        year: i32,
        school_id: String,
        kind: String,
    },
    Duration {
        partnership_id: String,
        measure: &'static str,
        year: i32,
        kind: String,
        days: i32,
    },
}

/// What a change adds to a sum (negative: takes away): how many, how many late, and the four
/// amounts of money.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Delta {
    n: i64,
    late: i64,
    money: [i64; 4],
}

/// The deltas of one change, netted per row.
#[derive(Debug, Default)]
pub struct Changes(BTreeMap<Key, Delta>);

impl Changes {
    pub fn new() -> Self {
        Changes::default()
    }

    fn add(&mut self, key: Key, delta: Delta) {
        let sum = self.0.entry(key).or_default();
        sum.n += delta.n;
        sum.late += delta.late;
        for (a, b) in sum.money.iter_mut().zip(delta.money) {
            *a += b;
        }
    }

    /// An arrangement's count and the clocks of its row (creation, end date), added
    /// (`sign` 1) or taken away (-1).
    pub fn tally(mut self, t: &Tally, sign: i64) -> Self {
        let one = Delta { n: sign, ..Delta::default() };
        self.add(
            Key::Count {
                partnership_id: t.partnership_id.clone(),
                created_year: t.created_at.year(),
                school_id: t.school_id.clone(),
                kind: t.kind.clone(),
                status: t.status.clone(),
            },
            one,
        );
        let clock = |source, day| Key::Clock {
            partnership_id: t.partnership_id.clone(),
            source,
            status: t.status.clone(),
            kind: t.kind.clone(),
            policy_version: t.policy_version.unwrap_or(0),
            day,
        };
        if t.start_route == "direct_start" {
            self.add(clock("created", t.created_at.date()), one);
        }
        if let Some(end) = t.end_date {
            self.add(clock("end_date", end), one);
        }
        self
    }

    /// The clocks of an arrangement's milestones (its last make-definitive, its last grant)
    /// and the spans of days between them.
    pub fn milestones(mut self, m: &MilestoneRow, sign: i64) -> Self {
        let one = Delta { n: sign, ..Delta::default() };
        let clock = |source, day| Key::Clock {
            partnership_id: m.partnership_id.clone(),
            source,
            status: m.status.clone(),
            kind: m.kind.clone(),
            policy_version: m.policy_version.unwrap_or(0),
            day,
        };
        if let Some(day) = m.definitive_on {
            self.add(clock("definitive", day), one);
        }
        if let Some(day) = m.granted_on {
            self.add(clock("granted", day), one);
        }
        for (measure, year, days, late) in spans(m) {
            self.add(
                Key::Duration {
                    partnership_id: m.partnership_id.clone(),
                    measure,
                    year,
                    kind: m.kind.clone(),
                    days,
                },
                Delta { n: sign, late: if late { sign } else { 0 }, money: [0; 4] },
            );
        }
        self
    }

    /// One year of an arrangement's money.
    pub fn money(mut self, r: &MoneyYearRow, sign: i64) -> Self {
        self.add(
            Key::Money {
                partnership_id: r.partnership_id.clone(),
                year: r.year,
                school_id: r.school_id.clone(),
                kind: r.kind.clone(),
            },
            Delta {
                n: sign,
                late: 0,
                money: [
                    sign * r.granted_cents,
                    sign * r.paid_at_grant_cents,
                    sign * r.after_accountability_cents,
                    sign * r.settlement_cents,
                ],
            },
        );
        self
    }

    /// Writes the deltas that are not zero, in key order.
    pub fn write(self, conn: &mut DbConnection) -> QueryResult<()> {
        for (key, delta) in self.0 {
            if delta == Delta::default() {
                continue;
            }
            upsert(key, delta).execute(conn)?;
        }
        Ok(())
    }
}

fn upsert(key: Key, d: Delta) -> Statement {
    match key {
        Key::Count { partnership_id, created_year, school_id, kind, status } => Statement::new(
            "INSERT INTO statistics_counts (partnership_id, created_year, school_id, kind, status, n) VALUES (",
        )
        .text(partnership_id)
        .sql(", ")
        .integer(created_year)
        .sql(", ")
        .text(school_id)
        .sql(", ")
        .text(kind)
        .sql(", ")
        .text(status)
        .sql(", ")
        .bigint(d.n)
        .sql(
            ") ON CONFLICT (partnership_id, created_year, school_id, kind, status) \
             DO UPDATE SET n = statistics_counts.n + excluded.n",
        ),
        Key::Clock { partnership_id, source, status, kind, policy_version, day } => Statement::new(
            "INSERT INTO statistics_clocks (partnership_id, source, status, kind, policy_version, day, n) VALUES (",
        )
        .text(partnership_id)
        .sql(", ")
        .text(source)
        .sql(", ")
        .text(status)
        .sql(", ")
        .text(kind)
        .sql(", ")
        .integer(policy_version)
        .sql(", ")
        .date(day)
        .sql(", ")
        .bigint(d.n)
        .sql(
            ") ON CONFLICT (partnership_id, source, status, kind, policy_version, day) \
             DO UPDATE SET n = statistics_clocks.n + excluded.n",
        ),
        Key::Money { partnership_id, year, school_id, kind } => Statement::new(
            "INSERT INTO statistics_money (partnership_id, year, school_id, kind, n, granted_cents, \
             paid_at_grant_cents, after_accountability_cents, settlement_cents) VALUES (",
        )
        .text(partnership_id)
        .sql(", ")
        .integer(year)
        .sql(", ")
        .text(school_id)
        .sql(", ")
        .text(kind)
        .sql(", ")
        .bigint(d.n)
        .sql(", ")
        .bigint(d.money[0])
        .sql(", ")
        .bigint(d.money[1])
        .sql(", ")
        .bigint(d.money[2])
        .sql(", ")
        .bigint(d.money[3])
        .sql(
            ") ON CONFLICT (partnership_id, year, school_id, kind) DO UPDATE SET \
             n = statistics_money.n + excluded.n, \
             granted_cents = statistics_money.granted_cents + excluded.granted_cents, \
             paid_at_grant_cents = statistics_money.paid_at_grant_cents + excluded.paid_at_grant_cents, \
             after_accountability_cents = statistics_money.after_accountability_cents + excluded.after_accountability_cents, \
             settlement_cents = statistics_money.settlement_cents + excluded.settlement_cents",
        ),
        Key::Duration { partnership_id, measure, year, kind, days } => Statement::new(
            "INSERT INTO statistics_durations (partnership_id, measure, year, kind, days, n, late) VALUES (",
        )
        .text(partnership_id)
        .sql(", ")
        .text(measure)
        .sql(", ")
        .integer(year)
        .sql(", ")
        .text(kind)
        .sql(", ")
        .integer(days)
        .sql(", ")
        .bigint(d.n)
        .sql(", ")
        .bigint(d.late)
        .sql(
            ") ON CONFLICT (partnership_id, measure, year, kind, days) DO UPDATE SET \
             n = statistics_durations.n + excluded.n, late = statistics_durations.late + excluded.late",
        ),
    }
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

/// What the sums know of an arrangement's row: its count and the clocks of its creation and
/// end date.
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
