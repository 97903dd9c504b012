//! Rules on the dossier: preconditions, required attachments and the age of research reports.

use std::collections::BTreeSet;

use chrono::Months;

use super::evaluate::{Findings, count_of, months_text};
use super::text;
use super::{ArrangementFacts, AttachmentFact, AttachmentRule, RuleSet, Severity};
use crate::kinds::{ArrangementKind, AttachmentKind};

/// Every precondition must be confirmed true; unanswered ones are reported as `info`.
pub(super) fn check_preconditions(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    for rule in &rules.preconditions {
        let (severity, nl, en) = match facts.precondition(rule.condition) {
            Some(true) => continue,
            Some(false) => (rule.severity, "Dat is nu niet zo.", "That is not the case now."),
            None => (Severity::Info, "Dit is nog niet bevestigd.", "This has not been confirmed yet."),
        };
        let (clause_nl, clause_en) = text::precondition(rule.condition);
        out.push(
            format!("precondition.{}", rule.condition.as_str()),
            severity,
            rule.condition.field(),
            format!("Voorwaarde{}: {clause_nl}. {nl}", out.of.nl),
            format!("Condition{}: {clause_en}. {en}", out.of.en),
            [("condition", rule.condition.as_str().to_string())],
        );
    }
}

/// "required_attachment.quote_or_agreement_or_hours_statement".
fn rule_id(rule: &AttachmentRule) -> String {
    let kinds: Vec<&str> = rule.any_of.iter().map(|k| k.as_str()).collect();
    format!("required_attachment.{}", kinds.join("_or_"))
}

fn kinds_text(kinds: &[AttachmentKind]) -> text::Text {
    text::Text {
        nl: text::join(kinds.iter().map(|&k| text::attachment(k).0), "of"),
        en: text::join(kinds.iter().map(|&k| text::attachment(k).1), "or"),
    }
}

fn kinds_param(kinds: &[AttachmentKind]) -> String {
    kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")
}

/// Every attachment rule, in policy order; per-pupil rules name each pupil that lacks one.
pub(super) fn check_attachments(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    for rule in &rules.attachments {
        let present: Vec<&AttachmentFact> =
            facts.attachments.iter().filter(|a| rule.any_of.contains(&a.kind)).collect();
        let kinds = kinds_text(&rule.any_of);
        if !rule.per_pupil || (facts.pupils.is_empty() && needed_without_keys(facts) <= 1) {
            if present.is_empty() {
                out.push(
                    rule_id(rule),
                    rule.severity,
                    "attachments",
                    format!(
                        "Nog niet aanwezig: {}. Dit is verplicht bij de aanvraag{}.",
                        kinds.nl, out.of.nl
                    ),
                    format!("Missing: {}. This is required for the application{}.", kinds.en, out.of.en),
                    [("kinds", kinds_param(&rule.any_of))],
                );
            }
            continue;
        }
        if facts.pupils.is_empty() {
            // Pupils not listed by key: count the documents (distinct pupils, plus unassigned ones).
            let needed = needed_without_keys(facts);
            let keyed: BTreeSet<&str> = present.iter().filter_map(|a| a.pupil.as_deref()).collect();
            let have = keyed.len() + present.iter().filter(|a| a.pupil.is_none()).count();
            let have = u32::try_from(have).unwrap_or(u32::MAX);
            if have < needed {
                let pupils = count_of(u64::from(needed), ("leerling", "leerlingen"), ("pupil", "pupils"));
                out.push(
                    rule_id(rule),
                    rule.severity,
                    "attachments",
                    format!(
                        "Aanwezig: {have} × {} voor {}; dit is per leerling verplicht{}.",
                        kinds.nl, pupils.nl, out.of.nl
                    ),
                    format!(
                        "Present: {have} × {} for {}; it is required for every pupil{}.",
                        kinds.en, pupils.en, out.of.en
                    ),
                    [
                        ("kinds", kinds_param(&rule.any_of)),
                        ("present", have.to_string()),
                        ("needed", needed.to_string()),
                    ],
                );
            }
            continue;
        }
        let only_one = facts.pupils.len() == 1;
        for (index, pupil) in facts.pupils.iter().enumerate() {
            let has = present.iter().any(|a| match &a.pupil {
                Some(key) => *key == pupil.key,
                None => only_one,
            });
            if has {
                continue;
            }
            let position = index + 1;
            let (label_nl, label_en) = match &pupil.label {
                Some(label) => (label.clone(), label.clone()),
                None => (format!("leerling {position}"), format!("pupil {position}")),
            };
            out.push(
                rule_id(rule),
                rule.severity,
                "attachments",
                format!(
                    "{} voor {label_nl} ontbreekt; dit is per leerling verplicht{}.",
                    capitalise(&kinds.nl),
                    out.of.nl
                ),
                format!(
                    "{} for {label_en} is missing; it is required for every pupil{}.",
                    capitalise(&kinds.en),
                    out.of.en
                ),
                [
                    ("kinds", kinds_param(&rule.any_of)),
                    ("pupil", pupil.key.clone()),
                    ("pupilIndex", position.to_string()),
                    ("pupilLabel", label_nl),
                ],
            );
        }
    }
}

/// Documents needed per pupil when the pupils are not listed: the pupil count, else one (an
/// individual or integral arrangement has one pupil; an unknown cluster at least one).
fn needed_without_keys(facts: &ArrangementFacts) -> u32 {
    match facts.kind {
        ArrangementKind::Cluster => facts.effective_pupil_count().unwrap_or(1).max(1),
        ArrangementKind::Individual | ArrangementKind::Integral => 1,
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Research reports older than the limit (on `today`). Undated reports are not judged.
pub(super) fn check_research_reports(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    let Some(limit) = rules.max_research_report_age_months else { return };
    let span = months_text(limit.months);
    for report in facts.attachments.iter().filter(|a| a.kind == AttachmentKind::ResearchReport) {
        let Some(dated) = report.document_date else { continue };
        let Some(last) = dated.checked_add_months(Months::new(limit.months)) else { continue };
        if facts.today <= last {
            continue;
        }
        let shown = text::date(dated);
        out.push(
            "research_report_age",
            limit.severity,
            "attachments",
            format!(
                "Het onderzoeksverslag van {} is meer dan {} oud; een onderzoeksverslag mag{} hooguit {} oud zijn.",
                shown.nl, span.nl, out.of.nl, span.nl
            ),
            format!(
                "The research report of {} is more than {} old; the limit{} is {}.",
                shown.en, span.en, out.of.en, span.en
            ),
            [
                ("documentDate", dated.to_string()),
                ("maxMonths", limit.months.to_string()),
                ("pupil", report.pupil.clone().unwrap_or_default()),
            ],
        );
    }
}
