//! "Wie heeft het dossier bekeken?": on the parent's page, the staff who read or changed their
//! child's file, from the audit log (`GET /pupils/{id}/access-log`). Loaded when asked for:
//! most visits are about the plan, not the log.

use arrangeer_shared::api::audit::AccessLogEntry;
use arrangeer_shared::ids::PupilId;
use yew::prelude::*;

use crate::api::{self, ClientError};
use crate::components::error_message;
use crate::format;
use crate::hooks::use_value;
use crate::i18n::{Lang, O, T, t};

#[derive(Properties, PartialEq)]
pub struct AccessLogProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub pupil: PupilId,
    /// The child's name, for the table's caption.
    pub name: AttrValue,
}

#[component]
pub fn AccessLog(props: &AccessLogProps) -> Html {
    let lang = props.lang;
    let entries = use_value(|| None::<Result<Vec<AccessLogEntry>, ClientError>>);
    let busy = use_value(|| false);
    let show = {
        let (entries, busy, token, pupil) =
            (entries.clone(), busy.clone(), props.token.to_string(), props.pupil);
        Callback::from(move |_: MouseEvent| {
            let (entries, busy, token) = (entries.clone(), busy.clone(), token.clone());
            busy.set(true);
            crate::spawn(async move {
                entries.set(Some(api::opps::pupil_access_log(&token, pupil).await.map(|page| page.items)));
                busy.set(false);
            });
        })
    };
    let id = format!("access-log-{}", props.pupil);
    let body = match &*entries {
        None => html! {
            <button type="button" class="button secondary" id={format!("{id}-show")} disabled={*busy} onclick={show}>
                { t(lang, O::AccessLogShow) }
            </button>
        },
        Some(Err(err)) => html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p id={format!("{id}-empty")}>{ t(lang, O::AccessLogEmpty) }</p> }
        }
        Some(Ok(list)) => html! {
            <div class="table-wrap"><table class="data" id={format!("{id}-table")}>
                <caption>{ format!("{} {}", t(lang, O::AccessLogCaption), props.name) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, O::AccessLogWhen) }</th>
                        <th scope="col">{ t(lang, O::AccessLogWho) }</th>
                        <th scope="col">{ t(lang, O::AccessLogRole) }</th>
                        <th scope="col">{ t(lang, O::AccessLogWhat) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|e| html! {
                        <tr>
                            <td>{ format::moment(lang, e.created_at) }</td>
                            <td>{ &e.name }</td>
                            <td>{ t(lang, T::Role(e.role)) }</td>
                            <td>{ format!("{} {}", t(lang, O::Audit(e.action)), t(lang, O::AuditOn(e.object_type))) }</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        },
    };
    html! {
        <section class="access-log" aria-labelledby={format!("{id}-heading")}>
            <h3 id={format!("{id}-heading")}>{ t(lang, O::AccessLogHeading) }</h3>
            <p class="hint">{ t(lang, O::AccessLogExplain) }</p>
            <div aria-live="polite">{ body }</div>
        </section>
    }
}
