//! Starting a dossier (school staff): the form, saved as a draft with POST /arrangements.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::CreateArrangementRequest;
use arrangeer_shared::api::problem::FieldError;
use yew::prelude::*;

use crate::hooks::use_value;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::proposal_form::ProposalForm;
use crate::components::proposal_form::values::{FormValues, Parsed};
use crate::components::{AppLink, error_message, expire_on_401, use_focus_main_heading};
use crate::i18n::{D, F, t};
use crate::session::use_app;

#[derive(Clone, Default, PartialEq)]
struct SaveState {
    busy: bool,
    errors: Vec<FieldError>,
    message: Option<String>,
}

#[component]
pub fn NewDossierPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let navigator = use_navigator();
    let save = use_value(SaveState::default);
    use_focus_main_heading();

    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    if session.user.role != Role::School {
        return html! {
            <section class="card">
                <h1 id="main-heading" tabindex="-1">{ t(lang, D::NewTitle) }</h1>
                <p class="notice">{ t(lang, D::OnlySchool) }</p>
                <AppLink to={Route::Dossiers}>{ t(lang, D::BackToList) }</AppLink>
            </section>
        };
    }

    let on_submit = {
        let (app, save, token) = (app.clone(), save.clone(), session.token.clone());
        Callback::from(move |parsed: Parsed| {
            save.set(SaveState { busy: true, ..(*save).clone() });
            let request = CreateArrangementRequest {
                kind: parsed.kind,
                title: parsed.title,
                pupil_ids: parsed.pupil_ids,
                start_route: parsed.start_route,
                care_scope: parsed.care_scope,
                proposal: parsed.proposal,
            };
            let (app, save, token, navigator) = (app.clone(), save.clone(), token.clone(), navigator.clone());
            crate::spawn(async move {
                match api::create_arrangement(&token, &request).await {
                    Ok(created) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Dossier { id: created.id });
                        }
                    }
                    Err(err) => {
                        expire_on_401(&app, &err);
                        let errors = err.field_errors().to_vec();
                        let message = errors.is_empty().then(|| error_message(app.lang, &err));
                        save.set(SaveState { busy: false, errors, message });
                    }
                }
            });
        })
    };

    html! {
        <section class="card wide">
            <p class="breadcrumb"><AppLink to={Route::Dossiers}>{ "← " }{ t(lang, D::BackToList) }</AppLink></p>
            <h1 id="main-heading" tabindex="-1">{ t(lang, D::NewTitle) }</h1>
            <p>{ t(lang, D::NewIntro) }</p>
            if let Some(message) = &save.message {
                <div class="error-box" role="alert" id="save-error"><p>{ message.clone() }</p></div>
            }
            <ProposalForm lang={lang} token={session.token.clone()} initial={FormValues::default()}
                kind_editable=true server_errors={save.errors.clone()} busy={save.busy}
                submit_label={F::SaveDraft} {on_submit} />
        </section>
    }
}
