//! The translation table: every string the user sees, in Dutch (default) and English.
//!
//! [`T`] holds the general texts; the dossier pages add [`D`] (pages), [`F`] (form fields and
//! their errors) and the names of the workflow and dossier vocabularies, each in its own file.

mod consultations;
mod dossiers;
mod forms;
mod opp;
mod rules;
mod security;
mod statistics;
mod ux;
mod vocabulary;

mod joiners;
mod opp_editor;

use arrangeer_shared::Role;
use arrangeer_shared::kinds::{
    ArrangementKind, CareScope, ExecutorKind, SalaryScale, StaffFunction, StartRoute,
};
use arrangeer_shared::workflow::{Action, Status};
use gloo_storage::{LocalStorage, Storage};

pub use consultations::{C, error_text as consultation_error_text};
pub use dossiers::D;
pub use forms::{F, error_text};
pub use opp::O;
pub use rules::R;
pub use security::S;
pub use statistics::St;
pub use ux::U;

pub use joiners::J;
pub use opp_editor::{E, part_name};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

const LANG_KEY: &str = "arrangeer.lang";

impl Lang {
    /// The language chosen earlier on this device, Dutch otherwise.
    pub fn remembered() -> Lang {
        match LocalStorage::get::<String>(LANG_KEY).ok().as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Nl,
        }
    }

    pub fn remember(self) {
        let _ = LocalStorage::set(LANG_KEY, self.code());
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

/// A visible text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    AppName,
    Tagline,
    SkipToContent,
    LoginTitle,
    LoginIntro,
    Email,
    Password,
    LogIn,
    LoggingIn,
    LogOut,
    InvalidCredentials,
    FieldRequired,
    SessionExpired,
    NetworkError,
    ServerError,
    Welcome,
    YouAreLoggedInAs,
    AtSchool,
    AtExecutor,
    Partnership,
    SwitchLanguage,
    Loading,
    NotFoundTitle,
    NotFoundText,
    BackHome,
    Role(Role),
    /// Texts of the dossier pages.
    Dossier(D),
    /// Labels, hints and errors of form fields.
    Form(F),
    Status(Status),
    Kind(ArrangementKind),
    /// The label of the button that takes an action ("Indienen").
    Action(Action),
    /// The action as recorded in the history ("Ingediend").
    Done(Action),
    StartRoute(StartRoute),
    CareScope(CareScope),
    ExecutorKind(ExecutorKind),
    StaffFunction(StaffFunction),
    SalaryScale(SalaryScale),
    /// Texts of the development-plan pages.
    Opp(O),
    /// Texts of the consultation pages and the dossier additions.
    Consultation(C),
    /// Texts about logging in safely.
    Security(S),
    /// Texts of the rules, money and deadlines pages.
    Rules(R),
    /// Texts of the start pages, the timeline's next step and the documents.
    Ux(U),
    /// Texts of the statistics page and its charts.
    Statistics(St),
    /// Texts of the school's OPP editor and the read-only plan view.
    OppEditor(E),
    /// Texts of invitations and short-term joiners.
    Joiners(J),
}

impl From<U> for T {
    fn from(key: U) -> T {
        T::Ux(key)
    }
}

impl From<St> for T {
    fn from(key: St) -> T {
        T::Statistics(key)
    }
}

impl From<O> for T {
    fn from(key: O) -> T {
        T::Opp(key)
    }
}

impl From<E> for T {
    fn from(key: E) -> T {
        T::OppEditor(key)
    }
}

impl From<J> for T {
    fn from(key: J) -> T {
        T::Joiners(key)
    }
}

impl From<R> for T {
    fn from(key: R) -> T {
        T::Rules(key)
    }
}

impl From<D> for T {
    fn from(key: D) -> T {
        T::Dossier(key)
    }
}

impl From<C> for T {
    fn from(key: C) -> T {
        T::Consultation(key)
    }
}

impl From<F> for T {
    fn from(key: F) -> T {
        T::Form(key)
    }
}

/// The text in the given language.
pub fn t(lang: Lang, key: impl Into<T>) -> &'static str {
    use Lang::{En, Nl};
    match (key.into(), lang) {
        (T::AppName, _) => "Arrangeer",
        (T::Tagline, Nl) => "Ondersteuningsarrangementen voor leerlingen",
        (T::Tagline, En) => "Support arrangements for pupils",
        (T::SkipToContent, Nl) => "Naar de inhoud",
        (T::SkipToContent, En) => "Skip to content",
        (T::LoginTitle, Nl) => "Inloggen",
        (T::LoginTitle, En) => "Log in",
        (T::LoginIntro, Nl) => "Log in met het e-mailadres en wachtwoord van uw account.",
        (T::LoginIntro, En) => "Log in with the e-mail address and password of your account.",
        (T::Email, Nl) => "E-mailadres",
        (T::Email, En) => "E-mail address",
        (T::Password, Nl) => "Wachtwoord",
        (T::Password, En) => "Password",
        (T::LogIn, Nl) => "Inloggen",
        (T::LogIn, En) => "Log in",
        (T::LoggingIn, Nl) => "Bezig met inloggen…",
        (T::LoggingIn, En) => "Logging in…",
        (T::LogOut, Nl) => "Uitloggen",
        (T::LogOut, En) => "Log out",
        (T::InvalidCredentials, Nl) => "Het e-mailadres of wachtwoord klopt niet.",
        (T::InvalidCredentials, En) => "The e-mail address or password is incorrect.",
        (T::FieldRequired, Nl) => "Dit veld is verplicht.",
        (T::FieldRequired, En) => "This field is required.",
        (T::SessionExpired, Nl) => "Uw sessie is verlopen. Log opnieuw in.",
        (T::SessionExpired, En) => "Your session has expired. Please log in again.",
        (T::NetworkError, Nl) => {
            "De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw."
        }
        (T::NetworkError, En) => "The server cannot be reached. Check your connection and try again.",
        (T::ServerError, Nl) => "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
        (T::ServerError, En) => "Something went wrong on our side. Please try again later.",
        (T::Welcome, Nl) => "Welkom",
        (T::Welcome, En) => "Welcome",
        (T::YouAreLoggedInAs, Nl) => "U bent ingelogd als",
        (T::YouAreLoggedInAs, En) => "You are logged in as",
        (T::AtSchool, Nl) => "School",
        (T::AtSchool, En) => "School",
        (T::AtExecutor, Nl) => "Organisatie",
        (T::AtExecutor, En) => "Organisation",
        (T::Partnership, Nl) => "Samenwerkingsverband",
        (T::Partnership, En) => "Partnership",
        (T::SwitchLanguage, Nl) => "English",
        (T::SwitchLanguage, En) => "Nederlands",
        (T::Loading, Nl) => "Bezig met laden…",
        (T::Loading, En) => "Loading…",
        (T::NotFoundTitle, Nl) => "Pagina niet gevonden",
        (T::NotFoundTitle, En) => "Page not found",
        (T::NotFoundText, Nl) => "Deze pagina bestaat niet (meer).",
        (T::NotFoundText, En) => "This page does not exist (any more).",
        (T::BackHome, Nl) => "Naar de startpagina",
        (T::BackHome, En) => "Go to the start page",
        (T::Role(role), lang) => role_name(role, lang),
        (T::Dossier(key), lang) => pick(lang, dossiers::text(key)),
        (T::Opp(key), lang) => pick(lang, opp::text(key)),
        (T::Form(key), lang) => pick(lang, forms::text(key)),
        (T::Status(status), lang) => pick(lang, vocabulary::status(status)),
        (T::Kind(kind), lang) => pick(lang, vocabulary::kind(kind)),
        (T::Action(action), lang) => pick(lang, vocabulary::action(action)),
        (T::Done(action), lang) => pick(lang, vocabulary::done(action)),
        (T::StartRoute(route), lang) => pick(lang, vocabulary::start_route(route)),
        (T::CareScope(scope), lang) => pick(lang, vocabulary::care_scope(scope)),
        (T::ExecutorKind(kind), lang) => pick(lang, vocabulary::executor_kind(kind)),
        (T::StaffFunction(function), lang) => pick(lang, vocabulary::staff_function(function)),
        (T::SalaryScale(scale), lang) => pick(lang, vocabulary::salary_scale(scale)),
        (T::Consultation(key), lang) => pick(lang, consultations::text(key)),
        (T::Security(key), lang) => pick(lang, security::text(key)),
        (T::Rules(key), lang) => pick(lang, rules::text(key)),
        (T::Ux(key), lang) => pick(lang, ux::text(key)),
        (T::Statistics(key), lang) => pick(lang, statistics::text(key)),
        (T::OppEditor(key), lang) => pick(lang, opp_editor::text(key)),
        (T::Joiners(key), lang) => pick(lang, joiners::text(key)),
    }
}

/// The text of a `(Dutch, English)` pair.
fn pick(lang: Lang, (nl, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn role_name(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::School, Lang::Nl) => "schoolmedewerker",
        (Role::School, Lang::En) => "school staff",
        (Role::Consultant, Lang::Nl) => "consulent",
        (Role::Consultant, Lang::En) => "consultant",
        (Role::Executor, Lang::Nl) => "arrangementsuitvoerder",
        (Role::Executor, Lang::En) => "executor",
        (Role::Parent, Lang::Nl) => "ouder/verzorger",
        (Role::Parent, Lang::En) => "parent/guardian",
        (Role::SwvAdmin, Lang::Nl) => "medewerker samenwerkingsverband",
        (Role::SwvAdmin, Lang::En) => "partnership staff",
    }
}
