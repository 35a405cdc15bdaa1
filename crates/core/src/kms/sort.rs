//! The order of the KMS table's rows: any column, either direction, ties broken by alias and
//! then key id so that equal rows never swap places between renders.

use std::cmp::Ordering;

use super::row::KmsKeyRow;
use crate::inventory::{Slug, SortDir};

/// A column to sort on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum KmsSortKey {
    /// Alias, ignoring case.
    #[default]
    Alias,
    /// Key id.
    Id,
    /// Spec.
    Spec,
    /// State, from usable to going away (see [`KmsKeyState`](super::KmsKeyState)).
    State,
    /// Creation time.
    Created,
    /// Rotation: on, then off, then keys that cannot rotate.
    Rotation,
    /// Interval of keys rotating; any other key counts as shorter than all.
    Interval,
    /// Last rotation; a key never rotated, or whose status is unknown, counts as earliest.
    LastRotation,
    /// Rotations so far; a key whose status is unknown counts as fewest.
    Rotations,
}

impl Slug for KmsSortKey {
    const ALL: &'static [Self] = &[
        KmsSortKey::Alias,
        KmsSortKey::Id,
        KmsSortKey::Spec,
        KmsSortKey::State,
        KmsSortKey::Created,
        KmsSortKey::Rotation,
        KmsSortKey::Interval,
        KmsSortKey::LastRotation,
        KmsSortKey::Rotations,
    ];

    /// `alias`, `id`, `spec`, `state`, `created`, `rotation`, `interval`, `last_rotation` or
    /// `rotations`.
    fn slug(self) -> &'static str {
        match self {
            KmsSortKey::Alias => "alias",
            KmsSortKey::Id => "id",
            KmsSortKey::Spec => "spec",
            KmsSortKey::State => "state",
            KmsSortKey::Created => "created",
            KmsSortKey::Rotation => "rotation",
            KmsSortKey::Interval => "interval",
            KmsSortKey::LastRotation => "last_rotation",
            KmsSortKey::Rotations => "rotations",
        }
    }
}

/// A column and a direction; the default is alias, ascending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct KmsSort {
    /// Column.
    pub key: KmsSortKey,
    /// Direction.
    pub dir: SortDir,
}

impl KmsSort {
    /// The order after a click on the header of `key`: the same column flips direction,
    /// another column starts ascending.
    pub fn clicked(self, key: KmsSortKey) -> Self {
        let dir = if self.key == key {
            self.dir.reversed()
        } else {
            SortDir::Asc
        };
        Self { key, dir }
    }

    /// Compares two rows: by the column in the chosen direction, then always ascending by
    /// alias and key id.
    pub fn compare(&self, a: &KmsKeyRow, b: &KmsKeyRow) -> Ordering {
        let by_column = column_order(self.key, a, b);
        let by_column = match self.dir {
            SortDir::Asc => by_column,
            SortDir::Desc => by_column.reverse(),
        };
        by_column
            .then_with(|| alias_order(a, b))
            .then_with(|| a.id.cmp(&b.id))
    }

    /// Sorts rows in place (a stable sort).
    pub fn sort(&self, rows: &mut [&KmsKeyRow]) {
        rows.sort_by(|a, b| self.compare(a, b));
    }
}

fn column_order(key: KmsSortKey, a: &KmsKeyRow, b: &KmsKeyRow) -> Ordering {
    match key {
        KmsSortKey::Alias => alias_order(a, b),
        KmsSortKey::Id => a.id.cmp(&b.id),
        KmsSortKey::Spec => a.spec.cmp(&b.spec),
        KmsSortKey::State => a.state.cmp(&b.state),
        KmsSortKey::Created => a.created.cmp(&b.created),
        KmsSortKey::Rotation => rotation_rank(a).cmp(&rotation_rank(b)),
        KmsSortKey::Interval => a.interval_days().cmp(&b.interval_days()),
        KmsSortKey::LastRotation => last_rotation(a).cmp(&last_rotation(b)),
        KmsSortKey::Rotations => rotations(a).cmp(&rotations(b)),
    }
}

/// Alias ignoring case, then exactly, so that distinct aliases never compare equal.
fn alias_order(a: &KmsKeyRow, b: &KmsKeyRow) -> Ordering {
    a.folded()
        .alias
        .cmp(&b.folded().alias)
        .then_with(|| a.alias.cmp(&b.alias))
}

/// 0 for rotation on, 1 for off, 2 for a key that cannot rotate.
fn rotation_rank(row: &KmsKeyRow) -> u8 {
    match row.rotation_enabled() {
        Some(true) => 0,
        Some(false) => 1,
        None => 2,
    }
}

fn last_rotation(row: &KmsKeyRow) -> Option<chrono::DateTime<chrono::Utc>> {
    row.status().and_then(|status| status.last_rotation)
}

fn rotations(row: &KmsKeyRow) -> Option<u32> {
    row.status().map(|status| status.rotations)
}
