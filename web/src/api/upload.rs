//! Uploading a document with progress. `fetch` (and so gloo-net) cannot report upload
//! progress, so this one call uses `XMLHttpRequest` and its `upload.onprogress`.

use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::ids::{ArrangementId, PupilId};
use arrangeer_shared::kinds::AttachmentKind;
use js_sys::{Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

use super::{ClientError, url};

/// What is sent: the kind, the pupil (for an OPP) and the file.
pub struct UploadRequest {
    pub kind: AttachmentKind,
    pub pupil: Option<PupilId>,
    pub file: File,
}

fn js_error(e: JsValue) -> ClientError {
    ClientError::Network(e.as_string().unwrap_or_else(|| "the browser refused the upload".into()))
}

/// `POST /arrangements/{id}/attachments` as multipart; `on_progress` gets the fraction sent
/// (0.0–1.0) while the file goes up.
pub async fn upload_attachment(
    token: &str,
    id: ArrangementId,
    upload: UploadRequest,
    on_progress: impl Fn(f64) + 'static,
) -> Result<AttachmentResponse, ClientError> {
    // after a refresh the stored token is newer than the one the page holds
    let token = crate::session::stored().map(|s| s.token).unwrap_or_else(|| token.to_owned());
    let form = FormData::new().map_err(js_error)?;
    form.append_with_str("kind", upload.kind.as_str()).map_err(js_error)?;
    if let Some(pupil) = upload.pupil {
        form.append_with_str("pupilId", &pupil.to_string()).map_err(js_error)?;
    }
    form.append_with_blob_and_filename("file", &upload.file, &upload.file.name()).map_err(js_error)?;

    let xhr = XmlHttpRequest::new().map_err(js_error)?;
    xhr.open_with_async("POST", &url(&format!("/arrangements/{id}/attachments")), true).map_err(js_error)?;
    xhr.set_request_header("Accept", "application/json").map_err(js_error)?;
    xhr.set_request_header("Authorization", &format!("Bearer {token}")).map_err(js_error)?;

    let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            on_progress(e.loaded() / e.total());
        }
    });
    xhr.upload().map_err(js_error)?.set_onprogress(Some(progress.as_ref().unchecked_ref()));

    // the closures live until the answer is in (they are dropped at the end of this function)
    let mut on_load: Option<Closure<dyn FnMut()>> = None;
    let mut on_error: Option<Closure<dyn FnMut()>> = None;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        on_load = Some(Closure::new(move || {
            let _ = resolve.call0(&JsValue::NULL);
        }));
        on_error = Some(Closure::new(move || {
            let _ = reject.call0(&JsValue::NULL);
        }));
    });
    xhr.set_onload(on_load.as_ref().map(|c| c.as_ref().unchecked_ref()));
    xhr.set_onerror(on_error.as_ref().map(|c| c.as_ref().unchecked_ref()));
    xhr.send_with_opt_form_data(Some(&form)).map_err(js_error)?;
    let sent = JsFuture::from(promise).await;
    drop((progress, on_load, on_error));
    if sent.is_err() {
        return Err(ClientError::Network("the upload was interrupted".into()));
    }

    let status = xhr.status().map_err(js_error)?;
    let text = xhr.response_text().map_err(js_error)?.unwrap_or_default();
    if (200..300).contains(&status) {
        return super::decode(&text);
    }
    let problem = super::decode::<Problem>(&text).unwrap_or_else(|_| Problem {
        kind: "about:blank".into(),
        title: xhr.status_text().unwrap_or_default(),
        status,
        detail: String::new(),
        errors: Vec::new(),
        allowed_actions: Vec::new(),
        enrollment_token: None,
    });
    Err(if status == 401 { ClientError::Unauthenticated(problem) } else { ClientError::Problem(problem) })
}
