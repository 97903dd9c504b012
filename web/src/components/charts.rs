//! Small charts in plain SVG, each with the same figures as a table (a `<details>` toggle with
//! a captioned `<table>`) and as a CSV download: values are written next to every bar, and a
//! second series has its own pattern as well as its own colour, so nothing is told by colour
//! alone. No chart crate: the bundle stays small.

use arrangeer_shared::api::exports::spreadsheet_safe;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::format;
use crate::i18n::{St, t};
use crate::session::use_app;

/// One category of a chart: its label and one value per series.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartRow {
    pub label: String,
    pub values: Vec<i64>,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// Unique on the page; the table and the button derive their ids from it.
    pub id: AttrValue,
    pub title: AttrValue,
    /// The names of the series (one or two).
    pub series: Vec<AttrValue>,
    pub rows: Vec<ChartRow>,
    /// Values are euro cents (shown as € 1.234,56).
    #[prop_or_default]
    pub money: bool,
    /// The CSV file's name, without extension.
    pub file_name: AttrValue,
}

const WIDTH: i64 = 640;
const LABEL_WIDTH: i64 = 220;
const VALUE_WIDTH: i64 = 110;
const BAR: i64 = 16;
const GAP: i64 = 10;

fn shown(money: bool, value: i64) -> String {
    if money { format::money(value) } else { value.to_string() }
}

/// A label cut to fit the label column (the full text is in the table and the tooltip).
fn short(label: &str) -> String {
    const MAX: usize = 30;
    if label.chars().count() <= MAX {
        label.to_owned()
    } else {
        format!("{}…", label.chars().take(MAX - 1).collect::<String>())
    }
}

/// Horizontal bars, one group per row, one bar per series.
#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let lang = use_app().lang;
    let series = props.series.len().max(1) as i64;
    let group = series * BAR + GAP;
    let height = (props.rows.len() as i64 * group).max(group) + GAP;
    let max = props.rows.iter().flat_map(|r| r.values.iter().copied()).max().unwrap_or(0).max(1);
    let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let title_id = format!("{}-title", props.id);
    let on_csv = {
        let (series, rows, money, name) =
            (props.series.clone(), props.rows.clone(), props.money, props.file_name.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = download_text(&format!("{name}.csv"), &to_csv(&series, &rows, money));
        })
    };
    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption id={title_id.clone()}>{ props.title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} width="100%" role="img" aria-labelledby={title_id}>
                <defs>
                    <pattern id={format!("{}-hatch", props.id)} width="6" height="6" patternUnits="userSpaceOnUse"
                        patternTransform="rotate(45)">
                        <rect width="6" height="6" class="bar-1" />
                        <line x1="0" y1="0" x2="0" y2="6" class="hatch" />
                    </pattern>
                </defs>
                { for props.rows.iter().enumerate().map(|(i, row)| {
                    let top = GAP + i as i64 * group;
                    html! {
                        <g>
                            <text x="0" y={(top + series * BAR / 2 + 5).to_string()} class="chart-label">
                                <title>{ row.label.clone() }</title>
                                { short(&row.label) }
                            </text>
                            { for row.values.iter().enumerate().map(|(j, v)| {
                                let y = top + j as i64 * BAR;
                                let w = (v.max(&0) * room / max).max(if *v > 0 { 1 } else { 0 });
                                let fill = if j == 0 { "bar-0".to_owned() } else { String::new() };
                                html! {
                                    <>
                                        <rect x={LABEL_WIDTH.to_string()} y={y.to_string()} width={w.to_string()}
                                            height={(BAR - 2).to_string()} class={fill}
                                            fill={(j > 0).then(|| format!("url(#{}-hatch)", props.id))} />
                                        <text x={(LABEL_WIDTH + w + 6).to_string()} y={(y + BAR - 4).to_string()}
                                            class="chart-value">{ shown(props.money, *v) }</text>
                                    </>
                                }
                            }) }
                        </g>
                    }
                }) }
            </svg>
            if props.series.len() > 1 {
                <ul class="chart-legend">
                    { for props.series.iter().enumerate().map(|(j, name)| html! {
                        <li><span class={if j == 0 { "swatch bar-0" } else { "swatch hatched" }} aria-hidden="true"></span>
                            { name.clone() }</li>
                    }) }
                </ul>
            }
            <details>
                <summary>{ t(lang, St::ShowTable) }</summary>
                <table class="table" id={format!("{}-table", props.id)}>
                    <caption>{ props.title.clone() }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, St::ColCategory) }</th>
                        { for props.series.iter().map(|s| html! { <th scope="col" class="number">{ s.clone() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for props.rows.iter().map(|row| html! {
                            <tr>
                                <th scope="row">{ row.label.clone() }</th>
                                { for row.values.iter().map(|v| html! { <td class="number">{ shown(props.money, *v) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
            <button type="button" class="button secondary" id={format!("{}-csv", props.id)} onclick={on_csv}>
                { t(lang, St::DownloadCsv) }
            </button>
        </figure>
    }
}

/// One CSV field: defused against formulas, quoted when needed.
fn field(text: &str) -> String {
    let safe = spreadsheet_safe(text);
    if safe.contains([',', '"', '\n', '\r']) { format!("\"{}\"", safe.replace('"', "\"\"")) } else { safe }
}

/// The chart's figures as CSV: a header row, then one row per category; money in cents.
pub fn to_csv(series: &[AttrValue], rows: &[ChartRow], money: bool) -> String {
    let unit = if money { "Cents" } else { "" };
    let mut out = String::from("label");
    for s in series {
        out.push(',');
        out.push_str(&field(&format!("{s}{unit}")));
    }
    out.push('\n');
    for row in rows {
        out.push_str(&field(&row.label));
        for v in &row.values {
            out.push(',');
            out.push_str(&v.to_string());
        }
        out.push('\n');
    }
    out
}

/// Offers `text` to the browser as a CSV file download.
pub fn download_text(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    download_parts(name, "text/csv;charset=utf-8", &parts)
}

/// Offers `bytes` (e.g. an Excel workbook from the server) as a file download.
pub fn download_bytes(name: &str, media_type: &str, bytes: &[u8]) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    download_parts(name, media_type, &parts)
}

fn download_parts(name: &str, media_type: &str, parts: &js_sys::Array) -> Result<(), wasm_bindgen::JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_csv_defuses_formulas_and_quotes_commas() {
        let rows = vec![
            ChartRow { label: "=cmd|' /C calc'!A0".into(), values: vec![3, 4] },
            ChartRow { label: "De Regenboog, Utrecht".into(), values: vec![0, -5] },
        ];
        let csv = to_csv(&["Toegekend".into(), "Betaald".into()], &rows, true);
        assert_eq!(
            csv,
            "label,ToegekendCents,BetaaldCents\n'=cmd|' /C calc'!A0,3,4\n\"De Regenboog, Utrecht\",0,-5\n"
        );
    }
}
