//! `keyturn-emulator`: prints one JSON line (endpoint, account, administrator) on stdout, then
//! serves IAM + KMS and logs to stderr.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use keyturn_emulator::cli::Cli;
use keyturn_emulator::{Emulator, endpoint_of};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let listener = match TcpListener::bind(cli.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("keyturn-emulator: cannot listen on {}: {error}", cli.listen);
            return ExitCode::FAILURE;
        }
    };
    if !cli.listen.ip().is_loopback() {
        eprintln!(
            "keyturn-emulator: warning: listening on {} beyond loopback: other machines can reach \
             it, and its demo credentials and control routes are not secret",
            cli.listen
        );
    }
    let endpoint = match endpoint_of(&listener) {
        Ok(endpoint) => endpoint,
        Err(error) => {
            eprintln!("keyturn-emulator: {error}");
            return ExitCode::FAILURE;
        }
    };
    let emulator = Emulator::new(&cli.options(), &endpoint);
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", emulator.startup().to_line())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    tracing::info!(endpoint, "keyturn-emulator listening");
    match emulator.serve(listener).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("keyturn-emulator: {error}");
            ExitCode::FAILURE
        }
    }
}
