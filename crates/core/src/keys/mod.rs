//! The access key page without the browser: loading every user's keys as answers arrive, the
//! page's dialogs and notices, and what argues against deleting a key.

mod console;
mod delete_risk;
mod load;

pub use console::{ConsoleAction, ConsoleState, KeyDialog, KeyNotice, UnclearWrite};
pub use delete_risk::{
    CONFIRM_SUFFIX_CHARS, DeleteRisk, RECENT_USE_DAYS, confirms_delete, delete_risks,
};
pub use load::{Coverage, InventoryAction, InventoryState, Listing, UserLoad, own_keys_owner};
