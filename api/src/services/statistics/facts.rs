//! Writes what the statistics aggregate per arrangement: the milestones of its route (from its
//! history) and its money per calendar year (the same `shared::money` computation as the
//! payment round). Called in the transaction of every status change, and at start-up for
//! arrangements that have none yet.

use std::collections::BTreeSet;

use arrangeer_shared::dates::add_weeks;
use arrangeer_shared::money::YearTotals;
use arrangeer_shared::policy::RuleSet;
use arrangeer_shared::workflow::{Action, Status};
use chrono::NaiveDate;

use crate::db::arrangements::{self, ArrangementRow};
use crate::db::statistics_facts::{self, MilestoneRow, MoneyYearRow};
use crate::db::{Db, DbConnection, DbError, now};
use crate::services::arrangements::{kind_of, proposal_of, status_of};
use crate::services::costs::grant_money_of;
use crate::services::findings::governing_policy;

/// The statuses of an arrangement that was granted (and so is paid, or settled).
const GRANTED: [Status; 4] = [Status::Granted, Status::InExecution, Status::Terminated, Status::Closed];

/// What the large-partnership seeder needs to write the facts as [`refresh`] would.
pub const SEED_RULES: crate::db::seed_large::FactRules =
    crate::db::seed_large::FactRules { granted: &GRANTED, money: money_rows };

/// Replaces the statistics' facts of one arrangement (call inside the writing transaction).
pub fn refresh(conn: &mut DbConnection, row: &ArrangementRow) -> Result<(), DbError> {
    let events = arrangements::events_of(conn, &row.id)?;
    let on = |action: Action, last: bool| {
        let mut days = events
            .iter()
            .filter(|(e, _, _)| e.action == action.as_str())
            .map(|(e, _, _)| e.created_at.date());
        if last { days.next_back() } else { days.next() }
    };
    let submitted_on = on(Action::Submit, false);
    let definitive_on = on(Action::MakeDefinitive, true);
    let granted_on = on(Action::Grant, true);
    let started_on = on(Action::Start, true);
    let decision = events
        .iter()
        .rev()
        .map(|(e, _, _)| e)
        .find(|e| e.action == Action::Grant.as_str() || e.action == Action::Reject.as_str());
    let decided_on = decision.map(|e| e.created_at.date());
    let kind = kind_of(row)?;
    let policy = governing_policy(conn, row)?;
    let rules = policy.as_ref().and_then(|p| p.rule_set(kind));
    let decision_due_on =
        definitive_on.zip(rules).map(|(from, rules)| add_weeks(from, i64::from(rules.decision.weeks)));
    let days = |from: Option<NaiveDate>, to: Option<NaiveDate>| {
        from.zip(to).and_then(|(f, t)| i32::try_from((t - f).num_days()).ok())
    };
    let milestones = MilestoneRow {
        arrangement_id: row.id.clone(),
        partnership_id: row.partnership_id.clone(),
        school_id: row.school_id.clone(),
        kind: row.kind.clone(),
        status: row.status.clone(),
        policy_version: row.policy_version,
        submitted_on,
        definitive_on,
        granted_on,
        started_on,
        decided_on,
        decision: decision
            .map(|e| if e.action == Action::Grant.as_str() { "granted" } else { "rejected" })
            .map(str::to_owned),
        decision_due_on,
        request_to_decision_days: days(submitted_on, decided_on),
        definitive_to_decision_days: days(definitive_on, decided_on),
        grant_to_start_days: days(granted_on, started_on),
        decided_late: decided_on.zip(decision_due_on).map(|(decided, due)| decided > due),
        updated_at: now(),
    };

    let money = money_of(row, rules)?;
    statistics_facts::replace(conn, &milestones, &money)?;
    Ok(())
}

/// The arrangement's money per calendar year, as the statistics keep it (none before the grant).
/// The seeder of the large partnership computes its rows with this too.
pub fn money_rows(conn: &mut DbConnection, row: &ArrangementRow) -> Result<Vec<MoneyYearRow>, DbError> {
    let policy = governing_policy(conn, row)?;
    let kind = kind_of(row)?;
    money_of(row, policy.as_ref().and_then(|p| p.rule_set(kind)))
}

fn money_of(row: &ArrangementRow, rules: Option<&RuleSet>) -> Result<Vec<MoneyYearRow>, DbError> {
    let mut money = Vec::new();
    if GRANTED.contains(&status_of(row)?) {
        let scheme = rules.and_then(|r| r.payment);
        if let Some(grant) = grant_money_of(row, &proposal_of(row)?, scheme)? {
            let years: BTreeSet<i32> = grant
                .per_calendar_year
                .iter()
                .map(|s| s.year)
                .chain(grant.paid.iter().map(|l| l.year))
                .collect();
            for year in years {
                let mut totals = YearTotals::default();
                totals.add_grant(&grant, year).map_err(|e| DbError::Corrupt {
                    column: "arrangements.hourly_rate_cents",
                    value: e.to_string(),
                })?;
                if totals == YearTotals::default() {
                    continue;
                }
                money.push(MoneyYearRow {
                    arrangement_id: row.id.clone(),
                    year,
                    partnership_id: row.partnership_id.clone(),
                    school_id: row.school_id.clone(),
                    kind: row.kind.clone(),
                    granted_cents: totals.granted.0,
                    paid_at_grant_cents: totals.paid_at_grant.0,
                    after_accountability_cents: totals.after_accountability.0,
                    settlement_cents: totals.settlements.0,
                });
            }
        }
    }
    Ok(money)
}

/// Writes the facts of every arrangement that has none (past its draft), in batches of one
/// transaction each, walking the arrangements once in id order; returns how many were written.
/// When nothing is missing this is one pass over the primary key with an index probe per
/// arrangement (the large seeder writes its facts itself).
pub fn backfill(db: &Db) -> Result<usize, DbError> {
    const BATCH: i64 = 500;
    let mut written = 0;
    let mut after = String::new();
    loop {
        let ids = db.run_blocking(|conn| {
            use diesel::Connection;
            conn.transaction::<Vec<String>, DbError, _>(|conn| {
                let ids = statistics_facts::missing(conn, &after, BATCH)?;
                for id in &ids {
                    if let Some(row) = arrangements::find(conn, id)? {
                        refresh(conn, &row)?;
                    }
                }
                Ok(ids)
            })
        })?;
        written += ids.len();
        match ids.last() {
            Some(last) if ids.len() == BATCH as usize => after.clone_from(last),
            _ => return Ok(written),
        }
    }
}
