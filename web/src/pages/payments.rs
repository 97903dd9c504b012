//! Payments per school board per calendar year, for the SWV office, with the CSV download.

use arrangeer_shared::Role;
use arrangeer_shared::api::payments::{PaymentAmounts, PaymentsResponse};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::ClientError;
use crate::app::Route;
use crate::components::fields::{TextFieldProps, text_field};
use crate::components::live_findings::today;
use crate::components::{error_message, expire_on_401, use_focus_main_heading};
use crate::format;
use crate::i18n::{Lang, R, t};
use crate::session::use_app;

fn amount_cells(a: &PaymentAmounts) -> Html {
    html! {
        <>
            <td class="number">{ format::money(a.granted_cents) }</td>
            <td class="number">{ format::money(a.paid_at_grant_cents) }</td>
            <td class="number">{ format::money(a.after_accountability_cents) }</td>
            <td class="number">{ format::money(a.settlement_cents) }</td>
            <td class="number"><strong>{ format::money(a.total_cents) }</strong></td>
        </>
    }
}

/// Offers `text` to the browser as a file download.
fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

fn table(lang: Lang, report: &PaymentsResponse) -> Html {
    html! {
        <table class="table" id="payments">
            <caption>{ t(lang, R::PaymentsTitle) }{ format!(" {}", report.year) }</caption>
            <thead><tr>
                <th scope="col">{ t(lang, R::ColBoard) }</th>
                <th scope="col" class="number">{ t(lang, R::ColArrangements) }</th>
                <th scope="col" class="number">{ t(lang, R::ColGranted) }</th>
                <th scope="col" class="number">{ t(lang, R::ColAtGrant) }</th>
                <th scope="col" class="number">{ t(lang, R::ColAfterAccountability) }</th>
                <th scope="col" class="number">{ t(lang, R::ColSettlement) }</th>
                <th scope="col" class="number">{ t(lang, R::ColTotal) }</th>
            </tr></thead>
            <tbody>
                { for report.boards.iter().map(|b| html! {
                    <tr>
                        <th scope="row">{ format!("{} ({})", b.name, b.board_number) }</th>
                        <td class="number">{ b.arrangements }</td>
                        { amount_cells(&b.amounts) }
                    </tr>
                }) }
            </tbody>
            <tfoot><tr>
                <th scope="row">{ t(lang, R::Total) }</th>
                <td></td>
                { amount_cells(&report.total) }
            </tr></tfoot>
        </table>
    }
}

#[component]
pub fn PaymentsPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let year_text = use_value(|| {
        use chrono::Datelike;
        today().year().to_string()
    });
    let year = use_value(|| None::<i32>);
    let report = use_value(|| None::<Result<PaymentsResponse, ClientError>>);
    let year_error = use_value(|| false);
    let csv_error = use_value(|| None::<ClientError>);
    let token = app.session.as_ref().map(|s| s.token.clone());
    {
        let (app, report, token) = (app.clone(), report.clone(), token.clone());
        let first = year_text.parse::<i32>().ok();
        use_effect_on(*year, move |chosen| {
            if let (Some(token), Some(y)) = (token, chosen.or(first)) {
                report.set(None);
                crate::spawn(async move {
                    let result = crate::api::rules::payments(&token, y).await;
                    if let Err(err) = &result {
                        expire_on_401(&app, err);
                    }
                    report.set(Some(result));
                });
            }
        });
    }
    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    if session.user.role != Role::SwvAdmin {
        return html! {
            <article class="card"><h1 id="main-heading" tabindex="-1">{ t(lang, R::PaymentsTitle) }</h1>
                <p>{ t(lang, R::OnlyAdmin) }</p></article>
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
                    year.set(Some(y));
                }
                None => year_error.set(true),
            }
        })
    };
    let on_csv = {
        let (token, report, csv_error) = (session.token.clone(), report.clone(), csv_error.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(Ok(shown)) = &*report else { return };
            let (token, y, csv_error) = (token.clone(), shown.year, csv_error.clone());
            crate::spawn(async move {
                match crate::api::rules::payments_csv(&token, y).await {
                    Ok(text) => {
                        csv_error.set(None);
                        let _ = download(&format!("betalingen-{y}.csv"), &text);
                    }
                    Err(err) => csv_error.set(Some(err)),
                }
            });
        })
    };

    html! {
        <article class="card wide">
            <h1 id="main-heading" tabindex="-1">{ t(lang, R::PaymentsTitle) }</h1>
            <p>{ t(lang, R::PaymentsIntro) }</p>
            <form id="payments-form" class="inline-form" {onsubmit} novalidate=true>
                { text_field(&yew::props!(TextFieldProps { id: "payments-year", label: t(lang, R::PaymentsYear), inputmode: "numeric", value: (*year_text).clone(), oninput: on_year, class: "short", error: year_error.then(|| AttrValue::from(t(lang, R::PolicyInvalidNumber))) })) }
                <button type="submit" class="button primary" id="payments-show">{ t(lang, R::PaymentsShow) }</button>
            </form>
            { match &*report {
                None => html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } },
                Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
                Some(Ok(r)) => html! {
                    <>
                        { table(lang, r) }
                        <button type="button" class="button secondary" id="payments-csv" onclick={on_csv}>
                            { t(lang, R::PaymentsCsv) }
                        </button>
                        if let Some(err) = &*csv_error {
                            <p class="error-box" role="alert">{ error_message(lang, err) }</p>
                        }
                    </>
                },
            } }
        </article>
    }
}
