//! Every listed KMS key of a region, in the order listed, indexed by id.

use std::collections::HashMap;
use std::rc::Rc;

use super::{KmsKeyRow, Rotation};
use crate::ids::KmsKeyId;

/// The listed keys, one [`KmsKeyRow`] each. Rows are shared (`Rc`), so that a copy (one per
/// change, for the page's state) copies no row and a status answer rebuilds only its row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsKeys {
    rows: Vec<Rc<KmsKeyRow>>,
    by_id: HashMap<KmsKeyId, usize>,
}

impl KmsKeys {
    /// Every row, in the order listed.
    pub fn rows(&self) -> &[Rc<KmsKeyRow>] {
        &self.rows
    }

    /// The row of the key `id`.
    pub fn row(&self, id: &str) -> Option<&KmsKeyRow> {
        self.by_id.get(id).map(|&at| self.rows[at].as_ref())
    }

    /// How many keys are listed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no key is listed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Keys that can rotate and whose status has not been asked for, in the order listed.
    pub fn needing_status(&self) -> impl Iterator<Item = &KmsKeyId> {
        self.rows
            .iter()
            .filter(|row| row.rotation == Rotation::Unknown)
            .map(|row| &row.id)
    }

    /// Keys that can rotate whose status has arrived or failed, and keys that can rotate.
    pub fn status_progress(&self) -> (usize, usize) {
        let rotatable = self.rows.iter().filter(|r| r.rotatable().is_ok());
        let (mut settled, mut total) = (0, 0);
        for row in rotatable {
            total += 1;
            settled += usize::from(!row.rotation.is_awaited());
        }
        (settled, total)
    }

    /// Adds a listed key, or replaces the row of a key listed again (a key created while
    /// paging can move to a later page).
    pub(super) fn upsert(&mut self, row: KmsKeyRow) {
        match self.by_id.get(&row.id) {
            Some(&at) => self.rows[at] = Rc::new(row),
            None => {
                self.by_id.insert(row.id.clone(), self.rows.len());
                self.rows.push(Rc::new(row));
            }
        }
    }

    /// Sets the rotation of the key `id`; false when the key is not listed.
    pub(super) fn set_rotation(&mut self, id: &str, rotation: Rotation) -> bool {
        let Some(&at) = self.by_id.get(id) else {
            return false;
        };
        Rc::make_mut(&mut self.rows[at]).rotation = rotation;
        true
    }
}
