//! Texts of guardians' invitations (the school's form, the page of the link) and of the
//! short-term joiners of a cluster.

/// A text of the invitation and short-term joiner parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum J {
    InvitationTitle,
    InvitationIntro,
    PasswordHint,
    PasswordRepeat,
    PasswordTooShort,
    PasswordsDiffer,
    SetPassword,
    LinkUsed,
    LinkExpired,
    LinkUnknown,
    InviteGuardianFor,
    InviteExplain,
    GuardianName,
    GuardianNameHint,
    GuardianEmail,
    NotAParent,
    SendInvitation,
    Invited,
    ValidUntil,
    DemoLink,
    JoinersHeading,
    JoinersExplain,
    NoJoiners,
    AddJoiner,
    Pupil,
    ChoosePupil,
    OfferPart,
    OfferPartHint,
    From,
    Until,
    UntilHint,
    ActionPlan,
    ActionPlanHint,
    ParentsInformed,
    ParentsInformedHint,
    ParentsWereInformed,
    InformFirst,
    JoinerAdded,
    ActionPlanRequired,
    NotAnActionPlan,
    PeriodTooLong,
    AlreadyInArrangement,
    Overlap,
}

pub(super) fn text(key: J) -> (&'static str, &'static str) {
    match key {
        J::InvitationTitle => ("Uw account instellen", "Set up your account"),
        J::InvitationIntro => (
            "De school heeft u uitgenodigd om het plan van uw kind te bekijken. Kies een wachtwoord; daarna bent u meteen ingelogd.",
            "The school invited you to see your child's plan. Choose a password; you are then logged in straight away.",
        ),
        J::PasswordHint => ("Minstens 10 tekens.", "At least 10 characters."),
        J::PasswordRepeat => ("Herhaal het wachtwoord", "Repeat the password"),
        J::PasswordTooShort => {
            ("Kies een wachtwoord van minstens 10 tekens.", "Choose a password of at least 10 characters.")
        }
        J::PasswordsDiffer => {
            ("De twee wachtwoorden zijn niet gelijk.", "The two passwords are not the same.")
        }
        J::SetPassword => ("Wachtwoord instellen en inloggen", "Set password and log in"),
        J::LinkUsed => (
            "Deze uitnodigingslink is al gebruikt. Log in met uw wachtwoord, of vraag de school om een nieuwe uitnodiging.",
            "This invitation link has already been used. Log in with your password, or ask the school for a new invitation.",
        ),
        J::LinkExpired => (
            "Deze uitnodigingslink is verlopen. Vraag de school om een nieuwe uitnodiging.",
            "This invitation link has expired. Ask the school for a new invitation.",
        ),
        J::LinkUnknown => (
            "Deze uitnodigingslink klopt niet. Controleer of u de hele link hebt gebruikt, of vraag de school om een nieuwe uitnodiging.",
            "This invitation link is not valid. Check that you used the whole link, or ask the school for a new invitation.",
        ),
        J::InviteGuardianFor => ("Ouder uitnodigen voor", "Invite a guardian of"),
        J::InviteExplain => (
            "De ouder krijgt een link die één keer werkt en na 7 dagen verloopt. Daarmee kiest de ouder een wachtwoord.",
            "The guardian gets a link that works once and expires after 7 days, to choose a password.",
        ),
        J::GuardianName => ("Naam van de ouder", "Name of the guardian"),
        J::GuardianNameHint => (
            "Zoals u de ouder aanspreekt, bijvoorbeeld Mevrouw De Vries.",
            "How you address the guardian, e.g. Mrs De Vries.",
        ),
        J::GuardianEmail => ("E-mailadres van de ouder", "E-mail address of the guardian"),
        J::NotAParent => (
            "Dit e-mailadres hoort bij een account dat geen ouderaccount van dit samenwerkingsverband is.",
            "This e-mail address belongs to an account that is not a parent's in this partnership.",
        ),
        J::SendInvitation => ("Uitnodiging versturen", "Send the invitation"),
        J::Invited => ("Uitnodiging gemaakt voor", "Invitation made for"),
        J::ValidUntil => ("geldig tot", "valid until"),
        J::DemoLink => {
            ("Demo: er wordt geen e-mail verstuurd. De link:", "Demo: no e-mail is sent. The link:")
        }
        J::JoinersHeading => ("Kortdurende instroom", "Short-term joiners"),
        J::JoinersExplain => (
            "Een leerling kan kort meedoen met een deel van het aanbod, zonder OPP. Een handelingsplan is verplicht en de ouders zijn geïnformeerd; toestemming is niet nodig.",
            "A pupil may join part of the offer for a short period, without an OPP. An action plan is required and the parents are informed; no consent is needed.",
        ),
        J::NoJoiners => ("Geen kortdurende instroom.", "No short-term joiners."),
        J::AddJoiner => ("Leerling laten instromen", "Add a short-term joiner"),
        J::Pupil => ("Leerling", "Pupil"),
        J::ChoosePupil => ("Kies een leerling", "Choose a pupil"),
        J::OfferPart => ("Deel van het aanbod", "Part of the offer"),
        J::OfferPartHint => {
            ("Bijvoorbeeld: leesgroep op dinsdag.", "For example: reading group on Tuesdays.")
        }
        J::From => ("Van", "From"),
        J::Until => ("Tot en met", "Until"),
        J::UntilHint => ("Hooguit 13 weken na de begindatum.", "At most 13 weeks after the start date."),
        J::ActionPlan => ("Handelingsplan", "Action plan"),
        J::ActionPlanHint => (
            "Verplicht: PDF, Word, ODT of afbeelding, hooguit 10 MB.",
            "Required: PDF, Word, ODT or image, at most 10 MB.",
        ),
        J::ParentsInformed => ("De ouders zijn geïnformeerd", "The parents have been informed"),
        J::ParentsInformedHint => (
            "Ouders hebben bij kortdurende instroom geen toestemmingsrecht, maar moeten het wel weten voordat het begint.",
            "Parents have no consent right on a short-term join, but must know before it starts.",
        ),
        J::ParentsWereInformed => ("ouders geïnformeerd", "parents informed"),
        J::InformFirst => ("Informeer eerst de ouders.", "Inform the parents first."),
        J::ActionPlanRequired => ("Voeg het handelingsplan toe.", "Attach the action plan."),
        J::NotAnActionPlan => (
            "Dit document is geen handelingsplan van dit dossier.",
            "This document is not an action plan of this dossier.",
        ),
        J::PeriodTooLong => (
            "Kortdurende instroom duurt hooguit 13 weken; voor langere ondersteuning is een OPP nodig.",
            "A short-term join lasts at most 13 weeks; longer support needs an OPP.",
        ),
        J::AlreadyInArrangement => {
            ("Deze leerling hoort al bij het arrangement.", "This pupil is already in the arrangement.")
        }
        J::Overlap => {
            ("Deze leerling stroomt in die periode al in.", "This pupil already joins in that period.")
        }
        J::JoinerAdded => (
            "De leerling is toegevoegd als kortdurende instroom.",
            "The pupil has been added as a short-term joiner.",
        ),
    }
}
