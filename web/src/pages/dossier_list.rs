//! The caller's dossiers: filters for status and kind, one page at a time.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::Status;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::{self, ArrangementFilter, ClientError};
use crate::app::Route;
use crate::components::fields::{SelectFieldProps, select_field};
use crate::components::{AppLink, error_message, expire_on_401, use_focus_main_heading};
use crate::format;
use crate::i18n::{D, Lang, T, t};
use crate::session::use_app;

/// What is asked of the server: the filter with the page's cursor, and the cursors of the
/// pages before it (for "previous page").
#[derive(Clone, Debug, Default, PartialEq)]
struct Query {
    filter: ArrangementFilter,
    previous: Vec<Option<String>>,
}

fn filter_options<V: Copy>(
    lang: Lang,
    all: &[V],
    value: fn(V) -> &'static str,
    text: fn(V) -> T,
) -> Vec<(AttrValue, AttrValue)> {
    std::iter::once((AttrValue::Static(""), AttrValue::Static(t(lang, D::FilterAll))))
        .chain(all.iter().map(|v| (value(*v).into(), t(lang, text(*v)).into())))
        .collect()
}

#[component]
pub fn DossierListPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let query = use_value(Query::default);
    let chosen = use_value(|| (None::<Status>, None::<ArrangementKind>));
    let result = use_value(|| None::<Result<Page<ArrangementSummary>, ClientError>>);
    let reload = use_value(|| 0u32);
    let token = app.session.as_ref().map(|s| s.token.clone());

    {
        let (app, result) = (app.clone(), result.clone());
        use_effect_on((token.clone(), (*query).clone(), *reload), move |(token, query, _)| {
            if let Some(token) = token.clone() {
                result.set(None);
                let filter = query.filter.clone();
                crate::spawn(async move {
                    let page = api::list_arrangements(&token, &filter).await;
                    if let Err(err) = &page {
                        expire_on_401(&app, err);
                    }
                    result.set(Some(page));
                });
            }
        });
    }

    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };

    let on_status = {
        let chosen = chosen.clone();
        Callback::from(move |v: String| chosen.set((Status::parse(&v), chosen.1)))
    };
    let on_kind = {
        let chosen = chosen.clone();
        Callback::from(move |v: String| chosen.set((chosen.0, ArrangementKind::parse(&v))))
    };
    let on_filter = {
        let (query, chosen) = (query.clone(), chosen.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (status, kind) = *chosen;
            query.set(Query {
                filter: ArrangementFilter { status, kind, cursor: None },
                previous: Vec::new(),
            });
        })
    };
    let next =
        (*result).as_ref().and_then(|r| r.as_ref().ok()).and_then(|p| p.next_cursor.clone()).map(|cursor| {
            let query = query.clone();
            Callback::from(move |_: MouseEvent| {
                let mut q = (*query).clone();
                q.previous.push(q.filter.cursor.take());
                q.filter.cursor = Some(cursor.clone());
                query.set(q);
            })
        });
    let previous = (!query.previous.is_empty()).then(|| {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| {
            let mut q = (*query).clone();
            q.filter.cursor = q.previous.pop().flatten();
            query.set(q);
        })
    });
    let retry = {
        let reload = reload.clone();
        Callback::from(move |_: MouseEvent| reload.set(*reload + 1))
    };

    let body = match &*result {
        None => {
            html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } }
        }
        Some(Err(err)) => html! {
            <div class="error-box" role="alert" id="list-error">
                <p>{ error_message(lang, err) }</p>
                <button type="button" class="button plain" onclick={retry}>{ t(lang, D::Retry) }</button>
            </div>
        },
        Some(Ok(page)) if page.items.is_empty() => html! { <p id="list-empty">{ t(lang, D::ListEmpty) }</p> },
        Some(Ok(page)) => html! {
            <div class="table-wrap">
                <table class="data" id="dossier-list">
                    <caption class="visually-hidden">{ t(lang, D::ListTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, D::ColTitle) }</th>
                            <th scope="col">{ t(lang, D::ColSchool) }</th>
                            <th scope="col">{ t(lang, D::ColKind) }</th>
                            <th scope="col">{ t(lang, D::ColStatus) }</th>
                            <th scope="col" class="number">{ t(lang, D::ColPupils) }</th>
                            <th scope="col">{ t(lang, D::ColUpdated) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for page.items.iter().map(|a| html! {
                            <tr>
                                <th scope="row">
                                    <AppLink to={Route::Dossier { id: a.id }}>{ &a.title }</AppLink>
                                </th>
                                <td>{ &a.school.name }</td>
                                <td>{ t(lang, T::Kind(a.kind)) }</td>
                                <td><span class={classes!("status", a.status.as_str())}>
                                    { t(lang, T::Status(a.status)) }</span></td>
                                <td class="number">{ a.pupil_count }</td>
                                <td>{ format::day(lang, a.updated_at) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };

    html! {
        <section class="card wide">
            <div class="title-row">
                <h1 id="main-heading" tabindex="-1">{ t(lang, D::ListTitle) }</h1>
                if session.user.role == Role::School {
                    <AppLink to={Route::NewDossier} id="new-dossier" class="button primary">
                        { t(lang, D::NewDossier) }
                    </AppLink>
                }
            </div>
            <p>{ t(lang, D::ListIntro) }</p>
            <form class="filters" onsubmit={on_filter} aria-label={t(lang, D::FilterLegend)}>
                { select_field(&yew::props!(SelectFieldProps { id: "filter-status", label: t(lang, D::ColStatus), value: chosen.0.map_or("", |s| s.as_str()), options: filter_options(lang, Status::ALL, Status::as_str, T::Status), onchange: on_status })) }
                { select_field(&yew::props!(SelectFieldProps { id: "filter-kind", label: t(lang, D::ColKind), value: chosen.1.map_or("", |k| k.as_str()), options: filter_options(lang, ArrangementKind::ALL, ArrangementKind::as_str, T::Kind), onchange: on_kind })) }
                <button type="submit" class="button primary" id="filter-apply">{ t(lang, D::FilterApply) }</button>
            </form>
            { body }
            <nav class="pager" aria-label={t(lang, D::Page)}>
                if let Some(onclick) = previous {
                    <button type="button" class="button plain" id="previous-page" {onclick}>
                        { "← " }{ t(lang, D::PreviousPage) }
                    </button>
                }
                <span aria-live="polite">{ format!("{} {}", t(lang, D::Page), query.previous.len() + 1) }</span>
                if let Some(onclick) = next {
                    <button type="button" class="button plain" id="next-page" {onclick}>
                        { t(lang, D::NextPage) }{ " →" }
                    </button>
                }
            </nav>
        </section>
    }
}
