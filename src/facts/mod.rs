//! One module per kind of fact. Each has `rules.rs` (its patterns and the functions
//! that build values) beside `corpus.rs` (input → expected value examples, and strings
//! that must yield nothing), which doubles as its tests.

pub(crate) mod counts;
pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod numerals;
pub(crate) mod organizations;
pub(crate) mod partnerships;
pub(crate) mod people;
pub(crate) mod release;

/// Where the line holding byte `p` of `v` starts: just after the newline before `p`, or 0.
pub(crate) fn line_start(v: &str, p: usize) -> usize {
    memchr::memrchr(b'\n', &v.as_bytes()[..p]).map_or(0, |i| i + 1)
}

/// `s` with its whitespace taken out: the form names are compared in (「岡野 栄之」 →
/// 「岡野栄之」). This runs for every name the rules compare, so a string with no
/// whitespace (most of them) is copied whole.
pub(crate) fn without_whitespace(s: &str) -> std::borrow::Cow<'_, str> {
    // (the bytes that can start a whitespace character: ASCII whitespace, and the lead
    // bytes of U+0085, U+00A0, U+1680, U+2000–U+205F; and U+3000, which is E3 80 80)
    let b = s.as_bytes();
    let may_have_space = b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2)
            || (c == 0xE3 && b.get(i + 1..i + 3) == Some(&[0x80, 0x80]))
    });
    if !may_have_space {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for piece in s.split(char::is_whitespace) {
        out.push_str(piece);
    }
    std::borrow::Cow::Owned(out)
}

/// The organization named as the release's first publisher (equal but for whitespace,
/// by name or alias), if the organizations found include it.
pub(crate) fn publisher_org(out: &crate::model::Extraction) -> Option<usize> {
    let publisher = out.release.publishers.first()?;
    // compared without building strings: people look this up per person
    let key: Vec<char> = publisher
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let same = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .eq(key.iter().copied())
    };
    out.organizations
        .iter()
        .position(|o| same(&o.name) || o.aliases.iter().any(|a| same(a)))
}
