//! The selection for a bulk change: how many keys, "Change rotation…", "Clear selection".

use std::collections::BTreeSet;
use std::rc::Rc;

use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{BulkStateAction, KmsDialog};
use yew::prelude::*;

use super::{use_kms, with_kms};
use crate::context::use_text;
use crate::i18n::KmsText;

/// Props of [`KmsSelectionBar`].
#[derive(Properties, PartialEq)]
pub struct KmsSelectionBarProps {
    /// Keys selected.
    pub selection: Rc<BTreeSet<KmsKeyId>>,
}

/// `data-testid="kms-selection"`: the count selected and the bulk dialog's opener (disabled
/// while nothing is selected).
#[component]
pub fn KmsSelectionBar(props: &KmsSelectionBarProps) -> Html {
    let tr = use_text();
    let kms = use_kms();
    let count = props.selection.len();
    let open = with_kms(kms.clone(), |kms, _: MouseEvent| {
        kms.bulk.dispatch(BulkStateAction::Reset);
        kms.open(KmsDialog::Bulk);
    });
    let clear = with_kms(kms, |kms, _: MouseEvent| kms.clear_selection());
    html! {
        <div class="kms-selection" data-testid="kms-selection">
            <span role="status">{ tr.t(KmsText::Selected(count).into()) }</span>
            <button type="button" class="button-primary" onclick={open} disabled={count == 0}>
                { tr.t(KmsText::BulkOpen.into()) }
            </button>
            if count > 0 {
                <button type="button" onclick={clear}>{ tr.t(KmsText::ClearSelection.into()) }</button>
            }
        </div>
    }
}
