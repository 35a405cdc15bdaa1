//! The access key feature's one context handle: the table's data, the page's dialogs and
//! notices, the IAM client, and every action (see `actions.rs` for the writes). The page
//! provides it; components read it with [`use_keys`] instead of receiving callbacks.

use std::collections::BTreeSet;
use std::rc::Rc;

use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::UserRef;
use keyturn_core::keys::{
    ConsoleAction, ConsoleState, InventoryAction, InventoryState, KeyDialog, delete_risks,
};
use keyturn_core::policy::RotationPolicy;
use yew::prelude::*;

use super::load::{LoadSink, load_inventory, load_user};
use crate::api::IamClient;
use crate::context::{
    AbortScope, Reduced, use_abort_scope, use_iam, use_model, use_session, use_settings,
};

/// The access key page's state and actions. Cheap to clone.
#[derive(Clone, PartialEq)]
pub struct KeysHandle {
    /// Users, keys and loading progress.
    pub inventory: UseReducerHandle<Reduced<InventoryState>>,
    /// The open dialog, its request, keys with a status change in flight, the last notice.
    pub console: UseReducerHandle<Reduced<ConsoleState>>,
    /// Keys selected for a rotation plan.
    pub selection: UseStateHandle<Rc<BTreeSet<AccessKeyId>>>,
    /// The signed-in user's IAM client; its reads end with the page.
    pub(super) iam: IamClient,
    scope: AbortScope,
    me: Option<UserRef>,
    concurrency: usize,
    policy: RotationPolicy,
}

impl KeysHandle {
    /// Loads everything again, cancelling what is still in flight.
    pub fn refresh(&self) {
        let signal = self.scope.renew();
        let iam = match &signal {
            Some(signal) => self.iam.clone().with_abort_signal(signal.clone()),
            None => self.iam.clone(),
        };
        self.inventory.dispatch(InventoryAction::Started {
            policy: self.policy,
        });
        let sink = LoadSink::new(self.inventory_dispatch(), InventoryAction::Batch, signal);
        wasm_bindgen_futures::spawn_local(load_inventory(
            iam,
            self.me.clone(),
            self.concurrency,
            sink,
        ));
    }

    /// Loads the keys of the failed user `user_id` again.
    pub fn retry(&self, user_id: UserId) {
        let Some(coverage) = self.inventory.coverage() else {
            return;
        };
        let signal = self.scope.signal();
        let iam = match &signal {
            Some(signal) => self.iam.clone().with_abort_signal(signal.clone()),
            None => self.iam.clone(),
        };
        self.inventory.dispatch(InventoryAction::UserRetried {
            user_id: user_id.clone(),
        });
        let sink = LoadSink::new(self.inventory_dispatch(), InventoryAction::Batch, signal);
        wasm_bindgen_futures::spawn_local(async move {
            load_user(&iam, user_id, coverage, &sink).await;
        });
    }

    /// Reads `user_id`'s keys again after a write whose outcome is unclear, so the table shows
    /// what IAM holds; until the answer their keys count as unknown (no create offered). A read
    /// that fails leaves their row failed, with its "Retry".
    pub(super) fn reread(&self, user_id: UserId) {
        let Some(coverage) = self.inventory.coverage() else {
            return;
        };
        let signal = self.scope.signal();
        let iam = match &signal {
            Some(signal) => self.iam.clone().with_abort_signal(signal.clone()),
            None => self.iam.clone(),
        };
        self.inventory.dispatch(InventoryAction::UserReread {
            user_id: user_id.clone(),
        });
        let sink = LoadSink::new(self.inventory_dispatch(), InventoryAction::Batch, signal);
        wasm_bindgen_futures::spawn_local(async move {
            load_user(&iam, user_id, coverage, &sink).await;
        });
    }

    /// Opens the create dialog for `user`.
    pub fn open_create(&self, user: UserRef) {
        self.console
            .dispatch(ConsoleAction::Open(KeyDialog::Create { user }));
    }

    /// Opens the description dialog of `access`.
    pub fn open_edit(&self, access: &AccessKeyId) {
        let Some(row) = self.inventory.inventory.row(access) else {
            return;
        };
        self.console.dispatch(ConsoleAction::Open(KeyDialog::Edit {
            access: access.clone(),
            description: row.key.description.clone(),
        }));
    }

    /// Opens the delete dialog of `access`, with the risks of deleting it now.
    pub fn open_delete(&self, access: &AccessKeyId) {
        let inventory = &self.inventory.inventory;
        let Some(row) = inventory.row(access) else {
            return;
        };
        let now = self.iam.transport().clock().now();
        self.console
            .dispatch(ConsoleAction::Open(KeyDialog::Delete {
                access: access.clone(),
                user_name: row.user.name.clone(),
                risks: delete_risks(inventory, access, now),
            }));
    }

    /// Selects or unselects `keys` for a rotation plan.
    pub fn select(&self, keys: impl IntoIterator<Item = AccessKeyId>, selected: bool) {
        let mut next = (**self.selection).clone();
        for key in keys {
            if selected {
                next.insert(key);
            } else {
                next.remove(&key);
            }
        }
        self.selection.set(Rc::new(next));
    }

    /// Unselects every key.
    pub fn clear_selection(&self) {
        self.selection.set(Rc::default());
    }

    /// Closes the dialog without acting.
    pub fn close(&self) {
        self.console.dispatch(ConsoleAction::Close);
    }

    /// Hides the last notice.
    pub fn dismiss(&self) {
        self.console.dispatch(ConsoleAction::Dismiss);
    }

    fn inventory_dispatch(&self) -> Callback<InventoryAction> {
        let dispatcher = self.inventory.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    }
}

/// Props of [`KeysProvider`].
#[derive(Properties, PartialEq)]
pub struct KeysProviderProps {
    /// The page's content.
    pub children: Html,
}

/// Provides the [`KeysHandle`] of the signed-in session (nothing when signed out) and loads
/// the table when it mounts and whenever the session or proxy changes; reassesses rows when the
/// rotation policy changes. Reads still in flight are aborted when it unmounts.
#[component]
pub fn KeysProvider(props: &KeysProviderProps) -> Html {
    let inventory = use_model::<InventoryState>();
    let console = use_model::<ConsoleState>();
    let selection = use_state(Rc::<BTreeSet<AccessKeyId>>::default);
    let scope = use_abort_scope();
    let iam = use_iam(&scope);
    let session = use_session();
    let settings = use_settings();
    let policy = settings.effective.rotation_policy;
    let handle = match (iam, &session) {
        (Some(iam), Some(session)) => Some(KeysHandle {
            inventory: inventory.clone(),
            console,
            selection,
            iam,
            scope,
            me: UserId::parse(&session.user_id).ok().map(|id| UserRef {
                id,
                name: session.user_name.clone(),
                enabled: true,
            }),
            concurrency: usize::try_from(settings.effective.concurrency).unwrap_or(usize::MAX),
            policy,
        }),
        _ => None,
    };
    {
        let handle = handle.clone();
        let proxy = settings.effective.proxy_url.clone();
        use_effect_with((session, proxy), move |_| {
            if let Some(handle) = handle {
                handle.refresh();
            }
        });
    }
    {
        let clock = handle
            .as_ref()
            .map(|handle| handle.iam.transport().clock().clone());
        use_effect_with(policy, move |policy| {
            if let Some(clock) = clock {
                inventory.dispatch(InventoryAction::PolicyChanged {
                    policy: *policy,
                    now: clock.now(),
                });
            }
        });
    }
    match handle {
        Some(handle) => html! {
            <ContextProvider<KeysHandle> context={handle}>
                { props.children.clone() }
            </ContextProvider<KeysHandle>>
        },
        None => props.children.clone(),
    }
}

/// The access key page's handle; `None` outside a signed-in [`KeysProvider`].
#[hook]
pub fn use_keys() -> Option<KeysHandle> {
    use_context::<KeysHandle>()
}
