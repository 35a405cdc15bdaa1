//! Downloads of the KMS table: the visible rows as CSV or JSON. Rows hold no key material.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::row::KmsKeyRow;
use crate::inventory::Slug;
use crate::inventory::export::csv_line;

/// Column names of [`rows_csv`], also the field names of [`rows_json`].
pub const ROW_FIELDS: [&str; 14] = [
    "alias",
    "key_id",
    "state",
    "spec",
    "usage",
    "origin",
    "default_key",
    "created",
    "rotation",
    "not_rotatable",
    "interval_days",
    "last_rotation",
    "rotations",
    "description",
];

/// One exported row; fields in the order of [`ROW_FIELDS`].
#[derive(Serialize)]
struct ExportRow<'a> {
    alias: &'a str,
    key_id: &'a str,
    state: &'static str,
    spec: &'a str,
    usage: &'a str,
    origin: &'static str,
    default_key: bool,
    created: String,
    /// `on`, `off`, or `null` for a key that cannot rotate.
    rotation: Option<&'static str>,
    /// Why the key cannot rotate, or `null`.
    not_rotatable: Option<&'static str>,
    interval_days: Option<u32>,
    last_rotation: Option<String>,
    rotations: Option<u32>,
    description: &'a str,
}

impl<'a> From<&'a KmsKeyRow> for ExportRow<'a> {
    fn from(row: &'a KmsKeyRow) -> Self {
        let status = row.status();
        Self {
            alias: &row.alias,
            key_id: &row.id,
            state: row.state.slug(),
            spec: &row.spec,
            usage: &row.usage,
            origin: row.origin.slug(),
            default_key: row.default_key,
            created: rfc3339(row.created),
            rotation: row
                .rotation_enabled()
                .map(|on| if on { "on" } else { "off" }),
            not_rotatable: row.rotatable().err().map(Slug::slug),
            interval_days: row.interval_days(),
            last_rotation: status.and_then(|s| s.last_rotation).map(rfc3339),
            rotations: status.map(|s| s.rotations),
            description: &row.description,
        }
    }
}

/// The rows as CSV (RFC 4180, CRLF line ends): a header of [`ROW_FIELDS`], then one line per
/// row; times in RFC 3339 UTC, states, origins and reasons as their slugs, `default_key` as
/// `true`/`false`, and an empty cell where a value is unknown or does not apply. A cell that a
/// spreadsheet would run as a formula is defused with a leading `'`.
pub fn rows_csv<'a>(rows: impl IntoIterator<Item = &'a KmsKeyRow>) -> String {
    let mut csv = csv_line(ROW_FIELDS);
    for row in rows {
        let r = ExportRow::from(row);
        let text = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        let (interval, rotations) = (text(r.interval_days), text(r.rotations));
        csv.push_str(&csv_line([
            r.alias,
            r.key_id,
            r.state,
            r.spec,
            r.usage,
            r.origin,
            if r.default_key { "true" } else { "false" },
            &r.created,
            r.rotation.unwrap_or_default(),
            r.not_rotatable.unwrap_or_default(),
            &interval,
            r.last_rotation.as_deref().unwrap_or_default(),
            &rotations,
            r.description,
        ]));
    }
    csv
}

/// The rows as a pretty-printed JSON array of objects with the fields of [`ROW_FIELDS`], in
/// that order; numbers and booleans as such, and `null` where a value is unknown or does not
/// apply.
pub fn rows_json<'a>(rows: impl IntoIterator<Item = &'a KmsKeyRow>) -> String {
    let rows: Vec<ExportRow> = rows.into_iter().map(ExportRow::from).collect();
    serde_json::to_string_pretty(&rows).expect("rows of strings and numbers always serialize")
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
