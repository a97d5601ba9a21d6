//! Numbers as written in Japanese text: 3,500 and 3500, 二〇一八 (digit by digit),
//! 二十五, 一万二千 (positional), 元 (the first year of an era).

/// Parses ASCII digits with optional comma separators, or kanji numerals.
pub(crate) fn parse(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        return digits.parse().ok();
    }
    if s == "元" {
        return Some(1);
    }
    kanji(s)
}

fn digit(c: char) -> Option<i64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 二〇一八 → 2018; 二十五 → 25; 一万二千 → 12000; 千 → 1000.
fn kanji(s: &str) -> Option<i64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.iter().all(|&c| digit(c).is_some()) {
        // digit by digit: 二〇一八
        return chars.iter().try_fold(0i64, |acc, &c| Some(acc.checked_mul(10)? + digit(c)?));
    }
    let mut total: i64 = 0; // completed 万/億 groups
    let mut group: i64 = 0; // within the current group
    let mut current: Option<i64> = None; // pending digit(s)
    for c in chars {
        if let Some(d) = digit(c) {
            current = Some(current.unwrap_or(0).checked_mul(10)? + d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '億' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            let g = group + current.unwrap_or(if group == 0 { 1 } else { 0 });
            total = total.checked_add(g.checked_mul(unit)?)?;
            group = 0;
        } else {
            group += current.unwrap_or(1) * unit;
        }
        current = None;
    }
    Some(total + group + current.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn numerals() {
        for (s, v) in [
            ("3,500", 3500),
            ("2018", 2018),
            ("二〇一八", 2018),
            ("十", 10),
            ("二十五", 25),
            ("三十一", 31),
            ("百", 100),
            ("千", 1000),
            ("一万二千", 12000),
            ("三千五百", 3500),
            ("元", 1),
            ("二", 2),
        ] {
            assert_eq!(parse(s), Some(v), "{s}");
        }
        assert_eq!(parse(""), None);
        assert_eq!(parse("abc"), None);
    }
}
