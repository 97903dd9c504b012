//! Plain-language pieces of the findings, in Dutch and English. Numbers are written as users
//! write them: "3,5 uur", "€ 7.000,01", "1 maart 2026" / "3.5 hours", "€7,000.01", "1 March 2026".

use chrono::NaiveDate;

use super::Precondition;
use crate::api::schools::SchoolType;
use crate::dates;
use crate::kinds::{AttachmentKind, SalaryScale, StaffFunction};

/// Both languages of one phrase.
pub(super) struct Text {
    pub nl: String,
    pub en: String,
}

/// A value in hundredths as a decimal with at most two decimals, trailing zeros dropped.
fn decimal(hundredths: u64, separator: char) -> String {
    let whole = hundredths / 100;
    let fraction = hundredths % 100;
    match fraction {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{separator}{}", f / 10),
        f => format!("{whole}{separator}{f:02}"),
    }
}

/// Minutes as hours ("3,5" / "3.5"), rounded to hundredths of an hour.
pub(super) fn hours(minutes: u32) -> Text {
    let hundredths = (u64::from(minutes) * 100 + 30) / 60;
    Text { nl: decimal(hundredths, ','), en: decimal(hundredths, '.') }
}

/// `part` as a percentage of `whole`, rounded to one decimal ("30,5" / "30.5").
pub(super) fn percent(part: u64, whole: u64) -> Text {
    if whole == 0 {
        return Text { nl: "–".into(), en: "–".into() };
    }
    let tenths = (part * 1000 + whole / 2) / whole;
    Text { nl: decimal(tenths * 10, ','), en: decimal(tenths * 10, '.') }
}

fn group_thousands(mut value: u64, separator: char) -> String {
    let mut groups = Vec::new();
    loop {
        if value < 1000 {
            groups.push(value.to_string());
            break;
        }
        groups.push(format!("{:03}", value % 1000));
        value /= 1000;
    }
    groups.reverse();
    groups.join(&separator.to_string())
}

/// An amount of money: "€ 7.000,01" / "€7,000.01"; whole euros without cents ("€ 100").
pub(super) fn euros(cents: i64) -> Text {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (whole, rest) = (abs / 100, abs % 100);
    if rest == 0 {
        Text {
            nl: format!("{sign}€ {}", group_thousands(whole, '.')),
            en: format!("{sign}€{}", group_thousands(whole, ',')),
        }
    } else {
        Text {
            nl: format!("{sign}€ {},{rest:02}", group_thousands(whole, '.')),
            en: format!("{sign}€{}.{rest:02}", group_thousands(whole, ',')),
        }
    }
}

/// A month by number (1 = January); out-of-range numbers are printed as numbers.
pub(super) fn month(number: u32) -> Text {
    match (dates::month_nl(number), dates::month_en(number)) {
        (Some(nl), Some(en)) => Text { nl: nl.into(), en: en.into() },
        _ => Text { nl: number.to_string(), en: number.to_string() },
    }
}

/// A list of months: "augustus, september of januari" / "August, September or January".
pub(super) fn months(numbers: &[u32]) -> Text {
    let names: Vec<Text> = numbers.iter().map(|&m| month(m)).collect();
    Text {
        nl: join(names.iter().map(|t| t.nl.as_str()), "of"),
        en: join(names.iter().map(|t| t.en.as_str()), "or"),
    }
}

/// A date: "1 maart 2026" / "1 March 2026".
pub(super) fn date(d: NaiveDate) -> Text {
    Text { nl: dates::format_nl(d), en: dates::format_en(d) }
}

/// "a, b of c" / "a, b or c".
pub(super) fn join<'a>(items: impl Iterator<Item = &'a str>, last_word: &str) -> String {
    let items: Vec<&str> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} {last_word} {last}", rest.join(", ")),
    }
}

/// " van SWV X" / " of SWV X", or nothing when the policy has no name.
pub(super) fn of_partnership(name: &str) -> Text {
    if name.trim().is_empty() {
        Text { nl: String::new(), en: String::new() }
    } else {
        Text { nl: format!(" van {name}"), en: format!(" of {name}") }
    }
}

pub(super) fn attachment(kind: AttachmentKind) -> (&'static str, &'static str) {
    match kind {
        AttachmentKind::Opp => ("OPP", "OPP"),
        AttachmentKind::Quote => ("offerte", "quote"),
        AttachmentKind::Agreement => ("overeenkomst", "agreement"),
        AttachmentKind::HoursStatement => ("urenverantwoording", "hours statement"),
        AttachmentKind::StartMeetingReport => ("verslag van het startgesprek", "report of the start meeting"),
        AttachmentKind::ConsultantAdvice => ("advies van de consulent", "consultant's advice"),
        AttachmentKind::TeacherSchoolGoals => {
            ("doelen voor leerkracht en school", "goals for teacher and school")
        }
        AttachmentKind::TestOverview => ("toetsoverzicht", "test overview"),
        AttachmentKind::ResearchReport => ("onderzoeksverslag", "research report"),
        AttachmentKind::ActionPlan => ("handelingsplan", "action plan"),
        AttachmentKind::Evaluation => ("evaluatie", "evaluation"),
        AttachmentKind::DecisionLetter => ("besluit", "decision letter"),
        AttachmentKind::Other => ("ander document", "other document"),
    }
}

/// The statement a precondition asks to confirm, as a clause.
pub(super) fn precondition(condition: Precondition) -> (&'static str, &'static str) {
    match condition {
        Precondition::CounsellorSupports => (
            "de ambulant begeleider is al betrokken en steunt het arrangement",
            "the ambulant counsellor is already involved and supports the arrangement",
        ),
        Precondition::OppSignedByParents => {
            ("het OPP is door de ouders ondertekend", "the parents signed the OPP")
        }
        Precondition::HalfYearNeedsBasedWork => (
            "de school heeft minstens een half jaar planmatig en handelingsgericht gewerkt",
            "the school did at least half a year of planned, needs-based work",
        ),
        Precondition::OwnSupportRouteFollowed => (
            "de school heeft eerst haar eigen ondersteuningsroute gevolgd",
            "the school followed its own support route first",
        ),
        Precondition::AnonymisedAtRequest => {
            ("de vraag is in de vraagfase geanonimiseerd", "the request was anonymised at the request stage")
        }
        Precondition::CaseDirectorNamed => ("er is één regievoerder benoemd", "one case director is named"),
        Precondition::EvaluationMomentAgreed => (
            "het evaluatiemoment is in het overleg afgesproken",
            "the evaluation moment was agreed in the meeting",
        ),
    }
}

pub(super) fn school_type(kind: SchoolType) -> (&'static str, &'static str) {
    match kind {
        SchoolType::Regular => ("een reguliere basisschool", "a regular primary school"),
        SchoolType::Sbo => {
            ("een school voor speciaal basisonderwijs (SBO)", "a special primary school (SBO)")
        }
        SchoolType::So => ("een school voor speciaal onderwijs (SO)", "a special school (SO)"),
    }
}

/// A staff function with its article ("een leerkracht" / "a teacher").
pub(super) fn staff_function(function: StaffFunction) -> (&'static str, &'static str) {
    match function {
        StaffFunction::Teacher => ("een leerkracht", "a teacher"),
        StaffFunction::Specialist => ("een specialist/RT'er", "a specialist/remedial teacher"),
        StaffFunction::InternalCoach => ("een intern begeleider", "an internal coach (IB'er)"),
        StaffFunction::Orthopedagogue => ("een orthopedagoog", "an orthopedagogue"),
        StaffFunction::TeachingAssistant => ("een onderwijsassistent", "a teaching assistant"),
    }
}

pub(super) fn salary_scale(scale: SalaryScale) -> (&'static str, &'static str) {
    match scale {
        SalaryScale::La => ("schaal LA", "scale LA"),
        SalaryScale::Lb => ("schaal LB", "scale LB"),
        SalaryScale::Lc => ("schaal LC", "scale LC"),
        SalaryScale::Scale11 => ("schaal 11", "scale 11"),
        SalaryScale::Scale4 => ("schaal 4", "scale 4"),
    }
}
