//! A bulk change's writes: every planned key's steps in order, keys in parallel up to the
//! concurrency of the settings, every call at the pacer's pace. Each confirmed write updates
//! the run and the table; a failed key's status is read again so the table shows what KMS has.

use futures::StreamExt;
use futures::stream;
use keyturn_core::kms::{
    BulkAction, BulkChange, BulkPlan, BulkRun, BulkStateAction, KeyRun, KmsAction, KmsKeyRow,
};

use super::KmsHandle;
use super::load::KmsSink;
use super::write::send_step;
use crate::api::KmsClient;
use crate::context::BatchSink;

impl KmsHandle {
    /// Plans `change` for every selected key, also one the filter now hides, in the table's
    /// order, and shows the preview.
    pub fn preview(&self, change: BulkChange) {
        let mut selected: Vec<&KmsKeyRow> = self
            .state
            .keys
            .rows()
            .iter()
            .map(AsRef::as_ref)
            .filter(|row| self.selection.contains(&row.id))
            .collect();
        self.view.sort.sort(&mut selected);
        let plan = BulkPlan::new(selected, &change);
        self.bulk.dispatch(BulkStateAction::Planned(plan));
    }

    /// Runs the previewed plan.
    pub fn run_preview(&self, plan: &BulkPlan) {
        self.start_run(BulkRun::new(plan));
    }

    /// Runs the change again for the failed keys of the finished run (see
    /// [`BulkRun::retry_plan`]).
    pub fn retry_failed(&self) {
        if let Some(run) = self.bulk.run() {
            self.start_run(BulkRun::new(&run.retry_plan()));
        }
    }

    fn start_run(&self, run: BulkRun) {
        let Some(client) = self.client.borrow().clone() else {
            return;
        };
        self.bulk.dispatch(BulkStateAction::Started(run.clone()));
        let dispatcher = self.bulk.dispatcher();
        let bulk = BatchSink::new(
            yew::Callback::from(move |action| dispatcher.dispatch(BulkStateAction::Run(action))),
            BulkAction::Batch,
            None,
        );
        let table = KmsSink::new(self.state_dispatch(), KmsAction::Batch, None);
        let (pacer, concurrency) = (self.pacer.clone(), self.concurrency.max(1));
        let client = client.detached();
        wasm_bindgen_futures::spawn_local(async move {
            stream::iter(run.keys().to_vec())
                .for_each_concurrent(concurrency, |key| {
                    run_key(&client, &pacer, key, &bulk, &table)
                })
                .await;
        });
    }
}

/// How many times a failed key's rotation is read (each read already retried by the transport)
/// before "Retry failed" has to plan from what the run knows. The failure may have been an
/// answer lost after KMS did the write: without a read, the retry would send it again.
const STATUS_READS: usize = 3;

/// Sends one key's writes in order, stopping at the first failure, then reads the key's rotation
/// so that a retry starts from what KMS holds.
async fn run_key(
    client: &KmsClient,
    pacer: &super::Pacer,
    key: KeyRun,
    bulk: &BatchSink<BulkAction>,
    table: &KmsSink,
) {
    bulk.emit(BulkAction::Started {
        key: key.key.clone(),
    });
    let mut status = key.status;
    for step in key.steps {
        match send_step(client, pacer, &key.key, step).await {
            Ok(()) => {
                status = status.after(step);
                bulk.emit(BulkAction::StepConfirmed {
                    key: key.key.clone(),
                    step,
                });
                table.emit(KmsAction::RotationChanged {
                    key_id: key.key.clone(),
                    status,
                });
            }
            Err(error) => {
                bulk.emit(BulkAction::StepFailed {
                    key: key.key.clone(),
                    step,
                    error,
                });
                for _ in 0..STATUS_READS {
                    pacer.slot().await;
                    if let Ok(status) = client.rotation_status(&key.key).await {
                        bulk.emit(BulkAction::StatusRead {
                            key: key.key.clone(),
                            status,
                        });
                        table.emit(KmsAction::RotationChanged {
                            key_id: key.key,
                            status,
                        });
                        return;
                    }
                }
                return;
            }
        }
    }
}
