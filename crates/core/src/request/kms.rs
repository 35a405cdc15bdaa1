//! The KMS calls of the KMS page, as [`ApiRequest`]s (docs/api.md, "KMS: keys", "KMS:
//! rotation"): `POST /v1.0/{project_id}/kms/<operation>` with a JSON body. Pure: the project
//! and key ids are typed and the interval checked, so every request is well formed by
//! construction, and nothing is sent.

use crate::error::Error;
use crate::ids::{KmsKeyId, ProjectId};
use crate::kms::{RotationInterval, Step};
use crate::types::kms::{KeyRequest, ListKeysRequest, UpdateRotationIntervalRequest};

use super::{ApiRequest, Idempotency, Method};

/// `list-keys`: one page of keys of every spec (`key_spec` `ALL`), after `marker` (the
/// previous page's `next_marker`). A read.
pub fn list_keys(
    endpoint: &str,
    project: &ProjectId,
    limit: Option<u32>,
    marker: Option<&str>,
) -> Result<ApiRequest, Error> {
    operation(endpoint, project, "list-keys", Idempotency::Idempotent)
        .json(&ListKeysRequest::all_specs(limit, marker))
}

/// `get-key-rotation-status`: whether `key` rotates, how often, and when it last did. A read.
pub fn rotation_status(
    endpoint: &str,
    project: &ProjectId,
    key: &KmsKeyId,
) -> Result<ApiRequest, Error> {
    key_operation(
        endpoint,
        project,
        key,
        "get-key-rotation-status",
        Idempotency::Idempotent,
    )
}

/// `enable-key-rotation` (the interval becomes 365 days). Not repeated automatically: a
/// repeat after a lost answer is refused with `KMS.2901`.
pub fn enable_rotation(
    endpoint: &str,
    project: &ProjectId,
    key: &KmsKeyId,
) -> Result<ApiRequest, Error> {
    key_operation(
        endpoint,
        project,
        key,
        "enable-key-rotation",
        Idempotency::NotIdempotent,
    )
}

/// `disable-key-rotation`. Not repeated automatically: a repeat after a lost answer is
/// refused with `KMS.0313`.
pub fn disable_rotation(
    endpoint: &str,
    project: &ProjectId,
    key: &KmsKeyId,
) -> Result<ApiRequest, Error> {
    key_operation(
        endpoint,
        project,
        key,
        "disable-key-rotation",
        Idempotency::NotIdempotent,
    )
}

/// `update-key-rotation-interval` (rotation must be on). Setting the same interval twice
/// has the effect of once.
pub fn set_rotation_interval(
    endpoint: &str,
    project: &ProjectId,
    key: &KmsKeyId,
    interval: RotationInterval,
) -> Result<ApiRequest, Error> {
    operation(
        endpoint,
        project,
        "update-key-rotation-interval",
        Idempotency::Idempotent,
    )
    .json(&UpdateRotationIntervalRequest {
        key_id: key.to_string(),
        rotation_interval: interval.days(),
        sequence: None,
    })
}

/// The request of one bulk-change write.
pub fn rotation_step(
    endpoint: &str,
    project: &ProjectId,
    key: &KmsKeyId,
    step: Step,
) -> Result<ApiRequest, Error> {
    match step {
        Step::Enable => enable_rotation(endpoint, project, key),
        Step::SetInterval(interval) => set_rotation_interval(endpoint, project, key, interval),
        Step::Disable => disable_rotation(endpoint, project, key),
    }
}

fn operation(
    endpoint: &str,
    project: &ProjectId,
    name: &str,
    idempotency: Idempotency,
) -> ApiRequest {
    ApiRequest::new(
        Method::Post,
        endpoint,
        format!("/v1.0/{project}/kms/{name}"),
        idempotency,
    )
}

/// An operation whose body names one key, `{"key_id": …}`.
fn key_operation(
    endpoint: &str,
    project: &ProjectId,
    key: &KmsKeyId,
    name: &str,
    idempotency: Idempotency,
) -> Result<ApiRequest, Error> {
    operation(endpoint, project, name, idempotency).json(&KeyRequest {
        key_id: key.to_string(),
        sequence: None,
    })
}
