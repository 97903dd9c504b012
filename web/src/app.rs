//! Routes and the one `switch` that maps them to pages.

use arrangeer_shared::ids::ArrangementId;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
use crate::lazy::{Chunk, Lazy};
use crate::pages::{home::HomePage, login::LoginPage, not_found::NotFoundPage};
use crate::session::AppState;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/inloggen")]
    Login,
    #[at("/dossiers")]
    Dossiers,
    #[at("/dossiers/nieuw")]
    NewDossier,
    #[at("/dossiers/:id")]
    Dossier { id: ArrangementId },
    #[at("/mijn-kind")]
    MyChild,
    #[at("/adviesvragen")]
    Consultations,
    #[at("/adviesvragen/nieuw")]
    NewConsultation,
    #[at("/adviesvragen/:id")]
    Consultation { id: String },
    #[at("/termijnen")]
    Deadlines,
    #[at("/regels")]
    Policy,
    #[at("/betalingen")]
    Payments,
    #[at("/statistieken")]
    Statistics,
    #[at("/mijn-account")]
    Account,
    #[not_found]
    #[at("/404")]
    NotFound,
    /// The development plan of a pupil: the school's editor, read-only for readers.
    #[at("/leerlingen/:pupil/opp")]
    PupilOpp { pupil: arrangeer_shared::ids::PupilId },
    /// Where an invitation link (`/uitnodiging?token=…`) lands: the guardian sets a password.
    #[at("/uitnodiging")]
    Invitation,
}

fn switch(route: Route) -> Html {
    // the shell (login, start pages, the layout around them) is in the main module; the other
    // pages come in chunks that are loaded when the user first goes there (crate::lazy)
    let chunk = match route {
        Route::Home => return html! { <HomePage /> },
        Route::Login => return html! { <LoginPage /> },
        Route::NotFound => return html! { <NotFoundPage /> },
        Route::Dossiers
        | Route::NewDossier
        | Route::Dossier { .. }
        | Route::Consultations
        | Route::NewConsultation
        | Route::Consultation { .. }
        | Route::PupilOpp { .. } => Chunk::Dossiers,
        Route::MyChild => Chunk::MyChild,
        Route::Deadlines => Chunk::Deadlines,
        Route::Policy | Route::Payments | Route::Statistics => Chunk::Office,
        Route::Account | Route::Invitation => Chunk::Account,
    };
    html! { <Lazy {chunk} {route} /> }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::restore);
    html! {
        <ContextProvider<UseReducerHandle<AppState>> context={state}>
            <BrowserRouter>
                <Layout>
                    <Switch<Route> render={switch} />
                </Layout>
            </BrowserRouter>
        </ContextProvider<UseReducerHandle<AppState>>>
    }
}
