//! Person names as written: Japanese (岡野 栄之 / 岡野栄之), katakana with ・ or =
//! (ステファン・ヴォックスストラム, サンドリン・ミラー=モンゴメリー), Latin (Gene D. Block),
//! and Korean or Chinese names in kanji (李永).

use crate::tokens::Pos;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::pipeline::Doc;

/// The script of a name, which decides how its spaces are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Kanji,
    Katakana,
    Latin,
}

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("name rule: {e}"))
}

static LATIN: LazyLock<Regex> = LazyLock::new(|| {
    // (Latin-1 letters too: Weißmüller, Ångström, Özdemir)
    re(
        r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?(?: (?:[A-Z]\.|(?:de|van|von|der|den|da|di|du|le|la|del|bin|al) )?(?: ?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?|[A-Z]\.)){1,3}",
    )
});
static KATAKANA: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[ァ-ヺ][ァ-ヺー]*(?:[・=](?:[ァ-ヺ][ァ-ヺー]*|[A-Z]\.?))*(?:[・=][ァ-ヺ][ァ-ヺー]*)")
});
static KATAKANA_SINGLE: LazyLock<Regex> = LazyLock::new(|| re(r"^[ァ-ヺ][ァ-ヺー]+"));
/// 藤巻 まどか, 藤巻まどか: a kanji family name and a hiragana given name, where a
/// boundary follows (a space, punctuation, an honorific or a role).
static KANJI_HIRAGANA: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[\p{Han}々][\p{Han}々ヶノツ]{0,2} ?(?:[ぁ-ゖ]{1,3}[子美江代恵香奈乃里]|[ぁ-ゖ]{2,4})")
});
/// 岡野 栄之: family and given names with one space.
static KANJI_SPACED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\p{Han}々][\p{Han}々ヶノツ]{0,3} [\p{Han}々ヶ]{1,4}"));
/// Two to six kanji; ノ or ツ inside a family name (二ノ宮, 三ツ矢) between two kanji.
static KANJI_SOLID: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\p{Han}々ヶ](?:[\p{Han}々ヶ]|[ノツ]\p{Han}){1,5}"));

/// Latin titles written before a name.
const LATIN_TITLES: &[&str] = &[
    "President",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Managing",
    "Executive",
    "Vice",
    "Chief",
    "Officer",
    "CEO",
    "CTO",
    "CFO",
    "COO",
    "Dr.",
    "Prof.",
    "Mr.",
    "Ms.",
    "Mrs.",
];

/// Whether the kanji at `r` read as a name: the first token is a proper noun (a family
/// name is tagged 人名 or 地域 in IPADIC) or unknown, and none is a verb or particle.
fn kanji_is_name(doc: &Doc<'_>, r: &Range<usize>) -> bool {
    let v = doc.text.v();
    let tokens = crate::tokens::overlapping(doc.tokens, r.clone());
    let Some(first) = tokens.first() else {
        return false;
    };
    if first.range.start != r.start {
        return false;
    }
    let misread = |t: &crate::tokens::Token<'_>| misread_verb(v, t);
    let proper = first.is(Pos::ProperNoun)
        || first.unknown
        || misread(first)
        || first.is(Pos::GeneralNoun) && tokens.len() >= 2;
    let no_function_words = tokens.iter().all(|t| {
        (!t.is(Pos::Verb) || misread(t))
            && !t.is(Pos::Auxiliary)
            && !t.is(Pos::SahenNoun)
            && !t.is(Pos::Number)
    });
    let person_tag = tokens
        .iter()
        .any(|t| t.is(Pos::PersonName) || t.is(Pos::PlaceName));
    // a place with its suffix (「島根県松江市殿町」: 松江|市, and 殿 no honorific), or a
    // place that names a branch written solid after it (「米子支店長」), is no person
    let place = first.is(Pos::PlaceName)
        && (tokens
            .last()
            .is_some_and(|t| t.is(Pos::PlaceSuffix) && t.range.end == r.end)
            || tokens.iter().all(|t| t.is(Pos::PlaceName))
                && BRANCHES.iter().any(|b| v[r.end..].starts_with(b)));
    proper && no_function_words && (person_tag || first.unknown) && !place
}

/// Words for a branch or site named after its place: 「米子支店」「鹿島工場」.
const BRANCHES: &[&str] = &[
    "支店",
    "支社",
    "営業所",
    "出張所",
    "工場",
    "事業所",
    "本店",
    "研究所",
    "事務所",
];

/// A verb that IPADIC reads into a run of kanji with no kana after it: the first kanji
/// of a rare name (阿|比留 正人, 阿 read as the stem of 阿る), not a verb.
fn misread_verb(v: &str, t: &crate::tokens::Token<'_>) -> bool {
    t.is(Pos::Verb)
        && v[t.range.clone()]
            .chars()
            .all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}'))
        && v[t.range.end..].starts_with(|c: char| matches!(c, '\u{4E00}'..='\u{9FFF}'))
}

/// Two kanji groups with a space between are a name unless a verb or a number is in them.
/// A short given name after a family name the dictionary knows may read as a verbal noun
/// (宇津木 航|平, 鍬田 勝利, 宮ノ下 啓): there it is still a name.
fn no_function_words(doc: &Doc<'_>, r: &Range<usize>) -> bool {
    let v = doc.text.v();
    let tokens = crate::tokens::overlapping(doc.tokens, r.clone());
    let given_start = v[r.clone()].find(' ').map_or(r.end, |p| r.start + p + 1);
    let known_family = tokens
        .first()
        .is_some_and(|t| t.is(Pos::PersonName) || t.is(Pos::PlaceName))
        && tokens.first().is_some_and(|t| t.range.end <= given_start);
    let short_given = v[given_start..r.end].chars().count() <= 2;
    // (「2021年4月 同 教授」: a name never runs on from a number)
    let after_number = v[..r.start].ends_with(|c: char| c.is_ascii_digit());
    !after_number
        && tokens.first().is_some_and(|t| t.range.start == r.start)
        // (a prefix ends no name: 「月 同」; but a short given name after a known family name
        // may end in a kanji IPADIC reads as one: 「久慈 航|平」)
        && !tokens.last().is_some_and(|t| t.is(Pos::Prefix) && !(known_family && short_given))
        // (kanji numerals open family names: 千ヶ崎, 三浦; ASCII digits never do)
        && tokens.iter().enumerate().all(|(k, t)| {
            // (「隆之|介」「竜之|介」: a one-kanji ending after a given name IPADIC knows)
            let ending = k + 1 == tokens.len() && k > 0 && tokens[k - 1].is(Pos::GivenName) && t.range.len() <= 3;
            let verbal_noun_ok = known_family && (short_given || ending) && t.range.start >= given_start;
            let grammar = (t.is(Pos::Verb) && !misread_verb(v, t)) || t.is(Pos::Auxiliary) || t.is(Pos::Pronoun);
            let verbal_noun = t.is(Pos::SahenNoun) && !verbal_noun_ok;
            let digits = t.is(Pos::Number) && v[t.range.clone()].chars().any(|c| c.is_ascii_digit());
            !(grammar || verbal_noun || digits)
        })
}

/// Whether `s` opens with an honorific (spaces aside), not a word that begins like one:
/// 「さん」, but not 「様々」「さまざま」.
pub(super) fn honorific_opens(doc: &Doc<'_>, s: &str) -> bool {
    let s = s.trim_start_matches(' ');
    doc.vocab
        .honorifics
        .iter()
        .any(|h| s.starts_with(h.as_str()) && !s[h.len()..].starts_with(['々', 'ざ']))
}

/// Whether `s` opens with a Latin title written before a name (「President Director …」).
pub(super) fn starts_with_latin_title(s: &str) -> bool {
    s.split(' ')
        .next()
        .is_some_and(|w| LATIN_TITLES.contains(&w))
}

/// The name that starts at `p`: its range, without honorific or role after it.
pub(super) fn name_at(doc: &Doc<'_>, p: usize) -> Option<(Range<usize>, Script)> {
    let v = doc.text.v();
    let rest = v.get(p..)?;
    // 「President Director Dewi Kartika Santoso」: the titles are roles
    let mut p = p;
    let mut rest = rest;
    loop {
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..word_end];
        if word_end < rest.len() && LATIN_TITLES.contains(&word) {
            p += word_end + 1;
            rest = &rest[word_end + 1..];
        } else {
            break;
        }
    }
    // (each pattern below can only open with a letter of its script: the first character
    // says which are worth trying)
    let first = rest.chars().next()?;
    let latin = matches!(first, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ');
    let katakana = matches!(first, 'ァ'..='ヺ');
    let kanji = !first.is_ascii() && !matches!(first, 'ぁ'..='ゖ') && (!katakana || first == 'ヶ');
    if let Some(m) = latin.then(|| LATIN.find(rest)).flatten() {
        // 「Food Innovation Hub」 is an organization's name
        let last = m.as_str().rsplit(' ').next().unwrap_or("");
        if crate::facts::organizations::rules::LATIN_HEADS
            .iter()
            .any(|h| last.ends_with(h))
        {
            return None;
        }
        return Some((p..p + m.end(), Script::Latin));
    }
    if let Some(m) = katakana.then(|| KATAKANA.find(rest)).flatten() {
        return Some((p..p + m.end(), Script::Katakana));
    }
    if !kanji {
        return None;
    }
    if let Some(m) = KANJI_SPACED.find(rest) {
        let mut r = p..p + m.end();
        if let Some(space) = v[r.clone()].find(' ') {
            let given = r.start + space + 1;
            if let Some((i, _)) = v[given..r.end]
                .char_indices()
                .skip(1)
                .find(|&(i, _)| super::roles::role_starting_at(doc.vocab, v, given + i).is_some())
            {
                r.end = given + i;
            }
        }
        let r = trim_tail(doc, r);
        // (「社長 山田」: a role before a name is no family name)
        let family_is_role = v[r.clone()]
            .split(' ')
            .next()
            .is_some_and(|f| super::roles::is_role(doc.vocab, f));
        if r.end > p
            && v[r.clone()].contains(' ')
            && !family_is_role
            && (kanji_is_name(doc, &r) || no_function_words(doc, &r))
        {
            return Some((r, Script::Kanji));
        }
    }
    if let Some(m) = KANJI_HIRAGANA.find(rest) {
        let mut r = p..p + m.end();
        // (the match may run into a hiragana honorific: 「桂川はるとさん」 → 桂川はると)
        if let Some(cut) = ["さん", "さま", "くん", "ちゃん"]
            .iter()
            .filter_map(|h| v[r.start..].find(h).filter(|&at| r.start + at < r.end))
            .min()
            && v[r.start..r.start + cut]
                .chars()
                .filter(|c| matches!(c, 'ぁ'..='ゖ'))
                .count()
                >= 2
        {
            r.end = r.start + cut;
        }
        let after = &v[r.end..];
        let bounded =
            ends_name(doc, after) || super::roles::role_starting_at(doc.vocab, v, r.end).is_some();
        let given = v[r.clone()].trim_start_matches(|c: char| !matches!(c, 'ぁ'..='ゖ'));
        // (「藤巻まどかは」: a particle read by IPADIC ends the match, not 「ちさと」's と)
        let given_at = r.end - given.len();
        // (but an honorific right after it closes the name: 「桂川はるとさん」「木幡 ひなの さん」)
        let particle_end = given.ends_with(['は', 'が', 'を', 'に', 'で', 'と', 'の', 'も', 'や'])
            && !honorific_opens(doc, after)
            && crate::tokens::overlapping(doc.tokens, given_at..r.end)
                .iter()
                .any(|t| t.is(Pos::Particle) || t.is(Pos::Auxiliary));
        let family = r.start
            ..r.start
                + v[r.clone()]
                    .find(|c: char| matches!(c, 'ぁ'..='ゖ' | ' '))
                    .unwrap_or(0);
        let family_tokens = crate::tokens::overlapping(doc.tokens, family.clone());
        let plain_noun = |t: &crate::tokens::Token<'_>| {
            t.is(Pos::Noun) && !t.is(Pos::Number) && !t.is(Pos::Pronoun)
        };
        // 「大江戸 まさみ 氏」: an honorific after it vouches for a family name IPADIC reads as a common noun
        let honored = doc
            .vocab
            .honorifics
            .iter()
            .any(|h| after.trim_start_matches(' ').starts_with(h.as_str()))
            && family_tokens
                .iter()
                .any(|t| t.range.start == family.start && plain_noun(t));
        // 「大仏 みさき」: IPADIC reads the family name as a common noun here, but the given
        // name as a given name
        let given_name = crate::tokens::overlapping(doc.tokens, given_at..r.end)
            .first()
            .is_some_and(|t| {
                t.range.start == given_at && t.range.end == r.end && t.is(Pos::GivenName)
            });
        let family_nouns = family_tokens
            .first()
            .is_some_and(|t| t.range.start == family.start)
            && family_tokens
                .iter()
                .all(|t| plain_noun(t) && !t.is(Pos::SahenNoun));
        if bounded
            && !particle_end
            && !family.is_empty()
            && (kanji_is_name(doc, &family) || honored || given_name && family_nouns)
        {
            return Some((r, Script::Kanji));
        }
    }
    if let Some(m) = KANJI_KATAKANA.find(rest) {
        let r = p..p + m.end();
        let after = &v[r.end..];
        let bounded = ends_name(doc, after);
        let family_len: usize = v[r.clone()]
            .chars()
            .take_while(|&c| !matches!(c, ' ' | '\u{30A1}'..='\u{30FA}'))
            .map(char::len_utf8)
            .sum();
        let family = r.start..r.start + family_len;
        // the family name is tagged 人名 (or the katakana is)
        let person = crate::tokens::overlapping(doc.tokens, r.clone())
            .iter()
            .any(|t| t.is(Pos::PersonName));
        if bounded && person && kanji_is_name(doc, &family) {
            return Some((r, Script::Kanji));
        }
    }
    // (「松山オフィス長」: kanji running on into katakana are the start of a longer word)
    if let Some(m) = KANJI_SOLID
        .find(rest)
        .filter(|m| !rest[m.end()..].starts_with(|c: char| matches!(c, '\u{30A1}'..='\u{30FA}')))
    {
        let r = trim_tail(doc, p..p + m.end());
        let len = v[r.clone()]
            .chars()
            .filter(|c| !matches!(c, 'ノ' | 'ツ'))
            .count();
        if (2..=5).contains(&len) && kanji_is_name(doc, &r) {
            return Some((r, Script::Kanji));
        }
    }
    None
}

/// Whether a name may end where `after` begins: at the text's end, a space or punctuation,
/// or an honorific.
fn ends_name(doc: &Doc<'_>, after: &str) -> bool {
    after.is_empty()
        || after.starts_with([' ', '\t', '、', '。', '(', ')', '」', ',', '\n', '|', '/'])
        || doc
            .vocab
            .honorifics
            .iter()
            .any(|h| after.starts_with(h.as_str()))
}

/// 鳥海 ケント: a kanji family name and a katakana given name.
static KANJI_KATAKANA: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\p{Han}々ヶ]{1,3} ?[ァ-ヺ][ァ-ヺー]{1,5}"));
/// The whole of a table's name cell, read as a name by its shape alone: the column says it
/// is one (千国 ゆかり, where IPADIC reads 千 as a number).
static CELL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[\p{Han}々ヶ]{1,4} ?(?:[\p{Han}々ヶ]{1,4}|[ぁ-ゖ]{2,4}|[ァ-ヺ][ァ-ヺー]{1,5})$")
});

/// The name filling a table cell, by shape (see [`CELL_NAME`]).
pub(super) fn cell_name(v: &str, cell: Range<usize>) -> Option<Range<usize>> {
    CELL_NAME.is_match(v.get(cell.clone())?).then_some(cell)
}

/// A single katakana word, accepted only where the context is strong (氏 after it).
pub(super) fn katakana_word_at(v: &str, p: usize) -> Option<Range<usize>> {
    KATAKANA_SINGLE.find(v.get(p..)?).map(|m| p..p + m.end())
}

/// Cuts an honorific or a role written solid after the name: 「福田紀彦氏」「李永長官」.
fn trim_tail(doc: &Doc<'_>, mut r: Range<usize>) -> Range<usize> {
    let v = doc.text.v();
    loop {
        let s = &v[r.clone()];
        if let Some(h) = doc
            .vocab
            .honorifics
            .iter()
            .find(|h| s.ends_with(h.as_str()) && s.len() > h.len())
        {
            r.end -= h.len();
            continue;
        }
        if let Some(role) = super::roles::role_ending_at(doc.vocab, v, r.end, false)
            && role.start > r.start
        {
            r.end = role.start;
            continue;
        }
        break;
    }
    r
}

/// `end` moved back over spaces and an honorific written after a space: the end of
/// the name in 「篠ノ井 達朗 氏(…)」.
pub(super) fn before_spaced_honorific(doc: &Doc<'_>, end: usize) -> usize {
    let v = doc.text.v();
    let Some(head) = v.get(..end) else { return end };
    let end = head.trim_end_matches([' ', '\t']).len();
    // (written solid after a parenthesis or a foreign name: 「クレア・ハートウェル(Claire Hartwell)氏」)
    let apart = |before: &str| {
        before.ends_with(' ')
            || before.ends_with(|c: char| {
                c == ')' || c.is_ascii_alphabetic() || matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
            })
    };
    match doc
        .vocab
        .honorifics
        .iter()
        .find(|h| v[..end].ends_with(h.as_str()) && apart(&v[..end - h.len()]))
    {
        Some(h) => v[..end - h.len()].trim_end_matches(' ').len(),
        None => end,
    }
}

/// The name that ends at `end` (before a role or honorific written solid after it):
/// 「シンディ・ファン副総長」, 「李永長官」, 「片峰学長」.
pub(super) fn name_before(doc: &Doc<'_>, end: usize) -> Option<(Range<usize>, Script)> {
    let v = doc.text.v();
    let end = before_spaced_honorific(doc, end);
    let before = v.get(..end)?;
    // katakana with ・ or =, possibly with a Latin initial
    let kana: usize = before
        .chars()
        .rev()
        .take_while(|&c| matches!(c, 'ァ'..='ヺ' | 'ー' | '・' | '='))
        .map(char::len_utf8)
        .sum();
    if kana > 0 {
        let start = end - kana;
        if let Some((r, s)) = name_at(doc, start)
            && r.end == end
        {
            return Some((r, s));
        }
        return None;
    }
    // Latin words
    let latin: usize = before
        .chars()
        .rev()
        .take_while(|&c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
        .map(char::len_utf8)
        .sum();
    if latin > 0 {
        let start = end - latin;
        let start = start + (v[start..end].len() - v[start..end].trim_start().len());
        if let Some((r, s)) = name_at(doc, start)
            && r.end == end
        {
            return Some((r, s));
        }
        return None;
    }
    // 「オリバー・グラント(Oliver Grant)教授」: the name before a parenthesis with its other writing
    if let Some(inner) = before.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && !inner[open..].contains('\n')
    {
        return name_before(doc, open);
    }
    // a hiragana given name: 「椎葉みなみ」, 「椎葉 みなみ」
    let hira: usize = before
        .chars()
        .rev()
        .take_while(|&c| matches!(c, 'ぁ'..='ゖ'))
        .map(char::len_utf8)
        .sum();
    if (2 * 3..=4 * 3).contains(&hira) {
        let family_end = v[..end - hira].trim_end_matches(' ').len();
        let family: usize = v[..family_end]
            .chars()
            .rev()
            .take_while(|&c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '々' | 'ヶ' | 'ノ'))
            .map(char::len_utf8)
            .sum();
        // (「領域における」: no particle or auxiliary is part of a given name, unless an
        // honorific closes it: 「桂川はるとさん」)
        let grammar = !honorific_opens(doc, &v[end..])
            && crate::tokens::overlapping(doc.tokens, end - hira..end)
                .iter()
                .any(|t| t.is(Pos::Particle) || t.is(Pos::Auxiliary));
        if (1..=3).contains(&(family / 3)) && !grammar {
            return name_at(doc, family_end - family).filter(|(r, _)| r.end == end);
        }
        return None;
    }
    // kanji: 「村上 葵」 (family, a space, given) or two to four solid, the first a proper noun
    let kanji = kanji_run_before(before);
    let &(given_start, _) = kanji.last()?;
    if kanji.len() <= 4
        && let Some(family_part) = before[..given_start].strip_suffix(' ')
    {
        let family: usize = kanji_run_before(family_part)
            .iter()
            .map(|&(_, c)| c.len_utf8())
            .sum();
        // (「理事長 御厨貞彦」: a role before the name is no family name)
        let family_text = &family_part[family_part.len() - family.min(family_part.len())..];
        // (nor is one kanji of a letter-spaced word: 「委 員 鳩間隆之」)
        let letter_spaced = family == 3
            && family_part[..family_part.len() - family]
                .strip_suffix(' ')
                .is_some_and(|b| b.ends_with(|c: char| matches!(c, '\u{4E00}'..='\u{9FFF}')));
        if (1..=12).contains(&family)
            && !super::roles::is_role(doc.vocab, family_text)
            && !letter_spaced
        {
            let r = given_start - 1 - family..end;
            if kanji_is_name(doc, &r) || no_function_words(doc, &r) {
                return Some((r, Script::Kanji));
            }
        }
    }
    let inner = kanji
        .iter()
        .filter(|&&(_, c)| matches!(c, 'ノ' | 'ツ'))
        .count();
    for take in (2..=kanji.len().min(5 + inner)).rev() {
        let start = kanji[take - 1].0;
        let r = start..end;
        if kanji_is_name(doc, &r) {
            return Some((r, Script::Kanji));
        }
    }
    None
}

/// The kanji written right before the end of `before`, last first: 々 and ヶ count,
/// and ノ or ツ between two kanji (二ノ宮, 三ツ矢).
pub(super) fn kanji_run_before(before: &str) -> Vec<(usize, char)> {
    let is_kanji = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '々' | 'ヶ');
    let chars: Vec<(usize, char)> = before.char_indices().rev().take(16).collect();
    let mut run = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, 'ノ' | 'ツ')
            && !run.is_empty()
            && chars.get(k + 1).is_some_and(|&(_, n)| is_kanji(n));
        if is_kanji(c) || inner {
            run.push((i, c));
        } else {
            break;
        }
    }
    run
}

/// The name as the output gives it: Japanese names without the space, others as written.
pub(super) fn canonical(s: &str, script: Script) -> String {
    match script {
        Script::Kanji => crate::facts::without_whitespace(s).into_owned(),
        Script::Katakana | Script::Latin => s.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// A family name alone before a role, where the text makes it one: 「東京大学の片峰学長」.
/// Two or three kanji right after 「の」, not one common noun.
pub(super) fn surname_before(doc: &Doc<'_>, end: usize) -> Option<Range<usize>> {
    let v = doc.text.v();
    let kanji: usize = v[..end]
        .chars()
        .rev()
        .take_while(|&c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '々'))
        .map(char::len_utf8)
        .sum();
    let start = end - kanji;
    let len = v[start..end].chars().count();
    if !(2..=3).contains(&len) || !v[..start].ends_with('の') {
        return None;
    }
    let tokens = crate::tokens::overlapping(doc.tokens, start..end);
    let one_common_noun = tokens.len() == 1 && tokens[0].is(Pos::GeneralNoun);
    let bad = tokens.iter().any(|t| {
        t.is(Pos::Verb)
            || t.is(Pos::Auxiliary)
            || t.is(Pos::SahenNoun)
            || t.is(Pos::Number)
            || t.is(Pos::Pronoun)
    });
    let aligned = tokens.first().is_some_and(|t| t.range.start == start);
    (!one_common_noun && !bad && aligned).then_some(start..end)
}
