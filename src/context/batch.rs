//! [`BatchSink`]: a long load's answers applied as one batch a few times a second, so that
//! thousands of answers make a few dozen renders and the page stays free for the person using it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::AbortSignal;
use yew::Callback;

/// The shortest time between two updates of a page while it loads, in milliseconds: five
/// renders a second keep the progress live and leave the page free for the person using it.
const MIN_UPDATE_INTERVAL_MS: f64 = 200.0;

/// Where a load's answers go: the reducer, as one batch of every answer that arrived since the
/// last update (wrapped by `batch`, e.g. `InventoryAction::Batch`), at most every [`MIN_UPDATE_INTERVAL_MS`] and on an animation frame (so 2,000
/// answers make a few dozen renders, not 2,000); dropped if the load was replaced.
pub struct BatchSink<A: 'static> {
    dispatch: Callback<A>,
    batch: fn(Vec<A>) -> A,
    signal: Option<AbortSignal>,
    pending: Rc<RefCell<Vec<A>>>,
    last_update: Rc<Cell<f64>>,
}

impl<A: 'static> BatchSink<A> {
    /// A sink into `dispatch`, batching with `batch`, for the load that `signal` cancels.
    pub fn new(dispatch: Callback<A>, batch: fn(Vec<A>) -> A, signal: Option<AbortSignal>) -> Self {
        Self {
            dispatch,
            batch,
            signal,
            pending: Rc::default(),
            last_update: Rc::default(),
        }
    }

    fn aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(AbortSignal::aborted)
    }

    /// Queues `action` for the next update (nothing once the load was replaced).
    pub fn emit(&self, action: A) {
        if self.aborted() {
            return;
        }
        let first = {
            let mut pending = self.pending.borrow_mut();
            pending.push(action);
            pending.len() == 1
        };
        if first {
            let wait = self.last_update.get() + MIN_UPDATE_INTERVAL_MS - js_sys::Date::now();
            let sink = self.clone();
            Timeout::new(wait.clamp(0.0, MIN_UPDATE_INTERVAL_MS) as u32, move || {
                sink.on_next_frame()
            })
            .forget();
        }
    }

    fn on_next_frame(&self) {
        let sink = self.clone();
        let flush = Closure::once_into_js(move || sink.flush());
        let scheduled = web_sys::window()
            .and_then(|window| window.request_animation_frame(flush.unchecked_ref()).ok());
        if scheduled.is_none() {
            self.flush();
        }
    }

    fn flush(&self) {
        self.last_update.set(js_sys::Date::now());
        let batch = std::mem::take(&mut *self.pending.borrow_mut());
        if !self.aborted() && !batch.is_empty() {
            self.dispatch.emit((self.batch)(batch));
        }
    }
}

impl<A: 'static> Clone for BatchSink<A> {
    fn clone(&self) -> Self {
        Self {
            dispatch: self.dispatch.clone(),
            batch: self.batch,
            signal: self.signal.clone(),
            pending: self.pending.clone(),
            last_update: self.last_update.clone(),
        }
    }
}
