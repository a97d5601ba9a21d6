//! The one place that talks to lindera: IPADIC tokens with their part of speech and
//! their byte range in the normalized text.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;
use std::path::Path;

use lindera::dictionary::{Metadata, load_dictionary, load_user_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera_dictionary::util::Data;
use lindera_dictionary::viterbi::Lattice;

use crate::error::{Error, Result};
use crate::input::Text;

/// Lines longer than this are cut (at a space or punctuation where possible) before
/// tokenizing, so one huge line cannot make one huge lattice.
const MAX_CHUNK: usize = 4096;

/// The IPADIC part-of-speech classes the rules ask about. A token is of a class when
/// its 品詞 fields start with the class's tags ([`Pos::tags`]): 名詞,固有名詞,人名,姓 is
/// of [`Pos::Noun`], [`Pos::ProperNoun`], [`Pos::PersonName`] and [`Pos::FamilyName`].
/// Each token carries its classes as bits, worked out once per dictionary word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Noun,
    GeneralNoun,
    ProperNoun,
    PersonName,
    FamilyName,
    GivenName,
    OrganizationName,
    PlaceName,
    Number,
    SahenNoun,
    Pronoun,
    AdverbialNoun,
    NonIndependentNoun,
    Suffix,
    PlaceSuffix,
    Verb,
    Auxiliary,
    Particle,
    Prefix,
}

impl Pos {
    #[cfg(test)]
    const ALL: [Pos; 19] = [
        Pos::Noun,
        Pos::GeneralNoun,
        Pos::ProperNoun,
        Pos::PersonName,
        Pos::FamilyName,
        Pos::GivenName,
        Pos::OrganizationName,
        Pos::PlaceName,
        Pos::Number,
        Pos::SahenNoun,
        Pos::Pronoun,
        Pos::AdverbialNoun,
        Pos::NonIndependentNoun,
        Pos::Suffix,
        Pos::PlaceSuffix,
        Pos::Verb,
        Pos::Auxiliary,
        Pos::Particle,
        Pos::Prefix,
    ];

    /// The leading IPADIC POS fields of the class, comma-separated.
    #[cfg(test)]
    const fn tags(self) -> &'static str {
        match self {
            Pos::Noun => "名詞",
            Pos::GeneralNoun => "名詞,一般",
            Pos::ProperNoun => "名詞,固有名詞",
            Pos::PersonName => "名詞,固有名詞,人名",
            Pos::FamilyName => "名詞,固有名詞,人名,姓",
            Pos::GivenName => "名詞,固有名詞,人名,名",
            Pos::OrganizationName => "名詞,固有名詞,組織",
            Pos::PlaceName => "名詞,固有名詞,地域",
            Pos::Number => "名詞,数",
            Pos::SahenNoun => "名詞,サ変接続",
            Pos::Pronoun => "名詞,代名詞",
            Pos::AdverbialNoun => "名詞,副詞可能",
            Pos::NonIndependentNoun => "名詞,非自立",
            Pos::Suffix => "名詞,接尾",
            Pos::PlaceSuffix => "名詞,接尾,地域",
            Pos::Verb => "動詞",
            Pos::Auxiliary => "助動詞",
            Pos::Particle => "助詞",
            Pos::Prefix => "接頭詞",
        }
    }

    const fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The classes of a token with these POS fields, as bits: the fields walked once,
    /// level by level (the same answer as testing [`Pos::tags`] for every class, which
    /// the tests check, at a fraction of the cost; this runs for every new word).
    fn classes_of(pos: &[&str; 4]) -> u32 {
        let mut bits = 0;
        let mut add = |class: Pos| bits |= class.bit();
        match pos[0] {
            "名詞" => {
                add(Pos::Noun);
                match pos[1] {
                    "一般" => add(Pos::GeneralNoun),
                    "固有名詞" => {
                        add(Pos::ProperNoun);
                        match pos[2] {
                            "人名" => {
                                add(Pos::PersonName);
                                match pos[3] {
                                    "姓" => add(Pos::FamilyName),
                                    "名" => add(Pos::GivenName),
                                    _ => {}
                                }
                            }
                            "組織" => add(Pos::OrganizationName),
                            "地域" => add(Pos::PlaceName),
                            _ => {}
                        }
                    }
                    "数" => add(Pos::Number),
                    "サ変接続" => add(Pos::SahenNoun),
                    "代名詞" => add(Pos::Pronoun),
                    "副詞可能" => add(Pos::AdverbialNoun),
                    "非自立" => add(Pos::NonIndependentNoun),
                    "接尾" => {
                        add(Pos::Suffix);
                        if pos[2] == "地域" {
                            add(Pos::PlaceSuffix);
                        }
                    }
                    _ => {}
                }
            }
            "動詞" => add(Pos::Verb),
            "助動詞" => add(Pos::Auxiliary),
            "助詞" => add(Pos::Particle),
            "接頭詞" => add(Pos::Prefix),
            _ => {}
        }
        bits
    }
}

/// Whether the POS fields start with `tags` (名詞,固有名詞: fewer levels match more).
#[cfg(test)]
fn starts_with_tags(pos: &[&str; 4], tags: &str) -> bool {
    let mut wanted = tags.split(',');
    pos.iter()
        .zip(wanted.by_ref())
        .all(|(have, want)| *have == want)
        && wanted.next().is_none()
}

/// One IPADIC token.
#[derive(Debug, Clone)]
pub(crate) struct Token<'d> {
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// 品詞, 品詞細分類1, 2, 3: 名詞,固有名詞,組織,*.
    pub pos: [&'d str; 4],
    /// The [`Pos`] classes of `pos`, as bits.
    classes: u32,
    /// 活用型 (conjugation type): 五段・ラ行, 特殊・ダ, 文語・キ…; `*` for words that do not conjugate.
    pub ctype: &'d str,
    /// 活用形 (conjugated form): 基本形, 連用形…; `*` for words that do not conjugate.
    pub cform: &'d str,
    /// 原形 (base form), `*` when unknown.
    pub base: &'d str,
    /// Not in the dictionary.
    pub unknown: bool,
    /// From the user dictionary.
    pub user: bool,
}

impl Token<'_> {
    /// A user-dictionary word tagged as an organization (組織) or a person (人名).
    pub fn user_tag(&self) -> Option<&str> {
        if !self.user {
            return None;
        }
        ["組織", "人名", "地域"]
            .into_iter()
            .find(|tag| self.pos[0] == *tag || self.pos[2] == *tag)
    }

    /// Whether the token is of the POS class (名詞,固有名詞,組織 for
    /// [`Pos::OrganizationName`]).
    pub fn is(&self, class: Pos) -> bool {
        self.classes & class.bit() != 0
    }
}

/// The tokens that overlap `range`, as a sub-slice found by binary search: tokens are
/// in text order and do not overlap, so this is `tokens.iter().filter(|t| t.range.start
/// < range.end && range.start < t.range.end)` in O(log n). (For an empty range `p..p`,
/// the token that has `p` strictly inside, if any.)
pub(crate) fn overlapping<'a, 'd>(tokens: &'a [Token<'d>], range: Range<usize>) -> &'a [Token<'d>] {
    let lo = tokens.partition_point(|t| t.range.end <= range.start);
    let hi = tokens.partition_point(|t| t.range.start < range.end);
    tokens.get(lo..hi).unwrap_or(&[])
}

/// The tokens inside `range` (start and end within it), in O(log n).
pub(crate) fn within<'a, 'd>(
    tokens: &'a [Token<'d>],
    range: Range<usize>,
) -> impl DoubleEndedIterator<Item = &'a Token<'d>> {
    overlapping(tokens, range.clone())
        .iter()
        .filter(move |t| t.range.start >= range.start && t.range.end <= range.end)
}

/// The segmenter, built once.
pub(crate) struct Tokenizer {
    segmenter: Segmenter,
}

impl Tokenizer {
    /// IPADIC, embedded or from a folder, with an optional user dictionary (lindera's
    /// CSV of surface, part of speech, reading).
    pub fn new(dictionary: Option<&Path>, user_dictionary: Option<&Path>) -> Result<Self> {
        let uri = match dictionary {
            Some(path) => path.display().to_string(),
            None => "embedded://ipadic".to_string(),
        };
        let dict =
            load_dictionary(&uri).map_err(|e| Error::Tokenizer(format!("loading {uri}: {e}")))?;
        let user = match user_dictionary {
            Some(path) => {
                validate_user_dictionary(path)?;
                let metadata: &Metadata = &dict.metadata;
                let loaded = load_user_dictionary(&path.display().to_string(), metadata)
                    .map_err(|e| Error::Tokenizer(format!("{}: {e}", path.display())))?;
                Some(loaded)
            }
            None => None,
        };
        Ok(Tokenizer {
            segmenter: Segmenter::new(Mode::Normal, dict, user),
        })
    }

    /// Tokens of the text's rule view (furniture blanked), line by line.
    pub fn tokenize<'d>(&'d self, text: &'d Text<'_>) -> Result<Vec<Token<'d>>> {
        let view = text.v();
        let mut lattice = Lattice::default();
        // (about one token per four bytes of Japanese text: growing the vector later copies it)
        let mut out = Vec::with_capacity(view.len() / 4);
        let mut cache = DetailCache::new(DetailCache::SLOTS);
        // the embedded dictionary's words, kept on this thread from one document to the next
        let mut embedded = EMBEDDED_DETAILS
            .with(Cell::take)
            .unwrap_or_else(|| Box::new(DetailCache::new(DetailCache::EMBEDDED_SLOTS)));
        let mut result = Ok(());
        'lines: for line in &text.lines {
            if line.boilerplate || line.trimmed.is_empty() {
                continue;
            }
            for chunk in chunks(view, line.trimmed.clone()) {
                result = self.tokenize_into(
                    &view[chunk.clone()],
                    chunk.start,
                    &mut lattice,
                    &mut cache,
                    &mut embedded,
                    &mut out,
                );
                if result.is_err() {
                    break 'lines;
                }
            }
        }
        EMBEDDED_DETAILS.with(|c| c.set(Some(embedded)));
        result?;
        // The rules look tokens up by binary search (`overlapping`): in order, disjoint.
        debug_assert!(out.windows(2).all(|w| w[0].range.end <= w[1].range.start));
        Ok(out)
    }

    /// Tokenizes `s` alone, for benchmarks: the number of tokens.
    pub fn count_tokens(&self, s: &str) -> Result<usize> {
        let mut lattice = Lattice::default();
        let mut n = 0;
        for line in s.lines() {
            let start = line.as_ptr() as usize - s.as_ptr() as usize;
            for chunk in chunks(s, start..start + line.len()) {
                n += self
                    .segmenter
                    .segment_with_lattice(Cow::Borrowed(&s[chunk]), &mut lattice)
                    .map_err(|e| Error::Tokenizer(e.to_string()))?
                    .len();
            }
        }
        Ok(n)
    }

    fn tokenize_into<'d>(
        &'d self,
        s: &'d str,
        offset: usize,
        lattice: &mut Lattice,
        cache: &mut DetailCache<'d>,
        embedded: &mut DetailCache<'static>,
        out: &mut Vec<Token<'d>>,
    ) -> Result<()> {
        let tokens = self
            .segmenter
            .segment_with_lattice(Cow::Borrowed(s), lattice)
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        for mut t in tokens {
            if s[t.byte_start..t.byte_end].chars().all(char::is_whitespace) {
                continue;
            }
            let range = offset + t.byte_start..offset + t.byte_end;
            let unknown = t.word_id.is_unknown();
            let user = !unknown && !t.word_id.is_system();
            // The fields straight from the dictionary's bytes: `Token::details` would
            // allocate a vector per token, and this runs for every token.
            let id = t.word_id.id() as usize;
            let field = if unknown {
                // (unknown words share a few entries, one per character class)
                let dictionary = t.dictionary;
                cache.get(id | DetailCache::UNKNOWN, || {
                    fields(dictionary.unknown_word_details_iter(id))
                })
            } else if t.word_id.is_system() {
                let dictionary = t.dictionary;
                let index = &dictionary.prefix_dictionary.words_idx_data;
                match &dictionary.prefix_dictionary.words_data {
                    // (the embedded dictionary's bytes live as long as the program: their
                    // fields can be kept across documents, keyed by where the bytes are)
                    Data::Static(words) => {
                        if embedded.owner != words.as_ptr() as usize {
                            *embedded = DetailCache::new(DetailCache::EMBEDDED_SLOTS);
                            embedded.owner = words.as_ptr() as usize;
                        }
                        match embedded.get_or_try(id, || system_fields(index, words, id)) {
                            Some(found) => found,
                            None => cache.get(id, || fields(dictionary.word_details_iter(id))),
                        }
                    }
                    words => cache.get(id, || {
                        system_fields(index, words, id)
                            .unwrap_or_else(|| fields(dictionary.word_details_iter(id)))
                    }),
                }
            } else {
                t.details();
                let details = t.details.take().unwrap_or_default();
                fields(details.iter().map(|value| match value {
                    Cow::Borrowed(value) => *value,
                    Cow::Owned(_) => "*",
                }))
            };
            let pos = [field.0[0], field.0[1], field.0[2], field.0[3]];
            out.push(Token {
                range,
                pos,
                classes: field.1,
                ctype: field.0[4],
                cform: field.0[5],
                base: field.0[6],
                unknown,
                user,
            });
        }
        Ok(())
    }
}

/// The detail fields of the system dictionary's (and unknown) words met last, by word id (a small
/// direct-mapped table): decoding them from the dictionary's bytes is a good part of
/// tokenizing, and a document repeats its words.
pub(crate) struct DetailCache<'d> {
    slots: Vec<(usize, Details<'d>)>,
    /// For the cache of the embedded dictionary: the address of the bytes it was read from.
    owner: usize,
}

thread_local! {
    /// The embedded dictionary's words met on this thread (taken out while a document is
    /// tokenized, put back after).
    static EMBEDDED_DETAILS: Cell<Option<Box<DetailCache<'static>>>> = const { Cell::new(None) };
}

/// A word's first seven detail fields (品詞 ×4, 活用型, 活用形, 原形) and its [`Pos`] classes.
type Details<'d> = ([&'d str; 7], u32);

impl<'d> DetailCache<'d> {
    const SLOTS: usize = 1024;
    /// Slots of the embedded dictionary's cache (about 1 MB): most words of a corpus.
    const EMBEDDED_SLOTS: usize = 8192;
    /// Marks an unknown word's id (unknown words have their own ids).
    const UNKNOWN: usize = 1 << (usize::BITS - 1);

    fn new(slots: usize) -> Self {
        DetailCache {
            slots: vec![(usize::MAX, (["*"; 7], 0)); slots.max(1)],
            owner: 0,
        }
    }

    /// Like [`get`](Self::get), for a decoding that may fail (nothing is kept then).
    fn get_or_try(
        &mut self,
        id: usize,
        decode: impl FnOnce() -> Option<Details<'d>>,
    ) -> Option<Details<'d>> {
        let n = self.slots.len();
        let slot = &mut self.slots[id % n];
        if slot.0 != id {
            *slot = (id, decode()?);
        }
        Some(slot.1)
    }

    fn get(&mut self, id: usize, decode: impl FnOnce() -> Details<'d>) -> Details<'d> {
        // (the decoding never fails here, so the default is never used)
        self.get_or_try(id, || Some(decode()))
            .unwrap_or((["*"; 7], 0))
    }
}

/// The first seven detail fields (品詞 ×4, 活用型, 活用形, 原形), `*` where missing, and
/// the word's [`Pos`] classes.
fn fields<'d>(details: impl Iterator<Item = &'d str>) -> Details<'d> {
    let mut f = ["*"; 7];
    for (slot, value) in f.iter_mut().zip(details) {
        *slot = value;
    }
    (f, Pos::classes_of(&[f[0], f[1], f[2], f[3]]))
}

/// A system word's first seven detail fields read straight from the dictionary's packed
/// bytes (a little-endian `u32` offset per word id, then a `u32` length and the fields
/// joined by NUL): lindera's iterator checks the whole record, readings included, as
/// UTF-8 before splitting it, and only the first seven fields are wanted. `None` for a
/// record that does not read so, which the caller then decodes lindera's way.
fn system_fields<'d>(index: &[u8], data: &'d [u8], id: usize) -> Option<Details<'d>> {
    let u32_at = |bytes: &[u8], at: usize| -> Option<usize> {
        let word: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(u32::from_le_bytes(word) as usize)
    };
    let offset = u32_at(index, id.checked_mul(4)?)?;
    let len = u32_at(data, offset)?;
    let start = offset.checked_add(4)?;
    let record = data.get(start..start.checked_add(len)?)?;
    let mut f = ["*"; 7];
    for (slot, field) in f.iter_mut().zip(record.split(|&b| b == 0)) {
        *slot = std::str::from_utf8(field).ok()?;
    }
    Some((f, Pos::classes_of(&[f[0], f[1], f[2], f[3]])))
}

/// Splits a long range at spaces or punctuation so no chunk is longer than [`MAX_CHUNK`].
fn chunks(s: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_CHUNK {
        let mut cut = start + MAX_CHUNK;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &s[start..cut];
        let soft = window.rfind(['。', '、', ' ', '\t', ',', '.']).map(|i| {
            let c = window[i..].chars().next().map_or(1, char::len_utf8);
            start + i + c
        });
        let cut = soft.filter(|&c| c > start + MAX_CHUNK / 2).unwrap_or(cut);
        out.push(start..cut);
        start = cut;
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

/// Checks a user dictionary before lindera reads it, so a bad line gets an error
/// with its number: each line is `surface,part_of_speech,reading` (or the 13 fields of
/// IPADIC's own format); empty lines and lines starting with `#` are skipped.
fn validate_user_dictionary(path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |line: usize, reason: String| Error::UserFile {
        path: path.to_path_buf(),
        line,
        reason,
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields = csv_fields(line).ok_or_else(|| bad(n + 1, "an unclosed quote".to_string()))?;
        if fields.len() != 3 && fields.len() < 13 {
            return Err(bad(
                n + 1,
                format!(
                    "{} fields; expected 3 (surface,part_of_speech,reading) or 13 (IPADIC)",
                    fields.len()
                ),
            ));
        }
        if fields[0].trim().is_empty() {
            return Err(bad(n + 1, "the surface (first field) is empty".to_string()));
        }
        if fields[1].trim().is_empty() {
            return Err(bad(
                n + 1,
                "the part of speech (second field) is empty".to_string(),
            ));
        }
    }
    Ok(())
}

/// The fields of one CSV line; quotes may hold commas. `None` for an unclosed quote.
fn csv_fields(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    fields.push(field);
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pos_classes_are_the_tags_each_token_starts_with() {
        let tokens = [
            ["名詞", "固有名詞", "人名", "姓"],
            ["名詞", "固有名詞", "人名", "名"],
            ["名詞", "固有名詞", "組織", "*"],
            ["名詞", "固有名詞", "地域", "一般"],
            ["名詞", "固有名詞", "一般", "*"],
            ["名詞", "接尾", "地域", "*"],
            ["名詞", "接尾", "一般", "*"],
            ["名詞", "一般", "*", "*"],
            ["名詞", "数", "*", "*"],
            ["名詞", "サ変接続", "*", "*"],
            ["名詞", "代名詞", "一般", "*"],
            ["名詞", "副詞可能", "*", "*"],
            ["名詞", "非自立", "副詞可能", "*"],
            ["動詞", "自立", "*", "*"],
            ["助動詞", "*", "*", "*"],
            ["助詞", "格助詞", "一般", "*"],
            ["接頭詞", "名詞接続", "*", "*"],
            ["記号", "一般", "*", "*"],
            ["UNK", "*", "*", "*"],
        ];
        for pos in tokens {
            for class in Pos::ALL {
                let bits = Pos::classes_of(&pos);
                assert_eq!(
                    bits & class.bit() != 0,
                    starts_with_tags(&pos, class.tags()),
                    "{pos:?} {class:?}"
                );
            }
        }
    }

    #[test]
    fn system_fields_read_as_lindera_reads_them() {
        let tokenizer = Tokenizer::new(None, None).unwrap_or_else(|e| panic!("{e}"));
        let dictionary = &tokenizer.segmenter.dictionary;
        let mut checked = 0;
        for id in (0..400_000).step_by(97) {
            let prefix = &dictionary.prefix_dictionary;
            let Some((ours, _)) = system_fields(&prefix.words_idx_data, &prefix.words_data, id)
            else {
                continue;
            };
            let (theirs, _) = fields(dictionary.word_details_iter(id));
            assert_eq!(ours, theirs, "word {id}");
            checked += 1;
        }
        assert!(checked > 3_000, "{checked} words read");
        let prefix = &dictionary.prefix_dictionary;
        assert_eq!(
            system_fields(&prefix.words_idx_data, &prefix.words_data, usize::MAX / 2),
            None
        );
    }

    #[test]
    fn user_dictionary_lines_are_checked() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("user.csv");
        std::fs::write(
            &path,
            "# names\nミナトバイオ研究所,組織,ミナトバイオケンキュウショ\n\n山田花子,人名\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let err = validate_user_dictionary(&path).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "user.csv:4: 2 fields; expected 3 (surface,part_of_speech,reading) or 13 (IPADIC)"
            ),
            "{err}"
        );
        assert_eq!(
            csv_fields("\"a,b\",c,d"),
            Some(vec!["a,b".to_string(), "c".to_string(), "d".to_string()])
        );
        assert_eq!(csv_fields("\"a,b"), None);
    }
}
