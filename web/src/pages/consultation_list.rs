//! The consultations the caller may see, most recently changed first.

use arrangeer_shared::Role;
use arrangeer_shared::api::consultations::ConsultationSummary;
use arrangeer_shared::api::page::Page;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::{ClientError, consultations as api};
use crate::app::Route;
use crate::components::{AppLink, error_message, expire_on_401, use_focus_main_heading};
use crate::format;
use crate::i18n::{C, t};
use crate::session::use_app;

#[component]
pub fn ConsultationListPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let result = use_value(|| None::<Result<Page<ConsultationSummary>, ClientError>>);
    let token = app.session.as_ref().map(|s| s.token.clone());
    {
        let (app, result) = (app.clone(), result.clone());
        use_effect_on(token.clone(), move |token| {
            if let Some(token) = token.clone() {
                crate::spawn(async move {
                    let page = api::list_consultations(&token, None).await;
                    if let Err(err) = &page {
                        expire_on_401(&app, err);
                    }
                    result.set(Some(page));
                });
            }
        });
    }
    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    let body = match &*result {
        None => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        Some(Err(err)) => {
            html! { <div class="error-box" role="alert"><p>{ error_message(lang, err) }</p></div> }
        }
        Some(Ok(page)) if page.items.is_empty() => {
            html! { <p id="consultations-empty">{ t(lang, C::ListEmpty) }</p> }
        }
        Some(Ok(page)) => html! {
            <table class="data" id="consultation-list">
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, C::ColQuestion) }</th>
                        <th scope="col">{ t(lang, C::ColKind) }</th>
                        <th scope="col">{ t(lang, C::ColTriaged) }</th>
                        <th scope="col">{ t(lang, C::ColUpdated) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for page.items.iter().map(|c| html! {
                        <tr>
                            <td><AppLink to={Route::Consultation { id: c.id.clone() }}>{ &c.support_question }</AppLink></td>
                            <td>{ t(lang, C::Kind(c.kind)) }</td>
                            <td>{ t(lang, if c.triaged { C::Yes } else { C::No }) }</td>
                            <td>{ format::day(lang, c.updated_at) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <section class="card wide">
            <div class="title-row">
                <h1 id="main-heading" tabindex="-1">{ t(lang, C::ListTitle) }</h1>
                if session.user.role == Role::School {
                    <AppLink to={Route::NewConsultation} id="new-consultation" class="button primary">
                        { t(lang, C::NewConsultation) }
                    </AppLink>
                }
            </div>
            <p>{ t(lang, C::ListIntro) }</p>
            { body }
        </section>
    }
}
