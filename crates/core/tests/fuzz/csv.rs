//! CSV exports: no cell of any content becomes a formula, whichever separator a spreadsheet
//! guesses.

use keyturn_core::inventory::export::credentials_csv;
use proptest::prelude::*;

use crate::strategies::text;

/// `line` split on `separator` outside double quotes, each cell unquoted, as a spreadsheet reads
/// it.
fn cells(line: &str, separator: char) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (_, '"') => quoted = !quoted,
            (false, c) if c == separator => cells.push(std::mem::take(&mut cell)),
            (_, c) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

proptest! {
    #[test]
    fn no_user_name_becomes_a_formula_in_credentials_csv(name in text()) {
        prop_assume!(!name.contains(['\r', '\n']));
        let csv = credentials_csv([(name.as_str(), "HPUAEXAMPLEAK0000001", "secret0000")]);
        let line = csv.lines().nth(1).expect("one line per key");
        for separator in [',', ';', '\t'] {
            for cell in cells(line, separator) {
                prop_assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "{separator:?} splits {line:?} into a formula cell {cell:?}"
                );
            }
        }
        prop_assert_eq!(cells(line, ',').len(), 3);
    }
}
