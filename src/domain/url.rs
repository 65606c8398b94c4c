//! Addresses inside the portal.

/// Percent-encodes a value for a query string: everything but unreserved characters and
/// `/` (allowed in a query, and it keeps local paths such as `?weiter=/antraege` readable).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn the_way_back_survives_as_one_query_value() {
        assert_eq!(
            encode_query_value("/suche?q=a b&ort=1"),
            "/suche%3Fq%3Da%20b%26ort%3D1"
        );
        assert_eq!(encode_query_value("/straße"), "/stra%C3%9Fe");
    }
}
