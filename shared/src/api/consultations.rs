//! Consultations: the school's support question before there is a proposal (DOMAIN.md, "The
//! route", step 1), with anonymised pupil information, the consultant's triage and the
//! meetings held (startgesprek, analyse & ondersteuning, breed overleg).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::evaluations::Participant;
use crate::ids::{ArrangementId, SchoolId, UserId};
use crate::kinds::ArrangementKind;

vocabulary! {
    /// What kind of conversation the school asks for.
    ConsultationKind {
        /// Startgesprek.
        StartMeeting = "start_meeting",
        /// Analyse & ondersteuning: a trajectory of several conversations.
        AnalysisAndSupport = "analysis_and_support",
        /// Breed overleg: school, parents, youth care, JGZ, attendance officer.
        BroadMeeting = "broad_meeting",
    }
}

/// What the school tells about one pupil, anonymised: a code such as "L1", never a name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnonymisedPupil {
    /// Letters and digits, at most 8, with at least one digit (e.g. "L1").
    pub code: String,
    #[serde(default)]
    pub stimulating_factors: String,
    #[serde(default)]
    pub hindering_factors: String,
    /// Test results (CITO/LOVS).
    #[serde(default)]
    pub test_results: String,
    /// Interventions already tried within basic support.
    #[serde(default)]
    pub interventions_tried: String,
    /// Whether the parents know about the request.
    #[serde(default)]
    pub parents_informed: bool,
}

/// `POST /api/v1/consultations` (school staff): ask the SWV to think along.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateConsultationRequest {
    pub kind: ConsultationKind,
    /// The kind of arrangement the school has in mind.
    pub arrangement_kind: ArrangementKind,
    pub support_question: String,
    /// Per pupil, anonymised. A cluster needs two or more, or group information.
    #[serde(default)]
    pub pupils: Vec<AnonymisedPupil>,
    /// Group-level information for a class approach (no names).
    pub group_information: Option<String>,
}

/// `PUT /api/v1/consultations/{id}/triage` (the caseload consultant, with `If-Match`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TriageRequest {
    pub information_sufficient: bool,
    pub involve_board: bool,
    pub involve_youth_care: bool,
    pub note: Option<String>,
}

/// The consultant's triage as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Triage {
    pub information_sufficient: bool,
    pub involve_board: bool,
    pub involve_youth_care: bool,
    pub note: Option<String>,
    pub triaged_by: UserId,
    pub triaged_at: DateTime<Utc>,
}

/// `POST /api/v1/consultations/{id}/meetings` (the caseload consultant): a conversation held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateMeetingRequest {
    pub held_on: NaiveDate,
    /// With or without an account; `organisation` carries the role, e.g. jeugdhulp, JGZ,
    /// leerplicht.
    pub participants: Vec<Participant>,
    pub minutes: String,
    #[serde(default)]
    pub agreements: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MeetingResponse {
    pub id: String,
    pub held_on: NaiveDate,
    pub participants: Vec<Participant>,
    pub minutes: String,
    pub agreements: String,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/consultations/{id}/arrangements` (school staff): the arrangement that came
/// from this consultation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LinkArrangementRequest {
    pub arrangement_id: ArrangementId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConsultationResponse {
    pub id: String,
    pub school_id: SchoolId,
    pub school_name: String,
    pub kind: ConsultationKind,
    pub arrangement_kind: ArrangementKind,
    pub support_question: String,
    pub pupils: Vec<AnonymisedPupil>,
    pub group_information: Option<String>,
    /// `null` until the consultant has triaged.
    pub triage: Option<Triage>,
    /// Oldest first.
    pub meetings: Vec<MeetingResponse>,
    /// The arrangements this consultation led to.
    pub arrangement_ids: Vec<ArrangementId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// One row of `GET /api/v1/consultations`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConsultationSummary {
    pub id: String,
    pub school_id: SchoolId,
    pub kind: ConsultationKind,
    pub arrangement_kind: ArrangementKind,
    pub support_question: String,
    pub triaged: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Whether `code` looks like an anonymised code: 1–8 letters or digits, at least one digit.
pub fn is_anonymised_code(code: &str) -> bool {
    let n = code.chars().count();
    (1..=8).contains(&n)
        && code.chars().all(|c| c.is_ascii_alphanumeric())
        && code.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_with_a_digit_and_never_a_name() {
        for good in ["L1", "L12", "3", "LLN07"] {
            assert!(is_anonymised_code(good), "{good}");
        }
        for bad in ["", "Daan", "L 1", "L-1", "Lisa2000X", "é1"] {
            assert!(!is_anonymised_code(bad), "{bad}");
        }
    }

    #[test]
    fn kinds_are_snake_case_strings() {
        assert_eq!(
            serde_json::to_string(&ConsultationKind::BroadMeeting).expect("json"),
            "\"broad_meeting\""
        );
        assert_eq!(ConsultationKind::parse("start_meeting"), Some(ConsultationKind::StartMeeting));
    }
}
