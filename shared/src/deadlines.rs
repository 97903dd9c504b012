//! The clocks of a dossier, computed from what happened and the partnership's rules — never
//! typed in by hand. Pure: the server feeds in the dates, the web app can do the same.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::{Deadline, add_weeks};
use crate::kinds::StartRoute;
use crate::policy::RuleSet;
use crate::role::Role;
use crate::workflow::{Status, WorkflowConfig};

vocabulary! {
    /// What falls due.
    DeadlineKind {
        /// The formal decision on a definitive application (the partnership's service level).
        Decision = "decision",
        /// The outer limit for the decision (e.g. 10 weeks; Awb: at most 8 without a term).
        DecisionEscalation = "decision_escalation",
        /// After a direct start the application must be in the system.
        Application = "application",
        /// The OPPs must be set after the grant.
        Opps = "opps",
        /// The support must have started.
        SupportStart = "support_start",
        /// The end date comes near: evaluate, then close or apply for an extension.
        Evaluation = "evaluation",
        /// The OPPs are evaluated with the parents at least once a year.
        OppEvaluation = "opp_evaluation",
        /// An open action of an integral arrangement ("who does what when") falls due.
        IntegralAction = "integral_action",
        /// A research report of the application reaches its maximum age (2 years): replace it.
        ResearchReport = "research_report",
    }
}

impl DeadlineKind {
    /// What must happen, in plain Dutch (calendar entries, mails).
    pub fn label_nl(self) -> &'static str {
        match self {
            DeadlineKind::Decision => "besluit nemen",
            DeadlineKind::DecisionEscalation => "uiterste datum besluit",
            DeadlineKind::Application => "aanvraag indienen na directe start",
            DeadlineKind::Opps => "OPP's vaststellen",
            DeadlineKind::SupportStart => "ondersteuning starten",
            DeadlineKind::Evaluation => "eindevaluatie houden",
            DeadlineKind::OppEvaluation => "OPP evalueren met ouders",
            DeadlineKind::IntegralAction => "afgesproken actie uitvoeren",
            DeadlineKind::ResearchReport => "verouderd onderzoeksverslag vervangen",
        }
    }
}

/// Weeks before the end date at which the final evaluation is due.
pub const EVALUATION_WEEKS_BEFORE_END: i64 = 4;

/// What the clocks need to know about one arrangement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockInput {
    pub status: Status,
    pub start_route: StartRoute,
    pub created_on: NaiveDate,
    pub definitive_on: Option<NaiveDate>,
    pub granted_on: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Whether every pupil has a published OPP with the guardians' consent.
    pub opps_complete: bool,
    /// Since when the yearly OPP evaluation counts: the oldest of the pupils' latest
    /// evaluations with the parents (or, before any, the plan's publication).
    pub opp_evaluation_from: Option<NaiveDate>,
    /// The dates of the dossier's research reports (undated ones are not judged).
    pub research_report_dates: Vec<NaiveDate>,
}

/// The OPP is evaluated with the parents at least once a year.
pub const OPP_EVALUATION_MONTHS: u32 = 12;

/// One running clock: what, by when, and who must act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub kind: DeadlineKind,
    pub due: Deadline,
    pub actor: Role,
}

/// The clocks that run for an arrangement now.
pub fn clocks(rules: &RuleSet, workflow: &WorkflowConfig, input: &ClockInput) -> Vec<Clock> {
    let weeks = |from: NaiveDate, n: u32| Deadline { due: add_weeks(from, i64::from(n)) };
    let mut out = Vec::new();
    match input.status {
        Status::Draft | Status::ChangesRequested | Status::Submitted | Status::Approved => {
            if input.start_route == StartRoute::DirectStart
                && let Some(n) = rules.deadlines.application_weeks_after_direct_start
            {
                out.push(Clock {
                    kind: DeadlineKind::Application,
                    due: weeks(input.created_on, n),
                    actor: Role::School,
                });
            }
        }
        Status::Definitive => {
            if let Some(from) = input.definitive_on {
                let decider = workflow.decider;
                out.push(Clock {
                    kind: DeadlineKind::Decision,
                    due: weeks(from, rules.decision.weeks),
                    actor: decider,
                });
                out.push(Clock {
                    kind: DeadlineKind::DecisionEscalation,
                    due: weeks(from, rules.decision.escalation_weeks),
                    actor: decider,
                });
            }
        }
        Status::Granted | Status::InExecution => {
            if let Some(granted) = input.granted_on {
                if !input.opps_complete
                    && let Some(n) = rules.deadlines.opp_weeks_after_grant
                {
                    out.push(Clock { kind: DeadlineKind::Opps, due: weeks(granted, n), actor: Role::School });
                }
                if input.status == Status::Granted
                    && let Some(n) = rules.deadlines.support_start_weeks_after_grant
                {
                    out.push(Clock {
                        kind: DeadlineKind::SupportStart,
                        due: weeks(granted, n),
                        actor: Role::School,
                    });
                }
            }
            if input.opps_complete
                && let Some(from) = input.opp_evaluation_from
            {
                let due = from.checked_add_months(chrono::Months::new(OPP_EVALUATION_MONTHS)).unwrap_or(from);
                out.push(Clock {
                    kind: DeadlineKind::OppEvaluation,
                    due: Deadline { due },
                    actor: Role::School,
                });
            }
            if input.status == Status::InExecution
                && let Some(end) = input.end_date
            {
                let due = Deadline { due: add_weeks(end, -EVALUATION_WEEKS_BEFORE_END) };
                out.push(Clock { kind: DeadlineKind::Evaluation, due, actor: Role::School });
            }
        }
        Status::Rejected | Status::Closed | Status::Terminated | Status::Withdrawn => {}
    }
    out.extend(research_report_clock(rules, input));
    out
}

/// The clocks of an integral arrangement's open actions: each is due on its own date, and the
/// school (which keeps regie over the OPP) follows it up. None once the dossier is final.
pub fn integral_action_clocks(status: Status, open_due_dates: &[NaiveDate]) -> Vec<Clock> {
    if status.is_final() {
        return Vec::new();
    }
    open_due_dates
        .iter()
        .map(|&due| Clock { kind: DeadlineKind::IntegralAction, due: Deadline { due }, actor: Role::School })
        .collect()
}

/// Until the decision, the oldest research report of the application must be replaced by the
/// day it passes the rule set's maximum age (24 months: "not older than 2 years"); the school
/// acts. After the decision the application no longer changes, so the clock stops.
fn research_report_clock(rules: &RuleSet, input: &ClockInput) -> Option<Clock> {
    let limit = rules.max_research_report_age_months?;
    let deciding = match input.status {
        Status::Draft
        | Status::ChangesRequested
        | Status::Submitted
        | Status::Approved
        | Status::Definitive => true,
        Status::Granted
        | Status::InExecution
        | Status::Rejected
        | Status::Closed
        | Status::Terminated
        | Status::Withdrawn => false,
    };
    let oldest = input.research_report_dates.iter().min().filter(|_| deciding)?;
    let due = oldest.checked_add_months(chrono::Months::new(limit.months))?;
    Some(Clock { kind: DeadlineKind::ResearchReport, due: Deadline { due }, actor: Role::School })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::ArrangementKind;
    use crate::policy::Policy;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn input(status: Status) -> ClockInput {
        ClockInput {
            status,
            start_route: StartRoute::DirectStart,
            created_on: d(2026, 9, 1),
            definitive_on: Some(d(2026, 10, 1)),
            granted_on: Some(d(2026, 10, 15)),
            end_date: Some(d(2027, 7, 16)),
            opps_complete: false,
            opp_evaluation_from: None,
            research_report_dates: Vec::new(),
        }
    }

    fn run(policy: &Policy, kind: ArrangementKind, i: &ClockInput) -> Vec<(DeadlineKind, NaiveDate, Role)> {
        let rules = policy.rule_set(kind).expect("rules");
        clocks(rules, &WorkflowConfig::for_kind(policy, kind), i)
            .into_iter()
            .map(|c| (c.kind, c.due.due, c.actor))
            .collect()
    }

    #[test]
    fn a_definitive_utrecht_application_is_decided_within_six_weeks_at_most_ten() {
        let got = run(&Policy::utrecht_po(), ArrangementKind::Individual, &input(Status::Definitive));
        assert_eq!(
            got,
            vec![
                (DeadlineKind::Decision, d(2026, 11, 12), Role::SwvAdmin),
                (DeadlineKind::DecisionEscalation, d(2026, 12, 10), Role::SwvAdmin),
            ]
        );
    }

    #[test]
    fn a_granted_utrecht_cluster_owes_its_opps_six_weeks_after_the_grant() {
        let got = run(&Policy::utrecht_po(), ArrangementKind::Cluster, &input(Status::Granted));
        assert_eq!(got, vec![(DeadlineKind::Opps, d(2026, 11, 26), Role::School)]);
        let done = ClockInput { opps_complete: true, ..input(Status::Granted) };
        assert!(run(&Policy::utrecht_po(), ArrangementKind::Cluster, &done).is_empty());
    }

    #[test]
    fn consented_opps_are_evaluated_with_the_parents_within_a_year() {
        let set = ClockInput {
            opps_complete: true,
            opp_evaluation_from: Some(d(2026, 11, 20)),
            ..input(Status::InExecution)
        };
        let got = run(&Policy::utrecht_po(), ArrangementKind::Individual, &set);
        assert!(got.contains(&(DeadlineKind::OppEvaluation, d(2027, 11, 20), Role::School)), "{got:?}");
        let unconsented = ClockInput { opps_complete: false, ..set.clone() };
        let got = run(&Policy::utrecht_po(), ArrangementKind::Individual, &unconsented);
        assert!(got.iter().all(|c| c.0 != DeadlineKind::OppEvaluation), "{got:?}");
        assert!(got.iter().any(|c| c.0 == DeadlineKind::Opps), "{got:?}");
    }

    #[test]
    fn de_liemers_support_starts_within_four_weeks_of_the_grant() {
        let got = run(&Policy::de_liemers(), ArrangementKind::Individual, &input(Status::Granted));
        assert!(got.contains(&(DeadlineKind::SupportStart, d(2026, 11, 12), Role::School)), "{got:?}");
    }

    #[test]
    fn a_direct_start_files_its_application_within_six_weeks() {
        let got = run(&Policy::utrecht_po(), ArrangementKind::Cluster, &input(Status::Draft));
        assert_eq!(got, vec![(DeadlineKind::Application, d(2026, 10, 13), Role::School)]);
    }

    #[test]
    fn a_research_report_is_due_for_replacement_two_years_after_its_date_until_the_decision() {
        let with_reports = |status| ClockInput {
            research_report_dates: vec![d(2025, 3, 10), d(2024, 11, 30)],
            ..input(status)
        };
        for policy in [Policy::utrecht_po(), Policy::de_liemers()] {
            let got = run(&policy, ArrangementKind::Individual, &with_reports(Status::Submitted));
            assert_eq!(
                got,
                vec![(DeadlineKind::ResearchReport, d(2026, 11, 30), Role::School)],
                "the oldest"
            );
        }
        let got = run(&Policy::utrecht_po(), ArrangementKind::Cluster, &with_reports(Status::Definitive));
        assert!(got.contains(&(DeadlineKind::ResearchReport, d(2026, 11, 30), Role::School)), "{got:?}");
        for status in [Status::Granted, Status::InExecution, Status::Closed] {
            let got = run(&Policy::utrecht_po(), ArrangementKind::Individual, &with_reports(status));
            assert!(got.iter().all(|c| c.0 != DeadlineKind::ResearchReport), "{status:?}: {got:?}");
        }
        // a partnership without the rule runs no such clock
        let mut lenient = Policy::utrecht_po();
        if let Some(rules) = lenient.individual.as_mut() {
            rules.max_research_report_age_months = None;
        }
        assert!(run(&lenient, ArrangementKind::Individual, &with_reports(Status::Submitted)).is_empty());
    }

    #[test]
    fn execution_asks_for_the_evaluation_four_weeks_before_the_end_and_final_statuses_stop_all_clocks() {
        let got = run(&Policy::utrecht_po(), ArrangementKind::Individual, &input(Status::InExecution));
        assert!(got.contains(&(DeadlineKind::Evaluation, d(2027, 6, 18), Role::School)), "{got:?}");
        for status in [Status::Closed, Status::Rejected, Status::Withdrawn, Status::Terminated] {
            assert!(run(&Policy::utrecht_po(), ArrangementKind::Individual, &input(status)).is_empty());
        }
    }

    #[test]
    fn every_open_integral_action_is_a_clock_until_the_dossier_is_final() {
        let dues = [d(2027, 2, 1), d(2027, 3, 15)];
        let got = integral_action_clocks(Status::InExecution, &dues);
        assert_eq!(
            got.iter().map(|c| (c.kind, c.due.due, c.actor)).collect::<Vec<_>>(),
            vec![
                (DeadlineKind::IntegralAction, d(2027, 2, 1), Role::School),
                (DeadlineKind::IntegralAction, d(2027, 3, 15), Role::School),
            ]
        );
        assert!(got[0].due.is_overdue(d(2027, 2, 2)));
        assert!(integral_action_clocks(Status::Closed, &dues).is_empty());
        assert!(integral_action_clocks(Status::Draft, &[]).is_empty());
    }
}
