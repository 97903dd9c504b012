//! The statistics of one year as key figures, charts (each with its table and CSV) and the
//! throughput table: the body of the statistics page, and the SWV office's start page slot
//! (`<StatisticsOverview year={…} />`).

use arrangeer_shared::api::statistics::{DurationStats, StatisticsResponse, StatisticsScope};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use crate::api::ClientError;
use crate::components::charts::{BarChart, ChartRow};
use crate::components::{error_message, expire_on_401};
use crate::format;
use crate::i18n::{Lang, R, St, T, t};
use crate::session::use_app;

#[derive(Properties, PartialEq)]
pub struct StatisticsOverviewProps {
    pub year: i32,
}

/// Loads and shows the statistics of `year` within the signed-in user's scope.
#[component]
pub fn StatisticsOverview(props: &StatisticsOverviewProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let report = use_value(|| None::<Result<StatisticsResponse, ClientError>>);
    {
        let (app, report) = (app.clone(), report.clone());
        let token = app.session.as_ref().map(|s| s.token.clone());
        use_effect_on(props.year, move |year| {
            if let Some(token) = token {
                let year = *year;
                report.set(None);
                crate::spawn(async move {
                    let result = crate::api::statistics::statistics(&token, year).await;
                    if let Err(err) = &result {
                        expire_on_401(&app, err);
                    }
                    report.set(Some(result));
                });
            }
        });
    }
    match &*report {
        None => html! { <p role="status">{ t(lang, T::Loading) }</p> },
        Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok(s)) => overview(lang, s),
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn one(label: impl Into<String>, n: u64) -> ChartRow {
    ChartRow { label: label.into(), values: vec![count(n)] }
}

fn overview(lang: Lang, s: &StatisticsResponse) -> Html {
    let year = s.year;
    let scope = match s.scope {
        StatisticsScope::Partnership => St::ScopePartnership,
        StatisticsScope::School => St::ScopeSchool,
        StatisticsScope::Caseload => St::ScopeCaseload,
    };
    let kinds: Vec<ChartRow> = s.by_kind.iter().map(|k| one(t(lang, T::Kind(k.kind)), k.count)).collect();
    let statuses: Vec<ChartRow> = s
        .by_status
        .iter()
        .filter(|k| k.count > 0)
        .map(|k| one(t(lang, T::Status(k.status)), k.count))
        .collect();
    let schools: Vec<ChartRow> = s.by_school.iter().map(|k| one(k.name.clone(), k.count)).collect();
    let boards: Vec<ChartRow> = s.by_board.iter().map(|k| one(k.name.clone(), k.count)).collect();
    let money: Vec<ChartRow> = s
        .money
        .iter()
        .map(|m| ChartRow { label: m.year.to_string(), values: vec![m.granted_cents, m.total_cents] })
        .collect();
    let goals = vec![
        one(t(lang, St::Achieved), s.goals.achieved),
        one(t(lang, St::PartlyAchieved), s.goals.partly_achieved),
        one(t(lang, St::NotAchieved), s.goals.not_achieved),
    ];
    let single = |name: St| vec![AttrValue::from(t(lang, name))];
    let count_series = vec![AttrValue::from(t(lang, St::ColCount))];
    html! {
        <div class="statistics" id={format!("statistics-{year}")}>
            <p class="scope">{ t(lang, scope) }</p>
            <dl class="key-figures">
                <div><dt>{ t(lang, St::Requested) }</dt><dd id="stat-requested">{ s.arrangements }</dd></div>
                <div><dt>{ t(lang, St::OverdueNow) }</dt>
                    <dd id="stat-overdue">{ s.overdue_deadlines.total }</dd></div>
            </dl>
            <p class="hint">{ t(lang, St::OverdueNotCounted) }</p>
            <BarChart id="chart-kind" title={format!("{} {year}", t(lang, St::ByKind))}
                series={count_series.clone()} rows={kinds} file_name={format!("soorten-{year}")} />
            if !statuses.is_empty() {
                <BarChart id="chart-status" title={format!("{} {year}", t(lang, St::ByStatus))}
                    series={count_series.clone()} rows={statuses} file_name={format!("statussen-{year}")} />
            }
            <BarChart id="chart-school" title={format!("{} {year}", t(lang, St::BySchool))}
                series={count_series.clone()} rows={schools} file_name={format!("scholen-{year}")} />
            <BarChart id="chart-board" title={format!("{} {year}", t(lang, St::ByBoard))}
                series={count_series.clone()} rows={boards} file_name={format!("besturen-{year}")} />
            if money.is_empty() {
                <p>{ t(lang, St::MoneyPerYear) }{ ": " }{ t(lang, St::NoData) }</p>
            } else {
                <BarChart id="chart-money" title={t(lang, St::MoneyPerYear)}
                    series={vec![AttrValue::from(t(lang, St::Granted)), AttrValue::from(t(lang, St::Paid))]}
                    rows={money} money=true file_name="geld-per-jaar" />
            }
            <BarChart id="chart-goals" title={format!("{} {year}", t(lang, St::Goals))}
                series={single(St::ColCount)} rows={goals} file_name={format!("doelen-{year}")} />
            { throughput(lang, s) }
        </div>
    }
}

fn days(lang: Lang, d: Option<f64>) -> String {
    d.map_or_else(|| "–".to_owned(), |v| format::decimal(lang, v))
}

fn throughput(lang: Lang, s: &StatisticsResponse) -> Html {
    let row = |name: St, d: &DurationStats| {
        html! {
            <tr>
                <th scope="row">{ t(lang, name) }</th>
                <td class="number">{ d.count }</td>
                <td class="number">{ days(lang, d.median_days) }</td>
                <td class="number">{ days(lang, d.average_days) }</td>
                <td class="number">{ d.over_deadline.map_or_else(|| "–".to_owned(), |n| n.to_string()) }</td>
            </tr>
        }
    };
    let th = &s.throughput;
    html! {
        <table class="table" id="throughput">
            <caption>{ format!("{} {}", t(lang, St::Throughput), s.year) }</caption>
            <thead><tr>
                <th scope="col">{ t(lang, St::ColMeasure) }</th>
                <th scope="col" class="number">{ t(lang, St::ColCount) }</th>
                <th scope="col" class="number">{ t(lang, St::ColMedian) }</th>
                <th scope="col" class="number">{ t(lang, St::ColAverage) }</th>
                <th scope="col" class="number">{ t(lang, St::ColOverDeadline) }</th>
            </tr></thead>
            <tbody>
                { row(St::RequestToDecision, &th.request_to_decision) }
                { row(St::DefinitiveToDecision, &th.definitive_to_decision) }
                { row(St::GrantToStart, &th.grant_to_start) }
            </tbody>
            <tfoot><tr><td colspan="5">{ t(lang, R::Overdue) }{ ": " }
                { s.overdue_deadlines.by_kind.iter().map(|k| format!("{} {}", t(lang, R::Deadline(k.kind)), k.count))
                    .collect::<Vec<_>>().join(", ") }</td></tr></tfoot>
        </table>
    }
}
