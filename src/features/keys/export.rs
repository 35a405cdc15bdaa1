//! Export of the rows shown, as CSV or JSON files.

use std::rc::Rc;

use keyturn_core::inventory::export::{rows_csv, rows_json};
use keyturn_core::inventory::{Inventory, KeyRow, TableView};
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::save_text_file;

/// File name of the CSV export.
pub const CSV_FILE: &str = "keyturn-access-keys.csv";
/// File name of the JSON export.
pub const JSON_FILE: &str = "keyturn-access-keys.json";

/// Props of [`KeyExport`].
#[derive(Properties, PartialEq)]
pub struct KeyExportProps {
    /// Every key.
    pub inventory: Rc<Inventory>,
    /// Which rows are shown, in which order.
    pub view: TableView,
}

/// "Export CSV" and "Export JSON": downloads of exactly the rows shown, in their order.
#[component]
pub fn KeyExport(props: &KeyExportProps) -> Html {
    let tr = use_text();
    let export = |file: &'static str, mime: &'static str, render: fn(&[&KeyRow]) -> String| {
        let (inventory, view) = (props.inventory.clone(), props.view.clone());
        Callback::from(move |_: MouseEvent| {
            let rows = view.apply(&inventory);
            // A refused download leaves nothing to clean up; the button can be pressed again.
            let _ = save_text_file(file, mime, &render(&rows));
        })
    };
    html! {
        <div class="key-export">
            <button type="button"
                onclick={export(CSV_FILE, "text/csv;charset=utf-8", |rows| rows_csv(rows.iter().copied()))}>
                { tr.t(KeysText::ExportCsv.into()) }
            </button>
            <button type="button"
                onclick={export(JSON_FILE, "application/json", |rows| rows_json(rows.iter().copied()))}>
                { tr.t(KeysText::ExportJson.into()) }
            </button>
        </div>
    }
}
