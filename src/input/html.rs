//! HTML pages to text: the main content with block structure kept as line breaks,
//! and what the page's markup says about the release (title, og:title,
//! article:published_time, `<time datetime>`, JSON-LD).

use ego_tree::iter::Edge;
use scraper::{Html, Node, Selector};

/// What the page's markup says, outside the text.
#[derive(Debug, Clone, Default)]
pub(crate) struct HtmlMeta {
    /// `<title>`.
    pub title: Option<String>,
    /// `og:title` or `twitter:title`.
    pub og_title: Option<String>,
    /// `article:published_time`, `datePublished`, `pubdate`, `date`… (raw).
    pub published: Option<String>,
    /// The first `<time datetime>` (raw).
    pub time: Option<String>,
    /// `og:site_name` or the JSON-LD publisher's name.
    pub site_name: Option<String>,
}

pub(super) struct Page {
    pub text: String,
    pub meta: HtmlMeta,
}

/// Elements whose content is never text of the release.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "svg", "iframe",
    "select", "option", "textarea", "head", "canvas", "video", "audio", "object", "embed", "map",
    "dialog", "footer",
];

/// Class and id words of navigation, sharing and advertising widgets.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sns",
    "social",
    "breadcrumb",
    "breadcrumbs",
    "pankuzu",
    "topicpath",
    "pagetop",
    "gnav",
    "globalnav",
    "snav",
    "sidebar",
    "sidenav",
    "nav",
    "navi",
    "navigation",
    "menu",
    "cookie",
    "related",
    "recommend",
    "ranking",
    "banner",
    "advertisement",
    "ads",
    "modal",
    "footer",
    "sitemap",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
    "body",
    "html",
];

/// A quick test for HTML content when the file name says nothing.
pub(super) fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .trim_start_matches(['\u{FEFF}', ' ', '\n', '\r', '\t'])
        .chars()
        .take(1024)
        .collect();
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
        || ["<body", "<head", "<p>", "<div", "<meta "]
            .iter()
            .filter(|t| lower.contains(*t))
            .count()
            >= 2
}

pub(super) fn read(source: &str) -> Page {
    let html = Html::parse_document(source);
    let meta = read_meta(&html);
    let text = main_text(&html);
    Page { text, meta }
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn read_meta(html: &Html) -> HtmlMeta {
    let mut meta = HtmlMeta::default();
    if let Some(sel) = selector("title") {
        meta.title = html
            .select(&sel)
            .next()
            .and_then(|t| clean(&t.text().collect::<String>()));
    }
    if let Some(sel) = selector("meta") {
        for el in html.select(&sel) {
            let e = el.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))
                .unwrap_or("");
            let Some(content) = e.attr("content").and_then(clean) else {
                continue;
            };
            match key.to_ascii_lowercase().as_str() {
                "og:title" | "twitter:title" => {
                    meta.og_title.get_or_insert(content);
                }
                "article:published_time"
                | "datepublished"
                | "pubdate"
                | "publishdate"
                | "date"
                | "dc.date"
                | "dc.date.issued"
                | "dcterms.issued"
                | "og:published_time" => {
                    meta.published.get_or_insert(content);
                }
                "og:site_name" => {
                    meta.site_name.get_or_insert(content);
                }
                _ => {}
            }
        }
    }
    if let Some(sel) = selector("time[datetime]") {
        meta.time = html
            .select(&sel)
            .find_map(|t| t.value().attr("datetime").and_then(clean));
    }
    if let Some(sel) = selector(r#"script[type="application/ld+json"]"#) {
        for script in html.select(&sel) {
            let body: String = script.text().collect();
            if let Ok(json) = serde_json::from_str::<serde_json::Value>(&body) {
                if meta.published.is_none() {
                    meta.published = find_json(&json, "datePublished");
                }
                if meta.site_name.is_none() {
                    meta.site_name = json
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(|n| n.as_str())
                        .and_then(clean);
                }
            }
        }
    }
    meta
}

fn find_json(value: &serde_json::Value, key: &str) -> Option<String> {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(found) = map.get(key).and_then(|x| x.as_str()).and_then(clean) {
                    return Some(found);
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    None
}

fn is_furniture(e: &scraper::node::Element) -> bool {
    let words = e
        .attr("class")
        .into_iter()
        .chain(e.id())
        .flat_map(|v| v.split([' ', '-', '_']));
    words
        .map(str::to_ascii_lowercase)
        .any(|w| FURNITURE_WORDS.contains(&w.as_str()))
        || e.attr("role")
            .is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo" | "search"))
        || e.attr("aria-hidden") == Some("true")
        || e.attr("hidden").is_some()
}

/// The text of `<main>`, else the first `<article>`, else `<body>`.
fn main_text(html: &Html) -> String {
    let root = ["main", "[role=main]", "article", "body"]
        .iter()
        .filter_map(|css| selector(css))
        .find_map(|sel| html.select(&sel).next())
        .map(|el| *el)
        .unwrap_or_else(|| html.tree.root());
    let mut out = String::new();
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_depth > 0 {
                    if node.value().is_element() {
                        skip_depth += 1;
                    }
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        let is_root = node.id() == root.id();
                        if !is_root && (DROPPED.contains(&name) || is_furniture(e)) {
                            skip_depth = 1;
                            continue;
                        }
                        match name {
                            "br" => newline(&mut out),
                            "pre" => {
                                pre_depth += 1;
                                newline(&mut out);
                            }
                            "li" => {
                                newline(&mut out);
                                out.push_str("• ");
                            }
                            "td" | "th" => cell(&mut out),
                            "img" => {
                                if let Some(alt) = e.attr("alt").and_then(clean) {
                                    space(&mut out);
                                    out.push_str(&alt);
                                    space(&mut out);
                                }
                            }
                            _ if BLOCKS.contains(&name) => newline(&mut out),
                            _ => {}
                        }
                    }
                    Node::Text(t) => {
                        if pre_depth > 0 {
                            out.push_str(t);
                        } else {
                            push_collapsed(&mut out, t);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip_depth > 0 {
                    if node.value().is_element() {
                        skip_depth -= 1;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if name == "td" || name == "th" {
                        cell(&mut out);
                    } else if BLOCKS.contains(&name) || name == "pre" {
                        newline(&mut out);
                    }
                }
            }
        }
    }
    tidy(&out)
}

fn newline(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '\n', '\t']) {
        out.push(' ');
    }
}

/// Table cells are separated by a tab, as in text tables: a space inside a cell
/// (「上灘 信之」) is not a cell boundary (「谷水千尋 福祉保健部」 would read as one name).
fn cell(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with(['\n', '\t']) {
        out.push('\t');
    }
}

fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
            space(out);
        } else {
            out.push(c);
        }
    }
}

/// Lines trimmed; at most one empty line between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>株式会社アカネ | ニュース</title>
<meta property="og:title" content="アカネ、新工場を開設">
<meta property="article:published_time" content="2024-04-01T10:00:00+09:00">
<script>var x = "2099年1月1日";</script><style>p{}</style></head>
<body><header class="site-header"><nav><a>ホーム</a><a>ニュース</a></nav></header>
<main><h1>アカネ、新工場を開設</h1><p class="date"><time datetime="2024-04-01">2024年4月1日</time></p>
<p>株式会社アカネ(本社:東京都港区)は、<b>新工場</b>を
開設しました。</p><ul><li>所在地:福岡県</li><li>従業員:約120名</li></ul>
<table><tr><th>年月</th><th>内容</th></tr><tr><td>2020年4月</td><td>設立</td></tr></table>
<div class="share-buttons"><a>Facebook</a></div></main>
<footer>© Akane</footer></body></html>"#;

    #[test]
    fn main_text_keeps_blocks_and_drops_furniture() {
        let page = read(PAGE);
        assert_eq!(
            page.text,
            "アカネ、新工場を開設\n2024年4月1日\n株式会社アカネ(本社:東京都港区)は、新工場を 開設しました。\n\
             • 所在地:福岡県\n• 従業員:約120名\n年月\t内容\n2020年4月\t設立"
        );
    }

    #[test]
    fn meta() {
        let m = read(PAGE).meta;
        assert_eq!(m.title.as_deref(), Some("株式会社アカネ | ニュース"));
        assert_eq!(m.og_title.as_deref(), Some("アカネ、新工場を開設"));
        assert_eq!(m.published.as_deref(), Some("2024-04-01T10:00:00+09:00"));
        assert_eq!(m.time.as_deref(), Some("2024-04-01"));
    }

    #[test]
    fn table_cells_are_separated_by_tabs() {
        let html = "<table><tr><th>新職</th><th>氏名</th></tr>\n<tr><td> 危機管理部長 </td><td>上灘 信之</td></tr></table>";
        assert_eq!(read(html).text, "新職\t氏名\n危機管理部長\t上灘 信之");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}本文{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert_eq!(read(&html).text, "本文");
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\n<html lang=ja>"));
        assert!(!looks_like_html("2018年8月31日\n本文 <UCLA> と提携"));
    }
}
