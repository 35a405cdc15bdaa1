//! The KMS writes behind the dialogs of one key. Each is sent without the page's abort signal
//! (a write, once sent, is seen through); the table changes only with KMS's confirmation.

use keyturn_core::error::Error;
use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{
    KmsAction, KmsConsoleAction, KmsNotice, RotationInterval, RotationStatus, Step,
};
use wasm_bindgen_futures::spawn_local;

use super::KmsHandle;
use super::write::send_step;

impl KmsHandle {
    /// Turns rotation of `key` on, then sets `interval` when it is not the 365 days enabling
    /// sets. Both answers are told: a failed enable leaves the dialog open with its error; an
    /// interval refused after the enable closes it with a notice saying both.
    pub fn enable(&self, key: KmsKeyId, alias: String, interval: RotationInterval) {
        let Some(current) = self.confirmed(&key) else {
            return;
        };
        self.write(move |this, client| async move {
            let pacer = &this.pacer;
            send_step(&client, pacer, &key, Step::Enable).await?;
            let enabled = this.confirm(&key, current, Step::Enable);
            if interval == RotationInterval::ON_ENABLE {
                return Ok(KmsNotice::Enabled {
                    alias,
                    days: enabled.interval_days,
                });
            }
            let set = Step::SetInterval(interval);
            Ok(match send_step(&client, pacer, &key, set).await {
                Ok(()) => {
                    let status = this.confirm(&key, enabled, set);
                    KmsNotice::Enabled {
                        alias,
                        days: status.interval_days,
                    }
                }
                Err(error) => KmsNotice::EnabledIntervalFailed {
                    alias,
                    wanted: interval,
                    error,
                },
            })
        });
    }

    /// Sets the rotation interval of `key`, whose rotation is on.
    pub fn set_interval(&self, key: KmsKeyId, alias: String, interval: RotationInterval) {
        self.single(key, Step::SetInterval(interval), move |status| {
            KmsNotice::IntervalChanged {
                alias,
                days: status.interval_days,
            }
        });
    }

    /// Turns rotation of `key` off.
    pub fn disable(&self, key: KmsKeyId, alias: String) {
        self.single(key, Step::Disable, move |_| KmsNotice::Disabled { alias });
    }

    /// Sends one write; `notice` says how it ended from the confirmed status.
    fn single(
        &self,
        key: KmsKeyId,
        step: Step,
        notice: impl FnOnce(RotationStatus) -> KmsNotice + 'static,
    ) {
        let Some(current) = self.confirmed(&key) else {
            return;
        };
        self.write(move |this, client| async move {
            send_step(&client, &this.pacer, &key, step).await?;
            Ok(notice(this.confirm(&key, current, step)))
        });
    }

    /// Marks the dialog's request sent and runs `writes` with the region's client (detached);
    /// their notice closes the dialog, their error keeps it open.
    fn write<F, Fut>(&self, writes: F)
    where
        F: FnOnce(KmsHandle, crate::api::KmsClient) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<KmsNotice, Error>> + 'static,
    {
        let Some(client) = self.client.borrow().clone() else {
            return;
        };
        let this = self.clone();
        this.console.dispatch(KmsConsoleAction::Sent);
        spawn_local(async move {
            let console = this.console.clone();
            match writes(this, client.detached()).await {
                Ok(notice) => console.dispatch(KmsConsoleAction::Done(notice)),
                Err(error) => console.dispatch(KmsConsoleAction::Failed(error)),
            }
        });
    }

    /// The confirmed status of `key`, if known.
    fn confirmed(&self, key: &KmsKeyId) -> Option<RotationStatus> {
        self.state
            .keys
            .row(key)
            .and_then(|row| row.status())
            .copied()
    }

    /// Records that KMS confirmed `step` on `key`, from `before`; returns the status now.
    fn confirm(&self, key: &KmsKeyId, before: RotationStatus, step: Step) -> RotationStatus {
        let status = before.after(step);
        self.state.dispatch(KmsAction::RotationChanged {
            key_id: key.clone(),
            status,
        });
        status
    }
}
