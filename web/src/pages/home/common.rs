//! Pieces every start page uses: a section with a heading, a list of dossiers, a list of
//! deadlines, and the grouping of dossiers by status.

use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use crate::app::Route;
use crate::components::AppLink;
use crate::components::timeline::due_text;
use crate::i18n::{Lang, R, T, U, t};

/// The order in which statuses are listed: the route's order.
pub const STATUS_ORDER: [Status; 11] = [
    Status::Draft,
    Status::ChangesRequested,
    Status::Submitted,
    Status::Approved,
    Status::Definitive,
    Status::Granted,
    Status::InExecution,
    Status::Closed,
    Status::Rejected,
    Status::Terminated,
    Status::Withdrawn,
];

/// The dossiers per status, in the route's order, leaving out statuses without any.
pub fn by_status(all: &[ArrangementSummary]) -> Vec<(Status, Vec<ArrangementSummary>)> {
    STATUS_ORDER
        .iter()
        .map(|s| (*s, all.iter().filter(|a| a.status == *s).cloned().collect::<Vec<_>>()))
        .filter(|(_, list)| !list.is_empty())
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The section's id; its heading is `{id}-heading`.
    pub id: AttrValue,
    pub title: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// One block of a start page: a `<section>` named by its `<h2>`.
pub fn panel(props: &PanelProps) -> Html {
    let heading = format!("{}-heading", props.id);
    html! {
        <section class="card panel" id={props.id.clone()} aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ props.title.clone() }</h2>
            { props.children.clone() }
        </section>
    }
}

/// A link to a dossier with its status in words.
pub fn dossier_link(lang: Lang, a: &ArrangementSummary, extra: Option<String>) -> Html {
    html! {
        <li id={format!("dash-dossier-{}", a.id)}>
            <AppLink to={Route::Dossier { id: a.id }}>{ &a.title }</AppLink>
            { " — " }<span class={classes!("status", a.status.as_str())}>{ t(lang, T::Status(a.status)) }</span>
            { format!(" · {}", a.school.name) }
            if let Some(extra) = extra { { format!(" · {extra}") } }
        </li>
    }
}

/// A list of dossiers, or a sentence saying there are none.
pub fn dossier_list(lang: Lang, id: &str, list: &[ArrangementSummary], empty: U) -> Html {
    if list.is_empty() {
        return html! { <p class="empty" id={format!("{id}-empty")}>{ t(lang, empty) }</p> };
    }
    html! {
        <ul class="plain dash-list" id={format!("{id}-list")}>
            { for list.iter().map(|a| dossier_link(lang, a, None)) }
        </ul>
    }
}

/// Dossiers grouped by status: "Concept (2)" with the dossiers under it.
pub fn status_groups(lang: Lang, all: &[ArrangementSummary]) -> Html {
    let groups = by_status(all);
    if groups.is_empty() {
        return html! { <p class="empty" id="by-status-empty">{ t(lang, U::NoDossiers) }</p> };
    }
    html! {
        <ul class="plain status-groups" id="by-status">
            { for groups.iter().map(|(status, list)| html! {
                <li id={format!("status-group-{}", status.as_str())}>
                    <h3 class="group-title">
                        { t(lang, T::Status(*status)) }
                        <span class="count">{ format!(" ({})", list.len()) }</span>
                    </h3>
                    <ul class="plain dash-list">
                        { for list.iter().map(|a| dossier_link(lang, a, None)) }
                    </ul>
                </li>
            }) }
        </ul>
    }
}

/// Deadlines, soonest first, each with what, which dossier, when, and "te laat" in words.
pub fn deadline_list(lang: Lang, id: &str, list: &[DeadlineResponse], empty: U) -> Html {
    if list.is_empty() {
        return html! { <p class="empty" id={format!("{id}-empty")}>{ t(lang, empty) }</p> };
    }
    let mut sorted: Vec<&DeadlineResponse> = list.iter().collect();
    sorted.sort_by_key(|d| d.due_date);
    html! {
        <ul class="plain dash-list" id={format!("{id}-list")}>
            { for sorted.into_iter().map(|d| html! {
                <li class={classes!(d.overdue.then_some("overdue"))}>
                    if d.overdue {
                        <strong class="overdue-mark"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, U::Overdue) }</strong>{ " " }
                    }
                    <span class="deadline-what">{ t(lang, R::Deadline(d.kind)) }</span>{ ": " }
                    <AppLink to={Route::Dossier { id: d.arrangement_id }}>{ &d.title }</AppLink>
                    { " — " }{ due_text(lang, d) }
                    { format!(" · {}", t(lang, T::Role(d.actor_role))) }
                </li>
            }) }
        </ul>
    }
}
