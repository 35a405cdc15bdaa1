//! Starting the local stack (emulator, proxy) as child processes that stop with the task.
//!
//! They share the terminal's process group, so Ctrl-C reaches them as it reaches xtask.

use crate::run::Result;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

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

    /// The exit status, once the service has stopped.
    fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Stops the service: it got Ctrl-C's SIGINT with the task, so it has a moment to end by
    /// itself before it is killed.
    fn stop(mut self) {
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline && self.exited().is_none() {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Runs until Ctrl-C (`interrupted`), then stops the services; a service that stops by itself
/// before that is an error (and the others are killed).
pub fn serve_until_interrupted(mut services: Vec<Service>, interrupted: &Receiver<()>) -> Result {
    let stopped = loop {
        if interrupted.recv_timeout(Duration::from_millis(200)).is_ok() {
            break Ok(());
        }
        let exited = services.iter_mut().find_map(|s| {
            let status = s.exited()?;
            Some(format!("{} stopped: {status}", s.name))
        });
        if let Some(exited) = exited {
            // Ctrl-C also reaches the services, which may notice it first.
            if interrupted.recv_timeout(Duration::from_secs(1)).is_ok() {
                break Ok(());
            }
            break Err(exited);
        }
    };
    if stopped.is_ok() {
        services.into_iter().for_each(Service::stop);
    }
    stopped
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
