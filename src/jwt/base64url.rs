//! Strict base64url (RFC 4648 §5, unpadded as RFC 7515 requires) with errors that carry offsets.

use std::fmt;

/// Why a base64url text could not be decoded; offsets count characters from the start of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside `A–Z a–z 0–9 - _`.
    InvalidChar { ch: char, offset: usize },
    /// `=` padding, which JWS compact serialization forbids.
    Padding { offset: usize },
    /// A length that leaves a lone character (length mod 4 == 1) cannot encode whole bytes.
    Truncated { len: usize },
    /// The last character sets bits that encode nothing, so two texts would mean the same
    /// bytes; RFC 4648 §3.5 lets decoders refuse that, and signatures must not be malleable.
    TrailingBits { offset: usize },
}

impl Base64Error {
    /// The same error with its offset moved by `by` characters (to report it within a whole token).
    pub fn shifted(self, by: usize) -> Self {
        match self {
            Self::InvalidChar { ch, offset } => Self::InvalidChar {
                ch,
                offset: offset + by,
            },
            Self::Padding { offset } => Self::Padding {
                offset: offset + by,
            },
            other => other,
        }
    }
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidChar { ch, offset } => {
                let shown = if ch.is_control() || ch.is_whitespace() {
                    ch.escape_default().to_string()
                } else {
                    ch.to_string()
                };
                // Positions are 0-based character offsets, as the base64 and JSON worlds count.
                write!(
                    f,
                    "invalid base64url character '{shown}' at position {offset}"
                )
            }
            Self::Padding { offset } => write!(
                f,
                "'=' padding at position {offset} is not allowed in a JWT (RFC 7515 uses unpadded base64url)"
            ),
            Self::TrailingBits { offset } => write!(
                f,
                "non-canonical base64url: the character at position {offset} has unused low bits set"
            ),
            Self::Truncated { len } => write!(
                f,
                "invalid base64url length: {len} characters cannot encode whole bytes (one character too many or too few)"
            ),
        }
    }
}

fn sextet(byte: u8) -> Option<u32> {
    Some(match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    } as u32)
}

/// Decodes unpadded, canonical base64url.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for (index, &byte) in bytes.iter().enumerate() {
        let Some(value) = sextet(byte) else {
            // Count characters, not bytes, so a pasted '€' is reported where the user sees it.
            let offset = text[..index].chars().count();
            let ch = text[index..].chars().next().unwrap_or('\u{fffd}');
            return Err(if ch == '=' {
                Base64Error::Padding { offset }
            } else {
                Base64Error::InvalidChar { ch, offset }
            });
        };
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bytes.len() % 4 == 1 {
        return Err(Base64Error::Truncated { len: bytes.len() });
    }
    if acc != 0 {
        return Err(Base64Error::TrailingBits {
            offset: text.chars().count().saturating_sub(1),
        });
    }
    Ok(out)
}

/// Encodes bytes as unpadded base64url.
pub fn encode(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        let emit = chunk.len() + 1;
        for i in 0..emit {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        let data: Vec<u8> = (0..=255).collect();
        for len in 0..40 {
            assert_eq!(decode(&encode(&data[..len])).unwrap(), &data[..len]);
        }
    }

    #[test]
    fn known_values() {
        assert_eq!(encode(b"{\"alg\":\"HS256\"}"), "eyJhbGciOiJIUzI1NiJ9");
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("-_8").unwrap(), vec![0xfb, 0xff]);
    }

    #[test]
    fn errors_carry_offsets() {
        assert_eq!(
            decode("abc!def").unwrap_err(),
            Base64Error::InvalidChar { ch: '!', offset: 3 }
        );
        assert_eq!(
            decode("ab€d").unwrap_err(),
            Base64Error::InvalidChar {
                ch: '€', offset: 2
            }
        );
        assert_eq!(
            decode("abc=").unwrap_err(),
            Base64Error::Padding { offset: 3 }
        );
        assert_eq!(
            decode("abcde").unwrap_err(),
            Base64Error::Truncated { len: 5 }
        );
        assert_eq!(
            decode("ab+c").unwrap_err().to_string(),
            "invalid base64url character '+' at position 2"
        );
        assert_eq!(
            Base64Error::InvalidChar { ch: '!', offset: 3 }.shifted(10),
            Base64Error::InvalidChar {
                ch: '!',
                offset: 13
            }
        );
    }
}
