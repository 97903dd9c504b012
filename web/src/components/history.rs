//! The dossier's history: who did what, in which role, when, and why.

use arrangeer_shared::api::arrangements::ArrangementEvent;
use arrangeer_shared::workflow::Action;
use yew::prelude::*;

use crate::format;
use crate::i18n::{D, Lang, T, t};

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub lang: Lang,
    /// Oldest first, as the API sends it; shown newest first.
    pub events: Vec<ArrangementEvent>,
}

/// The recorded action in words: `create` and every workflow action are known; anything newer
/// is shown as the server names it.
fn action_text(lang: Lang, action: &str) -> String {
    match (action, Action::parse(action)) {
        (_, Some(action)) => t(lang, T::Done(action)).to_owned(),
        ("create", None) => t(lang, D::Created).to_owned(),
        (other, None) => other.to_owned(),
    }
}

pub fn history(props: &HistoryProps) -> Html {
    let lang = props.lang;
    if props.events.is_empty() {
        return html! { <p>{ t(lang, D::HistoryEmpty) }</p> };
    }
    html! {
        <div class="table-wrap">
            <table class="data" id="history">
                <caption class="visually-hidden">{ t(lang, D::HistoryHeading) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, D::ColWhen) }</th>
                        <th scope="col">{ t(lang, D::ColWho) }</th>
                        <th scope="col">{ t(lang, D::ColRole) }</th>
                        <th scope="col">{ t(lang, D::ColAction) }</th>
                        <th scope="col">{ t(lang, D::ColComment) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.events.iter().rev().map(|e| html! {
                        <tr>
                            <td>{ format::moment(lang, e.created_at) }</td>
                            <td>{ &e.actor.name }</td>
                            <td>{ t(lang, T::Role(e.actor.role)) }</td>
                            <td>{ action_text(lang, &e.action) }</td>
                            <td class="prose">
                                { e.comment.clone().unwrap_or_default() }
                                if let Some(justification) = &e.justification {
                                    <p class="justification">
                                        <strong>{ t(lang, D::JustificationPrefix) }</strong>{ " " }{ justification }
                                    </p>
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
