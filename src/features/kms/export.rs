//! Export of the KMS rows shown, as CSV or JSON files.

use std::rc::Rc;

use keyturn_core::kms::export::{rows_csv, rows_json};
use keyturn_core::kms::{KmsKeyRow, KmsKeys, KmsView};
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::save_text_file;

/// File name of the CSV export.
pub const CSV_FILE: &str = "keyturn-kms-keys.csv";
/// File name of the JSON export.
pub const JSON_FILE: &str = "keyturn-kms-keys.json";

/// Props of [`KmsExport`].
#[derive(Properties, PartialEq)]
pub struct KmsExportProps {
    /// Every key.
    pub keys: Rc<KmsKeys>,
    /// Which rows are shown, in which order.
    pub view: KmsView,
}

/// "Export CSV" and "Export JSON": downloads of every row the filter lets through, in order.
#[component]
pub fn KmsExport(props: &KmsExportProps) -> Html {
    let tr = use_text();
    let export = |file: &'static str, mime: &'static str, render: fn(&[&KmsKeyRow]) -> String| {
        let (keys, view) = (props.keys.clone(), props.view.clone());
        Callback::from(move |_: MouseEvent| {
            let rows = view.apply(&keys);
            // A refused download leaves nothing to clean up; the button can be pressed again.
            let _ = save_text_file(file, mime, &render(&rows));
        })
    };
    html! {
        <div class="key-export">
            <button type="button"
                onclick={export(CSV_FILE, "text/csv;charset=utf-8", |rows| rows_csv(rows.iter().copied()))}>
                { tr.t(KmsText::ExportCsv.into()) }
            </button>
            <button type="button"
                onclick={export(JSON_FILE, "application/json", |rows| rows_json(rows.iter().copied()))}>
                { tr.t(KmsText::ExportJson.into()) }
            </button>
        </div>
    }
}
