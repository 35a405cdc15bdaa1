//! A point in time as the key table shows it.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use crate::i18n::utc_iso;

/// Props of [`KeyTime`].
#[derive(Properties, PartialEq)]
pub struct KeyTimeProps {
    /// The time.
    pub at: DateTime<Utc>,
}

/// `<time>` in UTC ISO 8601, the same in every language.
#[component]
pub fn KeyTime(props: &KeyTimeProps) -> Html {
    let iso = utc_iso(props.at);
    html! { <time datetime={iso.clone()}>{ iso }</time> }
}
