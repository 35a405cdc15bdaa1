//! The one owner of request cancellation: requests started by a component are aborted when it
//! unmounts. Writes opt out explicitly (`IamClient::detached`).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{AbortController, AbortSignal};
use yew::prelude::*;

/// The abort signals of one component's requests. Cheap to clone.
#[derive(Clone, Default)]
pub struct AbortScope(Rc<RefCell<Option<AbortController>>>);

impl PartialEq for AbortScope {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl AbortScope {
    /// The signal of the requests in flight, starting a first batch if there is none.
    pub fn signal(&self) -> Option<AbortSignal> {
        let mut current = self.0.borrow_mut();
        if current.is_none() {
            *current = AbortController::new().ok();
        }
        current.as_ref().map(AbortController::signal)
    }

    /// Aborts the requests in flight and returns the signal of a new batch (a refresh that
    /// replaces a load).
    pub fn renew(&self) -> Option<AbortSignal> {
        self.abort();
        self.signal()
    }

    /// Aborts the requests in flight.
    pub fn abort(&self) {
        if let Some(controller) = self.0.borrow_mut().take() {
            controller.abort();
        }
    }
}

/// An [`AbortScope`] whose requests are aborted when the component unmounts.
#[hook]
pub fn use_abort_scope() -> AbortScope {
    let scope = (*use_memo((), |()| AbortScope::default())).clone();
    {
        let scope = scope.clone();
        use_effect_with((), move |()| move || scope.abort());
    }
    scope
}
