//! Site furniture in scraped pages: menus, breadcrumbs, share buttons, "pagetop",
//! image file names and link texts. The rules never read it; the text keeps it, so
//! spans still point into the input as it is.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::segment::Line;

/// Whole lines that are navigation or sharing widgets.
static NAV_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[•・●■◆▶>\-\s]*(?:
            menu|メニュー|open\ menu|close|閉じる|pagetop|page\ top|ページトップ|ページの先頭へ(?:戻る)?|
            トップ(?:へ戻る|に戻る|ページ)?|top|home|ホーム|news|ニュース|ニュースリリース|プレスリリース|
            お知らせ|一覧(?:へ|に)戻る|戻る|前へ|次へ|前の記事|次の記事|print|印刷|
            share|シェア|tweet|ツイート|いいね!?|twitter|facebook|line|x|instagram|youtube|linkedin|note|
            はてなブックマーク|はてブ|pocket|rss|mail|メール|copy|コピー|url\ ?をコピー|リンクをコピー|
            (?:facebook|twitter|x|line|はてな|linkedin)\s*(?:で|に)?\s*(?:share|シェア|ツイート|送る|ポスト)\s*!?
        )\s*$",
    )
    .expect("valid regex")
});

/// Breadcrumbs and menu bars: short items joined by >, ›, », |, / or wide spaces.
fn is_menu_bar(text: &str) -> bool {
    // breadcrumbs: 「ホーム > 大学案内 > …」; the last item may be the page's long title
    let crumbs: Vec<&str> = text.split(" > ").map(str::trim).collect();
    if crumbs.len() >= 2
        && crumbs[..crumbs.len() - 1]
            .iter()
            .all(|i| !i.is_empty() && i.chars().count() <= 16)
    {
        return true;
    }
    for sep in [">", "›", "»", " | ", "|"] {
        let items: Vec<&str> = text
            .split(sep)
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        if items.len() >= 3
            && items[..items.len() - 1]
                .iter()
                .all(|i| i.chars().count() <= 16 && !i.contains('。'))
        {
            return true;
        }
    }
    let short = |items: &[&str]| {
        items
            .iter()
            .all(|i| i.chars().count() <= 12 && !i.contains(['。', '、', ':']))
    };
    let wide: Vec<&str> = text
        .split("  ")
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let single: Vec<&str> = text
        .split(' ')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    // single spaces only between Japanese words of three or more characters
    let japanese = |items: &[&str]| {
        items
            .iter()
            .all(|i| i.chars().count() >= 3 && !i.chars().any(|c| c.is_ascii_alphanumeric()))
    };
    (wide.len() >= 4 && short(&wide)) || (single.len() >= 5 && short(&single) && japanese(&single))
}

/// Bulleted short items: a menu when they open the page.
static BULLET_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•●■◆▶]|\d{1,2}\.)\s*[^。、]{1,20}$").expect("valid regex"));

/// Inline furniture: URLs, e-mail addresses, @handles, image placeholders and file names.
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        https?://[A-Za-z0-9\-._~:/?\#\[\]@!$&'*+,;=%]+
        |[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}
        |@[A-Za-z0-9_]{2,}
        |\[画像[^\]]*\]
        |[A-Za-z0-9_\-.()\p{Han}\p{Katakana}\p{Hiragana}ー]{1,60}\.(?i:jpe?g|png|gif|svg|webp|pdf|docx?|xlsx?|pptx?|zip)",
    )
    .expect("valid regex")
});

/// Marks the furniture lines: navigation words anywhere, and menus of short bulleted
/// items before the first line of running text.
pub(super) fn mark(s: &str, lines: &mut [Line]) {
    let mut in_header = true;
    for line in lines.iter_mut() {
        let text = &s[line.trimmed.clone()];
        if text.is_empty() {
            continue;
        }
        if is_nav_line(text) {
            line.boilerplate = true;
            continue;
        }
        // menus and breadcrumbs stay in the text (「… > 2024年度」 is still a date) but are
        // never a headline
        if might_be_menu(text) && is_menu_bar(text) {
            line.menu = true;
            continue;
        }
        if in_header && BULLET_ITEM.is_match(text) {
            line.boilerplate = true;
            continue;
        }
        if in_header && text.chars().count() >= 25 {
            in_header = false;
        }
    }
}

/// A navigation or sharing widget alone on its line.
fn is_nav_line(text: &str) -> bool {
    might_be_nav(text) && (NAV_LINE.is_match(text) || is_link_line(text))
}

/// A link's text of up to 30 characters (bullets before it aside) ending in 詳細へ,
/// はこちら, を見る or をみる: 「PR TIMESプレスリリース詳細へ」.
fn is_link_line(text: &str) -> bool {
    let text = text.trim_end();
    let Some(link) = ["詳細へ", "はこちら", "を見る", "をみる"]
        .iter()
        .find_map(|w| text.strip_suffix(w))
    else {
        return false;
    };
    let bullets = link
        .chars()
        .take_while(|&c| {
            matches!(c, '•' | '・' | '●' | '■' | '◆' | '▶' | '>' | '-') || c.is_whitespace()
        })
        .count();
    let len = link.chars().count();
    // (the bullets may be read as part of the link's words)
    len >= 1 && len - bullets <= 30
}

/// Whether [`NAV_LINE`] could match `text`: each of its words has at most 34 characters
/// that are not spaces, after the bullets before it (a quick test; most lines are longer).
fn might_be_nav(text: &str) -> bool {
    let core = text.trim_start_matches(|c: char| {
        matches!(c, '•' | '・' | '●' | '■' | '◆' | '▶' | '>' | '-') || c.is_whitespace()
    });
    core.chars().filter(|c| !c.is_whitespace()).take(41).count() <= 40
}

/// Whether [`is_menu_bar`] could hold for `text`: every kind of menu it knows needs a
/// separator (> › » |) or at least four spaces (a quick test before its splitting).
fn might_be_menu(text: &str) -> bool {
    text.contains(['>', '›', '»', '|']) || text.bytes().filter(|&b| b == b' ').count() >= 4
}

/// Byte ranges of inline furniture in `s`.
pub(super) fn inline(s: &str) -> Vec<Range<usize>> {
    let found = |text: &str, offset: usize, out: &mut Vec<Range<usize>>| {
        out.extend(
            INLINE
                .find_iter(text)
                // a file extension runs into a lowercase word: "x.pdfs" is not a file name
                .filter(|m| !text[m.end()..].starts_with(|c: char| c.is_ascii_lowercase()))
                .map(|m| offset + m.start()..offset + m.end()),
        );
    };
    let mut out = Vec::new();
    // Only 「[画像…]」 can run over a line break; without it, the pattern is run only on the
    // lines that hold what every other furniture needs: a URL's "http", an address's or a
    // handle's @, a file name's dot and the first letter of its extension.
    if s.contains("[画像") {
        found(s, 0, &mut out);
        return out;
    }
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        let extension = |w: &[u8]| {
            w[0] == b'.'
                && matches!(
                    w[1].to_ascii_lowercase(),
                    b'j' | b'p' | b'g' | b's' | b'w' | b'd' | b'x' | b'z'
                )
        };
        if line.contains('@') || line.contains("http") || line.as_bytes().windows(2).any(extension)
        {
            found(line, offset, &mut out);
        }
        offset += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigation_lines() {
        for nav in [
            "Menu",
            "pagetop",
            "Facebook で Share !",
            "Twitter で Share !",
            "  • twitter",
            "LINE",
            "PR TIMESプレスリリース詳細へ",
            "ニュース",
        ] {
            assert!(is_nav_line(nav), "{nav}");
        }
        // a link of up to 30 characters before its 詳細へ/はこちら, bullets aside
        assert!(is_nav_line(&format!("・ {}はこちら", "あ".repeat(30))));
        assert!(!is_nav_line(&format!("{}はこちら", "あ".repeat(31))));
        assert!(!is_nav_line("はこちら"));
        for text in [
            "LINK-J、川崎市と覚書を締結",
            "2018年8月31日",
            "連携",
            "取り組み",
            "三井不動産株式会社",
        ] {
            assert!(!is_nav_line(text), "{text}");
        }
        for menu in [
            "ホーム > 大学案内 > プレスリリース > 2024年度",
            "財団について | 助成・表彰事業 | 公募情報 | 刊行物",
            "個人のお客さま  法人のお客さま  株主・投資家の皆さま  採用情報",
        ] {
            assert!(is_menu_bar(menu), "{menu}");
        }
        for text in [
            "年月 団体・組織名 提携内容",
            "新役職  氏名  旧役職",
            "代表取締役社長    宮永 隆司     取締役常務執行役員",
        ] {
            assert!(!is_menu_bar(text), "{text}");
        }
    }

    #[test]
    fn inline_furniture() {
        let s = "UCLA-logo.jpgUCLAは、詳細は https://www.link-j.org/ まで。ツイッター@AstraZeneca(英語のみ)";
        let found: Vec<&str> = inline(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            found,
            vec!["UCLA-logo.jpg", "https://www.link-j.org/", "@AstraZeneca"]
        );
    }
}
