use keyturn_core::access_key::AccessKey;
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::export::{ROW_FIELDS, credentials_csv, rows_csv, rows_json};
use keyturn_core::inventory::{KeyRow, TableView};
use keyturn_core::types::credential::{CreatedCredential, KeyStatus};
use serde_json::Value;

use crate::fixture::{account, now, policy, user};

const HEADER: &str =
    "user_name,user_id,access_key,status,created,age_days,last_used,description,badge,usage\r\n";

fn row(name: &str, description: &str, created: &str, last_used: Option<&str>) -> KeyRow {
    KeyRow::new(
        user("u-alice", name),
        AccessKey {
            user_id: UserId::parse("u-alice").unwrap(),
            access: AccessKeyId::parse("AKALICE7").unwrap(),
            status: KeyStatus::Active,
            created: created.parse().unwrap(),
            last_used: last_used.map(|t| t.parse().unwrap()),
            description: description.into(),
        },
        now(),
        &policy(),
    )
}

/// Reads RFC 4180 CSV back into cells.
fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    parse_separated(csv, ',')
}

/// Reads the file as a spreadsheet does that splits cells on `separator` (`;` where the decimal
/// separator is a comma, or tab), quotes read as RFC 4180 says.
fn parse_separated(csv: &str, separator: char) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, c) if c == separator => row.push(std::mem::take(&mut cell)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CR without LF"),
            (false, '\n') => panic!("bare LF ends a record"),
            (false, c) => cell.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(cell.is_empty() && row.is_empty(), "unterminated record");
    rows
}

#[test]
fn a_row_is_one_csv_line_of_plain_values() {
    let r = row(
        "alice",
        "laptop",
        "2024-11-05T08:30:00.123456Z",
        Some("2025-02-28T23:59:59Z"),
    );
    assert_eq!(
        rows_csv([&r]),
        format!(
            "{HEADER}alice,u-alice,AKALICE7,active,2024-11-05T08:30:00.123456Z,116,\
             2025-02-28T23:59:59Z,laptop,overdue,recent\r\n"
        )
    );
    assert_eq!(rows_csv([]), HEADER);
    assert_eq!(HEADER.trim_end().split(',').collect::<Vec<_>>(), ROW_FIELDS);
}

#[test]
fn visible_rows_are_exported_in_view_order() {
    let inventory = account();
    let view = TableView::from_query("status=inactive");
    let csv = rows_csv(view.apply(&inventory));
    assert_eq!(
        csv,
        format!(
            "{HEADER}alice,u-alice,AKALICE2,inactive,2024-11-21T12:00:00Z,100,never,old ci,\
             overdue,never_used\r\n"
        )
    );
    let all = parse_csv(&rows_csv(
        TableView::from_query("sort=age").apply(&inventory),
    ));
    let aks: Vec<_> = all[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        aks,
        ["AKCIBOT1", "AKALICE1", "AKBOB1", "AKALICE2", "AKCAROL1"]
    );
    assert!(all.iter().all(|r| r.len() == ROW_FIELDS.len()));
}

#[test]
fn cells_are_quoted_and_formulas_defused() {
    let r = row(
        "=HYPERLINK(\"http://x\",\"y\")",
        "-2+3, \"quoted\"\r\nnext",
        "2025-02-01T00:00:00Z",
        None,
    );
    let csv = rows_csv([&r]);
    assert!(csv.starts_with(&format!(
        "{HEADER}\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",u-alice,"
    )));
    assert!(csv.contains(",never,\"'-2+3, \"\"quoted\"\"\r\nnext\",ok,"));
    let cells = parse_csv(&csv);
    assert_eq!(cells.len(), 2);
    assert_eq!(cells[1][0], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(cells[1][7], "'-2+3, \"quoted\"\r\nnext");
    for (description, cell) in [
        ("+1", "'+1"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("a=b", "a=b"),
    ] {
        let r = row("alice", description, "2025-02-01T00:00:00Z", None);
        assert_eq!(parse_csv(&rows_csv([&r]))[1][7], cell, "{description:?}");
    }
}

#[test]
fn cells_with_a_semicolon_or_a_tab_are_quoted_so_no_locale_splits_out_a_formula() {
    // Spreadsheets in locales with a decimal comma split CSV on `;`, and some guess tab: an
    // unquoted `ok;=1+1` became the cells `ok` and the formula `=1+1`.
    let r = row(
        "ok;=1+1",
        "tab\t=1+1;@SUM(A1)",
        "2025-02-01T00:00:00Z",
        None,
    );
    let csv = rows_csv([&r]);
    assert!(csv.contains("\"ok;=1+1\","), "{csv}");
    assert!(csv.contains(",\"tab\t=1+1;@SUM(A1)\","), "{csv}");
    assert_eq!(parse_csv(&csv)[1][0], "ok;=1+1");
    assert_eq!(parse_csv(&csv)[1][7], "tab\t=1+1;@SUM(A1)");
    for separator in [',', ';', '\t'] {
        for line in parse_separated(&csv, separator) {
            for cell in line {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "{separator:?} splits out {cell:?}"
                );
            }
        }
    }
}

#[test]
fn json_has_the_same_fields_in_the_same_order() {
    let inventory = account();
    let json = rows_json(TableView::default().apply(&inventory));
    let value: Value = serde_json::from_str(&json).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    for row in rows {
        let mut fields: Vec<_> = row.as_object().unwrap().keys().cloned().collect();
        fields.sort();
        let mut expected = ROW_FIELDS.map(str::to_owned).to_vec();
        expected.sort();
        assert_eq!(fields, expected);
    }
    let first_object = &json[..json.find('}').unwrap()];
    let positions: Vec<_> = ROW_FIELDS
        .iter()
        .map(|f| first_object.find(&format!("\"{f}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert_eq!(
        rows[1],
        serde_json::json!({
            "user_name": "alice",
            "user_id": "u-alice",
            "access_key": "AKALICE2",
            "status": "inactive",
            "created": "2024-11-21T12:00:00Z",
            "age_days": 100,
            "last_used": null,
            "description": "old ci",
            "badge": "overdue",
            "usage": "never_used"
        })
    );
    assert_eq!(rows[2]["last_used"], "2024-12-31T12:00:00Z");
    assert_eq!(rows[2]["badge"], "due_soon");
    assert_eq!(rows_json([]), "[]");
}

#[test]
fn no_secret_reaches_an_export() {
    let secret = "Xq3vT9sLmN2pR8wK5zYb7cH4dJ6fG1aE0uI9oP2s";
    let created: CreatedCredential = serde_json::from_value(serde_json::json!({
        "access": "AKBOB2", "secret": secret, "user_id": "u-bob",
        "status": "active", "create_time": "2025-03-01T11:00:00.000000Z", "description": "new"
    }))
    .unwrap();
    let mut inventory = account();
    assert!(inventory.upsert_key(AccessKey::try_from(&created).unwrap(), now(), &policy()));
    let rows = TableView::default().apply(&inventory);
    let csv = rows_csv(rows.iter().copied());
    let json = rows_json(rows.iter().copied());
    assert!(csv.contains("AKBOB2") && json.contains("AKBOB2"));
    assert!(!csv.contains(secret) && !json.contains(secret));
    assert!(!format!("{rows:?}").contains(secret));
}

#[test]
fn credentials_csv_matches_the_console_download() {
    assert_eq!(
        credentials_csv([(
            "alice",
            "HPUAEXAMPLEAK0000001",
            "Xq3vT9sLmN2pR8wK5zYb7cH4dJ6fG1aE0uI9oP2s"
        )]),
        "User Name,Access Key Id,Secret Access Key\n\
         alice,HPUAEXAMPLEAK0000001,Xq3vT9sLmN2pR8wK5zYb7cH4dJ6fG1aE0uI9oP2s\n"
    );
    assert_eq!(
        credentials_csv([("-ops, \"core\"", "AK1", "SK1"), ("bob", "AK2", "SK2")]),
        "User Name,Access Key Id,Secret Access Key\n\"'-ops, \"\"core\"\"\",AK1,SK1\nbob,AK2,SK2\n"
    );
}
