//! On the school's dossier page: each pupil's development plan and the parents' consent on
//! its latest published version.

use arrangeer_shared::api::opps::OppSummary;
use arrangeer_shared::api::pupils::PupilRef;
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use crate::api;
use crate::app::Route;
use crate::components::AppLink;
use crate::components::opp_invite::GuardianInvite;
use crate::i18n::{E, Lang, O, t};
use crate::session::use_app;

#[derive(Properties, PartialEq)]
pub struct OppStatusProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub pupils: Vec<PupilRef>,
}

#[component]
pub fn OppConsentStatus(props: &OppStatusProps) -> Html {
    let lang = props.lang;
    let role = use_app().session.as_ref().map(|s| s.user.role);
    let school = role == Some(arrangeer_shared::Role::School);
    type Plans = Result<Vec<(PupilRef, Option<OppSummary>)>, crate::api::ClientError>;
    let plans = use_value(|| None::<Plans>);
    {
        let plans = plans.clone();
        use_effect_on((props.token.clone(), props.pupils.clone()), move |(token, pupils)| {
            let (token, pupils) = (token.to_string(), pupils.clone());
            crate::spawn(async move {
                let found = async {
                    let mut found = Vec::new();
                    for pupil in pupils {
                        let plan = api::list_opps(&token, Some(pupil.id)).await?.items.into_iter().next();
                        found.push((pupil, plan));
                    }
                    Ok(found)
                };
                // a failure is said, not shown as "no plan yet"
                plans.set(Some(found.await));
            });
        });
    }
    let list = match &*plans {
        None => {
            return section(
                lang,
                html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } },
            );
        }
        Some(Err(err)) => {
            return section(
                lang,
                html! { { crate::components::feedback::error_box(&yew::props!(crate::components::feedback::ErrorBoxProps { lang: lang, error: err.clone() })) } },
            );
        }
        Some(Ok(list)) => list,
    };
    section(
        lang,
        html! {
            <ul class="plain" id="dossier-opps">
                { for list.iter().map(|(pupil, plan)| {
                    let state = match plan {
                        None => t(lang, O::NoPlanYet).to_owned(),
                        Some(p) => match p.consent_status {
                            None => t(lang, O::NotPublished).to_owned(),
                            Some(s) => format!("{} {}: {}", t(lang, O::VersionLabel), p.latest_version, t(lang, O::Status(s))),
                        },
                    };
                    let link = if school { E::OpenEditor } else { E::OpenPlan };
                    html! {
                        <li class="opp-pupil">
                            <span id={format!("opp-status-{}", pupil.id)}>{ format!("{} — {state}", pupil.name) }</span>
                            { " " }
                            <AppLink to={Route::PupilOpp { pupil: pupil.id }} id={AttrValue::from(format!("opp-open-{}", pupil.id))}>
                                { format!("{} ({})", t(lang, link), pupil.name) }
                            </AppLink>
                            if school {
                                <GuardianInvite lang={lang} token={props.token.clone()} pupil={pupil.id}
                                    pupil_name={AttrValue::from(pupil.name.clone())} />
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    )
}

fn section(lang: Lang, body: Html) -> Html {
    html! {
        <section class="part" aria-labelledby="opps-heading">
            <h2 id="opps-heading">{ t(lang, O::DossierOppsHeading) }</h2>
            { body }
        </section>
    }
}
