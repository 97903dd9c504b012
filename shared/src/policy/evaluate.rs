//! [`evaluate`]: one pure pass of a [`Policy`] over the [`ArrangementFacts`] of one arrangement.

use std::collections::BTreeMap;

use super::text::{self, Text};
use super::{ArrangementFacts, Finding, Policy, Severity, documents, numbers, periods};
use crate::kinds::ArrangementKind;

/// Evaluates every rule of the policy's rule set for `facts.kind` and explains each finding.
///
/// Pure and total: missing facts yield no finding or an `info` finding, never a panic. The order
/// is stable: pupils, amounts, hourly rates, hours and weeks, period, preconditions (in policy
/// order), required documents (in policy order, then pupil order), age of research reports.
pub fn evaluate(policy: &Policy, facts: &ArrangementFacts) -> Vec<Finding> {
    let mut out = Findings::new(&policy.name);
    let Some(rules) = policy.rule_set(facts.kind) else {
        let kind = kind_label(facts.kind);
        out.push(
            "kind_without_rules",
            Severity::Info,
            "kind",
            format!("Er zijn geen regels voor {}{} vastgelegd; er is niets getoetst.", kind.nl, out.of.nl),
            format!("No rules are set for {}{}; nothing was checked.", kind.en, out.of.en),
            [("kind", facts.kind.as_str().to_string())],
        );
        return out.list;
    };
    numbers::check_pupils(rules, facts, &mut out);
    numbers::check_amounts(rules, facts, &mut out);
    numbers::check_rates(rules, facts, &mut out);
    numbers::check_hours(rules, facts, &mut out);
    periods::check_duration(rules, facts, &mut out);
    periods::check_school_year(rules, facts, &mut out);
    documents::check_preconditions(rules, facts, &mut out);
    documents::check_attachments(rules, facts, &mut out);
    documents::check_research_reports(rules, facts, &mut out);
    out.list
}

/// Whether any finding blocks: the application cannot proceed.
pub fn has_blocks(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Block)
}

/// The findings that need a written justification before the application may proceed.
pub fn warnings(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity == Severity::Warn).collect()
}

/// Collects findings; knows the partnership's name for the messages.
pub(super) struct Findings {
    /// " van SWV X" / " of SWV X".
    pub of: Text,
    pub list: Vec<Finding>,
}

impl Findings {
    fn new(name: &str) -> Self {
        Self { of: text::of_partnership(name), list: Vec::new() }
    }

    pub fn push<const N: usize>(
        &mut self,
        rule_id: impl Into<String>,
        severity: Severity,
        field: &str,
        message_nl: String,
        message_en: String,
        params: [(&str, String); N],
    ) {
        self.list.push(Finding {
            rule_id: rule_id.into(),
            severity,
            field: field.to_string(),
            message_nl,
            message_en,
            params: params.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<BTreeMap<_, _>>(),
        });
    }
}

/// "een clusterarrangement" / "a cluster arrangement".
pub(super) fn kind_label(kind: ArrangementKind) -> Text {
    let (nl, en) = match kind {
        ArrangementKind::Individual => ("een individueel arrangement", "an individual arrangement"),
        ArrangementKind::Cluster => ("een clusterarrangement", "a cluster arrangement"),
        ArrangementKind::Integral => ("een integraal arrangement", "an integral arrangement"),
    };
    Text { nl: nl.into(), en: en.into() }
}

/// "1 leerling" / "2 leerlingen", "1 pupil" / "2 pupils".
pub(super) fn count_of(n: u64, nl: (&str, &str), en: (&str, &str)) -> Text {
    if n == 1 {
        Text { nl: format!("1 {}", nl.0), en: format!("1 {}", en.0) }
    } else {
        Text { nl: format!("{n} {}", nl.1), en: format!("{n} {}", en.1) }
    }
}

/// "3,5 uur" / "3.5 hours".
pub(super) fn hours_text(minutes: u32) -> Text {
    let h = text::hours(minutes);
    let unit = if minutes == 60 { "hour" } else { "hours" };
    Text { nl: format!("{} uur", h.nl), en: format!("{} {unit}", h.en) }
}

/// "1 jaar" / "18 maanden", "1 year" / "18 months".
pub(super) fn months_text(months: u32) -> Text {
    if months > 0 && months.is_multiple_of(12) {
        count_of(u64::from(months / 12), ("jaar", "jaar"), ("year", "years"))
    } else {
        count_of(u64::from(months), ("maand", "maanden"), ("month", "months"))
    }
}
