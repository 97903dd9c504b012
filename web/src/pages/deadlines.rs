//! "Mijn termijnen": the running deadlines of the caller's dossiers, soonest first, with the
//! calendar feed address (read-only, revocable, without pupil names).

use arrangeer_shared::api::deadlines::{DeadlineResponse, FeedTokenResponse};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::ClientError;
use crate::app::Route;
use crate::components::{AppLink, error_message, expire_on_401, use_focus_main_heading};
use crate::format;
use crate::i18n::{R, T, t};
use crate::session::use_app;

#[derive(Clone, PartialEq)]
enum Feed {
    None,
    Created(FeedTokenResponse),
    Revoked,
    Failed(ClientError),
}

#[component]
pub fn DeadlinesPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let list = use_value(|| None::<Result<Vec<DeadlineResponse>, ClientError>>);
    let feed = use_value(|| Feed::None);
    let token = app.session.as_ref().map(|s| s.token.clone());
    {
        let (app, list) = (app.clone(), list.clone());
        use_effect_on(token.clone(), move |token| {
            if let Some(token) = token.clone() {
                crate::spawn(async move {
                    let result = crate::api::rules::list_deadlines(&token).await;
                    if let Err(err) = &result {
                        expire_on_401(&app, err);
                    }
                    list.set(Some(result));
                });
            }
        });
    }
    let Some(token) = token else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };

    let create = {
        let (feed, token) = (feed.clone(), token.clone());
        Callback::from(move |_: MouseEvent| {
            let (feed, token) = (feed.clone(), token.clone());
            crate::spawn(async move {
                feed.set(match crate::api::rules::create_feed_token(&token).await {
                    Ok(created) => Feed::Created(created),
                    Err(err) => Feed::Failed(err),
                });
            });
        })
    };
    let revoke = {
        let (feed, token) = (feed.clone(), token.clone());
        Callback::from(move |_: MouseEvent| {
            let (feed, token) = (feed.clone(), token.clone());
            crate::spawn(async move {
                feed.set(match crate::api::rules::revoke_feed_token(&token).await {
                    Ok(()) => Feed::Revoked,
                    Err(err) => Feed::Failed(err),
                });
            });
        })
    };

    let table = match &*list {
        None => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        Some(Err(err)) => {
            html! { <p class="error-box" role="alert" id="deadlines-error">{ error_message(lang, err) }</p> }
        }
        Some(Ok(items)) if items.is_empty() => {
            html! { <p id="deadlines-empty">{ t(lang, R::DeadlinesEmpty) }</p> }
        }
        Some(Ok(items)) => html! {
            <table class="table" id="deadlines">
                <thead><tr>
                    <th scope="col">{ t(lang, R::ColDue) }</th>
                    <th scope="col">{ t(lang, R::ColWhat) }</th>
                    <th scope="col">{ t(lang, R::ColDossier) }</th>
                    <th scope="col">{ t(lang, R::ColWho) }</th>
                </tr></thead>
                <tbody>
                    { for items.iter().map(|d| html! {
                        <tr class={classes!(d.overdue.then_some("overdue"))}>
                            <td>
                                { format::date(lang, d.due_date) }{ " " }
                                if d.overdue {
                                    <strong class="badge overdue">{ t(lang, R::Overdue) }</strong>
                                } else {
                                    <span class="hint">{ format!("({} {})", d.days_left, t(lang, R::DaysLeft)) }</span>
                                }
                            </td>
                            <td>{ t(lang, R::Deadline(d.kind)) }</td>
                            <td><AppLink to={Route::Dossier { id: d.arrangement_id }}>{ d.title.clone() }</AppLink></td>
                            <td>
                                { t(lang, T::Role(d.actor_role)) }
                                if d.mine { { " " }{ t(lang, R::Mine) } }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();

    html! {
        <article class="card wide">
            <h1 id="main-heading" tabindex="-1">{ t(lang, R::DeadlinesTitle) }</h1>
            <p>{ t(lang, R::DeadlinesIntro) }</p>
            { table }
            <section class="part" aria-labelledby="feed-heading">
                <h2 id="feed-heading">{ t(lang, R::FeedHeading) }</h2>
                <p>{ t(lang, R::FeedIntro) }</p>
                { match &*feed {
                    Feed::None => Html::default(),
                    Feed::Created(created) => html! {
                        <div class="notice success" role="status">
                            <p>{ t(lang, R::FeedCreated) }</p>
                            <div class="field">
                                <label for="feed-address">{ t(lang, R::FeedAddress) }</label>
                                <input id="feed-address" type="text" readonly=true
                                    value={format!("{origin}{}", created.path)} />
                            </div>
                        </div>
                    },
                    Feed::Revoked => html! { <p class="notice success" role="status">{ t(lang, R::FeedRevoked) }</p> },
                    Feed::Failed(err) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
                } }
                <div class="form-actions">
                    <button type="button" class="button primary" id="feed-create" onclick={create}>
                        { t(lang, R::FeedCreate) }
                    </button>
                    <button type="button" class="button plain" id="feed-revoke" onclick={revoke}>
                        { t(lang, R::FeedRevoke) }
                    </button>
                </div>
            </section>
        </article>
    }
}
