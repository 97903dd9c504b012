//! `POST /api/v1/school-imports`: DUO's open-data CSV "scholen per samenwerkingsverband
//! primair onderwijs" creates or updates the partnership's school boards and schools.

use serde::{Deserialize, Serialize};

/// How many objects of one kind the import created, changed, or found as they were.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportCounts {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
}

/// What an import did. Importing the same file again reports only `unchanged`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchoolImportReport {
    /// The partnership's DUO code whose rows were taken, e.g. `PO 26-01`.
    pub swv_code: String,
    /// Data rows in the file (the header not counted).
    pub rows: u32,
    /// Rows of other partnerships, left alone.
    pub other_partnerships: u32,
    /// School boards (bevoegd gezag), by board number.
    pub boards: ImportCounts,
    /// Schools, by BRIN code.
    pub schools: ImportCounts,
}
