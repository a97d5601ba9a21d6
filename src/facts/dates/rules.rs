//! The date rules: each a name, a pattern over the normalized text, and a function
//! that reads the captures. Patterns see NFKC-folded text, so digits are ASCII.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::{Captures, Regex};

use crate::facts::numerals;
use crate::model::MonthPart;

/// What a rule read: the parts a date states, before any year is inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Parsed {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub time: Option<NaiveTime>,
    /// 年度.
    pub fiscal: bool,
    pub part: Option<MonthPart>,
}

impl Parsed {
    /// Whether the stated parts make a real calendar date (31 April does not).
    pub fn is_valid(&self) -> bool {
        if let Some(m) = self.month
            && !(1..=12).contains(&m)
        {
            return false;
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let y = self.year.unwrap_or(2000); // a leap year, so 2月29日 passes without a year
                NaiveDate::from_ymd_opt(y, m, d).is_some()
            }
            (None, Some(_)) => false,
            _ => true,
        }
    }
}

/// How a rule's match may sit among its neighbours.
#[allow(clippy::enum_variant_names)] // each guard says what must not be next to the match
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guard {
    /// No digit (or `/`, `.`) right before or after: not part of a longer number or code.
    NotInNumber,
    /// As above, but a run of glued labels (2018/042018/10) is allowed after it.
    NotInNumberExceptGlued,
    /// No ASCII letter before (H30.4.1, not XH30.4.1) and no digit around.
    NotAfterLetter,
    /// No digit right before: the 年月日 after it already end the date.
    NotAfterDigit,
}

pub(crate) struct Rule {
    pub name: &'static str,
    pub regex: Regex,
    /// The same pattern anchored at the start, for reading one string as a date.
    pub anchored: Regex,
    /// Where the pattern's named groups are (the same in both regexes).
    pub slots: Slots,
    pub guard: Guard,
    pub build: fn(&Caps) -> Option<Parsed>,
}

/// The named groups of the date rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum G {
    Y,
    Ky,
    Era,
    Ea,
    Ey,
    M,
    D,
    Hour,
    Minute,
    Second,
    Fy,
    FyEnd,
    FyEnd2,
    Part,
    Period,
    Wd,
    Rel,
}

impl G {
    const ALL: [G; 17] = [
        G::Y,
        G::Ky,
        G::Era,
        G::Ea,
        G::Ey,
        G::M,
        G::D,
        G::Hour,
        G::Minute,
        G::Second,
        G::Fy,
        G::FyEnd,
        G::FyEnd2,
        G::Part,
        G::Period,
        G::Wd,
        G::Rel,
    ];

    /// The group's name in the patterns.
    const fn name(self) -> &'static str {
        match self {
            G::Y => "y",
            G::Ky => "ky",
            G::Era => "era",
            G::Ea => "ea",
            G::Ey => "ey",
            G::M => "m",
            G::D => "d",
            G::Hour => "H",
            G::Minute => "M",
            G::Second => "S",
            G::Fy => "fy",
            G::FyEnd => "fyend",
            G::FyEnd2 => "fyend2",
            G::Part => "part",
            G::Period => "period",
            G::Wd => "wd",
            G::Rel => "rel",
        }
    }
}

/// Where each group of [`G`] is in one rule's pattern, by index: found once per rule,
/// where a group looked up by name is hashed on every match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slots([Option<usize>; G::ALL.len()]);

impl Slots {
    fn of(regex: &Regex) -> Slots {
        Slots(G::ALL.map(|g| regex.capture_names().position(|n| n == Some(g.name()))))
    }
}

/// A rule's match with where its groups are.
pub(crate) struct Caps<'c, 'h> {
    all: &'c Captures<'h>,
    slots: &'c Slots,
}

impl<'c, 'h> Caps<'c, 'h> {
    pub fn new(all: &'c Captures<'h>, slots: &'c Slots) -> Self {
        Caps { all, slots }
    }

    /// The text group `g` matched, if the pattern has it and it took part.
    pub fn get(&self, g: G) -> Option<regex::Match<'h>> {
        self.all.get(self.slots.0[g as usize]?)
    }
}

/// Kanji numerals that may write a month or a day: 八, 十二, 三十一.
const KD: &str = "[一二三四五六七八九十]{1,3}";
/// A weekday annotation after a day: (金), (月・祝), （土）.
const WEEKDAY: &str = r"(?P<wd>[ \t]?\((?:[月火水木金土日](?:曜日?)?(?:・?祝(?:日)?)?|祝日?)\))?";

fn year_part() -> String {
    format!(
        r"(?:(?P<y>\d{{4}})|(?P<ky>[〇一二三四五六七八九]{{4}})|(?P<era>明治|大正|昭和|平成|令和)[ \t]?(?P<ey>元|\d{{1,2}}|{KD}))[ \t]?年"
    )
}

pub(crate) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let year = year_part();
    let rule = |name, pattern: &str, guard, build| {
        let regex = Regex::new(pattern).unwrap_or_else(|e| panic!("date rule {name}: {e}"));
        Rule {
            name,
            anchored: Regex::new(&format!("^(?:{pattern})"))
                .unwrap_or_else(|e| panic!("date rule {name}: {e}")),
            slots: Slots::of(&regex),
            regex,
            guard,
            build,
        }
    };
    vec![
        rule(
            "iso_datetime",
            r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?",
            Guard::NotInNumber,
            build_numeric,
        ),
        rule(
            "slash_date",
            r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:\s(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?",
            Guard::NotInNumber,
            build_numeric,
        ),
        rule(
            "dot_date",
            r"(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})",
            Guard::NotInNumber,
            build_numeric,
        ),
        rule(
            "era_letter_date",
            r"(?P<ea>[RHS])[ \t]?(?P<ey>\d{1,2})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})",
            Guard::NotAfterLetter,
            build_numeric,
        ),
        rule(
            "slash_month",
            r"(?P<y>\d{4})/(?P<m>\d{1,2})",
            Guard::NotInNumberExceptGlued,
            build_numeric,
        ),
        rule(
            "japanese_date",
            &format!(
                r"{year}(?:(?P<fy>度)(?P<fyend>末|上期|下期|上半期|下半期)?|(?P<fyend2>上期|下期|上半期|下半期|末)|[ \t]?(?P<m>\d{{1,2}}|{KD})[ \t]?月(?:[ \t]?(?P<d>\d{{1,2}}|{KD})[ \t]?日{WEEKDAY}|(?P<part>末|上旬|中旬|下旬|初旬|初め|頭)|(?P<period>期))?)?"
            ),
            Guard::NotAfterDigit,
            build_japanese,
        ),
        rule(
            "month_day",
            &format!(r"(?P<m>\d{{1,2}}|{KD})[ \t]?月[ \t]?(?P<d>\d{{1,2}}|{KD})[ \t]?日{WEEKDAY}"),
            Guard::NotAfterDigit,
            build_japanese,
        ),
        // 「同月28日」「翌月3日」「翌21日」: the month (and year) come from the date before (`relative_months`)
        rule(
            "relative_month_day",
            &format!(
                r"(?P<rel>同月|翌月|当月|前月|翌)[ \t]?(?P<d>\d{{1,2}}|{KD})[ \t]?日{WEEKDAY}"
            ),
            Guard::NotAfterDigit,
            build_relative_day,
        ),
        rule(
            "month",
            r"(?P<m>\d{1,2})[ \t]?月(?:(?P<part>末|上旬|中旬|下旬|初旬|初め)|(?P<period>期))?",
            Guard::NotAfterDigit,
            build_japanese,
        ),
    ]
});

/// A time right after a day (and its weekday): 14:00, 午前10時, 午後2時30分, 正午.
pub(crate) static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]?(?:(?:(?P<ampm>午前|午後)[ \t]?)?(?P<h>\d{1,2})[ \t]?時(?:[ \t]?(?P<mi>\d{1,2})[ \t]?分|(?P<half>半))?(?P<hours>間)?|(?P<H>\d{1,2}):(?P<M>\d{2})|(?P<noon>正午))")
        .unwrap_or_else(|e| panic!("time rule: {e}"))
});

/// Durations and relative expressions: 約2年前, 今後5年間, 半年間, 1年半, 3か月, 2年ぶり.
pub(crate) static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<pre>約|およそ|今後|過去|この|ここ|最長|最大|向こう)?[ \t]?(?:(?P<n>\d{{1,3}}|{KD})[ \t]?(?P<u>年半|年間|年|か月間|カ月間|ヶ月間|ケ月間|箇月間|か月|カ月|ヶ月|ケ月|箇月|週間|日間)|(?P<half>半年間|半年))(?P<post>前|後|ぶり|以内|余り|超|経過|にわたり|にわたって)?"
    ))
    .unwrap_or_else(|e| panic!("duration rule: {e}"))
});

/// Words after a date that say how it is used; kept out of the date's text.
pub(crate) const CONTEXT_WORDS: &[&str] = &[
    "時点", "現在", "まで", "迄", "から", "より", "以降", "以来", "以前", "頃", "ごろ", "予定",
    "付け", "付", "中", "限り",
];

/// A year-only line: the heading of a timeline page.
pub(crate) static YEAR_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    // 「2024年」, 「1994年(平成6年)」
    Regex::new(&format!(
        r"^\s*{}\s*(?:\([^()]{{1,12}}年\))?\s*$",
        year_part()
    ))
    .unwrap_or_else(|e| panic!("year heading: {e}"))
});

/// 同年, 本年, 今年, 当年, 翌年, 前年 right before a month.
pub(crate) static RELATIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(同年|本年|今年|当年|翌年|前年|昨年|来年|翌|同)[ \t]?$")
        .unwrap_or_else(|e| panic!("{e}"))
});

fn num(c: &Caps, g: G) -> Option<i64> {
    c.get(g).and_then(|m| numerals::parse(m.as_str()))
}

fn era_start(era: &str) -> Option<i32> {
    Some(match era {
        "明治" | "M" => 1868,
        "大正" | "T" => 1912,
        "昭和" | "S" => 1926,
        "平成" | "H" => 1989,
        "令和" | "R" => 2019,
        _ => return None,
    })
}

fn year_of(c: &Caps) -> Option<Option<i32>> {
    if let Some(y) = num(c, G::Y).or_else(|| num(c, G::Ky)) {
        return Some(Some(i32::try_from(y).ok()?));
    }
    let era = c.get(G::Era).or_else(|| c.get(G::Ea));
    if let Some(era) = era {
        let n = i32::try_from(num(c, G::Ey)?).ok()?;
        if n == 0 || n > 64 {
            return None;
        }
        return Some(Some(era_start(era.as_str())? + n - 1));
    }
    Some(None)
}

fn time_of(c: &Caps) -> Option<Option<NaiveTime>> {
    let Some(h) = num(c, G::Hour) else {
        return Some(None);
    };
    let m = num(c, G::Minute).unwrap_or(0);
    let s = num(c, G::Second).unwrap_or(0);
    let t = NaiveTime::from_hms_opt(
        u32::try_from(h).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(s).ok()?,
    )?;
    Some(Some(t))
}

fn month_part(c: &Caps) -> Option<MonthPart> {
    Some(match c.get(G::Part)?.as_str() {
        "末" => MonthPart::End,
        "上旬" | "初旬" | "初め" | "頭" => MonthPart::Early,
        "中旬" => MonthPart::Middle,
        "下旬" => MonthPart::Late,
        _ => return None,
    })
}

fn small(c: &Caps, g: G) -> Option<Option<u32>> {
    match c.get(g) {
        None => Some(None),
        Some(m) => Some(Some(u32::try_from(numerals::parse(m.as_str())?).ok()?)),
    }
}

/// A day whose month is written as 同月/翌月: no month yet, filled in from the date before.
fn build_relative_day(c: &Caps) -> Option<Parsed> {
    let day = small(c, G::D)??;
    (1..=31).contains(&day).then_some(Parsed {
        year: None,
        month: None,
        day: Some(day),
        time: None,
        fiscal: false,
        part: None,
    })
}

/// How many months the 同月, 翌月 or 前月 that `s` opens with are after the month they
/// refer to.
pub(crate) fn relative_month_shift(s: &str) -> Option<i32> {
    const SHIFTS: &[(&str, i32)] = &[
        ("同月", 0),
        ("当月", 0),
        ("翌月", 1),
        ("前月", -1),
        ("翌", 0),
    ];
    // (「20日に開院し、翌21日から」: 翌 before a day is the same month)
    SHIFTS
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|&(_, shift)| shift)
}

fn build_numeric(c: &Caps) -> Option<Parsed> {
    let year = year_of(c)?;
    if let Some(y) = year
        && !(1868..=2200).contains(&y)
    {
        return None;
    }
    let parsed = Parsed {
        year,
        month: small(c, G::M)?,
        day: small(c, G::D)?,
        time: time_of(c)?,
        fiscal: false,
        part: None,
    };
    parsed.is_valid().then_some(parsed)
}

fn build_japanese(c: &Caps) -> Option<Parsed> {
    let year = year_of(c)?;
    if let Some(y) = year
        && !(1000..=2999).contains(&y)
    {
        return None;
    }
    let parsed = Parsed {
        year,
        month: small(c, G::M)?,
        day: small(c, G::D)?,
        time: None,
        fiscal: c.get(G::Fy).is_some(),
        part: month_part(c),
    };
    parsed.is_valid().then_some(parsed)
}

/// Whether a match at `range` of `s` passes its guard.
pub(crate) fn guard_ok(guard: Guard, s: &str, range: std::ops::Range<usize>) -> bool {
    let before = s[..range.start].chars().next_back();
    let after = s[range.end..].chars().next();
    let numberish =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '/' || c == '.' || c == ',');
    match guard {
        Guard::NotInNumber => {
            !numberish(before) && !after.is_some_and(|c| c.is_ascii_digit() || c == '/')
        }
        Guard::NotInNumberExceptGlued => {
            let rest = &s[range.end..];
            let glued = rest.len() >= 5
                && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                && rest.as_bytes()[4] == b'/';
            let glued_before = s[..range.start].ends_with(|c: char| c.is_ascii_digit())
                && s[..range.start].len() >= 7
                && s.as_bytes()[range.start - 3] == b'/';
            (!numberish(before) || glued_before)
                && (!after.is_some_and(|c| c.is_ascii_digit() || c == '/' || c == '.') || glued)
        }
        Guard::NotAfterDigit => !before.is_some_and(|c| c.is_ascii_digit()),
        Guard::NotAfterLetter => {
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_digit())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every named group of every rule is one of [`G`] (a group missing there would read
    /// as absent), and the anchored pattern has its groups where the plain one has them.
    #[test]
    fn every_group_has_its_slot() {
        for rule in RULES.iter() {
            for name in rule.regex.capture_names().flatten() {
                assert!(
                    G::ALL.iter().any(|g| g.name() == name),
                    "rule {}: group {name} has no slot",
                    rule.name
                );
            }
            assert_eq!(Slots::of(&rule.anchored), rule.slots, "rule {}", rule.name);
        }
    }
}
