//! Identifier and secret generators in the formats the real services use.

use rand::Rng;

const HEX: &[u8] = b"0123456789abcdef";
const UPPER_ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Length of an issued token: real tokens are several kilobytes long.
const TOKEN_LEN: usize = 2400;

fn pick(rng: &mut impl Rng, alphabet: &[u8], len: usize) -> String {
    (0..len)
        .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
        .collect()
}

/// 32 lower-case hex characters: IAM user, domain and project ids, request ids.
pub fn hex_id(rng: &mut impl Rng) -> String {
    pick(rng, HEX, 32)
}

/// An access key id (AK): 20 upper-case alphanumerics.
pub fn access_key(rng: &mut impl Rng) -> String {
    pick(rng, UPPER_ALNUM, 20)
}

/// A secret access key (SK): 40 alphanumerics.
pub fn secret_key(rng: &mut impl Rng) -> String {
    pick(rng, ALNUM, 40)
}

/// A KMS key id such as `0d0466b0-e727-4d9c-b35d-f84bb474a37f`.
pub fn kms_key_id(rng: &mut impl Rng) -> String {
    [8, 4, 4, 4, 12]
        .iter()
        .map(|&len| pick(rng, HEX, len))
        .collect::<Vec<_>>()
        .join("-")
}

/// An opaque IAM token in the shape of the real ones (`MII…`, base64 alphabet, kilobytes long).
pub fn token(rng: &mut impl Rng) -> String {
    format!("MII{}", pick(rng, BASE64, TOKEN_LEN))
}

/// Whether `id` matches `^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$`.
pub fn is_kms_key_id(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, len)| {
            group.len() == len
                && group
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn formats_match_the_real_services() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let id = hex_id(&mut rng);
        assert_eq!(id.len(), 32);
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        let ak = access_key(&mut rng);
        assert_eq!(ak.len(), 20);
        assert!(
            ak.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        );
        let sk = secret_key(&mut rng);
        assert_eq!(sk.len(), 40);
        assert!(sk.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert!(is_kms_key_id(&kms_key_id(&mut rng)));
        assert!(token(&mut rng).starts_with("MII"));
    }

    #[test]
    fn kms_key_id_rule() {
        assert!(is_kms_key_id("0d0466b0-e727-4d9c-b35d-f84bb474a37f"));
        assert!(is_kms_key_id("zzzzzzzz-e727-4d9c-b35d-f84bb474a37f"));
        assert!(!is_kms_key_id("0D0466B0-E727-4D9C-B35D-F84BB474A37F"));
        assert!(!is_kms_key_id("0d0466b0-e727-4d9c-b35d-f84bb474a37"));
        assert!(!is_kms_key_id("0d0466b0e7274d9cb35df84bb474a37f1234"));
        assert!(!is_kms_key_id(""));
    }

    #[test]
    fn same_seed_same_ids() {
        let a = hex_id(&mut ChaCha8Rng::seed_from_u64(1));
        let b = hex_id(&mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!(a, b);
    }
}
