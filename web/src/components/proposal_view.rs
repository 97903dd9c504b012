//! The proposal, read-only.

use arrangeer_shared::api::arrangements::ArrangementResponse;
use yew::prelude::*;

use crate::format;
use crate::i18n::{D, F, Lang, T, t};

#[derive(Properties, PartialEq)]
pub struct ProposalViewProps {
    pub lang: Lang,
    pub arrangement: ArrangementResponse,
}

pub fn proposal_view(props: &ProposalViewProps) -> Html {
    let lang = props.lang;
    let p = &props.arrangement.proposal;
    let missing = || html! { <span class="muted">{ t(lang, D::NotFilledIn) }</span> };
    let text = |value: &str| {
        if value.trim().is_empty() {
            missing()
        } else {
            html! { <span class="prose">{ value.to_owned() }</span> }
        }
    };
    let opt = |value: Option<String>| value.map_or_else(missing, |v| html! { { v } });
    let hours = |minutes: Option<u32>| opt(minutes.map(|m| format::hours(lang, m)));

    let mut rows: Vec<(F, Html)> = vec![
        (F::GoalsPupils, text(&p.goals_pupils)),
        (F::GoalsTeacher, text(&p.goals_teacher)),
        (F::GoalsSchool, text(&p.goals_school)),
        (F::SupportDescription, text(&p.support_description)),
        (F::DirectHours, hours(p.direct_minutes_per_week)),
        (F::IndirectHours, hours(p.indirect_minutes_per_week)),
        (F::OutsideHours, hours(p.outside_class_minutes_per_week)),
        (F::Weeks, opt(p.weeks.map(|w| w.to_string()))),
        (F::StartDate, opt(p.start_date.map(|d| format::date(lang, d)))),
        (F::EndDate, opt(p.end_date.map(|d| format::date(lang, d)))),
        (F::ExecutorKind, opt(p.executor_kind.map(|k| t(lang, T::ExecutorKind(k)).to_owned()))),
    ];
    if p.staff_function.is_some() || p.salary_scale.is_some() {
        rows.push((F::StaffFunction, opt(p.staff_function.map(|s| t(lang, T::StaffFunction(s)).to_owned()))));
        rows.push((F::SalaryScale, opt(p.salary_scale.map(|s| t(lang, T::SalaryScale(s)).to_owned()))));
    }
    rows.push((F::HourlyRate, opt(p.hourly_rate_cents.map(format::money))));
    if props.arrangement.kind == arrangeer_shared::kinds::ArrangementKind::Integral {
        rows.push((F::CaseDirector, opt(p.case_director.clone())));
    }

    html! {
        <dl class="facts proposal" id="proposal">
            { for rows.into_iter().map(|(label, value)| html! {
                <>
                    <dt>{ t(lang, label) }</dt>
                    <dd>{ value }</dd>
                </>
            }) }
        </dl>
    }
}
