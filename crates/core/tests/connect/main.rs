//! Signing in without a browser: the Connect form, the sign-in request, the account choice,
//! the admin standing, every failure explained, and the session in force.

mod diagnosis;
mod fixture;
mod form;
mod outcome;
mod session;
