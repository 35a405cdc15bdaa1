//! `use_inventory`: loads the credential table when the page mounts, cancels on unmount.

use keyturn_core::inventory::UserRef;
use web_sys::AbortController;
use yew::prelude::*;

use super::inventory_load::{load_inventory, load_user};
use super::{InventoryAction, InventoryState, use_session, use_session_handle, use_settings};
use crate::api::use_iam;

/// The credential table's data and the ways to load it again.
#[derive(Clone, PartialEq)]
pub struct InventoryHandle {
    /// Users, keys and loading progress.
    pub state: UseReducerHandle<InventoryState>,
    /// Loads everything again, cancelling what is still in flight.
    pub refresh: Callback<()>,
    /// Loads the keys of the failed user with this id again.
    pub retry: Callback<String>,
}

/// Loads every user's keys for the signed-in session (again whenever the session or proxy
/// changes), with the concurrency of the settings; reassesses rows when the rotation policy
/// changes. Requests still in flight are aborted when the component unmounts or a refresh
/// replaces them; answers of replaced loads are ignored.
#[hook]
pub fn use_inventory() -> InventoryHandle {
    let state = use_reducer(InventoryState::default);
    let controller = use_mut_ref(|| None::<AbortController>);
    let generation = use_mut_ref(|| 0_u64);
    let iam = use_iam();
    let session = use_session();
    let sessions = use_session_handle();
    let settings = use_settings();
    let policy = settings.effective.rotation_policy;
    let concurrency = usize::try_from(settings.effective.concurrency).unwrap_or(usize::MAX);
    let me = session.as_ref().map(|session| UserRef {
        id: session.user_id.clone(),
        name: session.user_name.clone(),
        enabled: true,
    });
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };

    let refresh = {
        let (iam, controller, generation, dispatch) = (
            iam.clone(),
            controller.clone(),
            generation.clone(),
            dispatch.clone(),
        );
        Callback::from(move |()| {
            if let Some(old) = controller.borrow_mut().take() {
                old.abort();
            }
            let (Some(iam), Some(me)) = (iam.clone(), me.clone()) else {
                return;
            };
            let Ok(fresh) = AbortController::new() else {
                return;
            };
            let iam = iam.with_abort_signal(fresh.signal());
            *controller.borrow_mut() = Some(fresh);
            let current = {
                let mut generation = generation.borrow_mut();
                *generation += 1;
                *generation
            };
            dispatch.emit(InventoryAction::Started {
                generation: current,
                policy,
            });
            wasm_bindgen_futures::spawn_local(load_inventory(
                iam,
                me,
                current,
                concurrency,
                dispatch.clone(),
            ));
        })
    };

    let retry = {
        let (state, controller, generation, dispatch) = (
            state.clone(),
            controller.clone(),
            generation.clone(),
            dispatch.clone(),
        );
        Callback::from(move |user_id: String| {
            let (Some(iam), Some(scope)) = (iam.clone(), state.scope()) else {
                return;
            };
            let iam = match controller.borrow().as_ref() {
                Some(controller) => iam.with_abort_signal(controller.signal()),
                None => iam,
            };
            let current = *generation.borrow();
            dispatch.emit(InventoryAction::UserRetried {
                generation: current,
                user_id: user_id.clone(),
            });
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                load_user(&iam, user_id, scope, current, &dispatch).await;
            });
        })
    };

    {
        let (refresh, controller) = (refresh.clone(), controller.clone());
        let proxy = settings.effective.proxy_url.clone();
        use_effect_with((session, proxy), move |_| {
            refresh.emit(());
            move || {
                if let Some(controller) = controller.borrow_mut().take() {
                    controller.abort();
                }
            }
        });
    }
    {
        let clock = sessions.clock();
        use_effect_with(policy, move |policy| {
            dispatch.emit(InventoryAction::PolicyChanged {
                policy: *policy,
                now: clock.now(),
            });
        });
    }

    InventoryHandle {
        state,
        refresh,
        retry,
    }
}
