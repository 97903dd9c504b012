//! Texts about logging in safely: rate limits and two-factor codes.

/// A text of the login and session pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum S {
    /// The server refused the login for a while (429).
    TooManyAttempts,
    /// Label of the field for the code of the authenticator app.
    TotpCode,
    /// Hint under that field.
    TotpCodeHint,
    /// Shown when the password was right and the code is needed.
    TotpNeeded,
    /// The code was wrong, too old or used before.
    TotpInvalid,
    /// Heading of the enrollment part.
    TotpSetupTitle,
    /// Why and how to set it up.
    TotpSetupIntro,
    /// Label of the secret shown as text.
    TotpSecret,
    /// Alternative text of the QR code image.
    TotpQrAlt,
    /// Button that confirms the first code.
    TotpConfirm,
    /// Button that starts the enrollment on the account page.
    TotpStart,
    /// Status: active.
    TotpEnabled,
    /// Status: not set up.
    TotpDisabled,
    /// Status: this server requires it for the role.
    TotpRequiredNote,
    /// Title of the account page.
    AccountTitle,
    /// Heading of the two-factor part of the account page.
    TotpHeading,
    /// Confirmation after a successful enrollment.
    TotpNowActive,
    /// Parents have no two-factor authentication.
    TotpNotForParents,
    /// Link to the account page.
    MyAccount,
}

/// The `(Dutch, English)` text of `key`.
pub fn text(key: S) -> (&'static str, &'static str) {
    match key {
        S::TooManyAttempts => (
            "Te veel inlogpogingen. Wacht een paar minuten en probeer het opnieuw.",
            "Too many login attempts. Wait a few minutes and try again.",
        ),
        S::TotpCode => ("Verificatiecode", "Verification code"),
        S::TotpCodeHint => (
            "De zes cijfers die uw authenticator-app nu toont.",
            "The six digits your authenticator app shows now.",
        ),
        S::TotpNeeded => (
            "Uw account gebruikt tweestapsverificatie. Vul de code uit uw authenticator-app in.",
            "Your account uses two-step verification. Enter the code from your authenticator app.",
        ),
        S::TotpInvalid => (
            "De code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.",
            "The code is wrong or was already used. Wait for the next code and try again.",
        ),
        S::TotpSetupTitle => ("Tweestapsverificatie instellen", "Set up two-step verification"),
        S::TotpSetupIntro => (
            "Voor medewerkers is tweestapsverificatie verplicht. Scan de QR-code met een \
             authenticator-app (of typ de sleutel over) en vul daarna de code in die de app toont.",
            "Two-step verification is required for staff. Scan the QR code with an authenticator \
             app (or type in the key), then enter the code the app shows.",
        ),
        S::TotpSecret => ("Sleutel (om over te typen)", "Key (to type in)"),
        S::TotpQrAlt => (
            "QR-code met de sleutel voor uw authenticator-app",
            "QR code with the key for your authenticator app",
        ),
        S::TotpConfirm => ("Bevestigen", "Confirm"),
        S::TotpStart => ("Tweestapsverificatie instellen", "Set up two-step verification"),
        S::TotpEnabled => ("Tweestapsverificatie staat aan.", "Two-step verification is on."),
        S::TotpDisabled => ("Tweestapsverificatie staat uit.", "Two-step verification is off."),
        S::TotpRequiredNote => (
            "Deze server vereist tweestapsverificatie voor uw rol.",
            "This server requires two-step verification for your role.",
        ),
        S::AccountTitle => ("Mijn account", "My account"),
        S::TotpHeading => ("Tweestapsverificatie", "Two-step verification"),
        S::TotpNowActive => (
            "Tweestapsverificatie is ingesteld. Vanaf nu vraagt het inloggen ook om een code.",
            "Two-step verification is set up. From now on, logging in also asks for a code.",
        ),
        S::TotpNotForParents => (
            "Voor ouders en verzorgers is tweestapsverificatie niet nodig.",
            "Parents and guardians do not need two-step verification.",
        ),
        S::MyAccount => ("Mijn account", "My account"),
    }
}
