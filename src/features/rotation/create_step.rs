//! Step 2: the new key. Created once (never twice: an unclear answer is checked against the
//! keys first), its secret shown once until saved; a key created without its secret seen is
//! an orphan, offered for deletion.

use keyturn_core::rotation::RotationRecord;
use yew::prelude::*;

use super::live::KeysRead;
use super::{use_rotation, with_rotation};
use crate::context::use_text;
use crate::i18n::RotationText;
use crate::ui::NewSecret;

/// Props of [`CreateStep`].
#[derive(Properties, PartialEq)]
pub struct CreateStepProps {
    /// The rotation.
    pub record: RotationRecord,
}

/// The orphan to delete, the secret to save, or the create button.
#[component]
pub fn CreateStep(props: &CreateStepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let record = &props.record;
    let old = record.old.clone();
    let busy = rotation.live.busy.contains(&old) || record.pending.is_some();
    let body = if let Some(orphan) = record.orphan.clone() {
        let delete = {
            let (old, orphan) = (old.clone(), orphan.clone());
            with_rotation(handle.clone(), move |h, _: MouseEvent| {
                h.delete_orphan(old.clone(), orphan.clone())
            })
        };
        html! {
            <div class="notice notice-warning" role="alert" data-testid="orphan">
                <p>{ tr.t(RotationText::Orphan(orphan.to_string()).into()) }</p>
                <button type="button" class="button-danger-solid" onclick={delete} disabled={busy}>
                    { tr.t(RotationText::DeleteOrphan(orphan.to_string()).into()) }
                </button>
            </div>
        }
    } else if let Some(new) = &record.new {
        match rotation.live.secrets.get(&old) {
            Some(created) => {
                let on_done = {
                    let old = old.clone();
                    with_rotation(handle.clone(), move |h, ()| h.secret_saved(&old))
                };
                html! {
                    <NewSecret access={created.access.clone()} secret={created.secret.clone()}
                        user_name={record.user_name.clone()}
                        done_label={tr.t(RotationText::ContinueToHandOver.into())} {on_done} />
                }
            }
            None => {
                let saved = {
                    let old = old.clone();
                    with_rotation(handle.clone(), move |h, _: MouseEvent| h.secret_saved(&old))
                };
                let lost = {
                    let old = old.clone();
                    with_rotation(handle.clone(), move |h, _: MouseEvent| h.secret_lost(&old))
                };
                html! {
                    <div class="notice notice-warning" data-testid="secret-gone">
                        <p>{ tr.t(RotationText::SecretGone(new.access.to_string()).into()) }</p>
                        <div class="form-actions">
                            <button type="button" onclick={saved}>{ tr.t(RotationText::SecretWasSaved.into()) }</button>
                            <button type="button" onclick={lost}>{ tr.t(RotationText::SecretWasLost.into()) }</button>
                        </div>
                    </div>
                }
            }
        }
    } else {
        let loaded = matches!(rotation.live.keys.get(&old), Some(KeysRead::Loaded(_)));
        let create = {
            let old = old.clone();
            with_rotation(handle.clone(), move |h, _: MouseEvent| {
                h.create(old.clone())
            })
        };
        html! {
            <>
                <p>{ tr.t(RotationText::CreateIntro.into()) }</p>
                <button type="button" class="button-primary" onclick={create}
                    disabled={busy || !loaded}>
                    { tr.t(RotationText::CreateNewKey.into()) }
                </button>
            </>
        }
    };
    html! { <div class="rotation-step" data-step="create">{ body }</div> }
}
