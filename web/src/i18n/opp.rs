//! Texts of the development-plan (OPP) pages: the parent's page with consent, and the plan's
//! consent status on the school's dossier page. Plain Dutch first: parents read these.

use arrangeer_shared::api::opps::{ConsentStatus, GoalDomain};

/// A text of the OPP pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum O {
    NavMyChild,
    ParentTitle,
    ParentIntro,
    NoPlans,
    PlanOf,
    VersionLabel,
    PublishedOn,
    ExitLevel,
    EducationalNeeds,
    GoalsHeading,
    GoalTarget,
    ActionPartHeading,
    ActionByWhom,
    ActionFrequency,
    ActionPeriod,
    PupilVoice,
    ConsentHeading,
    ConsentExplain,
    ConsentStatusLabel,
    ChooseAnswer,
    Agree,
    Disagree,
    ViewLabel,
    ViewHint,
    SendAnswer,
    Withdraw,
    WithdrawExplain,
    ChooseFirst,
    ConfirmedAgree,
    ConfirmedDisagree,
    ConfirmedWithdraw,
    RecordedOn,
    ConsentNewVersion,
    DossierOppsHeading,
    NoPlanYet,
    NotPublished,
    Status(ConsentStatus),
    Domain(GoalDomain),
}

pub(super) fn text(key: O) -> (&'static str, &'static str) {
    match key {
        O::NavMyChild => ("Mijn kind", "My child"),
        O::ParentTitle => ("Het plan voor uw kind", "Your child's plan"),
        O::ParentIntro => (
            "Hier ziet u het ontwikkelingsperspectiefplan (OPP) dat de school voor uw kind heeft gemaakt. U beslist of u het eens bent met het handelingsdeel: de hulp die uw kind krijgt.",
            "This is the development plan (OPP) the school made for your child. You decide whether you agree with the action part: the support your child gets.",
        ),
        O::NoPlans => (
            "Er is nog geen plan voor uw kind gepubliceerd.",
            "No plan has been published for your child yet.",
        ),
        O::PlanOf => ("Plan van", "Plan of"),
        O::VersionLabel => ("Versie", "Version"),
        O::PublishedOn => ("gepubliceerd op", "published on"),
        O::ExitLevel => ("Verwacht uitstroomniveau", "Expected exit level"),
        O::EducationalNeeds => ("Wat uw kind nodig heeft", "What your child needs"),
        O::GoalsHeading => ("Doelen", "Goals"),
        O::GoalTarget => ("Wanneer bereikt:", "Reached by:"),
        O::ActionPartHeading => ("Handelingsdeel: de hulp", "Action part: the support"),
        O::ActionByWhom => ("Door", "By"),
        O::ActionFrequency => ("Hoe vaak", "How often"),
        O::ActionPeriod => ("Periode", "Period"),
        O::PupilVoice => ("Wat uw kind zelf zegt", "What your child says"),
        O::ConsentHeading => ("Uw toestemming", "Your consent"),
        O::ConsentExplain => (
            "Bent u het eens met de hulp die hierboven staat? U kunt ook uw mening geven. Uw antwoord geldt voor deze versie van het plan.",
            "Do you agree with the support described above? You may also give your view. Your answer applies to this version of the plan.",
        ),
        O::ConsentStatusLabel => ("Stand van de toestemming:", "Consent so far:"),
        O::ChooseAnswer => ("Uw antwoord", "Your answer"),
        O::Agree => ("Ja, ik ben het eens met de hulp", "Yes, I agree with the support"),
        O::Disagree => ("Nee, ik ben het niet eens met de hulp", "No, I do not agree with the support"),
        O::ViewLabel => ("Uw mening (mag leeg blijven)", "Your view (optional)"),
        O::ViewHint => (
            "Bijvoorbeeld wat u anders zou willen. De school leest dit.",
            "For example what you would like differently. The school reads this.",
        ),
        O::SendAnswer => ("Antwoord versturen", "Send answer"),
        O::Withdraw => ("Toestemming intrekken", "Withdraw consent"),
        O::WithdrawExplain => (
            "U gaf toestemming. U kunt die altijd weer intrekken.",
            "You gave consent. You can always withdraw it.",
        ),
        O::ChooseFirst => ("Kies eerst ja of nee.", "Choose yes or no first."),
        O::ConfirmedAgree => {
            ("Dank u. Uw toestemming is vastgelegd.", "Thank you. Your consent has been recorded.")
        }
        O::ConfirmedDisagree => (
            "Dank u. Vastgelegd is dat u het niet eens bent. De school neemt contact met u op.",
            "Thank you. It has been recorded that you do not agree. The school will contact you.",
        ),
        O::ConfirmedWithdraw => (
            "Uw toestemming is ingetrokken. De school neemt contact met u op.",
            "Your consent has been withdrawn. The school will contact you.",
        ),
        O::RecordedOn => ("Vastgelegd op", "Recorded on"),
        O::ConsentNewVersion => (
            "Er is een nieuwe versie: uw antwoord op een eerdere versie blijft bewaard, maar geldt niet voor deze.",
            "There is a new version: your answer on an earlier version is kept, but does not apply to this one.",
        ),
        O::DossierOppsHeading => ("OPP's en toestemming van ouders", "OPPs and parents' consent"),
        O::NoPlanYet => ("nog geen OPP", "no OPP yet"),
        O::NotPublished => ("OPP nog niet gepubliceerd", "OPP not yet published"),
        O::Status(s) => match s {
            ConsentStatus::Pending => ("toestemming gevraagd", "consent pending"),
            ConsentStatus::Given => ("toestemming gegeven", "consent given"),
            ConsentStatus::Refused => ("niet eens", "refused"),
            ConsentStatus::Withdrawn => ("toestemming ingetrokken", "consent withdrawn"),
        },
        O::Domain(d) => match d {
            GoalDomain::Reading => ("Lezen", "Reading"),
            GoalDomain::Spelling => ("Spelling", "Spelling"),
            GoalDomain::Maths => ("Rekenen", "Maths"),
            GoalDomain::Language => ("Taal", "Language"),
            GoalDomain::SocialEmotional => ("Sociaal-emotioneel", "Social and emotional"),
            GoalDomain::WorkAttitude => ("Werkhouding", "Work attitude"),
            GoalDomain::Motor => ("Motoriek", "Motor skills"),
            GoalDomain::Communication => ("Communicatie", "Communication"),
            GoalDomain::Other => ("Overig", "Other"),
        },
    }
}
