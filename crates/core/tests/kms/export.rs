//! Downloads of the table's rows.

use keyturn_core::kms::export::{ROW_FIELDS, rows_csv, rows_json};
use keyturn_core::kms::{KmsKeyRow, KmsView};
use serde_json::{Value, json};

use crate::fixture::{id_text, loaded, row};

fn rows_by_id(state: &keyturn_core::kms::KmsState, ns: &[u32]) -> Vec<KmsKeyRow> {
    ns.iter()
        .map(|&n| state.keys.row(&id_text(n)).unwrap().clone())
        .collect()
}

#[test]
fn csv_has_a_header_and_one_line_per_row() {
    let state = loaded();
    let rows = rows_by_id(&state, &[1, 5, 7, 15]);
    let csv = rows_csv(&rows);
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(lines[0], ROW_FIELDS.join(","));
    assert_eq!(
        lines[1],
        format!(
            "app/orders,{},enabled,AES_256,ENCRYPT_DECRYPT,kms,false,2025-02-19T12:00:00Z,on,,90,\
             2025-02-09T12:00:00Z,4,demo key 1",
            id_text(1)
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "app/legacy,{},enabled,AES_256,ENCRYPT_DECRYPT,kms,false,2025-01-10T12:00:00Z,off,,,,0,demo key 5",
            id_text(5)
        )
    );
    assert_eq!(
        lines[3],
        format!(
            "evs/default,{},enabled,AES_256,ENCRYPT_DECRYPT,kms,true,2024-12-21T12:00:00Z,,default_key,,,,demo key 7",
            id_text(7)
        )
    );
    // The read failed: the list's flag, no status values.
    assert_eq!(
        lines[4],
        format!(
            "gm/sm4,{},enabled,SM4,ENCRYPT_DECRYPT,kms,false,2024-10-02T12:00:00Z,off,,,,,demo key 15",
            id_text(15)
        )
    );
    assert_eq!(lines.len(), 5);
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn csv_cells_are_defused_and_quoted() {
    let mut hostile = row(6);
    hostile.alias = "=HYPERLINK(\"http://x\")".into();
    hostile.description = "-1, or so".into();
    let csv = rows_csv([&hostile]);
    let line = csv.split_terminator("\r\n").nth(1).unwrap();
    assert!(
        line.starts_with("\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{line}"
    );
    assert!(line.ends_with(",\"'-1, or so\""), "{line}");
}

#[test]
fn csv_cells_with_a_semicolon_or_a_tab_are_quoted() {
    // A spreadsheet in a decimal-comma locale splits on `;`: `ok;=1+1` unquoted is a formula.
    let mut hostile = row(6);
    hostile.alias = "ok;=1+1".into();
    hostile.description = "x\t-2+3".into();
    let csv = rows_csv([&hostile]);
    let line = csv.split_terminator("\r\n").nth(1).unwrap();
    assert!(line.starts_with("\"ok;=1+1\","), "{line}");
    assert!(line.ends_with(",\"x\t-2+3\""), "{line}");
    for separator in [';', '\t'] {
        for cell in split_outside_quotes(line, separator) {
            assert!(
                !cell
                    .trim_start_matches('"')
                    .starts_with(['=', '+', '-', '@']),
                "{separator:?} splits out {cell:?}"
            );
        }
    }
}

/// `line` split on `separator` where it is not inside double quotes, as a spreadsheet reads it.
fn split_outside_quotes(line: &str, separator: char) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cell.push(c);
            }
            c if c == separator && !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

#[test]
fn json_keeps_types_and_nulls() {
    let state = loaded();
    let rows = rows_by_id(&state, &[2, 13]);
    let json: Value = serde_json::from_str(&rows_json(&rows)).unwrap();
    assert_eq!(
        json,
        json!([
            {
                "alias": "app/payments",
                "key_id": id_text(2),
                "state": "enabled",
                "spec": "AES_256",
                "usage": "ENCRYPT_DECRYPT",
                "origin": "kms",
                "default_key": false,
                "created": "2025-02-09T12:00:00Z",
                "rotation": "on",
                "not_rotatable": null,
                "interval_days": 30,
                "last_rotation": "2025-02-24T12:00:00Z",
                "rotations": 6,
                "description": "demo key 2"
            },
            {
                "alias": "sign/rsa",
                "key_id": id_text(13),
                "state": "enabled",
                "spec": "RSA_2048",
                "usage": "SIGN_VERIFY",
                "origin": "kms",
                "default_key": false,
                "created": "2024-10-22T12:00:00Z",
                "rotation": null,
                "not_rotatable": "asymmetric",
                "interval_days": null,
                "last_rotation": null,
                "rotations": null,
                "description": "demo key 13"
            }
        ])
    );
    let keys: Vec<&str> = json[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut fields = ROW_FIELDS.to_vec();
    fields.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, fields);
}

#[test]
fn exports_follow_the_view() {
    let state = loaded();
    let view = KmsView::from_query("rotation=on&sort=interval&dir=desc");
    let csv = rows_csv(view.apply(&state.keys));
    let aliases: Vec<&str> = csv
        .split_terminator("\r\n")
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    assert_eq!(
        aliases,
        ["app/archive", "app/sessions", "app/orders", "app/payments"]
    );
    assert_eq!(rows_json(Vec::<&KmsKeyRow>::new()), "[]");
}
