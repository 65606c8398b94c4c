//! The `serviceportal` command and its subcommands.

use crate::server::assets;
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::db::Db;
use crate::server::state::AppState;
use crate::server::{http, jobs, seed, serve, telemetry};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(name = "serviceportal", version, about = "Citizen service portal")]
pub struct Cli {
    /// The settings file; every key can also be set by environment variables.
    #[arg(
        long,
        env = "PORTAL_CONFIG",
        default_value = "Leptos.toml",
        global = true
    )]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the portal (migrates the database first unless told not to).
    Serve {
        /// Do not migrate on start (for deployments that migrate in a separate step).
        #[arg(long)]
        no_migrate: bool,
    },
    /// Create or update the database schema.
    Migrate,
    /// Load the demo data (regions, later the catalogue) from a folder of seed files.
    SeedDemo {
        #[arg(long, default_value = "seed/demo")]
        dir: PathBuf,
    },
    /// Write brotli and gzip copies of the static assets next to them.
    Precompress,
    /// Validate the settings and print them (secrets show as references only).
    CheckConfig,
    /// Make an existing, confirmed account an administrator (they must then set up a
    /// second factor before using staff functions).
    CreateAdmin {
        /// The e-mail address of the account.
        email: String,
    },
    /// Make an existing, confirmed account a caseworker of an authority (its id from the
    /// seed's authorities.csv); admins do the same on /verwaltung.
    AddMember {
        /// The e-mail address of the account.
        email: String,
        /// The authority's id.
        authority: String,
    },
}

pub async fn run(cli: Cli) -> ExitCode {
    let config = match Config::load(&cli.config) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.server.log_format);
    let result = match cli.command {
        Command::Serve { no_migrate } => serve(config, !no_migrate).await,
        Command::Migrate => migrate(&config).await,
        Command::SeedDemo { dir } => seed_demo(&config, &dir).await,
        Command::Precompress => assets::precompress(&config.server.site_root)
            .map(|n| println!("compressed {n} files"))
            .map_err(|e| format!("precompressing {}: {e}", config.server.site_root.display())),
        Command::CheckConfig => {
            println!("{config:#?}");
            Ok(())
        }
        Command::CreateAdmin { email } => create_admin(&config, &email).await,
        Command::AddMember { email, authority } => add_member(&config, &email, &authority).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The data folder holds the SQLite database (by default) and, later, uploads.
fn ensure_data_dir(config: &Config) -> Result<(), String> {
    let dir = &config.server.data_dir;
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the data folder {}: {e}", dir.display()))
}

async fn migrate(config: &Config) -> Result<(), String> {
    ensure_data_dir(config)?;
    let db = Db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    db.close().await;
    println!("database is up to date");
    Ok(())
}

async fn seed_demo(config: &Config, dir: &std::path::Path) -> Result<(), String> {
    let db = Db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    let report = seed::load_demo(&db, dir).await.map_err(|e| e.to_string())?;
    db.close().await;
    println!(
        "loaded {} regions, {} authorities, {} services and {} responsibilities from {}",
        report.regions,
        report.authorities,
        report.services,
        report.responsibilities,
        dir.display()
    );
    Ok(())
}

/// The confirmed account with a password that `email` names (staff need both).
async fn staff_account(
    db: &Db,
    email: &str,
) -> Result<crate::server::storage::accounts::Account, String> {
    use crate::domain::account::account_email;
    use crate::server::storage::accounts;
    let email = account_email(email).map_err(|_| format!("{email:?} is not an e-mail address"))?;
    let account = accounts::by_email(db, &email)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            format!("no account for {email}: register it first at /konto/registrieren")
        })?;
    if account.email_verified_at.is_none() {
        return Err(format!("{email} has not confirmed its address yet"));
    }
    if account.password_hash.is_none() {
        return Err(format!(
            "{email} has no password (it was used to apply with only an e-mail address): \
             set one with \"Passwort vergessen\" first"
        ));
    }
    Ok(account)
}

async fn create_admin(config: &Config, email: &str) -> Result<(), String> {
    use crate::domain::account::Role;
    use crate::server::auth::{self, ClientIp, Event};
    use crate::server::storage::accounts;
    let db = Db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    let result = async {
        let account = staff_account(&db, email).await?;
        accounts::set_role(&db, account.id, Role::Admin)
            .await
            .map_err(|e| e.to_string())?;
        auth::audit(
            &db,
            Clock::System.now(),
            Event::RoleChanged,
            Some(account.id),
            None,
            &ClientIp(None),
            Some("admin (create-admin)"),
        )
        .await
        .map_err(|e| e.to_string())?;
        println!("{} is now an administrator", account.email);
        Ok(())
    }
    .await;
    db.close().await;
    result
}

async fn add_member(config: &Config, email: &str, authority: &str) -> Result<(), String> {
    use crate::server::auth::{self, ClientIp, Event};
    use crate::server::storage;
    let db = Db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    let result = async {
        let account = staff_account(&db, email).await?;
        let found = storage::catalogue::get_authority(&db, authority)
            .await
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("no authority {authority:?} in the catalogue"))?;
        let now = Clock::System.now();
        storage::members::add(&db, account.id, &found.id, now)
            .await
            .map_err(|e| e.to_string())?;
        auth::audit(
            &db,
            now,
            Event::RoleChanged,
            Some(account.id),
            None,
            &ClientIp(None),
            Some(&format!("member of {} (add-member)", found.id)),
        )
        .await
        .map_err(|e| e.to_string())?;
        println!("{} now works for {}", account.email, found.name);
        Ok(())
    }
    .await;
    db.close().await;
    result
}

async fn serve(config: Config, migrate: bool) -> Result<(), String> {
    ensure_data_dir(&config)?;
    let db = Db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    if migrate && config.server.migrate_on_start {
        db.migrate().await.map_err(|e| e.to_string())?;
    }
    let listen = config.server.listen;
    let header_timeout = Duration::from_secs(config.server.header_read_timeout_secs);
    let state = AppState::new(config, db.clone(), Clock::System)?;
    if state.assets.urls.is_empty() {
        tracing::warn!(site_root = %state.config.server.site_root.display(), "no built assets found: run `make build`");
    }
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    tracing::info!("serving {} on http://{listen}", state.config.site.name);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let housekeeping = jobs::spawn(state.clone(), stopped.clone());
    if crate::server::mail::dev_outbox(&state.config) {
        tracing::info!("no SMTP server configured: mail stays in the outbox at /dev/mail");
    }
    let mailer = crate::server::mail::spawn_worker(state.clone(), stopped.clone());
    let deliverer = crate::server::webhooks::spawn(state.clone(), stopped);
    serve::serve(
        listener,
        http::router(state),
        header_timeout,
        serve::shutdown_signal(),
    )
    .await;
    let _ = stop.send(true);
    let _ = housekeeping.await;
    let _ = mailer.await;
    let _ = deliverer.await;
    db.close().await;
    Ok(())
}
