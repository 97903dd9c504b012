//! Presentational pieces shared by the pages.

pub mod layout;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Moves keyboard and screen-reader focus to the page's main heading once it is shown, so that
/// a route change is announced like a page load.
#[hook]
pub fn use_focus_main_heading() {
    use_effect_with((), |_| {
        if let Some(heading) = gloo_utils_document()
            .and_then(|d| d.get_element_by_id("main-heading"))
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}

fn gloo_utils_document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}
