//! The IAM calls that fill the credential table, each answer dispatched as an
//! [`InventoryAction`] as soon as it arrives. A load replaced by a refresh is aborted, and its
//! late answers are dropped, so the table only ever shows the latest load.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::StreamExt;
use futures::stream;
use gloo_timers::callback::Timeout;
use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::UserId;
use keyturn_core::inventory::UserRef;
use keyturn_core::keys::{Coverage, InventoryAction, own_keys_owner};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::AbortSignal;
use yew::Callback;

use crate::api::IamClient;

/// The shortest time between two updates of the table while it loads, in milliseconds: five
/// renders a second keep the progress live and leave the page free for the person using it.
const MIN_UPDATE_INTERVAL_MS: f64 = 200.0;

/// Where a load's answers go: the reducer, as one batch of every answer that arrived since the
/// last update, at most every [`MIN_UPDATE_INTERVAL_MS`] and on an animation frame (so 2,000
/// answers make a few dozen renders, not 2,000); dropped if the load was replaced.
#[derive(Clone)]
pub struct LoadSink {
    dispatch: Callback<InventoryAction>,
    signal: Option<AbortSignal>,
    pending: Rc<RefCell<Vec<InventoryAction>>>,
    last_update: Rc<Cell<f64>>,
}

impl LoadSink {
    /// A sink into `dispatch` for the load that `signal` cancels.
    pub fn new(dispatch: Callback<InventoryAction>, signal: Option<AbortSignal>) -> Self {
        Self {
            dispatch,
            signal,
            pending: Rc::default(),
            last_update: Rc::default(),
        }
    }

    fn aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(AbortSignal::aborted)
    }

    fn emit(&self, action: InventoryAction) {
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
            self.dispatch.emit(InventoryAction::Batch(batch));
        }
    }
}

/// Lists the users, then loads each one's keys with at most `concurrency` users in flight.
///
/// When the user list is refused (403: not an administrator), only `me`'s own keys are
/// loaded, through the list of the caller's keys, and the table is listed once they are known.
pub async fn load_inventory(
    iam: IamClient,
    me: Option<UserRef>,
    concurrency: usize,
    sink: LoadSink,
) {
    match iam.list_users().await {
        Ok(users) => {
            let users: Vec<UserRef> = match users.iter().map(UserRef::try_from).collect() {
                Ok(users) => users,
                Err(invalid) => {
                    let error = Error::Invalid(invalid);
                    return sink.emit(InventoryAction::ListFailed { error });
                }
            };
            sink.emit(InventoryAction::Listed {
                users: users.clone(),
                coverage: Coverage::AllUsers,
            });
            stream::iter(users)
                .for_each_concurrent(concurrency.max(1), |user| {
                    load_user(&iam, user.id, Coverage::AllUsers, &sink)
                })
                .await;
        }
        Err(Error::Api(refusal)) if refusal.status == 403 => {
            let keys = shown_keys(&iam, None).await;
            let owner = match &keys {
                Ok(keys) => own_keys_owner(me, keys),
                Err(_) => me,
            };
            sink.emit(InventoryAction::Listed {
                users: owner.iter().cloned().collect(),
                coverage: Coverage::OwnKeys,
            });
            if let Some(owner) = owner {
                sink.emit(settled(&iam, owner.id, keys));
            }
        }
        Err(error) => sink.emit(InventoryAction::ListFailed { error }),
    }
}

/// Loads one user's keys and dispatches them, or the first failure.
pub async fn load_user(iam: &IamClient, user_id: UserId, coverage: Coverage, sink: &LoadSink) {
    let listed_for = match coverage {
        Coverage::AllUsers => Some(&user_id),
        Coverage::OwnKeys => None,
    };
    let keys = shown_keys(iam, listed_for).await;
    sink.emit(settled(iam, user_id, keys));
}

/// The action that records how loading `user_id`'s keys ended.
fn settled(
    iam: &IamClient,
    user_id: UserId,
    keys: Result<Vec<AccessKey>, Error>,
) -> InventoryAction {
    match keys {
        Ok(keys) => InventoryAction::UserLoaded {
            user_id,
            keys,
            now: iam.transport().clock().now(),
        },
        Err(error) => InventoryAction::UserFailed { user_id, error },
    }
}

/// The keys of `user_id` (the caller's with `None`), each shown for its last use.
async fn shown_keys(iam: &IamClient, user_id: Option<&UserId>) -> Result<Vec<AccessKey>, Error> {
    let mut shown = Vec::new();
    for key in iam.list_keys(user_id).await? {
        shown.push(iam.show_key(&key.access).await?);
    }
    Ok(shown)
}
