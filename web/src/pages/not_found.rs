use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::use_focus_main_heading;
use crate::i18n::{T, t};
use crate::session::use_app;

#[component]
pub fn NotFoundPage() -> Html {
    let lang = use_app().lang;
    use_focus_main_heading();
    html! {
        <section class="card">
            <h1 id="main-heading" tabindex="-1">{ t(lang, T::NotFoundTitle) }</h1>
            <p>{ t(lang, T::NotFoundText) }</p>
            <Link<Route> to={Route::Home}>{ t(lang, T::BackHome) }</Link<Route>>
        </section>
    }
}
