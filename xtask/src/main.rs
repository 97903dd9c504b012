//! Project automation, so that a newcomer needs two commands:
//!
//! - `cargo xtask start`: install what is missing, build the web app and the server, and start
//!   the whole system on SQLite with demo data at http://localhost:8080.
//! - `cargo xtask test`: install what is missing, then formatting, lints and every test (unit,
//!   API on SQLite, API on PostgreSQL when `TEST_DATABASE_URL` is set, browser end-to-end).
//!
//! Other commands: `setup`, `build-web`, `openapi`, `size`. Only the standard library is used,
//! so this builds in seconds on a fresh machine.

mod bench;
mod setup;
mod web;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo xtask <command>

  start        set up, build, and run the demo at http://localhost:8080 (SQLite, demo data)
  test         set up, then fmt + clippy + every test (PostgreSQL too when TEST_DATABASE_URL is set)
  setup        install missing tools only (WASM toolchain, wasm-bindgen, wasm-opt, Chromium)
  build-web    build the web app into web/dist
  openapi      regenerate openapi/openapi.json
  size         print the gzipped sizes of the built web app (initial download, chunks, all)
  bench        seed a large partnership, load the release server with wrk, print the figures
               [--postgres [URL]] [--scale N] [--duration SECONDS] [--connections N]
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("start") => start(),
        Some("test") => test(),
        Some("setup") => setup::all(true),
        Some("build-web") => setup::all(false).and_then(|_| web::build()),
        Some("openapi") => cargo(&["run", "--quiet", "-p", "arrangeer-api", "--bin", "openapi"], &[]),
        Some("size") => web::print_size(),
        Some("bench") => bench::bench(&args[1..]),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn start() -> Result {
    setup::all(false)?;
    web::build()?;
    step("building the server");
    cargo(&["build", "-p", "arrangeer-api", "--bin", "arrangeer"], &[])?;
    let binary = target_dir().join("debug").join("arrangeer");
    step("starting Arrangeer (Ctrl-C stops it)");
    let status = Command::new(&binary)
        .args(["serve", "--demo"])
        .current_dir(root())
        .env("ARRANGEER_WEB_DIR", root().join("web").join("dist"))
        .env("ARRANGEER_BIND", std::env::var("ARRANGEER_BIND").unwrap_or_else(|_| "127.0.0.1:8080".into()))
        .status()
        .map_err(|e| format!("could not run {}: {e}", binary.display()))?;
    if status.success() { Ok(()) } else { Err(format!("the server exited with {status}")) }
}

fn test() -> Result {
    setup::all(true)?;
    web::build()?;
    step("size of the web app (gzipped): initial download within the budget, all files under their ceiling");
    web::check_budget()?;
    step("OpenAPI document (openapi-spec-validator)");
    setup::validate_openapi(&root().join("openapi").join("openapi.json"))?;
    step("formatting (cargo fmt --check)");
    cargo(&["fmt", "--all", "--", "--check"], &[])?;
    step("lints (cargo clippy -D warnings)");
    cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], &[])?;

    // the web app's own unit tests (the JSON decoder, formatting, reducers) run on the host:
    // they touch no browser API, and the browser tests below cover what does
    step("web app unit tests (host)");
    cargo(&["test", "-p", "arrangeer-web", "--lib"], &[])?;

    let web_dir = root().join("web").join("dist");
    let web_dir = web_dir.to_string_lossy().into_owned();
    let st = setup::schemathesis()?;
    let st = st.to_string_lossy().into_owned();
    step("tests on SQLite: unit, API, OpenAPI drift, durability, schemathesis, browser");
    cargo(
        &["test", "--workspace", "--exclude", "arrangeer-web"],
        &[
            ("TEST_DATABASE_URL", None),
            ("ARRANGEER_TEST_WEB_DIR", Some(&web_dir)),
            ("ARRANGEER_SCHEMATHESIS", Some(&st)),
        ],
    )?;
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            // the same package selection as above: another one would unify features
            // differently and rebuild the workspace's own crates
            step("tests on PostgreSQL: API, durability, schemathesis, browser");
            cargo(
                &["test", "--workspace", "--exclude", "arrangeer-web"],
                &[
                    ("TEST_DATABASE_URL", Some(&url)),
                    // the test server is on loopback, so TLS buys nothing; with it, libpq's
                    // OpenSSL teardown at process exit raced r2d2's reconnecting threads (their
                    // test database just dropped) and aborted ~1 test binary in 15 with
                    // "double free or corruption"; without it, 0 in 55
                    ("PGSSLMODE", Some("disable")),
                    ("ARRANGEER_TEST_WEB_DIR", Some(&web_dir)),
                    ("ARRANGEER_SCHEMATHESIS", Some(&st)),
                ],
            )?;
        }
        _ => step("PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://… to run them"),
    }
    step("all tests passed");
    Ok(())
}

/// Runs the workspace's cargo (the one that invoked us) with extra or removed variables.
fn cargo(args: &[&str], env: &[(&str, Option<&str>)]) -> Result {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(args).current_dir(root());
    for (key, value) in env {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    run(&mut cmd)
}

/// Runs a command, failing with its command line when it fails.
fn run(cmd: &mut Command) -> Result {
    let status = cmd.status().map_err(|e| format!("could not run {cmd:?}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{cmd:?} failed with {status}")) }
}

/// Prints a step header (it shows up in the CI log).
fn step(what: &str) {
    println!("\n==> {what}");
}

/// The workspace root: of the checkout `cargo xtask` was run in. `cargo run` sets
/// `CARGO_MANIFEST_DIR` for the program too, and that is the one to trust: cargo's
/// fingerprints do not depend on where a checkout lies, so with a shared `CARGO_TARGET_DIR`
/// (as `.ci/run` uses) an xtask built in one clone is reused by another whose files are older,
/// and the path compiled in (`env!`) would point at the first clone: it would build, test and
/// benchmark that clone's code.
fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into());
    manifest_dir.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR`.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() { dir } else { root().join(dir) }
        }
        _ => root().join("target"),
    }
}

/// Whether a program answers `--version` successfully.
fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A program's `--version` output.
fn version_of(program: &str) -> Option<String> {
    let out = Command::new(program).arg("--version").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}
