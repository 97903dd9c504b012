//! The documents of a dossier: the list, and an upload form with a progress bar (the file
//! goes up with `XMLHttpRequest`, see `api/upload.rs`). Errors are tied to their fields.

use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::pupils::PupilRef;
use arrangeer_shared::ids::{ArrangementId, PupilId};
use arrangeer_shared::kinds::AttachmentKind;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};

use crate::api::ClientError;
use crate::api::upload::{UploadRequest, upload_attachment};
use crate::components::feedback::{ErrorBoxProps, LoadingProps, error_box, loading};
use crate::components::fields::{described_by, hint_and_error};
use crate::components::{expire_on_401, focus_by_id};
use crate::format;
use crate::i18n::{Lang, U, t};
use crate::session::use_app;

#[derive(Properties, PartialEq)]
pub struct UploadsProps {
    pub lang: Lang,
    pub token: AttrValue,
    pub arrangement: ArrangementId,
    pub pupils: Vec<PupilRef>,
    /// Whether the caller may add documents (not on a closed dossier, not for parents).
    pub writable: bool,
}

#[derive(Clone, PartialEq)]
enum Sending {
    Idle,
    /// Percent sent.
    Busy(u32),
    Done(String),
    Failed(ClientError),
}

fn size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        // in whole tenths: no float formatting code in the WASM
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

fn field_error(lang: Lang, err: &ClientError, field: &str) -> Option<AttrValue> {
    let wants = |f: &str| {
        f == field
            || (field == "upload-file" && f == "file")
            || (field == "upload-kind" && f == "kind")
            || (field == "upload-pupil" && f == "pupilId")
    };
    if err.status() == Some(413) && field == "upload-file" {
        return Some(t(lang, U::FileTooLarge).into());
    }
    err.field_errors().iter().find(|e| wants(&e.field)).map(|e| {
        AttrValue::from(match lang {
            Lang::En => e.message.clone(),
            Lang::Nl => format!("{} ({})", t(lang, U::FieldRefused), e.code),
        })
    })
}

#[component]
pub fn Uploads(props: &UploadsProps) -> Html {
    let lang = props.lang;
    let app = use_app();
    let list = use_value(|| None::<Result<Vec<AttachmentResponse>, ClientError>>);
    let round = use_value(|| 0u32);
    let kind = use_value(|| AttachmentKind::Opp);
    let pupil = use_value(|| props.pupils.first().map(|p| p.id));
    let sending = use_value(|| Sending::Idle);
    let missing_file = use_value(|| false);
    let file_input = use_node_ref();
    {
        let (list, token, app) = (list.clone(), props.token.clone(), app.clone());
        use_effect_on((props.arrangement, *round), move |(id, _)| {
            let id = *id;
            crate::spawn(async move {
                let result = crate::api::dashboard::list_attachments(&token, id).await;
                if let Err(err) = &result {
                    expire_on_401(&app, err);
                }
                list.set(Some(result));
            });
        });
    }
    let retry = {
        let round = round.clone();
        Callback::from(move |_: MouseEvent| round.set(*round + 1))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(k) = AttachmentKind::parse(&value) {
                kind.set(k);
            }
        })
    };
    let on_pupil = {
        let pupil = pupil.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            pupil.set(value.parse::<PupilId>().ok());
        })
    };
    let on_submit = {
        let (sending, kind, pupil, file_input, missing_file) =
            (sending.clone(), kind.clone(), pupil.clone(), file_input.clone(), missing_file.clone());
        let (token, id, round, app) = (props.token.clone(), props.arrangement, round.clone(), app.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(file) =
                file_input.cast::<HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0))
            else {
                missing_file.set(true);
                focus_by_id("upload-file");
                return;
            };
            missing_file.set(false);
            let name = file.name();
            let request = UploadRequest {
                kind: *kind,
                pupil: (*kind == AttachmentKind::Opp).then_some(*pupil).flatten(),
                file,
            };
            sending.set(Sending::Busy(0));
            let (sending, token, round, app, file_input) =
                (sending.clone(), token.clone(), round.clone(), app.clone(), file_input.clone());
            crate::spawn(async move {
                let progress = sending.clone();
                let result = upload_attachment(&token, id, request, move |fraction| {
                    progress.set(Sending::Busy((fraction * 100.0).round() as u32));
                })
                .await;
                match result {
                    Ok(_) => {
                        sending.set(Sending::Done(name));
                        if let Some(input) = file_input.cast::<HtmlInputElement>() {
                            input.set_value("");
                        }
                        round.set(*round + 1);
                        focus_by_id("upload-result");
                    }
                    Err(err) => {
                        expire_on_401(&app, &err);
                        sending.set(Sending::Failed(err));
                        focus_by_id("upload-error");
                    }
                }
            });
        })
    };

    let listing = match &*list {
        None => html! { { loading(&yew::props!(LoadingProps { lang: lang })) } },
        Some(Err(err)) => {
            html! { { error_box(&yew::props!(ErrorBoxProps { lang: lang, error: err.clone(), on_retry: retry, id: "attachments-error" })) } }
        }
        Some(Ok(items)) if items.is_empty() => {
            html! { <p class="empty" id="attachments-empty">{ t(lang, U::NoDocuments) }</p> }
        }
        Some(Ok(items)) => html! {
            <ul class="plain dash-list" id="attachments-list">
                { for items.iter().map(|a| html! {
                    <li>
                        <span class="icon" aria-hidden="true">{ "📄 " }</span>
                        <strong>{ t(lang, U::AttachmentKind(a.kind)) }</strong>{ format!(": {} ({}) — {}", a.file_name, size(a.size_bytes), format::day(lang, a.created_at)) }
                    </li>
                }) }
            </ul>
        },
    };
    let failed = match &*sending {
        Sending::Failed(err) => Some(err.clone()),
        _ => None,
    };
    let file_error = if *missing_file {
        Some(AttrValue::from(t(lang, U::ChooseFile)))
    } else {
        failed.as_ref().and_then(|e| field_error(lang, e, "upload-file"))
    };
    let kind_error = failed.as_ref().and_then(|e| field_error(lang, e, "upload-kind"));
    let pupil_error = failed.as_ref().and_then(|e| field_error(lang, e, "upload-pupil"));
    let busy = matches!(*sending, Sending::Busy(_));
    let file_hint = AttrValue::from(t(lang, U::FileHint));
    html! {
        <>
            { listing }
            if props.writable {
                <form class="upload-form" id="upload-form" onsubmit={on_submit} novalidate=true>
                    <h3 id="upload-heading">{ t(lang, U::UploadHeading) }</h3>
                    <div class="field">
                        <label for="upload-kind">{ t(lang, U::DocumentKind) }</label>
                        <select id="upload-kind" onchange={on_kind} aria-invalid={kind_error.is_some().to_string()}
                            aria-describedby={described_by("upload-kind", false, kind_error.is_some())}>
                            { for AttachmentKind::ALL.iter().map(|k| html! {
                                <option value={k.as_str()} selected={*k == *kind}>{ t(lang, U::AttachmentKind(*k)) }</option>
                            }) }
                        </select>
                        { hint_and_error("upload-kind", None, kind_error.as_ref()) }
                    </div>
                    if *kind == AttachmentKind::Opp {
                        <div class="field">
                            <label for="upload-pupil">{ t(lang, U::DocumentPupil) }</label>
                            <select id="upload-pupil" onchange={on_pupil} aria-invalid={pupil_error.is_some().to_string()}
                                aria-describedby={described_by("upload-pupil", false, pupil_error.is_some())}>
                                { for props.pupils.iter().map(|p| html! {
                                    <option value={p.id.to_string()} selected={Some(p.id) == *pupil}>{ &p.name }</option>
                                }) }
                            </select>
                            { hint_and_error("upload-pupil", None, pupil_error.as_ref()) }
                        </div>
                    }
                    <div class="field">
                        <label for="upload-file">{ t(lang, U::DocumentFile) }</label>
                        <input type="file" id="upload-file" ref={file_input} aria-invalid={file_error.is_some().to_string()}
                            aria-describedby={described_by("upload-file", true, file_error.is_some())} />
                        { hint_and_error("upload-file", Some(&file_hint), file_error.as_ref()) }
                    </div>
                    <button type="submit" class="button primary" id="upload-submit" disabled={busy}>
                        { t(lang, if busy { U::Uploading } else { U::Upload }) }
                    </button>
                    if let Sending::Busy(percent) = *sending {
                        <div class="upload-progress" role="status">
                            <label for="upload-progress">{ t(lang, U::UploadProgress) }</label>
                            <progress id="upload-progress" max="100" value={percent.to_string()}>{ format!("{percent}%") }</progress>
                            <span aria-hidden="true">{ format!(" {percent}%") }</span>
                        </div>
                    }
                    if let Sending::Done(name) = &*sending {
                        <p class="notice success" role="status" id="upload-result" tabindex="-1">
                            <span aria-hidden="true">{ "✓ " }</span>{ format!("{}: {name}", t(lang, U::Uploaded)) }
                        </p>
                    }
                    if let Some(err) = &failed {
                        { error_box(&yew::props!(ErrorBoxProps { lang: lang, error: err.clone(), id: "upload-error" })) }
                    }
                </form>
            }
        </>
    }
}
