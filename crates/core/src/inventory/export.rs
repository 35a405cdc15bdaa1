//! Downloads: the visible rows as CSV or JSON, and the one-time `credentials.csv` of a new key.
//!
//! Rows carry no secret ([`AccessKey`](crate::access_key::AccessKey) has none), so neither
//! export of rows can contain one.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::row::KeyRow;
use super::slug::{Slug, usage_slug};

/// Column names of [`rows_csv`], also the field names of [`rows_json`].
pub const ROW_FIELDS: [&str; 10] = [
    "user_name",
    "user_id",
    "access_key",
    "status",
    "created",
    "age_days",
    "last_used",
    "description",
    "badge",
    "usage",
];

/// What `last_used` says of a key never used, in CSV.
pub const NEVER: &str = "never";

/// One exported row; fields in the order of [`ROW_FIELDS`].
#[derive(Serialize)]
struct ExportRow<'a> {
    user_name: &'a str,
    user_id: &'a str,
    access_key: &'a str,
    status: &'static str,
    created: String,
    age_days: i64,
    last_used: Option<String>,
    description: &'a str,
    badge: &'static str,
    usage: &'static str,
}

impl<'a> From<&'a KeyRow> for ExportRow<'a> {
    fn from(row: &'a KeyRow) -> Self {
        Self {
            user_name: &row.user.name,
            user_id: &row.user.id,
            access_key: &row.key.access,
            status: row.key.status.slug(),
            created: rfc3339(row.key.created),
            age_days: row.assessment.age_days,
            last_used: row.key.last_used.map(rfc3339),
            description: &row.key.description,
            badge: row.assessment.badge.slug(),
            usage: usage_slug(row.assessment.usage),
        }
    }
}

/// The rows as CSV (RFC 4180, CRLF line ends): a header of [`ROW_FIELDS`], then one line per
/// row; times in RFC 3339 UTC, `last_used` is [`NEVER`] for a key never used; statuses, badges
/// and usages as their slugs. A cell that a spreadsheet would run as a formula is defused
/// with a leading `'`.
pub fn rows_csv<'a>(rows: impl IntoIterator<Item = &'a KeyRow>) -> String {
    let mut csv = csv_line(ROW_FIELDS);
    for row in rows {
        let r = ExportRow::from(row);
        let age = r.age_days.to_string();
        let last_used = r.last_used.as_deref().unwrap_or(NEVER);
        csv.push_str(&csv_line([
            r.user_name,
            r.user_id,
            r.access_key,
            r.status,
            &r.created,
            &age,
            last_used,
            r.description,
            r.badge,
            r.usage,
        ]));
    }
    csv
}

/// The rows as a pretty-printed JSON array of objects with the fields of [`ROW_FIELDS`], in
/// that order; `age_days` is a number and `last_used` is `null` for a key never used.
pub fn rows_json<'a>(rows: impl IntoIterator<Item = &'a KeyRow>) -> String {
    let rows: Vec<ExportRow> = rows.into_iter().map(ExportRow::from).collect();
    serde_json::to_string_pretty(&rows).expect("rows of strings and numbers always serialize")
}

/// The `credentials.csv` of new keys, with the Huawei Cloud console's columns
/// `User Name,Access Key Id,Secret Access Key`: one header line and one line per
/// `(user name, AK, SK)`, LF line ends so that shell tools read the secret without a trailing CR.
///
/// The user name is defused against formulas like any exported cell; the access key and the
/// secret are never altered (IAM issues them as letters and digits).
pub fn credentials_csv<'a>(keys: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> String {
    let mut csv = String::from("User Name,Access Key Id,Secret Access Key\n");
    for (user_name, access_key, secret_key) in keys {
        csv.push_str(&format!(
            "{},{},{}\n",
            quoted(&defused(user_name)),
            quoted(access_key),
            quoted(secret_key)
        ));
    }
    csv
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// One CSV line of defused, quoted cells, ending in CRLF.
pub(crate) fn csv_line<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut line = cells
        .into_iter()
        .map(|cell| quoted(&defused(cell)))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Prefixes `'` to a cell starting with a character that makes a spreadsheet read a formula.
fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Characters that make a cell quoted: the RFC 4180 ones (`,`, `"`, CR, LF), and the
/// separators spreadsheets pick by locale or guess from the file: `;` (where `,` is the decimal
/// comma, `ok;=1+1` would otherwise split into `ok` and the formula `=1+1`) and tab.
const QUOTED_IF_PRESENT: [char; 6] = [',', '"', '\r', '\n', ';', '\t'];

/// Encloses a cell in double quotes, doubling inner ones, when it holds one of
/// [`QUOTED_IF_PRESENT`].
fn quoted(cell: &str) -> String {
    if cell.contains(QUOTED_IF_PRESENT) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        for (cell, out) in [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("ok;=1+1", "\"ok;=1+1\""),
            ("tab\t=1+1", "\"tab\t=1+1\""),
            ("用户 one", "用户 one"),
        ] {
            assert_eq!(quoted(cell), out, "{cell:?}");
        }
    }

    #[test]
    fn formula_starters_are_defused() {
        for (cell, out) in [
            ("=1+2", "'=1+2"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=1", "a=1"),
            (" =1", " =1"),
            ("'quoted", "'quoted"),
        ] {
            assert_eq!(defused(cell), out, "{cell:?}");
        }
    }
}
