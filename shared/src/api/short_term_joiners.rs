//! Short-term joiners (kortdurende instroom) in a cluster arrangement: a pupil joins one part
//! of the offer for a short period without an OPP (DOMAIN.md, side routes). The parents are
//! informed (they have no consent right here) and an action plan (handelingsplan) is required.
//! A joiner is not a pupil of the arrangement: no consent flow, no OPP clock.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::problem::FieldError;
use crate::api::pupils::PupilRef;
use crate::ids::{ArrangementId, PupilId, UserId};
use crate::text;

/// The longest a short-term join may last: 13 weeks (a quarter of a school year). Longer
/// support is no short join: the pupil then needs an OPP and a place in the arrangement.
pub const MAX_DAYS: i64 = 13 * 7;

/// `POST /api/v1/arrangements/{id}/short-term-joiners` (school staff of the arrangement's school).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateShortTermJoinerRequest {
    /// A pupil of the arrangement's school who is not one of its own pupils.
    pub pupil_id: PupilId,
    /// Which part of the cluster's offer the pupil joins, e.g. `leesgroep op dinsdag`.
    pub offer_part: String,
    pub starts_on: NaiveDate,
    /// At most 13 weeks after `startsOn`.
    pub ends_on: NaiveDate,
    /// The action plan: an attachment of kind `action_plan` of this arrangement (upload it
    /// first). Required: without it the server answers 422 naming this field.
    #[serde(default)]
    pub action_plan_attachment_id: Option<String>,
    /// The parents were informed. Required to be `true`: they have no consent right on a short
    /// join, but they must know before it starts.
    pub parents_informed: bool,
}

impl CreateShortTermJoinerRequest {
    /// The checks that need nothing but the request (the server adds those that need data).
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors: Vec<FieldError> =
            text::check("offerPart", &self.offer_part, true, text::SHORT).into_iter().collect();
        if self.ends_on < self.starts_on {
            errors.push(FieldError::new("endsOn", "before_start", "the join ends before it starts"));
        } else if (self.ends_on - self.starts_on).num_days() > MAX_DAYS {
            errors.push(FieldError::new(
                "endsOn",
                "too_long",
                "a short-term join lasts at most 13 weeks; longer support needs an OPP",
            ));
        }
        if self.action_plan_attachment_id.as_deref().is_none_or(|a| a.trim().is_empty()) {
            errors.push(FieldError::new(
                "actionPlanAttachmentId",
                "required",
                "attach the action plan (an attachment of kind action_plan)",
            ));
        }
        if !self.parents_informed {
            errors.push(FieldError::new(
                "parentsInformed",
                "required",
                "inform the parents before the pupil joins",
            ));
        }
        errors
    }
}

/// The action plan of a join, as stored among the dossier's attachments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActionPlanRef {
    /// The attachment's id (`GET /arrangements/{id}/attachments/{attachmentId}`).
    pub id: String,
    pub file_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ShortTermJoinerResponse {
    pub id: String,
    pub arrangement_id: ArrangementId,
    pub pupil: PupilRef,
    pub offer_part: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub action_plan: ActionPlanRef,
    pub parents_informed: bool,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> CreateShortTermJoinerRequest {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).expect("date");
        CreateShortTermJoinerRequest {
            pupil_id: PupilId(uuid::Uuid::nil()),
            offer_part: "Leesgroep op dinsdag".into(),
            starts_on: d(1, 4),
            ends_on: d(3, 26),
            action_plan_attachment_id: Some("a".into()),
            parents_informed: true,
        }
    }

    #[test]
    fn a_join_needs_an_action_plan_informed_parents_and_a_short_period() {
        assert!(request().check().is_empty());
        let mut bad = request();
        bad.action_plan_attachment_id = None;
        bad.parents_informed = false;
        bad.ends_on = bad.starts_on + chrono::Duration::days(MAX_DAYS + 1);
        let fields: Vec<String> = bad.check().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["endsOn", "actionPlanAttachmentId", "parentsInformed"]);
        let mut backwards = request();
        backwards.ends_on = backwards.starts_on - chrono::Duration::days(1);
        assert_eq!(backwards.check()[0].code, "before_start");
    }
}
