//! Share links: the token, and only the token, travels in the URL fragment (never sent to any
//! server, not even this page's). Secrets and keys never go into a URL.

/// The fragment parameters that carry a token: ours, and OAuth / OpenID Connect implicit flows'.
const PARAMS: [&str; 3] = ["token", "id_token", "access_token"];

/// The token carried by a location hash such as `#token=…`, `#/?token=…` or
/// `#access_token=…&token_type=Bearer`.
pub fn token_from_fragment(hash: &str) -> Option<String> {
    let hash = hash.trim_start_matches('#');
    let query = hash.split_once('?').map_or(hash, |(_, q)| q);
    query.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        PARAMS
            .contains(&name)
            .then(|| percent_decode(value))
            .filter(|v| !v.is_empty())
    })
}

/// The link that opens this page with `token` in the debugger. `page` is the page's URL without
/// its fragment.
pub fn link(page: &str, token: &str) -> String {
    let base = page.split('#').next().unwrap_or(page);
    // A compact token is URL-safe already; anything else typed in the box is escaped.
    let escaped: String = token
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.~".contains(c) {
                c.to_string()
            } else {
                percent(c)
            }
        })
        .collect();
    format!("{base}#token={escaped}")
}

fn percent(c: char) -> String {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_form() {
        assert_eq!(
            token_from_fragment("#token=a.b.c").as_deref(),
            Some("a.b.c")
        );
        assert_eq!(
            token_from_fragment("#/?token=a.b.c").as_deref(),
            Some("a.b.c")
        );
        assert_eq!(
            token_from_fragment("#id_token=x.y.z&state=1").as_deref(),
            Some("x.y.z")
        );
        assert_eq!(
            token_from_fragment("access_token=p.q.r&token_type=Bearer").as_deref(),
            Some("p.q.r")
        );
        assert_eq!(
            token_from_fragment("#token=a%2Eb%2Ec").as_deref(),
            Some("a.b.c")
        );
        assert_eq!(token_from_fragment("#/walkthrough"), None);
        assert_eq!(token_from_fragment("#token="), None);
        assert_eq!(token_from_fragment("#token=%zz").as_deref(), Some("%zz"));
    }

    #[test]
    fn links_carry_the_token_in_the_fragment_only() {
        let url = link("http://127.0.0.1:8080/?x=1#/walkthrough", "a.b.c");
        assert_eq!(url, "http://127.0.0.1:8080/?x=1#token=a.b.c");
        assert_eq!(
            token_from_fragment(url.split_once('#').unwrap().1).as_deref(),
            Some("a.b.c")
        );
        let odd = link("http://h/", "Bearer a b&c");
        assert_eq!(
            token_from_fragment(odd.split_once('#').unwrap().1).as_deref(),
            Some("Bearerab&c")
        );
    }
}
