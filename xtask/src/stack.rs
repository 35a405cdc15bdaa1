//! Starting the local stack (emulator, proxy) as child processes that stop with the task.

use crate::run::Result;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A running service; it is killed when dropped.
pub struct Service {
    name: &'static str,
    child: Child,
    /// The first line the service printed (its startup contract).
    pub ready_line: String,
    _stdout: std::thread::JoinHandle<()>,
}

impl Service {
    /// Starts `program` and waits (up to 30 s) for the first line on its stdout.
    pub fn start(name: &'static str, program: &Path, args: &[&str]) -> Result<Self> {
        println!("    $ {} {}", program.display(), args.join(" "));
        let mut child = Command::new(program)
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start {name} ({}): {e}", program.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || forward_stdout(stdout, tx));
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => Ok(Service {
                name,
                child,
                ready_line: line,
                _stdout: reader,
            }),
            Err(_) => {
                let _ = child.kill();
                Err(format!("{name} printed no startup line within 30 s"))
            }
        }
    }

    /// Blocks until the service exits; an exit is an error for a service meant to run until stopped.
    pub fn wait(mut self) -> Result {
        let status = self.child.wait().map_err(|e| e.to_string())?;
        Err(format!("{} stopped: {status}", self.name))
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends the first line to `tx`, then echoes the rest so nothing blocks on a full pipe.
fn forward_stdout(stdout: ChildStdout, tx: mpsc::Sender<String>) {
    let mut lines = BufReader::new(stdout).lines();
    if let Some(Ok(first)) = lines.next() {
        let _ = tx.send(first);
    }
    for line in lines.map_while(std::result::Result::ok) {
        println!("{line}");
    }
}
