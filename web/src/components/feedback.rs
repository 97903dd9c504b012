//! Loading and error states shared by every page, and a hook that fetches once per token
//! (and again on "Opnieuw proberen"), ending the session on a 401.

use std::future::Future;
use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use crate::api::ClientError;
use crate::components::{error_message, expire_on_401};
use crate::i18n::{D, Lang, T, t};
use crate::session::use_app;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub lang: Lang,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// "Bezig met laden…", announced politely to screen readers.
pub fn loading(props: &LoadingProps) -> Html {
    html! {
        <p class="loading" role="status" aria-live="polite" id={props.id.clone()}>
            <span class="spinner" aria-hidden="true"></span>{ t(props.lang, T::Loading) }
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub lang: Lang,
    pub error: ClientError,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Shows "Opnieuw proberen" (or "Herladen" after a conflict).
    #[prop_or_default]
    pub on_retry: Option<Callback<MouseEvent>>,
}

/// What went wrong, in words, with a way to try again.
pub fn error_box(props: &ErrorBoxProps) -> Html {
    let lang = props.lang;
    let stale = props.error.status() == Some(412);
    html! {
        <div class="error-box" role="alert" id={props.id.clone()} tabindex="-1">
            <p><span class="icon" aria-hidden="true">{ "⚠ " }</span>{ error_message(lang, &props.error) }</p>
            if let Some(retry) = &props.on_retry {
                <button type="button" class="button plain" onclick={retry.clone()}>
                    { t(lang, if stale { D::Reload } else { D::Retry }) }
                </button>
            }
        </div>
    }
}

/// The state of one fetch.
pub enum Remote<V> {
    Loading,
    Ready(Rc<V>),
    Failed(ClientError),
}

impl<V> Clone for Remote<V> {
    fn clone(&self) -> Self {
        match self {
            Remote::Loading => Remote::Loading,
            Remote::Ready(v) => Remote::Ready(v.clone()),
            Remote::Failed(e) => Remote::Failed(e.clone()),
        }
    }
}

impl<V> Remote<V> {
    /// Loading, the error (with "Opnieuw proberen"), or `view` of the value.
    pub fn view(&self, lang: Lang, retry: &Callback<MouseEvent>, view: impl FnOnce(&V) -> Html) -> Html {
        match self {
            Remote::Loading => html! { { loading(&yew::props!(LoadingProps { lang: lang })) } },
            Remote::Failed(error) => {
                html! { { error_box(&yew::props!(ErrorBoxProps { lang: lang, error: error.clone(), on_retry: retry.clone() })) } }
            }
            Remote::Ready(value) => view(value),
        }
    }
}

/// Fetches with the session's token when it changes, and again when the returned callback is
/// called; a 401 ends the session (the login page then explains why).
#[hook]
pub fn use_remote<V, F, Fut>(fetch: F) -> (Remote<V>, Callback<MouseEvent>)
where
    V: 'static,
    F: Fn(String) -> Fut + 'static,
    Fut: Future<Output = Result<V, ClientError>> + 'static,
{
    let app = use_app();
    let state = use_value(|| Remote::<V>::Loading);
    let round = use_value(|| 0u32);
    let token = app.session.as_ref().map(|s| s.token.clone());
    // the latest closure, for the effect to call
    let holder = use_mut_ref(|| None::<Rc<F>>);
    *holder.borrow_mut() = Some(Rc::new(fetch));
    {
        let (state, app) = (state.clone(), app.clone());
        use_effect_on((token, *round), move |(token, _)| {
            let f = holder.borrow().clone();
            if let (Some(token), Some(f)) = (token.clone(), f) {
                state.set(Remote::Loading);
                let pending = f(token);
                crate::spawn(async move {
                    match pending.await {
                        Ok(value) => state.set(Remote::Ready(Rc::new(value))),
                        Err(err) => {
                            expire_on_401(&app, &err);
                            state.set(Remote::Failed(err));
                        }
                    }
                });
            }
        });
    }
    let retry = {
        let round = round.clone();
        Callback::from(move |_: MouseEvent| round.set(*round + 1))
    };
    ((*state).clone(), retry)
}
