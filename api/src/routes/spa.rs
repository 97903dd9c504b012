//! The web app: static files from the build directory, and `index.html` for every other
//! path so that deep links into the single-page app work. A missing *file* (a path whose last
//! segment has an extension, such as a chunk of an older build) is a 404, not the shell.
//! Files whose names carry the build's hash (the chunks loaded on demand) never change, so
//! browsers may keep them for a year without asking again.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{HttpServiceFactory, Service, ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpResponse, Responder, ResponseError, web};

use crate::error::ApiError;

/// The static-file service for `/`, with the SPA fallback as its default handler.
pub fn service(web_dir: &Path) -> impl HttpServiceFactory + 'static {
    let index = web_dir.join("index.html");
    let files = Files::new("/", web_dir)
        .index_file("index.html")
        .use_etag(true)
        .use_last_modified(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let response = if names_a_file(req.path()) {
                    ApiError::RouteNotFound.error_response()
                } else {
                    index_response(&index, &req).await
                };
                Ok(ServiceResponse::new(req, response))
            }
        }));
    web::scope("")
        .wrap_fn(|req, srv| {
            let immutable = is_hashed_asset(req.path());
            let response = srv.call(req);
            async move {
                let mut response = response.await?;
                if immutable && response.status().is_success() {
                    response.headers_mut().insert(
                        header::CACHE_CONTROL,
                        header::HeaderValue::from_static("public, max-age=31536000, immutable"),
                    );
                }
                Ok(response)
            }
        })
        .service(files)
}

/// Whether the path's last segment is a file name (`…/name.ext`): routes of the app never are.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|last| {
        last.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && !ext.is_empty() && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        })
    })
}

/// A file whose name carries the build's hash (`split_office.abee464a6886.wasm`,
/// `chunk_7.abee464a6886.wasm`): another build gets another name.
fn is_hashed_asset(path: &str) -> bool {
    let Some(name) = path.strip_prefix('/').filter(|n| !n.contains('/')) else { return false };
    let mut parts = name.rsplitn(3, '.');
    let (Some(ext), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    matches!(ext, "wasm" | "js")
        && (stem.starts_with("split_") || stem.starts_with("chunk_"))
        && hash.len() >= 8
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
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

#[cfg(test)]
mod tests {
    use super::{is_hashed_asset, names_a_file};

    #[test]
    fn app_routes_are_not_files_but_assets_are() {
        for route in ["/", "/inloggen", "/dossiers/3f2c9a1e-0000-4000-8000-000000000001", "/leerlingen/x/opp"]
        {
            assert!(!names_a_file(route), "{route}");
        }
        for file in ["/arrangeer_web_bg.wasm", "/split_office.abee464a6886.wasm", "/style.css", "/a/b.js"] {
            assert!(names_a_file(file), "{file}");
        }
    }

    #[test]
    fn only_chunks_named_with_a_build_hash_are_immutable() {
        assert!(is_hashed_asset("/split_office.abee464a6886.wasm"));
        assert!(is_hashed_asset("/chunk_12.abee464a6886.wasm"));
        for path in [
            "/arrangeer_web_bg.wasm",
            "/boot.js",
            "/__wasm_split.js",
            "/split_office.wasm",
            "/x/chunk_1.abcdef12.wasm",
        ] {
            assert!(!is_hashed_asset(path), "{path}");
        }
    }
}
