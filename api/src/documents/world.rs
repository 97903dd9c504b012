//! A sealed typst world: one embedded template, embedded fonts, no files, no packages.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Str, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The fonts compiled into the binary (typst-assets: Libertinus Serif, New Computer Modern,
/// DejaVu Sans Mono; all under the SIL Open Font Licence or a free licence), parsed once.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the template did not compile: {0}")]
    Compile(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the document data is not valid: {0}")]
    Data(String),
}

/// Compiles `template` with `data` as `sys.inputs.data` (a JSON string) into a PDF/A-2b file.
/// `today` is the document's date (its metadata and typst's `datetime.today()`).
pub fn render_pdf(
    template: &'static str,
    data: &serde_json::Value,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, RenderError> {
    use chrono::Datelike;
    let json = serde_json::to_string(data).map_err(|e| RenderError::Data(e.to_string()))?;
    let inputs: Dict = [(Str::from("data"), Value::Str(Str::from(json)))].into_iter().collect();
    let date = Datetime::from_ymd(
        today.year(),
        u8::try_from(today.month()).unwrap_or(1),
        u8::try_from(today.day()).unwrap_or(1),
    )
    .ok_or_else(|| RenderError::Data(format!("date {today} out of range")))?;
    let main = RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new("letter.typ").map_err(|e| RenderError::Data(format!("{e:?}")))?,
    )
    .intern();
    let world = SealedWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        main: Source::new(main, template.to_owned()),
        today: date,
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| RenderError::Compile(messages(&errors)))?;
    let standards =
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| RenderError::Pdf(format!("{e:?}")))?;
    let options =
        PdfOptions { standards, timestamp: Some(Timestamp::new_utc(date)), ..PdfOptions::default() };
    typst_pdf::pdf(&document, &options).map_err(|errors| RenderError::Pdf(messages(&errors)))
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ")
}

/// The world a template sees: itself, the embedded fonts, and a fixed date. Nothing else.
pub struct SealedWorld {
    library: LazyHash<Library>,
    main: Source,
    today: Datetime,
}

impl World for SealedWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(refuse(id)) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() { Ok(Bytes::from_string(self.main.clone())) } else { Err(refuse(id)) }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Packages are never downloaded and no other file exists.
fn refuse(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Package(spec) => FileError::Package(PackageError::Other(Some(
            format!("package {spec} refused: this server does not load typst packages").into(),
        ))),
        VirtualRoot::Project => FileError::AccessDenied,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("date")
    }

    #[test]
    fn a_package_import_is_refused() {
        let result =
            render_pdf("#import \"@preview/example:0.1.0\": *\nHallo", &serde_json::json!({}), date());
        let Err(RenderError::Compile(message)) = result else { panic!("compiled: {result:?}") };
        assert!(message.contains("refused"), "{message}");
    }

    #[test]
    fn markup_in_the_data_stays_text() {
        let template = "#let d = json(bytes(sys.inputs.data))\n#d.name";
        let pdf = render_pdf(template, &serde_json::json!({ "name": "#panic(\"boom\") *vet*" }), date())
            .expect("renders: the data is not evaluated");
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
