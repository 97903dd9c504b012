//! The start page: greets the user by name and role, then answers "what needs me now" with
//! the start page of the user's role (one file each under `home/`).

mod common;
mod consultant;
mod executor;
mod parent;
mod school;
mod swv_admin;

use arrangeer_shared::Role;

use yew::prelude::*;

use crate::hooks::use_effect_on;
use yew_router::prelude::*;

use crate::api::{self, ClientError};
use crate::app::Route;
use crate::components::use_focus_main_heading;
use crate::i18n::{T, t};
use crate::session::{self, Action, Session, use_app};

#[component]
pub fn HomePage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();

    // confirm the stored session with the server once; an expired token sends the user back
    // to the login page with an explanation
    {
        let app = app.clone();
        let token = app.session.as_ref().map(|s| s.token.clone());
        use_effect_on(token, move |token| {
            if let Some(token) = token.clone() {
                crate::spawn(async move {
                    match api::me(&token).await {
                        Ok(user) => {
                            // the stored session carries the tokens of a refresh along the way;
                            // none stored: the user logged out meanwhile, so do not bring it back
                            if let Some(stored) = session::stored() {
                                app.dispatch(Action::LoggedIn(Box::new(Session { user, ..stored })))
                            }
                        }
                        Err(ClientError::Unauthenticated(_)) => app.dispatch(Action::Expired),
                        Err(_) => {}
                    }
                });
            }
        });
    }

    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    let user = &session.user;
    let dashboard = match user.role {
        Role::School => html! { <school::SchoolDashboard lang={lang} /> },
        Role::Consultant => html! { <consultant::ConsultantDashboard lang={lang} me={user.id} /> },
        Role::Executor => html! { <executor::ExecutorDashboard lang={lang} /> },
        Role::SwvAdmin => html! { <swv_admin::SwvAdminDashboard lang={lang} /> },
        Role::Parent => html! { <parent::ParentDashboard lang={lang} me={user.id} /> },
    };
    html! {
        <>
        <section class="card">
            <h1 id="main-heading" tabindex="-1">{ format!("{}, {}", t(lang, T::Welcome), user.name) }</h1>
            <p id="role-line">
                { t(lang, T::YouAreLoggedInAs) }{ " " }<strong>{ t(lang, T::Role(user.role)) }</strong>
            </p>
            <dl class="facts">
                <dt>{ t(lang, T::Partnership) }</dt>
                <dd>{ &user.partnership.name }</dd>
                if let Some(school) = &user.school {
                    <dt>{ t(lang, T::AtSchool) }</dt>
                    <dd>{ &school.name }</dd>
                }
                if let Some(executor) = &user.executor {
                    <dt>{ t(lang, T::AtExecutor) }</dt>
                    <dd>{ &executor.name }</dd>
                }
            </dl>
        </section>
        { dashboard }
        </>
    }
}
