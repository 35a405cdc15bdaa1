//! The KMS key table: a selection column, sortable headers, one page of rows.

use std::collections::BTreeSet;
use std::rc::Rc;

use keyturn_core::ids::KmsKeyId;
use keyturn_core::inventory::Slug;
use keyturn_core::kms::{KmsKeys, KmsSortKey, KmsView};
use keyturn_core::paging::PAGE_SIZES;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{KmsTableRow, use_kms, with_kms};
use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::{Pager, SortHeader};

/// Columns in all: selection, the sortable ones, usage, origin, default, can rotate, actions.
const COLUMNS: usize = KmsSortKey::ALL.len() + 6;

/// Props of [`KmsTable`].
#[derive(Properties, PartialEq)]
pub struct KmsTableProps {
    /// Every key of the region.
    pub keys: Rc<KmsKeys>,
    /// Filter, order and page.
    pub view: KmsView,
    /// Puts another view in the URL.
    pub set_view: Callback<KmsView>,
    /// Keys selected for a bulk change.
    pub selection: Rc<BTreeSet<KmsKeyId>>,
    /// The key whose dialog is open.
    #[prop_or_default]
    pub busy: Option<KmsKeyId>,
}

/// `<table aria-label="KMS keys">`: a checkbox selecting every row the filter shows (on every
/// page), a header button per sortable column (`aria-sort` on the sorted one), then one page
/// of rows (`data-key-id`) and the [`Pager`] once there is more than one page.
#[component]
pub fn KmsTable(props: &KmsTableProps) -> Html {
    let tr = use_text();
    let kms = use_kms();
    let rows = props.view.apply(&props.keys);
    let total = rows.len();
    let page = &rows[props.view.paging.range(total)];
    let all_selected = total > 0 && rows.iter().all(|row| props.selection.contains(&row.id));
    let shown: Vec<KmsKeyId> = rows.iter().map(|row| row.id.clone()).collect();
    let select_all = with_kms(kms, move |kms, event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        kms.select(shown.iter().cloned(), input.checked());
    });
    let on_sort = {
        let (view, set_view) = (props.view.clone(), props.set_view.clone());
        Callback::from(move |key: KmsSortKey| set_view.emit(view.with_sort(view.sort.clicked(key))))
    };
    let on_page = {
        let (view, set_view) = (props.view.clone(), props.set_view.clone());
        Callback::from(move |paging| set_view.emit(view.with_paging(paging)))
    };
    let sort = props.view.sort;
    let header = |key: KmsSortKey| {
        let on_click = on_sort.reform(move |()| key);
        html! {
            <SortHeader key={key.slug()} label={tr.t(KmsText::Column(key).into())}
                sorted={(sort.key == key).then_some(sort.dir)} {on_click} />
        }
    };
    let plain = |text: KmsText| html! { <th scope="col">{ tr.t(text.into()) }</th> };
    html! {
        <div class="table-wrap key-table-wrap">
            <p class="kms-shown" role="status">
                { tr.t(KmsText::Shown { shown: total, total: props.keys.len() }.into()) }
            </p>
            <table class="key-table kms-table" aria-label={tr.t(KmsText::TableLabel.into())}>
                <thead>
                    <tr>
                        <th scope="col" class="select-cell">
                            <input type="checkbox" id="kms-select-all" checked={all_selected}
                                aria-label={tr.t(KmsText::SelectAllShown(total).into())}
                                onchange={select_all} />
                        </th>
                        { header(KmsSortKey::Alias) }
                        { header(KmsSortKey::Id) }
                        { header(KmsSortKey::Spec) }
                        { plain(KmsText::ColumnUsage) }
                        { header(KmsSortKey::State) }
                        { plain(KmsText::ColumnOrigin) }
                        { plain(KmsText::ColumnDefault) }
                        { header(KmsSortKey::Created) }
                        { header(KmsSortKey::Rotation) }
                        { header(KmsSortKey::Interval) }
                        { header(KmsSortKey::LastRotation) }
                        { header(KmsSortKey::Rotations) }
                        { plain(KmsText::ColumnRotatable) }
                        { plain(KmsText::ColumnActions) }
                    </tr>
                </thead>
                <tbody>
                    { for page.iter().map(|row| html! {
                        <KmsTableRow key={row.id.to_string()} row={Rc::new((*row).clone())}
                            selected={props.selection.contains(&row.id)}
                            busy={props.busy.as_ref() == Some(&row.id)} />
                    }) }
                    if rows.is_empty() {
                        <tr key="empty">
                            <td colspan={COLUMNS.to_string()} class="no-keys">
                                { tr.t(KmsText::NoMatchingKeys.into()) }
                            </td>
                        </tr>
                    }
                </tbody>
            </table>
            if total > PAGE_SIZES[0] {
                <Pager id="kms" paging={props.view.paging} {total} on_change={on_page} />
            }
        </div>
    }
}
