//! The web app: static files from the build directory, and `index.html` for every other
//! path so that deep links into the single-page app work.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpResponse, Responder};

/// The static-file service for `/`, with the SPA fallback as its default handler.
pub fn service(web_dir: &Path) -> Files {
    let index = web_dir.join("index.html");
    Files::new("/", web_dir).index_file("index.html").use_etag(true).use_last_modified(true).default_handler(
        fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let response = index_response(&index, &req).await;
                Ok(ServiceResponse::new(req, response))
            }
        }),
    )
}

async fn index_response(index: &PathBuf, req: &actix_web::HttpRequest) -> HttpResponse {
    // the shell is small and usually in the page cache; opening it does not block noticeably
    match NamedFile::open(index) {
        Ok(file) => {
            let mut response = file.respond_to(req).map_into_boxed_body();
            // the shell must be revalidated so that a new release is picked up at once
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-cache"),
            );
            response
        }
        Err(_) => HttpResponse::ServiceUnavailable()
            .insert_header(CacheControl(vec![CacheDirective::NoStore]))
            .content_type("text/plain; charset=utf-8")
            .body(format!(
                "The web app has not been built (no {}). Run `cargo xtask start`, or `cargo xtask build-web`.\n",
                index.display()
            )),
    }
}
