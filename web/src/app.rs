//! Routes and the one `switch` that maps them to pages.

use arrangeer_shared::ids::ArrangementId;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
use crate::pages::consultation::ConsultationPage;
use crate::pages::consultation_list::ConsultationListPage;
use crate::pages::consultation_new::NewConsultationPage;
use crate::pages::dossier::DossierPage;
use crate::pages::dossier_list::DossierListPage;
use crate::pages::dossier_new::NewDossierPage;
use crate::pages::opp_parent::ParentOppPage;
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
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Login => html! { <LoginPage /> },
        Route::Dossiers => html! { <DossierListPage /> },
        Route::NewDossier => html! { <NewDossierPage /> },
        // keyed, so that going from one dossier to another starts the page afresh
        Route::Dossier { id } => html! { <DossierPage key={id.to_string()} {id} /> },
        Route::MyChild => html! { <ParentOppPage /> },
        Route::Consultations => html! { <ConsultationListPage /> },
        Route::NewConsultation => html! { <NewConsultationPage /> },
        Route::Consultation { id } => html! { <ConsultationPage key={id.clone()} id={id.clone()} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        Route::Deadlines => html! { <crate::pages::deadlines::DeadlinesPage /> },
        Route::Policy => html! { <crate::pages::policy_editor::PolicyEditorPage /> },
        Route::Payments => html! { <crate::pages::payments::PaymentsPage /> },
        Route::Statistics => html! { <crate::pages::statistics::StatisticsPage /> },
        Route::PupilOpp { pupil } => {
            html! { <crate::pages::opp_editor::OppEditorPage key={pupil.to_string()} {pupil} /> }
        }
        Route::Invitation => html! { <crate::pages::invitation::InvitationPage /> },
        Route::Account => html! { <crate::pages::account::AccountPage /> },
    }
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
