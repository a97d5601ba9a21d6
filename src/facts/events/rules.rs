//! The timeline and series rules: what a category line, a note line and a series
//! line look like, and how a run of digits is split into a series' values.
//! Patterns see the normalized (NFKC-folded) text, so digits and brackets are ASCII.

use std::sync::LazyLock;

use regex::Regex;

/// The most description lines an entry takes: a description, and a note or two
/// (「※…」, 「(その後…中断)」). More than this is no longer the entry's.
pub(crate) const MAX_DESCRIPTION_LINES: usize = 4;

/// The timeline category a line consists of, if it is nothing but one of `categories`
/// (the vocabulary's `timeline_categories`), bare or in one pair of brackets:
/// 「連携」, 「【イベント】」, 「[施設]」. Returns the vocabulary's spelling.
pub(crate) fn category_of<'v>(line: &str, categories: &'v [String]) -> Option<&'v str> {
    let line = line.trim();
    let inner = [
        ('【', '】'),
        ('[', ']'),
        ('〔', '〕'),
        ('<', '>'),
        ('〈', '〉'),
        ('《', '》'),
    ]
    .iter()
    .find_map(|&(open, close)| line.strip_prefix(open).and_then(|l| l.strip_suffix(close)))
    .map_or(line, str::trim);
    categories
        .iter()
        .find(|c| !c.is_empty() && c.as_str() == inner)
        .map(String::as_str)
}

/// A line that annotates the line above it rather than starting something new:
/// 「※信託受益権:…」, 「(その後台風被害…により中断)」, 「注:…」, 「*…」.
pub(crate) fn is_note(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with('※')
        || line.starts_with('*')
        || line.starts_with("注:")
        || line.starts_with("注)")
        || (line.starts_with('(') && line.trim_end().ends_with(')'))
}

/// A series line: a name and then its values, 「Tenants202639…115」 or
/// 「Members 8 19 32」 or 「会員数: 1,020 1,200」.
static SERIES_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>[^0-9]*[^0-9\s:])\s*:?\s*(?P<values>[0-9][0-9,\s]*)$")
        .unwrap_or_else(|e| panic!("series line: {e}"))
});

/// A number with thousands separators: 1,020.
static THOUSANDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{1,3}(?:,[0-9]{3})+$").unwrap_or_else(|e| panic!("thousands: {e}"))
});

/// Reads a series line under a row of `labels` labels: its name, and its values when
/// they fit the labels (`values.len() <= labels`: fewer belong to the last labels).
/// `None` when the line is no series line; `Some((name, None))` when its values do not
/// fit, so the series is dropped.
pub(crate) fn series_line(line: &str, labels: usize) -> Option<(&str, Option<Vec<i64>>)> {
    let caps = SERIES_LINE.captures(line.trim())?;
    let name = caps.name("name")?.as_str().trim();
    let raw = caps.name("values")?.as_str().trim();
    if name.chars().count() > 40 || !name.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((
        name,
        values(raw, labels).filter(|v| !v.is_empty() && v.len() <= labels),
    ))
}

/// The values of a series line: separated by spaces or commas, or run together.
fn values(raw: &str, labels: usize) -> Option<Vec<i64>> {
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    if let [token] = tokens.as_slice()
        && token.bytes().all(|b| b.is_ascii_digit())
        && labels > 1
    {
        return split_run(token, labels);
    }
    let mut values = Vec::new();
    for token in tokens {
        if THOUSANDS.is_match(token) {
            values.push(token.replace(',', "").parse().ok()?);
        } else {
            for part in token.split(',').filter(|p| !p.is_empty()) {
                values.push(part.parse().ok()?);
            }
        }
    }
    Some(values)
}

/// The largest label count [`split_run`] works for; longer rows are not charts.
const MAX_LABELS: usize = 100;
/// What each value left out costs, against the series' log variation (see [`split_run`]).
const MISSING_VALUE_COST: f64 = 0.5;
/// Costs closer than this are a tie.
const TIE: f64 = 1e-9;

/// Splits a run of digits written together (「202639616972…」) into the values of a
/// series with `labels` labels, or `None` when no split is consistent or two are equally good.
///
/// The rule, a small exhaustive search done by dynamic programming:
/// - every value has 1 to 3 digits and no leading zero (「0」 alone is a value);
/// - there are at most `labels` values; fewer means the series started later, so the
///   caller aligns them to the last labels;
/// - the series is non-decreasing-ish: no step falls by more than a fifth
///   (102 → 100 is fine, 93 → 10 is not); a split that breaks this is not considered;
/// - of the splits left, the one with the least cost wins, where cost is the total
///   variation of `ln(1 + value)` along the series (a smooth series costs little:
///   20, 26, 39 … beats 202, 63, 9 …) plus [`MISSING_VALUE_COST`] per label left without
///   a value (so 12, 19, 27 beats 1, 2, 19, 27, but a full row is not forced);
/// - no consistent split, or two splits of the same least cost: the series is dropped.
///
/// Tenants 「202639616972828993102100111115」 over 13 labels gives 20, 26, 39, 61, 69,
/// 72, 82, 89, 93, 102, 100, 111, 115; Members 「8193237354753585765」 over the same 13
/// gives 8, 19, 32, 37, 35, 47, 53, 58, 57, 65 (the last 10 labels).
pub(crate) fn split_run(digits: &str, labels: usize) -> Option<Vec<i64>> {
    let d = digits.as_bytes();
    let n = d.len();
    if n == 0
        || labels == 0
        || labels > MAX_LABELS
        || !d.iter().all(u8::is_ascii_digit)
        || n > 3 * labels
    {
        return None;
    }
    let kmax = labels.min(n);
    // The value of d[end - len..end], if it may be one.
    let value = |end: usize, len: usize| -> Option<i64> {
        let start = end.checked_sub(len)?;
        let s = d.get(start..end)?;
        if len > 1 && s[0] == b'0' {
            return None;
        }
        std::str::from_utf8(s).ok()?.parse().ok()
    };
    // best[pos][count][len - 1]: the least cost of splitting d[..pos] into `count`
    // values whose last has `len` digits; how many splits reach it (capped at 2); and
    // the last-but-one value's length, to walk back.
    #[derive(Clone, Copy)]
    struct Cell {
        cost: f64,
        ways: u8,
        prev_len: usize,
    }
    let mut best: Vec<Vec<[Option<Cell>; 3]>> = vec![vec![[None; 3]; kmax + 1]; n + 1];
    for len in 1..=3.min(n) {
        if value(len, len).is_some() {
            best[len][1][len - 1] = Some(Cell {
                cost: 0.0,
                ways: 1,
                prev_len: 0,
            });
        }
    }
    for pos in 1..=n {
        for count in 2..=kmax {
            for len in 1..=3usize {
                let Some(cur) = value(pos, len) else { continue };
                let from = pos - len;
                let mut cell: Option<Cell> = None;
                for prev_len in 1..=3usize {
                    let Some(prev_cell) = best[from].get(count - 1).and_then(|c| c[prev_len - 1])
                    else {
                        continue;
                    };
                    let Some(prev) = value(from, prev_len) else {
                        continue;
                    };
                    // non-decreasing-ish: cur >= 0.8 * prev
                    if 5 * cur < 4 * prev {
                        continue;
                    }
                    let cost = prev_cell.cost + (ln1p(cur) - ln1p(prev)).abs();
                    cell = Some(match cell {
                        None => Cell {
                            cost,
                            ways: prev_cell.ways,
                            prev_len,
                        },
                        Some(c) if cost < c.cost - TIE => Cell {
                            cost,
                            ways: prev_cell.ways,
                            prev_len,
                        },
                        Some(c) if cost <= c.cost + TIE => Cell {
                            ways: c.ways.saturating_add(prev_cell.ways).min(2),
                            ..c
                        },
                        Some(c) => c,
                    });
                }
                best[pos][count][len - 1] = cell;
            }
        }
    }
    // The best end over all counts.
    let mut end: Option<(f64, u8, usize, usize)> = None; // cost, ways, count, len
    for (count, cells) in best[n].iter().enumerate().skip(1) {
        for (len, c) in (1..=3usize).zip(cells) {
            let Some(c) = *c else { continue };
            let missing = labels - count;
            let cost = c.cost + MISSING_VALUE_COST * missing as f64;
            end = Some(match end {
                None => (cost, c.ways, count, len),
                Some(e) if cost < e.0 - TIE => (cost, c.ways, count, len),
                Some(e) if cost <= e.0 + TIE => (e.0, e.1.saturating_add(c.ways).min(2), e.2, e.3),
                Some(e) => e,
            });
        }
    }
    let (_, ways, mut count, mut len) = end?;
    if ways != 1 {
        return None;
    }
    let mut values = Vec::with_capacity(count);
    let mut pos = n;
    while count > 0 {
        values.push(value(pos, len)?);
        let cell = (*best.get(pos)?.get(count)?.get(len.checked_sub(1)?)?)?;
        pos -= len;
        count -= 1;
        len = cell.prev_len;
    }
    values.reverse();
    Some(values)
}

fn ln1p(v: i64) -> f64 {
    (v as f64).ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_runs() {
        let tenants = split_run("202639616972828993102100111115", 13);
        assert_eq!(
            tenants,
            Some(vec![20, 26, 39, 61, 69, 72, 82, 89, 93, 102, 100, 111, 115])
        );
        let members = split_run("8193237354753585765", 13);
        assert_eq!(members, Some(vec![8, 19, 32, 37, 35, 47, 53, 58, 57, 65]));
        assert_eq!(
            split_run("1219273338465461687683", 11),
            Some(vec![12, 19, 27, 33, 38, 46, 54, 61, 68, 76, 83])
        );
        assert_eq!(
            split_run("51016212734404755", 11),
            Some(vec![5, 10, 16, 21, 27, 34, 40, 47, 55])
        );
        assert_eq!(split_run("121927", 5), Some(vec![12, 19, 27]));
        assert_eq!(split_run("12591420", 8), Some(vec![1, 2, 5, 9, 14, 20]));
        assert_eq!(split_run("100110120", 3), Some(vec![100, 110, 120]));
        assert_eq!(split_run("1234", 4), Some(vec![1, 2, 3, 4]));
        assert_eq!(split_run("0010", 4), Some(vec![0, 0, 10]));
    }

    #[test]
    fn drops_what_cannot_be_split() {
        // too many digits for 3 labels of at most 3 digits
        assert_eq!(split_run("1234567890", 3), None);
        // every split falls steeply somewhere, or has a leading zero
        assert_eq!(split_run("9000", 2), None);
        assert_eq!(split_run("5000", 3), None);
        assert_eq!(split_run("", 3), None);
        assert_eq!(split_run("12", 0), None);
        assert_eq!(split_run("12a", 3), None);
    }

    #[test]
    fn series_lines() {
        assert_eq!(
            series_line("Tenants 1 2 3", 3),
            Some(("Tenants", Some(vec![1, 2, 3])))
        );
        assert_eq!(
            series_line("会員数: 1,020 1,200", 2),
            Some(("会員数", Some(vec![1020, 1200])))
        );
        assert_eq!(series_line("Members 1 2 3 4", 3), Some(("Members", None)));
        assert_eq!(series_line("Members9000", 2), Some(("Members", None)));
        assert_eq!(series_line("2018/04", 3), None);
        assert_eq!(series_line("・ 12", 3), None);
    }

    #[test]
    fn categories_and_notes() {
        let cats = vec!["連携".to_string(), "イベント".to_string()];
        assert_eq!(category_of("連携", &cats), Some("連携"));
        assert_eq!(category_of(" 【イベント】 ", &cats), Some("イベント"));
        assert_eq!(category_of("連携協定", &cats), None);
        assert!(is_note(
            "※信託受益権:資産から発生する経済的利益を受け取る権利のこと。"
        ));
        assert!(is_note("(その後台風被害およびコロナ禍により中断)"));
        assert!(!is_note("(株)アカネが参加"));
    }
}
