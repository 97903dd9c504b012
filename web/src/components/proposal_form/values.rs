//! What the proposal form holds (text as typed), how it becomes a request, and which form field
//! each of the server's field names belongs to.

use std::rc::Rc;

use arrangeer_shared::api::arrangements::{ArrangementResponse, Proposal};
use arrangeer_shared::api::preconditions::PreconditionAnswers;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::{ExecutorId, PupilId};
use arrangeer_shared::kinds::{
    ArrangementKind, CareScope, ExecutorKind, SalaryScale, StaffFunction, StartRoute,
};
use arrangeer_shared::money::{Cents, Minutes};
use chrono::NaiveDate;
use yew::prelude::*;

use crate::format;
use crate::i18n::{F, Lang, error_text, t};

/// The form as typed: numbers and dates stay text until the user saves, so nothing typed is
/// ever lost or rewritten.
#[derive(Clone, Debug, PartialEq)]
pub struct FormValues {
    pub kind: ArrangementKind,
    pub title: String,
    pub pupil_ids: Vec<PupilId>,
    pub start_route: StartRoute,
    pub care_scope: CareScope,
    pub goals_pupils: String,
    pub goals_teacher: String,
    pub goals_school: String,
    pub support_description: String,
    pub direct_hours: String,
    pub indirect_hours: String,
    pub outside_hours: String,
    pub weeks: String,
    pub start_date: String,
    pub end_date: String,
    pub executor_kind: Option<ExecutorKind>,
    /// Kept as the server has it; not chosen in this form (yet).
    pub executor_id: Option<ExecutorId>,
    pub staff_function: Option<StaffFunction>,
    pub salary_scale: Option<SalaryScale>,
    pub hourly_rate: String,
    pub case_director: String,
    /// The precondition answers (yes / no / not answered).
    pub preconditions: PreconditionAnswers,
}

impl Default for FormValues {
    fn default() -> Self {
        FormValues {
            kind: ArrangementKind::Individual,
            title: String::new(),
            pupil_ids: Vec::new(),
            start_route: StartRoute::DirectStart,
            care_scope: CareScope::EducationOnly,
            goals_pupils: String::new(),
            goals_teacher: String::new(),
            goals_school: String::new(),
            support_description: String::new(),
            direct_hours: String::new(),
            indirect_hours: String::new(),
            outside_hours: String::new(),
            weeks: String::new(),
            start_date: String::new(),
            end_date: String::new(),
            executor_kind: None,
            executor_id: None,
            staff_function: None,
            salary_scale: None,
            hourly_rate: String::new(),
            case_director: String::new(),
            preconditions: PreconditionAnswers::default(),
        }
    }
}

/// One change to the form.
pub struct Edit(pub Box<dyn FnOnce(&mut FormValues)>);

impl Reducible for FormValues {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = (*self).clone();
        (edit.0)(&mut next);
        Rc::new(next)
    }
}

/// A form that passed the browser's own checks, ready to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub kind: ArrangementKind,
    pub title: String,
    pub pupil_ids: Vec<PupilId>,
    pub start_route: StartRoute,
    pub care_scope: CareScope,
    pub proposal: Proposal,
}

impl FormValues {
    /// The form for editing an existing dossier.
    pub fn from_arrangement(a: &ArrangementResponse) -> Self {
        let p = &a.proposal;
        let text = |v: Option<u32>| v.map(format::hours_input).unwrap_or_default();
        FormValues {
            kind: a.kind,
            title: a.title.clone(),
            pupil_ids: a.pupils.iter().map(|p| p.id).collect(),
            start_route: a.start_route,
            care_scope: a.care_scope,
            goals_pupils: p.goals_pupils.clone(),
            goals_teacher: p.goals_teacher.clone(),
            goals_school: p.goals_school.clone(),
            support_description: p.support_description.clone(),
            direct_hours: text(p.direct_minutes_per_week),
            indirect_hours: text(p.indirect_minutes_per_week),
            outside_hours: text(p.outside_class_minutes_per_week),
            weeks: p.weeks.map(|w| w.to_string()).unwrap_or_default(),
            start_date: p.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end_date: p.end_date.map(|d| d.to_string()).unwrap_or_default(),
            executor_kind: p.executor_kind,
            executor_id: p.executor_id,
            staff_function: p.staff_function,
            salary_scale: p.salary_scale,
            hourly_rate: p.hourly_rate_cents.map(format::euros_input).unwrap_or_default(),
            case_director: p.case_director.clone().unwrap_or_default(),
            preconditions: p.preconditions,
        }
    }

    /// Checks what the browser can check (formats, the title) and builds the request parts;
    /// errors use the server's field names so one mapping shows both.
    pub fn parse(&self) -> Result<Parsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.title.trim().is_empty() {
            errors.push(FieldError::new("title", "required", "the title is required"));
        }
        let (proposal, invalid) = self.read_proposal();
        errors.extend(invalid);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Parsed {
            kind: self.kind,
            title: self.title.trim().to_owned(),
            pupil_ids: self.pupil_ids.clone(),
            start_route: self.start_route,
            care_scope: self.care_scope,
            proposal,
        })
    }

    /// The proposal as far as it can be read now (what does not parse stays empty), and what
    /// did not parse. The live findings evaluate this while the user types.
    pub fn read_proposal(&self) -> (Proposal, Vec<FieldError>) {
        let mut errors = Vec::new();
        let direct = hours("proposal.directMinutesPerWeek", &self.direct_hours, &mut errors);
        let indirect = hours("proposal.indirectMinutesPerWeek", &self.indirect_hours, &mut errors);
        let outside = hours("proposal.outsideClassMinutesPerWeek", &self.outside_hours, &mut errors);
        let weeks = match self.weeks.trim() {
            "" => None,
            w => w.parse::<u32>().map_err(|_| invalid(&mut errors, "proposal.weeks", "invalid_number")).ok(),
        };
        let start_date = date("proposal.startDate", &self.start_date, &mut errors);
        let end_date = date("proposal.endDate", &self.end_date, &mut errors);
        if let (Some(start), Some(end)) = (start_date, end_date)
            && end < start
        {
            invalid(&mut errors, "proposal.endDate", "end_before_start");
        }
        let hourly_rate_cents = match self.hourly_rate.trim() {
            "" => None,
            raw => match Cents::parse_euros(raw) {
                Ok(c) => Some(c.0),
                Err(e) => {
                    errors.push(FieldError::new("proposal.hourlyRateCents", e.code(), e.to_string()));
                    None
                }
            },
        };
        let internal = self.executor_kind == Some(ExecutorKind::Internal);
        let external = self.executor_kind == Some(ExecutorKind::External);
        let case_director = self.case_director.trim();
        let proposal = Proposal {
            goals_pupils: self.goals_pupils.clone(),
            goals_teacher: self.goals_teacher.clone(),
            goals_school: self.goals_school.clone(),
            support_description: self.support_description.clone(),
            direct_minutes_per_week: direct,
            indirect_minutes_per_week: indirect,
            outside_class_minutes_per_week: outside,
            weeks,
            start_date,
            end_date,
            executor_kind: self.executor_kind,
            executor_id: self.executor_id.filter(|_| external),
            staff_function: self.staff_function.filter(|_| internal),
            salary_scale: self.salary_scale.filter(|_| internal),
            hourly_rate_cents,
            case_director: (self.kind == ArrangementKind::Integral && !case_director.is_empty())
                .then(|| case_director.to_owned()),
            preconditions: self.preconditions,
        };
        (proposal, errors)
    }
}

fn invalid(errors: &mut Vec<FieldError>, field: &str, code: &str) {
    errors.push(FieldError::new(field, code, code));
}

fn hours(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> Option<u32> {
    if raw.trim().is_empty() {
        return None;
    }
    match Minutes::parse_hours(raw) {
        Ok(m) => Some(m.0),
        Err(e) => {
            errors.push(FieldError::new(field, e.code(), e.to_string()));
            None
        }
    }
}

fn date(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    match raw.trim() {
        "" => None,
        d => d.parse::<NaiveDate>().map_err(|_| invalid(errors, field, "invalid_date")).ok(),
    }
}

/// Form field id, the server's field name, and the field's label.
const FIELDS: &[(&str, &str, F)] = &[
    ("kind", "kind", F::Kind),
    ("title", "title", F::Title),
    ("pupils", "pupilIds", F::Pupils),
    ("start-route", "startRoute", F::StartRoute),
    ("care-scope", "careScope", F::CareScope),
    ("goals-pupils", "proposal.goalsPupils", F::GoalsPupils),
    ("goals-teacher", "proposal.goalsTeacher", F::GoalsTeacher),
    ("goals-school", "proposal.goalsSchool", F::GoalsSchool),
    ("support-description", "proposal.supportDescription", F::SupportDescription),
    ("direct-hours", "proposal.directMinutesPerWeek", F::DirectHours),
    ("indirect-hours", "proposal.indirectMinutesPerWeek", F::IndirectHours),
    ("outside-hours", "proposal.outsideClassMinutesPerWeek", F::OutsideHours),
    ("weeks", "proposal.weeks", F::Weeks),
    ("start-date", "proposal.startDate", F::StartDate),
    ("end-date", "proposal.endDate", F::EndDate),
    ("executor-kind", "proposal.executorKind", F::ExecutorKind),
    ("executor-kind", "proposal.executorId", F::ExecutorKind),
    ("staff-function", "proposal.staffFunction", F::StaffFunction),
    ("salary-scale", "proposal.salaryScale", F::SalaryScale),
    ("hourly-rate", "proposal.hourlyRateCents", F::HourlyRate),
    ("case-director", "proposal.caseDirector", F::CaseDirector),
];

/// The form field (id and label) a server field name belongs to: `pupilIds[1]` → the pupils.
pub fn form_field(server_field: &str) -> Option<(&'static str, F)> {
    let name = server_field.split('[').next().unwrap_or(server_field);
    FIELDS.iter().find(|(_, server, _)| *server == name).map(|(id, _, label)| (*id, *label))
}

/// The message of one field error, in the user's language when the code is known.
pub fn message(lang: Lang, error: &FieldError) -> String {
    error_text(&error.code).map(|key| t(lang, key).to_owned()).unwrap_or_else(|| error.message.clone())
}

/// The first error of form field `id`, as text.
pub fn error_for(lang: Lang, errors: &[FieldError], id: &str) -> Option<AttrValue> {
    errors
        .iter()
        .find(|e| form_field(&e.field).is_some_and(|(field, _)| field == id))
        .map(|e| AttrValue::from(message(lang, e)))
}

/// Every error as "label: message", with the form field it links to.
pub fn summary(lang: Lang, errors: &[FieldError]) -> Vec<crate::components::fields::SummaryItem> {
    errors
        .iter()
        .map(|e| match form_field(&e.field) {
            Some((id, label)) => crate::components::fields::SummaryItem {
                target: Some(id.to_owned()),
                message: format!("{}: {}", t(lang, label), message(lang, e)),
            },
            None => crate::components::fields::SummaryItem { target: None, message: message(lang, e) },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_hours_and_euros_become_minutes_and_cents() {
        let form = FormValues {
            title: "Leesgroep".into(),
            direct_hours: "2,5".into(),
            indirect_hours: "0:30".into(),
            weeks: "20".into(),
            start_date: "2027-01-04".into(),
            hourly_rate: "80,50".into(),
            case_director: "ignored for an individual arrangement".into(),
            ..FormValues::default()
        };
        let parsed = form.parse().expect("valid form");
        assert_eq!(parsed.proposal.direct_minutes_per_week, Some(150));
        assert_eq!(parsed.proposal.indirect_minutes_per_week, Some(30));
        assert_eq!(parsed.proposal.weeks, Some(20));
        assert_eq!(parsed.proposal.hourly_rate_cents, Some(8_050));
        assert_eq!(parsed.proposal.case_director, None);
    }

    #[test]
    fn bad_input_is_reported_per_field_in_the_servers_names() {
        let form = FormValues {
            direct_hours: "twee".into(),
            hourly_rate: "80,505".into(),
            start_date: "2027-02-01".into(),
            end_date: "2027-01-01".into(),
            ..FormValues::default()
        };
        let fields: Vec<String> = form.parse().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["title", "proposal.directMinutesPerWeek", "proposal.endDate", "proposal.hourlyRateCents"]
        );
        assert_eq!(form_field("pupilIds[1]"), Some(("pupils", F::Pupils)));
        assert_eq!(form_field("proposal.caseDirector"), Some(("case-director", F::CaseDirector)));
    }
}
