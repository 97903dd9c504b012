//! Building the web app: cargo (WASM) → wasm-bindgen → wasm-opt → web/dist, skipping every
//! step whose output is newer than its input.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::setup::{WasmToolchain, modified, wasm_toolchain};
use crate::{Result, root, run, step, target_dir};

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";
/// The WebAssembly features Rust enables by default for this target.
const WASM_FEATURES: &[&str] = &[
    "bulk-memory",
    "mutable-globals",
    "nontrapping-float-to-int",
    "sign-ext",
    "reference-types",
    "multivalue",
];

/// The main module's glue (wasm-bindgen) and the link file (wasm-split-cli) through which
/// it loads the chunks.
const MAIN_JS: &str = "arrangeer_web.js";
const MAIN_WASM: &str = "arrangeer_web_bg.wasm";
const LINK_JS: &str = "__wasm_split.js";
/// What index.html loads first; it imports [`MAIN_JS`], which imports [`LINK_JS`].
const BOOT_JS: &str = "boot.js";

pub fn build() -> Result {
    let toolchain = wasm_toolchain()?;
    step(&format!("building the web app (WASM, {toolchain:?} toolchain)"));
    let wasm = compile(toolchain)?;

    let dist = dist_dir();
    std::fs::create_dir_all(&dist).map_err(|e| format!("creating {}: {e}", dist.display()))?;
    // the link file is written last: when it is newer than the compiled WASM, all is there
    if newer(&dist.join(LINK_JS), &wasm) && dist.join(MAIN_WASM).exists() {
        println!("web/dist is up to date with the compiled WASM");
    } else {
        split_bind_optimise(&wasm, &dist)?;
    }
    copy_static(&dist)?;
    print_size()
}

/// The linked WASM (with relocations) → wasm-split-cli: the main module, one module per
/// `#[wasm_split]` chunk, modules of the code that chunks share, and the link file →
/// wasm-bindgen on the main module → wasm-opt on every module → web/dist, chunk files named
/// with the build's hash.
fn split_bind_optimise(wasm: &Path, dist: &Path) -> Result {
    let staging = wasm.with_file_name("split");
    let _ = std::fs::remove_dir_all(&staging);
    let bindgen = staging.join("bindgen");
    std::fs::create_dir_all(&bindgen).map_err(|e| format!("creating {}: {e}", bindgen.display()))?;
    run(Command::new("wasm-split-cli").arg(wasm).arg(&staging).args(["--out-name", "arrangeer_web"]))?;
    run(Command::new("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--remove-name-section",
            "--remove-producers-section",
            // the chunks use the main module's function table (`__indirect_function_table`),
            // which wasm-bindgen would otherwise stop exporting
            "--keep-lld-exports",
            "--out-dir",
        ])
        .arg(&bindgen)
        .arg(staging.join("arrangeer_web.wasm")))?;

    let chunks = files_named(&staging, |name| {
        (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
    })?;
    let main = bindgen.join(MAIN_WASM);
    optimise(std::iter::once(main.clone()).chain(chunks.iter().map(|c| staging.join(c))).collect())?;

    // Chunk files carry the hash of all modules of this build: a page still running an older
    // build then cannot load a newer build's chunk (whose function and memory layout would not
    // match its main module); the old name is gone, so the load fails into the error state.
    let mut hash = Fnv::new();
    hash.file(&main)?;
    for chunk in &chunks {
        hash.file(&staging.join(chunk))?;
    }
    let build = format!("{:012x}", hash.0 >> 16);

    for stale in files_named(dist, |name| {
        name.starts_with("split_") || name.starts_with("chunk_") || name == LINK_JS || name == MAIN_WASM
    })? {
        let path = dist.join(stale);
        std::fs::remove_file(&path).map_err(|e| format!("removing {}: {e}", path.display()))?;
    }
    copy(&main, &dist.join(MAIN_WASM))?;
    copy(&bindgen.join(MAIN_JS), &dist.join(MAIN_JS))?;
    let link = staging.join(LINK_JS);
    let mut link_js =
        std::fs::read_to_string(&link).map_err(|e| format!("reading {}: {e}", link.display()))?;
    for chunk in &chunks {
        let named = chunk.replace(".wasm", &format!(".{build}.wasm"));
        let (from, to) = (format!("\"./{chunk}\""), format!("\"./{named}\""));
        if !link_js.contains(&from) {
            return Err(format!("{} does not load {chunk}", link.display()));
        }
        link_js = link_js.replace(&from, &to);
        copy(&staging.join(chunk), &dist.join(named))?;
    }
    let to = dist.join(LINK_JS);
    std::fs::write(&to, link_js).map_err(|e| format!("writing {}: {e}", to.display()))
}

/// wasm-opt on each module, two at a time (the main module takes longest).
fn optimise(modules: Vec<PathBuf>) -> Result {
    let wasm_opt = root().join("web/node_modules/.bin/wasm-opt");
    let start = |module: &Path| {
        Command::new(&wasm_opt)
            // exactly the features rustc emits for wasm32-unknown-unknown: `--all-features` would
            // let wasm-opt use proposals browsers do not ship yet (seen: compact imports)
            // `--converge` repeats -Oz while it still shrinks the module (-3 KB gzipped)
            .args(["-Oz", "--converge", "--strip-debug"])
            .args(WASM_FEATURES.iter().map(|f| format!("--enable-{f}")))
            .arg(module)
            .arg("-o")
            .arg(module)
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not run wasm-opt: {e}"))
    };
    let finish = |module: &Path, child: Child| -> Result {
        let out = child.wait_with_output().map_err(|e| format!("wasm-opt: {e}"))?;
        // wasm-opt cannot read a name subsection that wasm-split-cli writes into every chunk
        // (the names are dropped anyway); every other message is shown
        for line in String::from_utf8_lossy(&out.stderr).lines() {
            if !line.starts_with("warning: unknown name subsection") {
                eprintln!("{line}");
            }
        }
        if out.status.success() {
            Ok(())
        } else {
            Err(format!("wasm-opt on {} failed with {}", module.display(), out.status))
        }
    };
    let mut modules = modules.into_iter();
    let Some(first) = modules.next() else { return Ok(()) };
    let main = start(&first)?;
    let rest: Result = modules.try_for_each(|module| finish(&module, start(&module)?));
    finish(&first, main)?;
    rest
}

/// The names of the files in `dir` that `keep` accepts, sorted.
fn files_named(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| keep(name))
        .collect();
    names.sort();
    Ok(names)
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

/// FNV-1a, 64 bits: enough to tell builds apart in a file name.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn file(&mut self, path: &Path) -> Result {
        let bytes = std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
        Ok(())
    }
}

/// Compiles the web crate; returns the path of the `.wasm`.
fn compile(toolchain: WasmToolchain) -> Result<PathBuf> {
    // a target directory of its own, so that the host build never waits for its lock
    // (one per toolchain: their std and dependencies differ)
    let wasm_target_dir = target_dir().join(match toolchain {
        WasmToolchain::Rustup => "wasm",
        WasmToolchain::Debian => "wasm-deb",
    });
    let mut cmd = match toolchain {
        WasmToolchain::Rustup => Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())),
        WasmToolchain::Debian => {
            // Debian's cargo with Debian's rustc, never rustup's: with rustup's bin first on
            // PATH, cargo would otherwise compile with rustup's rustc and fail with E0514.
            let mut cmd = Command::new("/usr/bin/cargo");
            cmd.env("RUSTC", "/usr/bin/rustc")
                .env("RUSTDOC", "/usr/bin/rustdoc")
                .env("RUSTC_BOOTSTRAP", "1")
                .env_remove("RUSTUP_TOOLCHAIN");
            cmd
        }
    };
    cmd.env("CARGO_TARGET_DIR", &wasm_target_dir).current_dir(root()).args([
        "build",
        "-p",
        "arrangeer-web",
        "--target",
        TARGET,
        "--profile",
        PROFILE,
    ]);
    if toolchain == WasmToolchain::Debian {
        // std is built here anyway, so build it to abort without formatting a panic message:
        // no panic strings, locations or fmt machinery in the WASM (-30 KB gzipped). Given on
        // the command line, not in Cargo.toml, where stable cargo would reject the value.
        cmd.args([
            "-Zbuild-std=std,panic_abort",
            "-Zpanic-immediate-abort",
            "--config",
            &format!("profile.{PROFILE}.panic=\"immediate-abort\""),
        ]);
        if let Some(linker) = crate::setup::wasm_linker() {
            cmd.env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", linker);
        }
    }
    run(&mut cmd)?;
    Ok(wasm_target_dir.join(TARGET).join(PROFILE).join("arrangeer_web.wasm"))
}

fn dist_dir() -> PathBuf {
    root().join("web").join("dist")
}

fn newer(a: &Path, b: &Path) -> bool {
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a > b)
}

fn copy_static(dist: &Path) -> Result {
    let src = root().join("web").join("static");
    let entries = std::fs::read_dir(&src).map_err(|e| format!("reading {}: {e}", src.display()))?;
    for entry in entries.flatten() {
        let to = dist.join(entry.file_name());
        if !newer(&to, &entry.path()) {
            std::fs::copy(entry.path(), &to)
                .map_err(|e| format!("copying {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The most a browser may download, gzipped, before the first page shows: index.html's script,
/// the JS glue, the link file and the main WASM module, plus the chunk of that page if it has
/// one. The budget of issue 6, enforced by `cargo xtask test` for the routes a user enters by
/// ([`ENTRY_ROUTES`]); the other pages' chunks come later, when the user first goes there.
pub const BUDGET_BYTES: usize = 350 * 1024;

/// The routes a user enters the app by, with the chunk their page needs (`None`: the page is in
/// the main module): the login, the start page of every role, and a parent's "mijn kind".
/// `app::switch` in the web crate decides which page is where; the browser test
/// `browser_chunks` checks that these pages fetch no other chunk.
const ENTRY_ROUTES: &[(&str, Option<&str>)] =
    &[("/inloggen", None), ("/ (every role's start page)", None), ("/mijn-kind", Some("my_child"))];

/// A ratchet on all files together (every page's code, as a user who opens every page
/// downloads it): `cargo xtask test` fails when the total grows past this. Lower it whenever
/// the app shrinks.
///
/// Set from the build with rustup's stable toolchain (630.9 KB with the parent's "who viewed the
/// file"; 623.1 KB before it; as one module the app was
/// 581.2 KB: what splitting costs is in README), plus ~4 KB for drift between compiler and
/// dependency versions.
pub const TOTAL_CEILING_BYTES: usize = 634 * 1024;

/// Prints the gzipped sizes: the initial download, each chunk, each entry route, all files.
pub fn print_size() -> Result {
    measure().map(|_| ())
}

/// Fails with a clear message when an entry route's initial download exceeds [`BUDGET_BYTES`]
/// or all files together exceed [`TOTAL_CEILING_BYTES`].
pub fn check_budget() -> Result {
    let sizes = measure()?;
    let (route, largest) = sizes
        .entries
        .iter()
        .max_by_key(|(_, bytes)| *bytes)
        .map(|(route, bytes)| (*route, *bytes))
        .unwrap_or(("/inloggen", sizes.initial));
    if largest > BUDGET_BYTES {
        return Err(format!(
            "the initial download of {route} is {:.1} KB gzipped, over the budget of {} KB by {:.1} KB; \
             see README \"Size of the web app\"",
            kb(largest),
            BUDGET_BYTES / 1024,
            kb(largest - BUDGET_BYTES)
        ));
    }
    if sizes.total > TOTAL_CEILING_BYTES {
        return Err(format!(
            "all files of the web app together are {:.1} KB gzipped, over their ceiling of {} KB by \
             {:.1} KB; see README \"Size of the web app\"",
            kb(sizes.total),
            TOTAL_CEILING_BYTES / 1024,
            kb(sizes.total - TOTAL_CEILING_BYTES)
        ));
    }
    println!(
        "  budget holds: the largest initial download ({route}) is {:.1} KB of {} KB; \
         all files together {:.1} KB, under their ceiling of {} KB",
        kb(largest),
        BUDGET_BYTES / 1024,
        kb(sizes.total),
        TOTAL_CEILING_BYTES / 1024
    );
    Ok(())
}

struct Sizes {
    /// What every entry route downloads (main module, glue, link file, boot script).
    initial: usize,
    /// Each entry route's initial download.
    entries: Vec<(&'static str, usize)>,
    /// All WASM and JS files of the build.
    total: usize,
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// Prints each file's gzipped size and sums them up.
fn measure() -> Result<Sizes> {
    let dist = dist_dir();
    let link = dist.join(LINK_JS);
    let link_js = std::fs::read_to_string(&link)
        .map_err(|e| format!("reading {}: {e} (run `cargo xtask build-web`)", link.display()))?;
    let loaders = parse_link(&link_js);

    println!("  initial download (before the first page shows):");
    let mut initial = 0;
    for file in [BOOT_JS, MAIN_JS, LINK_JS, MAIN_WASM] {
        let (raw, gz) = gzipped(&dist.join(file))?;
        println!("    {file:<40} {raw:>8} bytes, {gz:>7} bytes gzipped");
        initial += gz;
    }
    println!("    = {:.1} KB", kb(initial));

    let mut gz_of = std::collections::BTreeMap::new();
    for loader in &loaders {
        if let Some(file) = &loader.file {
            gz_of.insert(loader.name.clone(), gzipped(&dist.join(file))?.1);
        }
    }
    // a chunk with the modules of code it shares with other chunks, loaded along with it
    let with_shared = |name: &str| -> (usize, usize, usize) {
        let Some(loader) = loaders.iter().find(|l| l.name == name) else { return (0, 0, 0) };
        let own = gz_of.get(name).copied().unwrap_or(0);
        let shared: usize = loader.deps.iter().filter_map(|d| gz_of.get(d)).sum();
        (own, loader.deps.len(), own + shared)
    };
    println!("  chunks (loaded when one of their pages is first opened):");
    for loader in loaders.iter().filter(|l| !l.name.starts_with("__chunk_")) {
        let (own, shared, all) = with_shared(&loader.name);
        println!(
            "    {:<14} {:>6.1} KB, with the {shared:>2} modules it shares with other chunks {:>6.1} KB",
            loader.name,
            kb(own),
            kb(all)
        );
    }
    let mut entries = Vec::new();
    println!("  initial download per entry route (budget {} KB):", BUDGET_BYTES / 1024);
    for (route, chunk) in ENTRY_ROUTES {
        let bytes = initial + chunk.map_or(0, |c| with_shared(c).2);
        println!("    {route:<30} {:>6.1} KB", kb(bytes));
        entries.push((*route, bytes));
    }
    let mut total = 0;
    for file in files_named(&dist, |n| n.ends_with(".wasm") || n.ends_with(".js"))? {
        total += gzipped(&dist.join(file))?.1;
    }
    println!("  all files together (every page): {:.1} KB", kb(total));
    Ok(Sizes { initial, entries, total })
}

/// A file's size and its size gzipped (`gzip -9`).
fn gzipped(path: &Path) -> Result<(u64, usize)> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("gzip {}: {e}", path.display()))?;
    if !out.status.success() {
        return Err(format!("no {} (run `cargo xtask build-web`)", path.display()));
    }
    let raw = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok((raw, out.stdout.len()))
}

/// One loader of the link file: a chunk (`__wasm_split_load_<name>`, named `<name>` here) or a
/// module of code that chunks share (`__chunk_<n>`), its file, and the shared modules it needs.
#[derive(Debug, PartialEq)]
struct Loader {
    name: String,
    file: Option<String>,
    deps: Vec<String>,
}

/// Reads the loaders from wasm-split-cli's link file: each starts at a top-level
/// `const __chunk_<n> =` or `export const __wasm_split_load_<name> =` and ends with the list
/// of its dependencies, `, [ … ])`.
fn parse_link(js: &str) -> Vec<Loader> {
    let mut loaders = Vec::new();
    let mut current: Option<Loader> = None;
    for line in js.lines() {
        if current.is_none() {
            let Some(rest) = line.strip_prefix("export const ").or_else(|| line.strip_prefix("const "))
            else {
                continue;
            };
            let name = rest.split(' ').next().unwrap_or_default();
            let name = name.strip_prefix("__wasm_split_load_").unwrap_or(name);
            if !name.starts_with("__chunk_") && !rest.starts_with("__wasm_split_load_") {
                continue;
            }
            current = Some(Loader { name: name.to_owned(), file: None, deps: Vec::new() });
        }
        let Some(loader) = current.as_mut() else { continue };
        if loader.file.is_none()
            && let Some(file) = line.split("new URL(\"./").nth(1).and_then(|f| f.split('"').next())
        {
            loader.file = Some(file.to_owned());
        }
        if let Some(deps) = line.rsplit(", [").next().filter(|_| line.contains(", [")) {
            loader.deps = deps
                .split(']')
                .next()
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect();
            loaders.extend(current.take());
        }
    }
    loaders
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of wasm-split-cli 0.2.4's link file (abridged).
    const LINK: &str = r#"import { initSync } from "./arrangeer_web.js";
function makeLoad(fetcher, deps) {
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
    };
}
/* dossiers, my_child */
const __chunk_7 = makeLoad(() => {
    const src = fetch(new URL("./chunk_7.0123456789ab.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_my_child = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_my_child.0123456789ab.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_7, __chunk_9]));
export const __wasm_split_load_empty = wrapAsyncCb(makeLoad(() => async (_imp) => ({}), [__chunk_7]));
"#;

    #[test]
    fn link_file_gives_each_loader_its_file_and_shared_modules() {
        assert_eq!(
            parse_link(LINK),
            vec![
                Loader {
                    name: "__chunk_7".into(),
                    file: Some("chunk_7.0123456789ab.wasm".into()),
                    deps: vec![]
                },
                Loader {
                    name: "my_child".into(),
                    file: Some("split_my_child.0123456789ab.wasm".into()),
                    deps: vec!["__chunk_7".into(), "__chunk_9".into()],
                },
                Loader { name: "empty".into(), file: None, deps: vec!["__chunk_7".into()] },
            ]
        );
    }
}
