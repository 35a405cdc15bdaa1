//! The KMS page's data as answers arrive: the key list, page by page, then each rotatable
//! key's rotation status. A reducer, so that answers arriving in any order compose; a load
//! replaced by a refresh is cancelled by the app, so its answers never arrive here.

use std::rc::Rc;

use super::{KmsKeyRow, KmsKeys, Rotation, RotationStatus};
use crate::error::Error;
use crate::ids::KmsKeyId;
use crate::model::Model;
use crate::types::kms::ListKeysResponse;
use crate::validate::ValidationError;

/// Where listing the keys stands (docs/api.md, "KMS: keys", "Pagination").
#[derive(Clone, Debug, PartialEq)]
pub enum KeyListing {
    /// The page after `marker` (the first page when `None`) is awaited.
    Pending {
        /// `next_marker` of the page before.
        marker: Option<String>,
    },
    /// Every page has arrived.
    Complete,
    /// The page after `marker` could not be read; the keys of earlier pages stay.
    Failed {
        /// `next_marker` of the page before (the first page when `None`).
        marker: Option<String>,
        /// Why.
        error: Error,
    },
}

/// The KMS page's data: the region, its keys and how loading them went.
#[derive(Clone, Debug, PartialEq)]
pub struct KmsState {
    /// The region whose keys these are, e.g. `cn-north-4`.
    pub region: String,
    /// Listing the keys.
    pub listing: KeyListing,
    /// The keys listed so far, with their rotation.
    pub keys: Rc<KmsKeys>,
}

impl Default for KmsState {
    fn default() -> Self {
        Self {
            region: String::new(),
            listing: KeyListing::Pending { marker: None },
            keys: Rc::default(),
        }
    }
}

impl KmsState {
    /// Rotation statuses settled (arrived or failed), and keys that can rotate.
    pub fn progress(&self) -> (usize, usize) {
        self.keys.status_progress()
    }

    /// True while a page or some rotatable key's status is awaited.
    pub fn is_loading(&self) -> bool {
        matches!(self.listing, KeyListing::Pending { .. })
            || self.keys.rows().iter().any(|row| row.rotation.is_awaited())
    }

    /// Keys that can rotate and whose status has not been asked for, in the order listed:
    /// what to ask `get-key-rotation-status` for next.
    pub fn keys_needing_status(&self) -> impl Iterator<Item = &KmsKeyId> {
        self.keys.needing_status()
    }

    /// Sets the rotation of the rotatable key `key_id` to what `next` makes of it; false when
    /// the key is unknown, cannot rotate, or `next` declines (`None`) or changes nothing.
    fn update_rotation(
        &mut self,
        key_id: &str,
        next: impl FnOnce(&Rotation) -> Option<Rotation>,
    ) -> bool {
        let Some(row) = self.keys.row(key_id) else {
            return false;
        };
        if row.rotation == Rotation::NotApplicable {
            return false;
        }
        match next(&row.rotation) {
            Some(rotation) if rotation != row.rotation => {
                Rc::make_mut(&mut self.keys).set_rotation(key_id, rotation)
            }
            _ => false,
        }
    }
}

/// Something that happened while loading the keys or changing their rotation.
#[derive(Clone, Debug, PartialEq)]
pub enum KmsAction {
    /// A new load of `region`'s keys began: everything known is forgotten.
    Started {
        /// Region id.
        region: String,
    },
    /// A page of keys arrived; they are added after the keys of earlier pages.
    PageListed {
        /// The page's keys.
        keys: Vec<KmsKeyRow>,
        /// The marker of the next page; `None` on the last page.
        next_marker: Option<String>,
    },
    /// The awaited page could not be read.
    ListFailed {
        /// Why.
        error: Error,
    },
    /// The page that failed is asked for again.
    ListRetried,
    /// A key's status was asked for.
    StatusSent {
        /// The key.
        key_id: KmsKeyId,
    },
    /// A key's status arrived.
    StatusLoaded {
        /// The key.
        key_id: KmsKeyId,
        /// Its status.
        status: RotationStatus,
    },
    /// Asking for a key's status failed.
    StatusFailed {
        /// The key.
        key_id: KmsKeyId,
        /// Why.
        error: Error,
    },
    /// A failed status goes back to the keys needing one.
    StatusRetried {
        /// The key.
        key_id: KmsKeyId,
    },
    /// KMS confirmed a rotation write (or answered a status read after one): the key's
    /// rotation now stands as `status`. Dispatched only after a 200 answer.
    RotationChanged {
        /// The key.
        key_id: KmsKeyId,
        /// Its status now, e.g. [`RotationStatus::after`] the confirmed step.
        status: RotationStatus,
    },
    /// Answers that arrived together, applied in order: one change of state, one render.
    Batch(Vec<KmsAction>),
}

impl KmsAction {
    /// [`KmsAction::PageListed`] for a `list-keys` answer; refuses a key id of the wrong shape.
    pub fn page_listed(page: &ListKeysResponse) -> Result<Self, ValidationError> {
        Ok(KmsAction::PageListed {
            keys: page
                .key_details
                .iter()
                .map(KmsKeyRow::try_from)
                .collect::<Result<_, _>>()?,
            next_marker: page.next_page_marker().map(str::to_owned),
        })
    }
}

impl Model for KmsState {
    type Action = KmsAction;

    /// Applies `action`; false when it changes nothing (e.g. a status answer for a key whose
    /// status is no longer awaited).
    fn apply(&mut self, action: KmsAction) -> bool {
        match action {
            KmsAction::Started { region } => {
                *self = Self {
                    region,
                    ..Self::default()
                };
                true
            }
            KmsAction::PageListed { keys, next_marker } => {
                if !matches!(self.listing, KeyListing::Pending { .. }) {
                    return false;
                }
                let all = Rc::make_mut(&mut self.keys);
                for row in keys {
                    all.upsert(row);
                }
                self.listing = match next_marker {
                    Some(marker) => KeyListing::Pending {
                        marker: Some(marker),
                    },
                    None => KeyListing::Complete,
                };
                true
            }
            KmsAction::ListFailed { error } => match &mut self.listing {
                KeyListing::Pending { marker } => {
                    let marker = marker.take();
                    self.listing = KeyListing::Failed { marker, error };
                    true
                }
                _ => false,
            },
            KmsAction::ListRetried => match &mut self.listing {
                KeyListing::Failed { marker, .. } => {
                    let marker = marker.take();
                    self.listing = KeyListing::Pending { marker };
                    true
                }
                _ => false,
            },
            KmsAction::StatusSent { key_id } => self.update_rotation(&key_id, |rotation| {
                (*rotation != Rotation::Loading).then_some(Rotation::Loading)
            }),
            KmsAction::StatusLoaded { key_id, status } => self
                .update_rotation(&key_id, |rotation| {
                    rotation.is_awaited().then_some(Rotation::Known(status))
                }),
            KmsAction::StatusFailed { key_id, error } => self
                .update_rotation(&key_id, |rotation| {
                    rotation.is_awaited().then_some(Rotation::Failed(error))
                }),
            KmsAction::StatusRetried { key_id } => self.update_rotation(&key_id, |rotation| {
                matches!(rotation, Rotation::Failed(_)).then_some(Rotation::Unknown)
            }),
            KmsAction::RotationChanged { key_id, status } => {
                self.update_rotation(&key_id, |_| Some(Rotation::Known(status)))
            }
            KmsAction::Batch(actions) => {
                let mut changed = false;
                for action in actions {
                    changed |= self.apply(action);
                }
                changed
            }
        }
    }
}
