//! Numbers as written in Japanese text: 3,500 and 3500, 二〇一八 (digit by digit),
//! 二十五, 一万二千 (positional), 1万2千 and 1,200万 (digits with kanji multipliers),
//! 元 (the first year of an era), and for amounts 52.4 and 1.5億.

/// Parses ASCII digits with optional comma separators, or kanji numerals.
pub(crate) fn parse(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        // commas only between digits: not ",5" or "1,,2"
        if s.starts_with(',') || s.ends_with(',') || s.contains(",,") {
            return None;
        }
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

/// 二〇一八 → 2018; 二十五 → 25; 一万二千 → 12000; 千 → 1000; 1万2千 → 12000;
/// 1,200万 → 12000000. ASCII digits (with commas between them) stand where kanji
/// digits would.
fn kanji(s: &str) -> Option<i64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.iter().all(|&c| digit(c).is_some()) {
        // digit by digit: 二〇一八
        return chars
            .iter()
            .try_fold(0i64, |acc, &c| Some(acc.checked_mul(10)? + digit(c)?));
    }
    let mut total: i64 = 0; // completed 万/億 groups
    let mut group: i64 = 0; // within the current group
    let mut current: Option<i64> = None; // pending digit(s)
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = digit(c).or_else(|| c.to_digit(10).map(i64::from)) {
            current = Some(current.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            continue;
        }
        if c == ',' {
            // only between ASCII digits: 1,200万
            let between = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if between {
                continue;
            }
            return None;
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
            let g = group.checked_add(current.unwrap_or(if group == 0 { 1 } else { 0 }))?;
            total = total.checked_add(g.checked_mul(unit)?)?;
            group = 0;
        } else {
            group = group.checked_add(current.unwrap_or(1).checked_mul(unit)?)?;
        }
        current = None;
    }
    total.checked_add(group)?.checked_add(current.unwrap_or(0))
}

/// Parses a number that may have a decimal part, for amounts: 52.4, 1,200, 1.5億,
/// 3億5000万, 五千万. Whatever [`parse`] reads, this reads too.
pub(crate) fn parse_f64(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(n) = parse(s) {
        // exact up to 2^53, which covers any amount a release states
        return Some(n as f64);
    }
    let mut total = 0f64; // completed 万/億/兆 groups
    let mut group = 0f64; // within the current group
    let mut current: Option<f64> = None; // pending digits
    let mut scale: Option<f64> = None; // inside a decimal part: the place of the next digit
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let d = c
            .to_digit(10)
            .or_else(|| digit(c).and_then(|d| u32::try_from(d).ok()));
        if let Some(d) = d.map(f64::from) {
            current = Some(match scale {
                Some(place) => {
                    scale = Some(place / 10.0);
                    current.unwrap_or(0.0) + d * place
                }
                None => current.unwrap_or(0.0) * 10.0 + d,
            });
        } else if c == '.' {
            if scale.is_some() || !prev.is_some_and(|p| p.is_ascii_digit()) {
                return None;
            }
            scale = Some(0.1);
        } else if c == ',' {
            if scale.is_some() || !prev.is_some_and(|p| p.is_ascii_digit()) {
                return None;
            }
        } else {
            let unit = match c {
                '十' => 10.0,
                '百' => 100.0,
                '千' => 1000.0,
                '万' => 1e4,
                '億' => 1e8,
                '兆' => 1e12,
                _ => return None,
            };
            if unit >= 1e4 {
                let g = group + current.unwrap_or(if group == 0.0 { 1.0 } else { 0.0 });
                total += g * unit;
                group = 0.0;
            } else {
                group += current.unwrap_or(1.0) * unit;
            }
            current = None;
            scale = None;
        }
        prev = Some(c);
    }
    if prev.is_some_and(|p| p == '.' || p == ',') {
        return None;
    }
    let value = total + group + current.unwrap_or(0.0);
    value.is_finite().then_some(value)
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

    #[test]
    fn digits_with_kanji_multipliers() {
        for (s, v) in [
            ("1万", 10_000),
            ("1万2千", 12_000),
            ("1万2000", 12_000),
            ("1,200万", 12_000_000),
            ("3億5000万", 350_000_000),
            ("5千", 5000),
        ] {
            assert_eq!(parse(s), Some(v), "{s}");
        }
        assert_eq!(parse(",5"), None);
        assert_eq!(parse("99999999999999999999"), None);
    }

    #[test]
    fn decimals() {
        use super::parse_f64;
        for (s, v) in [
            ("52.4", 52.4),
            ("1,200", 1200.0),
            ("1.5億", 150_000_000.0),
            ("1000万", 10_000_000.0),
            ("五千万", 50_000_000.0),
            ("3億5000万", 350_000_000.0),
            ("0.5", 0.5),
        ] {
            assert_eq!(parse_f64(s), Some(v), "{s}");
        }
        for s in ["", ".5", "1.", "1..2", "abc", "1.2.3"] {
            assert_eq!(parse_f64(s), None, "{s}");
        }
    }
}
