//! Installing what the build and the tests need, only when it is missing.
//!
//! The WASM target comes from rustup when it can (a normal developer machine). Where rustup
//! cannot add it (a closed network), Debian's `rustc-web` toolchain builds the standard
//! library from source instead (see ../shared/TOOLCHAIN.md and README "Building the web app").

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Result, has, root, run, step, version_of};

/// How the web app's WASM gets compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WasmToolchain {
    /// rustup's toolchain with its prebuilt `wasm32-unknown-unknown` standard library.
    Rustup,
    /// Debian's `rustc-web` (/usr/bin/rustc) building std from `rust-web-src` (`-Zbuild-std`).
    Debian,
}

/// Everything `start` needs, plus the browser when `browser` is set (for `test`).
pub fn all(browser: bool) -> Result {
    wasm_toolchain()?;
    wasm_bindgen_cli()?;
    wasm_split_cli()?;
    node_tools()?;
    if browser {
        chromium()?;
        poppler()?;
    }
    Ok(())
}

pub fn wasm_toolchain() -> Result<WasmToolchain> {
    // Debian's first when it is there: it builds std with immediate-abort panics, which makes
    // the app ~30 KB (gzipped) smaller than rustup's prebuilt std (README "Size of the web app")
    if debian_toolchain_ready() {
        return Ok(WasmToolchain::Debian);
    }
    if rustup_has_wasm_target() {
        return Ok(WasmToolchain::Rustup);
    }
    if has("rustup") {
        step("adding the wasm32-unknown-unknown target with rustup (gives up after 90 s)");
        let mut cmd = Command::new("rustup");
        cmd.args(["target", "add", "wasm32-unknown-unknown"]);
        if run_with_timeout(&mut cmd, Duration::from_secs(90)) && rustup_has_wasm_target() {
            return Ok(WasmToolchain::Rustup);
        }
        println!("rustup could not add the target; falling back to Debian's rustc-web toolchain");
    }
    apt_install(&["rustc-web", "cargo-web", "rust-web-src", "lld-22"])?;
    if debian_toolchain_ready() {
        Ok(WasmToolchain::Debian)
    } else {
        Err("no WASM toolchain: run `rustup target add wasm32-unknown-unknown`, or on Debian \
             install rustc-web cargo-web rust-web-src lld-22"
            .into())
    }
}

fn rustup_has_wasm_target() -> bool {
    Command::new("rustup").args(["target", "list", "--installed"]).output().is_ok_and(|o| {
        o.status.success()
            && String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown")
    })
}

/// Debian's toolchain is usable when its rustc is new enough for this workspace, the standard
/// library's source is there, and `rust-lld` resolves (it points at `lld-22`).
fn debian_toolchain_ready() -> bool {
    let new_enough = version_of("/usr/bin/rustc")
        .and_then(|v| v.split_whitespace().nth(1).map(str::to_owned))
        .and_then(|v| {
            let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
            Some((parts.next()??, parts.next()??))
        })
        .is_some_and(|(major, minor)| major == 1 && minor >= 95);
    new_enough
        && Path::new("/usr/bin/cargo").exists()
        && Path::new("/usr/lib/rustlib/src/rust/library/std").is_dir()
        && wasm_linker_ok()
}

/// `rust-lld` for the WASM link: Debian's points at `lld-22`; where it is missing, rustup's
/// (any installed toolchain's) serves as well. `None`: use rustc's default.
pub fn wasm_linker() -> Option<std::path::PathBuf> {
    if Path::new("/usr/bin/rust-lld").exists() {
        return None;
    }
    let print = |what: &str| {
        let out = Command::new("rustc").args(["--print", what]).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let (sysroot, host) = (print("sysroot")?, print("host-tuple")?);
    let lld = Path::new(&sysroot).join("lib/rustlib").join(host).join("bin/rust-lld");
    lld.exists().then_some(lld)
}

fn wasm_linker_ok() -> bool {
    Path::new("/usr/bin/rust-lld").exists() || wasm_linker().is_some()
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""#
            && let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(version.trim_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn wasm_bindgen_cli() -> Result {
    let wanted = locked_wasm_bindgen_version()?;
    if version_of("wasm-bindgen").is_some_and(|v| v.ends_with(&wanted)) {
        return Ok(());
    }
    step(&format!("installing wasm-bindgen-cli {wanted} (once; a few minutes)"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(Command::new(cargo).args(["install", "wasm-bindgen-cli", "--version", &format!("={wanted}")]))
}

/// The splitter that cuts the web app's chunks out of the linked WASM (see web/src/lazy.rs),
/// from crates.io like wasm-bindgen-cli. Pinned: the link file it writes is read by
/// `web::parse_link`, and its input format must match the `wasm_split_helpers` in Cargo.lock.
const WASM_SPLIT_CLI: &str = "0.2.4";

fn wasm_split_cli() -> Result {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // the binary has no `--version`; cargo's list of installed packages tells the version
    let listed = Command::new(&cargo).args(["install", "--list"]).output().is_ok_and(|o| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .any(|l| l.starts_with(&format!("wasm_split_cli_support v{WASM_SPLIT_CLI}:")))
    });
    if listed && Command::new("wasm-split-cli").arg("--help").output().is_ok_and(|o| o.status.success()) {
        return Ok(());
    }
    step(&format!("installing wasm-split-cli {WASM_SPLIT_CLI} (once; a few minutes)"));
    run(Command::new(cargo).args([
        "install",
        "wasm_split_cli_support",
        "--version",
        &format!("={WASM_SPLIT_CLI}"),
        "--features",
        "build-binary",
    ]))
}

/// wasm-opt (from npm's `binaryen`: Debian's is too old for current Rust output) and axe-core
/// (the accessibility check the browser tests inject into the pages).
fn node_tools() -> Result {
    if !has("npm") {
        apt_install(&["nodejs", "npm"])?;
    }
    let web = root().join("web");
    let installed = web.join("node_modules").join(".package-lock.json");
    let lock = web.join("package-lock.json");
    let stale = match (modified(&installed), modified(&lock)) {
        (Some(installed), Some(lock)) => installed < lock,
        _ => true,
    };
    if stale
        || !web.join("node_modules/.bin/wasm-opt").exists()
        || !web.join("node_modules/axe-core/axe.min.js").exists()
    {
        step("installing the web build tools from npm (npm ci)");
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&web))?;
    }
    Ok(())
}

fn chromium() -> Result {
    if has("chromium") && has("chromedriver") {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// `pdftotext`, with which the tests read the decision letters the server renders.
fn poppler() -> Result {
    if has("pdftotext") {
        return Ok(());
    }
    apt_install(&["poppler-utils"])
}

/// Validates an OpenAPI document with PyPI's `openapi-spec-validator`, kept in a virtualenv
/// under the target directory.
pub fn validate_openapi(spec: &Path) -> Result {
    const VALIDATOR: &str = "openapi-spec-validator==0.9.0";
    let venv = crate::target_dir().join("tools").join("openapi-venv");
    let validator = venv.join("bin").join("openapi-spec-validator");
    if !validator.exists() {
        python_venv(&venv)?;
        run(Command::new(venv.join("bin").join("pip")).args(["install", "--quiet", VALIDATOR]))?;
    }
    run(Command::new(validator).arg(spec))
}

/// Installs schemathesis (PyPI) into a virtualenv under the target directory; returns its `st`.
pub fn schemathesis() -> Result<std::path::PathBuf> {
    const SCHEMATHESIS: &str = "schemathesis==4.32.5";
    let venv = crate::target_dir().join("tools").join("schemathesis-venv");
    let st = venv.join("bin").join("st");
    let marker = venv.join(SCHEMATHESIS);
    if !marker.exists() {
        step(&format!("installing {SCHEMATHESIS} from PyPI (once)"));
        python_venv(&venv)?;
        run(Command::new(venv.join("bin").join("pip")).args(["install", "--quiet", SCHEMATHESIS]))?;
        std::fs::write(&marker, b"").map_err(|e| format!("writing {}: {e}", marker.display()))?;
    }
    Ok(st)
}

/// A fresh virtualenv at `venv` (installing python3-venv when the module is missing).
fn python_venv(venv: &Path) -> Result {
    if !has("python3") {
        apt_install(&["python3", "python3-venv"])?;
    }
    let _ = std::fs::remove_dir_all(venv);
    if run(Command::new("python3").args(["-m", "venv"]).arg(venv)).is_err() {
        apt_install(&["python3-venv"])?;
        run(Command::new("python3").args(["-m", "venv"]).arg(venv))?;
    }
    Ok(())
}

pub fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Installs Debian/Ubuntu packages (with sudo when not root), refreshing the package lists
/// once if the first attempt fails.
pub(crate) fn apt_install(packages: &[&str]) -> Result {
    if !has("apt-get") {
        return Err(format!(
            "please install these packages with your system's package manager: {}",
            packages.join(" ")
        ));
    }
    step(&format!("installing Debian packages: {}", packages.join(" ")));
    let root_user =
        Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if root_user { Command::new("apt-get") } else { Command::new("sudo") };
        if !root_user {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend_from_slice(packages);
    if run(&mut apt(&install)).is_ok() {
        return Ok(());
    }
    run(&mut apt(&["update"]))?;
    run(&mut apt(&install))
}

/// Runs a command, killing it after `limit`; true when it finished successfully in time.
fn run_with_timeout(cmd: &mut Command, limit: Duration) -> bool {
    let Ok(mut child) = cmd.stdin(Stdio::null()).spawn() else { return false };
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) if started.elapsed() < limit => std::thread::sleep(Duration::from_millis(250)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
        }
    }
}
