//! Hand-written SQL that stays in diesel's prepared-statement cache.
//!
//! `diesel::sql_query` marks every statement unsafe to cache, so each call is prepared anew
//! (on PostgreSQL a parse and plan by the server per query, on SQLite a `sqlite3_prepare`), and
//! so is any DSL query with `eq_any` over a list. A [`Statement`] is SQL text with typed binds
//! in between; as long as its text depends only on the query's shape (which filters are
//! present), never on values, diesel caches it by its text like any DSL query, and a hot query
//! is prepared once per connection.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::QueryResult;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Date, Integer, Text, Timestamp, Untyped};

use super::MultiBackend;

enum Part {
    Sql(Cow<'static, str>),
    Text(String),
    Integer(i32),
    BigInt(i64),
    Timestamp(NaiveDateTime),
    Date(NaiveDate),
}

/// SQL text and binds, run with `load`/`get_result`/`execute` into `QueryableByName` rows, or,
/// once [`Statement::returns`] has named the columns' SQL types, into `Queryable` rows (read
/// by position: no lookup of each column by name in each row).
#[must_use]
pub struct Statement<ST = Untyped> {
    parts: Vec<Part>,
    returns: std::marker::PhantomData<ST>,
}

impl Statement {
    pub fn new(sql: impl Into<Cow<'static, str>>) -> Self {
        Statement { parts: vec![Part::Sql(sql.into())], returns: std::marker::PhantomData }
    }
}

impl<ST> Statement<ST> {
    /// The SQL types of the columns it selects, in order.
    pub fn returns<R>(self) -> Statement<R> {
        Statement { parts: self.parts, returns: std::marker::PhantomData }
    }

    /// More SQL text (never a value: values are binds).
    pub fn sql(mut self, sql: impl Into<Cow<'static, str>>) -> Self {
        self.parts.push(Part::Sql(sql.into()));
        self
    }

    /// A `TEXT` bind.
    pub fn text(mut self, value: impl Into<String>) -> Self {
        self.parts.push(Part::Text(value.into()));
        self
    }

    /// An `INTEGER` bind.
    pub fn integer(mut self, value: i32) -> Self {
        self.parts.push(Part::Integer(value));
        self
    }

    /// A `BIGINT` bind.
    pub fn bigint(mut self, value: i64) -> Self {
        self.parts.push(Part::BigInt(value));
        self
    }

    /// A `DATE` bind.
    pub fn date(mut self, value: NaiveDate) -> Self {
        self.parts.push(Part::Date(value));
        self
    }

    /// A `TIMESTAMP` bind.
    pub fn timestamp(mut self, value: NaiveDateTime) -> Self {
        self.parts.push(Part::Timestamp(value));
        self
    }
}

impl<ST> QueryId for Statement<ST> {
    type QueryId = ();
    // no static id: the statement cache keys it by its SQL text (and bind types)
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<ST> Query for Statement<ST> {
    type SqlType = ST;
}

impl<ST> QueryFragment<MultiBackend> for Statement<ST> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        for part in &self.parts {
            match part {
                Part::Sql(sql) => out.push_sql(sql),
                Part::Text(value) => out.push_bind_param::<Text, String>(value)?,
                Part::Integer(value) => out.push_bind_param::<Integer, i32>(value)?,
                Part::BigInt(value) => out.push_bind_param::<BigInt, i64>(value)?,
                Part::Timestamp(value) => out.push_bind_param::<Timestamp, NaiveDateTime>(value)?,
                Part::Date(value) => out.push_bind_param::<Date, NaiveDate>(value)?,
            }
        }
        Ok(())
    }
}

impl<ST, Conn> diesel::RunQueryDsl<Conn> for Statement<ST> {}

#[cfg(test)]
mod tests {
    use diesel::RunQueryDsl;

    use super::Statement;
    use crate::db::{Db, DbError};

    #[derive(diesel::QueryableByName, Debug, PartialEq)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        word: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }

    #[test]
    fn a_statement_binds_its_values_and_runs_twice() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = Db::connect(&format!("sqlite://{}/t.db", dir.path().display()), 1).expect("connect");
        let rows = db
            .run_blocking(|conn| -> Result<_, DbError> {
                let q = || {
                    Statement::new("SELECT ")
                        .text("it's")
                        .sql(" AS word, CAST(")
                        .bigint(41)
                        .sql(" + 1 AS BIGINT) AS n")
                };
                let a: Row = q().get_result(conn)?;
                let b: Row = q().get_result(conn)?;
                Ok((a, b))
            })
            .expect("rows");
        assert_eq!(rows.0, Row { word: "it's".into(), n: 42 });
        assert_eq!(rows.0, rows.1);
    }
}
