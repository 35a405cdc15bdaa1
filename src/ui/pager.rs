//! The page controls of a long table: where the page is, rows per page, and the way to the
//! first, previous, next and last page. With `keyturn_core::paging`, the shared piece of every
//! table built for scale: the table renders only `paging.range(total)`.

use keyturn_core::paging::{PAGE_SIZES, Paging};
use yew::prelude::*;

use super::SelectField;
use crate::context::use_text;
use crate::i18n::Text;

/// Props of [`Pager`].
#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// Prefix of the controls' ids, unique on the page (e.g. `keys`).
    pub id: AttrValue,
    /// The page shown.
    pub paging: Paging,
    /// Rows in all.
    pub total: usize,
    /// Called with the page asked for.
    pub on_change: Callback<Paging>,
}

/// `<nav aria-label="Pages">`: "Rows a–b of n, page p of q" (announced politely), a "Rows per
/// page" choice, and First / Previous / Next / Last buttons, disabled where they lead nowhere.
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let tr = use_text();
    let paging = props.paging.within(props.total);
    let pages = paging.pages(props.total);
    let range = paging.range(props.total);
    let go = |page: usize| {
        let (on_change, target) = (props.on_change.clone(), paging.to(page));
        Callback::from(move |_: MouseEvent| on_change.emit(target))
    };
    let on_size = {
        let on_change = props.on_change.clone();
        Callback::from(move |value: String| {
            if let Ok(size) = value.parse() {
                on_change.emit(paging.sized(size));
            }
        })
    };
    let sizes: Vec<(AttrValue, AttrValue)> = PAGE_SIZES
        .iter()
        .map(|size| (size.to_string().into(), size.to_string().into()))
        .collect();
    let status = Text::PageStatus {
        from: if range.is_empty() { 0 } else { range.start + 1 },
        to: range.end,
        total: props.total,
        page: paging.page + 1,
        pages,
    };
    let first = paging.page == 0;
    let last = paging.page + 1 >= pages;
    html! {
        <nav class="pager" aria-label={tr.t(Text::Pages)}>
            <p class="pager-status" role="status">{ tr.t(status) }</p>
            <SelectField id={format!("{}-page-size", props.id)} label={tr.t(Text::RowsPerPage)}
                value={paging.size.to_string()} options={sizes} on_change={on_size} />
            <div class="pager-buttons">
                <button type="button" class="button-small" disabled={first} onclick={go(0)}>
                    { tr.t(Text::FirstPage) }
                </button>
                <button type="button" class="button-small" disabled={first}
                    onclick={go(paging.page.saturating_sub(1))}>
                    { tr.t(Text::PreviousPage) }
                </button>
                <button type="button" class="button-small" disabled={last}
                    onclick={go(paging.page + 1)}>
                    { tr.t(Text::NextPage) }
                </button>
                <button type="button" class="button-small" disabled={last}
                    onclick={go(pages - 1)}>
                    { tr.t(Text::LastPage) }
                </button>
            </div>
        </nav>
    }
}
