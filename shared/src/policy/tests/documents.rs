//! Preconditions, required attachments and the age of research reports.

use super::*;
use crate::policy::Precondition;

/// Sets one precondition answer on the facts.
fn answer(facts: &mut ArrangementFacts, condition: Precondition, value: Option<bool>) {
    let slot = match condition {
        Precondition::CounsellorSupports => &mut facts.counsellor_supports,
        Precondition::OppSignedByParents => &mut facts.opp_signed_by_parents,
        Precondition::HalfYearNeedsBasedWork => &mut facts.half_year_needs_based_work,
        Precondition::OwnSupportRouteFollowed => &mut facts.own_support_route_followed,
        Precondition::AnonymisedAtRequest => &mut facts.anonymised_at_request,
        Precondition::CaseDirectorNamed => &mut facts.case_director_named,
        Precondition::EvaluationMomentAgreed => &mut facts.evaluation_moment_agreed,
    };
    *slot = value;
}

#[test]
fn each_precondition_false_gives_its_finding_and_unanswered_gives_info() {
    use Precondition::*;
    let cases = [
        (Policy::de_liemers(), liemers(ArrangementKind::Individual), CounsellorSupports, Severity::Block),
        (Policy::de_liemers(), liemers(ArrangementKind::Cluster), OppSignedByParents, Severity::Block),
        (Policy::de_liemers(), liemers(ArrangementKind::Individual), HalfYearNeedsBasedWork, Severity::Block),
        (Policy::holland_rijnland(), holland_rijnland(), OwnSupportRouteFollowed, Severity::Block),
        (Policy::holland_rijnland(), holland_rijnland(), CaseDirectorNamed, Severity::Block),
        (Policy::holland_rijnland(), holland_rijnland(), EvaluationMomentAgreed, Severity::Warn),
        (Policy::utrecht_po(), utrecht_cluster(), AnonymisedAtRequest, Severity::Block),
    ];
    for (policy, complete, condition, severity) in cases {
        let rule_id = format!("precondition.{}", condition.as_str());
        let mut facts = complete.clone();
        answer(&mut facts, condition, Some(false));
        let findings = evaluate(&policy, &facts);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = one(&findings, &rule_id);
        assert_eq!((f.severity, f.field.as_str()), (severity, condition.field()));
        assert!(f.message_nl.ends_with("Dat is nu niet zo."), "{}", f.message_nl);

        answer(&mut facts, condition, None);
        assert_eq!(one(&evaluate(&policy, &facts), &rule_id).severity, Severity::Info);
    }
    let mut facts = liemers(ArrangementKind::Individual);
    facts.opp_signed_by_parents = Some(false);
    assert_eq!(
        one(&evaluate(&Policy::de_liemers(), &facts), "precondition.opp_signed_by_parents").message_nl,
        "Voorwaarde van SWV de Liemers: het OPP is door de ouders ondertekend. Dat is nu niet zo."
    );
}

#[test]
fn missing_opp_for_the_second_pupil_of_a_cluster_blocks_naming_that_pupil() {
    let mut facts = utrecht_cluster();
    facts.attachments.retain(|a| a.pupil.as_deref() != Some("p2"));
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    let f = one(&findings, "required_attachment.opp");
    assert_eq!((f.severity, f.field.as_str()), (Severity::Block, "attachments"));
    assert_eq!(
        f.message_nl,
        "OPP voor leerling B ontbreekt; dit is per leerling verplicht van SWV Utrecht PO."
    );
    assert_eq!((f.params["pupil"].as_str(), f.params["pupilIndex"].as_str()), ("p2", "2"));

    // Without labels, pupils are named by position.
    facts.pupils = vec![pupil("p1", None), pupil("p2", None), pupil("p3", None)];
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    let missing: Vec<&str> = with_id(&findings, "required_attachment.opp")
        .iter()
        .map(|f| f.params["pupilLabel"].as_str())
        .collect();
    assert_eq!(missing, ["leerling 2", "leerling 3"]);
}

#[test]
fn cluster_without_pupil_keys_counts_its_opps() {
    let facts = ArrangementFacts {
        pupils: vec![],
        pupil_count: Some(3),
        attachments: vec![
            doc(AttachmentKind::Opp),
            pupil_doc(AttachmentKind::Opp, "x"),
            doc(AttachmentKind::Agreement),
        ],
        ..liemers(ArrangementKind::Cluster)
    };
    let findings = evaluate(&Policy::de_liemers(), &facts);
    let f = one(&findings, "required_attachment.opp");
    assert_eq!((f.params["present"].as_str(), f.params["needed"].as_str()), ("2", "3"));
    assert_eq!(f.severity, Severity::Block);
}

#[test]
fn quote_or_agreement_or_hours_statement_is_satisfied_by_any_one() {
    use AttachmentKind::*;
    let rule_id = "required_attachment.quote_or_agreement_or_hours_statement";
    for kind in [Quote, Agreement, HoursStatement] {
        let mut facts = utrecht_individual();
        facts.attachments.retain(|a| a.kind != HoursStatement);
        facts.attachments.push(doc(kind));
        assert_eq!(evaluate(&Policy::utrecht_po(), &facts), vec![], "{kind}");
    }
    let mut facts = utrecht_individual();
    facts.attachments.retain(|a| a.kind != HoursStatement);
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    let f = one(&findings, rule_id);
    assert_eq!(f.severity, Severity::Block);
    assert_eq!(
        f.message_nl,
        "Nog niet aanwezig: offerte, overeenkomst of urenverantwoording. Dit is verplicht bij de aanvraag \
         van SWV Utrecht PO."
    );
    assert_eq!(f.params["kinds"], "quote,agreement,hours_statement");
}

#[test]
fn utrecht_requires_start_meeting_report_consultant_advice_and_goals() {
    use AttachmentKind::*;
    for kind in [StartMeetingReport, ConsultantAdvice, TeacherSchoolGoals, Opp] {
        let mut facts = utrecht_individual();
        facts.attachments.retain(|a| a.kind != kind);
        let findings = evaluate(&Policy::utrecht_po(), &facts);
        assert_eq!(one(&findings, &format!("required_attachment.{kind}")).severity, Severity::Block);
        assert_eq!(findings.len(), 1, "{findings:#?}");
    }
}

#[test]
fn research_report_older_than_two_years_warns() {
    let report = |dated| AttachmentFact {
        kind: AttachmentKind::ResearchReport,
        pupil: None,
        document_date: Some(dated),
    };
    // Today is 1 March 2026.
    let mut facts = utrecht_individual();
    facts.attachments.push(report(d(2024, 3, 1)));
    assert_eq!(evaluate(&Policy::utrecht_po(), &facts), vec![]);
    facts.attachments.push(report(d(2024, 2, 28)));
    facts.attachments.push(AttachmentFact { document_date: None, ..report(d(2000, 1, 1)) });
    let findings = evaluate(&Policy::utrecht_po(), &facts);
    let f = one(&findings, "research_report_age");
    assert_eq!(f.severity, Severity::Warn);
    assert_eq!(f.params["documentDate"], "2024-02-28");
    assert_eq!(
        f.message_nl,
        "Het onderzoeksverslag van 28 februari 2024 is meer dan 2 jaar oud; een onderzoeksverslag mag \
         van SWV Utrecht PO hooguit 2 jaar oud zijn."
    );
    for policy in [Policy::de_liemers(), Policy::holland_rijnland()] {
        let mut facts =
            if policy.integral.is_some() { holland_rijnland() } else { liemers(ArrangementKind::Individual) };
        facts.attachments.push(report(d(2024, 2, 28)));
        assert_eq!(one(&evaluate(&policy, &facts), "research_report_age").severity, Severity::Warn);
    }
}
