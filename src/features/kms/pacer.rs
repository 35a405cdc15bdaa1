//! [`Pacer`]: one page's KMS calls spaced by a shared [`RateLimiter`], so that status reads,
//! single changes and bulk runs together stay under the rate of the settings.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use keyturn_core::kms::RateLimiter;

/// The page's rate limiter, shared by every call it sends. Cheap to clone.
#[derive(Clone)]
pub struct Pacer(Rc<RefCell<RateLimiter>>);

impl PartialEq for Pacer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Pacer {
    /// At most `per_second` calls in any second.
    pub fn new(per_second: u32) -> Self {
        Self(Rc::new(RefCell::new(RateLimiter::new(per_second))))
    }

    /// Waits for the next free slot, then until the last second holds room for one more
    /// request; call right before sending.
    pub async fn slot(&self) {
        let delay = self.0.borrow_mut().next_delay_ms(now_ms());
        sleep(delay).await;
        loop {
            let wait = self.0.borrow_mut().send_now(now_ms());
            if wait == 0 {
                return;
            }
            sleep(wait).await;
        }
    }

    /// A call was throttled (429): later slots wait for the backoff.
    pub fn throttled(&self) {
        self.0.borrow_mut().after_throttle(now_ms(), None);
    }

    /// A call went through: the next throttle backs off from the start again.
    pub fn succeeded(&self) {
        self.0.borrow_mut().after_success();
    }
}

async fn sleep(ms: u64) {
    if ms > 0 {
        TimeoutFuture::new(u32::try_from(ms).unwrap_or(u32::MAX)).await;
    }
}

fn now_ms() -> u64 {
    // Milliseconds since 1970 fit a u64 for the next 500 million years.
    js_sys::Date::now().max(0.0) as u64
}
