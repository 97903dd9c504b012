// Loads the WebAssembly app. A separate file (not an inline script) so that a strict
// Content-Security-Policy can forbid inline scripts.
import init from '/arrangeer_web.js';
init();
