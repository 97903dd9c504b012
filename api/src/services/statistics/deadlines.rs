//! Overdue deadlines as counts: the database lists the rules (policy version, kind) and
//! statuses under which open dossiers have a clock; for each, the same pure clock functions as
//! `GET /deadlines` (`shared::deadlines`) give the latest day a clock may have started and be
//! overdue today (found by bisection: a clock that starts later falls due later), and one
//! indexed `COUNT(*)` counts the dossiers whose clock started on or before it. So the count is
//! that of `/deadlines` for every kind of deadline but the two that depend on the OPPs' consent
//! state (OPPs after the grant, the yearly OPP evaluation), which are not counted.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use arrangeer_shared::api::statistics::{DeadlineKindCount, OverdueDeadlines};
use arrangeer_shared::deadlines::{ClockInput, DeadlineKind, clocks, integral_action_clocks};
use arrangeer_shared::kinds::{ArrangementKind, StartRoute};
use arrangeer_shared::policy::Policy;
use arrangeer_shared::workflow::{Status, WorkflowConfig};
use chrono::{NaiveDate, TimeDelta};

use crate::db::statistics::{self as stats, ClockSource, RuleGroup, StatsScope};
use crate::db::{DbConnection, DbError};

/// The kinds this aggregate leaves out.
pub const NOT_COUNTED: [DeadlineKind; 2] = [DeadlineKind::Opps, DeadlineKind::OppEvaluation];

const BEFORE_DEFINITIVE: [Status; 4] =
    [Status::Draft, Status::ChangesRequested, Status::Submitted, Status::Approved];
const BEFORE_DECISION: [Status; 5] =
    [Status::Draft, Status::ChangesRequested, Status::Submitted, Status::Approved, Status::Definitive];
const OPEN: [Status; 7] = [
    Status::Draft,
    Status::ChangesRequested,
    Status::Submitted,
    Status::Approved,
    Status::Definitive,
    Status::Granted,
    Status::InExecution,
];

/// The overdue deadlines of the open dossiers in scope, per kind.
pub fn overdue(
    conn: &mut DbConnection,
    scope: &StatsScope,
    today: NaiveDate,
) -> Result<OverdueDeadlines, DbError> {
    let passes: [(&[Status], ClockSource, &[DeadlineKind]); 6] = [
        (&BEFORE_DEFINITIVE, ClockSource::Created, &[DeadlineKind::Application]),
        (
            &[Status::Definitive],
            ClockSource::Definitive,
            &[DeadlineKind::Decision, DeadlineKind::DecisionEscalation],
        ),
        (&[Status::Granted], ClockSource::Granted, &[DeadlineKind::SupportStart]),
        (&[Status::InExecution], ClockSource::EndDate, &[DeadlineKind::Evaluation]),
        (&BEFORE_DECISION, ClockSource::OldestResearchReport, &[DeadlineKind::ResearchReport]),
        (&OPEN, ClockSource::IntegralActionDue, &[DeadlineKind::IntegralAction]),
    ];
    let mut by_version: BTreeMap<Option<i32>, Option<Policy>> = BTreeMap::new();
    let mut counts: BTreeMap<DeadlineKind, u64> = BTreeMap::new();
    for (statuses, source, kinds) in passes {
        let names: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
        for group in stats::rule_groups(conn, scope, &names, source)? {
            let policy = match by_version.entry(group.policy_version) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(policy_at(conn, &scope.partnership_id, group.policy_version)?),
            };
            for kind in kinds {
                let Some(last) = latest_overdue_start(policy.as_ref(), &group, source, *kind, today)? else {
                    continue;
                };
                let n = stats::clocks_until(conn, scope, source, &group, last)?;
                if n > 0 {
                    *counts.entry(*kind).or_default() += u64::try_from(n).unwrap_or(0);
                }
            }
        }
    }
    Ok(OverdueDeadlines {
        total: counts.values().sum(),
        by_kind: counts.into_iter().map(|(kind, count)| DeadlineKindCount { kind, count }).collect(),
        not_counted: NOT_COUNTED.to_vec(),
    })
}

/// The latest day a clock of `kind` may start from (created, definitive, granted, end date,
/// due date, report date) under the group's rules and still be overdue today; `None` when
/// such a clock never is (no rules, or the rule set has no such deadline).
fn latest_overdue_start(
    policy: Option<&Policy>,
    group: &RuleGroup,
    source: ClockSource,
    kind: DeadlineKind,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, DbError> {
    let corrupt = |column: &'static str, value: &str| DbError::Corrupt { column, value: value.to_owned() };
    let arrangement_kind =
        ArrangementKind::parse(&group.kind).ok_or_else(|| corrupt("arrangements.kind", &group.kind))?;
    let status = Status::parse(&group.status).ok_or_else(|| corrupt("arrangements.status", &group.status))?;
    // like `GET /deadlines`: a dossier without rules has no clocks
    let Some(policy) = policy else { return Ok(None) };
    let Some(rules) = policy.rule_set(arrangement_kind) else { return Ok(None) };
    let workflow = WorkflowConfig::for_kind(policy, arrangement_kind);
    let overdue = |day: NaiveDate| {
        let running = match source {
            ClockSource::IntegralActionDue => integral_action_clocks(status, &[day]),
            _ => {
                let mut input = ClockInput {
                    status,
                    start_route: StartRoute::DirectStart,
                    created_on: day,
                    definitive_on: None,
                    granted_on: None,
                    end_date: None,
                    // the OPP clocks are not counted here (see NOT_COUNTED)
                    opps_complete: true,
                    opp_evaluation_from: None,
                    research_report_dates: Vec::new(),
                };
                match source {
                    ClockSource::Definitive => input.definitive_on = Some(day),
                    ClockSource::Granted => input.granted_on = Some(day),
                    ClockSource::EndDate => input.end_date = Some(day),
                    ClockSource::OldestResearchReport => input.research_report_dates = vec![day],
                    ClockSource::Created | ClockSource::IntegralActionDue => {}
                }
                clocks(rules, &workflow, &input)
            }
        };
        running.iter().any(|c| c.kind == kind && c.due.is_overdue(today))
    };
    // within ±100 years of today; overdue(d) holds for every day up to the answer
    let at = |offset: i64| today.checked_add_signed(TimeDelta::days(offset));
    let (mut lo, mut hi) = (-36_600_i64, 36_600_i64);
    if !at(lo).is_some_and(&overdue) {
        return Ok(None);
    }
    if at(hi).is_some_and(&overdue) {
        return Ok(at(hi));
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if at(mid).is_some_and(&overdue) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(at(lo))
}

/// The policy a dossier is governed by: the version recorded at submission, else the one in
/// force (as `findings::governing_policy`).
fn policy_at(
    conn: &mut DbConnection,
    partnership_id: &str,
    version: Option<i32>,
) -> Result<Option<Policy>, DbError> {
    match version {
        Some(v) => crate::services::policy::at_version(conn, partnership_id, v),
        None => Ok(crate::services::policy::current(conn, partnership_id)?.map(|(_, p)| p)),
    }
}
