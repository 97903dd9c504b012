//! One table as a file: CSV (RFC 4180, header row) or an Excel workbook, with every text cell
//! defused against formula injection.

use arrangeer_shared::api::exports::ExportFormat;
pub use arrangeer_shared::api::exports::spreadsheet_safe;
use rust_xlsxwriter::Workbook;

/// One cell of an exported table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text from users or the database: defused with [`spreadsheet_safe`].
    Text(String),
    /// A whole number we computed (counts, cents, days).
    Int(i64),
    /// A decimal we computed (a median or average of days).
    Decimal(f64),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => spreadsheet_safe(s),
            Cell::Int(n) => n.to_string(),
            Cell::Decimal(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A table with a header row; `name` names the worksheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: &'static str,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("writing CSV")]
    Csv(#[from] csv::Error),
    #[error("writing CSV")]
    Io(#[from] std::io::Error),
    #[error("writing the workbook")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The sheet as a file of `format`.
pub fn render(sheet: &Sheet, format: ExportFormat) -> Result<Vec<u8>, FileError> {
    match format {
        ExportFormat::Csv => {
            let mut out = csv::Writer::from_writer(Vec::new());
            out.write_record(&sheet.header)?;
            for row in &sheet.rows {
                out.write_record(row.iter().map(Cell::csv))?;
            }
            out.into_inner().map_err(|e| FileError::Io(e.into_error()))
        }
        ExportFormat::Xlsx => {
            let mut workbook = Workbook::new();
            let worksheet = workbook.add_worksheet();
            worksheet.set_name(sheet.name)?;
            for (col, title) in (0u16..).zip(&sheet.header) {
                worksheet.write_string(0, col, *title)?;
            }
            for (r, row) in (1u32..).zip(&sheet.rows) {
                for (col, cell) in (0u16..).zip(row) {
                    match cell {
                        Cell::Text(s) => {
                            worksheet.write_string(r, col, spreadsheet_safe(s))?;
                        }
                        // cents and counts are far below 2^53: exact as a double
                        Cell::Int(n) => {
                            worksheet.write_number(r, col, *n as f64)?;
                        }
                        Cell::Decimal(d) => {
                            worksheet.write_number(r, col, *d)?;
                        }
                        Cell::Empty => {}
                    }
                }
            }
            Ok(workbook.save_to_buffer()?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_safe_defuses_formulas_and_keeps_plain_text() {
        for risky in ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(risky), format!("'{risky}"));
        }
        assert_eq!(spreadsheet_safe("Stichting Primo"), "Stichting Primo");
        assert_eq!(spreadsheet_safe(""), "");
    }

    #[test]
    fn render_writes_a_header_and_defused_text_as_csv() {
        let sheet = Sheet {
            name: "t",
            header: vec!["a", "b", "c"],
            rows: vec![vec![Cell::text("=HYPERLINK(\"x\")"), Cell::Int(-5), Cell::Decimal(2.5)]],
        };
        let csv = String::from_utf8(render(&sheet, ExportFormat::Csv).expect("csv")).expect("utf-8");
        assert_eq!(csv, "a,b,c\n\"'=HYPERLINK(\"\"x\"\")\",-5,2.5\n");
        let xlsx = render(&sheet, ExportFormat::Xlsx).expect("xlsx");
        assert_eq!(&xlsx[..2], b"PK", "an xlsx file is a zip archive");
    }
}
