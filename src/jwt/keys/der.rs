//! The few DER steps the RustCrypto crates do not take for us: reading one element's tag and
//! length (also for recognising a key pasted as bare DER, in the page), and finding the public
//! key inside an X.509 certificate without pulling in a whole certificate parser.

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

/// The DER of the SubjectPublicKeyInfo inside a certificate (RFC 5280 §4.1).
#[cfg(not(feature = "split"))]
pub fn certificate_spki(cert: &[u8]) -> Option<&[u8]> {
    let outer = read(cert, 0)?;
    if outer.tag != SEQUENCE {
        return None;
    }
    let tbs = read(cert, outer.content_start)?;
    if tbs.tag != SEQUENCE {
        return None;
    }
    let mut at = tbs.content_start;
    let mut first = read(cert, at)?;
    // The explicit [0] version is optional (absent in v1 certificates).
    if first.tag == 0xa0 {
        at = first.end;
        first = read(cert, at)?;
    }
    // serialNumber, signature, issuer, validity, subject: skip five elements.
    at = first.end;
    for _ in 0..4 {
        at = read(cert, at)?.end;
    }
    let spki = read(cert, at)?;
    (spki.tag == SEQUENCE && spki.end <= tbs.end).then(|| &cert[at..spki.end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_der_gives_none() {
        assert_eq!(certificate_spki(&[]), None);
        assert_eq!(
            certificate_spki(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
            None
        );
        assert_eq!(certificate_spki(&[0x30, 0x03, 0x30, 0x01, 0x00]), None);
        assert_eq!(certificate_spki(&[0x30, 0x80]), None);
    }
}
