//! `/statistieken`: the statistics of a calendar year within the user's scope, with the
//! exports (CSV and Excel) of the statistics and of the dossiers.

use arrangeer_shared::Role;
use arrangeer_shared::api::exports::ExportFormat;
use yew::prelude::*;

use crate::hooks::use_value;
use yew_router::prelude::*;

use crate::api::ClientError;
use crate::app::Route;
use crate::components::charts::download_bytes;
use crate::components::fields::{TextFieldProps, text_field};
use crate::components::live_findings::today;
use crate::components::statistics_overview::StatisticsOverview;
use crate::components::{error_message, use_focus_main_heading};
use crate::i18n::{R, St, t};
use crate::session::use_app;

#[component]
pub fn StatisticsPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let this_year = {
        use chrono::Datelike;
        today().year()
    };
    let year_text = use_value(|| this_year.to_string());
    let year = use_value(|| this_year);
    let year_error = use_value(|| false);
    let export_error = use_value(|| None::<ClientError>);
    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    if matches!(session.user.role, Role::Executor | Role::Parent) {
        return html! {
            <article class="card"><h1 id="main-heading" tabindex="-1">{ t(lang, St::Title) }</h1>
                <p>{ t(lang, St::Forbidden) }</p></article>
        };
    }
    let on_year = {
        let year_text = year_text.clone();
        Callback::from(move |v: String| year_text.set(v))
    };
    let onsubmit = {
        let (year_text, year, year_error) = (year_text.clone(), year.clone(), year_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match year_text.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)) {
                Some(y) => {
                    year_error.set(false);
                    year.set(y);
                }
                None => year_error.set(true),
            }
        })
    };
    let export = |what: &'static str, format: ExportFormat, with_year: bool| {
        let (token, year, export_error) = (session.token.clone(), *year, export_error.clone());
        Callback::from(move |_: MouseEvent| {
            let (token, export_error) = (token.clone(), export_error.clone());
            crate::spawn(async move {
                let query = if with_year { vec![("year", year.to_string())] } else { Vec::new() };
                match crate::api::statistics::export_file(&token, what, format, &query).await {
                    Ok(bytes) => {
                        export_error.set(None);
                        let base = if with_year { format!("{what}-{year}") } else { what.to_owned() };
                        let media = format.content_type();
                        let _ = download_bytes(&format!("{base}.{}", format.as_str()), media, &bytes);
                    }
                    Err(err) => export_error.set(Some(err)),
                }
            });
        })
    };
    html! {
        <article class="card wide">
            <h1 id="main-heading" tabindex="-1">{ t(lang, St::Title) }</h1>
            <p>{ t(lang, St::Intro) }</p>
            <form id="statistics-form" class="inline-form" {onsubmit} novalidate=true>
                { text_field(&yew::props!(TextFieldProps { id: "statistics-year", label: t(lang, St::Year), inputmode: "numeric", value: (*year_text).clone(), oninput: on_year, class: "short", error: year_error.then(|| AttrValue::from(t(lang, R::PolicyInvalidNumber))) })) }
                <button type="submit" class="button primary" id="statistics-show">{ t(lang, St::Show) }</button>
            </form>
            <StatisticsOverview year={*year} />
            <section class="exports" aria-labelledby="exports-heading">
                <h2 id="exports-heading">{ t(lang, St::ExportsHeading) }</h2>
                <p>{ t(lang, St::ExportsIntro) }</p>
                <div class="button-row">
                    <button type="button" class="button secondary" id="export-statistics-csv"
                        onclick={export("statistics", ExportFormat::Csv, true)}>{ t(lang, St::ExportStatisticsCsv) }</button>
                    <button type="button" class="button secondary" id="export-statistics-xlsx"
                        onclick={export("statistics", ExportFormat::Xlsx, true)}>{ t(lang, St::ExportStatisticsXlsx) }</button>
                    <button type="button" class="button secondary" id="export-arrangements-csv"
                        onclick={export("arrangements", ExportFormat::Csv, false)}>{ t(lang, St::ExportArrangementsCsv) }</button>
                    <button type="button" class="button secondary" id="export-arrangements-xlsx"
                        onclick={export("arrangements", ExportFormat::Xlsx, false)}>{ t(lang, St::ExportArrangementsXlsx) }</button>
                </div>
                if let Some(err) = &*export_error {
                    <p class="error-box" role="alert">{ error_message(lang, err) }</p>
                }
            </section>
        </article>
    }
}
