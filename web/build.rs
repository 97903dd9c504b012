//! The WASM build keeps its relocations, so that `wasm-split-cli` can cut the pages that are
//! loaded on demand into chunks of their own (see src/lazy.rs).

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32") {
        println!("cargo:rustc-cdylib-link-arg=--emit-relocs");
    }
}
