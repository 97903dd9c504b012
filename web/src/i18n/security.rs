//! Texts about logging in safely: rate limits and (later) two-factor codes.

/// A text of the login and session pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum S {
    /// The server refused the login for a while (429).
    TooManyAttempts,
}

/// The `(Dutch, English)` text of `key`.
pub fn text(key: S) -> (&'static str, &'static str) {
    match key {
        S::TooManyAttempts => (
            "Te veel inlogpogingen. Wacht een paar minuten en probeer het opnieuw.",
            "Too many login attempts. Wait a few minutes and try again.",
        ),
    }
}
