//! The browser's clock offset from the servers', learned from `Date` answers.

use std::cell::Cell;
use std::rc::Rc;

use chrono::{DateTime, TimeDelta, Utc};

/// Milliseconds to add to the browser's clock to get the server's, shared by every clone.
///
/// Signatures carry `X-Sdk-Date` and the gateway refuses dates too far from its own, so the
/// transport signs with [`ClockOffset::now`] and updates the offset from every answer's `Date`
/// (the proxy exposes that header).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClockOffset(Rc<Cell<i64>>);

impl ClockOffset {
    /// The current offset in milliseconds (server minus browser).
    pub fn offset_ms(&self) -> i64 {
        self.0.get()
    }

    /// The server's time as best known.
    pub fn now(&self) -> DateTime<Utc> {
        self.at(Utc::now())
    }

    /// `local` moved by the offset.
    pub fn at(&self, local: DateTime<Utc>) -> DateTime<Utc> {
        local + TimeDelta::milliseconds(self.offset_ms())
    }

    /// Learns the offset from an HTTP `Date` value received at browser time `local`; ignores
    /// values that are not HTTP dates.
    pub fn learn(&self, date_header: &str, local: DateTime<Utc>) {
        if let Ok(server) = DateTime::parse_from_rfc2822(date_header.trim()) {
            self.0
                .set((server.with_timezone(&Utc) - local).num_milliseconds());
        }
    }
}
