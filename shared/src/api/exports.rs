//! Exports: files of arrangements, payments per board and statistics (`GET /api/v1/exports/…`).

vocabulary! {
    /// The file an export produces.
    ExportFormat {
        /// RFC 4180 CSV with a header row, UTF-8.
        Csv = "csv",
        /// An Excel workbook (Office Open XML).
        Xlsx = "xlsx",
    }
}

vocabulary! {
    /// What was exported (as the audit log records it).
    ExportKind {
        Arrangements = "arrangements",
        Payments = "payments",
        Statistics = "statistics",
    }
}

impl ExportFormat {
    /// The media type of the file.
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8; header=present",
            ExportFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// A text cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a leading apostrophe. The one guard against formula injection: the
/// server's CSV and Excel exports and the web app's chart downloads all write text through it.
/// Numbers are written by us, not users, and are left as numbers.
pub fn spreadsheet_safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}
