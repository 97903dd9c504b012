//! Pupils, amounts, hourly rates, hours per week and weeks.

use super::*;
use crate::policy::{has_blocks, warnings};

#[test]
fn liemers_max_hours_per_week_blocks_3_5_hours_and_passes_3() {
    let policy = Policy::de_liemers();
    let too_many =
        ArrangementFacts { direct_minutes_per_week: Some(210), ..liemers(ArrangementKind::Individual) };
    let findings = evaluate(&policy, &too_many);
    let f = one(&findings, "max_minutes_per_week");
    assert_eq!(f.severity, Severity::Block);
    assert_eq!(f.field, "directMinutesPerWeek");
    assert_eq!(
        f.message_nl,
        "3,5 uur per week is meer dan het maximum van 3 uur per week van SWV de Liemers."
    );
    assert_eq!(
        f.message_en,
        "3.5 hours per week is more than the maximum of 3 hours per week of SWV de Liemers."
    );
    assert_eq!(f.params["fundedMinutesPerWeek"], "210");
    assert_eq!(f.params["maxMinutes"], "180");

    let three = ArrangementFacts {
        direct_minutes_per_week: Some(180),
        school_minutes_per_week: Some(180),
        amount_per_year_cents: Some(405_000),
        ..liemers(ArrangementKind::Individual)
    };
    assert_eq!(evaluate(&policy, &three), vec![]);
}

#[test]
fn liemers_max_hours_per_week_counts_indirect_time_too() {
    let facts = ArrangementFacts {
        direct_minutes_per_week: Some(180),
        indirect_minutes_per_week: Some(30),
        school_minutes_per_week: Some(180),
        ..liemers(ArrangementKind::Cluster)
    };
    let findings = evaluate(&Policy::de_liemers(), &facts);
    let f = one(&findings, "max_minutes_per_week");
    assert!(f.message_nl.contains("(direct en indirect samen)"), "{}", f.message_nl);
}

#[test]
fn liemers_amount_is_capped_at_hours_times_yearly_rate_of_teaching_assistant_scale_4() {
    // 3 h/week × €1,350 = €4,050 a year.
    let at = |cents| ArrangementFacts {
        direct_minutes_per_week: Some(180),
        school_minutes_per_week: Some(180),
        amount_per_year_cents: Some(cents),
        ..liemers(ArrangementKind::Individual)
    };
    none_of(&evaluate(&Policy::de_liemers(), &at(405_000)), "amount_per_weekly_hour");
    let findings = evaluate(&Policy::de_liemers(), &at(405_001));
    let f = one(&findings, "amount_per_weekly_hour");
    assert_eq!(f.severity, Severity::Block);
    assert_eq!(f.params["capCents"], "405000");
    assert_eq!(
        f.message_nl,
        "€ 4.050,01 per jaar is meer dan 3 uur per week × € 1.350 per jaar per wekelijks uur = € 4.050 \
         van SWV de Liemers."
    );
}

#[test]
fn utrecht_individual_amount_cap_is_7000_regular_and_3500_sbo_and_none_for_so() {
    let policy = Policy::utrecht_po();
    let at = |school_type, cents| ArrangementFacts {
        school_type: Some(school_type),
        amount_per_year_cents: Some(cents),
        ..utrecht_individual()
    };
    none_of(&evaluate(&policy, &at(SchoolType::Regular, 700_000)), "amount_cap");
    let findings = evaluate(&policy, &at(SchoolType::Regular, 700_001));
    let f = one(&findings, "amount_cap");
    assert_eq!(f.severity, Severity::Block);
    assert_eq!(f.field, "amountPerYearCents");
    assert_eq!(
        f.message_nl,
        "€ 7.000,01 per jaar is meer dan het maximum van € 7.000 per jaar voor een reguliere basisschool \
         van SWV Utrecht PO."
    );
    assert_eq!(f.message_en.split(" per year").next(), Some("€7,000.01"));

    none_of(&evaluate(&policy, &at(SchoolType::Sbo, 350_000)), "amount_cap");
    let findings = evaluate(&policy, &at(SchoolType::Sbo, 350_001));
    assert_eq!(one(&findings, "amount_cap").params["capCents"], "350000");

    none_of(&evaluate(&policy, &at(SchoolType::So, 5_000_000)), "amount_cap");
}

#[test]
fn amount_cap_without_school_type_is_only_info() {
    let facts =
        ArrangementFacts { school_type: None, amount_per_year_cents: Some(900_000), ..utrecht_individual() };
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    let f = one(&findings, "amount_cap");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Info, "schoolType"));
}

#[test]
fn utrecht_cluster_has_no_amount_cap_but_asks_to_justify_the_amount() {
    let facts = ArrangementFacts { amount_per_year_cents: Some(2_500_000), ..utrecht_cluster() };
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    none_of(&findings, "amount_cap");
    let f = one(&findings, "amount_justification");
    assert_eq!(f.severity, Severity::Warn);
    assert!(f.message_nl.contains("€ 25.000 per jaar moet passend zijn"), "{}", f.message_nl);
    assert_eq!(warnings(&findings).len(), 1);
    assert!(!has_blocks(&findings));
}

#[test]
fn utrecht_cluster_hourly_rate_above_100_euros_blocks() {
    let at = |cents| ArrangementFacts { hourly_rate_cents: Some(cents), ..utrecht_cluster() };
    let findings = evaluate(&Policy::utrecht_po(), &at(12_000));
    let f = one(&findings, "hourly_rate_cap");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Block, "hourlyRateCents"));
    assert_eq!(
        f.message_nl,
        "Een uurtarief van € 120 is hoger dan het maximum van € 100 per uur van SWV Utrecht PO."
    );
    assert_eq!(evaluate(&Policy::utrecht_po(), &at(10_000)), vec![]);
    assert!(has_blocks(&evaluate(&Policy::utrecht_po(), &at(10_001))));
}

#[test]
fn utrecht_individual_staff_rate_table_caps_internal_staff_by_function_and_scale() {
    let policy = Policy::utrecht_po();
    let at = |function, scale, cents| ArrangementFacts {
        staff_function: Some(function),
        salary_scale: Some(scale),
        hourly_rate_cents: Some(cents),
        ..utrecht_individual()
    };
    none_of(&evaluate(&policy, &at(StaffFunction::Teacher, SalaryScale::Lb, 5_700)), "staff_rate");
    let findings = evaluate(&policy, &at(StaffFunction::Teacher, SalaryScale::Lb, 5_701));
    let f = one(&findings, "staff_rate");
    assert_eq!(f.severity, Severity::Block);
    assert!(f.message_nl.contains("€ 57 per uur voor een leerkracht in schaal LB"), "{}", f.message_nl);
    let findings = evaluate(&policy, &at(StaffFunction::Orthopedagogue, SalaryScale::Scale11, 6_001));
    assert_eq!(one(&findings, "staff_rate").params["capCents"], "6000");

    // A combination the table does not list asks for a justification.
    let findings = evaluate(&policy, &at(StaffFunction::Teacher, SalaryScale::Scale4, 3_000));
    let f = one(&findings, "staff_rate_unlisted");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Warn, "salaryScale"));

    // External executors are not judged by the staff table.
    let external = ArrangementFacts {
        executor_kind: Some(ExecutorKind::External),
        ..at(StaffFunction::Teacher, SalaryScale::Lb, 9_000)
    };
    none_of(&evaluate(&policy, &external), "staff_rate");

    // Function or scale not chosen yet: info only.
    let half = ArrangementFacts { salary_scale: None, ..utrecht_individual() };
    let findings = evaluate(&policy, &half);
    assert_eq!((one(&findings, "staff_rate").severity, findings.len()), (Severity::Info, 1));
}

#[test]
fn utrecht_individual_funds_at_most_40_school_weeks() {
    let at = |weeks| ArrangementFacts { weeks: Some(weeks), ..utrecht_individual() };
    none_of(&evaluate(&Policy::utrecht_po(), &at(40)), "max_weeks_per_year");
    let findings = evaluate(&Policy::utrecht_po(), &at(41));
    let f = one(&findings, "max_weeks_per_year");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Block, "weeks"));
    assert_eq!(
        f.message_nl,
        "41 schoolweken per jaar is meer dan het maximum van 40 schoolweken van SWV Utrecht PO."
    );
}

#[test]
fn cluster_of_one_pupil_blocks_in_utrecht_and_liemers() {
    let utrecht = ArrangementFacts { pupils: vec![pupil("p1", None)], ..utrecht_cluster() };
    let findings = evaluate(&Policy::utrecht_po(), &utrecht);
    let f = one(&findings, "min_pupils");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Block, "pupilCount"));
    assert_eq!(
        f.message_nl,
        "Dit arrangement heeft 1 leerling; een clusterarrangement van SWV Utrecht PO vraagt minstens 2 leerlingen."
    );

    let liemers_one = ArrangementFacts { pupil_count: Some(1), ..liemers(ArrangementKind::Cluster) };
    assert_eq!(one(&evaluate(&Policy::de_liemers(), &liemers_one), "min_pupils").severity, Severity::Block);
    none_of(&evaluate(&Policy::de_liemers(), &liemers(ArrangementKind::Cluster)), "min_pupils");
}

#[test]
fn utrecht_cluster_indirect_time_above_30_percent_of_direct_warns() {
    let at = |indirect| ArrangementFacts {
        direct_minutes_per_week: Some(600),
        indirect_minutes_per_week: Some(indirect),
        ..utrecht_cluster()
    };
    none_of(&evaluate(&Policy::utrecht_po(), &at(180)), "max_indirect_percent");
    let findings = evaluate(&Policy::utrecht_po(), &at(186));
    let f = one(&findings, "max_indirect_percent");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Warn, "indirectMinutesPerWeek"));
    assert_eq!(
        f.message_nl,
        "Indirecte tijd is 31% van de directe tijd (3,1 uur tegen 10 uur per week); het maximum van SWV Utrecht PO is 30%."
    );
    // Indirect time with no direct time at all is over any percentage.
    let findings =
        evaluate(&Policy::utrecht_po(), &ArrangementFacts { direct_minutes_per_week: Some(0), ..at(30) });
    assert_eq!(one(&findings, "max_indirect_percent").severity, Severity::Warn);
}

#[test]
fn utrecht_cluster_guidance_outside_the_class_above_2_5_hours_warns() {
    let at =
        |minutes| ArrangementFacts { outside_class_minutes_per_week: Some(minutes), ..utrecht_cluster() };
    none_of(&evaluate(&Policy::utrecht_po(), &at(150)), "max_outside_class_minutes_per_week");
    let findings = evaluate(&Policy::utrecht_po(), &at(165));
    let f = one(&findings, "max_outside_class_minutes_per_week");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Warn, "outsideClassMinutesPerWeek"));
    assert!(
        f.message_nl.starts_with("2,75 uur per week advies en begeleiding buiten de klas"),
        "{}",
        f.message_nl
    );
    assert!(f.message_nl.contains("maximum van 2,5 uur per week"), "{}", f.message_nl);
}

#[test]
fn liemers_school_share_below_50_percent_of_needed_hours_warns() {
    // Needed = school's own + direct; 98 of 200 minutes = 49%.
    let at = |own, direct| ArrangementFacts {
        school_minutes_per_week: Some(own),
        direct_minutes_per_week: Some(direct),
        amount_per_year_cents: None,
        ..liemers(ArrangementKind::Individual)
    };
    let findings = evaluate(&Policy::de_liemers(), &at(98, 102));
    let f = one(&findings, "min_school_share");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Warn, "schoolMinutesPerWeek"));
    assert!(f.message_nl.starts_with("De school levert zelf 49% van de benodigde uren"), "{}", f.message_nl);
    none_of(&evaluate(&Policy::de_liemers(), &at(100, 100)), "min_school_share");
    none_of(&evaluate(&Policy::de_liemers(), &at(0, 0)), "min_school_share");
}
