//! The school's answers to the partnership's preconditions, captured with the proposal.

use serde::{Deserialize, Serialize};

use crate::policy::{ArrangementFacts, Precondition};

/// `Some(true)` confirmed, `Some(false)` not so, `None` not answered yet. Which of them a
/// partnership asks for is in its rule set (`preconditions`); the others may stay empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreconditionAnswers {
    /// The ambulant counsellor is already involved and supports the request (de Liemers).
    pub counsellor_supports: Option<bool>,
    /// The parents signed the OPP (de Liemers).
    pub opp_signed_by_parents: Option<bool>,
    /// At least half a year of planned, needs-based work preceded it (de Liemers).
    pub half_year_needs_based_work: Option<bool>,
    /// The school's own support route was followed first (Holland Rijnland).
    pub own_support_route_followed: Option<bool>,
    /// The request was anonymised at the request stage (Utrecht, clusters).
    pub anonymised_at_request: Option<bool>,
}

impl PreconditionAnswers {
    /// The preconditions a school answers in the proposal (the others follow from other fields).
    pub const ANSWERED: [Precondition; 5] = [
        Precondition::CounsellorSupports,
        Precondition::OppSignedByParents,
        Precondition::HalfYearNeedsBasedWork,
        Precondition::OwnSupportRouteFollowed,
        Precondition::AnonymisedAtRequest,
    ];

    /// The answer to `condition`; `None` also for the ones not answered here.
    pub fn get(&self, condition: Precondition) -> Option<bool> {
        match condition {
            Precondition::CounsellorSupports => self.counsellor_supports,
            Precondition::OppSignedByParents => self.opp_signed_by_parents,
            Precondition::HalfYearNeedsBasedWork => self.half_year_needs_based_work,
            Precondition::OwnSupportRouteFollowed => self.own_support_route_followed,
            Precondition::AnonymisedAtRequest => self.anonymised_at_request,
            Precondition::CaseDirectorNamed | Precondition::EvaluationMomentAgreed => None,
        }
    }

    /// Sets the answer to `condition` (ignored for the ones not answered here).
    pub fn set(&mut self, condition: Precondition, answer: Option<bool>) {
        let slot = match condition {
            Precondition::CounsellorSupports => &mut self.counsellor_supports,
            Precondition::OppSignedByParents => &mut self.opp_signed_by_parents,
            Precondition::HalfYearNeedsBasedWork => &mut self.half_year_needs_based_work,
            Precondition::OwnSupportRouteFollowed => &mut self.own_support_route_followed,
            Precondition::AnonymisedAtRequest => &mut self.anonymised_at_request,
            Precondition::CaseDirectorNamed | Precondition::EvaluationMomentAgreed => return,
        };
        *slot = answer;
    }

    /// Copies the answers into the rules' facts.
    pub fn apply(&self, facts: &mut ArrangementFacts) {
        facts.counsellor_supports = self.counsellor_supports;
        facts.opp_signed_by_parents = self.opp_signed_by_parents;
        facts.half_year_needs_based_work = self.half_year_needs_based_work;
        facts.own_support_route_followed = self.own_support_route_followed;
        facts.anonymised_at_request = self.anonymised_at_request;
    }

    /// From `make-definitive` on a precondition must be confirmed: an unanswered one counts as
    /// not met (so its rule blocks or warns instead of informing).
    pub fn unconfirmed_as_not_met(facts: &mut ArrangementFacts) {
        for answer in [
            &mut facts.counsellor_supports,
            &mut facts.opp_signed_by_parents,
            &mut facts.half_year_needs_based_work,
            &mut facts.own_support_route_followed,
            &mut facts.anonymised_at_request,
        ] {
            answer.get_or_insert(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::api::arrangements::Proposal;
    use crate::kinds::ArrangementKind;
    use crate::policy::{Policy, Severity, evaluate};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    }

    fn severity_of(
        policy: &Policy,
        kind: ArrangementKind,
        p: &Proposal,
        strict: bool,
        id: &str,
    ) -> Option<Severity> {
        let mut facts = p.facts(kind, today());
        if strict {
            PreconditionAnswers::unconfirmed_as_not_met(&mut facts);
        }
        evaluate(policy, &facts).into_iter().find(|f| f.rule_id == id).map(|f| f.severity)
    }

    #[test]
    fn liemers_preconditions_inform_until_answered_and_block_when_not_so() {
        let policy = Policy::de_liemers();
        let mut p = Proposal::default();
        for condition in [
            Precondition::CounsellorSupports,
            Precondition::OppSignedByParents,
            Precondition::HalfYearNeedsBasedWork,
        ] {
            let id = format!("precondition.{}", condition.as_str());
            let kind = ArrangementKind::Individual;
            p.preconditions.set(condition, None);
            assert_eq!(severity_of(&policy, kind, &p, false, &id), Some(Severity::Info), "{id}");
            assert_eq!(
                severity_of(&policy, kind, &p, true, &id),
                Some(Severity::Block),
                "{id} at make-definitive"
            );
            p.preconditions.set(condition, Some(false));
            assert_eq!(severity_of(&policy, kind, &p, false, &id), Some(Severity::Block), "{id}");
            p.preconditions.set(condition, Some(true));
            assert_eq!(severity_of(&policy, kind, &p, true, &id), None, "{id} confirmed");
            assert_eq!(p.preconditions.get(condition), Some(true));
        }
    }

    #[test]
    fn utrecht_cluster_must_be_anonymised_and_holland_rijnland_follows_its_own_route_first() {
        let id = "precondition.anonymised_at_request";
        let mut p = Proposal::default();
        assert_eq!(
            severity_of(&Policy::utrecht_po(), ArrangementKind::Cluster, &p, true, id),
            Some(Severity::Block)
        );
        p.preconditions.anonymised_at_request = Some(true);
        assert_eq!(severity_of(&Policy::utrecht_po(), ArrangementKind::Cluster, &p, true, id), None);

        let id = "precondition.own_support_route_followed";
        let hr = Policy::holland_rijnland();
        assert_eq!(severity_of(&hr, ArrangementKind::Integral, &p, false, id), Some(Severity::Info));
        p.preconditions.own_support_route_followed = Some(false);
        assert_eq!(severity_of(&hr, ArrangementKind::Integral, &p, false, id), Some(Severity::Block));
    }

    #[test]
    fn unconfirmed_as_not_met_keeps_given_answers() {
        let mut facts = ArrangementFacts::new(ArrangementKind::Individual, today());
        PreconditionAnswers { counsellor_supports: Some(true), ..PreconditionAnswers::default() }
            .apply(&mut facts);
        PreconditionAnswers::unconfirmed_as_not_met(&mut facts);
        assert_eq!(facts.counsellor_supports, Some(true));
        assert_eq!(facts.anonymised_at_request, Some(false));
        assert_eq!(
            facts.case_director_named, None,
            "derived from the case director field, not answered here"
        );
    }
}
