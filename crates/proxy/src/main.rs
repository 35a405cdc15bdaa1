//! `keyturn-proxy` command: parse flags, bind, print the startup line, serve until SIGINT or
//! SIGTERM, then let the requests in flight finish.

use std::future::Future;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use keyturn_proxy::static_headers::StaticHeaders;
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
    if let Some(dir) = &config.serve_dir {
        report_static_policy(&StaticHeaders::new(dir, &config.connect_src)).await;
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

/// Logs the Content-Security-Policy that static answers carry now, with a warning when
/// config.json names no proxy for it (config.json is read again for every answer).
async fn report_static_policy(headers: &StaticHeaders) {
    let configured = match headers.configured_proxy().await {
        Ok(origin) => Some(origin),
        Err(why) => {
            tracing::warn!(
                "{}: {why}; the Content-Security-Policy of static answers names no proxy from it \
                 (name one with --connect-src)",
                headers.config_json().display()
            );
            None
        }
    };
    let policy = headers.policy_with(configured.as_ref());
    tracing::info!("static answers carry Content-Security-Policy: {policy}");
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
