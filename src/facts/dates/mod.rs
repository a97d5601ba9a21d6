//! Dates: every 年月日 form, normalized with chrono, with precision and where the year
//! came from; ranges; durations kept apart from calendar dates.
//!
//! The rules (patterns and builders) are in `rules.rs`; this file resolves overlaps,
//! joins ranges, reads the context word after a date, and infers missing years from
//! 同年/本年, an earlier year in the sentence, the nearest year heading, or the release
//! date, in that order.

#[cfg(test)]
mod corpus;
mod rules;

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use regex::Regex;

use crate::model::{
    DateKind, DateMention, DateRange, DateValue, Extraction, Precision, YearSource,
};
use crate::pipeline::{Doc, Found};
pub(crate) use rules::Parsed;
use rules::{
    CONTEXT_WORDS, Caps, DURATION, G, RELATIVE_YEAR, RULES, TIME_AFTER, YEAR_HEADING, guard_ok,
};

/// A date found by a rule, before its year is settled.
#[derive(Debug, Clone)]
struct Candidate {
    /// The date's own text (weekday annotation excluded).
    range: Range<usize>,
    /// Including a weekday annotation.
    full_end: usize,
    parsed: Parsed,
    kind: DateKind,
    year_source: YearSource,
    context: Option<&'static str>,
}

/// Reads one string as a single date, for the release module: 「2018年8月31日」,
/// 「2021-05-11 14:00:00」, 「2024-04-01T10:00:00+09:00」. The date must start the string.
pub(crate) fn parse_one(s: &str) -> Option<(Parsed, Range<usize>)> {
    // Every rule starts with a digit, a kanji numeral, an era or 同/翌/当/前 (a quick test
    // first), and no match is longer than 256 bytes: the rules read only the head of `s`
    // (the guards still see all of it).
    if !s.starts_with(|c: char| {
        c.is_numeric() || "〇一二三四五六七八九十明大昭平令RHS同翌当前".contains(c)
    }) {
        return None;
    }
    let mut cut = s.len().min(256);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let mut best: Option<(Parsed, Range<usize>)> = None;
    for rule in RULES.iter() {
        let Some(all) = rule.anchored.captures(head) else {
            continue;
        };
        let Some(m) = all.get(0) else { continue };
        if !guard_ok(rule.guard, s, m.range()) {
            continue;
        }
        let caps = Caps::new(&all, &rule.slots);
        let Some(parsed) = (rule.build)(&caps) else {
            continue;
        };
        let end = caps.get(G::Wd).map_or(m.end(), |w| w.start());
        if best.as_ref().is_none_or(|(_, r)| end > r.end) {
            best = Some((parsed, 0..end));
        }
    }
    best
}

pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let v = doc.text.v();
    let mut candidates = scan(v);
    relative_months(v, &mut candidates);
    join_ranges(v, &mut candidates);
    for c in candidates.iter_mut() {
        c.context = context_after(v, c.full_end);
    }
    infer_years(doc, found.release_date, &mut candidates);

    let mut range_start: Option<usize> = None;
    for c in &candidates {
        let Some((value, precision)) = value_of(&c.parsed) else {
            continue;
        };
        let m = doc.text.mention(c.range.clone());
        out.dates.push(DateMention {
            text: m.text,
            value,
            precision,
            year_source: c.year_source,
            kind: c.kind,
            part_of_month: c.parsed.part,
            context: c.context.map(str::to_string),
            span: m.span,
        });
        found.dates.push(c.range.clone());
        match c.kind {
            DateKind::RangeStart => range_start = Some(out.dates.len() - 1),
            DateKind::RangeEnd => {
                if let Some(i) = range_start.take() {
                    let start = &out.dates[i];
                    let whole = doc.text.mention(found.dates[i].start..c.range.end);
                    out.date_ranges.push(DateRange {
                        text: whole.text,
                        start: start.value,
                        end: value,
                        span: whole.span,
                    });
                }
            }
            _ => {}
        }
    }
    durations(doc, &candidates, out);
}

/// Whether a place name or a disaster follows: 「令和元年東日本台風」「令和6年能登半島地震」.
fn doc_tokens_proper_after(v: &str, end: usize) -> bool {
    let rest = &v[end..];
    [
        "東日本",
        "西日本",
        "北日本",
        "能登",
        "熊本",
        "台風",
        "豪雨",
        "地震",
        "大雨",
        "大雪",
        "災害",
        "震災",
        "水害",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// All rule matches, overlaps resolved: the longest match wins, then the earlier rule.
fn scan(v: &str) -> Vec<Candidate> {
    let mut all: Vec<(usize, Candidate)> = Vec::new();
    for (order, rule) in RULES.iter().enumerate() {
        for found in rule.regex.captures_iter(v) {
            let Some(m) = found.get(0) else { continue };
            if !guard_ok(rule.guard, v, m.range()) {
                continue;
            }
            let caps = Caps::new(&found, &rule.slots);
            let Some(parsed) = (rule.build)(&caps) else {
                continue;
            };
            // 「2月30日」 is no date, and its 「2月」 is none either.
            if parsed.day.is_none() && DAY_AFTER.is_match(&v[m.end()..]) {
                continue;
            }
            let mut end = caps.get(G::Wd).map_or(m.end(), |w| w.start());
            let mut full_end = m.end();
            let mut parsed = parsed;
            // 「2024年5月28日(火)午前10時」: a time after the day makes a datetime; the text runs to it
            if parsed.day.is_some()
                && parsed.time.is_none()
                && let Some(t) = TIME_AFTER.captures(&v[full_end..])
                && t.name("hours").is_none()
                && let Some(time) = time_of(&t)
            {
                parsed.time = Some(time);
                full_end += t.get(0).map_or(0, |x| x.end());
                end = full_end;
            }
            // 「2027年度末」「2025年上期」「2024年3月期」: the word is part of the date as written
            if caps.get(G::FyEnd).is_some()
                || caps.get(G::FyEnd2).is_some()
                || caps.get(G::Period).is_some()
            {
                end = m.end();
            }
            // 「2026年秋」: a season after a year is part of the date as written (not the 秋 of 秋田)
            if parsed.month.is_none()
                && !parsed.fiscal
                && end == m.end()
                && let Some(season) = v[end..]
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '春' | '夏' | '秋' | '冬'))
                && !v[end + season.len_utf8()..].starts_with(
                    |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{30A1}'..='\u{30FA}'),
                )
            {
                end += season.len_utf8();
                full_end = full_end.max(end);
            }
            // 「決算期 3月」 is a recurring year end, not a date
            // (and 「毎年9月の訓練」 a recurring month)
            let before = v[..m.start()].trim_end_matches([' ', ':', '\t']);
            let line_before = &v[crate::facts::line_start(v, m.start())..m.start()];
            if parsed.year.is_none()
                && (line_before.contains("決算期")
                    || before.ends_with("毎年")
                    || before.ends_with("例年"))
            {
                continue;
            }
            // 「令和元年東日本台風」: an era year naming an event
            if parsed.month.is_none()
                && caps.get(G::Era).is_some()
                && doc_tokens_proper_after(v, m.end())
            {
                continue;
            }
            // 「2000年代」 is a decade
            if parsed.month.is_none() && v[m.end()..].starts_with('代') {
                continue;
            }
            all.push((
                order,
                Candidate {
                    range: m.start()..end,
                    full_end,
                    parsed,
                    kind: DateKind::Date,
                    year_source: if parsed.year.is_some() {
                        YearSource::Stated
                    } else {
                        YearSource::Unknown
                    },
                    context: None,
                },
            ));
        }
    }
    all.sort_by_key(|(order, c)| (c.range.start, std::cmp::Reverse(c.full_end), *order));
    if std::env::var_os("JA_PRESS_DEBUG").is_some() {
        for (order, c) in &all {
            eprintln!(
                "date candidate {:?} by rule {}",
                &v[c.range.clone()],
                RULES[*order].name
            );
        }
    }
    let mut kept: Vec<Candidate> = Vec::new();
    for (_, c) in all {
        if kept
            .last()
            .is_none_or(|last| c.range.start >= last.full_end)
        {
            kept.push(c);
        }
    }
    kept
}

static DAY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?\d{1,2}\s?日").unwrap_or_else(|e| panic!("{e}")));
static RANGE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?(?:~|〜|～|-|–|―|から)\s?$").unwrap_or_else(|e| panic!("{e}"))
});
static BARE_DAY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?(?P<sep>~|〜|～|-|–|から|・|、)\s?(?P<d>\d{1,2})\s?日(?P<wd>\s?\([月火水木金土日祝・]+\))?")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The time a [`TIME_AFTER`] match gives.
fn time_of(c: &regex::Captures) -> Option<chrono::NaiveTime> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    if c.name("noon").is_some() {
        return chrono::NaiveTime::from_hms_opt(12, 0, 0);
    }
    if let (Some(h), Some(m)) = (num("H"), num("M")) {
        return chrono::NaiveTime::from_hms_opt(h, m, 0);
    }
    let mut h = num("h")?;
    if c.name("ampm").is_some_and(|a| a.as_str() == "午後") && h < 12 {
        h += 12;
    }
    let m = if c.name("half").is_some() {
        30
    } else {
        num("mi").unwrap_or(0)
    };
    chrono::NaiveTime::from_hms_opt(h, m, 0)
}

/// Marks pairs joined by 〜 or から as a range, and reads a bare day after a separator
/// (「4月1日から3日まで」) as the end of one.
fn join_ranges(v: &str, candidates: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < candidates.len() {
        let a = candidates[i].clone();
        let gap_end = candidates.get(i + 1).map(|b| b.range.start);
        if let Some(b_start) = gap_end
            && b_start >= a.full_end
            && RANGE_SEPARATOR.is_match(&v[a.full_end..b_start])
            && a.kind == DateKind::Date
        {
            let b = &mut candidates[i + 1];
            // The end inherits what it leaves out: 2018年4月1日〜6月30日.
            if b.parsed.year.is_none() && a.parsed.year.is_some() {
                b.parsed.year = a.parsed.year;
                b.year_source = YearSource::Context;
            }
            if later_or_equal(&a.parsed, &b.parsed) {
                candidates[i].kind = DateKind::RangeStart;
                candidates[i + 1].kind = DateKind::RangeEnd;
                i += 2;
                continue;
            }
        }
        if a.parsed.day.is_some()
            && let Some(caps) = BARE_DAY_END.captures(&v[a.full_end..])
            && let (Some(d), Some(whole)) = (caps.name("d"), caps.get(0))
        {
            let day = d.as_str().parse().ok();
            let end = Parsed {
                day,
                time: None,
                ..a.parsed
            };
            // 「5日(火)・6日(水)」 lists days; 「1日から3日」 is a range.
            let listed = caps
                .name("sep")
                .is_some_and(|s| matches!(s.as_str(), "・" | "、"));
            if end.is_valid() && later_or_equal(&a.parsed, &end) {
                let text_end = a.full_end + caps.name("wd").map_or(whole.end(), |w| w.start());
                if !listed {
                    candidates[i].kind = DateKind::RangeStart;
                }
                candidates.insert(
                    i + 1,
                    Candidate {
                        range: a.full_end + d.start()..text_end,
                        full_end: a.full_end + whole.end(),
                        parsed: end,
                        kind: if listed {
                            DateKind::Date
                        } else {
                            DateKind::RangeEnd
                        },
                        year_source: if a.parsed.year.is_some() {
                            YearSource::Context
                        } else {
                            YearSource::Unknown
                        },
                        context: None,
                    },
                );
                i += 2;
                continue;
            }
        }
        i += 1;
    }
}

/// 「同月28日」「翌月3日」: the month, and the year where it is known, of the latest earlier
/// date that has a month, shifted as the word says. With no such date it is no date.
fn relative_months(v: &str, candidates: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < candidates.len() {
        let c = &candidates[i];
        let shift = if c.parsed.month.is_none() && c.parsed.day.is_some() {
            v.get(c.range.start..).and_then(rules::relative_month_shift)
        } else {
            None
        };
        let Some(shift) = shift else {
            i += 1;
            continue;
        };
        let base = candidates[..i]
            .iter()
            .rev()
            .find(|p| p.parsed.month.is_some())
            .map(|p| (p.parsed.year, p.parsed.month));
        let Some((year, Some(month))) = base else {
            candidates.remove(i);
            continue;
        };
        let index = i64::from(month) - 1 + i64::from(shift);
        let mut p = candidates[i].parsed;
        p.month = u32::try_from(index.rem_euclid(12) + 1).ok();
        p.year = year.map(|y| y + i32::try_from(index.div_euclid(12)).unwrap_or(0));
        if p.is_valid() {
            candidates[i].parsed = p;
            candidates[i].year_source = if p.year.is_some() {
                YearSource::Context
            } else {
                YearSource::Unknown
            };
            i += 1;
        } else {
            candidates.remove(i);
        }
    }
}

/// Whether `b` can end a range that `a` starts (both stating a year, or `b` taking `a`'s).
fn later_or_equal(a: &Parsed, b: &Parsed) -> bool {
    let key = |p: &Parsed| {
        (
            p.year.unwrap_or(0),
            p.month.unwrap_or(0),
            p.day.unwrap_or(0),
        )
    };
    b.month.is_none() && b.year.is_none() || key(b) >= key(a)
}

fn context_after(v: &str, end: usize) -> Option<&'static str> {
    let rest = v[end..].trim_start_matches(' ');
    CONTEXT_WORDS.iter().copied().find(|w| rest.starts_with(w))
}

/// Settles the year of each candidate that does not state one.
fn infer_years(doc: &Doc<'_>, release: Option<NaiveDate>, candidates: &mut [Candidate]) {
    let text = doc.text;
    let v = text.v();
    // Year headings: lines that hold only a year (timeline pages).
    let headings: Vec<(usize, i32)> = text
        .lines
        .iter()
        .filter(|l| !l.boilerplate)
        .filter_map(|l| {
            let line = &v[l.trimmed.clone()];
            let caps = YEAR_HEADING.captures(line)?;
            let (p, _) = parse_one(line.trim())?;
            caps.get(0)?;
            Some((l.trimmed.start, p.year?))
        })
        .collect();
    let release_year = release.map(|d| d.year());
    for i in 0..candidates.len() {
        if candidates[i].parsed.year.is_some() {
            continue;
        }
        let start = candidates[i].range.start;
        let line_start = crate::facts::line_start(v, start);
        let before = &v[line_start..start];
        let last_stated = candidates[..i].iter().rev().find_map(|c| c.parsed.year);
        let (year, source) =
            if let Some(rel) = RELATIVE_YEAR.captures(before).and_then(|c| c.get(1)) {
                // 同年, 翌年, 前年 follow the year just written; 本年, 昨年, 来年 the release's
                let base = match rel.as_str() {
                    "同年" | "当年" | "翌" | "同" | "翌年" | "前年" => {
                        last_stated.or(release_year)
                    }
                    _ => release_year.or(last_stated),
                };
                let shift = match rel.as_str() {
                    "翌年" | "来年" => 1,
                    "前年" | "昨年" => -1,
                    _ => 0,
                };
                (base.map(|y| y + shift), YearSource::Context)
            } else if let Some(y) = same_sentence_year(
                text,
                &candidates[..i],
                start,
                &candidates[i].parsed,
                release,
            ) {
                (Some(y), YearSource::Context)
            } else if let Some(&(_, y)) = headings.iter().rev().find(|(at, _)| *at <= start) {
                (Some(y), YearSource::Heading)
            } else if let Some(release) = release {
                (
                    Some(year_nearest(release, &candidates[i].parsed)),
                    YearSource::ReleaseDate,
                )
            } else {
                (None, YearSource::Unknown)
            };
        if let Some(y) = year {
            let mut p = candidates[i].parsed;
            p.year = Some(y);
            if p.is_valid() {
                candidates[i].parsed = p;
                candidates[i].year_source = source;
                // 「同年4月」「昨年11月」: the relative year is written as part of the date
                if let Some(rel) = RELATIVE_YEAR.captures(before).and_then(|c| c.get(1))
                    && rel.as_str().ends_with('年')
                    && before.ends_with(rel.as_str())
                {
                    candidates[i].range.start -= rel.as_str().len();
                }
            }
        }
    }
}

/// The year of the latest earlier date in the same sentence that states one.
fn same_sentence_year(
    text: &crate::input::Text<'_>,
    earlier: &[Candidate],
    at: usize,
    p: &Parsed,
    release: Option<NaiveDate>,
) -> Option<i32> {
    let sentence = text.sentence_of(at)?;
    let stated = earlier
        .iter()
        .rev()
        .take_while(|c| c.range.start >= sentence.start)
        .find(|c| c.year_source == YearSource::Stated)?;
    let year = stated.parsed.year?;
    // 「令和8年1月の担当表は、12月下旬に掲載」 in a release of 10 December 2025: a later month
    // than the stated one's is the December before it, where that is the release's season
    // and the stated year's is most of a year away
    if let (Some(release), Some(m), Some(sm)) = (release, p.month, stated.parsed.month)
        && m > sm
    {
        let day = p.day.unwrap_or(15).min(28);
        let distance = |y: i32| {
            NaiveDate::from_ymd_opt(y, m, day).map_or(i64::MAX, |d| (d - release).num_days().abs())
        };
        if distance(year) > 270 && distance(year - 1) <= 92 {
            return Some(year - 1);
        }
    }
    Some(year)
}

/// The year of a date written without one: the release's, unless that puts it most of a
/// year away while the next or the last year puts it within a season of the release (a
/// December release's 「1月6日」 is next January's; a January one's 「12月」 last December's).
fn year_nearest(release: NaiveDate, p: &Parsed) -> i32 {
    let y = release.year();
    let Some(month) = p.month else { return y };
    let day = p.day.unwrap_or(15).min(28);
    let distance = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day)
            .map_or(i64::MAX, |d| (d - release).num_days().abs())
    };
    if distance(y) <= 270 {
        return y;
    }
    [y + 1, y - 1]
        .into_iter()
        .find(|&other| distance(other) <= 92)
        .unwrap_or(y)
}

/// The value and precision of a settled date.
pub(crate) fn value_of(p: &Parsed) -> Option<(DateValue, Precision)> {
    Some(match (p.year, p.month, p.day) {
        (Some(y), Some(m), Some(d)) => {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            match p.time {
                Some(t) => (
                    DateValue::DateTime(NaiveDateTime::new(date, t)),
                    Precision::Datetime,
                ),
                None => (DateValue::Date(date), Precision::Day),
            }
        }
        (None, Some(m), Some(d)) => (DateValue::MonthDay { month: m, day: d }, Precision::Day),
        (Some(y), Some(m), None) => (DateValue::YearMonth { year: y, month: m }, Precision::Month),
        (None, Some(m), None) => (DateValue::Month(m), Precision::Month),
        (Some(y), None, None) if p.fiscal => (DateValue::Year(y), Precision::FiscalYear),
        (Some(y), None, None) => (DateValue::Year(y), Precision::Year),
        _ => return None,
    })
}

/// Durations and relative expressions, where no calendar date was read.
fn durations(doc: &Doc<'_>, dates: &[Candidate], out: &mut Extraction) {
    let v = doc.text.v();
    for caps in DURATION.captures_iter(v) {
        let Some(m) = caps.get(0) else { continue };
        let mut range = m.range();
        if v[..range.start].ends_with(|c: char| c.is_ascii_digit())
            || dates
                .iter()
                .any(|d| d.range.start < range.end && range.start < d.full_end)
        {
            continue;
        }
        let post = caps.name("post").map(|p| p.as_str());
        let pre = caps.name("pre").map(|p| p.as_str());
        let (mut years, mut months, mut days) = (0u32, 0u32, 0u32);
        if caps.name("half").is_some() {
            months = 6;
        } else {
            let Some(n) = caps
                .name("n")
                .and_then(|n| crate::facts::numerals::parse(n.as_str()))
            else {
                continue;
            };
            let Ok(n) = u32::try_from(n) else { continue };
            match caps.name("u").map_or("", |u| u.as_str()) {
                "年" => {
                    // 「5年」 alone is as often a year count or an ordinal: only with 前/後/ぶり….
                    if post.is_none()
                        && !matches!(
                            pre,
                            Some("約" | "今後" | "過去" | "ここ" | "この" | "向こう")
                        )
                    {
                        continue;
                    }
                    years = n;
                }
                "年間" => years = n,
                "年半" => {
                    years = n;
                    months = 6;
                }
                "週間" => days = 7 * n,
                "日間" => days = n,
                _ => months = n,
            }
        }
        // 「にわたり」 and the like are context, not part of the duration.
        if let Some(p) = caps.name("post")
            && matches!(p.as_str(), "にわたり" | "にわたって")
        {
            range.end = p.start();
        }
        let mention = doc.text.mention(range);
        out.durations.push(DateMention {
            text: mention.text,
            value: DateValue::Duration {
                years,
                months,
                days,
            },
            precision: if days > 0 {
                Precision::Day
            } else if months > 0 {
                Precision::Month
            } else {
                Precision::Year
            },
            year_source: YearSource::Unknown,
            kind: DateKind::Duration,
            part_of_month: None,
            context: post.or(pre).map(str::to_string),
            span: mention.span,
        });
    }
}
