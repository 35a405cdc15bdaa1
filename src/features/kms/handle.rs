//! The KMS feature's one context handle: the table's data, the dialogs, the bulk change, the
//! selection, the region's client and the pacer of its calls, and every action (see
//! `actions.rs` and `bulk_run.rs` for the writes). Components read it with [`use_kms`].

use std::collections::BTreeSet;
use std::rc::Rc;

use keyturn_core::endpoints::kms_endpoint;
use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{
    BulkState, KeyListing, KmsAction, KmsConsoleAction, KmsConsoleState, KmsDialog, KmsState,
    KmsView,
};
use keyturn_core::session::ProjectToken;
use yew::prelude::*;

use super::load::{
    ClientCell, KmsSink, KmsTarget, Loader, list_and_read, load_region, read_status,
};
use super::{Pacer, use_kms_view};
use crate::api::Transport;
use crate::context::{
    AbortScope, Reduced, use_abort_scope, use_model, use_session_handle, use_settings,
};

/// The KMS page's state and actions. Cheap to clone.
#[derive(Clone, PartialEq)]
pub struct KmsHandle {
    /// The region's keys and how loading them stands.
    pub state: UseReducerHandle<Reduced<KmsState>>,
    /// The open dialog, its request, the last notice.
    pub console: UseReducerHandle<Reduced<KmsConsoleState>>,
    /// The bulk change dialog.
    pub bulk: UseReducerHandle<Reduced<BulkState>>,
    /// Keys selected for a bulk change.
    pub selection: UseStateHandle<Rc<BTreeSet<KmsKeyId>>>,
    /// What the table shows, from the URL.
    pub view: KmsView,
    /// What the page reads: `None` when the region has no KMS endpoint.
    pub(super) target: Option<KmsTarget>,
    pub(super) client: ClientCell,
    pub(super) pacer: Pacer,
    pub(super) concurrency: usize,
    scope: AbortScope,
    on_token: Callback<ProjectToken>,
}

impl KmsHandle {
    /// The region shown: the view's, else the settings'.
    pub fn region(&self) -> &str {
        self.target
            .as_ref()
            .map_or(self.state.region.as_str(), |target| target.region.as_str())
    }

    /// Loads the region's keys again, cancelling what is still in flight.
    pub fn refresh(&self) {
        let Some(target) = self.target.clone() else {
            return;
        };
        let signal = self.scope.renew();
        self.client.replace(None);
        self.selection.set(Rc::default());
        self.state.dispatch(KmsAction::Started {
            region: target.region.clone(),
        });
        let loader = self.loader(signal.clone());
        wasm_bindgen_futures::spawn_local(load_region(
            target,
            signal,
            self.on_token.clone(),
            self.client.clone(),
            loader,
        ));
    }

    /// Lists again from the page that failed (connecting again if that failed), then reads the
    /// statuses still missing.
    pub fn retry_list(&self) {
        let KeyListing::Failed { marker, .. } = &self.state.listing else {
            return;
        };
        let Some(client) = self.client.borrow().clone() else {
            return self.refresh();
        };
        let marker = marker.clone();
        let needing: Vec<KmsKeyId> = self.state.keys_needing_status().cloned().collect();
        self.state.dispatch(KmsAction::ListRetried);
        let signal = self.scope.signal();
        let loader = self.loader(signal.clone());
        let client = client.with_abort_signal(signal);
        wasm_bindgen_futures::spawn_local(list_and_read(client, marker, needing, loader));
    }

    /// Reads the failed status of `key_id` again.
    pub fn retry_status(&self, key_id: KmsKeyId) {
        let Some(client) = self.client.borrow().clone() else {
            return;
        };
        self.state.dispatch(KmsAction::StatusRetried {
            key_id: key_id.clone(),
        });
        let signal = self.scope.signal();
        let loader = self.loader(signal.clone());
        let client = client.with_abort_signal(signal);
        wasm_bindgen_futures::spawn_local(async move {
            read_status(&client, key_id, &loader).await;
        });
    }

    /// Opens `dialog`.
    pub fn open(&self, dialog: KmsDialog) {
        self.console.dispatch(KmsConsoleAction::Open(dialog));
    }

    /// Closes the dialog without acting.
    pub fn close(&self) {
        self.console.dispatch(KmsConsoleAction::Close);
    }

    /// Hides the last notice.
    pub fn dismiss(&self) {
        self.console.dispatch(KmsConsoleAction::Dismiss);
    }

    /// Selects or unselects `keys` for a bulk change.
    pub fn select(&self, keys: impl IntoIterator<Item = KmsKeyId>, selected: bool) {
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

    pub(super) fn state_dispatch(&self) -> Callback<KmsAction> {
        let dispatcher = self.state.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    }

    fn loader(&self, signal: Option<web_sys::AbortSignal>) -> Loader {
        Loader {
            pacer: self.pacer.clone(),
            concurrency: self.concurrency,
            sink: KmsSink::new(self.state_dispatch(), KmsAction::Batch, signal),
        }
    }
}

/// Props of [`KmsProvider`].
#[derive(Properties, PartialEq)]
pub struct KmsProviderProps {
    /// The page's content.
    pub children: Html,
}

/// Provides the [`KmsHandle`] of the signed-in session (nothing when signed out) and loads the
/// region's keys when it mounts and whenever the session, the proxy, the region or its
/// endpoint changes. Reads still in flight are aborted when it unmounts.
#[component]
pub fn KmsProvider(props: &KmsProviderProps) -> Html {
    let state = use_model::<KmsState>();
    let console = use_model::<KmsConsoleState>();
    let bulk = use_model::<BulkState>();
    let selection = use_state(Rc::<BTreeSet<KmsKeyId>>::default);
    let client = use_mut_ref(|| None);
    let scope = use_abort_scope();
    let sessions = use_session_handle();
    let settings = use_settings();
    let (view, _) = use_kms_view();
    let rate = settings.effective.kms_requests_per_second;
    let pacer = (*use_memo(rate, |&rate| Pacer::new(rate))).clone();
    let session = sessions.current();
    let region = view
        .region
        .clone()
        .unwrap_or_else(|| settings.effective.region.clone());
    let endpoint = kms_endpoint(&region, settings.effective.kms_endpoint.as_deref());
    let proxy = settings.effective.proxy_url.clone();
    let on_token = {
        let sessions = sessions.clone();
        Callback::from(move |token: ProjectToken| sessions.add_project_token(token))
    };
    let handle = session.clone().map(|session| KmsHandle {
        state,
        console,
        bulk,
        selection,
        view,
        target: endpoint.clone().map(|endpoint| KmsTarget {
            session,
            transport: Transport::new(proxy.clone(), sessions.clock()),
            endpoint,
            region: region.clone(),
        }),
        client,
        pacer,
        concurrency: usize::try_from(settings.effective.concurrency).unwrap_or(usize::MAX),
        scope,
        on_token,
    });
    {
        let handle = handle.clone();
        // A project token added for this region changes the session but not who signs in.
        let auth = session.map(|session| (session.auth.clone(), session.domain_id.clone()));
        use_effect_with((auth, proxy, region, endpoint), move |_| {
            if let Some(handle) = handle {
                handle.refresh();
            }
        });
    }
    match handle {
        Some(handle) => html! {
            <ContextProvider<KmsHandle> context={handle}>
                { props.children.clone() }
            </ContextProvider<KmsHandle>>
        },
        None => props.children.clone(),
    }
}

/// The KMS page's handle; `None` outside a signed-in [`KmsProvider`].
#[hook]
pub fn use_kms() -> Option<KmsHandle> {
    use_context::<KmsHandle>()
}
