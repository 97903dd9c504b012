//! The decision letter (besluit): what it says and how it is rendered.
//!
//! Pupil data: the letter goes to the school and, through the school, to the executor, and
//! is archived with the dossier for years (archive law). It therefore names the dossier (its
//! title and reference) and the number of pupils, but no pupil's name, date of birth or
//! group: whoever holds the letter finds the pupils in the dossier behind the reference.

use arrangeer_shared::dates::format_nl;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::money::Cents;
use chrono::NaiveDate;
use serde_json::json;

use super::world::{RenderError, render_pdf};

const TEMPLATE: &str = include_str!("decision_letter.typ");

/// Everything the letter states; all text as entered, escaped by construction (see `mod.rs`).
#[derive(Debug, Clone)]
pub struct DecisionLetter {
    pub partnership: String,
    pub school: String,
    pub brin: String,
    pub board: String,
    pub date: NaiveDate,
    /// The dossier's reference (its id).
    pub reference: String,
    pub kind: ArrangementKind,
    /// The dossier's title, as the school wrote it.
    pub arrangement: String,
    pub granted: bool,
    pub pupils: usize,
    pub amount: Option<Cents>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub executor: Option<String>,
    /// Who took the decision (display name).
    pub decider: String,
    /// The reasoning the decider gave.
    pub reasoning: String,
}

impl DecisionLetter {
    /// The file name under which the letter is stored.
    pub fn file_name(&self) -> String {
        let what = if self.granted { "toekenning" } else { "afwijzing" };
        format!("besluit-{what}-{}.pdf", self.date)
    }

    /// The PDF/A-2b document.
    pub fn render(&self) -> Result<Vec<u8>, RenderError> {
        render_pdf(TEMPLATE, &self.data(), self.date)
    }

    /// The template's input: every value a finished string (Dutch formats).
    fn data(&self) -> serde_json::Value {
        let decision = if self.granted { "toegekend" } else { "afgewezen" };
        let amount = match (self.amount, self.granted) {
            (Some(a), true) => a.format_nl(),
            (Some(a), false) => format!("{} (aangevraagd, niet toegekend)", a.format_nl()),
            (None, _) => "niet opgegeven".to_owned(),
        };
        let period = match self.period {
            Some((from, to)) => format!("{} tot en met {}", format_nl(from), format_nl(to)),
            None => "niet opgegeven".to_owned(),
        };
        let reasoning = if self.reasoning.trim().is_empty() {
            "Er is geen toelichting gegeven.".to_owned()
        } else {
            self.reasoning.trim().to_owned()
        };
        json!({
            "title": format!("Besluit {} – {}", self.arrangement, self.partnership),
            "partnership": self.partnership,
            "school": self.school,
            "brin": self.brin,
            "board": self.board,
            "date": format_nl(self.date),
            "reference": self.reference,
            "kind": kind_nl(self.kind),
            "arrangement": self.arrangement,
            "granted": self.granted,
            "decision": decision,
            "pupils": self.pupils.to_string(),
            "amount": amount,
            "period": period,
            "executor": self.executor.clone().unwrap_or_else(|| "nog niet gekozen".to_owned()),
            "decider": self.decider,
            "reasoning": reasoning,
            "objection": objection(&self.partnership),
        })
    }
}

fn kind_nl(kind: ArrangementKind) -> &'static str {
    match kind {
        ArrangementKind::Individual => "individueel arrangement",
        ArrangementKind::Cluster => "clusterarrangement",
        ArrangementKind::Integral => "integraal arrangement",
    }
}

/// The notice on objection (Awb 6:4, 6:5, 6:7, 6:8, 6:16).
fn objection(partnership: &str) -> String {
    format!(
        "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dag waarop dit \
         besluit is verzonden schriftelijk bezwaar maken bij het bestuur van {partnership} \
         (artikelen 6:7 en 6:8 van de Algemene wet bestuursrecht). Vermeld in uw bezwaarschrift \
         ten minste uw naam en adres, de datum, het kenmerk van dit besluit en waarom u het er \
         niet mee eens bent, en onderteken het (artikel 6:5 Awb). Een bezwaar schorst de werking \
         van dit besluit niet (artikel 6:16 Awb)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_renders_to_a_pdf_even_with_markup_in_the_text() {
        let letter = DecisionLetter {
            partnership: "SWV #Test [PO]".into(),
            school: "Basisschool *De* _Regenboog_".into(),
            brin: "90AA".into(),
            board: "Stichting $x$ \\ // comment".into(),
            date: NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"),
            reference: "0000".into(),
            kind: ArrangementKind::Cluster,
            arrangement: "#set page(fill: red) ] ) \" ".into(),
            granted: true,
            pupils: 3,
            amount: Some(Cents(123_456)),
            period: NaiveDate::from_ymd_opt(2027, 1, 4).zip(NaiveDate::from_ymd_opt(2027, 6, 25)),
            executor: None,
            decider: "Petra <script> van Dijk".into(),
            reasoning: "= Kop\n- lijst\n#import \"@preview/x:0.1.0\"".into(),
        };
        let pdf = letter.render().expect("renders");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(
            pdf.windows(8).any(|w| w == b"pdfaid:p" || w == b"pdfaid:c"),
            "PDF/A identification in the XMP"
        );
    }
}
