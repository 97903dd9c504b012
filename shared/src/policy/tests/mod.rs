//! Acceptance tests: one per rule and preset, with every number of DOMAIN.md's table.

mod documents;
mod numbers;
mod periods;
mod presets;

use chrono::NaiveDate;

use super::{ArrangementFacts, AttachmentFact, Finding, Policy, PupilFact, Severity, evaluate};
use crate::api::schools::SchoolType;
use crate::kinds::{ArrangementKind, AttachmentKind, ExecutorKind, SalaryScale, StaffFunction};

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

const TODAY: (i32, u32, u32) = (2026, 3, 1);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn doc(kind: AttachmentKind) -> AttachmentFact {
    AttachmentFact { kind, pupil: None, document_date: None }
}

fn pupil_doc(kind: AttachmentKind, pupil: &str) -> AttachmentFact {
    AttachmentFact { kind, pupil: Some(pupil.into()), document_date: None }
}

fn pupil(key: &str, label: Option<&str>) -> PupilFact {
    PupilFact { key: key.into(), label: label.map(Into::into) }
}

/// The findings with this rule id.
fn with_id<'a>(findings: &'a [Finding], rule_id: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule_id == rule_id).collect()
}

/// The one finding with this rule id (fails otherwise).
fn one<'a>(findings: &'a [Finding], rule_id: &str) -> &'a Finding {
    let found = with_id(findings, rule_id);
    assert_eq!(found.len(), 1, "expected one {rule_id}, got {findings:#?}");
    found[0]
}

fn none_of(findings: &[Finding], rule_id: &str) {
    assert!(with_id(findings, rule_id).is_empty(), "expected no {rule_id}, got {findings:#?}");
}

/// A complete, valid Utrecht individual application: no findings at all.
fn utrecht_individual() -> ArrangementFacts {
    use AttachmentKind::*;
    ArrangementFacts {
        school_type: Some(SchoolType::Regular),
        pupil_count: Some(1),
        direct_minutes_per_week: Some(120),
        indirect_minutes_per_week: Some(30),
        weeks: Some(40),
        start_date: Some(d(2026, 3, 2)),
        end_date: Some(d(2027, 2, 20)),
        grant_date: Some(d(2026, 2, 20)),
        hourly_rate_cents: Some(5_700),
        executor_kind: Some(ExecutorKind::Internal),
        staff_function: Some(StaffFunction::Teacher),
        salary_scale: Some(SalaryScale::Lb),
        amount_per_year_cents: Some(600_000),
        attachments: [Opp, HoursStatement, StartMeetingReport, ConsultantAdvice, TeacherSchoolGoals]
            .into_iter()
            .map(doc)
            .collect(),
        ..ArrangementFacts::new(ArrangementKind::Individual, today())
    }
}

/// A complete, valid Utrecht cluster application (no amount yet, so no justification asked).
fn utrecht_cluster() -> ArrangementFacts {
    use AttachmentKind::*;
    ArrangementFacts {
        school_type: Some(SchoolType::Regular),
        pupils: vec![pupil("p1", Some("leerling A")), pupil("p2", Some("leerling B"))],
        direct_minutes_per_week: Some(600),
        indirect_minutes_per_week: Some(180),
        outside_class_minutes_per_week: Some(150),
        hourly_rate_cents: Some(10_000),
        executor_kind: Some(ExecutorKind::External),
        anonymised_at_request: Some(true),
        attachments: vec![
            pupil_doc(Opp, "p1"),
            pupil_doc(Opp, "p2"),
            doc(Quote),
            doc(StartMeetingReport),
            doc(ConsultantAdvice),
            doc(TeacherSchoolGoals),
        ],
        ..ArrangementFacts::new(ArrangementKind::Cluster, today())
    }
}

/// A complete, valid de Liemers application: 2 h/week, the school 2 h/week itself,
/// one school year, amount 2 × €1,350.
fn liemers(kind: ArrangementKind) -> ArrangementFacts {
    ArrangementFacts {
        school_type: Some(SchoolType::Regular),
        pupil_count: Some(if kind == ArrangementKind::Cluster { 2 } else { 1 }),
        direct_minutes_per_week: Some(120),
        school_minutes_per_week: Some(120),
        start_date: Some(d(2026, 8, 24)),
        end_date: Some(d(2027, 7, 9)),
        amount_per_year_cents: Some(270_000),
        counsellor_supports: Some(true),
        opp_signed_by_parents: Some(true),
        half_year_needs_based_work: Some(true),
        attachments: vec![doc(AttachmentKind::Opp), doc(AttachmentKind::Opp), doc(AttachmentKind::Agreement)],
        ..ArrangementFacts::new(kind, today())
    }
}

/// A complete, valid Holland Rijnland integral arrangement.
fn holland_rijnland() -> ArrangementFacts {
    ArrangementFacts {
        school_type: Some(SchoolType::Regular),
        own_support_route_followed: Some(true),
        case_director_named: Some(true),
        evaluation_moment_agreed: Some(true),
        attachments: vec![doc(AttachmentKind::Opp)],
        ..ArrangementFacts::new(ArrangementKind::Integral, today())
    }
}

#[test]
fn complete_applications_have_no_findings_in_each_preset() {
    let cases = [
        (Policy::utrecht_po(), utrecht_individual()),
        (Policy::utrecht_po(), utrecht_cluster()),
        (Policy::de_liemers(), liemers(ArrangementKind::Individual)),
        (Policy::de_liemers(), liemers(ArrangementKind::Cluster)),
        (Policy::holland_rijnland(), holland_rijnland()),
    ];
    for (policy, facts) in cases {
        assert_eq!(evaluate(&policy, &facts), vec![], "{} {}", policy.name, facts.kind);
    }
}

#[test]
fn severity_orders_block_before_warn_before_info() {
    assert!(Severity::Block < Severity::Warn && Severity::Warn < Severity::Info);
    assert_eq!(serde_json::to_string(&Severity::Warn).expect("json"), "\"warn\"");
}
