//! The session: the access token, the refresh token and the logged-in user, shared through a
//! context and kept in the tab's sessionStorage so that a reload keeps the user logged in
//! (closing the tab ends it). When the API refreshes the tokens (`api.rs`) it writes the new
//! pair to the storage, which is then the freshest copy.

use std::rc::Rc;

use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::preferences::Language;
use gloo_storage::{SessionStorage, Storage};
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::i18n::Lang;

const SESSION_KEY: &str = "arrangeer.session";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub token: String,
    /// For `POST /auth/refresh` when the access token has expired (empty in sessions stored
    /// before refresh tokens existed).
    #[serde(default)]
    pub refresh_token: String,
    pub user: MeResponse,
}

/// The session as last stored (after a refresh: newer than the one in the context).
pub fn stored() -> Option<Session> {
    // read through the app's one JSON decoder (`api::decode`), not gloo's generic one
    let text = SessionStorage::raw().get_item(SESSION_KEY).ok()??;
    crate::api::decode::<Session>(&text).ok()
}

/// Keeps a refreshed session for the next request and the next reload.
pub fn store(session: &Session) {
    let _ = SessionStorage::set(SESSION_KEY, session);
}

/// What every page can read: the session (if any), the language and why the last session ended.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub session: Option<Session>,
    pub lang: Lang,
    /// Set when the server rejected the token, so the login page can say so.
    pub expired: bool,
}

pub enum Action {
    LoggedIn(Box<Session>),
    LoggedOut,
    Expired,
    SetLang(Lang),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::LoggedIn(session) => {
                // the language the user chose on the server wins over this device's
                if let Some(language) = session.user.language {
                    next.lang = lang_of(language);
                    next.lang.remember();
                }
                store(&session);
                next.session = Some(*session);
                next.expired = false;
            }
            Action::LoggedOut => {
                // everything of the session goes: tokens, the user, cached page state
                SessionStorage::clear();
                next.session = None;
                next.expired = false;
            }
            Action::Expired => {
                SessionStorage::clear();
                next.session = None;
                next.expired = true;
            }
            Action::SetLang(lang) => {
                lang.remember();
                next.lang = lang;
                if let Some(session) = next.session.as_mut() {
                    session.user.language = Some(language_of(lang));
                    store(session);
                }
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    pub fn restore() -> Self {
        AppState { session: stored(), lang: Lang::remembered(), expired: false }
    }
}

pub type AppContext = UseReducerHandle<AppState>;

/// The web app's language for the API's.
pub fn lang_of(language: Language) -> Lang {
    match language {
        Language::Nl => Lang::Nl,
        Language::En => Lang::En,
    }
}

/// The API's language for the web app's.
pub fn language_of(lang: Lang) -> Language {
    match lang {
        Lang::Nl => Language::Nl,
        Lang::En => Language::En,
    }
}

/// The application state; panics only if used outside the provider in `app.rs`.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}
