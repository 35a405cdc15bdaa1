//! Key ages in buckets, and the geometry of their bars so that the app only draws.
//!
//! Buckets are half-open, lower bound included: `0–30` holds ages 0 to 29 days, `30–60` holds
//! 30 to 59, `60–90` 60 to 89, `90–180` 90 to 179, `180–365` 180 to 364, and `365+` every age
//! from 365 days on.

use super::row::KeyRow;

/// Lower bound, upper bound (excluded; `None` for no bound) and label of every bucket.
const BUCKETS: [(u32, Option<u32>, &str); 6] = [
    (0, Some(30), "0–30"),
    (30, Some(60), "30–60"),
    (60, Some(90), "60–90"),
    (90, Some(180), "90–180"),
    (180, Some(365), "180–365"),
    (365, None, "365+"),
];

/// How many keys have an age in `from_days..to_days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bucket {
    /// Smallest age in the bucket, in whole days.
    pub from_days: u32,
    /// First age past the bucket; `None` for the last bucket.
    pub to_days: Option<u32>,
    /// Label, e.g. `"30–60"` or `"365+"` (days).
    pub label: &'static str,
    /// Keys in the bucket.
    pub count: usize,
}

impl Bucket {
    /// True when a key `age_days` old belongs in this bucket.
    pub fn holds(&self, age_days: i64) -> bool {
        age_days >= i64::from(self.from_days)
            && self.to_days.is_none_or(|to| age_days < i64::from(to))
    }
}

/// The six age buckets of the rows, youngest first.
pub fn age_buckets<'a>(rows: impl IntoIterator<Item = &'a KeyRow>) -> Vec<Bucket> {
    let mut buckets: Vec<Bucket> = BUCKETS
        .iter()
        .map(|&(from_days, to_days, label)| Bucket {
            from_days,
            to_days,
            label,
            count: 0,
        })
        .collect();
    for row in rows {
        if let Some(bucket) = buckets
            .iter_mut()
            .find(|b| b.holds(row.assessment.age_days))
        {
            bucket.count += 1;
        }
    }
    buckets
}

/// A bar of the histogram in SVG user units (origin at the top left, y downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height; 0 for an empty bucket.
    pub h: f64,
    /// Keys in the bucket.
    pub count: usize,
    /// The bucket's label.
    pub label: &'static str,
}

/// Share of each bar's slot left empty between bars.
const GAP: f64 = 0.2;

/// One bar per bucket across `width`, standing on the bottom edge of `height`; the fullest
/// bucket reaches the top.
pub fn svg_bars(buckets: &[Bucket], width: f64, height: f64) -> Vec<Bar> {
    let (width, height) = (width.max(0.0), height.max(0.0));
    let slot = width / buckets.len().max(1) as f64;
    let gap = slot * GAP;
    let tallest = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    buckets
        .iter()
        .enumerate()
        .map(|(i, bucket)| {
            let h = height * bucket.count as f64 / tallest;
            Bar {
                x: slot * i as f64 + gap / 2.0,
                y: height - h,
                w: slot - gap,
                h,
                count: bucket.count,
                label: bucket.label,
            }
        })
        .collect()
}

/// An SVG coordinate with at most one decimal, e.g. `12.5` or `40` (negative values and NaN
/// as 0). Written out with integers, so the app carries no float formatting machinery.
pub fn svg_number(value: f64) -> String {
    let tenths = (value.max(0.0) * 10.0).round();
    let tenths = if tenths.is_finite() { tenths as u64 } else { 0 };
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        digit => format!("{}.{digit}", tenths / 10),
    }
}
