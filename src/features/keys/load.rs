//! The IAM calls that fill the credential table, each answer dispatched as an
//! [`InventoryAction`] as soon as it arrives. A load replaced by a refresh is aborted, and its
//! late answers are dropped, so the table only ever shows the latest load.

use futures::StreamExt;
use futures::stream;
use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::UserId;
use keyturn_core::inventory::UserRef;
use keyturn_core::keys::{Coverage, InventoryAction, own_keys_owner};

use crate::api::IamClient;
use crate::context::BatchSink;

/// Where the load's answers go.
pub type LoadSink = BatchSink<InventoryAction>;

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
            let keys = iam.keys_with_last_use(None).await;
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
    let keys = iam.keys_with_last_use(listed_for).await;
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
