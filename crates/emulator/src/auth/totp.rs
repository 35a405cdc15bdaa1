//! RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits), as virtual MFA
//! devices produce them.

use chrono::{DateTime, Utc};
use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

const STEP_SECONDS: i64 = 30;
const DIGITS: u32 = 6;

/// The passcode for `secret` (raw bytes) at `time`.
pub fn passcode(secret: &[u8], time: DateTime<Utc>) -> String {
    code_for_counter(secret, time.timestamp().div_euclid(STEP_SECONDS), DIGITS)
}

/// Whether `passcode` is valid for the base32 `secret` at `now`, allowing one step of clock drift.
pub fn verify(secret_base32: &str, passcode: &str, now: DateTime<Utc>) -> bool {
    let Ok(secret) = BASE32_NOPAD.decode(secret_base32.trim_end_matches('=').as_bytes()) else {
        return false;
    };
    let counter = now.timestamp().div_euclid(STEP_SECONDS);
    (counter - 1..=counter + 1).any(|c| code_for_counter(&secret, c, DIGITS) == passcode)
}

fn code_for_counter(secret: &[u8], counter: i64, digits: u32) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC accepts keys of any length");
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    let binary = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]);
    format!(
        "{:0width$}",
        binary % 10u32.pow(digits),
        width = digits as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc6238_sha1_vectors() {
        for (seconds, expected) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
        ] {
            assert_eq!(code_for_counter(RFC_SECRET, seconds / 30, 8), expected);
        }
        let t = Utc.timestamp_opt(59, 0).unwrap();
        assert_eq!(passcode(RFC_SECRET, t), "287082");
    }

    #[test]
    fn verify_accepts_adjacent_steps_only() {
        let secret_b32 = BASE32_NOPAD.encode(RFC_SECRET);
        let t = Utc.timestamp_opt(1_234_567_890, 0).unwrap();
        let code = passcode(RFC_SECRET, t);
        assert!(verify(&secret_b32, &code, t));
        assert!(verify(
            &secret_b32,
            &code,
            t + chrono::Duration::seconds(30)
        ));
        assert!(!verify(
            &secret_b32,
            &code,
            t + chrono::Duration::seconds(120)
        ));
        let wrong: String = code
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    if c == '9' { '0' } else { '9' }
                } else {
                    c
                }
            })
            .collect();
        assert!(!verify(&secret_b32, &wrong, t));
        assert!(!verify("not base32!", &code, t));
    }
}
