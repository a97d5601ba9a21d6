//! Roles as written: a role from the vocabulary (代表取締役社長, 理事長, 市長…), with
//! qualifiers before it (副, 代表…), chains joined by 兼 (理事兼事務局長), a 担当
//! phrase, and, where allowed, a department before it (経営企画部長).
//!
//! The organizations module uses this too, to cut a role off the end of a name
//! (「LINK-J理事兼事務局長」 is the organization LINK-J and the role 理事兼事務局長).

use std::ops::Range;

use crate::vocab::Vocabulary;

/// Roles that may take a department name before them: 経営企画部長, 東京支店長.
const DEPARTMENT_ROLES: &[&str] = &[
    "部長",
    "課長",
    "室長",
    "副室長",
    "副部長",
    "本部長",
    "局長",
    "所長",
    "支店長",
    "支社長",
    "工場長",
    "事業部長",
    "グループ長",
    "部門長",
    "センター長",
    "委員長",
    "科長",
    "オフィス長",
    "営業所長",
    "事業所長",
    "ディレクター",
    "マネージャー",
    "マネジャー",
    "パートナー",
    "リーダー",
    "オフィサー",
];

fn is_department_char(c: char) -> bool {
    // (Latin acronyms too: 「CVC推進室長」「地域DX事業部長」)
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '々' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | 'A'..='Z')
}

/// The longest vocabulary role that ends at `end` of `s`.
fn base_ending_at<'v>(vocab: &'v Vocabulary, s: &str, end: usize) -> Option<&'v str> {
    vocab.role_at_end_of(s.get(..end)?)
}

/// The longest vocabulary role that starts at `start` of `s`.
fn base_starting_at<'v>(vocab: &'v Vocabulary, s: &str, start: usize) -> Option<&'v str> {
    vocab.role_at_start_of(s.get(start..)?)
}

/// The role that ends at `end` of `s`, as long as it goes: 「理事兼事務局長」, 「副総長」,
/// 「国際研究兼グローバル・エンゲージメント担当」 is not one (担当 phrases are read forwards).
/// With `departments`, a department name before 部長-like roles is part of the role.
pub(crate) fn role_ending_at(
    vocab: &Vocabulary,
    s: &str,
    end: usize,
    departments: bool,
) -> Option<Range<usize>> {
    let base = base_ending_at(vocab, s, end)?;
    let mut start = end - base.len();
    loop {
        let before = &s[..start];
        // X兼Y: another role before 兼.
        if let Some(stem) = before.strip_suffix('兼')
            && let Some(r) = role_ending_at(vocab, stem, stem.len(), departments)
        {
            start = r.start;
            continue;
        }
        // Roles written solid: 取締役 + 常務執行役員.
        if let Some(r) = base_ending_at(vocab, before, start) {
            start -= r.len();
            continue;
        }
        // Qualifiers: 副, 代表, 上級….
        if let Some(p) = vocab
            .role_prefixes
            .iter()
            .find(|p| before.ends_with(p.as_str()))
            && !base.starts_with(p.as_str())
        {
            start -= p.len();
            continue;
        }
        break;
    }
    if departments && DEPARTMENT_ROLES.iter().any(|d| s[start..end].ends_with(d)) {
        let dept: usize = s[..start]
            .chars()
            .rev()
            .take_while(|&c| is_department_char(c))
            .map(char::len_utf8)
            .sum();
        start -= dept;
        // 「こども家庭課長」「子ども家庭部長」: a department may hold a hiragana word, where it
        // starts its cell or line (never a particle after another word: 「当社の営業部長」)
        let hira: usize = s[..start]
            .chars()
            .rev()
            .take_while(|&c| matches!(c, 'ぁ'..='ゖ'))
            .map(char::len_utf8)
            .sum();
        let more: usize = s[..start - hira]
            .chars()
            .rev()
            .take_while(|&c| is_department_char(c))
            .map(char::len_utf8)
            .sum();
        let opens = start - hira - more;
        let bounded = s[..opens]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, ' ' | '\t' | '\n' | '(' | '・' | '|'));
        let particle = PARTICLES.contains(&&s[start - hira..start]);
        if dept > 0 && hira > 0 && bounded && !particle && (more > 0 || hira >= 2 * 3) {
            start = opens;
        }
    }
    Some(start..end)
}

/// Hiragana words that join other words (no part of a department's name).
const PARTICLES: &[&str] = &[
    "の",
    "が",
    "は",
    "を",
    "に",
    "と",
    "で",
    "も",
    "へ",
    "や",
    "から",
    "より",
    "および",
    "ならびに",
];

/// The role that starts at `start` of `s`: 「代表取締役社長」, 「理事兼事務局長」, 「副総長」.
pub(crate) fn role_starting_at(vocab: &Vocabulary, s: &str, start: usize) -> Option<Range<usize>> {
    let mut at = start;
    // Qualifiers first.
    while let Some(p) = vocab
        .role_prefixes
        .iter()
        .find(|p| s[at..].starts_with(p.as_str()))
    {
        // (a qualifier that is a role itself, 「代表」「主任」, stays one)
        if base_starting_at(vocab, s, at).is_some_and(|b| b.len() >= p.len()) {
            break;
        }
        at += p.len();
    }
    let Some(base) = base_starting_at(vocab, s, at) else {
        return letter_spaced_role(vocab, s, start);
    };
    let mut end = at + base.len();
    // Chains: 理事兼事務局長.
    while let Some(rest) = s[end..].strip_prefix('兼') {
        let next = end + (s[end..].len() - rest.len());
        match role_starting_at(vocab, s, next) {
            Some(r) => end = r.end,
            None => break,
        }
    }
    // A longer role written solid after a shorter one: 取締役 + 常務執行役員.
    while let Some(r) = base_starting_at(vocab, s, end) {
        end += r.len();
    }
    Some(start..end)
}

/// A short role written with a space between its characters, as officer lists align
/// them: 「監　事」, 「会　長」, 「理 事 長」. Each character a kanji, one space between.
fn letter_spaced_role(vocab: &Vocabulary, s: &str, start: usize) -> Option<Range<usize>> {
    let mut joined = String::new();
    let mut chars = s.get(start..)?.char_indices();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '\u{4E00}'..='\u{9FFF}') {
            break;
        }
        joined.push(c);
        let end = start + i + c.len_utf8();
        let whole = |r: &str| {
            vocab
                .role_at_start_of(r)
                .is_some_and(|b| b.len() == r.len())
        };
        if whole(&joined) && joined.chars().count() >= 2 {
            // a longer role may go on: 「理 事 長」
            let more = s[end..]
                .strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(|n| {
                    let mut longer = joined.clone();
                    longer.push(n);
                    whole(&longer)
                });
            if !more {
                return (joined.chars().count() <= 4).then_some(start..end);
            }
        }
        match chars.next() {
            Some((_, ' ')) => {}
            _ => break,
        }
    }
    None
}

/// Whether all of `s` is one role (with qualifiers and chains).
pub(crate) fn is_role(vocab: &Vocabulary, s: &str) -> bool {
    s.chars()
        .next_back()
        .is_some_and(|last| vocab.may_end_role(last))
        && role_starting_at(vocab, s, 0).is_some_and(|r| r.end == s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v() -> Vocabulary {
        Vocabulary::default()
    }

    #[test]
    fn roles_at_the_end() {
        let vocab = v();
        for (s, role) in [
            ("LINK-J理事兼事務局長", "理事兼事務局長"),
            ("先端医療振興財団クラスター推進センター統括監", "統括監"),
            ("シンディ・ファン副総長", "副総長"),
            ("アカネ代表取締役社長", "代表取締役社長"),
            ("当社取締役常務執行役員", "取締役常務執行役員"),
        ] {
            let r = role_ending_at(&vocab, s, s.len(), false).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(&s[r], role, "{s}");
        }
        let s = "執行役員経営企画部長";
        assert_eq!(
            &s[role_ending_at(&vocab, s, s.len(), true).unwrap()],
            "執行役員経営企画部長"
        );
    }

    #[test]
    fn roles_at_the_start() {
        let vocab = v();
        for (s, role) in [
            ("理事兼事務局長の曽山", "理事兼事務局長"),
            ("代表取締役社長:ステファン", "代表取締役社長"),
            ("副総長は", "副総長"),
            ("取締役常務執行役員 山田", "取締役常務執行役員"),
        ] {
            let r = role_starting_at(&vocab, s, 0).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(&s[r], role, "{s}");
        }
        for (s, role) in [
            ("監 事  大仏 みさき", "監 事"),
            ("理 事 長 山田", "理 事 長"),
            ("会 長 山田", "会 長"),
        ] {
            let r = role_starting_at(&vocab, s, 0).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(&s[r], role, "{s}");
        }
        assert!(role_starting_at(&vocab, "監 査 法人", 0).is_none());
        assert!(is_role(&vocab, "理事長"));
        assert!(!is_role(&vocab, "理事長代理人"));
    }
}
