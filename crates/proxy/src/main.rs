//! `keyturn-proxy` command: parse flags, bind, print the startup line, serve until SIGINT or
//! SIGTERM, then let the requests in flight finish.

use std::future::Future;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use keyturn_proxy::{Cli, Config, log, serve_until};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::from(Cli::parse());
    log::init();
    if let Some(dir) = &config.serve_dir
        && !dir.join("index.html").is_file()
    {
        eprintln!("keyturn-proxy: {} has no index.html", dir.display());
        return ExitCode::from(2);
    }
    let Ok(stopped) = stop_signal() else {
        eprintln!("keyturn-proxy: cannot handle SIGINT and SIGTERM");
        return ExitCode::FAILURE;
    };
    let listener = match TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("keyturn-proxy: cannot listen on {}: {error}", config.listen);
            return ExitCode::FAILURE;
        }
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(error) => {
            eprintln!("keyturn-proxy: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(warning) = config.exposure_warning() {
        tracing::warn!("{warning}");
    }
    println!("keyturn-proxy listening on http://{address}");
    if std::io::stdout().flush().is_err() {
        return ExitCode::FAILURE;
    }
    match serve_until(listener, &config, stopped).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("keyturn-proxy: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Handles SIGINT and SIGTERM from now on (instead of dying at once); the future completes when
/// either arrives.
#[cfg(unix)]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

/// Handles Ctrl-C, where there are no Unix signals.
#[cfg(not(unix))]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
