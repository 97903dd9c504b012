//! The frame around every page: skip link, header with the user and logout, language switch.

use arrangeer_shared::Role;
use yew::prelude::*;

use crate::hooks::use_effect_on;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::AppLink;
use crate::i18n::{C, D, O, R, St, T, t};
use crate::session::{Action, use_app};

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Children,
}

#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let lang = app.lang;
    let in_dossiers = matches!(route, Some(Route::Dossiers | Route::NewDossier | Route::Dossier { .. }));
    let in_consultations =
        matches!(route, Some(Route::Consultations | Route::NewConsultation | Route::Consultation { .. }));
    let sees_consultations = app.session.as_ref().is_some_and(|s| {
        matches!(
            s.user.role,
            arrangeer_shared::Role::School
                | arrangeer_shared::Role::Consultant
                | arrangeer_shared::Role::SwvAdmin
        )
    });

    let switch_language = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let lang = app.lang.other();
            app.dispatch(Action::SetLang(lang));
            // remembered per user on the server; on this device (localStorage) before login
            if let Some(token) = app.session.as_ref().map(|s| s.token.clone()) {
                crate::spawn(async move {
                    let _ =
                        crate::api::dashboard::set_language(&token, crate::session::language_of(lang)).await;
                });
            }
        })
    };
    // a user who has never chosen keeps the language picked before logging in (English), on
    // the server too
    {
        let app = app.clone();
        let unchosen = app
            .session
            .as_ref()
            .filter(|s| s.user.language.is_none() && app.lang != crate::i18n::Lang::Nl)
            .map(|s| s.token.clone());
        use_effect_on(unchosen, move |unchosen| {
            if let Some(token) = unchosen.clone() {
                let lang = app.lang;
                app.dispatch(Action::SetLang(lang));
                crate::spawn(async move {
                    let _ =
                        crate::api::dashboard::set_language(&token, crate::session::language_of(lang)).await;
                });
            }
        });
    }
    let logout = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            // end the session on the server too; the tab forgets it whatever the answer
            if let Some(refresh_token) =
                crate::session::stored().map(|s| s.refresh_token).filter(|t| !t.is_empty())
            {
                crate::spawn(async move {
                    let _ = crate::api::logout(&refresh_token).await;
                });
            }
            app.dispatch(Action::LoggedOut);
            if let Some(nav) = &navigator {
                nav.push(&Route::Login);
            }
        })
    };

    // keep <html lang> in step with the chosen language, for screen readers
    use_effect_on(lang, |lang| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    html! {
        <>
            <a class="skip-link" href="#main">{ t(lang, T::SkipToContent) }</a>
            <header class="site-header">
                <div class="brand">
                    <span class="brand-name">{ t(lang, T::AppName) }</span>
                    <span class="brand-tagline">{ t(lang, T::Tagline) }</span>
                </div>
                if app.session.is_some() {
                    <nav class="main-nav" aria-label={t(lang, D::MainMenu)}>
                        <AppLink to={Route::Home} id="nav-home" current={route == Some(Route::Home)}>
                            { t(lang, D::NavHome) }
                        </AppLink>
                        <AppLink to={Route::Dossiers} id="nav-dossiers" current={in_dossiers}>
                            { t(lang, D::NavDossiers) }
                        </AppLink>
                        if app.session.as_ref().is_some_and(|s| s.user.role == Role::Parent) {
                            <AppLink to={Route::MyChild} id="nav-my-child" current={route == Some(Route::MyChild)}>
                                { t(lang, O::NavMyChild) }
                            </AppLink>
                        }
                        if sees_consultations {
                            <AppLink to={Route::Consultations} id="nav-consultations" current={in_consultations}>
                                { t(lang, C::NavConsultations) }
                            </AppLink>
                        }
                        if app.session.as_ref().is_some_and(|s| s.user.role != Role::Parent) {
                            <AppLink to={Route::Deadlines} id="nav-deadlines" current={route == Some(Route::Deadlines)}>
                                { t(lang, R::NavDeadlines) }
                            </AppLink>
                        }
                        if sees_consultations {
                            <AppLink to={Route::Statistics} id="nav-statistics"
                                current={route == Some(Route::Statistics)}>
                                { t(lang, St::NavStatistics) }
                            </AppLink>
                        }
                        if app.session.as_ref().is_some_and(|s| s.user.role == Role::SwvAdmin) {
                            <AppLink to={Route::Policy} id="nav-policy" current={route == Some(Route::Policy)}>
                                { t(lang, R::NavPolicy) }
                            </AppLink>
                            <AppLink to={Route::Payments} id="nav-payments" current={route == Some(Route::Payments)}>
                                { t(lang, R::NavPayments) }
                            </AppLink>
                        }
                    </nav>
                }
                <nav class="header-actions" aria-label={t(lang, crate::i18n::U::AccountMenu)}>
                    if let Some(session) = &app.session {
                        <Link<Route> to={Route::Account} classes="user-name">{ &session.user.name }</Link<Route>>
                        <button type="button" class="button secondary" id="logout" onclick={logout}>
                            { t(lang, T::LogOut) }
                        </button>
                    }
                    <button type="button" class="button link" id="switch-language" lang={lang.other().code()} onclick={switch_language}>
                        { t(lang, T::SwitchLanguage) }
                    </button>
                </nav>
            </header>
            <main id="main" class="content">
                { props.children.clone() }
            </main>
        </>
    }
}
