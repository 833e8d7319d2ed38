//! One DER element's tag and length, read to recognise a key pasted as bare base64 DER or
//! dropped as a binary file, in a build without the key readers too (keys themselves are read
//! with RustCrypto's `der`, `pkcs8` and `x509-cert`): the page's module carries no DER crate, and
//! this is the only DER step it takes.

/// A SEQUENCE's tag.
pub const SEQUENCE: u8 = 0x30;

/// One TLV: its tag, and the byte ranges of the whole element and of its content.
pub struct Tlv {
    pub tag: u8,
    pub end: usize,
    pub content_start: usize,
}

/// The element at `at`, if its header reads and its content lies within `input`.
pub fn read(input: &[u8], at: usize) -> Option<Tlv> {
    let tag = *input.get(at)?;
    let first = *input.get(at + 1)? as usize;
    let (len, header) = if first < 0x80 {
        (first, 2)
    } else {
        let count = first & 0x7f;
        if count == 0 || count > 4 {
            return None;
        }
        let bytes = input.get(at + 2..at + 2 + count)?;
        (
            bytes.iter().fold(0usize, |n, &b| (n << 8) | b as usize),
            2 + count,
        )
    };
    let content_start = at + header;
    let end = content_start.checked_add(len)?;
    (end <= input.len()).then_some(Tlv {
        tag,
        end,
        content_start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_headers_give_none() {
        assert!(read(&[], 0).is_none());
        assert!(read(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff], 0).is_none());
        assert!(read(&[0x30, 0x80], 0).is_none());
        assert!(read(&[0x30, 0x85, 1, 1, 1, 1, 1], 0).is_none());
        let one = read(&[0x30, 0x03, 0x02, 0x01, 0x00], 0).unwrap();
        assert_eq!((one.tag, one.content_start, one.end), (0x30, 2, 5));
    }
}
