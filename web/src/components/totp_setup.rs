//! Setting up two-factor authentication: the secret as a QR code and as text, and the field for
//! the first code. Used by the login page (when enrollment must come first) and the account page.

use arrangeer_shared::api::totp::TotpEnrollmentResponse;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_value;

use crate::i18n::{Lang, S, T, t};

#[derive(Properties, PartialEq)]
pub struct TotpSetupProps {
    pub lang: Lang,
    pub enrollment: TotpEnrollmentResponse,
    /// Called with the code the user typed.
    pub on_confirm: Callback<String>,
    pub busy: bool,
    /// An error to show at the code field (wrong code).
    pub error: Option<S>,
}

/// A text about logging in safely.
pub fn tr(lang: Lang, key: S) -> &'static str {
    t(lang, T::Security(key))
}

/// The QR code as an image source: a data URI, allowed by the Content-Security-Policy.
fn qr_source(svg: &str) -> Option<String> {
    let encoded = web_sys::window()?.btoa(svg).ok()?;
    Some(format!("data:image/svg+xml;base64,{encoded}"))
}

/// The secret in groups of four characters, easier to type over.
fn grouped(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

#[component]
pub fn TotpSetup(props: &TotpSetupProps) -> Html {
    let lang = props.lang;
    let code = use_value(String::new);
    let on_input = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            code.set(input.value());
        })
    };
    let on_submit = {
        let code = code.clone();
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_confirm.emit((*code).clone());
        })
    };
    html! {
        <section class="totp-setup" aria-labelledby="totp-setup-heading">
            <h2 id="totp-setup-heading">{ tr(lang, S::TotpSetupTitle) }</h2>
            <p>{ tr(lang, S::TotpSetupIntro) }</p>
            if let Some(src) = qr_source(&props.enrollment.qr_svg) {
                <img id="totp-qr" class="totp-qr" src={src} alt={tr(lang, S::TotpQrAlt)} width="240" height="240" />
            }
            <p>
                <span id="totp-secret-label">{ tr(lang, S::TotpSecret) }{ ": " }</span>
                <code id="totp-secret" aria-labelledby="totp-secret-label">{ grouped(&props.enrollment.secret) }</code>
            </p>
            <form onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="totp-setup-code">{ tr(lang, S::TotpCode) }</label>
                    <input
                        id="totp-setup-code" name="totp-setup-code" type="text" inputmode="numeric"
                        autocomplete="one-time-code" maxlength="6" pattern="[0-9]*"
                        value={(*code).clone()} oninput={on_input}
                        aria-invalid={props.error.is_some().to_string()}
                        aria-describedby={if props.error.is_some() { "totp-setup-error" } else { "totp-setup-hint" }}
                    />
                    <p class="hint" id="totp-setup-hint">{ tr(lang, S::TotpCodeHint) }</p>
                    if let Some(error) = props.error {
                        <p class="field-error" id="totp-setup-error" role="alert">{ tr(lang, error) }</p>
                    }
                </div>
                <button type="submit" class="button primary" id="totp-confirm" disabled={props.busy}>
                    { tr(lang, S::TotpConfirm) }
                </button>
            </form>
        </section>
    }
}
