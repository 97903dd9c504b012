//! Evaluations of an arrangement and the consultant's logbook.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{PupilId, UserId};

vocabulary! {
    /// Interim evaluations along the way; the final one before closing or extending.
    EvaluationKind {
        Interim = "interim",
        Final = "final",
    }
}

vocabulary! {
    /// What the evaluation decided for one pupil.
    Outcome {
        Continue = "continue",
        Adjust = "adjust",
        Extend = "extend",
        Close = "close",
    }
}

/// Someone at the table, with or without an account (youth care, attendance officer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    pub organisation: Option<String>,
    /// Set when the participant has an account.
    pub user_id: Option<UserId>,
}

/// `POST /api/v1/arrangements/{id}/evaluations`: plan one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanEvaluationRequest {
    pub kind: EvaluationKind,
    pub planned_on: NaiveDate,
    /// For a final evaluation the consultant must be among them.
    pub participants: Vec<Participant>,
}

/// The outcome for one pupil, with the reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PupilOutcome {
    pub pupil_id: PupilId,
    pub outcome: Outcome,
    pub reasons: String,
}

/// `POST /api/v1/arrangements/{id}/evaluations/{evaluationId}/record`: it was held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecordEvaluationRequest {
    pub held_on: NaiveDate,
    /// Goals met? Why not? What did it yield?
    pub summary: String,
    /// One per pupil of the arrangement.
    pub outcomes: Vec<PupilOutcome>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct EvaluationResponse {
    pub id: String,
    pub kind: EvaluationKind,
    pub planned_on: NaiveDate,
    pub participants: Vec<Participant>,
    pub held_on: Option<NaiveDate>,
    pub summary: Option<String>,
    pub outcomes: Vec<PupilOutcome>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// `POST /api/v1/arrangements/{id}/logbook`: a process note (never about a pupil).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateLogbookEntryRequest {
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct LogbookEntryResponse {
    pub id: String,
    pub author_id: UserId,
    pub author_name: String,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// Whether `note` names one of `names` (first or last names of the dossier's pupils), as a
/// whole word and ignoring case: the logbook holds process notes only.
pub fn mentions_any(note: &str, names: &[String]) -> Option<String> {
    let words: Vec<String> =
        note.split(|c: char| !c.is_alphanumeric() && c != '-').map(|w| w.to_lowercase()).collect();
    names
        .iter()
        .find(|name| {
            let name_words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            !name_words.is_empty() && words.windows(name_words.len()).any(|w| w == name_words.as_slice())
        })
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::mentions_any;

    #[test]
    fn pupil_names_are_found_as_whole_words_in_any_case() {
        let names = vec!["Daan".to_owned(), "de Wit".to_owned()];
        assert_eq!(mentions_any("Gesprek met DAAN gepland", &names), Some("Daan".into()));
        assert_eq!(mentions_any("leerling de wit mist lessen", &names), Some("de Wit".into()));
        assert_eq!(mentions_any("Driegesprek gepland; daanwezig is geen woord", &names), None);
        assert_eq!(mentions_any("Witte boorden", &names), None);
    }
}
