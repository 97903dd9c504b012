//! Texts of the start pages per role, the timeline's next step, the documents section and
//! the shared loading and error states.

use arrangeer_shared::kinds::AttachmentKind;

/// A text of the start pages, the timeline and the documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum U {
    // the timeline's next step
    NextStepLabel,
    WhoActsLabel,
    ByWhenLabel,
    NextSubmit,
    NextRework,
    NextReview,
    NextMakeDefinitive,
    NextDecide,
    NextStart,
    NextEvaluate,
    RouteEnded,
    DecidingBody,
    NoDeadline,
    DueToday,
    DaysLate,
    StillDays,
    Days,
    Overdue,
    // start pages
    TodoHeading,
    NothingWaiting,
    ByStatusHeading,
    NoDossiers,
    MyDeadlinesHeading,
    NoDeadlines,
    ConsentHeading,
    NoConsentOpen,
    ConsentNotPublished,
    ConsentPending,
    ConsentRefused,
    ConsentWithdrawn,
    ConsentGiven,
    VersionWord,
    ReviewQueueHeading,
    NothingToReview,
    CaseloadHeading,
    NoCaseload,
    ColSchool,
    ColOpen,
    ColAll,
    EvaluationsHeading,
    NoEvaluations,
    FinalEvaluation,
    InterimEvaluation,
    QuotesHeading,
    NoQuotes,
    WriteQuote,
    ReportsHeading,
    NoReports,
    LastReportUntil,
    NoReportYet,
    AssignmentsHeading,
    DecisionsHeading,
    NoDecisions,
    DecideBy,
    OverdueHeading,
    NothingOverdue,
    MoneyHeading,
    BoardsWithMoney,
    ToPayments,
    AskedOfMeHeading,
    NothingAsked,
    AnswerPlanOf,
    GoToPlan,
    MyChildHeading,
    NoPlanYet,
    ReadPlan,
    ChildDossiersHeading,
    YouHaveNotAnswered,
    YouAgreed,
    YouDisagreed,
    YouWithdrew,
    // documents
    DocumentsHeading,
    NoDocuments,
    UploadHeading,
    DocumentKind,
    DocumentPupil,
    DocumentFile,
    FileHint,
    ChooseFile,
    Upload,
    Uploading,
    UploadProgress,
    Uploaded,
    FileTooLarge,
    FieldRefused,
    AttachmentKind(AttachmentKind),
    // errors
    ChangedByOther,
    /// The label of the header's account area.
    AccountMenu,
}

/// The `(Dutch, English)` text of `key`.
pub fn text(key: U) -> (&'static str, &'static str) {
    match key {
        U::NextStepLabel => ("Volgende stap", "Next step"),
        U::WhoActsLabel => ("Aan zet", "Who must act"),
        U::ByWhenLabel => ("Uiterlijk", "By"),
        U::NextSubmit => ("Het voorstel afmaken en indienen", "Complete and submit the proposal"),
        U::NextRework => {
            ("Het voorstel aanpassen en opnieuw indienen", "Rework the proposal and submit it again")
        }
        U::NextReview => ("Het voorstel beoordelen", "Review the proposal"),
        U::NextMakeDefinitive => {
            ("De aanvraag compleet en definitief maken", "Complete the application and make it definitive")
        }
        U::NextDecide => ("Het besluit nemen", "Take the decision"),
        U::NextStart => ("De start van de uitvoering bevestigen", "Confirm that the support started"),
        U::NextEvaluate => ("Evalueren, daarna afsluiten of verlengen", "Evaluate, then close or extend"),
        U::RouteEnded => {
            ("Dit dossier is afgerond: er volgt geen stap meer.", "This dossier has ended: no step follows.")
        }
        U::DecidingBody => {
            ("het besluitvormend orgaan van het samenwerkingsverband", "the partnership's deciding body")
        }
        U::NoDeadline => ("geen termijn", "no deadline"),
        U::DueToday => ("vandaag", "today"),
        U::DaysLate => ("dagen te laat", "days late"),
        U::StillDays => ("nog", "in"),
        U::Days => ("dagen", "days"),
        U::Overdue => ("Te laat", "Overdue"),
        U::TodoHeading => ("Wat vraagt nu om u", "What needs you now"),
        U::NothingWaiting => ("Er wacht nu niets op u.", "Nothing is waiting for you now."),
        U::ByStatusHeading => ("Mijn dossiers per status", "My dossiers by status"),
        U::NoDossiers => ("Er zijn nog geen dossiers.", "There are no dossiers yet."),
        U::MyDeadlinesHeading => ("Mijn termijnen", "My deadlines"),
        U::NoDeadlines => ("U hebt geen lopende termijnen.", "You have no running deadlines."),
        U::ConsentHeading => ("Toestemming ouders nog open", "Parents' consent still open"),
        U::NoConsentOpen => {
            ("Voor elk gepubliceerd OPP is de toestemming rond.", "Every published plan has its consent.")
        }
        U::ConsentNotPublished => ("nog niet gepubliceerd", "not published yet"),
        U::ConsentPending => ("wacht op de reactie van de ouders", "waiting for the parents' answer"),
        U::ConsentRefused => ("ouders zijn het niet eens", "parents disagree"),
        U::ConsentWithdrawn => {
            ("ouders hebben hun toestemming ingetrokken", "parents withdrew their consent")
        }
        U::ConsentGiven => ("ouders hebben ingestemd", "parents agreed"),
        U::VersionWord => ("versie", "version"),
        U::ReviewQueueHeading => ("Te beoordelen", "To review"),
        U::NothingToReview => ("Er wacht geen dossier op uw beoordeling.", "No dossier awaits your review."),
        U::CaseloadHeading => ("Mijn scholen", "My schools"),
        U::NoCaseload => {
            ("Er zijn (nog) geen scholen aan u toegewezen.", "No schools are assigned to you (yet).")
        }
        U::ColSchool => ("School", "School"),
        U::ColOpen => ("Lopende dossiers", "Open dossiers"),
        U::ColAll => ("Alle dossiers", "All dossiers"),
        U::EvaluationsHeading => ("Evaluaties waarbij u aanwezig bent", "Evaluations to attend"),
        U::NoEvaluations => {
            ("Er zijn geen geplande evaluaties voor u.", "There are no evaluations planned for you.")
        }
        U::FinalEvaluation => ("eindevaluatie", "final evaluation"),
        U::InterimEvaluation => ("tussenevaluatie", "interim evaluation"),
        U::QuotesHeading => ("Offertes te schrijven", "Quotes to write"),
        U::NoQuotes => ("Er hoeft nu geen offerte geschreven te worden.", "No quote needs writing now."),
        U::WriteQuote => ("offerte schrijven", "write a quote"),
        U::ReportsHeading => ("Voortgangsverslagen", "Progress reports"),
        U::NoReports => ("Er loopt nu geen uitvoering.", "No support is running now."),
        U::LastReportUntil => ("laatste verslag tot", "last report until"),
        U::NoReportYet => ("nog geen verslag", "no report yet"),
        U::AssignmentsHeading => ("Mijn opdrachten", "My assignments"),
        U::DecisionsHeading => ("Besluiten te nemen", "Decisions to take"),
        U::NoDecisions => ("Er wacht geen aanvraag op een besluit.", "No application awaits a decision."),
        U::DecideBy => ("besluit uiterlijk", "decide by"),
        U::OverdueHeading => ("Over de termijn", "Overdue"),
        U::NothingOverdue => ("Er is geen termijn verstreken.", "No deadline has passed."),
        U::MoneyHeading => ("Geld in", "Money in"),
        U::BoardsWithMoney => ("Schoolbesturen met arrangementen", "School boards with arrangements"),
        U::ToPayments => ("Naar de betalingen", "Go to the payments"),
        U::AskedOfMeHeading => ("Wat wordt er van u gevraagd", "What is asked of you"),
        U::NothingAsked => ("Er wordt nu niets van u gevraagd.", "Nothing is asked of you now."),
        U::AnswerPlanOf => (
            "Geef uw reactie op het handelingsdeel van het plan van",
            "Give your answer on the action part of the plan of",
        ),
        U::GoToPlan => ("naar het plan", "go to the plan"),
        U::MyChildHeading => ("Het plan van mijn kind", "My child's plan"),
        U::NoPlanYet => ("Er is nog geen plan gepubliceerd.", "No plan has been published yet."),
        U::ReadPlan => ("Het plan lezen en reageren", "Read the plan and answer"),
        U::ChildDossiersHeading => ("Arrangementen van mijn kind", "My child's arrangements"),
        U::YouHaveNotAnswered => ("u hebt nog niet gereageerd", "you have not answered yet"),
        U::YouAgreed => ("u bent akkoord", "you agreed"),
        U::YouDisagreed => ("u bent het niet eens", "you disagreed"),
        U::YouWithdrew => ("u hebt uw toestemming ingetrokken", "you withdrew your consent"),
        U::DocumentsHeading => ("Documenten", "Documents"),
        U::NoDocuments => ("Er zijn nog geen documenten.", "There are no documents yet."),
        U::UploadHeading => ("Document toevoegen", "Add a document"),
        U::DocumentKind => ("Soort document", "Kind of document"),
        U::DocumentPupil => ("Leerling (bij een OPP)", "Pupil (for an OPP)"),
        U::DocumentFile => ("Bestand", "File"),
        U::FileHint => (
            "PDF, Word, OpenDocument of een afbeelding; hoogstens 10 MB.",
            "PDF, Word, OpenDocument or an image; at most 10 MB.",
        ),
        U::ChooseFile => ("Kies een bestand.", "Choose a file."),
        U::Upload => ("Uploaden", "Upload"),
        U::Uploading => ("Bezig met uploaden…", "Uploading…"),
        U::UploadProgress => ("Voortgang", "Progress"),
        U::Uploaded => ("Toegevoegd", "Added"),
        U::FileTooLarge => ("Het bestand is groter dan 10 MB.", "The file is larger than 10 MB."),
        U::FieldRefused => ("Dit werd niet geaccepteerd", "This was not accepted"),
        U::AttachmentKind(kind) => attachment_kind(kind),
        U::AccountMenu => ("Account en taal", "Account and language"),
        U::ChangedByOther => (
            "Iemand anders heeft dit gewijzigd; herlaad de pagina en probeer het opnieuw.",
            "Someone else changed this; reload the page and try again.",
        ),
    }
}

fn attachment_kind(kind: AttachmentKind) -> (&'static str, &'static str) {
    match kind {
        AttachmentKind::Opp => ("OPP", "Development plan (OPP)"),
        AttachmentKind::Quote => ("Offerte", "Quote"),
        AttachmentKind::Agreement => ("Overeenkomst", "Agreement"),
        AttachmentKind::HoursStatement => ("Urenverantwoording", "Hours statement"),
        AttachmentKind::StartMeetingReport => ("Verslag startgesprek", "Report of the start meeting"),
        AttachmentKind::ConsultantAdvice => ("Advies consulent", "Consultant's advice"),
        AttachmentKind::TeacherSchoolGoals => ("Doelen leerkracht en school", "Goals for teacher and school"),
        AttachmentKind::TestOverview => ("Toetsoverzicht (CITO/LOVS)", "Test overview (CITO/LOVS)"),
        AttachmentKind::ResearchReport => ("Onderzoeksverslag", "Research report"),
        AttachmentKind::ActionPlan => ("Handelingsplan", "Action plan"),
        AttachmentKind::Evaluation => ("Evaluatie", "Evaluation"),
        AttachmentKind::DecisionLetter => ("Besluit", "Decision letter"),
        AttachmentKind::Other => ("Overig", "Other"),
    }
}
