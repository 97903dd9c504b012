//! The money of one arrangement, computed by the pure functions in `shared::money`.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::Proposal;
use arrangeer_shared::api::costs::CostsResponse;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::money::{self, PaymentScheme};

use super::ServiceError;
use super::arrangements::{kind_of, proposal_of, visible};
use super::findings::governing_policy;
use crate::auth::AuthUser;
use crate::db::arrangements::ArrangementRow;
use crate::db::{Db, DbConnection, DbError, reductions};

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
        let money = grant_money_of(&row, &proposal, scheme)?;
        let (per_calendar_year, payments, settlement) = match money {
            Some(m) => (m.per_calendar_year, m.schedule, m.settlement),
            None => (Vec::new(), Vec::new(), None),
        };
        // a termination settles everything; without one, the latest reduction settles the rest
        let settlement = match settlement {
            Some(s) => Some(s),
            None if row.terminated_on.is_none() => reduction_settlement(conn, &row, &proposal, &payments)?,
            None => None,
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

/// The money of a stored arrangement's grant (its expected cost over its period), or `None`
/// while the proposal lacks the cost or the period.
pub(crate) fn grant_money_of(
    row: &ArrangementRow,
    proposal: &Proposal,
    scheme: Option<PaymentScheme>,
) -> Result<Option<money::GrantMoney>, DbError> {
    let (Some(amount), Some(start), Some(end)) =
        (proposal.expected_cost(), proposal.start_date, proposal.end_date)
    else {
        return Ok(None);
    };
    money::grant_money(amount, start, end, scheme, row.terminated_on)
        .map(Some)
        .map_err(|e| DbError::Corrupt { column: "arrangements.end_date", value: e.to_string() })
}

/// The settlement of the latest reduction (fewer hours or a lower amount from a date): what was
/// paid by then against what the reduced arrangement is entitled to.
fn reduction_settlement(
    conn: &mut DbConnection,
    row: &ArrangementRow,
    proposal: &Proposal,
    payments: &[money::PaymentLine],
) -> Result<Option<money::Settlement>, DbError> {
    let (Some(amount), Some(start), Some(end)) =
        (proposal.expected_cost(), proposal.start_date, proposal.end_date)
    else {
        return Ok(None);
    };
    let Some(reduction) = reductions::list(conn, &row.id)?.pop() else { return Ok(None) };
    let from = reduction.effective_from;
    let paid = money::Cents::checked_sum(
        payments.iter().filter(|line| money::paid_by(line, from)).map(|line| line.amount),
    )
    .unwrap_or(money::Cents::MAX);
    money::settle_reduced(amount, money::Cents(reduction.new_amount_cents), start, end, from, paid)
        .map(Some)
        .map_err(|e| DbError::Corrupt {
            column: "arrangement_reductions.new_amount_cents",
            value: e.to_string(),
        })
}
