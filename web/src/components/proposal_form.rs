//! The dossier form: kind, title, pupils, route and the proposal. Used to start a dossier and
//! to edit its proposal. It keeps what was typed across failed saves; the page passes in the
//! server's field errors, which are shown at their fields and in a summary at the top.

pub mod values;

use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::kinds::{
    ArrangementKind, CareScope, ExecutorKind, SalaryScale, StaffFunction, StartRoute,
};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use std::rc::Rc;

use arrangeer_shared::policy::{Finding, Precondition};

use self::values::{Edit, FormValues, Parsed, error_for, summary};
use super::fields::{
    ErrorSummaryProps, SelectFieldProps, TextFieldProps, error_summary, select_field, text_field,
};
use super::focus_by_id;
use super::live_findings::{
    PolicyState, RulesSummaryProps, asked_preconditions, live_findings, notes_for, precondition_id,
    rules_summary, today, use_policy,
};
use super::pupil_picker::PupilPicker;
use crate::i18n::{F, Lang, R, T, t};

#[derive(Properties, PartialEq)]
pub struct ProposalFormProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub initial: FormValues,
    /// The kind can be chosen only when the dossier is started.
    pub kind_editable: bool,
    /// Field errors of the last save (422).
    pub server_errors: Vec<FieldError>,
    pub busy: bool,
    pub submit_label: F,
    pub on_submit: Callback<Parsed>,
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

/// `(value, text)` options of a vocabulary select; `none` adds an empty first option.
fn options<V: Copy>(
    lang: Lang,
    all: &[V],
    value: fn(V) -> &'static str,
    text: fn(V) -> T,
    none: bool,
) -> Vec<(AttrValue, AttrValue)> {
    let empty = none.then(|| (AttrValue::Static(""), AttrValue::Static(t(lang, F::NotChosen))));
    empty.into_iter().chain(all.iter().map(|v| (value(*v).into(), t(lang, text(*v)).into()))).collect()
}

#[component]
pub fn ProposalForm(props: &ProposalFormProps) -> Html {
    let lang = props.lang;
    let initial = props.initial.clone();
    let form = use_reducer(move || initial);
    let local_errors = use_value(Vec::<FieldError>::new);

    let errors: Vec<FieldError> =
        if local_errors.is_empty() { props.server_errors.clone() } else { (*local_errors).clone() };
    // a failed save moves focus to the list of problems, which is also announced
    use_effect_on(errors.clone(), |errors| {
        if !errors.is_empty() {
            focus_by_id("error-summary");
        }
    });

    let on = |apply: fn(&mut FormValues, String)| {
        let form = form.clone();
        Callback::from(move |v: String| form.dispatch(Edit(Box::new(move |f| apply(f, v)))))
    };
    let on_pupils = {
        let form = form.clone();
        Callback::from(move |ids| form.dispatch(Edit(Box::new(move |f| f.pupil_ids = ids))))
    };
    let onsubmit = {
        let form = form.clone();
        let local_errors = local_errors.clone();
        let on_submit = props.on_submit.clone();
        let busy = props.busy;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if busy {
                return;
            }
            match form.parse() {
                Ok(parsed) => {
                    local_errors.set(Vec::new());
                    on_submit.emit(parsed);
                }
                Err(errors) => local_errors.set(errors),
            }
        })
    };
    let on_cancel = props.on_cancel.clone().map(|cb| cb.reform(|_: MouseEvent| ()));

    let f = &*form;
    let err = |id: &str| error_for(lang, &errors, id);
    // the partnership's rules, evaluated on every keystroke with the server's own functions
    let policy = use_policy();
    let findings: Rc<Vec<Finding>> = Rc::new(match &policy {
        PolicyState::Loaded(p) => live_findings(p, f, today()),
        PolicyState::Loading | PolicyState::Failed(_) => Vec::new(),
    });
    let notes = |id: &str| notes_for(lang, &findings, id);
    let asked = match &policy {
        PolicyState::Loaded(p) => asked_preconditions(p, f),
        PolicyState::Loading | PolicyState::Failed(_) => Vec::new(),
    };
    let answer_options = || -> Vec<(AttrValue, AttrValue)> {
        vec![
            (AttrValue::Static(""), AttrValue::Static(t(lang, R::AnswerUnknown))),
            (AttrValue::Static("yes"), AttrValue::Static(t(lang, R::AnswerYes))),
            (AttrValue::Static("no"), AttrValue::Static(t(lang, R::AnswerNo))),
        ]
    };
    let precondition_field = |condition: Precondition| {
        let form = form.clone();
        let onchange = Callback::from(move |v: String| {
            let answer = match v.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            form.dispatch(Edit(Box::new(move |f| f.preconditions.set(condition, answer))));
        });
        let value = match f.preconditions.get(condition) {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let id = precondition_id(condition);
        html! {
            { select_field(&yew::props!(SelectFieldProps { id: id, label: t(lang, R::Precondition(condition)), value: value, options: answer_options(), onchange: onchange, error: err(id), notes: notes(id) })) }
        }
    };
    let hours_hint = AttrValue::from(t(lang, F::HoursHint));
    let internal = f.executor_kind == Some(ExecutorKind::Internal);
    let external = f.executor_kind == Some(ExecutorKind::External);

    html! {
        <form id="dossier-form" class="stacked" {onsubmit} novalidate=true>
            { error_summary(&yew::props!(ErrorSummaryProps { title: t(lang, F::ErrorSummary), items: summary(lang, &errors) })) }
            <fieldset>
                <legend>{ t(lang, F::SectionBasics) }</legend>
                { select_field(&yew::props!(SelectFieldProps { id: "kind", label: t(lang, F::Kind), value: f.kind.as_str(), options: options(lang, ArrangementKind::ALL, ArrangementKind::as_str, T::Kind, false), disabled: !props.kind_editable, error: err("kind"), hint: (!props.kind_editable).then(|| AttrValue::from(t(lang, F::KindFixed))), onchange: on(|f, v| {
                        f.kind = ArrangementKind::parse(&v).unwrap_or(f.kind);
                        if f.kind != ArrangementKind::Cluster {
                            f.pupil_ids.truncate(1);
                        }
                    }) })) }
                { text_field(&yew::props!(TextFieldProps { id: "title", label: t(lang, F::Title), hint: t(lang, F::TitleHint), required: true, value: f.title.clone(), oninput: on(|f, v| f.title = v), error: err("title") })) }
                <PupilPicker lang={lang} token={props.token.clone()} multiple={f.kind == ArrangementKind::Cluster}
                    selected={f.pupil_ids.clone()} on_change={on_pupils} error={err("pupils")} />
                { select_field(&yew::props!(SelectFieldProps { id: "start-route", label: t(lang, F::StartRoute), value: f.start_route.as_str(), options: options(lang, StartRoute::ALL, StartRoute::as_str, T::StartRoute, false), error: err("start-route"), onchange: on(|f, v| f.start_route = StartRoute::parse(&v).unwrap_or(f.start_route)) })) }
                { select_field(&yew::props!(SelectFieldProps { id: "care-scope", label: t(lang, F::CareScope), value: f.care_scope.as_str(), options: options(lang, CareScope::ALL, CareScope::as_str, T::CareScope, false), error: err("care-scope"), onchange: on(|f, v| f.care_scope = CareScope::parse(&v).unwrap_or(f.care_scope)) })) }
                if f.kind == ArrangementKind::Integral {
                    { text_field(&yew::props!(TextFieldProps { id: "case-director", label: t(lang, F::CaseDirector), hint: t(lang, F::CaseDirectorHint), value: f.case_director.clone(), oninput: on(|f, v| f.case_director = v), error: err("case-director"), notes: notes("case-director") })) }
                }
            </fieldset>
            <fieldset>
                <legend>{ t(lang, F::SectionProposal) }</legend>
                { text_field(&yew::props!(TextFieldProps { id: "goals-pupils", label: t(lang, F::GoalsPupils), hint: t(lang, F::GoalsPupilsHint), multiline: true, value: f.goals_pupils.clone(), oninput: on(|f, v| f.goals_pupils = v), error: err("goals-pupils") })) }
                { text_field(&yew::props!(TextFieldProps { id: "goals-teacher", label: t(lang, F::GoalsTeacher), multiline: true, value: f.goals_teacher.clone(), oninput: on(|f, v| f.goals_teacher = v), error: err("goals-teacher") })) }
                { text_field(&yew::props!(TextFieldProps { id: "goals-school", label: t(lang, F::GoalsSchool), multiline: true, value: f.goals_school.clone(), oninput: on(|f, v| f.goals_school = v), error: err("goals-school") })) }
                { text_field(&yew::props!(TextFieldProps { id: "support-description", label: t(lang, F::SupportDescription), multiline: true, hint: t(lang, F::SupportDescriptionHint), value: f.support_description.clone(), oninput: on(|f, v| f.support_description = v), error: err("support-description") })) }
            </fieldset>
            <fieldset>
                <legend>{ t(lang, F::SectionHours) }</legend>
                <div class="field-row">
                    { text_field(&yew::props!(TextFieldProps { id: "direct-hours", label: t(lang, F::DirectHours), hint: hours_hint.clone(), inputmode: "decimal", value: f.direct_hours.clone(), oninput: on(|f, v| f.direct_hours = v), error: err("direct-hours"), notes: notes("direct-hours") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "indirect-hours", label: t(lang, F::IndirectHours), hint: t(lang, F::IndirectHoursHint), inputmode: "decimal", value: f.indirect_hours.clone(), oninput: on(|f, v| f.indirect_hours = v), error: err("indirect-hours"), notes: notes("indirect-hours") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "outside-hours", label: t(lang, F::OutsideHours), hint: t(lang, F::OutsideHoursHint), inputmode: "decimal", value: f.outside_hours.clone(), oninput: on(|f, v| f.outside_hours = v), error: err("outside-hours"), notes: notes("outside-hours") })) }
                </div>
                <div class="field-row">
                    { text_field(&yew::props!(TextFieldProps { id: "weeks", label: t(lang, F::Weeks), inputmode: "numeric", value: f.weeks.clone(), oninput: on(|f, v| f.weeks = v), error: err("weeks"), notes: notes("weeks") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "start-date", label: t(lang, F::StartDate), input_type: "date", value: f.start_date.clone(), oninput: on(|f, v| f.start_date = v), error: err("start-date"), notes: notes("start-date") })) }
                    { text_field(&yew::props!(TextFieldProps { id: "end-date", label: t(lang, F::EndDate), input_type: "date", value: f.end_date.clone(), oninput: on(|f, v| f.end_date = v), error: err("end-date"), notes: notes("end-date") })) }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ t(lang, F::SectionExecutor) }</legend>
                { select_field(&yew::props!(SelectFieldProps { id: "executor-kind", label: t(lang, F::ExecutorKind), value: f.executor_kind.map_or("", |k| k.as_str()), options: options(lang, ExecutorKind::ALL, ExecutorKind::as_str, T::ExecutorKind, true), hint: external.then(|| AttrValue::from(t(lang, F::ExternalHint))), error: err("executor-kind"), onchange: on(|f, v| f.executor_kind = ExecutorKind::parse(&v)) })) }
                if internal {
                    <div class="field-row">
                        { select_field(&yew::props!(SelectFieldProps { id: "staff-function", label: t(lang, F::StaffFunction), value: f.staff_function.map_or("", |s| s.as_str()), options: options(lang, StaffFunction::ALL, StaffFunction::as_str, T::StaffFunction, true), error: err("staff-function"), notes: notes("staff-function"), onchange: on(|f, v| f.staff_function = StaffFunction::parse(&v)) })) }
                        { select_field(&yew::props!(SelectFieldProps { id: "salary-scale", label: t(lang, F::SalaryScale), value: f.salary_scale.map_or("", |s| s.as_str()), options: options(lang, SalaryScale::ALL, SalaryScale::as_str, T::SalaryScale, true), error: err("salary-scale"), notes: notes("salary-scale"), onchange: on(|f, v| f.salary_scale = SalaryScale::parse(&v)) })) }
                    </div>
                }
                { text_field(&yew::props!(TextFieldProps { id: "hourly-rate", label: t(lang, F::HourlyRate), hint: t(lang, F::HourlyRateHint), inputmode: "decimal", value: f.hourly_rate.clone(), oninput: on(|f, v| f.hourly_rate = v), error: err("hourly-rate"), class: "short", notes: notes("hourly-rate") })) }
            </fieldset>
            if !asked.is_empty() {
                <fieldset id="preconditions">
                    <legend>{ t(lang, R::PreconditionsLegend) }</legend>
                    <p class="hint">{ t(lang, R::PreconditionsHint) }</p>
                    { for asked.iter().copied().map(precondition_field) }
                </fieldset>
            }
            { rules_summary(&yew::props!(RulesSummaryProps { lang: lang, state: policy.clone(), findings: findings.clone() })) }
            <div class="form-actions">
                <button type="submit" class="button primary" id="dossier-save" disabled={props.busy}>
                    { if props.busy { t(lang, F::Saving) } else { t(lang, props.submit_label) } }
                </button>
                if let Some(onclick) = on_cancel {
                    <button type="button" class="button plain" id="dossier-cancel" {onclick}>
                        { t(lang, F::Cancel) }
                    </button>
                }
            </div>
        </form>
    }
}
