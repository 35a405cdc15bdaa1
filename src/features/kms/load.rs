//! The KMS calls that fill the table: the region's client (with its project token), the key
//! list page by page, then each rotatable key's rotation status, each answer queued for the
//! table as it arrives. A load replaced by a refresh is aborted and its answers dropped.

use std::cell::RefCell;
use std::rc::Rc;

use futures::StreamExt;
use futures::stream;
use keyturn_core::error::Error;
use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{KmsAction, Rotation};
use keyturn_core::session::{ProjectToken, Session};
use web_sys::AbortSignal;
use yew::Callback;

use super::Pacer;
use crate::api::{KmsClient, Transport, project_token};
use crate::context::BatchSink;

/// Where the table's answers go.
pub type KmsSink = BatchSink<KmsAction>;

/// The region's client once connected; `None` before, or when connecting failed.
pub type ClientCell = Rc<RefCell<Option<KmsClient>>>;

/// What a load reads: whose keys, where, through what.
#[derive(Clone, PartialEq)]
pub struct KmsTarget {
    /// The signed-in session.
    pub session: Rc<Session>,
    /// The proxy, with the app's clock.
    pub transport: Transport,
    /// The region's KMS endpoint.
    pub endpoint: String,
    /// The region id.
    pub region: String,
}

/// How a load sends its calls.
#[derive(Clone)]
pub struct Loader {
    /// Spaces the calls.
    pub pacer: Pacer,
    /// Status reads in flight at most.
    pub concurrency: usize,
    /// Where the answers go.
    pub sink: KmsSink,
}

/// Connects to the region's KMS (getting a project token first when the session needs one,
/// handed to `on_token`), keeps the client in `cell`, then lists the keys and reads their
/// statuses.
pub async fn load_region(
    target: KmsTarget,
    signal: Option<AbortSignal>,
    on_token: Callback<ProjectToken>,
    cell: ClientCell,
    loader: Loader,
) {
    match connect(&target, signal, &on_token).await {
        Ok(client) => {
            cell.replace(Some(client.clone()));
            list_and_read(client, None, Vec::new(), loader).await;
        }
        Err(error) => loader.sink.emit(KmsAction::ListFailed { error }),
    }
}

/// A client for the target's region. A token session without a token for that region's
/// project gets one from IAM (`scope.project`) first.
async fn connect(
    target: &KmsTarget,
    signal: Option<AbortSignal>,
    on_token: &Callback<ProjectToken>,
) -> Result<KmsClient, Error> {
    let client = |session: Session| {
        let signal = signal.clone();
        async move {
            KmsClient::for_region(
                &session,
                target.transport.clone(),
                &target.endpoint,
                &target.region,
                signal,
            )
            .await
        }
    };
    match client((*target.session).clone()).await {
        Err(Error::NoProjectToken(_)) => {
            let token = project_token(
                &target.transport,
                &target.session.iam_endpoint,
                &target.session,
                &target.region,
                signal.as_ref(),
            )
            .await?;
            on_token.emit(token.clone());
            let mut session = (*target.session).clone();
            session.project_tokens.push(token);
            client(session).await
        }
        connected => connected,
    }
}

/// Lists the pages from the one after `marker` (the first when `None`), then reads the status
/// of `needing` and of every rotatable key listed. A page that fails ends the listing (its
/// keys so far stay and their statuses are still read).
pub async fn list_and_read(
    client: KmsClient,
    mut marker: Option<String>,
    mut needing: Vec<KmsKeyId>,
    loader: Loader,
) {
    loop {
        loader.pacer.slot().await;
        let listed = client
            .list_page(marker.as_deref())
            .await
            .and_then(|page| KmsAction::page_listed(&page).map_err(Error::from));
        match listed {
            Ok(action) => {
                if let KmsAction::PageListed { keys, next_marker } = &action {
                    needing.extend(
                        keys.iter()
                            .filter(|row| row.rotation == Rotation::Unknown)
                            .map(|row| row.id.clone()),
                    );
                    marker = next_marker.clone();
                }
                loader.sink.emit(action);
                if marker.is_none() {
                    break;
                }
            }
            Err(error) => {
                loader.sink.emit(KmsAction::ListFailed { error });
                break;
            }
        }
    }
    stream::iter(needing)
        .for_each_concurrent(loader.concurrency.max(1), |key| {
            read_status(&client, key, &loader)
        })
        .await;
}

/// Reads one key's rotation status and queues the answer.
pub async fn read_status(client: &KmsClient, key_id: KmsKeyId, loader: &Loader) {
    loader.sink.emit(KmsAction::StatusSent {
        key_id: key_id.clone(),
    });
    loader.pacer.slot().await;
    let action = match client.rotation_status(&key_id).await {
        Ok(status) => KmsAction::StatusLoaded { key_id, status },
        Err(error) => KmsAction::StatusFailed { key_id, error },
    };
    loader.sink.emit(action);
}
