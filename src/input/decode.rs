//! Bytes to text: UTF-8 (a BOM is kept in the text and ignored by normalization, so
//! spans stay byte offsets into the file), UTF-16 with a BOM, Shift_JIS and EUC-JP.

use encoding_rs::{EUC_JP, SHIFT_JIS, UTF_16BE, UTF_16LE};

pub(super) enum Problem {
    Binary(String),
    Encoding(String),
}

pub(super) fn decode(bytes: &[u8]) -> Result<String, Problem> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Problem::Binary(format!(
            "binary data, not text (a NUL byte at offset {at})"
        )));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return check_controls(text).map(|()| text.to_string()),
        Err(e) => e,
    };
    // Not UTF-8: the Japanese legacy encodings, whichever decodes cleanly and reads
    // as more Japanese text.
    let candidates = [SHIFT_JIS, EUC_JP]
        .into_iter()
        .filter_map(|enc| enc.decode_without_bom_handling_and_without_replacement(bytes))
        .map(|text| text.into_owned())
        .max_by_key(|text| japanese_share(text));
    match candidates {
        Some(text) => check_controls(&text).map(|()| text),
        None => Err(Problem::Encoding(format!(
            "not valid UTF-8 (invalid byte at offset {}), nor Shift_JIS or EUC-JP",
            utf8_error.valid_up_to()
        ))),
    }
}

/// [`decode`], taking the bytes: valid UTF-8 becomes the text without a copy.
pub(super) fn decode_owned(bytes: Vec<u8>) -> Result<String, Problem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || bytes.contains(&0) {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => check_controls(&text).map(|()| text),
        Err(e) => decode(e.as_bytes()),
    }
}

fn utf16(bytes: &[u8], little_endian: bool) -> Result<String, Problem> {
    let encoding = if little_endian { UTF_16LE } else { UTF_16BE };
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => Err(Problem::Encoding(
            "a UTF-16 byte-order mark, but invalid UTF-16 after it".into(),
        )),
    }
}

/// Text with many control characters is binary data that happens to decode.
fn check_controls(text: &str) -> Result<(), Problem> {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            controls += 1;
        }
    }
    if total > 0 && controls * 10 > total {
        return Err(Problem::Binary(format!(
            "binary data, not text ({controls} control characters in the first {total})"
        )));
    }
    Ok(())
}

/// Kana and common kanji per thousand chars: tells a right decoding from a wrong one.
fn japanese_share(text: &str) -> usize {
    let mut total = 0usize;
    let mut japanese = 0usize;
    for c in text.chars() {
        total += 1;
        if matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '、' | '。') {
            japanese += 1;
        }
    }
    japanese * 1000 / total.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> String {
        match decode(bytes) {
            Ok(text) => text,
            Err(Problem::Binary(r) | Problem::Encoding(r)) => panic!("{r}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(ok("年月日".as_bytes()), "年月日");
        assert_eq!(ok(b"\xEF\xBB\xBF\xE5\xB9\xB4"), "\u{FEFF}年");
    }

    #[test]
    fn shift_jis_and_euc_jp() {
        let text = "株式会社アカネは、2024年4月1日に新社屋を開設しました。";
        let (sjis, _, _) = SHIFT_JIS.encode(text);
        let (euc, _, _) = EUC_JP.encode(text);
        assert_eq!(ok(&sjis), text);
        assert_eq!(ok(&euc), text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "年月".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(ok(&bytes), "年月");
    }

    #[test]
    fn binary_and_garbage_are_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(Problem::Binary(_))
        ));
        assert!(matches!(
            decode(&[0x80, 0xFF, 0xFE, 0x81, 0x7F, 0xFF]),
            Err(Problem::Encoding(_))
        ));
        assert!(matches!(
            decode(&[1, 2, 3, 4, 5, 6, 7, 8]),
            Err(Problem::Binary(_))
        ));
    }

    #[test]
    fn empty_is_empty_text() {
        assert_eq!(ok(b""), "");
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let text = "株式会社アカネは、2024年4月1日に新社屋を開設しました。";
        let (sjis, _, _) = SHIFT_JIS.encode(text);
        let mut utf16 = vec![0xFF, 0xFE];
        text.encode_utf16()
            .for_each(|u| utf16.extend(u.to_le_bytes()));
        let cases: [&[u8]; 7] = [
            text.as_bytes(),
            &sjis,
            &utf16,
            b"",
            b"a\x00b",
            &[0x80, 0xFF, 0xFE, 0x81],
            &[1, 2, 3, 4, 5, 6, 7, 8],
        ];
        for bytes in cases {
            let (a, b) = (decode(bytes), decode_owned(bytes.to_vec()));
            match (a, b) {
                (Ok(a), Ok(b)) => assert_eq!(a, b),
                (Err(Problem::Binary(a)), Err(Problem::Binary(b)))
                | (Err(Problem::Encoding(a)), Err(Problem::Encoding(b))) => {
                    assert_eq!(a, b)
                }
                _ => panic!("{bytes:?}: decode and decode_owned differ"),
            }
        }
    }
}
