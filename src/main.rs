use clap::Parser;
use serviceportal::server::cli::{Cli, run};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    run(Cli::parse()).await
}
