//! Signing in without a browser: the Connect form, the sign-in request, the account choice,
//! the admin standing and every failure explained.

mod diagnosis;
mod fixture;
mod form;
mod outcome;
