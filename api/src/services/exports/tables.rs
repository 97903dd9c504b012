//! The tables the exports write: arrangements, a payment round, statistics (long format:
//! one row per figure, so that one table holds every part).

use std::collections::HashMap;

use arrangeer_shared::api::payments::{PaymentAmounts, PaymentsResponse};
use arrangeer_shared::api::statistics::{DurationStats, StatisticsResponse};

use super::file::{Cell, Sheet};
use crate::db::DbError;
use crate::db::arrangements::ArrangementRow;
use crate::db::organisations::SchoolRow;
use crate::services::arrangements::proposal_of;

/// One row per arrangement; no pupil data (names stay in the dossier).
pub fn arrangements(
    rows: &[ArrangementRow],
    schools: &HashMap<String, (SchoolRow, String)>,
) -> Result<Sheet, DbError> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let (school, board) =
            schools.get(&row.school_id).map(|(s, board)| (s.name.clone(), board.clone())).unwrap_or_default();
        let cost = proposal_of(row)?.expected_cost();
        let date = |d: Option<chrono::NaiveDate>| d.map_or(Cell::Empty, |d| Cell::text(d.to_string()));
        out.push(vec![
            Cell::text(&row.id),
            Cell::text(&row.title),
            Cell::text(&row.kind),
            Cell::text(&row.status),
            Cell::text(&row.school_id),
            Cell::text(school),
            Cell::text(board),
            date(row.start_date),
            date(row.end_date),
            cost.map_or(Cell::Empty, |c| Cell::Int(c.0)),
            Cell::text(row.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            Cell::text(row.updated_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        ]);
    }
    Ok(Sheet {
        name: "dossiers",
        header: vec![
            "id",
            "title",
            "kind",
            "status",
            "schoolId",
            "school",
            "schoolBoard",
            "startDate",
            "endDate",
            "expectedCostCents",
            "createdAt",
            "updatedAt",
        ],
        rows: out,
    })
}

/// One row per school board (the columns of the payments CSV since it exists).
pub fn payments(report: &PaymentsResponse) -> Sheet {
    let rows = report
        .boards
        .iter()
        .map(|board| {
            let PaymentAmounts {
                granted_cents,
                paid_at_grant_cents,
                after_accountability_cents,
                settlement_cents,
                total_cents,
            } = board.amounts;
            vec![
                Cell::Int(i64::from(report.year)),
                Cell::text(&board.board_number),
                Cell::text(&board.name),
                Cell::Int(i64::from(board.arrangements)),
                Cell::Int(granted_cents),
                Cell::Int(paid_at_grant_cents),
                Cell::Int(after_accountability_cents),
                Cell::Int(settlement_cents),
                Cell::Int(total_cents),
            ]
        })
        .collect();
    Sheet {
        name: "betalingen",
        header: vec![
            "year",
            "boardNumber",
            "schoolBoard",
            "arrangements",
            "grantedCents",
            "paidAtGrantCents",
            "afterAccountabilityCents",
            "settlementCents",
            "totalCents",
        ],
        rows,
    }
}

/// Every figure of a statistics answer as `section, key, name, value`.
pub fn statistics(s: &StatisticsResponse) -> Sheet {
    let count = |n: u64| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut push = |section: &str, key: String, name: String, value: Cell| {
        rows.push(vec![Cell::text(section), Cell::text(key), Cell::text(name), value]);
    };
    push("arrangements", s.year.to_string(), String::new(), count(s.arrangements));
    for k in &s.by_kind {
        push("kind", k.kind.to_string(), String::new(), count(k.count));
    }
    for k in &s.by_status {
        push("status", k.status.to_string(), String::new(), count(k.count));
    }
    for k in &s.by_school {
        push("school", k.school_id.to_string(), k.name.clone(), count(k.count));
    }
    for k in &s.by_board {
        push("board", k.school_board_id.to_string(), k.name.clone(), count(k.count));
    }
    for m in &s.money {
        let key = m.year.to_string();
        push("money", key.clone(), "arrangements".into(), count(m.arrangements));
        let names =
            ["grantedCents", "paidAtGrantCents", "afterAccountabilityCents", "settlementCents", "totalCents"];
        for (name, value) in names.into_iter().zip(m.cells()) {
            push("money", key.clone(), name.into(), Cell::Int(value));
        }
    }
    let durations: [(&str, &DurationStats); 3] = [
        ("requestToDecision", &s.throughput.request_to_decision),
        ("definitiveToDecision", &s.throughput.definitive_to_decision),
        ("grantToStart", &s.throughput.grant_to_start),
    ];
    for (key, d) in durations {
        let decimal = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Decimal);
        let int = |v: Option<i64>| v.map_or(Cell::Empty, Cell::Int);
        push("throughput", key.into(), "count".into(), count(d.count));
        push("throughput", key.into(), "medianDays".into(), decimal(d.median_days));
        push("throughput", key.into(), "averageDays".into(), decimal(d.average_days));
        push("throughput", key.into(), "minDays".into(), int(d.min_days));
        push("throughput", key.into(), "maxDays".into(), int(d.max_days));
        if let Some(over) = d.over_deadline {
            push("throughput", key.into(), "overDeadline".into(), count(over));
        }
    }
    push("goals", "achieved".into(), String::new(), count(s.goals.achieved));
    push("goals", "partly_achieved".into(), String::new(), count(s.goals.partly_achieved));
    push("goals", "not_achieved".into(), String::new(), count(s.goals.not_achieved));
    push("overdueDeadlines", "total".into(), String::new(), count(s.overdue_deadlines.total));
    for k in &s.overdue_deadlines.by_kind {
        push("overdueDeadlines", k.kind.to_string(), String::new(), count(k.count));
    }
    Sheet { name: "statistieken", header: vec!["section", "key", "name", "value"], rows }
}
