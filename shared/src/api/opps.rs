//! The development plan (ontwikkelingsperspectiefplan, OPP) of a pupil: a draft the school
//! edits, immutable numbered published versions, the guardians' consent per version, the
//! consensus-seeking meeting (OOGO) and evaluations per goal.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::problem::FieldError;
use crate::api::pupils::PupilRef;
use crate::ids::{ArrangementId, GoalId, OppId, PupilId, UserId};
use crate::text;
use crate::workflow::Status;

vocabulary! {
    /// The development area a goal belongs to.
    GoalDomain {
        Reading = "reading",
        Spelling = "spelling",
        Maths = "maths",
        Language = "language",
        SocialEmotional = "social_emotional",
        WorkAttitude = "work_attitude",
        Motor = "motor",
        Communication = "communication",
        Other = "other",
    }
}

vocabulary! {
    /// What one guardian said about the action part of one published version.
    ConsentDecision {
        /// Agrees with the action part.
        Agree = "agree",
        /// Does not agree with the action part.
        Disagree = "disagree",
        /// Withdraws an earlier agreement.
        Withdraw = "withdraw",
    }
}

vocabulary! {
    /// The consent of all guardians together on one published version.
    ConsentStatus {
        /// Not every guardian has answered yet (or there is no guardian to ask).
        Pending = "pending",
        /// Every guardian agrees.
        Given = "given",
        /// A guardian disagrees.
        Refused = "refused",
        /// A guardian withdrew an earlier agreement.
        Withdrawn = "withdrawn",
    }
}

vocabulary! {
    /// How far a goal was reached at an evaluation.
    GoalResult {
        Achieved = "achieved",
        PartlyAchieved = "partly_achieved",
        NotAchieved = "not_achieved",
    }
}

/// A SMART goal: what, how it is measured, by when, in which area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OppGoal {
    /// Stable across versions; leave it out for a new goal and the server assigns one.
    #[serde(default)]
    pub id: Option<GoalId>,
    pub domain: GoalDomain,
    /// What the pupil will be able to do.
    pub description: String,
    /// How we see that it is reached (measurable).
    pub criterion: String,
    pub target_date: NaiveDate,
}

/// One row of the action part (handelingsdeel): the support, who gives it, how often, when.
/// Guardians consent to this part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OppActionRow {
    pub support: String,
    pub by_whom: String,
    /// E.g. `2 x 30 minuten per week`.
    pub frequency: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// The contents of a plan, as drafted and as published.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct OppContent {
    /// The development perspective: the expected exit level (uitstroomniveau).
    pub expected_exit_level: String,
    /// Why this exit level is expected.
    pub exit_level_reasoning: String,
    pub stimulating_factors: String,
    pub hindering_factors: String,
    pub educational_needs: String,
    pub goals: Vec<OppGoal>,
    /// The action part (handelingsdeel), to which the guardians consent.
    pub action_part: Vec<OppActionRow>,
    /// The pupil's own voice (hoorrecht): what the pupil says about the plan.
    pub pupil_voice: String,
}

impl OppContent {
    /// The text fields of the plan with their wire names.
    fn texts(&self) -> [(&'static str, &str); 6] {
        [
            ("expectedExitLevel", self.expected_exit_level.as_str()),
            ("exitLevelReasoning", self.exit_level_reasoning.as_str()),
            ("stimulatingFactors", self.stimulating_factors.as_str()),
            ("hinderingFactors", self.hindering_factors.as_str()),
            ("educationalNeeds", self.educational_needs.as_str()),
            ("pupilVoice", self.pupil_voice.as_str()),
        ]
    }

    /// Checks a draft (`publishing = false`: lengths and dates only) or what is about to be
    /// published (everything required: a plan without goals or action part is no plan).
    pub fn check(&self, prefix: &str, publishing: bool) -> Vec<FieldError> {
        let field = |name: &str| format!("{prefix}{name}");
        let mut errors: Vec<FieldError> = self
            .texts()
            .iter()
            .filter_map(|(name, value)| {
                let max = if *name == "expectedExitLevel" { text::SHORT } else { text::LONG };
                text::check(&field(name), value, publishing, max)
            })
            .collect();
        for (i, g) in self.goals.iter().enumerate() {
            let f = |name: &str| field(&format!("goals[{i}].{name}"));
            errors.extend(text::check(&f("description"), &g.description, true, text::LONG));
            errors.extend(text::check(&f("criterion"), &g.criterion, publishing, text::LONG));
        }
        for (i, row) in self.action_part.iter().enumerate() {
            let f = |name: &str| field(&format!("actionPart[{i}].{name}"));
            errors.extend(text::check(&f("support"), &row.support, true, text::LONG));
            errors.extend(text::check(&f("byWhom"), &row.by_whom, publishing, text::SHORT));
            errors.extend(text::check(&f("frequency"), &row.frequency, publishing, text::SHORT));
            if row.ends_on < row.starts_on {
                errors.push(FieldError::new(
                    f("endsOn"),
                    "before_start",
                    "the support ends before it starts",
                ));
            }
        }
        if publishing && self.goals.is_empty() {
            errors.push(FieldError::new(field("goals"), "required", "add at least one goal"));
        }
        if publishing && self.action_part.is_empty() {
            errors.push(FieldError::new(field("actionPart"), "required", "describe the support to be given"));
        }
        errors
    }
}

/// `POST /api/v1/opps`: start the plan of a pupil (school staff of the pupil's school).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateOppRequest {
    pub pupil_id: PupilId,
    #[serde(default)]
    pub content: OppContent,
}

/// `PUT /api/v1/opps/{id}`: replace the draft, with `If-Match`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateOppRequest {
    pub content: OppContent,
}

/// An arrangement the pupil is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OppArrangementRef {
    pub id: ArrangementId,
    pub title: String,
    pub status: Status,
}

/// One guardian's current answer on one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct GuardianConsent {
    pub guardian_id: UserId,
    pub name: String,
    /// `null` while the guardian has not answered.
    pub decision: Option<ConsentDecision>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// The consent on one version: overall and per guardian.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConsentSummary {
    pub version_number: i32,
    pub status: ConsentStatus,
    pub guardians: Vec<GuardianConsent>,
}

/// The overall status from each guardian's latest decision: a refusal or withdrawal by one
/// guardian counts; consent is given only when every guardian agrees.
pub fn consent_status(latest: &[Option<ConsentDecision>]) -> ConsentStatus {
    if latest.contains(&Some(ConsentDecision::Disagree)) {
        ConsentStatus::Refused
    } else if latest.contains(&Some(ConsentDecision::Withdraw)) {
        ConsentStatus::Withdrawn
    } else if !latest.is_empty() && latest.iter().all(|d| *d == Some(ConsentDecision::Agree)) {
        ConsentStatus::Given
    } else {
        ConsentStatus::Pending
    }
}

/// A plan: the draft (for staff), the latest published version and its consent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OppResponse {
    pub id: OppId,
    pub pupil: PupilRef,
    /// The arrangements the pupil is in.
    pub arrangements: Vec<OppArrangementRef>,
    /// The draft being edited; `null` for parents, who see published versions only.
    pub draft: Option<OppContent>,
    /// Whether the draft differs from the latest published version (`true` before the first).
    pub unpublished_changes: bool,
    /// The latest published version, `null` before the first publication.
    pub published: Option<OppVersionResponse>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// A plan in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OppSummary {
    pub id: OppId,
    pub pupil: PupilRef,
    /// The number of the latest published version (0: none yet).
    pub latest_version: i32,
    /// The consent on the latest published version, if there is one.
    pub consent_status: Option<ConsentStatus>,
    pub updated_at: DateTime<Utc>,
}

/// What changed in one part of the plan between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OppChange {
    /// The part, by its field name: `educationalNeeds`, `goals`, `actionPart`, …
    pub field: String,
    pub change: ChangeKind,
    /// The text before (for goals and action rows: a one-line summary).
    pub before: Option<String>,
    pub after: Option<String>,
}

vocabulary! {
    /// How a part of the plan changed.
    ChangeKind {
        Added = "added",
        Removed = "removed",
        Changed = "changed",
    }
}

/// A published version: immutable, numbered from 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OppVersionResponse {
    pub number: i32,
    pub content: OppContent,
    pub published_at: DateTime<Utc>,
    pub published_by: String,
    /// What changed since the previous version (everything is `added` in version 1).
    pub changes: Vec<OppChange>,
    pub consent: ConsentSummary,
}

/// A version in the history list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OppVersionSummary {
    pub number: i32,
    pub published_at: DateTime<Utc>,
    pub published_by: String,
    pub consent_status: ConsentStatus,
    /// How many parts changed since the previous version.
    pub change_count: usize,
}

/// `POST /api/v1/opps/{id}/versions/{number}/consents`: a guardian's answer on the action part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsentRequest {
    pub decision: ConsentDecision,
    /// The guardian's view (zienswijze) on the plan, optional.
    #[serde(default)]
    pub view: Option<String>,
}

/// One recorded answer: append-only, so earlier answers stay visible with their version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConsentResponse {
    pub id: String,
    pub version_number: i32,
    pub guardian_id: UserId,
    pub guardian_name: String,
    pub decision: ConsentDecision,
    pub view: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/opps/{id}/meetings`: the consensus-seeking meeting (OOGO) on the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateOppMeetingRequest {
    pub held_on: NaiveDate,
    /// Who took part (names and what they are: `moeder`, `intern begeleider`, …).
    pub participants: Vec<String>,
    pub outcome: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OppMeetingResponse {
    pub id: String,
    pub held_on: NaiveDate,
    pub participants: Vec<String>,
    pub outcome: String,
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/opps/{id}/goal-evaluations`: how far a goal of the published plan was reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateGoalEvaluationRequest {
    pub goal_id: GoalId,
    pub result: GoalResult,
    pub note: String,
    pub evaluated_on: NaiveDate,
    /// Whether the guardians took part (the yearly evaluation is held with them).
    #[serde(default)]
    pub with_parents: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct GoalEvaluationResponse {
    pub id: String,
    pub goal_id: GoalId,
    /// The goal as published, for reading the evaluation on its own.
    pub goal_description: String,
    pub result: GoalResult,
    pub note: String,
    pub evaluated_on: NaiveDate,
    pub with_parents: bool,
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

fn goal_line(g: &OppGoal) -> String {
    format!("{} ({}, {}): {}", g.description, g.domain, g.target_date, g.criterion)
}

fn action_line(r: &OppActionRow) -> String {
    format!("{} — {}, {}, {} t/m {}", r.support, r.by_whom, r.frequency, r.starts_on, r.ends_on)
}

/// What changed from `before` (`None`: nothing published yet) to `after`, part by part.
/// Goals are matched by id; action rows, which have none, by their whole contents.
pub fn diff(before: Option<&OppContent>, after: &OppContent) -> Vec<OppChange> {
    let empty = OppContent::default();
    let old = before.unwrap_or(&empty);
    let mut changes = Vec::new();
    let change = |field: &str, kind: ChangeKind, before: Option<String>, after: Option<String>| OppChange {
        field: field.to_owned(),
        change: kind,
        before,
        after,
    };
    for ((field, was), (_, is)) in old.texts().into_iter().zip(after.texts()) {
        let kind = match (was.is_empty(), is.is_empty()) {
            _ if was == is => continue,
            (true, false) => ChangeKind::Added,
            (false, true) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        changes.push(change(
            field,
            kind,
            Some(was.to_owned()).filter(|s| !s.is_empty()),
            Some(is.to_owned()).filter(|s| !s.is_empty()),
        ));
    }
    for g in &after.goals {
        match old.goals.iter().find(|o| o.id.is_some() && o.id == g.id) {
            None => changes.push(change("goals", ChangeKind::Added, None, Some(goal_line(g)))),
            Some(o) if o != g => {
                changes.push(change("goals", ChangeKind::Changed, Some(goal_line(o)), Some(goal_line(g))));
            }
            Some(_) => {}
        }
    }
    for o in old.goals.iter().filter(|o| !after.goals.iter().any(|g| g.id.is_some() && g.id == o.id)) {
        changes.push(change("goals", ChangeKind::Removed, Some(goal_line(o)), None));
    }
    for r in after.action_part.iter().filter(|r| !old.action_part.contains(r)) {
        changes.push(change("actionPart", ChangeKind::Added, None, Some(action_line(r))));
    }
    for r in old.action_part.iter().filter(|r| !after.action_part.contains(r)) {
        changes.push(change("actionPart", ChangeKind::Removed, Some(action_line(r)), None));
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).expect("date")
    }

    fn plan() -> OppContent {
        OppContent {
            expected_exit_level: "vmbo-kader".into(),
            exit_level_reasoning: "Toetsresultaten groep 5 en 6.".into(),
            stimulating_factors: "Gemotiveerd".into(),
            hindering_factors: "Snel afgeleid".into(),
            educational_needs: "Korte instructie".into(),
            goals: vec![OppGoal {
                id: Some(GoalId(uuid::Uuid::from_u128(1))),
                domain: GoalDomain::Reading,
                description: "Leest AVI M5".into(),
                criterion: "AVI-toets".into(),
                target_date: date(6, 1),
            }],
            action_part: vec![OppActionRow {
                support: "Leesgroepje".into(),
                by_whom: "RT'er".into(),
                frequency: "2 x per week".into(),
                starts_on: date(1, 4),
                ends_on: date(6, 25),
            }],
            pupil_voice: "Ik wil beter lezen.".into(),
        }
    }

    #[test]
    fn diff_from_nothing_adds_every_filled_part() {
        let changes = diff(None, &plan());
        assert_eq!(changes.len(), 8);
        assert!(changes.iter().all(|c| c.change == ChangeKind::Added && c.before.is_none()));
    }

    #[test]
    fn diff_names_changed_texts_goals_and_action_rows() {
        let old = plan();
        let mut new = plan();
        new.educational_needs = "Korte instructie en een time-timer".into();
        new.goals[0].criterion = "AVI-toets en DMT".into();
        new.action_part[0].frequency = "3 x per week".into();
        new.hindering_factors.clear();
        let changes = diff(Some(&old), &new);
        let kinds: Vec<(&str, ChangeKind)> = changes.iter().map(|c| (c.field.as_str(), c.change)).collect();
        assert_eq!(
            kinds,
            vec![
                ("hinderingFactors", ChangeKind::Removed),
                ("educationalNeeds", ChangeKind::Changed),
                ("goals", ChangeKind::Changed),
                ("actionPart", ChangeKind::Added),
                ("actionPart", ChangeKind::Removed),
            ]
        );
        assert!(diff(Some(&old), &old).is_empty());
    }

    #[test]
    fn consent_is_given_only_when_every_guardian_agrees() {
        use ConsentDecision::{Agree, Disagree, Withdraw};
        assert_eq!(consent_status(&[]), ConsentStatus::Pending);
        assert_eq!(consent_status(&[Some(Agree), None]), ConsentStatus::Pending);
        assert_eq!(consent_status(&[Some(Agree), Some(Agree)]), ConsentStatus::Given);
        assert_eq!(consent_status(&[Some(Agree), Some(Disagree)]), ConsentStatus::Refused);
        assert_eq!(consent_status(&[Some(Withdraw), Some(Agree)]), ConsentStatus::Withdrawn);
    }

    #[test]
    fn publishing_requires_goals_action_part_and_the_pupils_voice() {
        let fields: Vec<String> =
            OppContent::default().check("content.", true).into_iter().map(|e| e.field).collect();
        for f in ["content.pupilVoice", "content.goals", "content.actionPart", "content.educationalNeeds"] {
            assert!(fields.contains(&f.to_owned()), "{f}: {fields:?}");
        }
        assert!(OppContent::default().check("content.", false).is_empty());
        assert!(plan().check("content.", true).is_empty());
        let mut backwards = plan();
        backwards.action_part[0].ends_on = date(1, 1);
        assert_eq!(backwards.check("", false)[0].field, "actionPart[0].endsOn");
    }
}
