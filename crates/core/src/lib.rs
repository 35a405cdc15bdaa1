//! Keyturn core: everything that needs no browser.
