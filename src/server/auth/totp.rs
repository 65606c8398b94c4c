//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s, one step either way),
//! their QR code, the encryption of stored secrets, and recovery codes.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// Recovery codes handed out at once.
pub const RECOVERY_CODES: usize = 10;

/// A new random secret (160 bits), base32.
pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

fn totp(secret: &str, issuer: &str, account: &str) -> Option<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::try_from_base32(secret).ok()?)
        .with_issuer(Some(issuer))
        .with_account_name(account)
        .build()
        .ok()
}

/// The `otpauth://` URL an authenticator app reads from the QR code.
pub fn url(secret: &str, issuer: &str, account: &str) -> Option<String> {
    totp(secret, issuer, account)?.to_url().ok()
}

/// The time step a code belongs to, if it is right for `now` (± 30 s) and newer than
/// `last_step`, so each code works once.
pub fn verify(secret: &str, code: &str, now: i64, last_step: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let step = totp(secret, "x", "x")?.check(&code, u64::try_from(now).ok()?)?;
    let step = i64::try_from(step).ok()?;
    (step > last_step).then_some(step)
}

/// The code for `now` (tests and the set-up page's self-check use it).
pub fn code_at(secret: &str, now: i64) -> Option<String> {
    Some(
        totp(secret, "x", "x")?
            .generate(u64::try_from(now).ok()?)
            .to_string(),
    )
}

/// The QR code of `text` as inline SVG (no XML prolog), black on white.
pub fn qr_svg(text: &str) -> Option<String> {
    use qrcode::render::svg;
    let svg = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .ok()?
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    Some(match svg.find("<svg") {
        Some(start) => svg[start..].to_owned(),
        None => svg,
    })
}

/// Encrypts a secret for storage: base64 of nonce and ciphertext.
pub fn seal(key: &[u8; 32], plaintext: &str) -> Option<String> {
    use base64::Engine;
    let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
    let mut nonce = [0u8; 12];
    getrandom::fill(&mut nonce).ok()?;
    let mut sealed = nonce.to_vec();
    sealed.extend(
        cipher
            .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
            .ok()?,
    );
    Some(base64::engine::general_purpose::STANDARD.encode(sealed))
}

pub fn open(key: &[u8; 32], sealed: &str) -> Option<String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .ok()?;
    if bytes.len() < 12 {
        return None;
    }
    let (nonce, ciphertext) = bytes.split_at(12);
    let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
    let plaintext = cipher.decrypt(Nonce::from_slice(nonce), ciphertext).ok()?;
    String::from_utf8(plaintext).ok()
}

/// Ten fresh recovery codes like `k7dq-2m9x-p4`: 50 bits each, easy to type.
pub fn new_recovery_codes() -> Option<Vec<String>> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            getrandom::fill(&mut bytes).ok()?;
            let chars: String = bytes
                .iter()
                .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
                .collect();
            Some(format!(
                "{}-{}-{}",
                &chars[0..4],
                &chars[4..8],
                &chars[8..10]
            ))
        })
        .collect()
}

/// A recovery code as typed, normalized for comparison (case, spaces, hyphens ignored).
pub fn normalize_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_test_vector() {
        // RFC 6238 appendix B (SHA-1, secret "12345678901234567890"), 6 digits.
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assert_eq!(code_at(secret, 59).as_deref(), Some("287082"));
        assert_eq!(code_at(secret, 1_111_111_109).as_deref(), Some("081804"));
    }

    #[test]
    fn a_code_is_good_for_one_step_either_way_and_only_once() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).unwrap();
        let step = verify(&secret, &code, now, 0).expect("valid now");
        assert_eq!(step, now / 30);
        assert!(verify(&secret, &code, now + 30, 0).is_some(), "30 s later");
        assert!(
            verify(&secret, &code, now - 30, 0).is_some(),
            "30 s earlier"
        );
        assert!(verify(&secret, &code, now + 90, 0).is_none(), "90 s later");
        assert!(verify(&secret, &code, now, step).is_none(), "used once");
        assert!(verify(&secret, "12345", now, 0).is_none());
        assert!(verify(&secret, &format!("{} {}", &code[..3], &code[3..]), now, 0).is_some());
    }

    #[test]
    fn secrets_are_sealed_and_only_open_with_the_key() {
        let (key, other) = ([7u8; 32], [8u8; 32]);
        let sealed = seal(&key, "JBSWY3DPEHPK3PXP").unwrap();
        assert!(!sealed.contains("JBSWY3DP"));
        assert_eq!(open(&key, &sealed).as_deref(), Some("JBSWY3DPEHPK3PXP"));
        assert_eq!(open(&other, &sealed), None);
        assert_ne!(
            seal(&key, "JBSWY3DPEHPK3PXP").unwrap(),
            sealed,
            "a fresh nonce each time"
        );
    }

    #[test]
    fn recovery_codes_are_distinct_and_forgiving_to_type() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        assert_eq!(normalize_recovery_code(" K7DQ-2m9x p4 "), "k7dq2m9xp4");
    }

    #[test]
    fn the_qr_code_is_inline_svg() {
        let url = url(&new_secret(), "Serviceportal", "kim@example.de").unwrap();
        assert!(url.starts_with("otpauth://totp/"));
        let svg = qr_svg(&url).unwrap();
        assert!(svg.starts_with("<svg"));
    }
}
