//! The Arrangeer web app: a Yew single-page app compiled to WebAssembly and served by the API
//! binary. Dutch first, English second; every visible string comes from [`i18n`].

pub mod api;
pub mod app;
pub mod components;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod lazy;
pub mod pages;
pub mod session;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by `boot.js` once the module is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}

/// Runs a future to completion in the browser's event loop: `wasm_bindgen_futures::spawn_local`
/// behind one boxed future type, so that its task machinery is compiled once instead of once
/// per future (see README, "Size of the web app").
pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    spawn_boxed(Box::pin(future));
}

fn spawn_boxed(future: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
    wasm_bindgen_futures::spawn_local(future);
}
