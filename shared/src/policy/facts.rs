//! The input of [`evaluate`](super::evaluate) and its output.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Precondition, Severity};
use crate::api::schools::SchoolType;
use crate::kinds::{ArrangementKind, AttachmentKind, ExecutorKind, SalaryScale, StaffFunction};

/// Everything the rules need about one arrangement, independent of the database: the server maps
/// its rows into it, the web app its half-filled form. Every field a form may still lack is an
/// `Option`; a missing value yields no finding or an `info` finding, never a `block`.
///
/// Time is in minutes per week, money in cents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArrangementFacts {
    pub kind: ArrangementKind,
    pub school_type: Option<SchoolType>,
    /// Number of pupils. When `None`, the length of `pupils` counts (if not empty).
    pub pupil_count: Option<u32>,
    /// The pupils known by key, in order; per-pupil attachments refer to these keys.
    #[serde(default)]
    pub pupils: Vec<PupilFact>,
    /// Direct support per week (with the pupils or the teacher).
    pub direct_minutes_per_week: Option<u32>,
    /// Indirect time per week (preparation, consultation, reporting).
    pub indirect_minutes_per_week: Option<u32>,
    /// Advice and guidance outside the class per week.
    pub outside_class_minutes_per_week: Option<u32>,
    /// Hours per week the school provides itself for the same needs.
    pub school_minutes_per_week: Option<u32>,
    /// School weeks of support per year (a shorter arrangement: its number of weeks).
    pub weeks: Option<u32>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// The moment the school may start (the grant); `None` before the decision.
    pub grant_date: Option<NaiveDate>,
    /// The executor's hourly rate.
    pub hourly_rate_cents: Option<i64>,
    pub executor_kind: Option<ExecutorKind>,
    /// For internal staff: function and salary scale (they set the rate cap).
    pub staff_function: Option<StaffFunction>,
    pub salary_scale: Option<SalaryScale>,
    /// The expected amount **per year** (not the total of a multi-year period).
    pub amount_per_year_cents: Option<i64>,
    /// Precondition answers: `Some(true)` confirmed, `Some(false)` not so, `None` not answered.
    pub counsellor_supports: Option<bool>,
    pub opp_signed_by_parents: Option<bool>,
    pub half_year_needs_based_work: Option<bool>,
    pub own_support_route_followed: Option<bool>,
    pub anonymised_at_request: Option<bool>,
    pub case_director_named: Option<bool>,
    pub evaluation_moment_agreed: Option<bool>,
    /// The documents present.
    #[serde(default)]
    pub attachments: Vec<AttachmentFact>,
    /// Today's date, for the age of documents.
    pub today: NaiveDate,
}

impl ArrangementFacts {
    /// Facts with nothing filled in but the kind and today's date: a new, empty form.
    pub fn new(kind: ArrangementKind, today: NaiveDate) -> Self {
        Self {
            kind,
            school_type: None,
            pupil_count: None,
            pupils: Vec::new(),
            direct_minutes_per_week: None,
            indirect_minutes_per_week: None,
            outside_class_minutes_per_week: None,
            school_minutes_per_week: None,
            weeks: None,
            start_date: None,
            end_date: None,
            grant_date: None,
            hourly_rate_cents: None,
            executor_kind: None,
            staff_function: None,
            salary_scale: None,
            amount_per_year_cents: None,
            counsellor_supports: None,
            opp_signed_by_parents: None,
            half_year_needs_based_work: None,
            own_support_route_followed: None,
            anonymised_at_request: None,
            case_director_named: None,
            evaluation_moment_agreed: None,
            attachments: Vec::new(),
            today,
        }
    }

    /// The answer to one precondition.
    pub fn precondition(&self, condition: Precondition) -> Option<bool> {
        match condition {
            Precondition::CounsellorSupports => self.counsellor_supports,
            Precondition::OppSignedByParents => self.opp_signed_by_parents,
            Precondition::HalfYearNeedsBasedWork => self.half_year_needs_based_work,
            Precondition::OwnSupportRouteFollowed => self.own_support_route_followed,
            Precondition::AnonymisedAtRequest => self.anonymised_at_request,
            Precondition::CaseDirectorNamed => self.case_director_named,
            Precondition::EvaluationMomentAgreed => self.evaluation_moment_agreed,
        }
    }

    /// The number of pupils: `pupil_count`, else the listed pupils, else unknown.
    pub fn effective_pupil_count(&self) -> Option<u32> {
        self.pupil_count
            .or_else(|| if self.pupils.is_empty() { None } else { u32::try_from(self.pupils.len()).ok() })
    }

    /// Funded time per week: direct plus indirect (a missing indirect counts as zero).
    pub fn funded_minutes_per_week(&self) -> Option<u32> {
        self.direct_minutes_per_week
            .map(|direct| direct.saturating_add(self.indirect_minutes_per_week.unwrap_or(0)))
    }
}

/// One pupil of the arrangement as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PupilFact {
    /// What attachments refer to: a pupil id, or a position ("1", "2") in a form.
    pub key: String,
    /// How findings name the pupil ("leerling 2" in an anonymised cluster); `None`: by position.
    pub label: Option<String>,
}

/// One document present in the dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AttachmentFact {
    pub kind: AttachmentKind,
    /// The pupil it belongs to ([`PupilFact::key`]); `None` for dossier-wide documents.
    pub pupil: Option<String>,
    /// The date of the document itself (not of the upload), for age checks.
    pub document_date: Option<NaiveDate>,
}

/// One outcome of a rule for one arrangement, explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable, partnership-independent id of the rule (`max_minutes_per_week`,
    /// `precondition.opp_signed_by_parents`, `required_attachment.opp`).
    pub rule_id: String,
    pub severity: Severity,
    /// The [`ArrangementFacts`] field it concerns (lowerCamelCase, as in the API).
    pub field: String,
    /// Why, in plain Dutch, with the numbers.
    pub message_nl: String,
    /// Why, in plain English, with the numbers.
    pub message_en: String,
    /// The numbers behind the message (camelCase keys; minutes, cents, ISO dates as text), so a
    /// client may phrase it otherwise.
    pub params: BTreeMap<String, String>,
}
