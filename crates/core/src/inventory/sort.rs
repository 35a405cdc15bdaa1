//! The order of the table's rows: any column, either direction, ties broken by user name and
//! then access key so that equal rows never swap places between renders.

use std::cmp::Ordering;

use super::row::KeyRow;
use super::slug::Slug;

/// A column to sort on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// User name, ignoring case.
    #[default]
    User,
    /// Access key id.
    AccessKey,
    /// Status: active before inactive.
    Status,
    /// Creation time.
    Created,
    /// Age in whole days.
    Age,
    /// Last use; a key never used counts as used before any other.
    LastUsed,
    /// Description, ignoring case.
    Description,
    /// Rotation badge: ok, due soon, overdue.
    Badge,
}

impl Slug for SortKey {
    const ALL: &'static [Self] = &[
        SortKey::User,
        SortKey::AccessKey,
        SortKey::Status,
        SortKey::Created,
        SortKey::Age,
        SortKey::LastUsed,
        SortKey::Description,
        SortKey::Badge,
    ];

    /// `user`, `ak`, `status`, `created`, `age`, `last_used`, `description` or `badge`.
    fn slug(self) -> &'static str {
        match self {
            SortKey::User => "user",
            SortKey::AccessKey => "ak",
            SortKey::Status => "status",
            SortKey::Created => "created",
            SortKey::Age => "age",
            SortKey::LastUsed => "last_used",
            SortKey::Description => "description",
            SortKey::Badge => "badge",
        }
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortDir {
    /// Smallest first.
    #[default]
    Asc,
    /// Largest first.
    Desc,
}

impl SortDir {
    /// The other direction.
    pub fn reversed(self) -> Self {
        match self {
            SortDir::Asc => SortDir::Desc,
            SortDir::Desc => SortDir::Asc,
        }
    }
}

impl Slug for SortDir {
    const ALL: &'static [Self] = &[SortDir::Asc, SortDir::Desc];

    /// `asc` or `desc`.
    fn slug(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }
}

/// A column and a direction; the default is user name, ascending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    /// Column.
    pub key: SortKey,
    /// Direction.
    pub dir: SortDir,
}

impl Sort {
    /// The order after a click on the header of `key`: the same column flips direction,
    /// another column starts ascending.
    pub fn clicked(self, key: SortKey) -> Self {
        if self.key == key {
            Self {
                key,
                dir: self.dir.reversed(),
            }
        } else {
            Self {
                key,
                dir: SortDir::Asc,
            }
        }
    }

    /// Compares two rows: by the column in the chosen direction, then always ascending by
    /// user name and access key.
    pub fn compare(&self, a: &KeyRow, b: &KeyRow) -> Ordering {
        let by_column = column_order(self.key, a, b);
        let by_column = match self.dir {
            SortDir::Asc => by_column,
            SortDir::Desc => by_column.reverse(),
        };
        by_column
            .then_with(|| {
                folded_order(
                    &a.folded().user_name,
                    &a.user.name,
                    &b.folded().user_name,
                    &b.user.name,
                )
            })
            .then_with(|| a.key.access.cmp(&b.key.access))
    }

    /// Sorts rows in place (a stable sort).
    pub fn sort(&self, rows: &mut [&KeyRow]) {
        rows.sort_by(|a, b| self.compare(a, b));
    }
}

fn column_order(key: SortKey, a: &KeyRow, b: &KeyRow) -> Ordering {
    match key {
        SortKey::User => folded_order(
            &a.folded().user_name,
            &a.user.name,
            &b.folded().user_name,
            &b.user.name,
        ),
        SortKey::AccessKey => a.key.access.cmp(&b.key.access),
        SortKey::Status => a.key.status.cmp(&b.key.status),
        SortKey::Created => a.key.created.cmp(&b.key.created),
        SortKey::Age => a.assessment.age_days.cmp(&b.assessment.age_days),
        SortKey::LastUsed => a.key.last_used.cmp(&b.key.last_used),
        SortKey::Description => folded_order(
            &a.folded().description,
            &a.key.description,
            &b.folded().description,
            &b.key.description,
        ),
        SortKey::Badge => a.assessment.badge.cmp(&b.assessment.badge),
    }
}

/// Orders text ignoring case (by its lower-case form, known in advance), then exactly, so that
/// distinct texts never compare equal.
fn folded_order(folded_a: &str, a: &str, folded_b: &str, b: &str) -> Ordering {
    folded_a.cmp(folded_b).then_with(|| a.cmp(b))
}
