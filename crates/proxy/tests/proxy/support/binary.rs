//! The `keyturn-proxy` binary, started as a user starts it.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use super::client::Proxy;

/// The binary with `args`, killed if the test drops it; no `KEYTURN_PROXY_*` variable of the
/// test's own environment reaches it.
pub fn keyturn_proxy<'a>(args: impl IntoIterator<Item = &'a str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_keyturn-proxy"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("KEYTURN_PROXY_") {
            command.env_remove(name);
        }
    }
    command.args(args).stdin(Stdio::null()).kill_on_drop(true);
    command
}

/// A started binary and a client for it.
pub struct Running {
    /// The process.
    pub child: Child,
    /// Where it listens, from its startup line.
    pub proxy: Proxy,
}

impl Running {
    /// Starts `command` and waits (up to 10 s) for `keyturn-proxy listening on http://ADDR`.
    pub async fn start(mut command: Command) -> Running {
        let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let line = tokio::time::timeout(Duration::from_secs(10), lines.next_line())
            .await
            .expect("no startup line")
            .unwrap()
            .expect("stdout closed before the startup line");
        let addr = line
            .strip_prefix("keyturn-proxy listening on http://")
            .unwrap_or_else(|| panic!("unexpected startup line {line:?}"))
            .parse()
            .unwrap();
        Running {
            child,
            proxy: Proxy { addr },
        }
    }

    /// Sends `signal` (such as `TERM` or `INT`) to the process.
    pub async fn signal(&self, signal: &str) {
        let pid = self.child.id().expect("still running").to_string();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .await
            .unwrap();
        assert!(status.success(), "kill -{signal} {pid} failed");
    }
}
