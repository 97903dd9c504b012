//! Writes the OpenAPI document: `cargo run -p arrangeer-api --bin openapi [-- PATH]`
//! (default `openapi/openapi.json`, `-` for standard output).

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let json = arrangeer_api::openapi::document_json();
    match std::env::args().nth(1).as_deref() {
        Some("-") => print!("{json}"),
        path => {
            let path = path.map_or_else(arrangeer_api::openapi::committed_path, str::to_owned);
            let path = path.as_str();
            std::fs::write(path, json).with_context(|| format!("writing {path}"))?;
            eprintln!("wrote {path}");
        }
    }
    Ok(())
}
