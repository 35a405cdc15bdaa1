//! A sortable column header.

use keyturn_core::inventory::SortDir;
use yew::prelude::*;

/// Props of [`SortHeader`].
#[derive(Properties, PartialEq)]
pub struct SortHeaderProps {
    /// The column's name.
    pub label: AttrValue,
    /// The direction the table is sorted in by this column; `None` when sorted by another.
    pub sorted: Option<SortDir>,
    /// Called when the header is pressed.
    pub on_click: Callback<()>,
}

/// `<th aria-sort>` holding a button named exactly as the column; the arrow is decoration.
#[component]
pub fn SortHeader(props: &SortHeaderProps) -> Html {
    let (aria_sort, arrow) = match props.sorted {
        Some(SortDir::Asc) => ("ascending", "▲"),
        Some(SortDir::Desc) => ("descending", "▼"),
        None => ("none", "↕"),
    };
    let onclick = {
        let on_click = props.on_click.clone();
        Callback::from(move |_: MouseEvent| on_click.emit(()))
    };
    html! {
        <th scope="col" aria-sort={aria_sort}>
            <button type="button" class="sort-button" {onclick}>
                { props.label.clone() }
                <span class="sort-arrow" aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}
