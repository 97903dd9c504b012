//! `cargo xtask bench`: seeds (or reuses) a large partnership, starts the release server on
//! loopback and loads five targets in turn with `wrk` (32 connections): a constant answer, the
//! scoped and filtered arrangement list, a dossier read, an action with its audit event, and
//! the statistics query; between the constant answer and the list, a page of the list's shape
//! without the database (the server's `/bench/` routes: sent as written once, serialised per
//! request, and after the token and the account check). Prints requests/s, p50/p99, the ratio to the constant answer and the
//! server's memory. Not a test: nothing here runs in `cargo xtask test`.
//!
//! Options: `--postgres [URL]` (default `postgres://postgres@127.0.0.1:5432/arrangeer_bench_<scale>`),
//! `--scale N` (divide the issue's sizes by N; default 1: 1,000,000 arrangements, 200,000 pupils,
//! 10,000,000 audit events), `--duration SECONDS` (per target, default 10), `--connections N`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Result, cargo, run, step, target_dir};

struct Options {
    postgres: Option<String>,
    scale: u64,
    duration: u64,
    connections: u64,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options { postgres: None, scale: 1, duration: 10, connections: 32 };
    let mut it = args.iter().peekable();
    while let Some(arg) = it.next() {
        let mut number = |name: &str| -> Result<u64> {
            it.next()
                .and_then(|v| v.parse().ok())
                .filter(|n| *n > 0)
                .ok_or(format!("{name} needs a positive number"))
        };
        match arg.as_str() {
            "--scale" => o.scale = number("--scale")?,
            "--duration" => o.duration = number("--duration")?,
            "--connections" => o.connections = number("--connections")?,
            "--postgres" => {
                let url = match it.peek() {
                    Some(v) if v.starts_with("postgres") => it.next().cloned(),
                    _ => None,
                };
                o.postgres = Some(url.unwrap_or_default());
            }
            other => return Err(format!("unknown bench option {other}")),
        }
    }
    if o.postgres.as_deref() == Some("") {
        o.postgres = Some(format!("postgres://postgres@127.0.0.1:5432/arrangeer_bench_{}", o.scale));
    }
    Ok(o)
}

pub fn bench(args: &[String]) -> Result {
    let o = options(args)?;
    // `wrk --version` exits with 1, so `has` would not see it: whether it starts at all decides
    if Command::new("wrk").arg("-v").output().is_err() {
        crate::setup::apt_install(&["wrk"])?;
    }
    step("building the release server");
    cargo(&["build", "--release", "-p", "arrangeer-api", "--bin", "arrangeer"], &[])?;
    let binary = target_dir().join("release").join("arrangeer");
    let work = target_dir().join("bench");
    std::fs::create_dir_all(&work).map_err(|e| format!("creating {}: {e}", work.display()))?;
    let url = match &o.postgres {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", work.join(format!("bench-{}.db", o.scale)).display()),
    };
    seed_once(&binary, &url, &o, &work)?;

    step("starting the server");
    let port = free_port()?;
    let mut server = Command::new(&binary)
        .arg("serve")
        .env("DATABASE_URL", &url)
        .env("ARRANGEER_MODE", "production")
        .env("ARRANGEER_JWT_SECRET", "bench-secret-bench-secret-bench-secret-0123")
        .env("ARRANGEER_TOTP_REQUIRED", "false")
        .env("ARRANGEER_BIND", format!("127.0.0.1:{port}"))
        .env("ARRANGEER_LOGIN_ADDRESS_ATTEMPTS", "100000")
        .env("ARRANGEER_WEB_DIR", &work)
        .env("ARRANGEER_TOKEN_TTL_SECONDS", "3600")
        .env("ARRANGEER_BENCH_ROUTES", "true")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting {}: {e}", binary.display()))?;
    let result = load(&o, port, server.id(), &url, &work);
    let _ = server.kill();
    let _ = server.wait();
    result
}

/// Seeds the database unless an earlier run did (a marker file, or the partnership on PostgreSQL).
fn seed_once(binary: &PathBuf, url: &str, o: &Options, work: &std::path::Path) -> Result {
    let marker =
        work.join(format!("seeded-{}-{}", if o.postgres.is_some() { "pg" } else { "sqlite" }, o.scale));
    if let Some(pg) = &o.postgres {
        let (admin, name) = pg.rsplit_once('/').ok_or("a PostgreSQL URL ends in /database")?;
        let exists = Command::new("psql")
            .args([
                &format!("{admin}/postgres"),
                "-tAc",
                &format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
            ])
            .output()
            .map_err(|e| format!("psql: {e}"))?;
        if String::from_utf8_lossy(&exists.stdout).trim() != "1" {
            let _ = std::fs::remove_file(&marker);
            run(Command::new("psql").args([
                &format!("{admin}/postgres"),
                "-qc",
                &format!("CREATE DATABASE {name}"),
            ]))?;
        }
    }
    if marker.exists() {
        println!("reusing the seeded database {url}");
        return Ok(());
    }
    step(&format!("seeding the large partnership (1/{} of the full size)", o.scale));
    let started = Instant::now();
    run(Command::new(binary)
        .args(["seed-large", "--arrangements", &(1_000_000 / o.scale).to_string()])
        .args(["--pupils", &(200_000 / o.scale).to_string()])
        .args(["--audit-events", &(10_000_000 / o.scale).to_string()])
        .args(["--schools", &(400 / o.scale).max(4).to_string()])
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "info"))?;
    println!("seeded in {:.0} s", started.elapsed().as_secs_f64());
    std::fs::write(&marker, url).map_err(|e| e.to_string())
}

fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// One HTTP/1.1 request on loopback: `(status, body)`.
fn http(port: u16, method: &str, path: &str, token: Option<&str>, body: &str) -> Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n\
         {auth}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw).map_err(|e| e.to_string())?;
    let status = raw.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = raw.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Ok((status, body))
}

/// Every string value of `"key":"…"` in a JSON text (enough for ids and tokens).
fn values_of(json: &str, key: &str) -> Vec<String> {
    let needle = format!("\"{key}\":\"");
    json.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &json[at + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// The ids of a page's items (not those of the schools inside them).
fn item_ids(json: &str) -> Vec<String> {
    let needle = "\"id\":\"";
    json.match_indices(needle)
        .filter(|(at, _)| !json[..*at].ends_with("\"school\":{"))
        .filter_map(|(at, _)| {
            let rest = &json[at + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

fn login(port: u16, local: &str) -> Result<String> {
    let body = format!("{{\"email\":\"{local}@groot.bench.arrangeer.nl\",\"password\":\"demo-arrangeer\"}}");
    let (status, answer) = http(port, "POST", "/api/v1/auth/login", None, &body)?;
    values_of(&answer, "accessToken").into_iter().next().ok_or(format!("login {local}: {status} {answer}"))
}

/// The server's resident memory now and at its peak, in MB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
}

/// A target: requests as `(method, path, token)` cycled through by the connections.
struct Target {
    name: &'static str,
    method: &'static str,
    requests: Vec<(String, Option<String>)>,
}

struct Measured {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
    requests: u64,
}

fn lua(target: &Target) -> String {
    let items: Vec<String> = target
        .requests
        .iter()
        .map(|(path, token)| format!("{{\"{path}\", \"{}\"}}", token.as_deref().unwrap_or("")))
        .collect();
    format!(
        r#"local items = {{ {items} }}
local counter = 0
local threads = {{}}
function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
function init(args) counter = wrk.thread:get("id") * math.floor(#items / 2) end
function request()
  counter = counter + 1
  local item = items[(counter % #items) + 1]
  local headers = {{ ["Content-Type"] = "application/json" }}
  if item[2] ~= "" then headers["Authorization"] = "Bearer " .. item[2] end
  local body = nil
  if "{method}" == "POST" then body = "{{}}" end
  return wrk.format("{method}", item[1], headers, body)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), summary.errors.status + summary.errors.connect +
    summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"#,
        items = items.join(", "),
        method = target.method
    )
}

fn measure(
    o: &Options,
    connections: u64,
    port: u16,
    target: &Target,
    work: &std::path::Path,
) -> Result<Measured> {
    let script = work.join(format!("{}.lua", target.name));
    std::fs::write(&script, lua(target)).map_err(|e| e.to_string())?;
    let threads = connections.min(2);
    let out = Command::new("wrk")
        .args([
            &format!("-t{threads}"),
            &format!("-c{connections}"),
            &format!("-d{}s", o.duration),
            "--timeout",
            "10s",
        ])
        .arg("-s")
        .arg(&script)
        .arg(format!("http://127.0.0.1:{port}"))
        .output()
        .map_err(|e| format!("wrk: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("RESULT ")).ok_or(format!("wrk said: {text}"))?;
    let n: Vec<f64> = line.split_whitespace().skip(1).filter_map(|v| v.parse().ok()).collect();
    let [requests, duration_us, p50, p99, errors] = n[..] else { return Err(format!("wrk: {line}")) };
    Ok(Measured {
        rps: requests / (duration_us / 1e6),
        p50_ms: p50 / 1000.0,
        p99_ms: p99 / 1000.0,
        errors: errors as u64,
        requests: requests as u64,
    })
}

fn load(o: &Options, port: u16, pid: u32, url: &str, work: &std::path::Path) -> Result {
    let started = Instant::now();
    while http(port, "GET", "/health", None, "").map(|(s, _)| s != 200).unwrap_or(true) {
        if started.elapsed() > Duration::from_secs(120) {
            return Err("the server did not become healthy".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    step("logging in and collecting ids");
    // drafts of enough schools for the whole run (earlier runs submitted some): at least 50
    // schools, more while fewer than 8,000 drafts were found
    let schools = (400 / o.scale).max(4);
    let mut drafts = Vec::new();
    for s in 1..=schools {
        if s > 50 && drafts.len() >= 8_000 {
            break;
        }
        let token = login(port, &format!("ib{s}"))?;
        let (_, page) = http(port, "GET", "/api/v1/arrangements?status=draft&limit=200", Some(&token), "")?;
        for id in item_ids(&page) {
            drafts.push((format!("/api/v1/arrangements/{id}/actions/submit"), Some(token.clone())));
        }
    }
    let school = login(port, "ib1")?;
    let consultant = login(port, "consulent1")?;
    let office = login(port, "swv1")?;
    let (_, page) = http(port, "GET", "/api/v1/arrangements?limit=200", Some(&school), "")?;
    let dossiers: Vec<_> = item_ids(&page)
        .into_iter()
        .map(|id| (format!("/api/v1/arrangements/{id}"), Some(school.clone())))
        .collect();
    let list = vec![
        ("/api/v1/arrangements?status=in_execution&limit=50".to_owned(), Some(consultant.clone())),
        (
            "/api/v1/arrangements?status=submitted&kind=individual&limit=50".to_owned(),
            Some(consultant.clone()),
        ),
        ("/api/v1/arrangements?limit=50".to_owned(), Some(school.clone())),
    ];
    // the seeded dossiers start from August 2024 on; 2025 is their first whole calendar year
    let statistics = ("/api/v1/statistics?year=2025".to_owned(), Some(office.clone()));
    let (stats_status, _) = http(port, "GET", &statistics.0, statistics.1.as_deref(), "")?;
    println!("{} draft dossiers to submit, {} dossiers to read", drafts.len(), dossiers.len());

    let targets = [
        Target { name: "baseline", method: "GET", requests: vec![("/health/live".to_owned(), None)] },
        // a page of the list's shape without the database (`routes::bench`): sent as written
        // once, serialised per request, and serialised after the token and the account check
        Target { name: "page-sent", method: "GET", requests: vec![("/bench/page-written".to_owned(), None)] },
        Target {
            name: "page-json",
            method: "GET",
            requests: vec![("/bench/page-serialised".to_owned(), None)],
        },
        Target {
            name: "page-auth",
            method: "GET",
            requests: vec![("/bench/page-checked".to_owned(), Some(school.clone()))],
        },
        Target { name: "list", method: "GET", requests: list },
        Target { name: "dossier", method: "GET", requests: dossiers },
        Target { name: "action", method: "POST", requests: drafts },
        Target { name: "statistics", method: "GET", requests: vec![statistics] },
    ];
    let backend = if url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" };
    step(&format!("load: {backend}, {} connections, {} s per target", o.connections, o.duration));
    println!(
        "{:<11} {:>10} {:>9} {:>9} {:>8} {:>8} {:>9} {:>9}",
        "target", "req/s", "p50 ms", "p99 ms", "ratio", "errors", "RSS MB", "peak MB"
    );
    let mut baseline = None;
    for target in &targets {
        if target.name == "statistics" && stats_status == 404 {
            println!("{:<11} not available (404)", target.name);
            continue;
        }
        if target.requests.is_empty() {
            println!("{:<11} no requests to send", target.name);
            continue;
        }
        // the statistics also one at a time: at 32 connections its latency is mostly the queue
        let runs: &[(u64, &str)] = if target.name == "statistics" {
            &[(o.connections, "statistics"), (1, "  1 conn")]
        } else {
            &[(o.connections, target.name)]
        };
        for (connections, label) in runs {
            let m = measure(o, *connections, port, target, work)?;
            let base = *baseline.get_or_insert(m.rps);
            let (rss, peak) = memory(pid);
            println!(
                "{:<11} {:>10.0} {:>9.2} {:>9.2} {:>7.0}% {:>8} {:>9.1} {:>9.1}",
                label,
                m.rps,
                m.p50_ms,
                m.p99_ms,
                100.0 * m.rps / base,
                m.errors,
                rss,
                peak
            );
            if target.name == "action" && m.requests > target.requests.len() as u64 {
                println!("            (more requests than drafts: the surplus answered 409)");
            }
        }
    }
    println!(
        "page-*: the list's page without the database (sent as written, serialised, + token and account check)"
    );
    println!("targets: list >= 50% of baseline and p99 <= 10 ms; statistics <= 200 ms; RSS <= 150 MB");
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("machine load (1/5/15 min): {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    Ok(())
}
