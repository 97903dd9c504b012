//! The money of one arrangement, computed by the pure functions in `shared::money`.

use arrangeer_shared::Role;
use arrangeer_shared::api::costs::CostsResponse;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::money::{self, PaymentScheme};

use super::ServiceError;
use super::arrangements::{kind_of, proposal_of, visible};
use super::findings::governing_policy;
use crate::auth::AuthUser;
use crate::db::{Db, DbError, reductions};

pub async fn arrangement_costs(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<CostsResponse, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("see the finances of a dossier".into()));
    }
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let proposal = proposal_of(&row)?;
        let kind = kind_of(&row)?;
        let scheme: Option<PaymentScheme> =
            governing_policy(conn, &row)?.and_then(|p| p.rule_set(kind).and_then(|rules| rules.payment));
        let expected = proposal.expected_cost();
        let (per_calendar_year, payments) = match (expected, proposal.start_date, proposal.end_date) {
            (Some(amount), Some(start), Some(end)) => {
                let invalid = |e: money::MoneyError| DbError::Corrupt {
                    column: "arrangements.end_date",
                    value: e.to_string(),
                };
                let shares = money::split_by_calendar_year(amount, start, end).map_err(invalid)?;
                let payments = match scheme {
                    Some(s) => money::payment_schedule(amount, start, end, s).map_err(invalid)?,
                    None => Vec::new(),
                };
                (shares, payments)
            }
            _ => (Vec::new(), Vec::new()),
        };
        let settlement = match (expected, proposal.start_date, proposal.end_date, row.terminated_on) {
            (Some(amount), Some(start), Some(end), Some(stop)) => {
                let paid = paid_by(&payments, stop);
                Some(money::settle(amount, start, end, stop, paid).map_err(|e| DbError::Corrupt {
                    column: "arrangements.terminated_on",
                    value: e.to_string(),
                })?)
            }
            (Some(amount), Some(start), Some(end), None) => match reductions::list(conn, &row.id)?.pop() {
                Some(r) => {
                    let paid = paid_by(&payments, r.effective_from);
                    let reduced = money::Cents(r.new_amount_cents);
                    Some(money::settle_reduced(amount, reduced, start, end, r.effective_from, paid).map_err(
                        |e| DbError::Corrupt {
                            column: "arrangement_reductions.new_amount_cents",
                            value: e.to_string(),
                        },
                    )?)
                }
                None => None,
            },
            _ => None,
        };
        Ok(CostsResponse {
            expected_cost_cents: expected.map(|c| c.0),
            per_calendar_year,
            payment_scheme: scheme,
            payments,
            settlement,
        })
    })
    .await
}

/// What the schedule paid out by the stop date: the advance at the grant and the calendar-year
/// payments up to the stop's year; a balance after accountability was not paid yet.
fn paid_by(payments: &[money::PaymentLine], stop: chrono::NaiveDate) -> money::Cents {
    use chrono::Datelike;
    let paid = payments.iter().filter(|line| match line.due {
        money::PaymentDue::AtGrant => true,
        money::PaymentDue::InYear => line.year <= stop.year(),
        money::PaymentDue::AfterAccountability => false,
    });
    money::Cents::checked_sum(paid.map(|line| line.amount)).unwrap_or(money::Cents::MAX)
}
