//! The published versions, newest first: who published when, the consent of each guardian on
//! that version (with their view), and what changed since the version before.

use arrangeer_shared::api::opps::{ConsentResponse, OppVersionResponse};
use arrangeer_shared::ids::OppId;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use crate::api::{ClientError, opps as api};
use crate::components::error_message;
use crate::format;
use crate::i18n::{E, Lang, O, T, part_name, t};

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub opp: OppId,
    /// Changes when a version was published, to load the list again.
    pub refresh: u32,
}

type Loaded = Result<(Vec<OppVersionResponse>, Vec<ConsentResponse>), ClientError>;

async fn load(token: &str, opp: OppId) -> Loaded {
    let mut versions = Vec::new();
    for summary in api::list_versions(token, opp).await?.into_iter().rev() {
        versions.push(api::get_version(token, opp, summary.number).await?);
    }
    Ok((versions, api::list_consents(token, opp).await?))
}

#[component]
pub fn OppHistory(props: &HistoryProps) -> Html {
    let lang = props.lang;
    let loaded = use_value(|| None::<Loaded>);
    {
        let loaded = loaded.clone();
        use_effect_on((props.token.clone(), props.opp, props.refresh), move |(token, opp, _)| {
            let (token, opp) = (token.to_string(), *opp);
            crate::spawn(async move { loaded.set(Some(load(&token, opp).await)) });
        });
    }
    let body = match &*loaded {
        None => html! { <p role="status">{ t(lang, T::Loading) }</p> },
        Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok((versions, _))) if versions.is_empty() => {
            html! { <p class="muted">{ t(lang, E::NoVersions) }</p> }
        }
        Some(Ok((versions, consents))) => html! {
            <>{ for versions.iter().map(|v| version(lang, v, consents)) }</>
        },
    };
    html! {
        <section class="part" aria-labelledby="opp-versions-heading" id="opp-versions">
            <h2 id="opp-versions-heading">{ t(lang, E::VersionsHeading) }</h2>
            { body }
        </section>
    }
}

fn version(lang: Lang, v: &OppVersionResponse, consents: &[ConsentResponse]) -> Html {
    let n = v.number;
    html! {
        <article class="opp-version" id={format!("opp-version-{n}")} aria-labelledby={format!("opp-version-{n}-heading")}>
            <h3 id={format!("opp-version-{n}-heading")}>
                { format!("{} {n}", t(lang, E::Version)) }
            </h3>
            <p class="hint">
                { format!("{} {} {} {}", t(lang, O::PublishedOn), format::moment(lang, v.published_at),
                    t(lang, E::PublishedBy), v.published_by) }
            </p>
            <p id={format!("opp-consent-status-{n}")}>
                { t(lang, O::ConsentStatusLabel) }{ " " }<strong>{ t(lang, O::Status(v.consent.status)) }</strong>
            </p>
            <h4>{ t(lang, E::ConsentHeading) }</h4>
            if v.consent.guardians.is_empty() {
                <p class="muted">{ t(lang, E::NoGuardians) }</p>
            } else {
                <ul class="plain" id={format!("opp-consent-{n}")}>
                    { for v.consent.guardians.iter().map(|g| {
                        let answer = match (g.decision, g.decided_at) {
                            (Some(d), Some(at)) => format!("{} ({})", t(lang, E::Decision(d)), format::moment(lang, at)),
                            (Some(d), None) => t(lang, E::Decision(d)).to_owned(),
                            (None, _) => t(lang, E::NoAnswer).to_owned(),
                        };
                        let view = consents
                            .iter()
                            .filter(|c| c.version_number == n && c.guardian_id == g.guardian_id)
                            .filter_map(|c| c.view.clone())
                            .next_back();
                        html! {
                            <li>
                                <strong>{ &g.name }</strong>{ ": " }{ answer }
                                if let Some(view) = view {
                                    <br /><span>{ format!("{}: {view}", t(lang, E::View)) }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            <h4>{ t(lang, E::ChangesHeading) }</h4>
            if v.changes.is_empty() {
                <p class="muted">{ t(lang, E::NoChanges) }</p>
            } else {
                <div class="table-wrap">
                    <table class="data opp-diff" id={format!("opp-diff-{n}")}>
                        <caption class="visually-hidden">{ format!("{} — {} {n}", t(lang, E::ChangesHeading), t(lang, E::Version)) }</caption>
                        <thead><tr>
                            <th scope="col">{ t(lang, E::Part) }</th>
                            <th scope="col">{ t(lang, E::Change) }</th>
                            <th scope="col">{ t(lang, E::Before) }</th>
                            <th scope="col">{ t(lang, E::After) }</th>
                        </tr></thead>
                        <tbody>
                            { for v.changes.iter().map(|c| html! {
                                <tr class={classes!("change", c.change.as_str())}>
                                    <th scope="row">{ t(lang, part_name(&c.field)) }</th>
                                    <td>{ t(lang, E::Kind(c.change)) }</td>
                                    <td class="prose">{ c.before.clone().unwrap_or_else(|| "—".into()) }</td>
                                    <td class="prose">{ c.after.clone().unwrap_or_else(|| "—".into()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </article>
    }
}
