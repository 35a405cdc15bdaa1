//! A raw TCP client for the connection-level tests: it writes bytes exactly as given, at once or
//! a byte at a time, and reports what the proxy did with the connection.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::task::JoinHandle;

use super::client::Proxy;

/// What became of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The proxy answered with this status.
    Answered(u16),
    /// The proxy closed the connection without an answer.
    Closed,
    /// Nothing happened in the time given.
    Open,
}

/// One connection to the proxy.
pub struct Raw {
    read: OwnedReadHalf,
    write: Option<OwnedWriteHalf>,
    trickler: Option<JoinHandle<()>>,
}

impl Raw {
    /// Opens a connection to `proxy`.
    pub async fn connect(proxy: &Proxy) -> Raw {
        let (read, write) = TcpStream::connect(proxy.addr).await.unwrap().into_split();
        Raw {
            read,
            write: Some(write),
            trickler: None,
        }
    }

    /// Writes `bytes` at once (a connection the proxy already closed is not an error here).
    pub async fn send(&mut self, bytes: &[u8]) {
        if let Some(write) = &mut self.write {
            let _ = write.write_all(bytes).await;
        }
    }

    /// From now on writes one byte (`x`) every `pace`, until the proxy closes the connection.
    pub fn trickle(&mut self, pace: Duration) {
        let mut write = self.write.take().expect("not trickling yet");
        self.trickler = Some(tokio::spawn(async move {
            while write.write_all(b"x").await.is_ok() {
                tokio::time::sleep(pace).await;
            }
        }));
    }

    /// Waits up to `within` for the proxy to answer (a new status line) or close the connection;
    /// bytes left over from an earlier answer are read past.
    pub async fn outcome(&mut self, within: Duration) -> Outcome {
        let mut received = Vec::new();
        let mut buffer = [0u8; 1024];
        let read = tokio::time::timeout(within, async {
            loop {
                match self.read.read(&mut buffer).await {
                    Ok(0) | Err(_) => return Outcome::Closed,
                    Ok(n) => received.extend_from_slice(&buffer[..n]),
                }
                if let Some(status) = status(&received) {
                    return Outcome::Answered(status);
                }
            }
        });
        read.await.unwrap_or(Outcome::Open)
    }

    /// Whether the proxy ended the connection within `within`, with or without a last answer
    /// (a server may say 408 as it closes).
    pub async fn ended(&mut self, within: Duration) -> bool {
        matches!(
            self.outcome(within).await,
            Outcome::Closed | Outcome::Answered(408)
        ) && self.outcome(within).await == Outcome::Closed
    }
}

/// The status of an answer that starts at the beginning of `received`, once its line is complete.
fn status(received: &[u8]) -> Option<u16> {
    let line = received.strip_prefix(b"HTTP/1.1 ")?;
    line.iter().position(|&b| b == b'\r')?;
    std::str::from_utf8(line.get(..3)?).ok()?.parse().ok()
}

impl Drop for Raw {
    fn drop(&mut self) {
        if let Some(trickler) = &self.trickler {
            trickler.abort();
        }
    }
}
