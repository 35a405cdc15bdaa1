//! One rotation write, sent at the pacer's pace and sent again while the gateway throttles it.

use keyturn_core::error::Error;
use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::Step;

use super::Pacer;
use crate::api::KmsClient;

/// How many throttling answers (429) one write waits out before it is reported as failed.
const MAX_THROTTLES: u32 = 8;

/// Sends `step` for `key`. A 429 means the gateway refused the call before KMS saw it, so it is
/// sent again after the pacer's backoff, up to [`MAX_THROTTLES`] times; any other failure is
/// returned at once (a write is never repeated blindly).
pub async fn send_step(
    client: &KmsClient,
    pacer: &Pacer,
    key: &KmsKeyId,
    step: Step,
) -> Result<(), Error> {
    let mut throttles = 0;
    loop {
        pacer.slot().await;
        match client.apply(key, step).await {
            Ok(()) => {
                pacer.succeeded();
                return Ok(());
            }
            Err(Error::Api(refusal)) if refusal.status == 429 && throttles < MAX_THROTTLES => {
                throttles += 1;
                pacer.throttled();
            }
            Err(error) => return Err(error),
        }
    }
}
