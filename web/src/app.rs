//! Routes and the one `switch` that maps them to pages.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
use crate::pages::{home::HomePage, login::LoginPage, not_found::NotFoundPage};
use crate::session::AppState;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/inloggen")]
    Login,
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Login => html! { <LoginPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
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
