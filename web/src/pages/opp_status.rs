//! On the school's dossier page: each pupil's development plan and the parents' consent on
//! its latest published version.

use arrangeer_shared::api::opps::OppSummary;
use arrangeer_shared::api::pupils::PupilRef;
use yew::prelude::*;

use crate::api;
use crate::i18n::{Lang, O, t};

#[derive(Properties, PartialEq)]
pub struct OppStatusProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub pupils: Vec<PupilRef>,
}

#[component]
pub fn OppConsentStatus(props: &OppStatusProps) -> Html {
    let lang = props.lang;
    let plans = use_state(|| None::<Vec<(PupilRef, Option<OppSummary>)>>);
    {
        let plans = plans.clone();
        use_effect_with((props.token.clone(), props.pupils.clone()), move |(token, pupils)| {
            let (token, pupils) = (token.to_string(), pupils.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut found = Vec::new();
                for pupil in pupils {
                    let plan = api::list_opps(&token, Some(pupil.id))
                        .await
                        .ok()
                        .and_then(|p| p.items.into_iter().next());
                    found.push((pupil, plan));
                }
                plans.set(Some(found));
            });
        });
    }
    let Some(list) = &*plans else { return html! {} };
    html! {
        <section class="part" aria-labelledby="opps-heading">
            <h2 id="opps-heading">{ t(lang, O::DossierOppsHeading) }</h2>
            <ul class="plain" id="dossier-opps">
                { for list.iter().map(|(pupil, plan)| {
                    let state = match plan {
                        None => t(lang, O::NoPlanYet).to_owned(),
                        Some(p) => match p.consent_status {
                            None => t(lang, O::NotPublished).to_owned(),
                            Some(s) => format!("{} {}: {}", t(lang, O::VersionLabel), p.latest_version, t(lang, O::Status(s))),
                        },
                    };
                    html! { <li id={format!("opp-status-{}", pupil.id)}>{ format!("{} — {state}", pupil.name) }</li> }
                }) }
            </ul>
        </section>
    }
}
