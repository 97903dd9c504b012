//! The Arrangeer web app: a Yew single-page app compiled to WebAssembly and served by the API
//! binary. Dutch first, English second; every visible string comes from [`i18n`].

pub mod api;
pub mod app;
pub mod components;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod session;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by `boot.js` once the module is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
