//! A plan's contents, read-only: for consultants and the SWV office, who read but never write.

use arrangeer_shared::api::opps::OppContent;
use yew::prelude::*;

use crate::format;
use crate::i18n::{E, Lang, O, t};

fn text_or_dash(value: &str) -> Html {
    if value.trim().is_empty() {
        html! { <span class="muted">{ "—" }</span> }
    } else {
        html! { <span class="prose">{ value.to_owned() }</span> }
    }
}

/// The contents of `content`, with headings one level under the section's `h2`.
pub fn content_view(lang: Lang, content: &OppContent) -> Html {
    let c = content;
    html! {
        <div id="opp-view" class="opp-view">
            <h3>{ t(lang, E::PerspectiveHeading) }</h3>
            <dl class="facts">
                <dt>{ t(lang, E::ExitLevel) }</dt><dd id="opp-view-exit-level">{ text_or_dash(&c.expected_exit_level) }</dd>
                <dt>{ t(lang, E::ExitReasoning) }</dt><dd>{ text_or_dash(&c.exit_level_reasoning) }</dd>
                <dt>{ t(lang, E::Stimulating) }</dt><dd>{ text_or_dash(&c.stimulating_factors) }</dd>
                <dt>{ t(lang, E::Hindering) }</dt><dd>{ text_or_dash(&c.hindering_factors) }</dd>
                <dt>{ t(lang, E::Needs) }</dt><dd>{ text_or_dash(&c.educational_needs) }</dd>
                <dt>{ t(lang, E::PupilVoice) }</dt><dd>{ text_or_dash(&c.pupil_voice) }</dd>
            </dl>
            <h3>{ t(lang, E::GoalsHeading) }</h3>
            if c.goals.is_empty() {
                <p class="muted">{ t(lang, E::NoGoals) }</p>
            } else {
                <div class="table-wrap">
                    <table class="data" id="opp-view-goals">
                        <thead><tr>
                            <th scope="col">{ t(lang, E::GoalDescription) }</th>
                            <th scope="col">{ t(lang, E::GoalCriterion) }</th>
                            <th scope="col">{ t(lang, E::GoalTargetDate) }</th>
                            <th scope="col">{ t(lang, E::GoalDomain) }</th>
                        </tr></thead>
                        <tbody>
                            { for c.goals.iter().map(|g| html! {
                                <tr>
                                    <td>{ &g.description }</td>
                                    <td>{ &g.criterion }</td>
                                    <td>{ format::date(lang, g.target_date) }</td>
                                    <td>{ t(lang, O::Domain(g.domain)) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <h3>{ t(lang, E::ActionsHeading) }</h3>
            if c.action_part.is_empty() {
                <p class="muted">{ t(lang, E::NoActions) }</p>
            } else {
                <div class="table-wrap">
                    <table class="data" id="opp-view-actions">
                        <thead><tr>
                            <th scope="col">{ t(lang, E::Support) }</th>
                            <th scope="col">{ t(lang, E::ByWhom) }</th>
                            <th scope="col">{ t(lang, E::Frequency) }</th>
                            <th scope="col">{ t(lang, E::StartsOn) }</th>
                            <th scope="col">{ t(lang, E::EndsOn) }</th>
                        </tr></thead>
                        <tbody>
                            { for c.action_part.iter().map(|r| html! {
                                <tr>
                                    <td>{ &r.support }</td>
                                    <td>{ &r.by_whom }</td>
                                    <td>{ &r.frequency }</td>
                                    <td>{ format::date(lang, r.starts_on) }</td>
                                    <td>{ format::date(lang, r.ends_on) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
