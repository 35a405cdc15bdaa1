//! The rotation feature's one context handle: the saved book, the page's memory, the IAM
//! client and the policy, and every step as a method (see `writes.rs` for the writes).
//! Components read it with [`use_rotation`].

use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::policy::RotationPolicy;
use keyturn_core::request::Auth;
use keyturn_core::rotation::{BookAction, Mode, RotationRecord, Stage, Step, reconcile};
use yew::prelude::*;

use super::live::{KeysRead, Live, LiveAction};
use super::store::{BookStore, use_book_store};
use crate::api::IamClient;
use crate::context::{use_abort_scope, use_iam, use_settings};

/// The Rotation page's state and actions. Cheap to clone.
#[derive(Clone, PartialEq)]
pub struct RotationHandle {
    /// Rotations in progress and ended, as saved.
    pub store: BookStore,
    /// What the page holds in memory only.
    pub live: UseReducerHandle<Live>,
    /// The policy in force.
    pub policy: RotationPolicy,
    pub(super) iam: IamClient,
}

impl RotationHandle {
    /// The server's time, as best known.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.iam.transport().clock().now()
    }

    /// The rotation in progress of `old`.
    pub fn record(&self, old: &str) -> Option<RotationRecord> {
        self.store.book().active(old).cloned()
    }

    /// Applies `steps` to the rotation of `old` and saves it; false when none applied or the
    /// book could not be saved.
    pub fn commit(&self, old: &AccessKeyId, steps: Vec<Step>) -> bool {
        self.store.commit(BookAction::Steps {
            old: old.clone(),
            steps,
            at: self.now(),
        })
    }

    /// Starts rotating `access`: finds its owner, saves the rotation at its preflight, then
    /// calls `opened`. A key already rotating is refused with the reason.
    pub fn start(&self, access: AccessKeyId, mode: Mode, opened: Callback<AccessKeyId>) {
        if let Err(refused) = self.store.book().can_start(&access) {
            self.fail(&access, Error::Decode(refused.to_string()));
            return;
        }
        self.live.dispatch(LiveAction::Error(access.clone(), None));
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let owner = async {
                let key = this.iam.show_key(&access).await?;
                let user = this.iam.show_user(&key.user_id).await?;
                Ok::<_, Error>((key.user_id, user.name))
            };
            match owner.await {
                Ok((user_id, user_name)) => {
                    let record =
                        RotationRecord::new(user_id, user_name, access.clone(), mode, this.now());
                    if this.store.commit(BookAction::Start(record)) {
                        opened.emit(access);
                    }
                }
                Err(error) => this.fail(&access, error),
            }
        });
    }

    /// Reads the user's keys of the rotation of `old` again and brings the rotation in line
    /// with them (what an unanswered write did, what changed elsewhere); while watching, the
    /// keys' last use is recorded.
    pub fn sync(&self, old: AccessKeyId) {
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move { this.synced(old).await });
    }

    pub(super) async fn synced(&self, old: AccessKeyId) {
        let Some(record) = self.record(&old) else {
            return;
        };
        self.live
            .dispatch(LiveAction::Keys(old.clone(), KeysRead::Loading));
        match self.iam.keys_with_last_use(Some(&record.user_id)).await {
            Ok(keys) => {
                let mut steps = reconcile(&record, &keys).steps;
                if matches!(record.stage, Stage::Watch | Stage::Observe) {
                    steps.push(checked(&record, &keys));
                }
                self.commit(&old, steps);
                self.live
                    .dispatch(LiveAction::Keys(old, KeysRead::Loaded(keys.into())));
            }
            Err(error) => self
                .live
                .dispatch(LiveAction::Keys(old, KeysRead::Failed(error))),
        }
    }

    /// True when the new key of the rotation of `old` is missing from its user's keys as last
    /// read (deleted elsewhere): applications cannot move to it, so the wizard neither moves on
    /// to disabling nor disables or deletes the old key.
    pub fn new_key_gone(&self, old: &AccessKeyId) -> bool {
        match (self.record(old), self.live.keys.get(old)) {
            (Some(record), Some(KeysRead::Loaded(keys))) => {
                reconcile(&record, keys).new_key_missing
            }
            _ => false,
        }
    }

    /// True when this session signs its requests with `access`: disabling or deleting it would
    /// cut the wizard off before it could observe the result or roll back.
    pub fn signed_in_with(&self, access: &AccessKeyId) -> bool {
        matches!(self.iam.auth(), Auth::AkSk { ak, .. } if ak == access.as_str())
    }

    /// Notes `error` as the last failure of the rotation of `old`.
    pub(super) fn fail(&self, old: &AccessKeyId, error: Error) {
        self.live
            .dispatch(LiveAction::Error(old.clone(), Some(error)));
    }
}

/// The watch's reading of the old and new keys' last use.
fn checked(record: &RotationRecord, keys: &[AccessKey]) -> Step {
    let last_used = |access: Option<&AccessKeyId>| {
        access.and_then(|access| keys.iter().find(|key| key.access == *access)?.last_used)
    };
    Step::Checked {
        old_last_used: last_used(Some(&record.old)),
        new_last_used: last_used(record.new.as_ref().map(|new| &new.access)),
    }
}

/// Props of [`RotationProvider`].
#[derive(Properties, PartialEq)]
pub struct RotationProviderProps {
    /// The page's content.
    pub children: Html,
}

/// Provides the [`RotationHandle`] of the signed-in session (nothing when signed out).
#[component]
pub fn RotationProvider(props: &RotationProviderProps) -> Html {
    let store = use_book_store();
    let live = use_reducer(Live::default);
    let scope = use_abort_scope();
    let iam = use_iam(&scope);
    let settings = use_settings();
    match iam {
        Some(iam) => {
            let handle = RotationHandle {
                store,
                live,
                policy: settings.effective.rotation_policy,
                iam,
            };
            html! {
                <ContextProvider<RotationHandle> context={handle}>
                    { props.children.clone() }
                </ContextProvider<RotationHandle>>
            }
        }
        None => props.children.clone(),
    }
}

/// The Rotation page's handle; `None` outside a signed-in [`RotationProvider`].
#[hook]
pub fn use_rotation() -> Option<RotationHandle> {
    use_context::<RotationHandle>()
}
