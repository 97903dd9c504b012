//! Payments per school board per calendar year, for the SWV office: what each board's granted
//! arrangements pay in one payment round, computed by the pure functions in `shared::money`.
//!
//! Only the SWV office (swv_admin) sees this report: finance is theirs (the route's role guard
//! answers 403 to everyone else, school staff included, because a board's line sums the money
//! of all its schools).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use arrangeer_shared::api::payments::{BoardPayments, PaymentAmounts, PaymentsResponse};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::money::YearTotals;
use arrangeer_shared::policy::Policy;
use arrangeer_shared::workflow::Status;

use super::ServiceError;
use super::arrangements::{kind_of, proposal_of};
use super::costs::grant_money_of;
use super::findings::governing_policy;
use crate::auth::AuthUser;
use crate::db::{Db, DbError, parse_id, payments};

/// The years a payment round may be asked for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The statuses of an arrangement that was granted (and so is paid, or settled).
const GRANTED: [Status; 4] = [Status::Granted, Status::InExecution, Status::Terminated, Status::Closed];

/// The payment round of `year` for every school board of the caller's partnership (the route's
/// role guard limited callers to swv_admin).
pub async fn payments_of_year(db: &Db, admin: AuthUser, year: i32) -> Result<PaymentsResponse, ServiceError> {
    if !YEARS.contains(&year) {
        return Err(ServiceError::Unprocessable(vec![FieldError::new(
            "year",
            "out_of_range",
            format!("year must be between {} and {}", YEARS.start(), YEARS.end()),
        )]));
    }
    db.run(move |conn| {
        let partnership = admin.partnership.to_string();
        let boards = payments::boards(conn, &partnership)?;
        let statuses = GRANTED.map(Status::as_str);
        let rows = payments::arrangements_with_board(conn, &partnership, &statuses)?;
        let mut policies: HashMap<Option<i32>, Option<Policy>> = HashMap::new();
        let mut per_board: HashMap<String, (u32, YearTotals)> = HashMap::new();
        for (row, board) in rows {
            let policy = match policies.entry(row.policy_version) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(governing_policy(conn, &row)?),
            };
            let kind = kind_of(&row)?;
            let scheme = policy.as_ref().and_then(|p| p.rule_set(kind)).and_then(|rules| rules.payment);
            let Some(money) = grant_money_of(&row, &proposal_of(&row)?, scheme)? else { continue };
            let mut grant = YearTotals::default();
            grant.add_grant(&money, year).map_err(overflow)?;
            if grant != YearTotals::default() {
                let (count, totals) = per_board.entry(board).or_default();
                *count += 1;
                totals.add(&grant).map_err(overflow)?;
            }
        }
        let mut all = YearTotals::default();
        let mut lines = Vec::with_capacity(boards.len());
        for board in boards {
            let (arrangements, totals) = per_board.remove(&board.id).unwrap_or_default();
            all.add(&totals).map_err(overflow)?;
            lines.push(BoardPayments {
                school_board_id: parse_id("school_boards.id", &board.id)?,
                board_number: board.board_number,
                name: board.name,
                arrangements,
                amounts: amounts(&totals)?,
            });
        }
        Ok(PaymentsResponse { year, boards: lines, total: amounts(&all)? })
    })
    .await
}

fn amounts(totals: &YearTotals) -> Result<PaymentAmounts, DbError> {
    PaymentAmounts::of(totals).ok_or_else(|| overflow(arrangeer_shared::money::MoneyError::Overflow))
}

fn overflow(e: arrangeer_shared::money::MoneyError) -> DbError {
    DbError::Corrupt { column: "arrangements.hourly_rate_cents", value: e.to_string() }
}
