//! The IAM calls that fill the credential table, each answer dispatched as an
//! [`InventoryAction`] as soon as it arrives.

use futures::StreamExt;
use futures::stream;
use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::inventory::UserRef;
use yew::Callback;

use super::{InventoryAction, Scope};
use crate::api::IamClient;

/// Lists the users, then loads each one's keys with at most `concurrency` users in flight.
///
/// When the user list is refused (403: not an administrator), only `me`'s own keys are
/// loaded, through the list of the caller's keys, and the table is listed once they are known.
pub async fn load_inventory(
    iam: IamClient,
    me: UserRef,
    generation: u64,
    concurrency: usize,
    dispatch: Callback<InventoryAction>,
) {
    match iam.list_users().await {
        Ok(users) => {
            let users: Vec<UserRef> = users.iter().map(UserRef::from).collect();
            dispatch.emit(InventoryAction::Listed {
                generation,
                users: users.clone(),
                scope: Scope::AllUsers,
            });
            stream::iter(users)
                .for_each_concurrent(concurrency.max(1), |user| {
                    load_user(&iam, user.id, Scope::AllUsers, generation, &dispatch)
                })
                .await;
        }
        Err(Error::Api(refusal)) if refusal.status == 403 => {
            let keys = shown_keys(&iam, None).await;
            let me = owner_of_own_keys(me, &keys);
            dispatch.emit(InventoryAction::Listed {
                generation,
                users: vec![me.clone()],
                scope: Scope::OwnKeys,
            });
            dispatch.emit(settled(&iam, generation, me.id, keys));
        }
        Err(error) => dispatch.emit(InventoryAction::ListFailed { generation, error }),
    }
}

/// Loads one user's keys and dispatches them, or the first failure.
pub async fn load_user(
    iam: &IamClient,
    user_id: String,
    scope: Scope,
    generation: u64,
    dispatch: &Callback<InventoryAction>,
) {
    let listed_for = match scope {
        Scope::AllUsers => Some(user_id.as_str()),
        Scope::OwnKeys => None,
    };
    let keys = shown_keys(iam, listed_for).await;
    dispatch.emit(settled(iam, generation, user_id, keys));
}

/// The action that records how loading `user_id`'s keys ended.
fn settled(
    iam: &IamClient,
    generation: u64,
    user_id: String,
    keys: Result<Vec<AccessKey>, Error>,
) -> InventoryAction {
    match keys {
        Ok(keys) => InventoryAction::UserLoaded {
            generation,
            user_id,
            keys,
            now: iam.transport().clock().now(),
        },
        Err(error) => InventoryAction::UserFailed {
            generation,
            user_id,
            error,
        },
    }
}

/// The signed-in user as the owner of their listed keys: a session that could not tell its
/// user's id (a pasted token) learns it from the keys.
fn owner_of_own_keys(me: UserRef, keys: &Result<Vec<AccessKey>, Error>) -> UserRef {
    match keys {
        Ok(keys) if me.id.is_empty() => match keys.first() {
            Some(key) => UserRef {
                name: if me.name.is_empty() {
                    key.user_id.clone()
                } else {
                    me.name
                },
                id: key.user_id.clone(),
                enabled: me.enabled,
            },
            None => me,
        },
        _ => me,
    }
}

/// The keys of `user_id` (the caller's with `None`), each shown for its last use.
async fn shown_keys(iam: &IamClient, user_id: Option<&str>) -> Result<Vec<AccessKey>, Error> {
    let mut shown = Vec::new();
    for key in iam.list_keys(user_id).await? {
        shown.push(iam.show_key(&key.access).await?);
    }
    Ok(shown)
}
