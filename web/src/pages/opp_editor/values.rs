//! What the editor's fields hold (strings, as typed), how they become an [`OppContent`], and
//! how the server's field names (`content.goals[0].targetDate`) map to the fields' ids.

use arrangeer_shared::api::opps::{GoalDomain, OppActionRow, OppContent, OppGoal};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::GoalId;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub struct GoalValues {
    pub id: Option<GoalId>,
    pub domain: GoalDomain,
    pub description: String,
    pub criterion: String,
    pub target_date: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ActionValues {
    pub support: String,
    pub by_whom: String,
    pub frequency: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// The six text parts of the plan, in the order of [`TEXTS`].
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FormValues {
    pub texts: [String; 6],
    pub goals: Vec<GoalValues>,
    pub actions: Vec<ActionValues>,
}

/// The text parts: wire name, field id.
pub const TEXTS: [(&str, &str); 6] = [
    ("expectedExitLevel", "opp-expected-exit-level"),
    ("exitLevelReasoning", "opp-exit-level-reasoning"),
    ("stimulatingFactors", "opp-stimulating-factors"),
    ("hinderingFactors", "opp-hindering-factors"),
    ("educationalNeeds", "opp-educational-needs"),
    ("pupilVoice", "opp-pupil-voice"),
];

impl Default for GoalValues {
    fn default() -> Self {
        GoalValues {
            id: None,
            domain: GoalDomain::Reading,
            description: String::new(),
            criterion: String::new(),
            target_date: String::new(),
        }
    }
}

impl FormValues {
    pub fn from_content(c: &OppContent) -> FormValues {
        FormValues {
            texts: [
                c.expected_exit_level.clone(),
                c.exit_level_reasoning.clone(),
                c.stimulating_factors.clone(),
                c.hindering_factors.clone(),
                c.educational_needs.clone(),
                c.pupil_voice.clone(),
            ],
            goals: c
                .goals
                .iter()
                .map(|g| GoalValues {
                    id: g.id,
                    domain: g.domain,
                    description: g.description.clone(),
                    criterion: g.criterion.clone(),
                    target_date: g.target_date.to_string(),
                })
                .collect(),
            actions: c
                .action_part
                .iter()
                .map(|r| ActionValues {
                    support: r.support.clone(),
                    by_whom: r.by_whom.clone(),
                    frequency: r.frequency.clone(),
                    starts_on: r.starts_on.to_string(),
                    ends_on: r.ends_on.to_string(),
                })
                .collect(),
        }
    }

    /// Takes the ids the server gave to new goals (in order, as saved) from `saved`.
    pub fn take_goal_ids(&mut self, saved: Option<&OppContent>) {
        let Some(saved) = saved else { return };
        for (goal, stored) in self.goals.iter_mut().zip(&saved.goals) {
            if goal.id.is_none() {
                goal.id = stored.id;
            }
        }
    }

    /// The plan, or the fields whose dates are missing or not dates (server field names).
    pub fn to_content(&self) -> Result<OppContent, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut date = |field: String, value: &str| match value.trim().parse::<NaiveDate>() {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new(field, "invalid_date", "choose a date"));
                None
            }
        };
        let goals: Vec<Option<OppGoal>> = self
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| {
                date(format!("content.goals[{i}].targetDate"), &g.target_date).map(|target_date| OppGoal {
                    id: g.id,
                    domain: g.domain,
                    description: g.description.clone(),
                    criterion: g.criterion.clone(),
                    target_date,
                })
            })
            .collect();
        let actions: Vec<Option<OppActionRow>> = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let starts = date(format!("content.actionPart[{i}].startsOn"), &r.starts_on);
                let ends = date(format!("content.actionPart[{i}].endsOn"), &r.ends_on);
                Some(OppActionRow {
                    support: r.support.clone(),
                    by_whom: r.by_whom.clone(),
                    frequency: r.frequency.clone(),
                    starts_on: starts?,
                    ends_on: ends?,
                })
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let [exit, reasoning, stimulating, hindering, needs, voice] = self.texts.clone();
        let content = OppContent {
            expected_exit_level: exit,
            exit_level_reasoning: reasoning,
            stimulating_factors: stimulating,
            hindering_factors: hindering,
            educational_needs: needs,
            goals: goals.into_iter().flatten().collect(),
            action_part: actions.into_iter().flatten().collect(),
            pupil_voice: voice,
        };
        let errors = content.check("content.", false);
        if errors.is_empty() { Ok(content) } else { Err(errors) }
    }
}

/// `camelCase` → `kebab-case`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The id of the field a server field name points at: `content.goals[0].targetDate` →
/// `opp-goal-0-target-date`, `content.actionPart` → `opp-actions`.
pub fn field_id(field: &str) -> String {
    let name = field.strip_prefix("content.").unwrap_or(field);
    let list = |rest: &str, singular: &str| -> Option<String> {
        let (index, part) = rest.strip_prefix('[')?.split_once(']')?;
        let part = part.strip_prefix('.').unwrap_or(part);
        Some(if part.is_empty() {
            format!("opp-{singular}-{index}")
        } else {
            format!("opp-{singular}-{index}-{}", kebab(part))
        })
    };
    match name {
        "goals" => "opp-goals".into(),
        "actionPart" => "opp-actions".into(),
        _ => name
            .strip_prefix("goals")
            .and_then(|rest| list(rest, "goal"))
            .or_else(|| name.strip_prefix("actionPart").and_then(|rest| list(rest, "action")))
            .unwrap_or_else(|| format!("opp-{}", kebab(name))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_fields_map_to_the_ids_of_the_fields() {
        assert_eq!(field_id("content.goals[0].targetDate"), "opp-goal-0-target-date");
        assert_eq!(field_id("content.actionPart[2].byWhom"), "opp-action-2-by-whom");
        assert_eq!(field_id("content.pupilVoice"), "opp-pupil-voice");
        assert_eq!(field_id("content.actionPart"), "opp-actions");
        for (wire, id) in TEXTS {
            assert_eq!(field_id(&format!("content.{wire}")), id);
        }
    }

    #[test]
    fn a_missing_date_is_named_and_a_full_form_round_trips() {
        let mut values = FormValues::default();
        values.goals.push(GoalValues { description: "Leest AVI M5".into(), ..GoalValues::default() });
        let errors = values.to_content().expect_err("no date");
        assert_eq!(errors[0].field, "content.goals[0].targetDate");
        values.goals[0].target_date = "2027-06-01".into();
        let content = values.to_content().expect("valid");
        assert_eq!(FormValues::from_content(&content), values);
    }
}
