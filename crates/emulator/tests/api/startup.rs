//! The binary: its one startup line, `--seed empty`, `--users N` determinism, `--admin-ak/--admin-sk`,
//! the warning when listening beyond loopback.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use keyturn_emulator::control;
use keyturn_emulator::seed::{ADMIN_NAME, DOMAIN_NAME};
use keyturn_emulator::state::HOME_REGION;
use serde_json::Value;

/// A running `keyturn-emulator` process, killed on drop.
struct Process {
    child: Child,
    line: Value,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run(args: &[&str]) -> Process {
    let mut child = Command::new(env!("CARGO_BIN_EXE_keyturn-emulator"))
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let line = serde_json::from_str(&line).unwrap_or_else(|_| panic!("not JSON: {line}"));
    Process { child, line }
}

async fn state(process: &Process) -> Value {
    let endpoint = process.line["endpoint"].as_str().unwrap();
    reqwest::Client::new()
        .get(format!("{endpoint}/__emulator/state"))
        .header(control::HEADER, "1")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn ids(state: &Value, list: &str, id: &str) -> Vec<String> {
    state[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item.pointer(id).unwrap().as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn prints_one_json_line_with_the_real_port() {
    let process = run(&[]);
    let line = &process.line;
    let endpoint = line["endpoint"].as_str().unwrap();
    assert!(endpoint.starts_with("http://127.0.0.1:"));
    assert_ne!(endpoint, "http://127.0.0.1:0");
    assert_eq!(line["region"], HOME_REGION);
    assert_eq!(line["domain_name"], DOMAIN_NAME);
    assert_eq!(line["domain_id"].as_str().unwrap().len(), 32);
    assert_eq!(line["project_id"].as_str().unwrap().len(), 32);
    assert_eq!(line["admin"]["name"], ADMIN_NAME);
    assert_eq!(line["admin"]["ak"].as_str().unwrap().len(), 20);
    assert_eq!(line["admin"]["sk"].as_str().unwrap().len(), 40);
    assert!(line["admin"]["password"].is_string());
    assert_eq!(state(&process).await["domain"]["id"], line["domain_id"]);
}

#[tokio::test]
async fn empty_seed_has_only_the_admin() {
    let process = run(&["--seed", "empty"]);
    let state = state(&process).await;
    assert_eq!(
        ids(&state, "users", "/id"),
        [process.line["admin"]["user_id"].as_str().unwrap()]
    );
    assert_eq!(
        ids(&state, "credentials", "/access"),
        [process.line["admin"]["ak"].as_str().unwrap()]
    );
    assert!(state["kms_keys"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn generated_users_and_keys_follow_the_rng_seed() {
    let args = ["--users", "30", "--kms-keys", "25", "--rng-seed", "7"];
    let (a, b) = (run(&args), run(&args));
    let other = run(&["--users", "30", "--kms-keys", "25", "--rng-seed", "8"]);
    let (sa, sb, so) = (state(&a).await, state(&b).await, state(&other).await);
    let demo_users = state(&run(&["--rng-seed", "7"])).await["users"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(sa["users"].as_array().unwrap().len(), demo_users + 30);
    assert_eq!(ids(&sa, "users", "/id"), ids(&sb, "users", "/id"));
    assert_eq!(
        ids(&sa, "credentials", "/access"),
        ids(&sb, "credentials", "/access")
    );
    assert_eq!(
        ids(&sa, "kms_keys", "/details/key_id"),
        ids(&sb, "kms_keys", "/details/key_id")
    );
    assert_eq!(a.line["admin"]["sk"], b.line["admin"]["sk"]);
    assert_ne!(ids(&sa, "users", "/id"), ids(&so, "users", "/id"));
    let generated = sa["kms_keys"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| {
            k["details"]["key_alias"]
                .as_str()
                .unwrap()
                .starts_with("gen/")
        })
        .count();
    assert_eq!(generated, 25);
}

#[tokio::test]
async fn fixed_admin_key() {
    let process = run(&[
        "--admin-ak",
        "FIXEDADMINKEY0000001",
        "--admin-sk",
        "FixedAdminSecret0000000000000000000000001",
    ]);
    assert_eq!(process.line["admin"]["ak"], "FIXEDADMINKEY0000001");
    assert_eq!(
        process.line["admin"]["sk"],
        "FixedAdminSecret0000000000000000000000001"
    );
}

#[test]
fn bad_flags_exit_with_an_error() {
    let status = Command::new(env!("CARGO_BIN_EXE_keyturn-emulator"))
        .args(["--fail-rate", "2"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success());
}

/// The first line `keyturn-emulator --listen ADDR` writes to stderr (at least its "listening" log).
fn first_log_line(listen: &str) -> String {
    let child = Command::new(env!("CARGO_BIN_EXE_keyturn-emulator"))
        .args(["--listen", listen])
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut process = Process {
        child,
        line: Value::Null,
    };
    let mut line = String::new();
    BufReader::new(process.child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    line
}

#[test]
fn warns_when_listening_beyond_loopback() {
    let wide = first_log_line("0.0.0.0:0");
    assert!(
        wide.contains("warning: listening on 0.0.0.0:0 beyond loopback"),
        "{wide}"
    );
    let local = first_log_line("127.0.0.1:0");
    assert!(!local.contains("warning"), "{local}");
}
