//! Reading DUO's CSV "scholen per samenwerkingsverband primair onderwijs".
//!
//! DUO's open-data address files are semicolon-separated with upper-case column names
//! (`BEVOEGD GEZAG NUMMER`, `BRIN NUMMER`, `INSTELLINGSNAAM`, …). Columns are found by name,
//! not position, so extra columns and another order are fine; where DUO's files name the
//! same thing differently, aliases are accepted (`INSTELLINGSCODE` for `BRIN NUMMER`,
//! `VESTIGINGSNAAM` for `INSTELLINGSNAAM`, `SWV CODE` for `SAMENWERKINGSVERBAND`). A comma
//! instead of the semicolon is accepted too (a file saved again by a spreadsheet).

use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::text;

/// The columns the import reads: the name it reports in errors, and the names it accepts.
const SWV: (&str, &[&str]) =
    ("SAMENWERKINGSVERBAND", &["SAMENWERKINGSVERBAND", "SWV CODE", "CODE SAMENWERKINGSVERBAND"]);
const BOARD_NUMBER: (&str, &[&str]) = ("BEVOEGD GEZAG NUMMER", &["BEVOEGD GEZAG NUMMER"]);
const BOARD_NAME: (&str, &[&str]) = ("BEVOEGD GEZAG NAAM", &["BEVOEGD GEZAG NAAM", "NAAM BEVOEGD GEZAG"]);
const BRIN: (&str, &[&str]) = ("BRIN NUMMER", &["BRIN NUMMER", "INSTELLINGSCODE"]);
const NAME: (&str, &[&str]) = ("INSTELLINGSNAAM", &["INSTELLINGSNAAM", "VESTIGINGSNAAM", "NAAM INSTELLING"]);
const KIND: (&str, &[&str]) = ("SOORT PRIMAIR ONDERWIJS", &["SOORT PRIMAIR ONDERWIJS", "SOORT PO"]);

/// One school row of the importing partnership, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolLine {
    /// Line number in the file (the header is line 1).
    pub line: usize,
    pub board_number: String,
    pub board_name: String,
    pub brin: String,
    pub name: String,
    /// `regular`, `sbo` or `so` (the `schools.school_type` vocabulary).
    pub school_type: &'static str,
}

/// The rows of one partnership, and how many rows belonged to others.
#[derive(Debug, Default)]
pub struct Parsed {
    pub rows: u32,
    pub other_partnerships: u32,
    pub schools: Vec<SchoolLine>,
}

/// `PO 26-01`, `PO2601` and `po-26-01` are the same code.
pub fn normalise_swv_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// Parses `bytes` and keeps the rows of `swv_code`; every problem is reported with its line
/// and column, and any problem rejects the whole file.
pub fn parse(bytes: &[u8], swv_code: &str) -> Result<Parsed, Vec<FieldError>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        vec![FieldError::new(
            format!("line {line}"),
            "invalid_encoding",
            "the file is not UTF-8 (save it as UTF-8 CSV)",
        )]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| vec![FieldError::new("line 1", "invalid_csv", e.to_string())])?
        .iter()
        .map(|h| h.to_ascii_uppercase())
        .collect();
    let find = |(_, names): (&str, &[&str])| header.iter().position(|h| names.contains(&h.as_str()));
    let mut errors = Vec::new();
    let mut column = |c: (&'static str, &'static [&'static str])| {
        let found = find(c);
        if found.is_none() {
            errors.push(FieldError::new(
                format!("line 1, {}", c.0),
                "missing_column",
                format!("the header lacks the column {}", c.0),
            ));
        }
        found
    };
    let (swv, board_number, board_name, brin, name) =
        (column(SWV), column(BOARD_NUMBER), column(BOARD_NAME), column(BRIN), column(NAME));
    let kind = find(KIND);
    let (Some(swv), Some(board_number), Some(board_name), Some(brin), Some(name)) =
        (swv, board_number, board_name, brin, name)
    else {
        return Err(errors);
    };
    let wanted = normalise_swv_code(swv_code);
    let mut parsed = Parsed::default();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        parsed.rows += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(FieldError::new(format!("line {line}"), "invalid_csv", e.to_string()));
                continue;
            }
        };
        let cell = |i: usize| record.get(i).unwrap_or_default().to_owned();
        if normalise_swv_code(&cell(swv)) != wanted {
            parsed.other_partnerships += 1;
            continue;
        }
        let at = |column: &str| format!("line {line}, {column}");
        let board_number = cell(board_number);
        if board_number.len() != 5 || !board_number.bytes().all(|b| b.is_ascii_digit()) {
            errors.push(FieldError::new(
                at(BOARD_NUMBER.0),
                "invalid_board_number",
                "a board number has five digits",
            ));
        }
        let brin = cell(brin).to_ascii_uppercase();
        let b = brin.as_bytes();
        if !(b.len() == 4
            && b[..2].iter().all(u8::is_ascii_digit)
            && b[2..].iter().all(u8::is_ascii_uppercase))
        {
            errors.push(FieldError::new(
                at(BRIN.0),
                "invalid_brin",
                "a BRIN code is two digits and two letters, e.g. 12AB",
            ));
        }
        for (column, value) in [(BOARD_NAME.0, cell(board_name)), (NAME.0, cell(name))] {
            if let Some(e) = text::check(&at(column), &value, true, text::SHORT) {
                errors.push(e);
            }
        }
        let school_type = match kind.map(cell).unwrap_or_default().to_ascii_uppercase().as_str() {
            "" | "BO" | "BAS" => "regular",
            "SBO" | "SBAS" => "sbo",
            "SO" | "VSO" | "(V)SO" | "SO/VSO" | "WEC" => "so",
            other => {
                errors.push(FieldError::new(
                    at(KIND.0),
                    "invalid_value",
                    format!("unknown kind of school `{other}` (BO, SBO or SO)"),
                ));
                "regular"
            }
        };
        if let Some(earlier) = parsed.schools.iter().find(|s| s.brin == brin) {
            errors.push(FieldError::new(
                at(BRIN.0),
                "duplicate_brin",
                format!("the BRIN code {brin} is also on line {}", earlier.line),
            ));
        }
        if let Some(earlier) =
            parsed.schools.iter().find(|s| s.board_number == board_number && s.board_name != cell(board_name))
        {
            errors.push(FieldError::new(
                at(BOARD_NAME.0),
                "conflicting_board_name",
                format!("board {board_number} has another name on line {}", earlier.line),
            ));
        }
        parsed.schools.push(SchoolLine {
            line,
            board_number,
            board_name: cell(board_name),
            brin,
            name: cell(name),
            school_type,
        });
    }
    if errors.is_empty() { Ok(parsed) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "SAMENWERKINGSVERBAND;BEVOEGD GEZAG NUMMER;BEVOEGD GEZAG NAAM;BRIN NUMMER;INSTELLINGSNAAM;SOORT PRIMAIR ONDERWIJS\n";

    #[test]
    fn rows_of_other_partnerships_are_counted_and_left_out() {
        let csv = format!(
            "{HEADER}PO 26-01;41001;Stichting A;90AA;School A;BO\nPO 27-01;41009;Stichting Z;99ZZ;School Z;BO\n"
        );
        let parsed = parse(csv.as_bytes(), "PO2601").expect("parses");
        assert_eq!((parsed.rows, parsed.other_partnerships, parsed.schools.len()), (2, 1, 1));
        assert_eq!(parsed.schools[0].school_type, "regular");
    }

    #[test]
    fn bad_cells_are_named_by_line_and_column() {
        let csv = format!(
            "{HEADER}PO 26-01;4100;Stichting A;9AA;School A;XX\nPO 26-01;41001;Stichting A;90AA;;SBO\n"
        );
        let errors = parse(csv.as_bytes(), "PO 26-01").expect_err("rejected");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "line 2, BEVOEGD GEZAG NUMMER",
                "line 2, BRIN NUMMER",
                "line 2, SOORT PRIMAIR ONDERWIJS",
                "line 3, INSTELLINGSNAAM"
            ]
        );
    }

    #[test]
    fn a_missing_column_or_encoding_is_reported_on_line_one() {
        let errors =
            parse(b"SAMENWERKINGSVERBAND;BRIN NUMMER\nPO 26-01;90AA\n", "PO 26-01").expect_err("rejected");
        assert!(errors.iter().any(|e| e.field == "line 1, INSTELLINGSNAAM"), "{errors:?}");
        let errors = parse(b"a;b\n\xff\n", "x").expect_err("rejected");
        assert_eq!(errors[0].code, "invalid_encoding");
    }
}
