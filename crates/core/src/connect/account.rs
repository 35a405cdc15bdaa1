//! Choosing the account that credentials belong to from `GET /v3/auth/domains`.

use crate::types::directory::Domain;

use super::SignInFailure;

/// The account the credentials belong to: the one named by `account_id` when given (it must be
/// among `domains`), else the first.
pub fn pick_account<'a>(
    domains: &'a [Domain],
    account_id: Option<&str>,
) -> Result<&'a Domain, SignInFailure> {
    match account_id {
        Some(given) => {
            domains
                .iter()
                .find(|domain| domain.id == given)
                .ok_or_else(|| match domains.first() {
                    Some(actual) => SignInFailure::AccountMismatch {
                        given: given.to_owned(),
                        actual: actual.id.clone(),
                    },
                    None => SignInFailure::NoAccount,
                })
        }
        None => domains.first().ok_or(SignInFailure::NoAccount),
    }
}
