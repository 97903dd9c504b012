//! Presets, validation, serialisation and half-filled forms.

use proptest::prelude::*;

use super::*;
use crate::policy::{
    CentsLimit, DecidingBody, PaymentScheme, PolicyProblemCode, StaffRate, has_blocks, presets, text,
    validate,
};

#[test]
fn presets_have_their_codes_and_names_and_pass_validate() {
    let list = presets();
    let codes: Vec<&str> = list.iter().map(|(code, _, _)| *code).collect();
    assert_eq!(codes, ["utrecht-po", "liemers-po", "holland-rijnland-po"]);
    for (code, name, policy) in list {
        assert_eq!(validate(&policy), Ok(()), "{code}");
        assert_eq!(policy.name, name);
    }
}

#[test]
fn presets_carry_decision_deadline_and_payment_settings() {
    let utrecht = Policy::utrecht_po();
    let (individual, cluster) = (utrecht.individual.expect("individual"), utrecht.cluster.expect("cluster"));
    assert_eq!(
        (individual.decision.decided_by, individual.decision.weeks, individual.decision.escalation_weeks),
        (DecidingBody::Tlc, 6, 10)
    );
    assert_eq!(individual.payment, Some(PaymentScheme::PerCalendarYear));
    assert_eq!(cluster.decision.decided_by, DecidingBody::Consultant);
    assert_eq!(cluster.deadlines.application_weeks_after_direct_start, Some(6));
    assert_eq!(cluster.deadlines.opp_weeks_after_grant, Some(6));
    assert_eq!(utrecht.integral, None);

    let liemers = Policy::de_liemers().individual.expect("individual");
    assert_eq!(liemers.decision.decided_by, DecidingBody::Director);
    assert_eq!(liemers.deadlines.support_start_weeks_after_grant, Some(4));
    assert_eq!(liemers.payment, Some(PaymentScheme::AdvanceAndSettlement { advance_percent: 75 }));

    let rijnland = Policy::holland_rijnland();
    let integral = rijnland.integral.expect("integral");
    assert_eq!(integral.decision.decided_by, DecidingBody::BroadMeeting);
    assert_eq!(
        (integral.amount_cap_cents, integral.hourly_rate_cap_cents, integral.payment),
        (None, None, None)
    );
    assert_eq!((rijnland.individual, rijnland.cluster), (None, None));
}

#[test]
fn kind_without_rule_set_gives_one_info_finding() {
    let facts = ArrangementFacts::new(ArrangementKind::Integral, today());
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].rule_id.as_str(), findings[0].severity), ("kind_without_rules", Severity::Info));
}

#[test]
fn half_filled_form_gives_no_blocks_but_missing_documents() {
    for (code, _, policy) in presets() {
        for kind in ArrangementKind::ALL {
            let findings = evaluate(&policy, &ArrangementFacts::new(*kind, today()));
            for f in &findings {
                assert!(
                    f.severity != Severity::Block || f.rule_id.starts_with("required_attachment."),
                    "{code} {kind}: {f:#?}"
                );
                assert!(f.severity != Severity::Warn, "{code} {kind}: {f:#?}");
            }
        }
    }
    // With all documents present, an empty Liemers form only asks to confirm its preconditions.
    let facts = ArrangementFacts {
        attachments: vec![doc(AttachmentKind::Opp), doc(AttachmentKind::Quote)],
        ..ArrangementFacts::new(ArrangementKind::Individual, today())
    };
    let findings = evaluate(&Policy::de_liemers(), &facts);
    assert_eq!(findings.len(), 3);
    assert!(!has_blocks(&findings));
}

#[test]
fn findings_come_in_a_stable_order() {
    let facts = ArrangementFacts {
        direct_minutes_per_week: Some(600),
        amount_per_year_cents: Some(2_000_000),
        school_minutes_per_week: Some(60),
        start_date: Some(d(2027, 3, 1)),
        counsellor_supports: Some(false),
        attachments: vec![],
        ..liemers(ArrangementKind::Cluster)
    };
    let findings = evaluate(&Policy::de_liemers(), &facts);
    let ids: Vec<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "amount_per_weekly_hour",
            "max_minutes_per_week",
            "min_school_share",
            "school_year_start",
            "precondition.counsellor_supports",
            "required_attachment.opp",
            "required_attachment.quote_or_agreement_or_hours_statement",
        ]
    );
    assert_eq!(evaluate(&Policy::de_liemers(), &facts), findings);
}

#[test]
fn nonsense_policy_fails_validate_naming_the_field() {
    let mut policy = Policy::utrecht_po();
    if let Some(individual) = policy.individual.as_mut() {
        individual.amount_cap_cents = individual.amount_cap_cents.map(|mut c| {
            c.sbo = Some(-350_000);
            c
        });
        individual.decision.weeks = 0;
        individual.staff_rates.as_mut().expect("table").rates.push(StaffRate {
            function: StaffFunction::Teacher,
            scale: SalaryScale::La,
            max_cents_per_hour: 1,
        });
    }
    if let Some(cluster) = policy.cluster.as_mut() {
        cluster.min_pupils = cluster.min_pupils.map(|mut m| {
            m.count = 1;
            m
        });
        cluster.max_indirect_percent_of_direct = cluster.max_indirect_percent_of_direct.map(|mut p| {
            p.percent = 130;
            p
        });
        cluster.decision.escalation_weeks = 4;
        cluster.hourly_rate_cap_cents = Some(CentsLimit { cents: 0, severity: Severity::Block });
        cluster.attachments[1].any_of.clear();
    }
    let problems = validate(&policy).expect_err("nonsense");
    let got: Vec<(&str, PolicyProblemCode)> = problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
    assert_eq!(
        got,
        [
            ("individual.decision.weeks", PolicyProblemCode::MustBePositive),
            ("individual.amountCapCents.sbo", PolicyProblemCode::MustBePositive),
            ("individual.staffRates.rates[9]", PolicyProblemCode::Duplicate),
            ("cluster.decision.escalationWeeks", PolicyProblemCode::EscalationBeforeNormal),
            ("cluster.minPupils.count", PolicyProblemCode::TooFewPupils),
            ("cluster.hourlyRateCapCents.cents", PolicyProblemCode::MustBePositive),
            ("cluster.maxIndirectPercentOfDirect.percent", PolicyProblemCode::PercentOver100),
            ("cluster.attachments[1].anyOf", PolicyProblemCode::Empty),
        ]
    );
    assert_eq!(problems[1].message, "must be more than 0 cents, not -350000");
}

#[test]
fn validate_rejects_other_nonsense() {
    let mut policy = Policy::de_liemers();
    policy.format = 2;
    policy.name = " ".into();
    if let Some(set) = policy.individual.as_mut() {
        set.min_pupils = Some(crate::policy::CountLimit { count: 2, severity: Severity::Block });
        set.school_year_period.as_mut().expect("period").start_months.push(13);
        set.payment = Some(PaymentScheme::AdvanceAndSettlement { advance_percent: 101 });
        set.deadlines.support_start_weeks_after_grant = Some(0);
    }
    policy.cluster = policy.cluster.map(|set| crate::policy::RuleSet { min_pupils: None, ..set });
    let fields: Vec<String> = validate(&policy).expect_err("nonsense").into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            "format",
            "name",
            "individual.minPupils.count",
            "individual.schoolYearPeriod.startMonths[3]",
            "individual.deadlines.supportStartWeeksAfterGrant",
            "individual.payment.advancePercent",
            "cluster.minPupils",
        ]
    );
    let empty = Policy { individual: None, cluster: None, integral: None, ..Policy::holland_rijnland() };
    assert_eq!(validate(&empty).expect_err("empty")[0].code, PolicyProblemCode::Empty);
}

#[test]
fn policy_round_trips_through_json_unchanged() {
    for (code, _, policy) in presets() {
        let json = serde_json::to_string(&policy).expect("serialise");
        let back: Policy = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, policy, "{code}");
    }
    let json = serde_json::to_value(Policy::de_liemers()).expect("json");
    assert_eq!(
        json["individual"]["maxMinutesPerWeek"],
        serde_json::json!({"minutes": 180, "severity": "block"})
    );
    assert_eq!(
        json["individual"]["payment"],
        serde_json::json!({"scheme": "advance_and_settlement", "advancePercent": 75})
    );
    assert_eq!(json["individual"]["decision"]["decidedBy"], "director");
    let json = serde_json::to_value(Policy::utrecht_po()).expect("json");
    assert_eq!(json["individual"]["amountCapCents"]["sbo"], 350_000);
    assert_eq!(
        json["cluster"]["attachments"][1]["anyOf"],
        serde_json::json!(["quote", "agreement", "hours_statement"])
    );
    assert_eq!(json["cluster"]["preconditions"][0]["condition"], "anonymised_at_request");
}

#[test]
fn policy_json_with_a_misspelt_rule_is_rejected() {
    let mut json = serde_json::to_value(Policy::de_liemers()).expect("json");
    json["individual"]["maxMinutePerWeek"] = serde_json::json!({"minutes": 60, "severity": "block"});
    assert!(serde_json::from_value::<Policy>(json).is_err());
}

#[test]
fn facts_from_a_half_filled_form_deserialise() {
    let facts: ArrangementFacts =
        serde_json::from_str(r#"{"kind": "cluster", "today": "2026-03-01", "directMinutesPerWeek": 90}"#)
            .expect("facts");
    assert_eq!(
        facts,
        ArrangementFacts {
            direct_minutes_per_week: Some(90),
            ..ArrangementFacts::new(ArrangementKind::Cluster, today())
        }
    );
}

#[test]
fn numbers_are_written_the_dutch_and_english_way() {
    let e = text::euros(700_001);
    assert_eq!((e.nl.as_str(), e.en.as_str()), ("€ 7.000,01", "€7,000.01"));
    let e = text::euros(123_456_789);
    assert_eq!((e.nl.as_str(), e.en.as_str()), ("€ 1.234.567,89", "€1,234,567.89"));
    assert_eq!(text::euros(-5_000).nl, "-€ 50");
    let h = text::hours(165);
    assert_eq!((h.nl.as_str(), h.en.as_str()), ("2,75", "2.75"));
    assert_eq!(text::hours(20).nl, "0,33");
    assert_eq!(text::percent(186, 600).nl, "31");
    assert_eq!(text::percent(1, 3).en, "33.3");
    assert_eq!(text::date(d(2026, 3, 1)).en, "1 March 2026");
}

proptest! {
    /// Whatever the form holds, evaluation is total and deterministic.
    #[test]
    fn evaluate_never_panics(
        kind in 0usize..3,
        minutes in proptest::option::of(any::<u32>()),
        indirect in proptest::option::of(any::<u32>()),
        cents in proptest::option::of(any::<i64>()),
        count in proptest::option::of(any::<u32>()),
        days in proptest::option::of(-400_000i64..400_000),
        months in 1u32..200,
    ) {
        let date = |offset: i64| today().checked_add_signed(chrono::Duration::days(offset));
        let facts = ArrangementFacts {
            pupil_count: count,
            direct_minutes_per_week: minutes,
            indirect_minutes_per_week: indirect,
            outside_class_minutes_per_week: minutes,
            school_minutes_per_week: indirect,
            weeks: count,
            hourly_rate_cents: cents,
            amount_per_year_cents: cents,
            executor_kind: Some(ExecutorKind::Internal),
            start_date: days.and_then(date),
            end_date: days.and_then(|d| date(-d)),
            grant_date: days.and_then(|d| date(d / 2)),
            attachments: vec![AttachmentFact {
                kind: AttachmentKind::ResearchReport,
                pupil: None,
                document_date: days.and_then(date),
            }],
            ..ArrangementFacts::new(ArrangementKind::ALL[kind], today())
        };
        for (_, _, mut policy) in presets() {
            if let Some(set) = policy.individual.as_mut() {
                set.max_months_from_grant = Some(crate::policy::MonthsLimit { months, severity: Severity::Block });
            }
            prop_assert_eq!(evaluate(&policy, &facts), evaluate(&policy, &facts));
        }
    }
}
