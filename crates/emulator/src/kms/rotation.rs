//! Key rotation: status, enable (interval 365), disable, and interval changes (30 to 365 days).
//! The refusals and their codes are those of docs/api.md, "KMS: rotation".

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::request::{Body, find_key};
use super::wire::RotationStatus;
use crate::app_state::AppState;
use crate::clock;
use crate::errors::ApiError;
use crate::state::{KeyState, KmsKey};

/// Interval set by `enable-key-rotation`.
const DEFAULT_INTERVAL: u32 = 365;
/// Allowed `rotation_interval` range, in days.
const INTERVALS: std::ops::RangeInclusive<i64> = 30..=365;

/// Why this key's rotation settings cannot change, if they cannot.
fn check_rotatable(key: &KmsKey) -> Result<(), ApiError> {
    match key.state {
        KeyState::PendingDeletion => {
            return Err(ApiError::kms("KMS.0210", "The key is pending deletion"));
        }
        KeyState::Disabled => return Err(ApiError::kms("KMS.0209", "The key is disabled")),
        KeyState::PendingActivation | KeyState::PendingImport => {
            return Err(ApiError::kms("KMS.1301", "The key is not enabled"));
        }
        KeyState::Enabled => {}
    }
    if key.default_key {
        return Err(ApiError::kms(
            "KMS.0211",
            "Default Master Keys do not support this operation",
        ));
    }
    if key.origin == "external" {
        return Err(ApiError::kms(
            "KMS.0312",
            "Keys with imported material do not support rotation",
        ));
    }
    if key.spec.starts_with("RSA") {
        return Err(ApiError::kms(
            "KMS.0324",
            "RSA keys do not support rotation",
        ));
    }
    if key.is_asymmetric() {
        return Err(ApiError::kms(
            "KMS.0308",
            "Invalid key_spec: asymmetric keys cannot be rotated",
        ));
    }
    Ok(())
}

/// The rotation setting an operation requires before it runs.
#[derive(Clone, Copy)]
enum Requires {
    /// `enable-key-rotation`: `KMS.2901` while rotation is already on.
    Off,
    /// `disable-key-rotation`, `update-key-rotation-interval`: `KMS.0313` while rotation is off.
    On,
}

/// Applies `change` to a rotatable key named by the body's `key_id`; answers 200 with no body.
fn change_rotation(
    app: &AppState,
    project_id: &str,
    body: &Body,
    requires: Requires,
    change: impl FnOnce(&mut KmsKey),
) -> Result<StatusCode, ApiError> {
    let key_id = body.key_id()?;
    body.check_sequence()?;
    let mut cloud = app.cloud.lock();
    let key = find_key(&mut cloud, project_id, key_id)?;
    check_rotatable(key)?;
    match (requires, key.rotation.enabled) {
        (Requires::Off, true) => {
            return Err(ApiError::kms("KMS.2901", "Key rotation is not disabled"));
        }
        (Requires::On, false) => {
            return Err(ApiError::kms("KMS.0313", "Key rotation is not enabled"));
        }
        _ => {}
    }
    change(key);
    Ok(StatusCode::OK)
}

/// `POST get-key-rotation-status` `{key_id, sequence?}`.
pub async fn status(
    State(app): State<AppState>,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Json<RotationStatus>, ApiError> {
    let body = Body::parse(&body)?;
    let key_id = body.key_id()?;
    body.check_sequence()?;
    let mut cloud = app.cloud.lock();
    let key = find_key(&mut cloud, &project_id, key_id)?;
    Ok(Json(RotationStatus {
        key_rotation_enabled: key.rotation.enabled,
        rotation_interval: key.rotation.interval_days,
        last_rotation_time: key
            .rotation
            .last_rotation
            .map(clock::epoch_ms)
            .unwrap_or_default(),
        number_of_rotations: key.rotation.count,
    }))
}

/// `POST enable-key-rotation` `{key_id, sequence?}`: rotation on, interval 365 days.
pub async fn enable(
    State(app): State<AppState>,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let body = Body::parse(&body)?;
    change_rotation(&app, &project_id, &body, Requires::Off, |key| {
        key.rotation.enabled = true;
        key.rotation.interval_days = DEFAULT_INTERVAL;
    })
}

/// `POST disable-key-rotation` `{key_id, sequence?}`: rotation off; the interval is kept.
pub async fn disable(
    State(app): State<AppState>,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let body = Body::parse(&body)?;
    change_rotation(&app, &project_id, &body, Requires::On, |key| {
        key.rotation.enabled = false;
    })
}

/// `POST update-key-rotation-interval` `{key_id, rotation_interval: 30..=365, sequence?}`.
pub async fn update_interval(
    State(app): State<AppState>,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let body = Body::parse(&body)?;
    body.key_id()?;
    let interval = body.integer("rotation_interval")?;
    if !INTERVALS.contains(&interval) {
        return Err(ApiError::kms(
            "KMS.3001",
            "rotation_interval is out of range: it must be 30 to 365",
        ));
    }
    let interval = u32::try_from(interval).unwrap_or(DEFAULT_INTERVAL);
    change_rotation(&app, &project_id, &body, Requires::On, |key| {
        key.rotation.interval_days = interval;
    })
}
