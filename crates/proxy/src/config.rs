//! Command-line flags and the configuration they produce.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::origin::Origin;

/// Origins allowed when no `--allow-origin` is given: the local `trunk serve` addresses.
pub const DEFAULT_ORIGINS: [&str; 2] = ["http://127.0.0.1:8080", "http://localhost:8080"];
/// Default listen address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
/// Default request body cap in bytes (1 MiB).
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;
/// Default upstream timeout in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;
/// Default number of requests forwarded at once.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 64;

/// keyturn-proxy: the CORS proxy for Keyturn. It forwards `{proxy}/{absolute upstream URL}`
/// byte for byte to Huawei Cloud IAM and KMS over https (plus origins allowed with
/// --allow-upstream), answers CORS preflights itself, and is never an open proxy.
#[derive(Debug, Parser)]
#[command(name = "keyturn-proxy", version, about, long_about = None)]
pub struct Cli {
    /// Address to listen on (port 0 picks a free port; the startup line shows the real one).
    #[arg(long, value_name = "ADDR", default_value = DEFAULT_LISTEN)]
    pub listen: SocketAddr,

    /// Browser origin allowed to use the proxy, e.g. https://keys.example.com (repeatable).
    /// Replaces the defaults http://127.0.0.1:8080 and http://localhost:8080. Never `*`.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origin: Vec<Origin>,

    /// Extra upstream origin (scheme://host[:port]) the proxy may forward to, such as the local
    /// emulator http://127.0.0.1:8780 (repeatable). Huawei Cloud IAM and KMS hosts over https
    /// are always allowed.
    #[arg(long = "allow-upstream", value_name = "URL")]
    pub allow_upstream: Vec<Origin>,

    /// Also serve the built app from this directory (unknown paths get index.html, for the
    /// app's routes; precompressed .br/.gz beside a file are sent when the client accepts them);
    /// requests whose path is an absolute URL are still proxied.
    #[arg(long = "serve-dir", value_name = "DIR")]
    pub serve_dir: Option<PathBuf>,

    /// Largest request body forwarded, in bytes; larger ones get 413.
    #[arg(long = "max-body", value_name = "BYTES", default_value_t = DEFAULT_MAX_BODY)]
    pub max_body: usize,

    /// Seconds to wait for an upstream (connect, answer and body together); then 504.
    #[arg(
        long = "timeout-secs",
        value_name = "SECS",
        default_value_t = DEFAULT_TIMEOUT_SECS,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub timeout_secs: u64,

    /// Requests forwarded at the same time; more get 503 at once.
    #[arg(
        long = "max-in-flight",
        value_name = "N",
        default_value_t = DEFAULT_MAX_IN_FLIGHT,
        value_parser = parse_positive
    )]
    pub max_in_flight: usize,
}

fn parse_positive(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a whole number of at least 1".to_owned()),
    }
}

/// Everything the proxy needs to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Browser origins allowed to use the proxy.
    pub allowed_origins: Vec<Origin>,
    /// Upstream origins allowed besides the Huawei Cloud IAM and KMS hosts.
    pub extra_upstreams: Vec<Origin>,
    /// Directory of the built app to serve, if any.
    pub serve_dir: Option<PathBuf>,
    /// Largest request body forwarded, in bytes.
    pub max_body: usize,
    /// Upstream timeout.
    pub timeout: Duration,
    /// Requests forwarded at the same time.
    pub max_in_flight: usize,
}

impl Default for Config {
    fn default() -> Self {
        Cli::parse_from(["keyturn-proxy"]).into()
    }
}

impl From<Cli> for Config {
    fn from(cli: Cli) -> Self {
        let allowed_origins = if cli.allow_origin.is_empty() {
            DEFAULT_ORIGINS
                .iter()
                .map(|text| text.parse().expect("default origins are valid"))
                .collect()
        } else {
            cli.allow_origin
        };
        Config {
            listen: cli.listen,
            allowed_origins,
            extra_upstreams: cli.allow_upstream,
            serve_dir: cli.serve_dir,
            max_body: cli.max_body,
            timeout: Duration::from_secs(cli.timeout_secs),
            max_in_flight: cli.max_in_flight,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Config, clap::Error> {
        Cli::try_parse_from(std::iter::once("keyturn-proxy").chain(args.iter().copied()))
            .map(Config::from)
    }

    #[test]
    fn defaults() {
        let config = Config::default();
        assert_eq!(config.listen.to_string(), "127.0.0.1:8787");
        let origins: Vec<String> = config
            .allowed_origins
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(origins, DEFAULT_ORIGINS);
        assert!(config.extra_upstreams.is_empty());
        assert_eq!(config.serve_dir, None);
        assert_eq!(config.max_body, 1024 * 1024);
        assert_eq!(config.timeout, Duration::from_secs(30));
        assert_eq!(config.max_in_flight, 64);
    }

    #[test]
    fn repeatable_flags_replace_the_default_origins() {
        let config = parse(&[
            "--listen",
            "127.0.0.1:0",
            "--allow-origin",
            "https://keys.example.com",
            "--allow-origin",
            "http://localhost:3000/",
            "--allow-upstream",
            "http://127.0.0.1:8780",
            "--serve-dir",
            "dist",
            "--max-body",
            "2048",
            "--timeout-secs",
            "5",
            "--max-in-flight",
            "3",
        ])
        .unwrap();
        let origins: Vec<String> = config
            .allowed_origins
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            origins,
            ["https://keys.example.com", "http://localhost:3000"]
        );
        assert_eq!(
            config.extra_upstreams[0].to_string(),
            "http://127.0.0.1:8780"
        );
        assert_eq!(config.serve_dir, Some(PathBuf::from("dist")));
        assert_eq!(config.max_body, 2048);
        assert_eq!(config.timeout, Duration::from_secs(5));
        assert_eq!(config.max_in_flight, 3);
    }

    #[test]
    fn refuses_wildcards_paths_and_zero_limits() {
        for args in [
            &["--allow-origin", "*"][..],
            &["--allow-origin", "null"],
            &["--allow-origin", "http://localhost:8080/app"],
            &["--allow-upstream", "http://127.0.0.1:8780/v3"],
            &["--allow-upstream", "ftp://127.0.0.1"],
            &["--allow-upstream", "http://user@127.0.0.1:8780"],
            &["--timeout-secs", "0"],
            &["--max-in-flight", "0"],
            &["--listen", "localhost"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn help_describes_every_flag() {
        let help = Cli::command().render_help().to_string();
        for flag in [
            "--listen <ADDR>",
            "--allow-origin <ORIGIN>",
            "--allow-upstream <URL>",
            "--serve-dir <DIR>",
            "--max-body <BYTES>",
            "--timeout-secs <SECS>",
            "--max-in-flight <N>",
        ] {
            let line = help
                .lines()
                .find(|line| line.contains(flag))
                .unwrap_or_else(|| panic!("{flag} missing from --help"));
            assert!(
                line.trim().len() > flag.len() + 10,
                "{flag} has no description"
            );
        }
    }
}
