//! Counts and ordinals (9団体, 約3,500名, 10例目, 第2回), and the numbers that are not
//! counts but are worth keeping apart: money, percentages, lengths and areas.
//!
//! The rules (patterns and builders) and the word lists are in `rules.rs`, the counters
//! in `vocab.toml` (`count_units`, `count_scopes`). This file resolves overlapping
//! matches, reads what is written around each one (a leading 約 kept in the text;
//! のべ/計/全 before and 以上/超/を超える after as the qualifier; a scope such as
//! 国内外; what is counted), and links counts to each other: 海外6団体を含む10団体
//! (part and whole), 7から73社・団体へ (the value it changed from).
//!
//! A number inside a date (already found by the dates module), a code, a name or a
//! short quoted label (「5者連携」) is no count; a number without a counter
//! (「190を超えました」) is none either.

#[cfg(test)]
mod corpus;
mod rules;

use crate::tokens::Pos;
use std::ops::Range;

use crate::model::{Amount, Count, CountKind, Extraction, Qualifier};
use crate::pipeline::{Doc, Found};
use rules::{
    ABOUT_PREFIXES, CHANGED_TO_NEXT, COUNTED_HEADS, Ctx, FROM_BARE, Hit, INCLUDED_IN_NEXT,
    NEXT_IS_PART, NOT_SUBJECT_ENDS, OUTER_PREFIXES, REACHED, RULES, SUBJECT_AFTER, SUBJECT_HEADS,
    SUFFIXES, Value, is_han, is_katakana,
};

/// A match with what was read around it.
#[derive(Debug, Clone)]
struct Item {
    hit: Hit,
    /// The text: the match, with a leading 約.
    text: Range<usize>,
    /// Where the words before the text that belong to it (のべ, 国内外) start.
    lead: usize,
    /// Where the words after the text that belong to it (以上, を超える) end.
    tail: usize,
    /// The suffix read after the text, if any.
    suffix: Option<&'static str>,
    qualifier: Option<Qualifier>,
    scope: Option<String>,
    subject: Option<String>,
    from: Option<i64>,
    includes: Option<i64>,
    part_of: Option<i64>,
}

/// Longest a scope or subject may be, in chars.
const MAX_SUBJECT: usize = 20;

pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let ctx = Ctx {
        v: doc.text.v(),
        vocab: doc.vocab,
        tokens: doc.tokens,
        dates: &found.dates,
    };
    let mut items: Vec<Item> = scan(&ctx)
        .into_iter()
        .map(|hit| read_around(&ctx, hit))
        .collect();
    link(&ctx, &mut items);
    for item in items {
        let mention = doc.text.mention(item.text.clone());
        match item.hit.value {
            Value::Count { value, kind } => {
                out.counts.push(Count {
                    text: mention.text,
                    value,
                    unit: item.hit.unit,
                    kind,
                    qualifier: item.qualifier,
                    scope: item.scope,
                    subject: item.subject,
                    from: item.from,
                    includes: item.includes,
                    part_of: item.part_of,
                    span: mention.span,
                });
                found.counts.push(item.text);
            }
            Value::Amount { value, kind } => out.amounts.push(Amount {
                text: mention.text,
                value,
                unit: item.hit.unit,
                kind,
                qualifier: item.qualifier,
                span: mention.span,
            }),
        }
    }
}

/// A rule's match: the whole match and its number's range.
type MatchRanges = (Range<usize>, Range<usize>);

/// All rule matches in text order, overlaps resolved: the earliest start wins, then
/// the longest match, then the earlier rule (第2回 over 2回).
fn scan(ctx: &Ctx<'_>) -> Vec<Hit> {
    let mut all: Vec<(usize, Hit)> = Vec::new();
    // (rules with the same pattern read the same matches: the text is searched once)
    let mut searched: Vec<(&str, Vec<MatchRanges>)> = Vec::new();
    for (order, rule) in RULES.iter().enumerate() {
        let pattern = rule.regex.as_str();
        let i = match searched.iter().position(|(p, _)| *p == pattern) {
            Some(i) => i,
            None => {
                searched.push((pattern, rule.matches(ctx.v)));
                searched.len() - 1
            }
        };
        for (whole, n) in &searched[i].1 {
            if let Some(hit) = (rule.build)(ctx, whole.clone(), n.clone()) {
                all.push((order, hit));
            }
        }
    }
    all.sort_by_key(|(order, h)| (h.range.start, std::cmp::Reverse(h.range.end), *order));
    let mut kept: Vec<Hit> = Vec::new();
    for (_, hit) in all {
        if kept
            .last()
            .is_none_or(|last| hit.range.start >= last.range.end)
        {
            kept.push(hit);
        }
    }
    kept
}

/// The start of the first of `words` that the text before `at` (from `floor`) ends
/// with, one space allowed between, where a word begins (契約 holds no 約).
fn word_before<'w>(
    ctx: &Ctx<'_>,
    floor: usize,
    at: usize,
    words: impl IntoIterator<Item = &'w str>,
) -> Option<(usize, &'w str)> {
    let before = &ctx.v[floor..at];
    let before = before.strip_suffix(' ').unwrap_or(before);
    words.into_iter().find_map(|w| {
        let start = floor + before.strip_suffix(w)?.len();
        (!ctx.inside_token(start)).then_some((start, w))
    })
}

/// Reads the qualifiers, scope and subject around a match.
fn read_around(ctx: &Ctx<'_>, hit: Hit) -> Item {
    let v = ctx.v;
    let floor = crate::facts::line_start(v, hit.range.start);
    let (is_count, ordinal) = match hit.value {
        Value::Count { kind, .. } => (true, kind == CountKind::Ordinal),
        Value::Amount { .. } => (false, false),
    };
    let mut item = Item {
        text: hit.range.clone(),
        lead: hit.range.start,
        tail: hit.range.end,
        hit,
        suffix: None,
        qualifier: None,
        scope: None,
        subject: None,
        from: None,
        includes: None,
        part_of: None,
    };
    if ordinal {
        item.subject = subject_before(ctx, floor, item.lead)
            .map(|(run, _)| run)
            .or_else(|| subject_after(ctx, item.tail, false));
        return item;
    }
    // 約 belongs to the text; のべ, 計, 全 and a scope come before it.
    let mut about = false;
    if let Some((start, _)) =
        word_before(ctx, floor, item.text.start, ABOUT_PREFIXES.iter().copied())
    {
        item.text.start = start;
        item.lead = start;
        about = true;
    }
    let mut outer = None;
    for _ in 0..2 {
        if outer.is_none()
            && let Some((start, w)) = word_before(
                ctx,
                floor,
                item.lead,
                OUTER_PREFIXES.iter().map(|(w, _)| *w),
            )
        {
            outer = OUTER_PREFIXES
                .iter()
                .find(|(p, _)| *p == w)
                .map(|(_, q)| *q);
            item.lead = start;
        }
        if is_count
            && item.scope.is_none()
            && let Some((start, w)) = word_before(
                ctx,
                floor,
                item.lead,
                ctx.vocab.count_scopes.iter().map(String::as_str),
            )
        {
            item.scope = Some(w.to_string());
            item.lead = start;
        }
    }
    // 以上, 超, を超える after it.
    let after = &v[item.text.end..];
    let suffix = SUFFIXES.iter().find(|(w, _)| {
        let Some(rest) = after.strip_prefix(w) else {
            return false;
        };
        let end = item.text.end + w.len();
        match *w {
            "まで" => !REACHED.iter().any(|r| rest.starts_with(r)),
            // single kanji that may start a word: 強化, 超音波
            "超" | "余" | "強" | "弱" => !rest.starts_with(is_han) || !ctx.inside_token(end),
            _ => true,
        }
    });
    if let Some((w, q)) = suffix {
        item.tail = item.text.end + w.len();
        item.suffix = Some(w);
        item.qualifier = Some(match (*q, outer) {
            (Qualifier::Over, Some(Qualifier::AtLeast)) if *w == "以上" => Qualifier::AtLeast,
            (q, _) => q,
        });
    } else {
        item.qualifier = outer.or(about.then_some(Qualifier::About));
    }
    if is_count {
        let relative = item
            .suffix
            .is_some_and(|s| s.ends_with('る') || s.ends_with('す'));
        match subject_before(ctx, floor, item.lead) {
            // 国内主要ライフサイエンスクラスター4団体: a scope opens the subject
            Some((run, false)) if item.scope.is_none() => {
                let scope = ctx
                    .vocab
                    .count_scopes
                    .iter()
                    .find(|s| run.starts_with(s.as_str()) && run.len() > s.len());
                match scope {
                    Some(s) => {
                        item.subject = Some(run[s.len()..].trim_start_matches('・').to_string());
                        item.scope = Some(s.clone());
                    }
                    None => item.subject = Some(run),
                }
            }
            Some((run, _)) => item.subject = Some(run),
            None => item.subject = subject_after(ctx, item.tail, relative),
        }
        item.from = from_bare(ctx, floor, item.lead);
    }
    item
}

/// Chars a subject (or scope) may be written with: kanji, katakana, Latin letters.
fn subject_char(c: char) -> bool {
    is_han(c) || is_katakana(c) || c.is_ascii_alphabetic()
}

/// What is counted, written before the count: 加盟パートナー数は73社・団体,
/// 入居企業など22社, 主要ライフサイエンスクラスター4団体; and whether it is a topic
/// (joined by は, が, も, :) rather than written against the number.
fn subject_before(ctx: &Ctx<'_>, floor: usize, at: usize) -> Option<(String, bool)> {
    let before = ctx.v[floor..at].trim_end_matches([' ', '\t']);
    let (rest, topic) = ["など", "等"]
        .iter()
        .find_map(|c| before.strip_suffix(c).map(|r| (r, false)))
        .or_else(|| {
            ["は", "が", "も", ":"]
                .iter()
                .find_map(|c| before.strip_suffix(c).map(|r| (r, true)))
        })
        .unwrap_or((before, false));
    let run_start = rest
        .char_indices()
        .rev()
        .take_while(|&(_, c)| subject_char(c))
        .last()
        .map_or(rest.len(), |(i, _)| i);
    let run = rest[run_start..].trim_matches('・');
    if run.is_empty() || run.chars().count() > MAX_SUBJECT {
        return None;
    }
    // 2名1組: the run is the counter of a number before it; お一人様1回: a count itself
    let glued = rest[..run_start].ends_with(|c: char| c.is_ascii_digit());
    if glued || run.starts_with(|c: char| "〇一二三四五六七八九十百千".contains(c)) {
        return None;
    }
    let vocab = ctx.vocab;
    if vocab.is_self_reference(run) || vocab.count_scopes.iter().any(|s| s == run) {
        return None;
    }
    if topic {
        // 当社は100カ国: a topic is what is counted only when it names a number or a group
        SUBJECT_HEADS
            .iter()
            .any(|h| run.ends_with(h))
            .then(|| (run.to_string(), true))
    } else {
        (!NOT_SUBJECT_ENDS.iter().any(|e| run.ends_with(e))).then(|| (run.to_string(), false))
    }
}

/// What is counted, written after the count: 14名のノーベル賞受賞者, 9団体となった連携先,
/// 344社を超える医療関連企業・団体. `relative` when the suffix read already links them.
fn subject_after(ctx: &Ctx<'_>, at: usize, relative: bool) -> Option<String> {
    let after = &ctx.v[at..];
    let rest = match SUBJECT_AFTER.iter().find_map(|c| after.strip_prefix(c)) {
        Some(rest) => rest,
        None if relative => after,
        None => return None,
    };
    let start = at + (after.len() - rest.len());
    let len: usize = rest
        .chars()
        .take_while(|&c| subject_char(c))
        .map(char::len_utf8)
        .sum();
    let run = rest[..len].trim_matches('・');
    if run.is_empty() || run.chars().count() > MAX_SUBJECT || ctx.inside_token(start) {
        return None;
    }
    // 9,000人の接種を実施: a verbal noun is what was done, not what is counted
    let last = ctx.token_ending_at(start + len)?;
    if last.is(Pos::SahenNoun) || last.is(Pos::AdverbialNoun) || last.is(Pos::Number) {
        return None;
    }
    COUNTED_HEADS
        .iter()
        .any(|h| run.ends_with(h))
        .then(|| run.to_string())
}

/// A bare number the count changed from: 発足当初の7から73社・団体へ.
fn from_bare(ctx: &Ctx<'_>, floor: usize, at: usize) -> Option<i64> {
    let before = &ctx.v[floor..at];
    let caps = FROM_BARE.captures(before)?;
    let n = caps.name("n")?;
    let start = floor + n.start();
    let prev = ctx.v[..start].chars().next_back();
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '/' | '-'))
        || ctx.inside_token(start)
        || ctx
            .dates
            .iter()
            .any(|d| d.start < start + n.len() && start < d.end)
    {
        return None;
    }
    crate::facts::numerals::parse(n.as_str())
}

/// Links neighbouring cardinals: part and whole (海外6団体を含む10団体, 10団体(うち海外
/// 6団体)) and a change (7社から73社へ).
fn link(ctx: &Ctx<'_>, items: &mut [Item]) {
    for i in 1..items.len() {
        let (a, b) = (&items[i - 1], &items[i]);
        let (
            Value::Count {
                value: x,
                kind: CountKind::Cardinal,
            },
            Value::Count {
                value: y,
                kind: CountKind::Cardinal,
            },
        ) = (a.hit.value, b.hit.value)
        else {
            continue;
        };
        if a.tail > b.lead {
            continue;
        }
        let gap = &ctx.v[a.tail..b.lead];
        if INCLUDED_IN_NEXT.is_match(gap) && x < y {
            items[i - 1].part_of = Some(y);
            items[i].includes = Some(x);
        } else if NEXT_IS_PART.is_match(gap) && y < x {
            items[i - 1].includes = Some(y);
            items[i].part_of = Some(x);
        } else if CHANGED_TO_NEXT.is_match(gap) && a.hit.unit == b.hit.unit {
            items[i].from = Some(x);
        }
    }
}
