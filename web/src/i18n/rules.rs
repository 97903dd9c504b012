//! Texts of the rules, money and deadlines pages: live findings, the cost panel, "Mijn
//! termijnen", the policy editor and the payments page.

use arrangeer_shared::deadlines::DeadlineKind;
use arrangeer_shared::policy::{Precondition, Severity};

/// A text of the rules, money and deadlines pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum R {
    Severity(Severity),
    RulesHeading,
    RulesIntro,
    RulesNone,
    RulesLoading,
    RulesUnavailable,
    PreconditionsLegend,
    PreconditionsHint,
    Precondition(Precondition),
    AnswerUnknown,
    AnswerYes,
    AnswerNo,
    WarningsIntro,
    CostsHeading,
    CostsExpected,
    CostsUnknown,
    CostsPerYear,
    CostsYear,
    CostsMonths,
    CostsAmount,
    CostsSchedule,
    CostsScheduleNone,
    CostsDue,
    CostsKind,
    CostsSettlement,
    CostsEntitled,
    CostsSettled,
    PaymentAdvance,
    PaymentBalance,
    PaymentCalendarYear,
    PaymentSettlement,
    DueAtGrant,
    DueAfterAccountability,
    DueInYear,
    NavDeadlines,
    DeadlinesTitle,
    DeadlinesIntro,
    DeadlinesEmpty,
    ColDue,
    ColWhat,
    ColDossier,
    ColWho,
    Overdue,
    DaysLeft,
    Mine,
    Deadline(DeadlineKind),
    FeedHeading,
    FeedIntro,
    FeedCreate,
    FeedCreated,
    FeedRevoke,
    FeedRevoked,
    FeedAddress,
    NavPolicy,
    PolicyTitle,
    PolicyIntro,
    PolicyVersion,
    PolicySave,
    PolicySaved,
    PolicyStale,
    PolicyRuleSet,
    PolicyEmptyMeansNone,
    PolicyMaxHours,
    PolicyHourlyRateCap,
    PolicyAmountCapRegular,
    PolicyAmountCapSbo,
    PolicyMinPupils,
    PolicyIndirectPercent,
    PolicySchoolSharePercent,
    PolicyMaxMonths,
    PolicyAdvancePercent,
    PolicyInvalidNumber,
    PolicyErrors,
    NavPayments,
    PaymentsTitle,
    PaymentsIntro,
    PaymentsYear,
    PaymentsShow,
    PaymentsCsv,
    ColBoard,
    ColArrangements,
    ColGranted,
    ColAtGrant,
    ColAfterAccountability,
    ColSettlement,
    ColTotal,
    Total,
    OnlyAdmin,
}

/// `(Dutch, English)`.
pub(super) fn text(key: R) -> (&'static str, &'static str) {
    match key {
        R::Severity(Severity::Block) => ("Blokkeert", "Blocks"),
        R::Severity(Severity::Warn) => ("Waarschuwing", "Warning"),
        R::Severity(Severity::Info) => ("Let op", "Note"),
        R::RulesHeading => ("Toets aan de regels", "Check against the rules"),
        R::RulesIntro => (
            "Wat de regels van het samenwerkingsverband zeggen over wat nu is ingevuld. Een blokkade moet weg voordat u verder kunt; bij een waarschuwing vraagt het indienen om een onderbouwing.",
            "What the partnership's rules say about what is filled in now. A block must be solved before you can go on; a warning asks for a justification when you submit.",
        ),
        R::RulesNone => (
            "Geen bevindingen: het voorstel past binnen de regels.",
            "No findings: the proposal fits the rules.",
        ),
        R::RulesLoading => ("De regels worden geladen…", "Loading the rules…"),
        R::RulesUnavailable => (
            "De regels konden niet worden geladen; de server toetst bij het opslaan en indienen.",
            "The rules could not be loaded; the server checks them when you save and submit.",
        ),
        R::PreconditionsLegend => ("Voorwaarden", "Conditions"),
        R::PreconditionsHint => (
            "Vanaf 'definitief maken' telt een voorwaarde die niet is bevestigd als niet vervuld.",
            "From 'make definitive' on, a condition that is not confirmed counts as not met.",
        ),
        R::Precondition(Precondition::CounsellorSupports) => (
            "De ambulant begeleider is al betrokken en steunt de aanvraag",
            "The ambulant counsellor is already involved and supports the request",
        ),
        R::Precondition(Precondition::OppSignedByParents) => {
            ("Het OPP is door de ouders ondertekend", "The parents have signed the OPP")
        }
        R::Precondition(Precondition::HalfYearNeedsBasedWork) => (
            "Er is ten minste een half jaar planmatig en handelingsgericht gewerkt",
            "At least half a year of planned, needs-based work preceded it",
        ),
        R::Precondition(Precondition::OwnSupportRouteFollowed) => (
            "De eigen ondersteuningsroute van de school is eerst gevolgd",
            "The school's own support route was followed first",
        ),
        R::Precondition(Precondition::AnonymisedAtRequest) => (
            "De aanvraag is in de vraagfase geanonimiseerd",
            "The request was anonymised at the request stage",
        ),
        R::Precondition(Precondition::CaseDirectorNamed) => {
            ("Er is één regievoerder", "One case director is named")
        }
        R::Precondition(Precondition::EvaluationMomentAgreed) => (
            "Het evaluatiemoment is in het overleg afgesproken",
            "The evaluation moment was agreed in the meeting",
        ),
        R::AnswerUnknown => ("Nog niet bevestigd", "Not confirmed yet"),
        R::AnswerYes => ("Ja", "Yes"),
        R::AnswerNo => ("Nee", "No"),
        R::WarningsIntro => (
            "De regels waarschuwen bij dit dossier; een actie vraagt daarom om een onderbouwing:",
            "The rules warn about this dossier, so an action needs a justification:",
        ),
        R::CostsHeading => ("Kosten", "Costs"),
        R::CostsExpected => ("Verwachte kosten", "Expected cost"),
        R::CostsUnknown => (
            "Nog niet te berekenen: vul uren, uurtarief, weken en periode in.",
            "Cannot be computed yet: fill in hours, hourly rate, weeks and period.",
        ),
        R::CostsPerYear => {
            ("Verdeling over kalenderjaren (naar maanden)", "Split over calendar years (by month)")
        }
        R::CostsYear => ("Jaar", "Year"),
        R::CostsMonths => ("Maanden", "Months"),
        R::CostsAmount => ("Bedrag", "Amount"),
        R::CostsSchedule => ("Betalingen", "Payments"),
        R::CostsScheduleNone => (
            "Betaling volgens de overeenkomst met de uitvoerder; het systeem rekent geen schema uit.",
            "Paid as agreed with the executor; the system computes no schedule.",
        ),
        R::CostsDue => ("Wanneer", "When"),
        R::CostsKind => ("Soort", "Kind"),
        R::CostsSettlement => {
            ("Verrekening na vroegtijdige beëindiging", "Settlement after early termination")
        }
        R::CostsEntitled => ("Recht op", "Entitled to"),
        R::CostsSettled => {
            ("Te verrekenen in de volgende betaalronde", "To settle in the next payment round")
        }
        R::PaymentAdvance => ("Voorschot", "Advance"),
        R::PaymentBalance => ("Restant", "Balance"),
        R::PaymentCalendarYear => ("Kalenderjaardeel", "Calendar-year share"),
        R::PaymentSettlement => ("Verrekening", "Settlement"),
        R::DueAtGrant => ("Bij toekenning", "At the grant"),
        R::DueAfterAccountability => ("Na verantwoording", "After accountability"),
        R::DueInYear => ("In de betaalronde van het jaar", "In the year's payment round"),
        R::NavDeadlines => ("Mijn termijnen", "My deadlines"),
        R::DeadlinesTitle => ("Mijn termijnen", "My deadlines"),
        R::DeadlinesIntro => (
            "De termijnen van de dossiers waar u bij betrokken bent, berekend uit wat er gebeurde en de regels van het samenwerkingsverband. De vroegste staat bovenaan.",
            "The deadlines of the dossiers you are involved in, computed from what happened and the partnership's rules. The soonest comes first.",
        ),
        R::DeadlinesEmpty => ("Er lopen geen termijnen.", "No deadlines are running."),
        R::ColDue => ("Uiterlijk", "Due"),
        R::ColWhat => ("Wat", "What"),
        R::ColDossier => ("Dossier", "Dossier"),
        R::ColWho => ("Wie is aan zet", "Who must act"),
        R::Overdue => ("Verlopen", "Overdue"),
        R::DaysLeft => ("dagen", "days"),
        R::Mine => ("(u)", "(you)"),
        R::Deadline(DeadlineKind::Decision) => ("Besluit nemen", "Take the decision"),
        R::Deadline(DeadlineKind::DecisionEscalation) => {
            ("Uiterste datum besluit", "Last day for the decision")
        }
        R::Deadline(DeadlineKind::Application) => {
            ("Aanvraag indienen na directe start", "File the application after a direct start")
        }
        R::Deadline(DeadlineKind::Opps) => ("OPP's vaststellen", "Set the OPPs"),
        R::Deadline(DeadlineKind::SupportStart) => ("Ondersteuning starten", "Start the support"),
        R::Deadline(DeadlineKind::Evaluation) => ("Eindevaluatie houden", "Hold the final evaluation"),
        R::Deadline(DeadlineKind::OppEvaluation) => {
            ("OPP evalueren met de ouders", "Evaluate the OPP with the parents")
        }
        R::Deadline(DeadlineKind::IntegralAction) => {
            ("Afgesproken actie uitvoeren", "Carry out the agreed action")
        }
        R::Deadline(DeadlineKind::ResearchReport) => {
            ("Verouderd onderzoeksverslag vervangen", "Replace an ageing research report")
        }
        R::FeedHeading => ("Agenda-koppeling", "Calendar feed"),
        R::FeedIntro => (
            "Zet uw termijnen in uw eigen agenda. Het adres is alleen-lezen, bevat geen namen van leerlingen en kunt u altijd intrekken. Een nieuw adres maakt het vorige ongeldig.",
            "Put your deadlines in your own calendar. The address is read-only, carries no pupil names and can be revoked at any time. A new address makes the previous one invalid.",
        ),
        R::FeedCreate => ("Agenda-adres maken", "Create calendar address"),
        R::FeedCreated => (
            "Kopieer dit adres naar uw agenda-app. Het wordt maar één keer getoond.",
            "Copy this address into your calendar app. It is shown only once.",
        ),
        R::FeedRevoke => ("Agenda-adres intrekken", "Revoke calendar address"),
        R::FeedRevoked => ("Het agenda-adres is ingetrokken.", "The calendar address has been revoked."),
        R::FeedAddress => ("Agenda-adres", "Calendar address"),
        R::NavPolicy => ("Regels", "Rules"),
        R::PolicyTitle => ("Regels van het samenwerkingsverband", "The partnership's rules"),
        R::PolicyIntro => (
            "Pas de getallen van de regels aan. Elke opslag maakt een nieuwe versie; dossiers die al zijn ingediend houden de versie waaronder ze zijn ingediend.",
            "Change the numbers of the rules. Every save makes a new version; dossiers already submitted keep the version they were submitted under.",
        ),
        R::PolicyVersion => ("Versie", "Version"),
        R::PolicySave => ("Opslaan als nieuwe versie", "Save as a new version"),
        R::PolicySaved => ("Opgeslagen. De regels zijn nu versie", "Saved. The rules are now version"),
        R::PolicyStale => (
            "Iemand anders heeft de regels intussen gewijzigd. De nieuwste versie is geladen; voer uw wijziging opnieuw in.",
            "Someone else changed the rules in the meantime. The newest version has been loaded; enter your change again.",
        ),
        R::PolicyRuleSet => ("Regels voor", "Rules for"),
        R::PolicyEmptyMeansNone => ("Leeg: deze regel geldt niet.", "Empty: this rule does not apply."),
        R::PolicyMaxHours => ("Maximaal aantal uren per week", "Maximum hours per week"),
        R::PolicyHourlyRateCap => ("Maximaal uurtarief (euro)", "Maximum hourly rate (euros)"),
        R::PolicyAmountCapRegular => (
            "Maximaal bedrag per jaar, reguliere school (euro)",
            "Maximum amount per year, regular school (euros)",
        ),
        R::PolicyAmountCapSbo => {
            ("Maximaal bedrag per jaar, SBO (euro)", "Maximum amount per year, SBO (euros)")
        }
        R::PolicyMinPupils => ("Minimaal aantal leerlingen", "Minimum number of pupils"),
        R::PolicyIndirectPercent => {
            ("Indirecte tijd hooguit (% van direct)", "Indirect time at most (% of direct)")
        }
        R::PolicySchoolSharePercent => {
            ("Eigen inzet school ten minste (% van de uren)", "School's own share at least (% of the hours)")
        }
        R::PolicyMaxMonths => {
            ("Looptijd hooguit (maanden na toekenning)", "Duration at most (months after the grant)")
        }
        R::PolicyAdvancePercent => ("Voorschot bij toekenning (%)", "Advance at the grant (%)"),
        R::PolicyInvalidNumber => {
            ("Vul een getal in (of laat het veld leeg).", "Enter a number (or leave the field empty).")
        }
        R::PolicyErrors => ("De regels zijn niet opgeslagen:", "The rules were not saved:"),
        R::NavPayments => ("Betalingen", "Payments"),
        R::PaymentsTitle => ("Betalingen per schoolbestuur", "Payments per school board"),
        R::PaymentsIntro => (
            "Per kalenderjaar: het toegekende deel (naar maanden), wat bij toekenning en na verantwoording wordt betaald, en de verrekening van vroegtijdig beëindigde arrangementen.",
            "Per calendar year: the granted part (by month), what is paid at the grant and after accountability, and the settlement of arrangements stopped early.",
        ),
        R::PaymentsYear => ("Kalenderjaar", "Calendar year"),
        R::PaymentsShow => ("Tonen", "Show"),
        R::PaymentsCsv => ("Download als CSV", "Download as CSV"),
        R::ColBoard => ("Schoolbestuur", "School board"),
        R::ColArrangements => ("Arrangementen", "Arrangements"),
        R::ColGranted => ("Toegekend", "Granted"),
        R::ColAtGrant => ("Bij toekenning", "At grant"),
        R::ColAfterAccountability => ("Na verantwoording", "After accountability"),
        R::ColSettlement => ("Verrekening", "Settlement"),
        R::ColTotal => ("Totaal", "Total"),
        R::Total => ("Totaal", "Total"),
        R::OnlyAdmin => (
            "Alleen het bureau van het samenwerkingsverband ziet deze pagina.",
            "Only the partnership's office sees this page.",
        ),
    }
}
