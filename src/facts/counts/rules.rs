//! The count rules: each a name, a pattern over the normalized text, and a function
//! that reads a match against the counters of the vocabulary (`count_units` in
//! `vocab.toml`), plus the word lists the module reads around a match: qualifiers,
//! amount units, the words that link two counts. Patterns see NFKC-folded text, so
//! digits are ASCII and `%` `:` `(` are half-width.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::facts::numerals;
use crate::model::{AmountKind, CountKind, Qualifier};
use crate::tokens::Token;
use crate::vocab::{CountUnitEntry, Vocabulary};

/// A number: ASCII digits (with comma groups, a decimal part, kanji multipliers:
/// 3,500, 52.4, 1,200万, 1万2千) or a run of kanji numerals (二十五, 一万二千).
const NUMBER: &str = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[千万億兆](?:\d{1,3}(?:,\d{3})+|\d+)?)*|[〇一二三四五六七八九十百千万億]+";

/// What a rule needs besides its match: the text, the vocabulary, the tokens (for word
/// boundaries) and the dates already found (numbers inside them are no counts).
pub(crate) struct Ctx<'a> {
    pub v: &'a str,
    pub vocab: &'a Vocabulary,
    pub tokens: &'a [Token<'a>],
    pub dates: &'a [Range<usize>],
}

impl Ctx<'_> {
    /// Whether offset `p` falls strictly inside a token: a word goes on across it.
    pub fn inside_token(&self, p: usize) -> bool {
        let i = self.tokens.partition_point(|t| t.range.start < p);
        i > 0 && self.tokens[i - 1].range.end > p
    }

    /// The token ending at `end`, or covering it.
    pub fn token_ending_at(&self, end: usize) -> Option<&Token<'_>> {
        let i = self.tokens.partition_point(|t| t.range.start < end);
        i.checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .filter(|t| t.range.end >= end)
    }
}

/// What a match is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    /// A count or ordinal.
    Count { value: i64, kind: CountKind },
    /// Money, a percentage, a length or an area.
    Amount { value: f64, kind: AmountKind },
}

/// One match of a rule, before qualifiers and structure are read around it.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// The count's text: from 第 or the number to the end of the unit.
    pub range: Range<usize>,
    pub value: Value,
    /// The counter or unit as written (normalized): 社・団体, 例目, 円, %.
    pub unit: String,
}

/// A rule: its name (for tests and debugging), its pattern, and the function that
/// reads a match of it.
pub(crate) struct Rule {
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub regex: Regex,
    /// Reads a match: the whole match and the number in it.
    pub build: fn(&Ctx<'_>, Range<usize>, Range<usize>) -> Option<Hit>,
}

impl Rule {
    /// Every match in `v`: the whole match and its number, which is the match without
    /// its leading 第 and the one space after it (no captures need reading: the
    /// `number_is_the_match_after_dai` test holds every rule to that).
    pub fn matches(&self, v: &str) -> Vec<(Range<usize>, Range<usize>)> {
        self.regex
            .find_iter(v)
            .map(|m| {
                let s = m.as_str();
                let n = s
                    .strip_prefix('第')
                    .map_or(s, |r| r.strip_prefix(char::is_whitespace).unwrap_or(r));
                (m.range(), m.end() - n.len()..m.end())
            })
            .collect()
    }
}

/// The rules, in order of preference when two matches cover the same text.
pub(crate) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rule = |name, pattern: &str, build| Rule {
        name,
        regex: Regex::new(pattern).unwrap_or_else(|e| panic!("count rule {name}: {e}")),
        build,
    };
    vec![
        // 第3号, 第2回, 第二期, 第1弾, 第2回目.
        rule(
            "dai_ordinal",
            &format!(r"第\s?(?P<n>{NUMBER})"),
            build_dai as fn(&Ctx<'_>, Range<usize>, Range<usize>) -> Option<Hit>,
        ),
        // 9団体, 73社・団体, 8 社, 17の国と地域; 10例目, 10番目, 9市目, 3社目.
        rule("counter", &format!(r"(?P<n>{NUMBER})"), build_counter),
        // 1000万円, 52.4%, 400メートル, 3,000平方メートル.
        rule("amount", &format!(r"(?P<n>{NUMBER})"), build_amount),
    ]
});

/// Units of amounts: written form, kind, and whether it is Latin letters (which must
/// not run on into a longer word: 5m but not 5mg). Longest first.
pub(crate) const AMOUNT_UNITS: &[(&str, AmountKind, bool)] = &[
    ("平方キロメートル", AmountKind::Area, false),
    ("平方メートル", AmountKind::Area, false),
    ("キロメートル", AmountKind::Length, false),
    ("センチメートル", AmountKind::Length, false),
    ("ミリメートル", AmountKind::Length, false),
    ("ヘクタール", AmountKind::Area, false),
    ("パーセント", AmountKind::Percent, false),
    ("メートル", AmountKind::Length, false),
    ("エーカー", AmountKind::Area, false),
    ("米ドル", AmountKind::Money, false),
    ("ユーロ", AmountKind::Money, false),
    ("ポンド", AmountKind::Money, false),
    ("ドル", AmountKind::Money, false),
    ("平米", AmountKind::Area, false),
    ("km2", AmountKind::Area, true),
    ("km", AmountKind::Length, true),
    ("cm", AmountKind::Length, true),
    ("mm", AmountKind::Length, true),
    ("m2", AmountKind::Area, true),
    ("ha", AmountKind::Area, true),
    ("円", AmountKind::Money, false),
    ("%", AmountKind::Percent, false),
    ("坪", AmountKind::Area, false),
    ("m", AmountKind::Length, true),
];

/// A leading 約: kept in the count's text.
pub(crate) const ABOUT_PREFIXES: &[&str] = &["おおよそ", "およそ", "約"];

/// Words before a number that qualify it without being part of its text.
pub(crate) const OUTER_PREFIXES: &[(&str, Qualifier)] = &[
    ("少なくとも", Qualifier::AtLeast),
    ("のべ", Qualifier::Total),
    ("延べ", Qualifier::Total),
    ("合計", Qualifier::Total),
    ("総計", Qualifier::Total),
    ("累計", Qualifier::Total),
    ("通算", Qualifier::Total),
    ("総勢", Qualifier::Total),
    ("総額", Qualifier::Total),
    ("最大", Qualifier::UpTo),
    ("最低", Qualifier::AtLeast),
    ("計", Qualifier::Total),
    ("全", Qualifier::Total),
];

/// Words after a count that qualify it, longest first. 以上 reads as "more than", as
/// releases use it (「100カ国以上」), unless 少なくとも or 最低 came before.
pub(crate) const SUFFIXES: &[(&str, Qualifier)] = &[
    ("を上回る", Qualifier::Over),
    ("を超える", Qualifier::Over),
    ("を越える", Qualifier::Over),
    ("を超す", Qualifier::Over),
    ("を超え", Qualifier::Over),
    ("を越え", Qualifier::Over),
    ("足らず", Qualifier::About),
    ("超える", Qualifier::Over),
    ("超え", Qualifier::Over),
    ("以上", Qualifier::Over),
    ("余り", Qualifier::Over),
    ("以下", Qualifier::UpTo),
    ("未満", Qualifier::UpTo),
    ("以内", Qualifier::UpTo),
    ("まで", Qualifier::UpTo),
    ("程度", Qualifier::About),
    ("ほど", Qualifier::About),
    ("前後", Qualifier::About),
    ("近く", Qualifier::About),
    ("超", Qualifier::Over),
    ("余", Qualifier::Over),
    ("強", Qualifier::Over),
    ("弱", Qualifier::About),
];

/// After まで, these say the count was reached, not capped: 10社まで拡大.
pub(crate) const REACHED: &[&str] = &["増", "拡", "成長", "伸", "達", "広が", "膨"];

/// Heads of a topic that names what is counted: 加盟パートナー数は, 来場者は, 入居企業が.
pub(crate) const SUBJECT_HEADS: &[&str] = &[
    "数",
    "者",
    "企業",
    "団体",
    "会員",
    "パートナー",
    "先",
    "機関",
    "メンバー",
    "テナント",
    "大学",
    "自治体",
    "拠点",
    "施設",
    "店舗",
    "チーム",
    "社員",
    "職員",
    "学生",
    "国",
    "地域",
];

/// Heads of a noun written after a count that name what it counts: 14名のノーベル賞
/// 受賞者, 9団体となった連携先 (but not 3社のCEO: the CEOs are not the companies).
pub(crate) const COUNTED_HEADS: &[&str] = &[
    "者",
    "員",
    "生",
    "家",
    "人",
    "民",
    "長",
    "師",
    "士",
    "手",
    "役",
    "陣",
    "メンバー",
    "スタッフ",
    "企業",
    "団体",
    "社",
    "機関",
    "大学",
    "先",
    "パートナー",
    "国",
    "地域",
    "都市",
    "自治体",
    "施設",
    "拠点",
    "店舗",
    "チーム",
    "病院",
    "組織",
    "法人",
    "会社",
    "スタートアップ",
    "ベンチャー",
    "ユーザー",
    "顧客",
    "テナント",
];

/// Ends of a noun run before a number that make it a time, not what is counted:
/// 今年3社, 同日10名, 当初7社.
pub(crate) const NOT_SUBJECT_ENDS: &[&str] = &[
    "年", "月", "日", "度", "時", "間", "回", "期", "位", "時点", "現在", "当初", "以来", "今回",
    "前回", "毎回",
];

/// Words between a count and what it counts, written after it: 14名のノーベル賞受賞者,
/// 9団体となった連携先, 344社を超える医療関連企業.
pub(crate) const SUBJECT_AFTER: &[&str] = &[
    "となった",
    "になった",
    "にのぼる",
    "に上る",
    "に及ぶ",
    "からなる",
    "もの",
    "の",
];

/// Between two counts: the first is part of the second (海外6団体を含む10団体).
pub(crate) static INCLUDED_IN_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?(?:を含む|を含めた|を含め|を含めて|含む|含め)、?\s?$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// Between two counts: the second is part of the first (10団体(うち海外6団体)).
pub(crate) static NEXT_IS_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?(?:\(|、|,)?\s?(?:その|の)?うち、?\s?$").unwrap_or_else(|e| panic!("{e}"))
});

/// Between two counts of the same unit: the second is what the first grew or changed
/// into (7社から73社へ).
pub(crate) static CHANGED_TO_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?(?:から|より|→|⇒|->)\s?$").unwrap_or_else(|e| panic!("{e}")));

/// A bare starting value before a count (発足当初の7から73社・団体へ): the number the
/// count changed from. The bare number itself is no count.
pub(crate) static FROM_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<n>{NUMBER})\s?(?:から|より|→|⇒|->)\s?$"))
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A CJK ideograph (or 々).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

/// Katakana, with ・ and ー.
pub(crate) fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

fn is_kanji_numeral(c: char) -> bool {
    "〇一二三四五六七八九十百千万億".contains(c)
}

/// Whether the number at `n` may start a count or amount: not part of a longer number,
/// code or name (A4, 03-1234, v2.1), not inside a date or a word (第一人者), not a
/// kanji numeral glued to a word before it (唯一, 数十), not in a short quoted label.
fn number_ok(ctx: &Ctx<'_>, n: &Range<usize>, after_dai: bool) -> bool {
    let v = ctx.v;
    let before = v[..n.start].chars().next_back();
    // 「ASEAN10カ国」: an acronym may stand right before the number
    let acronym = v[..n.start]
        .chars()
        .rev()
        .take_while(char::is_ascii_uppercase)
        .count()
        >= 3
        && !v[..n.start]
            .trim_end_matches(|c: char| c.is_ascii_uppercase())
            .ends_with(|c: char| c.is_ascii_alphanumeric());
    if !acronym
        && before.is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '/' | '_' | '#' | '+' | '$')
        })
    {
        return false;
    }
    // the second half of 「5人に1人」
    if v[..n.start].ends_with("人に") {
        return false;
    }
    // 「登録金融機関 中国財務局長(登金)第18号」: a registration's number, no ordinal
    if after_dai && v[..n.start].trim_end_matches(['第', ' ']).ends_with(')') {
        let line = &v[crate::facts::line_start(v, n.start)..n.start];
        if ["登録", "許可", "届出", "免許", "認可", "登金", "金商"]
            .iter()
            .any(|w| line.contains(w))
        {
            return false;
        }
    }
    // 「台風第19号」 names a typhoon
    if after_dai && v[..n.start].trim_end_matches(['第', ' ']).ends_with("台風") {
        return false;
    }
    if before == Some('-') && v[..n.start - 1].ends_with(|c: char| c.is_ascii_digit()) {
        return false; // 03-1234-5678, 100-0005
    }
    if ctx.dates.iter().any(|d| d.start < n.end && n.start < d.end) || ctx.inside_token(n.start) {
        return false;
    }
    let text = &v[n.clone()];
    if text.chars().all(is_kanji_numeral) {
        if !after_dai && (text == "一" || text == "〇") {
            return false; // 一人ひとり, (一社): idioms and abbreviations, not counts
        }
        // 唯一, 数十, 十数 — but 「社外取締役五名」: a word that ends before the numeral
        let word_ends = v[..n.start]
            .chars()
            .next_back()
            .is_some_and(|c| !is_kanji_numeral(c))
            && !ctx.inside_token(n.start);
        let role_before =
            crate::facts::people::roles::role_ending_at(ctx.vocab, v, n.start, false).is_some();
        if !after_dai
            && before.is_some_and(is_han)
            && !lead_word_before(ctx, n.start)
            && (!word_ends || !role_before)
        {
            return false;
        }
    }
    // 「「第5回 シェアサイクル利用実態調査」」: the ordinal of an event series counts even in a title
    (after_dai && v[..n.start].trim_end_matches([' ', '第']).ends_with('「'))
        || !in_quoted_label(v, n)
}

/// Whether the text before `at` ends with a qualifier or scope word that may stand right
/// before a kanji numeral (約二十社, 海外六団体).
fn lead_word_before(ctx: &Ctx<'_>, at: usize) -> bool {
    let before = ctx.v[..at].trim_end_matches(' ');
    ABOUT_PREFIXES.iter().any(|p| before.ends_with(p))
        || OUTER_PREFIXES.iter().any(|(p, _)| before.ends_with(p))
        || ctx
            .vocab
            .count_scopes
            .iter()
            .any(|s| before.ends_with(s.as_str()))
}

/// Whether `n` sits in a short quoted label: 「5者連携」, 「1回目接種」. A quoted
/// statement (longer, or with a sentence's particles) is no label.
pub(crate) fn in_quoted_label(v: &str, n: &Range<usize>) -> bool {
    const REACH: usize = 20;
    let mut open = None;
    for (i, c) in v[..n.start].char_indices().rev().take(REACH) {
        match c {
            '「' | '『' => {
                open = Some(i);
                break;
            }
            '」' | '』' | '。' | '\n' => return false,
            _ => {}
        }
    }
    let Some(open) = open else { return false };
    let mut close = None;
    for (i, c) in v[n.end..].char_indices().take(REACH) {
        match c {
            '」' | '』' => {
                close = Some(n.end + i);
                break;
            }
            '「' | '『' | '。' | '\n' => return false,
            _ => {}
        }
    }
    let Some(close) = close else { return false };
    let inner = &v[open + '「'.len_utf8()..close];
    inner.chars().count() <= REACH
        && !inner
            .chars()
            .any(|c| c == '、' || (('\u{3041}'..='\u{309F}').contains(&c) && c != 'の'))
}

/// The value of a count's number: an integer, or a decimal with a multiplier that makes
/// one (1.5万).
fn count_value(s: &str) -> Option<i64> {
    numerals::parse(s).or_else(|| {
        let f = numerals::parse_f64(s)?;
        (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
    })
}

static RATIO: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    // 「5人に1人」, 「1人1台」, 「1人あたり」: a ratio or a rate per person
    Regex::new(
        r"^(?:に[0-9０-９一二三四五六七八九十]+人|[0-9]+[台枚冊個本点食]|あたり|当たり|につき)",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// Skips one ASCII space: 「8 社」 is written with one.
fn skip_space(v: &str, at: usize) -> usize {
    if v[at..].starts_with(' ') { at + 1 } else { at }
}

/// Whether a unit ending at `end` ends a word: no token runs on across it (3組織 is not
/// 3組; 10名目標 is not 10名目), and no kanji numeral follows (二人三脚).
fn unit_ends_word(ctx: &Ctx<'_>, end: usize) -> bool {
    // 「3人分」 counts servings; 「5人に1人」, 「1人1台」 are ratios
    if ctx.v[end..].starts_with('分')
        || (ctx.v[..end].ends_with('人') && RATIO.is_match(&ctx.v[end..]))
    {
        return false;
    }
    match ctx.v[end..].chars().next() {
        Some(c) if is_kanji_numeral(c) => false,
        // 12カ国語 counts languages, not countries
        Some('語') => false,
        Some(c) if is_han(c) || is_katakana(c) => !ctx.inside_token(end),
        _ => true,
    }
}

/// The counter at `at`: the longest unit of `units` written there (with の first when
/// the unit allows it) that ends a word, with a following 目 when it makes an ordinal.
fn counter_at<'v>(
    ctx: &Ctx<'_>,
    at: usize,
    units: impl Iterator<Item = &'v CountUnitEntry>,
) -> Option<(&'v CountUnitEntry, Range<usize>, bool)> {
    let v = ctx.v;
    for entry in units {
        let mut start = at;
        if entry.after_no && v[start..].starts_with('の') {
            start += 'の'.len_utf8();
        }
        if !v[start..].starts_with(entry.unit.as_str()) {
            continue;
        }
        let end = start + entry.unit.len();
        // 3社目, 2回目, 9市目: any counter that is not an ordinal already takes 目.
        if !entry.ordinal && !entry.unit.ends_with('目') && v[end..].starts_with('目') {
            let with_me = end + '目'.len_utf8();
            if unit_ends_word(ctx, with_me) {
                return Some((entry, at..with_me, true));
            }
        }
        if unit_ends_word(ctx, end) {
            return Some((entry, at..end, false));
        }
    }
    None
}

fn build_dai(ctx: &Ctx<'_>, whole: Range<usize>, n: Range<usize>) -> Option<Hit> {
    if ctx.inside_token(whole.start) || !number_ok(ctx, &n, true) {
        return None;
    }
    // 「会社法第2条第15号」: the parts of a law, not ordinals of anything counted
    if ctx.v[..whole.start].ends_with(['条', '項']) || ctx.v[whole.end..].starts_with(['条', '項'])
    {
        return None;
    }
    let value = count_value(&ctx.v[n.clone()])?;
    let at = skip_space(ctx.v, n.end);
    let (entry, unit, _) = counter_at(ctx, at, ctx.vocab.count_units.iter().filter(|u| u.dai))?;
    Some(Hit {
        range: whole.start..unit.end,
        value: Value::Count {
            value,
            kind: CountKind::Ordinal,
        },
        unit: entry.unit.clone(),
    })
}

fn build_counter(ctx: &Ctx<'_>, _whole: Range<usize>, n: Range<usize>) -> Option<Hit> {
    // after 第 only the ordinals of build_dai: 第3者 is no count of 3
    if ctx.v[..n.start].trim_end_matches(' ').ends_with('第') || !number_ok(ctx, &n, false) {
        return None;
    }
    let value = count_value(&ctx.v[n.clone()])?;
    let at = skip_space(ctx.v, n.end);
    let (entry, unit, with_me) = counter_at(ctx, at, ctx.vocab.count_units.iter())?;
    // 「7　組織改正の概要」: a section number opening its line, a space, then a heading that
    // runs on from the "unit", is no count
    let line_start = crate::facts::line_start(ctx.v, n.start);
    let runs_on = ctx.v[unit.end..].starts_with(|c: char| c.is_alphanumeric());
    if at > n.end && runs_on && ctx.v[line_start..n.start].trim().is_empty() {
        return None;
    }
    let (kind, name) = if with_me {
        (CountKind::Ordinal, format!("{}目", entry.unit))
    } else if entry.ordinal {
        (CountKind::Ordinal, entry.unit.clone())
    } else if entry.bare {
        (CountKind::Cardinal, entry.unit.clone())
    } else {
        return None;
    };
    Some(Hit {
        range: n.start..unit.end,
        value: Value::Count { value, kind },
        unit: name,
    })
}

fn build_amount(ctx: &Ctx<'_>, _whole: Range<usize>, n: Range<usize>) -> Option<Hit> {
    if ctx.v[..n.start].trim_end_matches(' ').ends_with('第') || !number_ok(ctx, &n, false) {
        return None;
    }
    let value = numerals::parse_f64(&ctx.v[n.clone()])?;
    let at = skip_space(ctx.v, n.end);
    let rest = &ctx.v[at..];
    let &(unit, kind, _) = AMOUNT_UNITS.iter().find(|(u, _, latin)| {
        rest.starts_with(u)
            && !(*latin && rest[u.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
    })?;
    Some(Hit {
        range: n.start..at + unit.len(),
        value: Value::Amount { value, kind },
        unit: unit.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn number_is_the_match_after_dai() {
        for text in crate::pipeline::testing::fixture_texts()
            .iter()
            .map(String::as_str)
            .chain(["第 3回 第\u{3000}2号 一万二千人 3,500名"])
        {
            for rule in RULES.iter() {
                let read: Vec<_> = rule
                    .regex
                    .captures_iter(text)
                    .filter_map(|c| Some((c.get(0)?.range(), c.name("n")?.range())))
                    .collect();
                assert_eq!(rule.matches(text), read, "rule {}", rule.name);
            }
        }
    }
}
