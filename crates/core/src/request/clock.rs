//! The browser's clock offset from the servers', learned from `Date` answers.

use std::cell::Cell;
use std::rc::Rc;

use chrono::{DateTime, TimeDelta, Utc};

/// The largest offset learned, in milliseconds (one day), either way.
///
/// A `Date` answer is only as trustworthy as the proxy that relays it: a date further away than
/// this is taken as this far away, so a hostile or broken answer cannot move signatures by
/// years (or past the end of time: `Fri, 31 Dec 262143 …` used to make the next signature
/// panic). The gateway refuses signatures more than 15 minutes off, so a day is well beyond any
/// correction that can succeed, and still tells the user which way the clock is wrong.
pub const MAX_CLOCK_OFFSET_MS: i64 = 24 * 60 * 60 * 1000;

/// Milliseconds to add to the browser's clock to get the server's, shared by every clone.
///
/// Signatures carry `X-Sdk-Date` and the gateway refuses dates too far from its own, so the
/// transport signs with [`ClockOffset::now`] and updates the offset from every answer's `Date`
/// (the proxy exposes that header). The offset is always within ±[`MAX_CLOCK_OFFSET_MS`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClockOffset(Rc<Cell<i64>>);

impl ClockOffset {
    /// The current offset in milliseconds (server minus browser), within ±[`MAX_CLOCK_OFFSET_MS`].
    pub fn offset_ms(&self) -> i64 {
        self.0.get()
    }

    /// The server's time as best known.
    pub fn now(&self) -> DateTime<Utc> {
        self.at(Utc::now())
    }

    /// `local` moved by the offset; `local` itself if that would leave chrono's range of dates.
    pub fn at(&self, local: DateTime<Utc>) -> DateTime<Utc> {
        local
            .checked_add_signed(TimeDelta::milliseconds(self.offset_ms()))
            .unwrap_or(local)
    }

    /// Learns the offset from an HTTP `Date` value received at browser time `local`, capped
    /// to ±[`MAX_CLOCK_OFFSET_MS`]; ignores values that are not HTTP dates.
    pub fn learn(&self, date_header: &str, local: DateTime<Utc>) {
        if let Some(offset) = offset_from(date_header, local) {
            self.0.set(offset);
        }
    }
}

/// The capped offset a `Date` value received at `local` tells, if it is a date.
fn offset_from(date_header: &str, local: DateTime<Utc>) -> Option<i64> {
    let server = DateTime::parse_from_rfc2822(date_header.trim()).ok()?;
    let offset = server
        .with_timezone(&Utc)
        .signed_duration_since(local)
        .num_milliseconds();
    Some(offset.clamp(-MAX_CLOCK_OFFSET_MS, MAX_CLOCK_OFFSET_MS))
}
