//! Width folding with an offset map back to the original text.
//!
//! The normalized text is what the rules match against: NFKC applied per character
//! (full-width digits, Latin letters and punctuation to half-width, half-width katakana
//! to full-width, a half-width voiced mark joined to its kana), hyphen and minus
//! variants to `-`, `\r\n` to `\n`, and byte-order marks and zero-width characters
//! dropped. Circled numbers (①) are kept as they are: NFKC would turn 「①2018年」 into
//! 「12018年」.
//!
//! The map is piecewise: it records only the characters whose normalized form has a
//! different byte length, and everything between them is a constant shift.

use unicode_normalization::UnicodeNormalization;

/// One original character (or a kana and its voiced mark) whose folded form has another length.
#[derive(Debug, Clone, Copy)]
struct Piece {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// The normalized text and the map back to the original.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    pub text: String,
    pieces: Vec<Piece>,
}

impl Normalized {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut pieces = Vec::new();
        let mut chars = original.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let norm_start = text.len();
            let mut orig_end = at + c.len_utf8();
            match c {
                // The common cases are their own normal form.
                '\r' => {
                    if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                        // dropped: the '\n' that follows ends the line
                    } else {
                        text.push('\n');
                    }
                }
                // (kept as they are, they map one to one: no piece)
                _ if c.is_ascii() => {
                    text.push(c);
                    continue;
                }
                '\u{3041}'..='\u{30FF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{3001}'..='\u{3003}'
                | '\u{3005}'..='\u{3007}'
                | '\u{3008}'..='\u{3011}'
                | '\u{3014}'..='\u{301F}' => {
                    text.push(c);
                    continue;
                }
                '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}' => {}
                '\u{2460}'..='\u{24FF}' | '\u{3251}'..='\u{32BF}' | '\u{2776}'..='\u{2793}' => {
                    text.push(c)
                }
                '\u{2010}'..='\u{2013}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => text.push('-'),
                '\u{FF66}'..='\u{FF9D}' => {
                    // Half-width katakana, with a following half-width voiced mark joined to it.
                    match chars.peek() {
                        Some(&(mark_at, mark @ ('\u{FF9E}' | '\u{FF9F}'))) => {
                            chars.next();
                            orig_end = mark_at + mark.len_utf8();
                            text.extend([c, mark].into_iter().nfkc());
                        }
                        _ => text.extend(std::iter::once(c).nfkc()),
                    }
                }
                _ => text.extend(std::iter::once(c).nfkc()),
            }
            let norm_end = text.len();
            // A piece wherever offsets inside the char do not carry over one to one: another
            // length, or the same length in another number of chars (NFKC makes 「´」 (3
            // bytes, U+1FFD) a space and a combining accent, 1 + 2 bytes).
            if norm_end - norm_start != orig_end - at
                || text[norm_start..].chars().count() != original[at..orig_end].chars().count()
            {
                pieces.push(Piece {
                    norm_start,
                    norm_end,
                    orig_start: at,
                    orig_end,
                });
            }
        }
        Normalized { text, pieces }
    }

    /// The original offset where a mention starting at normalized offset `p` starts.
    pub fn start_to_original(&self, p: usize) -> usize {
        let i = self.pieces.partition_point(|piece| piece.norm_start <= p);
        if i == 0 {
            return p;
        }
        let piece = self.pieces[i - 1];
        if p < piece.norm_end {
            piece.orig_start
        } else {
            piece.orig_end + (p - piece.norm_end)
        }
    }

    /// The original offset where a mention ending at normalized offset `p` ends.
    pub fn end_to_original(&self, p: usize) -> usize {
        let i = self.pieces.partition_point(|piece| piece.norm_start < p);
        if i == 0 {
            return p;
        }
        let piece = self.pieces[i - 1];
        if p <= piece.norm_end {
            piece.orig_end
        } else {
            piece.orig_end + (p - piece.norm_end)
        }
    }

    /// A normalized byte range as an original byte range.
    pub fn to_original(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.start_to_original(range.start);
        let end = self.end_to_original(range.end).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fold(s: &str) -> String {
        Normalized::new(s).text
    }

    #[test]
    fn folds_width_and_keeps_the_rest() {
        assert_eq!(fold("２０１８年８月３１日"), "2018年8月31日");
        assert_eq!(fold("ＬＩＮＫ－Ｊ（米）"), "LINK-J(米)");
        assert_eq!(fold("ｱｽﾄﾗｾﾞﾈｶ"), "アストラゼネカ");
        assert_eq!(fold("㈱アカネ"), "(株)アカネ");
        assert_eq!(fold("a\u{3000}b"), "a b");
        assert_eq!(fold("\u{FEFF}本文\r\n次"), "本文\n次");
        assert_eq!(fold("①2018年"), "①2018年");
        assert_eq!(fold("2021−05−11"), "2021-05-11");
        assert_eq!(fold("クラスター4団体"), "クラスター4団体");
        assert_eq!(fold("\u{1FFD}A"), " \u{301}A");
    }

    #[test]
    fn a_char_folded_to_two_of_the_same_length_maps_whole() {
        // U+1FFD (3 bytes) folds to a space and U+0301 (1 + 2 bytes)
        let n = Normalized::new("\u{1FFD}A");
        assert_eq!(n.to_original(1..3), 0..3);
        assert_eq!(n.to_original(3..4), 3..4);
        assert_eq!(n.start_to_original(1), 0);
        assert_eq!(n.end_to_original(1), 3);
    }

    #[test]
    fn maps_spans_back() {
        let original = "\u{FEFF}ＬＩＮＫ－Ｊは、ｱｽﾄﾗｾﾞﾈｶと２０１８年";
        let n = Normalized::new(original);
        for needle in ["LINK-J", "アストラゼネカ", "2018年", "は、"] {
            let at = n.text.find(needle).unwrap();
            let r = n.to_original(at..at + needle.len());
            assert_eq!(
                fold(&original[r.clone()]),
                needle,
                "{needle} -> {:?}",
                &original[r]
            );
        }
    }

    proptest! {
        #[test]
        fn every_char_boundary_maps_to_a_boundary(s in "[a-zＡ-Ｚ０-９ｱ-ﾝﾞﾟ年月日\u{FEFF}\r\n ㈱①－\u{1FFD}\u{00B4}\u{FFFC}\u{2474}㍻ﬁ]{0,40}") {
            let n = Normalized::new(&s);
            for (p, _) in n.text.char_indices().chain(std::iter::once((n.text.len(), ' '))) {
                let a = n.start_to_original(p);
                let b = n.end_to_original(p);
                prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
                prop_assert!(a <= s.len() && b <= s.len());
            }
            for (p, c) in n.text.char_indices() {
                let r = n.to_original(p..p + c.len_utf8());
                prop_assert!(fold(&s[r.clone()]).contains(c), "{:?} {:?}", c, &s[r]);
            }
        }
    }
}
