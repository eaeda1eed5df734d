//! Provider tokens are sealed before they go into the session store: XChaCha20-Poly1305
//! with the key of `session_key` (one key for every process of an installation), a
//! fresh nonce per value. Someone who reads the session table (a backup, a replica)
//! gets no token that works at the provider. A value sealed under another key (the key
//! was changed) reads as empty: the next refresh then fails and the session ends, as
//! when the provider refuses.

use std::sync::OnceLock;

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use chacha20poly1305::{Key, KeyInit, XChaCha20Poly1305, XNonce, aead::Aead};
use rand::RngCore as _;
use serde::{Deserialize, Deserializer, Serializer};

/// The prefix of a sealed value; a stored value without it is from before sealing.
const SEALED: &str = "sealed1:";

static CIPHER: OnceLock<XChaCha20Poly1305> = OnceLock::new();

/// Sets the process's key (32 bytes); the first call wins.
pub fn set_key(key: &[u8; 32]) {
    let _ = CIPHER.set(XChaCha20Poly1305::new(Key::from_slice(key)));
}

/// A random key, for an installation that configured none (one process only).
pub fn random_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    key
}

fn cipher() -> &'static XChaCha20Poly1305 {
    CIPHER.get_or_init(|| XChaCha20Poly1305::new(Key::from_slice(&random_key())))
}

/// `text` sealed.
pub fn seal(text: &str) -> String {
    let mut nonce = [0u8; 24];
    rand::rng().fill_bytes(&mut nonce);
    match cipher().encrypt(XNonce::from_slice(&nonce), text.as_bytes()) {
        Ok(sealed) => {
            let mut bytes = nonce.to_vec();
            bytes.extend(sealed);
            format!("{SEALED}{}", URL_SAFE_NO_PAD.encode(bytes))
        }
        // Encrypting in memory does not fail; were it to, nothing is kept.
        Err(_) => String::new(),
    }
}

/// The text of `stored`, or empty when it was sealed under another key.
pub fn open(stored: &str) -> String {
    let Some(encoded) = stored.strip_prefix(SEALED) else {
        return stored.to_owned();
    };
    let opened = URL_SAFE_NO_PAD
        .decode(encoded)
        .ok()
        .filter(|bytes| bytes.len() > 24)
        .and_then(|bytes| {
            let (nonce, sealed) = bytes.split_at(24);
            cipher().decrypt(XNonce::from_slice(nonce), sealed).ok()
        })
        .and_then(|plain| String::from_utf8(plain).ok());
    opened.unwrap_or_else(|| {
        tracing::warn!("a stored token was sealed under another key");
        String::new()
    })
}

/// `#[serde(with = "sealed::text")]` for a token.
pub mod text {
    use super::*;

    /// Serialises `value` sealed.
    pub fn serialize<S: Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&seal(value))
    }

    /// Reads a sealed (or older, plain) value.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        Ok(open(&String::deserialize(deserializer)?))
    }
}

/// `#[serde(with = "sealed::optional")]` for a token that may be missing.
pub mod optional {
    use super::*;

    /// Serialises `value` sealed.
    pub fn serialize<S: Serializer>(
        value: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&seal(value)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a sealed (or older, plain) value.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(|v| open(&v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_token_opens_and_shows_nothing_of_itself() {
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlcmlrYSJ9.c2ln";
        let sealed = seal(token);
        assert!(
            sealed.starts_with(SEALED) && !sealed.contains("eyJ"),
            "{sealed}"
        );
        assert_ne!(seal(token), sealed, "a fresh nonce each time");
        assert_eq!(open(&sealed), token);
        // Older, plain values still read; a damaged one reads as empty.
        assert_eq!(open("plain"), "plain");
        let mut bytes = URL_SAFE_NO_PAD.decode(&sealed[SEALED.len()..]).unwrap();
        bytes[30] ^= 1;
        let damaged = format!("{SEALED}{}", URL_SAFE_NO_PAD.encode(bytes));
        assert_eq!(open(&damaged), "");
    }
}
