//! The SSH binary encoding OpenSSH key files are built from (RFC 4251 §5: `uint32`, `string`,
//! `mpint`), read and written, and the padded standard base64 their text forms use.

use crate::jwt::base64url;

/// Reads SSH-encoded fields from a byte string; every read checks the length it is given.
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.rest
    }

    /// Takes `len` raw bytes.
    pub fn bytes(&mut self, len: usize, what: &str) -> Result<&'a [u8], String> {
        if self.rest.len() < len {
            return Err(format!("it ends inside the {what}"));
        }
        let (taken, rest) = self.rest.split_at(len);
        self.rest = rest;
        Ok(taken)
    }

    pub fn u32(&mut self, what: &str) -> Result<u32, String> {
        let b = self.bytes(4, what)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A length-prefixed byte string.
    pub fn string(&mut self, what: &str) -> Result<&'a [u8], String> {
        let len = self.u32(what)? as usize;
        self.bytes(len, what)
    }

    /// A length-prefixed string that must be UTF-8 (key type and curve names).
    pub fn text(&mut self, what: &str) -> Result<&'a str, String> {
        std::str::from_utf8(self.string(what)?).map_err(|_| format!("the {what} is not text"))
    }

    /// A non-negative multiple-precision integer, big-endian, without its sign byte.
    pub fn mpint(&mut self, what: &str) -> Result<&'a [u8], String> {
        let raw = self.string(what)?;
        if raw.first().is_some_and(|b| b & 0x80 != 0) {
            return Err(format!("the {what} is negative"));
        }
        let start = raw.iter().position(|&b| b != 0).unwrap_or(raw.len());
        Ok(&raw[start..])
    }
}

/// Writes SSH-encoded fields.
#[derive(Default)]
pub struct Writer {
    out: Vec<u8>,
}

impl Writer {
    pub fn string(mut self, bytes: &[u8]) -> Self {
        // Key fields are far below 4 GiB; a longer one could not be an SSH key.
        let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        self.out.extend_from_slice(&len.to_be_bytes());
        self.out.extend_from_slice(bytes);
        self
    }

    /// An unsigned big-endian integer as an mpint: no leading zeros, and a zero byte in front
    /// when the top bit is set, so it does not read as negative.
    pub fn mpint(self, unsigned: &[u8]) -> Self {
        let start = unsigned
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(unsigned.len());
        let digits = &unsigned[start..];
        if digits.first().is_some_and(|b| b & 0x80 != 0) {
            let mut signed = Vec::with_capacity(digits.len() + 1);
            signed.push(0);
            signed.extend_from_slice(digits);
            self.string(&signed)
        } else {
            self.string(digits)
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Decodes standard, padded base64 (`+`, `/`, `=`), as in a public key line.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let body = text
        .strip_suffix("==")
        .or_else(|| text.strip_suffix('='))
        .unwrap_or(text);
    if body.contains(['-', '_', '=']) || (text.len() != body.len() && !text.len().is_multiple_of(4))
    {
        return None;
    }
    base64url::decode(&body.replace('+', "-").replace('/', "_")).ok()
}

/// Encodes bytes as standard, padded base64.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut text = base64url::encode(bytes).replace('-', "+").replace('_', "/");
    while !text.len().is_multiple_of(4) {
        text.push('=');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip() {
        let bytes = Writer::default()
            .string(b"ssh-rsa")
            .mpint(&[0x00, 0x01, 0x00, 0x01])
            .mpint(&[0x80, 0x01])
            .finish();
        // RFC 4251 §5: 0x80 needs a zero byte in front; leading zeros are dropped.
        assert_eq!(&bytes[11..18], &[0, 0, 0, 3, 0x01, 0x00, 0x01]);
        assert_eq!(&bytes[18..], &[0, 0, 0, 3, 0x00, 0x80, 0x01]);
        let mut reader = Reader::new(&bytes);
        assert_eq!(reader.text("type").unwrap(), "ssh-rsa");
        assert_eq!(reader.mpint("e").unwrap(), &[0x01, 0x00, 0x01]);
        assert_eq!(reader.mpint("n").unwrap(), &[0x80, 0x01]);
        assert!(reader.rest().is_empty());
        assert!(reader.u32("more").is_err());
    }

    #[test]
    fn truncated_and_negative_fields_are_errors() {
        assert!(Reader::new(&[0, 0, 0, 9, 1]).string("key").is_err());
        assert!(Reader::new(&[0, 0, 0, 1, 0x80]).mpint("n").is_err());
        assert!(
            Reader::new(&[0xff, 0xff, 0xff, 0xff])
                .string("key")
                .is_err()
        );
    }

    #[test]
    fn standard_base64() {
        for len in 0..8 {
            let data: Vec<u8> = (0..len).map(|i| (i * 77 + 250) as u8).collect();
            let text = base64_encode(&data);
            assert_eq!(text.len() % 4, 0);
            assert_eq!(base64_decode(&text), Some(data));
        }
        assert_eq!(base64_encode(b"\xfb\xff"), "+/8=");
        assert_eq!(base64_decode("-_8="), None);
        assert_eq!(base64_decode("+/8"), Some(vec![0xfb, 0xff]));
        assert_eq!(base64_decode("+/8=="), None);
    }
}
