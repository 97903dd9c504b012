//! Presentational pieces shared by the pages.

pub mod action_bar;
pub mod charts;
pub mod checkbox;
pub mod dossier_rules;
pub mod feedback;
pub mod fields;
pub mod history;
pub mod integral_actions;
pub mod layout;
pub mod live_findings;
pub mod proposal_form;
pub mod proposal_view;
pub mod pupil_picker;
pub mod statistics_overview;
pub mod timeline;
pub mod uploads;

pub mod opp_invite;
pub mod short_term_joiners;
pub mod totp_setup;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::hooks::use_effect_on;
use yew_router::prelude::*;

use crate::api::ClientError;
use crate::app::Route;
use crate::i18n::{D, Lang, T, t};
use crate::session::{Action, AppContext};

/// Moves keyboard and screen-reader focus to the page's main heading once it is shown, so that
/// a route change is announced like a page load.
#[hook]
pub fn use_focus_main_heading() {
    use_effect_on((), |_| focus_by_id("main-heading"));
}

/// Moves focus to the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(element) = gloo_utils_document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

fn gloo_utils_document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Ends the session when the server no longer accepts the token; the pages then send the user
/// to the login page, which explains why.
pub fn expire_on_401(app: &AppContext, err: &ClientError) {
    if matches!(err, ClientError::Unauthenticated(_)) {
        app.dispatch(Action::Expired);
    }
}

/// A general message for a failed request (field errors are shown at their fields).
pub fn error_message(lang: Lang, err: &ClientError) -> String {
    match err {
        ClientError::Network(_) => t(lang, T::NetworkError).to_owned(),
        ClientError::Problem(p) if p.status >= 500 => t(lang, T::ServerError).to_owned(),
        ClientError::Problem(p) if p.status == 403 => t(lang, D::Forbidden).to_owned(),
        ClientError::Problem(p) if p.status == 404 => t(lang, D::NotFoundDossier).to_owned(),
        ClientError::Problem(p) if p.status == 412 => t(lang, crate::i18n::U::ChangedByOther).to_owned(),
        ClientError::Problem(p) if p.status == 413 => t(lang, crate::i18n::U::FileTooLarge).to_owned(),
        ClientError::Unauthenticated(_) => t(lang, T::SessionExpired).to_owned(),
        // the server's own words are English: in Dutch, say at least that it did not work
        ClientError::Problem(p) => match (lang, p.detail.is_empty()) {
            (Lang::En, false) => p.detail.clone(),
            _ => format!("{} ({} {})", t(lang, D::Failed), t(lang, D::ErrorCode), p.status),
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct AppLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    /// Marks the link as the current page (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub children: Html,
}

/// A link inside the app: a real `href` (so it can be opened in a new tab), navigated
/// without a page load.
#[component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            if let Some(navigator) = &navigator {
                navigator.push(&to);
            }
        })
    };
    html! {
        <a href={props.to.to_path()} id={props.id.clone()} class={props.class.clone()}
            aria-current={props.current.then_some("page")} {onclick}>
            { props.children.clone() }
        </a>
    }
}
