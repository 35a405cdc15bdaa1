//! Keyturn core: everything that needs no browser.

/// SDK-HMAC-SHA256 request signing and verification.
pub mod signer;
