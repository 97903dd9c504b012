//! Evaluations per goal of the latest published version: the results so far for every reader,
//! and for the school a form per goal (achieved / partly / not, a note, the date, and whether
//! the parents took part).

use arrangeer_shared::api::opps::{CreateGoalEvaluationRequest, GoalEvaluationResponse, GoalResult, OppGoal};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::{GoalId, OppId};
use chrono::NaiveDate;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use super::field_error;
use crate::api::{ClientError, opps as api};
use crate::components::checkbox::{CheckboxProps, checkbox};
use crate::components::error_message;
use crate::components::fields::{SelectFieldProps, TextFieldProps, select_field, text_field};
use crate::format;
use crate::i18n::{E, Lang, O, T, t};

#[derive(Properties, PartialEq)]
pub struct EvaluationsProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub opp: OppId,
    /// The goals of the latest published version (empty before the first publication).
    pub goals: Vec<OppGoal>,
    pub writable: bool,
}

#[component]
pub fn GoalEvaluations(props: &EvaluationsProps) -> Html {
    let lang = props.lang;
    let list = use_value(|| None::<Result<Vec<GoalEvaluationResponse>, ClientError>>);
    let refresh = use_value(|| 0u32);
    {
        let list = list.clone();
        use_effect_on((props.token.clone(), props.opp, *refresh), move |(token, opp, _)| {
            let (token, opp) = (token.to_string(), *opp);
            crate::spawn(async move {
                list.set(Some(api::list_goal_evaluations(&token, opp).await));
            });
        });
    }
    let on_saved = {
        let refresh = refresh.clone();
        Callback::from(move |()| refresh.set(*refresh + 1))
    };
    let body = match (&*list, props.goals.is_empty()) {
        (_, true) => html! { <p class="muted">{ t(lang, E::EvaluationsAfterPublish) }</p> },
        (None, _) => html! { <p role="status">{ t(lang, T::Loading) }</p> },
        (Some(Err(err)), _) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        (Some(Ok(all)), _) => html! {
            <>{ for props.goals.iter().enumerate().filter_map(|(i, g)| g.id.map(|id| (i, g, id))).map(|(i, g, id)| {
                let mine: Vec<&GoalEvaluationResponse> = all.iter().filter(|e| e.goal_id == id).collect();
                html! {
                    <section class="opp-goal-evaluation" id={format!("opp-eval-goal-{i}")}
                        aria-labelledby={format!("opp-eval-goal-{i}-heading")}>
                        <h3 id={format!("opp-eval-goal-{i}-heading")}>
                            { format!("{} {}: {}", t(lang, E::Goal), i + 1, g.description) }
                        </h3>
                        <p class="hint">{ format!("{} · {} {}", t(lang, O::Domain(g.domain)), t(lang, O::GoalTarget),
                            format::date(lang, g.target_date)) }</p>
                        if mine.is_empty() {
                            <p class="muted">{ t(lang, E::NoEvaluations) }</p>
                        } else {
                            <ul class="plain" id={format!("opp-eval-list-{i}")}>
                                { for mine.iter().map(|e| html! {
                                    <li>
                                        <strong>{ format!("{}: {}", format::date(lang, e.evaluated_on), t(lang, E::GoalResult(e.result))) }</strong>
                                        if e.with_parents { { format!(" ({})", t(lang, E::WithParents).to_lowercase()) } }
                                        <br /><span class="prose">{ &e.note }</span>
                                        <br /><span class="hint">{ format!("{} {}", t(lang, E::RecordedBy), e.recorded_by) }</span>
                                    </li>
                                }) }
                            </ul>
                        }
                        if props.writable {
                            <EvaluationForm lang={lang} token={props.token.clone()} opp={props.opp} goal={id} index={i}
                                on_saved={on_saved.clone()} />
                        }
                    </section>
                }
            }) }</>
        },
    };
    html! {
        <section class="part" aria-labelledby="opp-evaluations-heading" id="opp-evaluations">
            <h2 id="opp-evaluations-heading">{ t(lang, E::EvaluationsHeading) }</h2>
            <p>{ t(lang, E::EvaluationsExplain) }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    lang: Lang,
    token: AttrValue,
    opp: OppId,
    goal: GoalId,
    index: usize,
    on_saved: Callback<()>,
}

#[component]
fn EvaluationForm(props: &FormProps) -> Html {
    let lang = props.lang;
    let result = use_value(|| GoalResult::Achieved);
    let (note, date) = (use_value(String::new), use_value(String::new));
    let with_parents = use_value(|| false);
    let errors = use_value(Vec::<FieldError>::new);
    let problem = use_value(|| None::<String>);
    let saved = use_value(|| false);
    let i = props.index;
    let onsubmit = {
        let (result, note, date, with_parents, errors, problem, saved) = (
            result.clone(),
            note.clone(),
            date.clone(),
            with_parents.clone(),
            errors.clone(),
            problem.clone(),
            saved.clone(),
        );
        let (token, opp, goal, on_saved) =
            (props.token.to_string(), props.opp, props.goal, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let Ok(evaluated_on) = date.trim().parse::<NaiveDate>() else {
                errors.set(vec![FieldError::new("evaluatedOn", "invalid_date", "choose a date")]);
                return;
            };
            let body = CreateGoalEvaluationRequest {
                goal_id: goal,
                result: *result,
                note: (*note).clone(),
                evaluated_on,
                with_parents: *with_parents,
            };
            let (note, date, errors, problem, saved, token, on_saved) = (
                note.clone(),
                date.clone(),
                errors.clone(),
                problem.clone(),
                saved.clone(),
                token.clone(),
                on_saved.clone(),
            );
            crate::spawn(async move {
                match api::evaluate_goal(&token, opp, &body).await {
                    Ok(_) => {
                        note.set(String::new());
                        date.set(String::new());
                        errors.set(Vec::new());
                        problem.set(None);
                        saved.set(true);
                        on_saved.emit(());
                    }
                    Err(err) => {
                        errors.set(err.field_errors().to_vec());
                        problem.set(err.field_errors().is_empty().then(|| error_message(lang, &err)));
                    }
                }
            });
        })
    };
    let options: Vec<(AttrValue, AttrValue)> = GoalResult::ALL
        .iter()
        .map(|r| (AttrValue::from(r.as_str()), AttrValue::from(t(lang, E::GoalResult(*r)))))
        .collect();
    let id = |part: &str| format!("opp-eval-{i}-{part}");
    html! {
        <form class="opp-eval-form" id={id("form")} novalidate=true {onsubmit} aria-labelledby={id("heading")}>
            <h4 id={id("heading")}>{ format!("{} ({} {})", t(lang, E::AddEvaluation), t(lang, E::Goal).to_lowercase(), i + 1) }</h4>
            <div class="field-row">
                { select_field(&yew::props!(SelectFieldProps { id: id("result"), label: t(lang, E::Result), value: result.as_str(), options: options, onchange: { let result = result.clone(); Callback::from(move |v: String| {
                        if let Some(r) = GoalResult::parse(&v) { result.set(r); }
                    }) } })) }
                { text_field(&yew::props!(TextFieldProps { id: id("date"), label: t(lang, E::EvaluatedOn), input_type: "date", class: "short", required: true, value: (*date).clone(), error: field_error(lang, &errors, "evaluatedOn"), oninput: { let date = date.clone(); Callback::from(move |v| date.set(v)) } })) }
            </div>
            { text_field(&yew::props!(TextFieldProps { id: id("note"), label: t(lang, E::Note), multiline: true, required: true, value: (*note).clone(), error: field_error(lang, &errors, "note"), oninput: { let note = note.clone(); Callback::from(move |v| note.set(v)) } })) }
            { checkbox(&yew::props!(CheckboxProps { id: id("with-parents"), label: t(lang, E::WithParents), checked: *with_parents, onchange: { let w = with_parents.clone(); Callback::from(move |v| w.set(v)) } })) }
            if let Some(p) = &*problem {
                <p class="error-box" role="alert">{ p.clone() }</p>
            }
            if *saved {
                <p class="notice success" role="status" id={id("saved")}>{ t(lang, E::EvaluationSaved) }</p>
            }
            <button type="submit" class="button primary" id={id("submit")}>{ t(lang, E::AddEvaluation) }</button>
        </form>
    }
}
