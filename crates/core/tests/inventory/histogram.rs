use keyturn_core::inventory::histogram::{Bar, Bucket, age_buckets, svg_bars};

use crate::fixture::{account, row_of_age};

fn counts(buckets: &[Bucket]) -> Vec<usize> {
    buckets.iter().map(|b| b.count).collect()
}

#[test]
fn buckets_are_labelled_and_bounded() {
    let buckets = age_buckets([]);
    let shape: Vec<_> = buckets
        .iter()
        .map(|b| (b.label, b.from_days, b.to_days))
        .collect();
    assert_eq!(
        shape,
        [
            ("0–30", 0, Some(30)),
            ("30–60", 30, Some(60)),
            ("60–90", 60, Some(90)),
            ("90–180", 90, Some(180)),
            ("180–365", 180, Some(365)),
            ("365+", 365, None),
        ]
    );
    assert_eq!(counts(&buckets), [0; 6]);
}

#[test]
fn each_bucket_includes_its_lower_bound_and_not_its_upper() {
    for (age, bucket) in [
        (0, "0–30"),
        (29, "0–30"),
        (30, "30–60"),
        (31, "30–60"),
        (59, "30–60"),
        (60, "60–90"),
        (89, "60–90"),
        (90, "90–180"),
        (179, "90–180"),
        (180, "180–365"),
        (364, "180–365"),
        (365, "365+"),
        (366, "365+"),
        (10_000, "365+"),
    ] {
        let row = row_of_age(age);
        let buckets = age_buckets([&row]);
        let hit: Vec<_> = buckets
            .iter()
            .filter(|b| b.count == 1)
            .map(|b| b.label)
            .collect();
        assert_eq!(hit, [bucket], "age {age}");
    }
}

#[test]
fn the_account_fills_four_buckets() {
    assert_eq!(
        counts(&age_buckets(account().rows().iter().map(AsRef::as_ref))),
        [2, 0, 1, 1, 0, 1]
    );
}

#[test]
fn bars_share_the_width_and_scale_to_the_fullest_bucket() {
    let bars = svg_bars(
        &age_buckets(account().rows().iter().map(AsRef::as_ref)),
        600.0,
        100.0,
    );
    let expected = [
        (10.0, 0.0, 80.0, 100.0, 2),
        (110.0, 100.0, 80.0, 0.0, 0),
        (210.0, 50.0, 80.0, 50.0, 1),
        (310.0, 50.0, 80.0, 50.0, 1),
        (410.0, 100.0, 80.0, 0.0, 0),
        (510.0, 50.0, 80.0, 50.0, 1),
    ];
    assert_eq!(bars.len(), expected.len());
    for (bar, (x, y, w, h, count)) in bars.iter().zip(expected) {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(
            close(bar.x, x) && close(bar.y, y) && close(bar.w, w) && close(bar.h, h),
            "{bar:?}"
        );
        assert_eq!(bar.count, count);
    }
    assert_eq!(bars[5].label, "365+");
}

#[test]
fn empty_histograms_draw_flat_bars() {
    let bars = svg_bars(&age_buckets([]), 60.0, 40.0);
    assert_eq!(bars.len(), 6);
    assert!(bars.iter().all(|b| b.h == 0.0 && b.y == 40.0));
    assert_eq!(svg_bars(&[], 60.0, 40.0), Vec::<Bar>::new());
    let degenerate = svg_bars(
        &age_buckets(account().rows().iter().map(AsRef::as_ref)),
        -5.0,
        f64::NAN,
    );
    assert!(
        degenerate
            .iter()
            .all(|b| b.w == 0.0 && b.h == 0.0 && b.x == 0.0 && b.y == 0.0)
    );
}

#[test]
fn svg_numbers_have_at_most_one_decimal() {
    use keyturn_core::inventory::histogram::svg_number;
    for (value, text) in [
        (0.0, "0"),
        (40.0, "40"),
        (12.5, "12.5"),
        (12.34, "12.3"),
        (12.36, "12.4"),
        (0.04, "0"),
        (99.96, "100"),
        (-3.0, "0"),
        (f64::NAN, "0"),
    ] {
        assert_eq!(svg_number(value), text, "{value}");
    }
}
