//! Writes the OpenAPI document: `cargo run -p arrangeer-api --bin openapi [-- PATH]`
//! (default `openapi/openapi.json`, `-` for standard output).

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let json = arrangeer_api::openapi::document_json();
    match std::env::args().nth(1).as_deref() {
        Some("-") => print!("{json}"),
        path => {
            // `cargo run` sets CARGO_MANIFEST_DIR for the program too: the checkout it was run
            // in, even when the binary was built in another clone sharing the target directory
            let default = || {
                let dir =
                    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
                format!("{dir}/../openapi/openapi.json")
            };
            let path = path.map_or_else(default, str::to_owned);
            let path = path.as_str();
            std::fs::write(path, json).with_context(|| format!("writing {path}"))?;
            eprintln!("wrote {path}");
        }
    }
    Ok(())
}
