//! The SVG histogram of key ages.

use keyturn_core::inventory::histogram::{Bucket, svg_bars, svg_number};
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KeysText;

/// Width of the bar area in SVG units.
const WIDTH: f64 = 360.0;
/// Height of the bar area in SVG units.
const HEIGHT: f64 = 100.0;
/// Room above the bars for the counts, and below for the labels.
const MARGIN: f64 = 18.0;

/// Props of [`KeyHistogram`].
#[derive(Properties, PartialEq)]
pub struct KeyHistogramProps {
    /// Age buckets of the keys shown.
    pub buckets: Vec<Bucket>,
}

/// `<svg role="img" aria-label="Key ages">` drawing core's bars, with each bucket's count and
/// label, and the counts in words for screen readers.
#[component]
pub fn KeyHistogram(props: &KeyHistogramProps) -> Html {
    let tr = use_text();
    let bars = svg_bars(&props.buckets, WIDTH, HEIGHT);
    let words: Vec<String> = bars
        .iter()
        .map(|bar| {
            tr.t(KeysText::HistogramBar {
                label: bar.label,
                count: bar.count,
            }
            .into())
                .to_string()
        })
        .collect();
    let view_box = format!(
        "0 0 {} {}",
        svg_number(WIDTH),
        svg_number(HEIGHT + 2.0 * MARGIN)
    );
    html! {
        <figure class="key-histogram">
            <figcaption>{ tr.t(KeysText::HistogramCaption.into()) }</figcaption>
            <svg role="img" aria-label={tr.t(KeysText::HistogramLabel.into())}
                aria-describedby="key-histogram-words" viewBox={view_box}
                preserveAspectRatio="xMidYMid meet">
                { for bars.iter().zip(&words).map(|(bar, title)| {
                    let center = svg_number(bar.x + bar.w / 2.0);
                    html! {
                        <g key={bar.label}>
                            <rect class="histogram-bar" x={svg_number(bar.x)}
                                y={svg_number(bar.y + MARGIN)} width={svg_number(bar.w)}
                                height={svg_number(bar.h)}>
                                <title>{ title.clone() }</title>
                            </rect>
                            <text class="histogram-count" x={center.clone()}
                                y={svg_number(bar.y + MARGIN - 4.0)} text-anchor="middle">
                                { bar.count }
                            </text>
                            <text class="histogram-label" x={center}
                                y={svg_number(HEIGHT + 2.0 * MARGIN - 4.0)} text-anchor="middle">
                                { bar.label }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <p id="key-histogram-words" class="visually-hidden">{ words.join("; ") }</p>
        </figure>
    }
}
