//! The rotation's user's keys as last read: AK, status, created, age, last use, role.

use keyturn_core::rotation::RotationRecord;
use yew::prelude::*;

use super::live::KeysRead;
use super::use_rotation;
use super::wizard::RotationError;
use crate::context::use_text;
use crate::i18n::RotationText;

/// Props of [`UserKeys`].
#[derive(Properties, PartialEq)]
pub struct UserKeysProps {
    /// The rotation.
    pub record: RotationRecord,
}

/// `<table aria-label="Keys of {user}">`, rows `data-ak`, the old, new and orphan keys named.
#[component]
pub fn UserKeys(props: &UserKeysProps) -> Html {
    let tr = use_text();
    let Some(handle) = use_rotation() else {
        return Html::default();
    };
    let record = &props.record;
    let now = handle.now();
    let body = match handle.live.keys.get(&record.old) {
        None | Some(KeysRead::Loading) => {
            html! { <p role="status" class="muted">{ tr.t(RotationText::ReadingKeys.into()) }</p> }
        }
        Some(KeysRead::Failed(error)) => {
            let again = {
                let (handle, old) = (handle.clone(), record.old.clone());
                Callback::from(move |_: MouseEvent| handle.sync(old.clone()))
            };
            html! {
                <>
                    <RotationError context={RotationText::KeysFailed} error={error.clone()} />
                    <button type="button" onclick={again}>{ tr.t(RotationText::ReadAgain.into()) }</button>
                </>
            }
        }
        Some(KeysRead::Loaded(keys)) => html! {
            <table class="key-table rotation-keys"
                aria-label={tr.t(RotationText::KeysOf(record.user_name.clone()).into())}>
                <thead><tr>
                    <th scope="col">{ "AK" }</th>
                    <th scope="col">{ tr.t(RotationText::Status.into()) }</th>
                    <th scope="col">{ tr.t(RotationText::Created.into()) }</th>
                    <th scope="col">{ tr.t(RotationText::LastUsed.into()) }</th>
                    <th scope="col">{ tr.t(RotationText::Role.into()) }</th>
                </tr></thead>
                <tbody>
                    { for keys.iter().map(|key| {
                        let role = if key.access == record.old {
                            RotationText::RoleOld
                        } else if record.new.as_ref().is_some_and(|new| new.access == key.access) {
                            RotationText::RoleNew
                        } else if record.orphan.as_ref() == Some(&key.access) {
                            RotationText::RoleOrphan
                        } else {
                            RotationText::RoleOther
                        };
                        html! {
                            <tr key={key.access.to_string()} data-ak={key.access.to_string()}>
                                <td><code>{ key.access.to_string() }</code></td>
                                <td>{ tr.t(RotationText::KeyStatus(key.status).into()) }</td>
                                <td>{ tr.t(RotationText::Ago { at: key.created, now }.into()) }</td>
                                <td>{ match key.last_used {
                                    Some(at) => tr.t(RotationText::Ago { at, now }.into()),
                                    None => tr.t(RotationText::NeverUsed.into()),
                                } }</td>
                                <td>{ tr.t(role.into()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <div class="rotation-user-keys">
            <h3>{ tr.t(RotationText::KeysOf(record.user_name.clone()).into()) }</h3>
            { body }
        </div>
    }
}
