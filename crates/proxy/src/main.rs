//! `keyturn-proxy` command: parse flags, bind, print the startup line, serve.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use keyturn_proxy::{Cli, Config, log, serve};
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
    println!("keyturn-proxy listening on http://{address}");
    if std::io::stdout().flush().is_err() {
        return ExitCode::FAILURE;
    }
    tokio::select! {
        served = serve(listener, &config) => match served {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("keyturn-proxy: {error}");
                ExitCode::FAILURE
            }
        },
        _ = tokio::signal::ctrl_c() => ExitCode::SUCCESS,
    }
}
