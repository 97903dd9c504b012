//! Partnership rule sets ("kaders") as data, and their pure evaluation.
//!
//! Every samenwerkingsverband (SWV) sets its own rules for support arrangements: who decides,
//! caps on amounts and hourly rates, hours per week, periods, preconditions and the documents an
//! application needs. Arrangeer keeps those rules as **data** (a [`Policy`], stored as versioned
//! JSON and edited by SWV admins), never as code per partnership. One pure function,
//! [`evaluate`], turns a policy and the [`ArrangementFacts`] of one arrangement into
//! [`Finding`]s that explain, in Dutch and English and with the numbers, what holds and why.
//! The server enforces the same findings that the web app shows while the user types.
//!
//! Each rule carries its [`Severity`]: `block` (cannot proceed), `warn` (may proceed only with a
//! written justification) or `info`. [`validate`] rejects a policy that makes no sense before it
//! is stored. Three presets ship with the product ([`presets`]).
//!
//! Money is integer cents (`i64`), time is integer minutes (`u32`); nothing here uses floats.
//! Deadlines and payment schemes are carried as settings only: `dates` and `money` compute the
//! clocks and the amounts.

mod documents;
mod evaluate;
mod facts;
mod numbers;
mod periods;
mod presets;
mod rules;
mod text;
mod validate;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::kinds::ArrangementKind;

pub use evaluate::{evaluate, has_blocks, warnings};
pub use facts::{ArrangementFacts, AttachmentFact, Finding, PupilFact};
pub use presets::{LIEMERS_YEARLY_RATE_PER_WEEKLY_HOUR_CENTS, illustrative_staff_rates, presets};
pub use rules::{
    AmountCapBySchoolType, AttachmentRule, CentsLimit, Check, CountLimit, DeadlineSettings, DecidingBody,
    DecisionSettings, MinutesLimit, MonthsLimit, PaymentScheme, PercentLimit, Precondition, PreconditionRule,
    RuleSet, SchoolYearPeriod, StaffRate, StaffRateTable,
};
pub use validate::{PolicyProblem, PolicyProblemCode, validate};

/// The version of the policy JSON format this code reads and writes. Stored policies carry it,
/// so that a later format can migrate older documents instead of misreading them.
pub const POLICY_FORMAT: u32 = 1;

/// How hard a rule holds. Ordered from most to least severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The application cannot proceed (to definitive or to a grant) while this finding stands.
    Block,
    /// It may proceed only with a written justification: the partnership's documents allow a
    /// well-argued deviation.
    Warn,
    /// For information; asks for nothing.
    Info,
}

impl Severity {
    /// The stored and wire form (`block`, `warn`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Block => "block",
            Severity::Warn => "warn",
            Severity::Info => "info",
        }
    }
}

/// A partnership's rule set: one [`RuleSet`] per kind of arrangement it funds.
///
/// A kind without a rule set has no rules in this policy: [`evaluate`] then reports one `info`
/// finding and checks nothing. Stored as JSON (camelCase), versioned by the database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Policy {
    /// Format version of this document; must equal [`POLICY_FORMAT`].
    pub format: u32,
    /// The partnership's name as users read it in findings ("SWV de Liemers").
    pub name: String,
    /// Rules for individual arrangements (individueel arrangement, one pupil).
    pub individual: Option<RuleSet>,
    /// Rules for cluster arrangements (clusterarrangement, two or more pupils of one school).
    pub cluster: Option<RuleSet>,
    /// Rules for integral arrangements (integraal arrangement: education and youth care).
    pub integral: Option<RuleSet>,
}

impl Policy {
    /// The rule set for one kind of arrangement, if the policy has one.
    pub fn rule_set(&self, kind: ArrangementKind) -> Option<&RuleSet> {
        match kind {
            ArrangementKind::Individual => self.individual.as_ref(),
            ArrangementKind::Cluster => self.cluster.as_ref(),
            ArrangementKind::Integral => self.integral.as_ref(),
        }
    }
}
