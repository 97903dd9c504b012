//! Duration from the grant and periods bound to the school year.

use super::*;

#[test]
fn utrecht_individual_lasts_at_most_one_year_from_the_grant() {
    let at = |end| ArrangementFacts {
        grant_date: Some(d(2026, 3, 1)),
        end_date: Some(end),
        ..utrecht_individual()
    };
    none_of(&evaluate(&Policy::utrecht_po(), &at(d(2027, 3, 1))), "max_duration_from_grant");
    let findings = evaluate(&Policy::utrecht_po(), &at(d(2027, 3, 2)));
    let f = one(&findings, "max_duration_from_grant");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Block, "endDate"));
    assert_eq!(
        f.message_nl,
        "De einddatum 2 maart 2027 ligt meer dan 1 jaar na de toekenning op 1 maart 2026; \
         het arrangement mag van SWV Utrecht PO hooguit tot 1 maart 2027 duren."
    );
    assert_eq!(f.params["lastDate"], "2027-03-01");
}

#[test]
fn duration_before_the_grant_is_measured_from_the_start_as_info_only() {
    let facts = ArrangementFacts {
        grant_date: None,
        start_date: Some(d(2026, 3, 2)),
        end_date: Some(d(2027, 6, 30)),
        ..utrecht_individual()
    };
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    assert_eq!(one(&findings, "max_duration_from_grant").severity, Severity::Info);
    let within = ArrangementFacts { end_date: Some(d(2027, 3, 2)), ..facts };
    none_of(&evaluate(&Policy::utrecht_po(), &within), "max_duration_from_grant");
}

#[test]
fn liemers_start_must_fall_at_school_year_start_or_in_january() {
    let at = |start| ArrangementFacts { start_date: Some(start), ..liemers(ArrangementKind::Individual) };
    let findings = evaluate(&Policy::de_liemers(), &at(d(2027, 3, 1)));
    let f = one(&findings, "school_year_start");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Warn, "startDate"));
    assert_eq!(
        f.message_nl,
        "De startdatum 1 maart 2027 valt in maart; een arrangement van SWV de Liemers begint in augustus, \
         september of januari."
    );
    for start in [d(2026, 8, 1), d(2026, 8, 24), d(2026, 9, 1), d(2027, 1, 5)] {
        assert_eq!(evaluate(&Policy::de_liemers(), &at(start)), vec![], "{start}");
    }
}

#[test]
fn liemers_end_must_fall_at_school_year_end() {
    let at = |end| ArrangementFacts { end_date: Some(end), ..liemers(ArrangementKind::Individual) };
    let findings = evaluate(&Policy::de_liemers(), &at(d(2027, 6, 30)));
    let f = one(&findings, "school_year_end");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Warn, "endDate"));
    assert!(f.message_nl.contains("valt in juni; een arrangement van SWV de Liemers eindigt in juli."));
    for end in [d(2027, 7, 1), d(2027, 7, 31)] {
        assert_eq!(evaluate(&Policy::de_liemers(), &at(end)), vec![], "{end}");
    }
}

#[test]
fn liemers_period_covers_one_school_year_at_most() {
    let facts = ArrangementFacts {
        start_date: Some(d(2027, 1, 4)),
        end_date: Some(d(2028, 7, 14)),
        ..liemers(ArrangementKind::Individual)
    };
    let findings = evaluate(&Policy::de_liemers(), &facts);
    let f = one(&findings, "school_year_single");
    assert_eq!(f.params["schoolYearEnd"], "2027-07-31");
    assert!(f.message_nl.contains("schooljaar 2026/2027 (31 juli 2027)"), "{}", f.message_nl);
    none_of(&findings, "school_year_end");
}

#[test]
fn periods_are_not_judged_where_the_preset_has_no_such_rule() {
    let facts = ArrangementFacts {
        start_date: Some(d(2026, 3, 16)),
        end_date: Some(d(2029, 6, 1)),
        grant_date: Some(d(2026, 3, 1)),
        ..holland_rijnland()
    };
    assert_eq!(evaluate(&Policy::holland_rijnland(), &facts), vec![]);
    let cluster = ArrangementFacts { end_date: Some(d(2029, 6, 1)), ..utrecht_cluster() };
    assert_eq!(evaluate(&Policy::utrecht_po(), &cluster), vec![]);
}
