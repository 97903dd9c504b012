//! Labels, hints and error messages of the dossier and pupil forms.

/// A text of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum F {
    SectionBasics,
    SectionProposal,
    SectionHours,
    SectionExecutor,
    Kind,
    KindFixed,
    Title,
    TitleHint,
    StartRoute,
    CareScope,
    Pupils,
    PupilsHintOne,
    PupilsHintCluster,
    NoPupils,
    AddPupil,
    FirstName,
    LastName,
    DateOfBirth,
    GroupName,
    GroupHint,
    AddPupilButton,
    PupilAdded,
    GoalsPupils,
    GoalsPupilsHint,
    GoalsTeacher,
    GoalsSchool,
    SupportDescription,
    SupportDescriptionHint,
    DirectHours,
    HoursHint,
    IndirectHours,
    IndirectHoursHint,
    OutsideHours,
    OutsideHoursHint,
    Weeks,
    StartDate,
    EndDate,
    ExecutorKind,
    ExternalHint,
    StaffFunction,
    SalaryScale,
    NotChosen,
    HourlyRate,
    HourlyRateHint,
    CaseDirector,
    CaseDirectorHint,
    SaveDraft,
    SaveChanges,
    Saving,
    Cancel,
    ErrorSummary,
    ErrTooLong,
    ErrInvalidCharacters,
    ErrOutOfRange,
    ErrExceedsDirect,
    ErrEndBeforeStart,
    ErrUnknownExecutor,
    ErrOnlyForExternal,
    ErrDuplicatePupil,
    ErrClusterTwo,
    ErrExactlyOne,
    ErrUnknownPupil,
    ErrHours,
    ErrMinutes,
    ErrDecimals,
    ErrAmount,
    ErrNumber,
    ErrDate,
    ErrInFuture,
}

/// The Dutch/English message for a stable error code of the API (`errors[].code`), or of the
/// form's own checks; `None` for a code this version does not know (show the server's text).
pub fn error_text(code: &str) -> Option<crate::i18n::T> {
    let key = match code {
        "required" => return Some(crate::i18n::T::FieldRequired),
        "too_long" => F::ErrTooLong,
        "invalid_characters" => F::ErrInvalidCharacters,
        "out_of_range" => F::ErrOutOfRange,
        "exceeds_direct" => F::ErrExceedsDirect,
        "end_before_start" => F::ErrEndBeforeStart,
        "unknown_executor" => F::ErrUnknownExecutor,
        "only_for_external" => F::ErrOnlyForExternal,
        "duplicate" => F::ErrDuplicatePupil,
        "cluster_needs_two_pupils" => F::ErrClusterTwo,
        "exactly_one_pupil" => F::ErrExactlyOne,
        "unknown_pupil" => F::ErrUnknownPupil,
        "invalid_hours" => F::ErrHours,
        "invalid_minutes" => F::ErrMinutes,
        "too_many_decimals" => F::ErrDecimals,
        "invalid_amount" => F::ErrAmount,
        "invalid_number" => F::ErrNumber,
        "invalid_date" => F::ErrDate,
        "in_future" => F::ErrInFuture,
        _ => return None,
    };
    Some(key.into())
}

/// `(Dutch, English)`.
pub(super) fn text(key: F) -> (&'static str, &'static str) {
    match key {
        F::SectionBasics => ("Het dossier", "The dossier"),
        F::SectionProposal => ("Doelen en ondersteuning", "Goals and support"),
        F::SectionHours => ("Uren en periode", "Hours and period"),
        F::SectionExecutor => ("Uitvoering en kosten", "Delivery and cost"),
        F::Kind => ("Soort arrangement", "Kind of arrangement"),
        F::KindFixed => {
            ("De soort ligt vast zodra het dossier bestaat.", "The kind is fixed once the dossier exists.")
        }
        F::Title => ("Titel", "Title"),
        F::TitleHint => ("Bijvoorbeeld: Leesbegeleiding groep 4", "For example: Reading support group 4"),
        F::StartRoute => ("Hoe gaat het verder na het voorstel?", "How does it go on after the proposal?"),
        F::CareScope => ("Onderwijs of onderwijs en zorg", "Education, or education and care"),
        F::Pupils => ("Leerlingen", "Pupils"),
        F::PupilsHintOne => ("Kies één leerling.", "Choose one pupil."),
        F::PupilsHintCluster => (
            "Kies minstens twee leerlingen met vergelijkbare ondersteuningsbehoeften.",
            "Choose at least two pupils with comparable support needs.",
        ),
        F::NoPupils => (
            "Er staan nog geen leerlingen van uw school in Arrangeer. Voeg er hieronder een toe.",
            "There are no pupils of your school in Arrangeer yet. Add one below.",
        ),
        F::AddPupil => ("Nieuwe leerling toevoegen", "Add a new pupil"),
        F::FirstName => ("Voornaam", "First name"),
        F::LastName => ("Achternaam", "Last name"),
        F::DateOfBirth => ("Geboortedatum", "Date of birth"),
        F::GroupName => ("Groep", "Group"),
        F::GroupHint => ("Bijvoorbeeld: groep 5b", "For example: groep 5b"),
        F::AddPupilButton => ("Leerling toevoegen", "Add pupil"),
        F::PupilAdded => ("De leerling is toegevoegd en gekozen.", "The pupil has been added and chosen."),
        F::GoalsPupils => ("Doelen voor de leerling(en)", "Goals for the pupil(s)"),
        F::GoalsPupilsHint => (
            "Wat gaat goed of moeizaam, waarom, en wat willen we bereiken? Nodig om in te dienen.",
            "What goes well or badly, why, and what do we aim for? Needed to submit.",
        ),
        F::GoalsTeacher => ("Doelen voor de leerkracht", "Goals for the teacher"),
        F::GoalsSchool => ("Doelen voor de school", "Goals for the school"),
        F::SupportDescription => ("Beschrijving van de ondersteuning", "Description of the support"),
        F::SupportDescriptionHint => (
            "Wat wordt er gedaan, door wie, in of buiten de klas?",
            "What is done, by whom, inside or outside the class?",
        ),
        F::DirectHours => ("Directe begeleiding, uren per week", "Direct support, hours per week"),
        F::HoursHint => ("In uren, bijvoorbeeld 2,5 of 2:30.", "In hours, for example 2.5 or 2:30."),
        F::IndirectHours => ("Indirecte tijd, uren per week", "Indirect time, hours per week"),
        F::IndirectHoursHint => (
            "Voorbereiding, overleg en verslaglegging. In uren, bijvoorbeeld 0,5.",
            "Preparation, consultation and reporting. In hours, for example 0.5.",
        ),
        F::OutsideHours => {
            ("Waarvan buiten de klas, uren per week", "Of which outside the class, hours per week")
        }
        F::OutsideHoursHint => (
            "Deel van de directe begeleiding. In uren, bijvoorbeeld 1.",
            "Part of the direct support. In hours, for example 1.",
        ),
        F::Weeks => ("Aantal weken", "Number of weeks"),
        F::StartDate => ("Startdatum", "Start date"),
        F::EndDate => ("Einddatum", "End date"),
        F::ExecutorKind => ("Uitvoerder", "Executor"),
        F::ExternalHint => (
            "De uitvoerende organisatie kunt u in dit scherm nog niet kiezen.",
            "The executor organisation cannot be chosen on this page yet.",
        ),
        F::StaffFunction => ("Functie van de uitvoerder", "Function of the executor"),
        F::SalaryScale => ("Salarisschaal", "Salary scale"),
        F::NotChosen => ("Nog niet gekozen", "Not chosen yet"),
        F::HourlyRate => ("Uurtarief in euro", "Hourly rate in euros"),
        F::HourlyRateHint => ("Bijvoorbeeld 80 of 80,50.", "For example 80 or 80.50."),
        F::CaseDirector => ("Regievoerder", "Case director"),
        F::CaseDirectorHint => (
            "Naam en organisatie van de regievoerder. Nodig om in te dienen.",
            "Name and organisation of the case director. Needed to submit.",
        ),
        F::SaveDraft => ("Concept opslaan", "Save draft"),
        F::SaveChanges => ("Wijzigingen opslaan", "Save changes"),
        F::Saving => ("Bezig met opslaan…", "Saving…"),
        F::Cancel => ("Annuleren", "Cancel"),
        F::ErrorSummary => ("Controleer de volgende punten", "Please check the following"),
        F::ErrTooLong => ("Deze tekst is te lang.", "This text is too long."),
        F::ErrInvalidCharacters => (
            "Deze tekst bevat tekens die niet zijn toegestaan.",
            "This text contains characters that are not allowed.",
        ),
        F::ErrOutOfRange => {
            ("Deze waarde valt buiten wat is toegestaan.", "This value is outside what is allowed.")
        }
        F::ErrExceedsDirect => (
            "De tijd buiten de klas hoort bij de directe begeleiding en kan daar niet boven liggen.",
            "Time outside the class is part of the direct support and cannot exceed it.",
        ),
        F::ErrEndBeforeStart => {
            ("De einddatum ligt vóór de startdatum.", "The end date lies before the start date.")
        }
        F::ErrUnknownExecutor => ("Deze uitvoerder is niet bekend.", "This executor is not known."),
        F::ErrOnlyForExternal => (
            "Een uitvoerende organisatie hoort alleen bij een externe uitvoerder.",
            "An executor organisation belongs only to an external executor.",
        ),
        F::ErrDuplicatePupil => ("Een leerling staat er twee keer in.", "A pupil is listed twice."),
        F::ErrClusterTwo => (
            "Een clusterarrangement is voor minstens twee leerlingen van één school.",
            "A cluster arrangement is for at least two pupils of one school.",
        ),
        F::ErrExactlyOne => ("Kies precies één leerling.", "Choose exactly one pupil."),
        F::ErrUnknownPupil => {
            ("Deze leerling hoort niet bij uw school.", "This pupil does not belong to your school.")
        }
        F::ErrHours => ("Vul uren in als 2, 2,5 of 2:30.", "Enter hours as 2, 2.5 or 2:30."),
        F::ErrMinutes => {
            ("Minuten na de dubbele punt: 00 tot en met 59.", "Minutes after the colon: 00 to 59.")
        }
        F::ErrDecimals => ("Gebruik hoogstens twee cijfers na de komma.", "Use at most two decimals."),
        F::ErrAmount => ("Vul een bedrag in als 80 of 80,50.", "Enter an amount as 80 or 80.50."),
        F::ErrNumber => ("Vul een heel getal in.", "Enter a whole number."),
        F::ErrDate => ("Vul een geldige datum in.", "Enter a valid date."),
        F::ErrInFuture => ("Deze datum ligt in de toekomst.", "This date lies in the future."),
    }
}
