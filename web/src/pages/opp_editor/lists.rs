//! The editable lists of the plan: the SMART goals and the rows of the action part. Each row
//! is a fieldset with a numbered legend; removing a row is a labelled button.

use arrangeer_shared::api::opps::GoalDomain;
use arrangeer_shared::api::problem::FieldError;
use yew::prelude::*;

use crate::hooks::ValueHandle;

use super::field_error;
use super::values::{ActionValues, FormValues, GoalValues};
use crate::components::fields::{SelectFieldProps, TextFieldProps, select_field, text_field};
use crate::i18n::{E, Lang, O, t};

/// A field's input callback that changes goal `i`.
fn goal(values: &ValueHandle<FormValues>, i: usize, change: fn(&mut GoalValues, String)) -> Callback<String> {
    let values = values.clone();
    Callback::from(move |v: String| {
        let mut next = (*values).clone();
        if let Some(g) = next.goals.get_mut(i) {
            change(g, v);
        }
        values.set(next);
    })
}

/// A field's input callback that changes action row `i`.
fn action(
    values: &ValueHandle<FormValues>,
    i: usize,
    change: fn(&mut ActionValues, String),
) -> Callback<String> {
    let values = values.clone();
    Callback::from(move |v: String| {
        let mut next = (*values).clone();
        if let Some(r) = next.actions.get_mut(i) {
            change(r, v);
        }
        values.set(next);
    })
}

fn list_error(lang: Lang, errors: &[FieldError], field: &str, id: &str) -> Html {
    match field_error(lang, errors, field) {
        Some(message) => html! { <p class="field-error" id={id.to_owned()}>{ message }</p> },
        None => Html::default(),
    }
}

/// The goals, each with what, criterion, target date and domain.
pub fn goals_editor(lang: Lang, values: &ValueHandle<FormValues>, errors: &[FieldError]) -> Html {
    let add = {
        let values = values.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*values).clone();
            next.goals.push(GoalValues::default());
            values.set(next);
        })
    };
    let domains: Vec<(AttrValue, AttrValue)> = GoalDomain::ALL
        .iter()
        .map(|d| (AttrValue::from(d.as_str()), AttrValue::from(t(lang, O::Domain(*d)))))
        .collect();
    html! {
        <section class="opp-list" aria-labelledby="opp-goals-heading" id="opp-goals" tabindex="-1"
            aria-describedby="opp-goals-hint">
            <h3 id="opp-goals-heading">{ t(lang, E::GoalsHeading) }</h3>
            <p class="hint" id="opp-goals-hint">{ t(lang, E::GoalsHint) }</p>
            { list_error(lang, errors, "content.goals", "opp-goals-error") }
            if values.goals.is_empty() {
                <p class="muted">{ t(lang, E::NoGoals) }</p>
            }
            { for values.goals.iter().enumerate().map(|(i, g)| {
                let id = |part: &str| format!("opp-goal-{i}-{part}");
                let err = |part: &str| field_error(lang, errors, &format!("content.goals[{i}].{part}"));
                let remove = {
                    let values = values.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut next = (*values).clone();
                        if i < next.goals.len() {
                            next.goals.remove(i);
                        }
                        values.set(next);
                    })
                };
                html! {
                    <fieldset class="opp-row" id={format!("opp-goal-{i}")} key={i}>
                        <legend>{ format!("{} {}", t(lang, E::Goal), i + 1) }</legend>
                        { text_field(&yew::props!(TextFieldProps { id: id("description"), label: t(lang, E::GoalDescription), value: g.description.clone(), required: true, error: err("description"), oninput: goal(values, i, |g, s| g.description = s) })) }
                        { text_field(&yew::props!(TextFieldProps { id: id("criterion"), label: t(lang, E::GoalCriterion), value: g.criterion.clone(), hint: Some(AttrValue::from(t(lang, E::GoalCriterionHint))), error: err("criterion"), oninput: goal(values, i, |g, s| g.criterion = s) })) }
                        <div class="field-row">
                            { text_field(&yew::props!(TextFieldProps { id: id("target-date"), label: t(lang, E::GoalTargetDate), input_type: "date", value: g.target_date.clone(), required: true, error: err("targetDate"), class: "short", oninput: goal(values, i, |g, s| g.target_date = s) })) }
                            { select_field(&yew::props!(SelectFieldProps { id: id("domain"), label: t(lang, E::GoalDomain), value: g.domain.as_str(), options: domains.clone(), error: err("domain"), onchange: goal(values, i, |g, s| {
                                    if let Some(d) = GoalDomain::parse(&s) { g.domain = d; }
                                }) })) }
                        </div>
                        <button type="button" class="button danger" id={format!("opp-remove-goal-{i}")} onclick={remove}>
                            { format!("{} {}", t(lang, E::RemoveGoal), i + 1) }
                        </button>
                    </fieldset>
                }
            }) }
            <button type="button" class="button plain" id="opp-add-goal" onclick={add}>{ t(lang, E::AddGoal) }</button>
        </section>
    }
}

/// The action part: support, by whom, how often, from–to.
pub fn actions_editor(lang: Lang, values: &ValueHandle<FormValues>, errors: &[FieldError]) -> Html {
    let add = {
        let values = values.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*values).clone();
            next.actions.push(ActionValues::default());
            values.set(next);
        })
    };
    html! {
        <section class="opp-list" aria-labelledby="opp-actions-heading" id="opp-actions" tabindex="-1"
            aria-describedby="opp-actions-hint">
            <h3 id="opp-actions-heading">{ t(lang, E::ActionsHeading) }</h3>
            <p class="hint" id="opp-actions-hint">{ t(lang, E::ActionsHint) }</p>
            { list_error(lang, errors, "content.actionPart", "opp-actions-error") }
            if values.actions.is_empty() {
                <p class="muted">{ t(lang, E::NoActions) }</p>
            }
            { for values.actions.iter().enumerate().map(|(i, r)| {
                let id = |part: &str| format!("opp-action-{i}-{part}");
                let err = |part: &str| field_error(lang, errors, &format!("content.actionPart[{i}].{part}"));
                let remove = {
                    let values = values.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut next = (*values).clone();
                        if i < next.actions.len() {
                            next.actions.remove(i);
                        }
                        values.set(next);
                    })
                };
                html! {
                    <fieldset class="opp-row" id={format!("opp-action-{i}")} key={i}>
                        <legend>{ format!("{} {}", t(lang, E::ActionRow), i + 1) }</legend>
                        { text_field(&yew::props!(TextFieldProps { id: id("support"), label: t(lang, E::Support), value: r.support.clone(), required: true, multiline: true, error: err("support"), oninput: action(values, i, |r, s| r.support = s) })) }
                        <div class="field-row">
                            { text_field(&yew::props!(TextFieldProps { id: id("by-whom"), label: t(lang, E::ByWhom), value: r.by_whom.clone(), error: err("byWhom"), oninput: action(values, i, |r, s| r.by_whom = s) })) }
                            { text_field(&yew::props!(TextFieldProps { id: id("frequency"), label: t(lang, E::Frequency), value: r.frequency.clone(), hint: Some(AttrValue::from(t(lang, E::FrequencyHint))), error: err("frequency"), oninput: action(values, i, |r, s| r.frequency = s) })) }
                        </div>
                        <div class="field-row">
                            { text_field(&yew::props!(TextFieldProps { id: id("starts-on"), label: t(lang, E::StartsOn), input_type: "date", class: "short", value: r.starts_on.clone(), required: true, error: err("startsOn"), oninput: action(values, i, |r, s| r.starts_on = s) })) }
                            { text_field(&yew::props!(TextFieldProps { id: id("ends-on"), label: t(lang, E::EndsOn), input_type: "date", class: "short", value: r.ends_on.clone(), required: true, error: err("endsOn"), oninput: action(values, i, |r, s| r.ends_on = s) })) }
                        </div>
                        <button type="button" class="button danger" id={format!("opp-remove-action-{i}")} onclick={remove}>
                            { format!("{} {}", t(lang, E::RemoveAction), i + 1) }
                        </button>
                    </fieldset>
                }
            }) }
            <button type="button" class="button plain" id="opp-add-action" onclick={add}>{ t(lang, E::AddAction) }</button>
        </section>
    }
}
