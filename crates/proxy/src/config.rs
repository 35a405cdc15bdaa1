//! Command-line flags (each also read from a `KEYTURN_PROXY_*` environment variable) and the
//! configuration they produce.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser};
use ipnet::IpNet;

use crate::client_allowlist::parse_network;
use crate::host_check::AllowedHost;
use crate::origin::Origin;
use crate::shared_secret::SharedSecret;
use crate::static_headers::parse_connect_source;

/// Origins allowed when no `--allow-origin` is given: the local `trunk serve` addresses.
pub const DEFAULT_ORIGINS: [&str; 2] = ["http://127.0.0.1:8080", "http://localhost:8080"];
/// Default listen address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
/// Default request body cap in bytes (1 MiB).
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;
/// Default upstream timeout in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;
/// Default time for a request's headers to arrive (and for a connection to sit idle), in seconds.
pub const DEFAULT_HEADER_TIMEOUT_SECS: u64 = 10;
/// Default time for a request's body to arrive, in seconds.
pub const DEFAULT_BODY_TIMEOUT_SECS: u64 = 30;
/// Default time a shutdown waits for requests in flight, in seconds.
pub const DEFAULT_SHUTDOWN_TIMEOUT_SECS: u64 = 30;
/// Default number of requests forwarded at once.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 64;
/// Default number of open connections.
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
/// Default number of open connections from one client address.
pub const DEFAULT_MAX_CONNECTIONS_PER_CLIENT: usize = 64;

/// keyturn-proxy: the CORS proxy for Keyturn. It forwards `{proxy}/{absolute upstream URL}`
/// byte for byte to Huawei Cloud IAM and KMS over https (plus origins allowed with
/// --allow-upstream), answers CORS preflights itself, and is never an open proxy. Every flag can
/// also be set with the environment variable named beside it.
#[derive(Debug, Parser)]
#[command(name = "keyturn-proxy", version, about, long_about = None)]
pub struct Cli {
    /// Address to listen on (port 0 picks a free port; the startup line shows the real one).
    #[arg(long, value_name = "ADDR", env = "KEYTURN_PROXY_LISTEN", default_value = DEFAULT_LISTEN)]
    pub listen: SocketAddr,

    /// Browser origin allowed to use the proxy, e.g. https://keys.example.com (repeatable, or
    /// comma-separated). Replaces the defaults http://127.0.0.1:8080 and http://localhost:8080.
    /// Never `*`.
    #[arg(
        long = "allow-origin",
        value_name = "ORIGIN",
        env = "KEYTURN_PROXY_ALLOW_ORIGIN",
        value_delimiter = ','
    )]
    pub allow_origin: Vec<Origin>,

    /// Extra name this proxy answers for, as host or host:port (repeatable, or comma-separated),
    /// e.g. the name a TLS terminator passes on. The listen address and localhost, 127.0.0.1 and
    /// [::1] on the listen port are always answered; other Host headers get 421.
    #[arg(
        long = "allow-host",
        value_name = "HOST",
        env = "KEYTURN_PROXY_ALLOW_HOST",
        value_delimiter = ','
    )]
    pub allow_host: Vec<AllowedHost>,

    /// Client address or CIDR network allowed to connect, e.g. 10.0.0.0/8 (repeatable, or
    /// comma-separated). Without any, every client may connect.
    #[arg(
        long = "allow-client",
        value_name = "CIDR",
        env = "KEYTURN_PROXY_ALLOW_CLIENT",
        value_delimiter = ',',
        value_parser = parse_network
    )]
    pub allow_client: Vec<IpNet>,

    /// Header every proxied request must carry with exactly this value (a shared secret), as
    /// NAME=VALUE with NAME starting with X-. Prefer the environment variable: flags show in `ps`.
    #[arg(
        long = "require-header",
        value_name = "NAME=VALUE",
        env = "KEYTURN_PROXY_REQUIRE_HEADER",
        hide_env_values = true
    )]
    pub require_header: Option<SharedSecret>,

    /// Extra upstream origin (scheme://host[:port]) the proxy may forward to, such as the local
    /// emulator http://127.0.0.1:8780 (repeatable, or comma-separated). Huawei Cloud IAM and KMS
    /// hosts over https are always allowed.
    #[arg(
        long = "allow-upstream",
        value_name = "URL",
        env = "KEYTURN_PROXY_ALLOW_UPSTREAM",
        value_delimiter = ','
    )]
    pub allow_upstream: Vec<Origin>,

    /// Also serve the built app from this directory (unknown paths get index.html, for the
    /// app's routes; precompressed .br/.gz beside a file are sent when the client accepts them);
    /// requests whose path is an absolute URL are still proxied.
    #[arg(
        long = "serve-dir",
        value_name = "DIR",
        env = "KEYTURN_PROXY_SERVE_DIR"
    )]
    pub serve_dir: Option<PathBuf>,

    /// With --serve-dir: origin (scheme://host[:port]) the served app may connect to, named in
    /// the Content-Security-Policy header of its answers beside its own origin and the proxy_url
    /// of DIR/config.json (repeatable, or comma-separated), e.g. a proxy set on the Settings page.
    #[arg(
        long = "connect-src",
        value_name = "ORIGIN",
        env = "KEYTURN_PROXY_CONNECT_SRC",
        value_delimiter = ',',
        value_parser = parse_connect_source
    )]
    pub connect_src: Vec<Origin>,

    /// Largest request body forwarded, in bytes; larger ones get 413.
    #[arg(
        long = "max-body",
        value_name = "BYTES",
        env = "KEYTURN_PROXY_MAX_BODY",
        default_value_t = DEFAULT_MAX_BODY
    )]
    pub max_body: usize,

    /// Seconds to wait for an upstream (connect, answer and body together); then 504.
    #[arg(
        long = "timeout-secs",
        value_name = "SECS",
        env = "KEYTURN_PROXY_TIMEOUT_SECS",
        default_value_t = DEFAULT_TIMEOUT_SECS,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub timeout_secs: u64,

    /// Seconds for a request's headers to arrive, counted from the connection's start or the end
    /// of the previous answer (so also how long a connection may sit idle); then it is closed.
    #[arg(
        long = "header-timeout-secs",
        value_name = "SECS",
        env = "KEYTURN_PROXY_HEADER_TIMEOUT_SECS",
        default_value_t = DEFAULT_HEADER_TIMEOUT_SECS,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub header_timeout_secs: u64,

    /// Seconds for a request's body to arrive once its headers have; then 408.
    #[arg(
        long = "body-timeout-secs",
        value_name = "SECS",
        env = "KEYTURN_PROXY_BODY_TIMEOUT_SECS",
        default_value_t = DEFAULT_BODY_TIMEOUT_SECS,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub body_timeout_secs: u64,

    /// Requests forwarded at the same time (counted once a body has arrived); more get 503 at
    /// once.
    #[arg(
        long = "max-in-flight",
        value_name = "N",
        env = "KEYTURN_PROXY_MAX_IN_FLIGHT",
        default_value_t = DEFAULT_MAX_IN_FLIGHT,
        value_parser = parse_positive
    )]
    pub max_in_flight: usize,

    /// Open connections at the same time; further clients wait to be accepted.
    #[arg(
        long = "max-connections",
        value_name = "N",
        env = "KEYTURN_PROXY_MAX_CONNECTIONS",
        default_value_t = DEFAULT_MAX_CONNECTIONS,
        value_parser = parse_positive
    )]
    pub max_connections: usize,

    /// Open connections from one client address; a further one is closed at once.
    #[arg(
        long = "max-connections-per-client",
        value_name = "N",
        env = "KEYTURN_PROXY_MAX_CONNECTIONS_PER_CLIENT",
        default_value_t = DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
        value_parser = parse_positive
    )]
    pub max_connections_per_client: usize,

    /// Seconds a shutdown (SIGINT or SIGTERM) waits for requests in flight before it closes
    /// their connections.
    #[arg(
        long = "shutdown-timeout-secs",
        value_name = "SECS",
        env = "KEYTURN_PROXY_SHUTDOWN_TIMEOUT_SECS",
        default_value_t = DEFAULT_SHUTDOWN_TIMEOUT_SECS
    )]
    pub shutdown_timeout_secs: u64,
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
    /// Hosts answered besides the listen address and the loopback names.
    pub allowed_hosts: Vec<AllowedHost>,
    /// Client networks allowed to connect; empty allows every client.
    pub allowed_clients: Vec<IpNet>,
    /// The header every proxied request must carry, if any.
    pub shared_secret: Option<SharedSecret>,
    /// Upstream origins allowed besides the Huawei Cloud IAM and KMS hosts.
    pub extra_upstreams: Vec<Origin>,
    /// Directory of the built app to serve, if any.
    pub serve_dir: Option<PathBuf>,
    /// Origins the served app may connect to besides its own and config.json's proxy.
    pub connect_src: Vec<Origin>,
    /// Largest request body forwarded, in bytes.
    pub max_body: usize,
    /// Upstream timeout.
    pub timeout: Duration,
    /// Time for a request's headers to arrive (and for a connection to sit idle).
    pub header_timeout: Duration,
    /// Time for a request's body to arrive.
    pub body_timeout: Duration,
    /// Requests forwarded at the same time.
    pub max_in_flight: usize,
    /// Open connections at the same time.
    pub max_connections: usize,
    /// Open connections from one client address.
    pub max_connections_per_client: usize,
    /// Time a shutdown waits for requests in flight.
    pub shutdown_timeout: Duration,
}

impl Default for Config {
    /// Every flag's default; the `KEYTURN_PROXY_*` environment variables are not read.
    fn default() -> Self {
        let matches = Cli::command()
            .mut_args(|arg| arg.env(None))
            .get_matches_from(["keyturn-proxy"]);
        Cli::from_arg_matches(&matches)
            .expect("the defaults are valid")
            .into()
    }
}

impl From<Cli> for Config {
    fn from(cli: Cli) -> Self {
        let allowed_origins = if cli.allow_origin.is_empty() {
            default_origins()
        } else {
            cli.allow_origin
        };
        Config {
            listen: cli.listen,
            allowed_origins,
            allowed_hosts: cli.allow_host,
            allowed_clients: cli.allow_client,
            shared_secret: cli.require_header,
            extra_upstreams: cli.allow_upstream,
            serve_dir: cli.serve_dir,
            connect_src: cli.connect_src,
            max_body: cli.max_body,
            timeout: Duration::from_secs(cli.timeout_secs),
            header_timeout: Duration::from_secs(cli.header_timeout_secs),
            body_timeout: Duration::from_secs(cli.body_timeout_secs),
            max_in_flight: cli.max_in_flight,
            max_connections: cli.max_connections,
            max_connections_per_client: cli.max_connections_per_client,
            shutdown_timeout: Duration::from_secs(cli.shutdown_timeout_secs),
        }
    }
}

impl Config {
    /// A warning for a proxy reachable beyond loopback that admits only the default development
    /// origins: someone forgot `--allow-origin`, or exposed a development proxy.
    pub fn exposure_warning(&self) -> Option<String> {
        let exposed = !self.listen.ip().to_canonical().is_loopback();
        (exposed && self.allowed_origins == default_origins()).then(|| {
            format!(
                "listening on {} (beyond loopback) with only the default development origins \
                 allowed; pass --allow-origin with the app's origin, and consider --allow-client \
                 and --require-header",
                self.listen
            )
        })
    }
}

fn default_origins() -> Vec<Origin> {
    DEFAULT_ORIGINS
        .iter()
        .map(|text| text.parse().expect("default origins are valid"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config, clap::Error> {
        Cli::try_parse_from(std::iter::once("keyturn-proxy").chain(args.iter().copied()))
            .map(Config::from)
    }

    fn texts(items: &[impl ToString]) -> Vec<String> {
        items.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn defaults() {
        let config = Config::default();
        assert_eq!(config.listen.to_string(), "127.0.0.1:8787");
        assert_eq!(texts(&config.allowed_origins), DEFAULT_ORIGINS);
        assert!(config.allowed_hosts.is_empty());
        assert!(config.allowed_clients.is_empty());
        assert_eq!(config.shared_secret, None);
        assert!(config.extra_upstreams.is_empty());
        assert_eq!(config.serve_dir, None);
        assert!(config.connect_src.is_empty());
        assert_eq!(config.max_body, 1024 * 1024);
        assert_eq!(config.timeout, Duration::from_secs(30));
        assert_eq!(config.header_timeout, Duration::from_secs(10));
        assert_eq!(config.body_timeout, Duration::from_secs(30));
        assert_eq!(config.max_in_flight, 64);
        assert_eq!(config.max_connections, 512);
        assert_eq!(config.max_connections_per_client, 64);
        assert_eq!(config.shutdown_timeout, Duration::from_secs(30));
    }

    #[test]
    fn repeatable_flags_replace_the_default_origins() {
        let config = parse(&[
            "--listen",
            "127.0.0.1:0",
            "--allow-origin",
            "https://keys.example.com",
            "--allow-origin",
            "http://localhost:3000/,http://127.0.0.1:3000",
            "--allow-host",
            "keyproxy.example.com,lan.example:8787",
            "--allow-client",
            "10.0.0.0/8",
            "--allow-client",
            "192.0.2.7",
            "--require-header",
            "X-Keyturn-Secret=abc",
            "--allow-upstream",
            "http://127.0.0.1:8780",
            "--serve-dir",
            "dist",
            "--connect-src",
            "https://keyproxy.example.com",
            "--connect-src",
            "https://b.example:8443/,http://127.0.0.1:8787",
            "--max-body",
            "2048",
            "--timeout-secs",
            "5",
            "--header-timeout-secs",
            "2",
            "--body-timeout-secs",
            "3",
            "--max-in-flight",
            "3",
            "--max-connections",
            "20",
            "--max-connections-per-client",
            "4",
            "--shutdown-timeout-secs",
            "0",
        ])
        .unwrap();
        assert_eq!(
            texts(&config.allowed_origins),
            [
                "https://keys.example.com",
                "http://localhost:3000",
                "http://127.0.0.1:3000"
            ]
        );
        assert_eq!(
            texts(&config.allowed_hosts),
            ["keyproxy.example.com", "lan.example:8787"]
        );
        assert_eq!(
            texts(&config.allowed_clients),
            ["10.0.0.0/8", "192.0.2.7/32"]
        );
        assert_eq!(
            config.shared_secret.unwrap().name().as_str(),
            "x-keyturn-secret"
        );
        assert_eq!(texts(&config.extra_upstreams), ["http://127.0.0.1:8780"]);
        assert_eq!(config.serve_dir, Some(PathBuf::from("dist")));
        assert_eq!(
            texts(&config.connect_src),
            [
                "https://keyproxy.example.com",
                "https://b.example:8443",
                "http://127.0.0.1:8787"
            ]
        );
        assert_eq!(config.max_body, 2048);
        assert_eq!(config.timeout, Duration::from_secs(5));
        assert_eq!(config.header_timeout, Duration::from_secs(2));
        assert_eq!(config.body_timeout, Duration::from_secs(3));
        assert_eq!(config.max_in_flight, 3);
        assert_eq!(config.max_connections, 20);
        assert_eq!(config.max_connections_per_client, 4);
        assert_eq!(config.shutdown_timeout, Duration::ZERO);
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
            &["--connect-src", "*"],
            &["--connect-src", "https:"],
            &["--connect-src", "https://keyproxy.example.com/cors"],
            &["--connect-src", "https://[::1]:8787"],
            &["--allow-host", "*.example.com"],
            &["--allow-host", "user@example.com"],
            &["--allow-client", "10.0.0.0/33"],
            &["--allow-client", "localhost"],
            &["--require-header", "Authorization=abc"],
            &["--require-header", "X-Secret"],
            &["--timeout-secs", "0"],
            &["--header-timeout-secs", "0"],
            &["--body-timeout-secs", "0"],
            &["--max-in-flight", "0"],
            &["--max-connections", "0"],
            &["--max-connections-per-client", "0"],
            &["--listen", "localhost"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn every_flag_is_described_and_has_its_environment_variable() {
        let mut command = Cli::command();
        let help = command.render_help().to_string();
        let arguments: Vec<_> = command
            .get_arguments()
            .filter(|arg| {
                arg.get_long()
                    .is_some_and(|long| long != "help" && long != "version")
            })
            .collect();
        assert_eq!(arguments.len(), 16);
        for arg in arguments {
            let long = arg.get_long().unwrap();
            let expected = format!("KEYTURN_PROXY_{}", long.to_uppercase().replace('-', "_"));
            assert_eq!(
                arg.get_env().and_then(|env| env.to_str()),
                Some(expected.as_str()),
                "--{long}"
            );
            let described = arg
                .get_help()
                .is_some_and(|help| help.to_string().len() > 20);
            assert!(described, "--{long} has no description");
            assert!(
                help.contains(&format!("--{long} <")),
                "--{long} missing from --help"
            );
            assert!(
                help.contains(&format!("[env: {expected}")),
                "--help hides {expected}"
            );
        }
    }

    #[test]
    fn warns_when_exposed_with_the_default_origins_only() {
        let exposed = parse(&["--listen", "0.0.0.0:8787"]).unwrap();
        let warning = exposed.exposure_warning().unwrap();
        assert!(warning.contains("0.0.0.0:8787"), "{warning}");
        assert!(warning.contains("--allow-origin"), "{warning}");
        for args in [
            &["--listen", "127.0.0.1:8787"][..],
            &["--listen", "[::1]:8787"],
            &[
                "--listen",
                "0.0.0.0:8787",
                "--allow-origin",
                "https://keys.example.com",
            ],
        ] {
            assert_eq!(parse(args).unwrap().exposure_warning(), None, "{args:?}");
        }
    }
}
