//! Caps on open connections, so that clients that connect and then dawdle cannot take every
//! socket: in total (the accept loop waits for room; the kernel queues the rest) and per client
//! address (a connection over that cap is closed at once).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

type Counts = Arc<Mutex<HashMap<IpAddr, usize>>>;

/// The open connections, counted in total and per client address.
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    total: Arc<Semaphore>,
    per_client: Counts,
    max_per_client: usize,
}

/// One admitted connection; dropping it frees its place in both counts.
#[derive(Debug)]
pub struct ConnectionSlot {
    client: IpAddr,
    per_client: Counts,
    _total: OwnedSemaphorePermit,
}

impl ConnectionLimits {
    /// At most `max_total` connections, and `max_per_client` from one address.
    pub fn new(max_total: usize, max_per_client: usize) -> Self {
        ConnectionLimits {
            total: Arc::new(Semaphore::new(max_total)),
            per_client: Counts::default(),
            max_per_client,
        }
    }

    /// Waits until fewer than the total cap are open; the room is held until it is dropped or
    /// turned into a slot by [`ConnectionLimits::admit`].
    pub async fn room(&self) -> OwnedSemaphorePermit {
        Arc::clone(&self.total)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed")
    }

    /// Admits a connection from `client` into `room`, unless that address is at its cap.
    pub fn admit(&self, client: IpAddr, room: OwnedSemaphorePermit) -> Option<ConnectionSlot> {
        let client = client.to_canonical();
        let mut counts = lock(&self.per_client);
        let open = counts.entry(client).or_default();
        if *open >= self.max_per_client {
            return None;
        }
        *open += 1;
        Some(ConnectionSlot {
            client,
            per_client: Arc::clone(&self.per_client),
            _total: room,
        })
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut counts = lock(&self.per_client);
        if let Some(open) = counts.get_mut(&self.client) {
            *open -= 1;
            if *open == 0 {
                counts.remove(&self.client);
            }
        }
    }
}

/// The counts stay consistent even if a holder panicked: every update is a single step.
fn lock(counts: &Counts) -> MutexGuard<'_, HashMap<IpAddr, usize>> {
    counts.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[tokio::test]
    async fn caps_each_client_and_frees_on_drop() {
        let limits = ConnectionLimits::new(10, 2);
        let first = limits.admit(ip("10.0.0.1"), limits.room().await).unwrap();
        let _second = limits
            .admit(ip("::ffff:10.0.0.1"), limits.room().await)
            .unwrap();
        assert!(limits.admit(ip("10.0.0.1"), limits.room().await).is_none());
        assert!(limits.admit(ip("10.0.0.2"), limits.room().await).is_some());
        drop(first);
        assert!(limits.admit(ip("10.0.0.1"), limits.room().await).is_some());
    }

    #[tokio::test]
    async fn waits_for_room_once_the_total_is_reached() {
        let limits = ConnectionLimits::new(1, 5);
        let only = limits.admit(ip("10.0.0.1"), limits.room().await).unwrap();
        let waited = tokio::time::timeout(Duration::from_millis(50), limits.room()).await;
        assert!(waited.is_err(), "room without a free place");
        drop(only);
        let room = tokio::time::timeout(Duration::from_secs(1), limits.room()).await;
        assert!(room.is_ok());
    }
}
