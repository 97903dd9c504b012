//! `arrangeer`: the server binary.

use anyhow::Context;
use arrangeer_api::config::{Mode, Settings};
use arrangeer_api::db::{integrity, maintenance, seed_large};
use arrangeer_api::services::demo;
use arrangeer_api::services::{ServiceError, school_imports};
use arrangeer_api::startup::Application;
use arrangeer_api::telemetry;
use clap::{Parser, Subcommand};

/// mimalloc instead of glibc's malloc: glibc kept the freed Argon2 blocks (19 MiB per login)
/// and SQLite's page buffers spread over its arenas; fifty logins left the server at 360 MB.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "arrangeer", version, about = "Arrangeer: support arrangements for pupils")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default).
    Serve {
        /// Demo mode: seed the demo partnerships into an empty database and print the logins.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Write a consistent backup of the database to FILE, while the server may keep running.
    Backup {
        /// The backup file to write (a tar file with a manifest and the database).
        file: std::path::PathBuf,
    },
    /// Replace the database's content with a backup. Stop the server first.
    Restore {
        /// A file written by `arrangeer backup`.
        file: std::path::PathBuf,
    },
    /// Check the database's integrity and print its schema version and row counts (JSON).
    Check,
    /// Import DUO's CSV "scholen per samenwerkingsverband primair onderwijs" into a
    /// partnership: creates and updates its school boards and schools; prints the report (JSON).
    ImportSchools {
        /// The CSV file as downloaded from DUO.
        file: std::path::PathBuf,
        /// The partnership's code in Arrangeer, e.g. `utrecht-po`.
        #[arg(long)]
        partnership: String,
        /// The partnership's DUO code (e.g. `PO 26-01`); recorded when none is known yet.
        #[arg(long)]
        swv_code: Option<String>,
    },
    /// Add one large partnership for benchmarks (accounts `ib1@groot.bench.arrangeer.nl`, …,
    /// password `demo-arrangeer`); prints what it made and how long it took (JSON).
    SeedLarge {
        #[arg(long, default_value_t = 1_000_000)]
        arrangements: u64,
        #[arg(long, default_value_t = 200_000)]
        pupils: u64,
        #[arg(long, default_value_t = 10_000_000)]
        audit_events: u64,
        #[arg(long, default_value_t = 400)]
        schools: u64,
    },
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut settings = Settings::load()?;
    telemetry::init(settings.log_format);
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Migrate => {
            let db = arrangeer_api::db::Db::connect(&settings.database_url(), 1)?;
            db.migrate()?;
            println!("migrations applied ({})", db.backend().name());
            Ok(())
        }
        Command::Backup { file } => {
            let manifest = maintenance::backup(&settings.database_url(), &file)?;
            println!(
                "backup written to {} ({}, schema {})",
                file.display(),
                manifest.backend,
                manifest.schema_version
            );
            Ok(())
        }
        Command::Restore { file } => {
            let manifest = maintenance::restore(&file, &settings.database_url())?;
            println!(
                "restored {} (made {}, schema {})",
                file.display(),
                manifest.created_at,
                manifest.schema_version
            );
            Ok(())
        }
        Command::Check => {
            let report = integrity::check(&settings.database_url())?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            if report.integrity == "ok" {
                Ok(())
            } else {
                anyhow::bail!("integrity check failed: {}", report.integrity)
            }
        }
        Command::ImportSchools { file, partnership, swv_code } => {
            let csv = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let db = arrangeer_api::db::Db::connect(&settings.database_url(), 1)?;
            db.migrate()?;
            match school_imports::import_cli(&db, &partnership, swv_code.as_deref(), &csv) {
                Ok(report) => {
                    println!("{}", serde_json::to_string_pretty(&report)?);
                    Ok(())
                }
                Err(ServiceError::Unprocessable(errors)) => {
                    for e in &errors {
                        eprintln!("{}: {}", e.field, e.message);
                    }
                    anyhow::bail!("nothing imported: {} problem(s) in {}", errors.len(), file.display())
                }
                Err(e) => Err(e.into()),
            }
        }
        Command::SeedLarge { arrangements, pupils, audit_events, schools } => {
            let db = arrangeer_api::db::Db::connect(&settings.database_url(), 1)?;
            db.migrate()?;
            let hash = arrangeer_api::auth::password::hash(demo::DEMO_PASSWORD)?;
            let spec = seed_large::LargeSeed { schools, pupils, arrangements, audit_events };
            let report =
                seed_large::seed(&db, spec, &hash, arrangeer_api::services::statistics::facts::SEED_RULES)?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::Serve { demo } => {
            if demo {
                settings.mode = Mode::Demo;
            }
            let app = Application::build(&settings)?;
            let url = format!("http://localhost:{}", app.port());
            if settings.mode == Mode::Demo {
                print_demo_logins(&url);
            }
            tracing::info!(%url, mode = ?settings.mode, "Arrangeer is listening");
            app.run_until_stopped().await.context("server stopped with an error")
        }
    }
}

fn print_demo_logins(url: &str) {
    println!();
    println!("  Arrangeer (demo) draait op {url}");
    println!("  API-documentatie: {url}/api/docs/");
    println!();
    println!("  Demo-accounts (wachtwoord voor allemaal: {}):", demo::DEMO_PASSWORD);
    let mut current = "";
    for login in demo::demo_logins() {
        if login.partnership != current {
            current = login.partnership;
            println!("    {current}");
        }
        println!("      {:<11} {:<42} {}", login.role.as_str(), login.email, login.name);
    }
    println!();
}
