//! The access key page's model without a browser: loading every user's keys as answers
//! arrive, the dialogs and notices, and what argues against deleting a key.

mod console;
mod delete;
mod fixture;
mod load;
