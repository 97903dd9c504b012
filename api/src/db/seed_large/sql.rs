//! The dialect-specific pieces of the generated SQL.

use super::super::Backend;

/// SQL that differs by dialect.
pub struct Sql {
    pub backend: Backend,
    /// Per-run id prefixes (8 hex digits) so that ids never collide with other data.
    pub prefix: [String; 8],
}

impl Sql {
    /// `FROM` source of the numbers `from..to` as column `i`.
    pub fn numbers(&self, from: u64, to: u64) -> String {
        let last = to - 1;
        match self.backend {
            Backend::Postgres => format!("generate_series({from}::bigint, {last}::bigint) AS n(i)"),
            Backend::Sqlite => format!(
                "(WITH RECURSIVE s(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM s WHERE i < {last}) \
                 SELECT i FROM s) AS n"
            ),
        }
    }

    /// A UUID-shaped id: the table's prefix and the number `expr`.
    pub fn id(&self, table: usize, expr: &str) -> String {
        let hex = match self.backend {
            Backend::Postgres => format!("lpad(to_hex(({expr})::bigint), 12, '0')"),
            Backend::Sqlite => format!("printf('%012x', {expr})"),
        };
        format!("('{}-0000-4000-8000-' || {hex})", self.prefix[table])
    }

    /// The id of row number `n` of `table`, as [`Sql::id`] makes it (a literal, for ranges of ids).
    pub fn id_literal(&self, table: usize, n: u64) -> String {
        format!("{}-0000-4000-8000-{n:012x}", self.prefix[table])
    }

    /// A timestamp `days` days and `secs` seconds after 1 August 2024.
    pub fn at(&self, days: &str, secs: &str) -> String {
        match self.backend {
            Backend::Postgres => format!(
                "(timestamp '2024-08-01 00:00:00' + ({days}) * interval '1 day' + ({secs}) * interval '1 second')"
            ),
            Backend::Sqlite => {
                format!("datetime('2024-08-01', '+' || ({days}) || ' days', '+' || ({secs}) || ' seconds')")
            }
        }
    }

    /// The (UTC) year of a date or timestamp, as an integer.
    pub fn year(&self, expr: &str) -> String {
        match self.backend {
            Backend::Postgres => format!("CAST(EXTRACT(YEAR FROM {expr}) AS INTEGER)"),
            Backend::Sqlite => format!("CAST(substr({expr}, 1, 4) AS INTEGER)"),
        }
    }

    /// The (UTC) day of a timestamp.
    pub fn day(&self, expr: &str) -> String {
        match self.backend {
            Backend::Postgres => format!("CAST({expr} AS DATE)"),
            Backend::Sqlite => format!("date({expr})"),
        }
    }

    pub fn date(&self, base: &str, days: &str) -> String {
        match self.backend {
            Backend::Postgres => format!("(date '{base}' + ({days})::int)"),
            Backend::Sqlite => format!("date('{base}', '+' || ({days}) || ' days')"),
        }
    }
}

pub const PARTNERSHIP: usize = 0;
pub const SCHOOL: usize = 1;
pub const USER: usize = 2;
pub const PUPIL: usize = 3;
pub const ARRANGEMENT: usize = 4;
pub const AUDIT: usize = 5;
pub const BOARD: usize = 6;
pub const EXECUTOR: usize = 7;

/// A pseudo-random number 0..modulo from the row number `i` and a salt.
pub fn hash(salt: u64, modulo: u64) -> String {
    format!("(((i * 2654435761 + {salt}) % 4294967296) % {modulo})")
}

/// `CASE` picking a value by percentage buckets of `bucket` (0..100).
pub fn buckets(bucket: &str, values: &[(u64, &str)]) -> String {
    let mut out = String::from("CASE");
    let mut upper = 0;
    for (share, value) in values {
        upper += share;
        out.push_str(&format!(" WHEN {bucket} < {upper} THEN '{value}'"));
    }
    out.push_str(" END");
    out
}

pub const STATUSES: &[(u64, &str)] = &[
    (15, "draft"),
    (10, "submitted"),
    (5, "changes_requested"),
    (5, "approved"),
    (5, "definitive"),
    (15, "granted"),
    (25, "in_execution"),
    (12, "closed"),
    (3, "terminated"),
    (2, "rejected"),
    (3, "withdrawn"),
];
