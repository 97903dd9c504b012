//! The school's editor of the draft: the text parts, the goals and the action part; saving
//! with `If-Match` (a 412 says someone else changed it) and publishing after a confirmation.

use arrangeer_shared::api::opps::{OppResponse, UpdateOppRequest};
use arrangeer_shared::api::problem::FieldError;
use yew::prelude::*;

use crate::hooks::use_value;

use super::field_error;
use super::lists::{actions_editor, goals_editor};
use super::values::{FormValues, TEXTS, field_id};
use crate::api::opps as api;
use crate::components::fields::{ErrorSummaryProps, SummaryItem, TextFieldProps, error_summary, text_field};
use crate::components::{error_message, focus_by_id};
use crate::i18n::{E, Lang, t};

#[derive(Properties, PartialEq)]
pub struct OppFormProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub opp: OppResponse,
    /// The plan after a save or a publication (the page reloads what depends on it).
    pub on_changed: Callback<OppResponse>,
    /// The number of a version just published.
    pub on_published: Callback<i32>,
    /// Reload the plan from the server (after a 412).
    pub on_reload: Callback<()>,
}

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Saved,
    Published(i32),
    Stale,
    NothingToPublish,
    Failed(String),
}

const LABELS: [(E, Option<E>, bool); 6] = [
    (E::ExitLevel, Some(E::ExitLevelHint), false),
    (E::ExitReasoning, None, true),
    (E::Stimulating, None, true),
    (E::Hindering, None, true),
    (E::Needs, None, true),
    (E::PupilVoice, Some(E::PupilVoiceHint), true),
];

#[component]
pub fn OppForm(props: &OppFormProps) -> Html {
    let lang = props.lang;
    let initial = props.opp.draft.clone().unwrap_or_default();
    let values = use_value(|| FormValues::from_content(&initial));
    let saved_values = use_value(|| FormValues::from_content(&initial));
    let errors = use_value(Vec::<FieldError>::new);
    let busy = use_value(|| false);
    let confirming = use_value(|| false);
    let outcome = use_value(|| None::<Outcome>);
    let dirty = *values != *saved_values;

    // save (and then, when asked, publish) the values as they are now
    let run = {
        let (values, saved_values, errors, busy, outcome, confirming) = (
            values.clone(),
            saved_values.clone(),
            errors.clone(),
            busy.clone(),
            outcome.clone(),
            confirming.clone(),
        );
        let (token, opp) = (props.token.to_string(), props.opp.clone());
        let (on_changed, on_published) = (props.on_changed.clone(), props.on_published.clone());
        Callback::from(move |publish: bool| {
            confirming.set(false);
            let content = match values.to_content() {
                Ok(c) => c,
                Err(found) => {
                    errors.set(found);
                    outcome.set(None);
                    focus_by_id("error-summary");
                    return;
                }
            };
            let unchanged = *values == *saved_values;
            let (values, saved_values, errors, busy, outcome) =
                (values.clone(), saved_values.clone(), errors.clone(), busy.clone(), outcome.clone());
            let (token, opp, on_changed, on_published) =
                (token.clone(), opp.clone(), on_changed.clone(), on_published.clone());
            busy.set(true);
            crate::spawn(async move {
                let saved = if unchanged && publish {
                    Ok(opp.clone())
                } else {
                    api::update_opp(&token, opp.id, opp.version, &UpdateOppRequest { content }).await
                };
                let result = match saved {
                    Ok(fresh) => {
                        // the server gives new goals their ids: keep them, or the next version
                        // would see every new goal removed and added again
                        let mut kept = (*values).clone();
                        kept.take_goal_ids(fresh.draft.as_ref());
                        values.set(kept.clone());
                        saved_values.set(kept);
                        on_changed.emit(fresh.clone());
                        if publish {
                            match api::publish_opp(&token, fresh.id).await {
                                Ok(version) => {
                                    on_published.emit(version.number);
                                    Ok(Outcome::Published(version.number))
                                }
                                Err(e) => Err(e),
                            }
                        } else {
                            Ok(Outcome::Saved)
                        }
                    }
                    Err(e) => Err(e),
                };
                match result {
                    Ok(done) => {
                        errors.set(Vec::new());
                        outcome.set(Some(done));
                        focus_by_id("opp-outcome");
                    }
                    Err(err) => {
                        let found = err.field_errors().to_vec();
                        let status = err.status();
                        errors.set(found.clone());
                        outcome.set(match status {
                            Some(412) => Some(Outcome::Stale),
                            Some(409) => Some(Outcome::NothingToPublish),
                            _ if !found.is_empty() => None,
                            _ => Some(Outcome::Failed(error_message(lang, &err))),
                        });
                        focus_by_id(if found.is_empty() { "opp-outcome" } else { "error-summary" });
                    }
                }
                busy.set(false);
            });
        })
    };

    let text_input = |i: usize| {
        let values = values.clone();
        Callback::from(move |v: String| {
            let mut next = (*values).clone();
            if let Some(slot) = next.texts.get_mut(i) {
                *slot = v;
            }
            values.set(next);
        })
    };
    let summary: Vec<SummaryItem> = errors
        .iter()
        .map(|e| SummaryItem {
            target: Some(field_id(&e.field)),
            message: field_error(lang, std::slice::from_ref(e), &e.field)
                .map_or(e.message.clone(), |m| m.to_string()),
        })
        .collect();
    let onsubmit = {
        let run = run.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(false);
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            focus_by_id("opp-publish-question");
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            focus_by_id("opp-publish");
        })
    };
    let confirm = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run.emit(true))
    };
    let reload = props.on_reload.reform(|_: MouseEvent| ());
    let next_number = props.opp.published.as_ref().map_or(1, |v| v.number + 1);

    html! {
        <form id="opp-editor" class="opp-editor" novalidate=true {onsubmit} aria-labelledby="opp-plan-heading">
            { error_summary(&yew::props!(ErrorSummaryProps { title: t(lang, E::ErrorsTitle), items: summary })) }
            <p class="notice" id="opp-draft-state">
                { t(lang, if props.opp.published.is_none() { E::DraftNotice }
                    else if props.opp.unpublished_changes || dirty { E::UnpublishedChanges } else { E::UpToDate }) }
            </p>
            <section aria-labelledby="opp-perspective-heading">
                <h3 id="opp-perspective-heading">{ t(lang, E::PerspectiveHeading) }</h3>
                { for LABELS.iter().zip(TEXTS.iter()).enumerate().map(|(i, ((label, hint, multiline), (wire, id)))| html! {
                    { text_field(&yew::props!(TextFieldProps { id: *id, label: t(lang, *label), value: values.texts[i].clone(), multiline: *multiline, hint: hint.map(|h| AttrValue::from(t(lang, h))), error: field_error(lang, &errors, &format!("content.{wire}")), oninput: text_input(i) })) }
                }) }
            </section>
            { goals_editor(lang, &values, &errors) }
            { actions_editor(lang, &values, &errors) }
            <div id="opp-outcome" tabindex="-1" aria-live="polite">
                { match &*outcome {
                    Some(Outcome::Saved) => html! { <p class="notice success" role="status">{ t(lang, E::Saved) }</p> },
                    Some(Outcome::Published(n)) => html! {
                        <p class="notice success" role="status" id="opp-published">
                            { format!("{} {n}.", t(lang, E::Published)) }</p>
                    },
                    Some(Outcome::NothingToPublish) => html! { <p class="notice">{ t(lang, E::NothingToPublish) }</p> },
                    Some(Outcome::Stale) => html! {
                        <div class="error-box" role="alert" id="opp-stale">
                            <p>{ t(lang, E::Stale) }</p>
                            <button type="button" class="button plain" id="opp-reload" onclick={reload}>{ t(lang, E::Reload) }</button>
                        </div>
                    },
                    Some(Outcome::Failed(message)) => html! { <p class="error-box" role="alert">{ message.clone() }</p> },
                    None => Html::default(),
                } }
            </div>
            if *confirming {
                <div class="confirm-box" role="alertdialog" aria-labelledby="opp-publish-question"
                    aria-describedby="opp-publish-explain" id="opp-publish-dialog">
                    <h3 id="opp-publish-question" tabindex="-1">
                        { format!("{} ({} {next_number})", t(lang, E::PublishQuestion), t(lang, E::Version).to_lowercase()) }
                    </h3>
                    <p id="opp-publish-explain">
                        { t(lang, E::PublishExplain) }
                        if dirty { { " " }{ t(lang, E::PublishSavesFirst) } }
                    </p>
                    <div class="form-actions">
                        <button type="button" class="button primary" id="opp-publish-confirm" onclick={confirm} disabled={*busy}>
                            { t(lang, E::PublishConfirm) }</button>
                        <button type="button" class="button plain" id="opp-publish-cancel" onclick={cancel}>
                            { t(lang, E::Cancel) }</button>
                    </div>
                </div>
            } else {
                <div class="form-actions">
                    <button type="submit" class="button primary" id="opp-save" disabled={*busy}>
                        { t(lang, if *busy { E::Saving } else { E::Save }) }</button>
                    <button type="button" class="button plain" id="opp-publish" onclick={ask} disabled={*busy}>
                        { t(lang, E::Publish) }</button>
                </div>
            }
        </form>
    }
}
