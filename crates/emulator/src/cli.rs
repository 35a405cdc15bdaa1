//! Command-line flags of `keyturn-emulator`.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use axum::http::uri::Authority;
use clap::Parser;

use crate::Options;
use crate::faults::FaultConfig;
use crate::host::Host;
use crate::secret::Secret;
use crate::seed::{AdminKey, SeedKind, SeedOptions};

/// A local Huawei Cloud IAM + KMS for the Keyturn demo and tests. Prints one JSON line with the
/// endpoint and the administrator's credentials on stdout, then logs to stderr.
#[derive(Parser)]
#[command(name = "keyturn-emulator", version)]
pub struct Cli {
    /// Address to listen on; port 0 picks a free port (the startup line shows it).
    #[arg(long, default_value = "127.0.0.1:8780")]
    pub listen: SocketAddr,
    /// Starting account: `demo` (realistic users and keys) or `empty` (only the administrator).
    #[arg(long, value_enum, default_value_t = SeedKind::Demo)]
    pub seed: SeedKind,
    /// Generated users to add (with 0 to 2 access keys each).
    #[arg(long, default_value_t = 0)]
    pub users: usize,
    /// Generated KMS keys to add to the home project.
    #[arg(long, default_value_t = 0)]
    pub kms_keys: usize,
    /// Seed of every generated id, key and fault draw.
    #[arg(long, default_value_t = 42)]
    pub rng_seed: u64,
    /// Fixed access key id for the administrator (with --admin-sk).
    #[arg(long, requires = "admin_sk", value_parser = access_key)]
    pub admin_ak: Option<String>,
    /// Fixed secret key for the administrator (with --admin-ak).
    #[arg(long, requires = "admin_ak", value_parser = secret_key)]
    pub admin_sk: Option<String>,
    /// Delay every answer by this many milliseconds.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Share of requests (0 to 1) answered 500/502/504 with a gateway error body.
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    pub fail_rate: f64,
    /// Share of requests (0 to 1) answered 429 with the gateway throttling body.
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    pub throttle_rate: f64,
    /// Share of requests (0 to 1) whose connection is closed without an answer.
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    pub drop_rate: f64,
    /// Share of requests (0 to 1) that are carried out, then get no answer.
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    pub drop_after_commit_rate: f64,
    /// Answer a user's KMS requests beyond N a second 429, as KMS's documented limit (20) does;
    /// no limit unless given.
    #[arg(long, value_name = "N")]
    pub kms_rate_limit: Option<NonZeroU32>,
    /// Also answer requests whose `Host` names this host (a name or IP address, no port;
    /// repeatable). Loopback and the listen address are always accepted.
    #[arg(long, value_name = "HOST", value_parser = host)]
    pub allow_host: Vec<String>,
}

fn rate(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err("a rate is between 0 and 1".to_owned())
    }
}

fn access_key(text: &str) -> Result<String, String> {
    if (1..=40).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(text.to_owned())
    } else {
        Err("an access key id is 1 to 40 letters and digits".to_owned())
    }
}

fn secret_key(text: &str) -> Result<String, String> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic()) {
        Ok(text.to_owned())
    } else {
        Err("a secret key is printable ASCII without spaces".to_owned())
    }
}

fn host(text: &str) -> Result<String, String> {
    let has_port = text.parse::<Authority>().is_ok_and(|a| a.port().is_some());
    match Host::parse(text) {
        Some(_) if !has_port => Ok(text.to_owned()),
        _ => Err("a host is a name or IP address ([…] for IPv6), without a port".to_owned()),
    }
}

impl Cli {
    /// The emulator options these flags describe.
    pub fn options(&self) -> Options {
        let admin_key = match (&self.admin_ak, &self.admin_sk) {
            (Some(access), Some(secret)) => Some(AdminKey {
                access: access.clone(),
                secret: Secret::new(secret.clone()),
            }),
            _ => None,
        };
        Options {
            seed: SeedOptions {
                kind: self.seed,
                users: self.users,
                kms_keys: self.kms_keys,
                rng_seed: self.rng_seed,
                admin_key,
            },
            faults: FaultConfig {
                latency: Duration::from_millis(self.latency_ms),
                fail_rate: self.fail_rate,
                throttle_rate: self.throttle_rate,
                drop_rate: self.drop_rate,
                drop_after_commit_rate: self.drop_after_commit_rate,
            },
            kms_rate_limit: self.kms_rate_limit,
            allowed_hosts: self.allow_host.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let cli = Cli::try_parse_from(["keyturn-emulator"]).unwrap();
        assert_eq!(cli.listen.to_string(), "127.0.0.1:8780");
        let options = cli.options();
        assert_eq!(options.seed.kind, SeedKind::Demo);
        assert_eq!(options.faults, FaultConfig::default());
        assert!(options.seed.admin_key.is_none());
        assert_eq!(options.kms_rate_limit, None);
        assert!(options.allowed_hosts.is_empty());
    }

    #[test]
    fn every_flag() {
        let cli = Cli::try_parse_from([
            "keyturn-emulator",
            "--listen",
            "127.0.0.1:0",
            "--seed",
            "empty",
            "--users",
            "5",
            "--kms-keys",
            "7",
            "--rng-seed",
            "99",
            "--admin-ak",
            "FIXEDADMINKEY0000001",
            "--admin-sk",
            "FixedSecret",
            "--latency-ms",
            "20",
            "--fail-rate",
            "0.1",
            "--throttle-rate",
            "0.2",
            "--drop-rate",
            "0.3",
            "--drop-after-commit-rate",
            "1",
            "--kms-rate-limit",
            "20",
            "--allow-host",
            "emu.example",
            "--allow-host",
            "[fd00::1]",
        ])
        .unwrap();
        let options = cli.options();
        assert_eq!(options.seed.kind, SeedKind::Empty);
        assert_eq!(
            (
                options.seed.users,
                options.seed.kms_keys,
                options.seed.rng_seed
            ),
            (5, 7, 99)
        );
        let key = options.seed.admin_key.unwrap();
        assert_eq!(key.access, "FIXEDADMINKEY0000001");
        assert_eq!(key.secret.expose(), "FixedSecret");
        assert_eq!(options.faults.latency, Duration::from_millis(20));
        assert_eq!(options.faults.drop_after_commit_rate, 1.0);
        assert_eq!(options.kms_rate_limit, NonZeroU32::new(20));
        assert_eq!(options.allowed_hosts, ["emu.example", "[fd00::1]"]);
    }

    #[test]
    fn rejects_bad_values() {
        for args in [
            &["keyturn-emulator", "--fail-rate", "1.5"][..],
            &["keyturn-emulator", "--drop-rate", "x"],
            &["keyturn-emulator", "--admin-ak", "ABC"],
            &["keyturn-emulator", "--admin-ak", "AB C", "--admin-sk", "x"],
            &["keyturn-emulator", "--seed", "other"],
            &["keyturn-emulator", "--kms-rate-limit", "0"],
            &["keyturn-emulator", "--kms-rate-limit", "-1"],
            &["keyturn-emulator", "--allow-host", "emu.example:8780"],
            &["keyturn-emulator", "--allow-host", "a b"],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
    }
}
