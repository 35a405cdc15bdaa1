//! `list-keys` (paginated, filtered by spec and state) and `describe-key`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};

use super::request::{Body, find_key, invalid};
use super::wire::{KeyDetails, KeyInfo, KeyList};
use crate::app_state::AppState;
use crate::errors::ApiError;
use crate::state::KmsKey;

/// Key specs `list-keys` can filter on (`ALL` selects every spec).
const KEY_SPECS: [&str; 8] = [
    "AES_256", "SM4", "RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2",
];
const KEY_STATES: [&str; 5] = ["1", "2", "3", "4", "5"];
/// Largest page, also the page size when `limit` is absent.
const MAX_LIMIT: usize = 1000;

/// `POST list-keys` `{limit?, marker?, key_state?, key_spec?, enterprise_project_id?, sequence?}`.
/// Without `key_spec` only `AES_256` keys are listed. Newest first.
pub async fn list(
    State(app): State<AppState>,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Json<KeyList>, ApiError> {
    let body = Body::parse(&body)?;
    body.check_sequence()?;
    let limit = match body.string("limit")? {
        None => MAX_LIMIT,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| ApiError::kms("KMS.1601", "limit must be between 1 and 1000"))?,
    };
    let offset = match body.string("marker")? {
        None | Some("") => 0,
        Some(text) => text
            .parse::<usize>()
            .map_err(|_| ApiError::kms("KMS.1602", "marker must be a number of 0 or more"))?,
    };
    let spec = body.string("key_spec")?.unwrap_or("AES_256");
    if spec != "ALL" && !KEY_SPECS.contains(&spec) {
        return Err(invalid("key_spec"));
    }
    let state = body.string("key_state")?;
    if state.is_some_and(|s| !KEY_STATES.contains(&s)) {
        return Err(invalid("key_state"));
    }

    let cloud = app.cloud.lock();
    let mut selected: Vec<&KmsKey> = cloud
        .kms_keys
        .iter()
        .filter(|k| k.project_id == project_id)
        .filter(|k| spec == "ALL" || k.spec == spec)
        .filter(|k| state.is_none_or(|s| k.state.code() == s))
        .collect();
    selected.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    let total = selected.len();
    let page: Vec<&KmsKey> = selected.into_iter().skip(offset).take(limit).collect();
    let end = offset.saturating_add(limit);
    let truncated = end < total;
    Ok(Json(KeyList {
        keys: page.iter().map(|k| k.id.clone()).collect(),
        key_details: page.iter().map(|k| KeyDetails::of(&cloud, k)).collect(),
        next_marker: if truncated {
            end.to_string()
        } else {
            String::new()
        },
        truncated: if truncated { "true" } else { "false" },
        total,
    }))
}

/// `POST describe-key` `{key_id, sequence?}`.
pub async fn describe(
    State(app): State<AppState>,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Json<KeyInfo>, ApiError> {
    let body = Body::parse(&body)?;
    let key_id = body.key_id()?;
    body.check_sequence()?;
    let mut cloud = app.cloud.lock();
    let key = find_key(&mut cloud, &project_id, key_id)?.clone();
    Ok(Json(KeyInfo {
        key_info: KeyDetails::of(&cloud, &key),
    }))
}
