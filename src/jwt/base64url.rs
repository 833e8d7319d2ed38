//! Strict unpadded base64url (RFC 4648 §5, RFC 7515): a strict `base64` engine plus the error mapping.

use std::fmt;

use base64::DecodeError;
use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// The one engine: URL-safe alphabet, no padding written or accepted, canonical last symbol.
const STRICT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(false),
);

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
            Self::TrailingBits { offset } => Self::TrailingBits {
                offset: offset + by,
            },
            other => other,
        }
    }

    /// The character offset the error points at, when it points at one.
    pub fn offset(&self) -> Option<usize> {
        match *self {
            Self::InvalidChar { offset, .. }
            | Self::Padding { offset }
            | Self::TrailingBits { offset } => Some(offset),
            Self::Truncated { .. } => None,
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

/// Decodes unpadded, canonical base64url.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    STRICT.decode(text).map_err(|error| reported(text, error))
}

/// Encodes bytes as unpadded base64url.
pub fn encode(data: &[u8]) -> String {
    STRICT.encode(data)
}

/// Encodes bytes as padded standard base64, as PEM and OpenSSH files carry them.
pub fn encode_standard(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// Decodes padded standard base64, as `x5c` carries certificates (RFC 7515 §4.1.6); the error
/// is the crate's, in words.
pub fn decode_standard(text: &str) -> Result<Vec<u8>, String> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|e| e.to_string())
}

/// The crate's error in the user's terms, positions counted in characters of `text`.
fn reported(text: &str, error: DecodeError) -> Base64Error {
    match error {
        // The crate counts bytes (it may point inside a pasted '€'), checks a lone last byte before
        // earlier ones and gives '=' no position: find the first bad character ourselves.
        DecodeError::InvalidByte(offset, byte) => {
            first_outside_alphabet(text).unwrap_or(Base64Error::InvalidChar {
                ch: char::from(byte),
                offset,
            })
        }
        DecodeError::InvalidPadding => {
            first_outside_alphabet(text).unwrap_or(Base64Error::Padding { offset: text.len() })
        }
        // These two come only once every character is in the (ASCII) alphabet: bytes are characters.
        DecodeError::InvalidLength(_) => Base64Error::Truncated { len: text.len() },
        DecodeError::InvalidLastSymbol { offset, .. } => Base64Error::TrailingBits { offset },
    }
}

fn first_outside_alphabet(text: &str) -> Option<Base64Error> {
    let (offset, ch) = text
        .chars()
        .enumerate()
        .find(|&(_, ch)| !(ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'))?;
    Some(if ch == '=' {
        Base64Error::Padding { offset }
    } else {
        Base64Error::InvalidChar { ch, offset }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::xorshift;

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

    /// Each kind of the crate's error, as the engine really reports it, and what the user reads.
    #[test]
    fn maps_each_crate_error_kind() {
        let cases: [(&str, DecodeError, Base64Error); 6] = [
            (
                "ab!c",
                DecodeError::InvalidByte(2, b'!'),
                Base64Error::InvalidChar { ch: '!', offset: 2 },
            ),
            (
                "ab=c",
                DecodeError::InvalidByte(2, b'='),
                Base64Error::Padding { offset: 2 },
            ),
            (
                "abc=",
                DecodeError::InvalidPadding,
                Base64Error::Padding { offset: 3 },
            ),
            (
                "QUJDRA==",
                DecodeError::InvalidPadding,
                Base64Error::Padding { offset: 6 },
            ),
            (
                "abcde",
                DecodeError::InvalidLength(5),
                Base64Error::Truncated { len: 5 },
            ),
            (
                "abcdAAB",
                DecodeError::InvalidLastSymbol {
                    offset: 6,
                    symbol: b'B',
                    symbol_value: 1,
                },
                Base64Error::TrailingBits { offset: 6 },
            ),
        ];
        for (text, raw, ours) in cases {
            assert_eq!(STRICT.decode(text).unwrap_err(), raw, "{text}");
            assert_eq!(decode(text).unwrap_err(), ours, "{text}");
        }
    }

    #[test]
    fn reports_the_first_bad_character_even_when_the_crate_names_a_later_one() {
        // Length mod 4 == 1 with a bad last byte: the crate reports that byte first.
        assert_eq!(
            STRICT.decode("a!bc!").unwrap_err(),
            DecodeError::InvalidByte(4, b'!')
        );
        assert_eq!(
            decode("a!bc!").unwrap_err(),
            Base64Error::InvalidChar { ch: '!', offset: 1 }
        );
        assert_eq!(
            decode("a=bc!").unwrap_err(),
            Base64Error::Padding { offset: 1 }
        );
        assert_eq!(
            decode("ab=!").unwrap_err(),
            Base64Error::Padding { offset: 2 }
        );
    }

    #[test]
    fn non_ascii_is_reported_as_the_character_at_its_character_position() {
        // "ab€" is 5 bytes: the crate points at the last byte, inside the '€'.
        assert!(matches!(
            STRICT.decode("ab€").unwrap_err(),
            DecodeError::InvalidByte(4, _)
        ));
        assert_eq!(
            decode("ab€").unwrap_err(),
            Base64Error::InvalidChar {
                ch: '€', offset: 2
            }
        );
        assert_eq!(
            decode("ab😀cd").unwrap_err(),
            Base64Error::InvalidChar {
                ch: '😀',
                offset: 2
            }
        );
        assert_eq!(
            decode("éa!").unwrap_err(),
            Base64Error::InvalidChar {
                ch: 'é', offset: 0
            }
        );
        assert_eq!(
            decode("a!é").unwrap_err(),
            Base64Error::InvalidChar { ch: '!', offset: 1 }
        );
        // Past the crate's 32-byte unrolled loop, and after earlier multi-byte characters.
        let long = format!("{}\u{a0}", "A".repeat(40));
        assert_eq!(
            decode(&long).unwrap_err().to_string(),
            "invalid base64url character '\\u{a0}' at position 40"
        );
        assert_eq!(
            decode("ab€d").unwrap_err().to_string(),
            "invalid base64url character '€' at position 2"
        );
    }

    #[test]
    fn trailing_bits_are_refused_at_the_last_character() {
        for (text, offset) in [("AB", 1), ("AAB", 2), ("-_9", 2), ("abcdAf", 5)] {
            assert_eq!(
                decode(text).unwrap_err(),
                Base64Error::TrailingBits { offset },
                "{text}"
            );
        }
        assert_eq!(decode("AA").unwrap(), [0]);
        assert_eq!(decode("AAA").unwrap(), [0, 0]);
        assert_eq!(
            decode("AB").unwrap_err().to_string(),
            "non-canonical base64url: the character at position 1 has unused low bits set"
        );
    }

    #[test]
    fn length_one_more_than_a_multiple_of_four_is_truncated() {
        for len in [1, 5, 9, 41] {
            let text = "A".repeat(len);
            assert_eq!(decode(&text).unwrap_err(), Base64Error::Truncated { len });
        }
        // A bad character comes first, wherever it is.
        assert_eq!(
            decode("abcd!").unwrap_err(),
            Base64Error::InvalidChar { ch: '!', offset: 4 }
        );
        assert_eq!(decode("").unwrap(), Vec::<u8>::new());
    }

    #[test]
    fn round_trips_random_bytes() {
        let mut state = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..500 {
            let len = (xorshift(&mut state) % 300) as usize;
            let data: Vec<u8> = (0..len).map(|_| xorshift(&mut state) as u8).collect();
            let text = encode(&data);
            assert_eq!(text.len(), (len * 4).div_ceil(3));
            assert!(first_outside_alphabet(&text).is_none(), "{text}");
            assert_eq!(decode(&text).unwrap(), data);
        }
    }

    #[test]
    fn the_alphabet_checked_here_is_the_engines() {
        for byte in 0..=127u8 {
            let ch = char::from(byte);
            assert_eq!(
                first_outside_alphabet(&ch.to_string()).is_none(),
                alphabet::URL_SAFE.as_str().contains(ch),
                "{ch:?}"
            );
        }
    }

    #[test]
    fn hostile_text_gives_a_value_or_an_error_inside_the_text() {
        const PIECES: [&str; 10] = ["A", "w", "-", "_", "=", "!", "€", "😀", " ", "\n"];
        let mut state = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            let len = (xorshift(&mut state) % 12) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(xorshift(&mut state) % PIECES.len() as u64) as usize])
                .collect();
            let chars = text.chars().count();
            match decode(&text) {
                Ok(bytes) => assert_eq!(encode(&bytes), text),
                Err(
                    Base64Error::InvalidChar { offset, .. }
                    | Base64Error::Padding { offset }
                    | Base64Error::TrailingBits { offset },
                ) => assert!(offset < chars, "{text:?}"),
                Err(Base64Error::Truncated { len }) => assert_eq!(len, chars),
            }
        }
    }
}
