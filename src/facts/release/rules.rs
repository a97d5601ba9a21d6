//! Patterns of release metadata.

use std::sync::LazyLock;

use regex::Regex;

use crate::vocab::Vocabulary;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("release rule: {e}"))
}

/// 「プレスリリース発表元企業:アストラゼネカ株式会社」「配信元:…」「会社名 株式会社アカネ」.
pub(super) static PUBLISHER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:プレスリリース)?(?:発表元企業|発表元|配信元企業|配信元|提供元|発信元|会\s*社\s*名|発表者|リリース元)(?:\s*:\s*|\s+)(?P<name>\S.{0,60})$",
    )
});

/// 「配信日時: 2021-05-11 14:00:00」「発表日:2024年4月1日」, at the start of a line or after
/// another short field of the same line (「ページ番号:1008352　公開日:令和8年3月24日」).
pub(super) static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[^\s。、][^。、]{0,30}\s)?(?:配信日時|配信日|発表日時|発表日|公開日時|公開日|掲載日|リリース日|発行日|投稿日|Date|DATE)\s*[:]?\s*(?P<rest>.+)$",
    )
});

/// 「更新日:2024年10月30日」: the date a page was last updated, used when nothing else dates
/// the release (placed as [`DATE_LABEL`]).
pub(super) static UPDATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[^\s。、][^。、]{0,30}\s)?(?:最終更新日|更新日時|更新日|掲載日時|Updated)\s*[:]?\s*(?P<rest>.+)$",
    )
});

/// Header lines that are never the headline: salutations, labels, section names.
pub(super) static NOT_A_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)^(?:
        各\s*位|報道関係者?(?:各位|の皆様|の皆さま)?|報道各位|記者発表資料?|関係者各位|お知らせ|ニュースリリース|プレスリリース|報道発表資料?|
        (?i:news\s?release|press\s?release)|
        (?:会\s*社\s*名|代\s*表\s*者\s*名?|問\s*合\s*せ\s*先|問い合わせ先|お問い合わせ先|お問合せ先|所在地|本社所在地|コード番号|
           TEL|Tel|電話|上場取引所|URL|配信日時|配信日|発表日|更新日|最終更新日|プレスリリース発表元企業|発表元企業|配信元)(?:\s|:|$).*|
        \(.*|<.*|※.*|\*.*|[0-9]+\.\s.*
    )$")
});

/// URLs, on the full normalized text.
/// A category tag: 「[お知らせ]」, 「【プレスリリース】」, 「〔研究〕」.
pub(super) static TAG: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s*(?:\[[^\[\]\n]{1,12}\]|【[^【】\n]{1,12}】|〔[^〔〕\n]{1,12}〕)"));

pub(super) static URL: LazyLock<Regex> =
    LazyLock::new(|| re(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"));

/// A line that is just an organization's name: a signature line under the date.
pub(super) fn is_org_line(vocab: &Vocabulary, s: &str) -> bool {
    let s = s.trim();
    let chars = s.chars().count();
    if !(2..=60).contains(&chars) || s.contains(['。', '、', ':']) {
        return false;
    }
    vocab.legal_forms.iter().any(|f| {
        std::iter::once(&f.name)
            .chain(&f.abbreviations)
            .any(|form| {
                (s.starts_with(form.as_str()) || s.ends_with(form.as_str())) && s.len() > form.len()
            })
    }) || vocab
        .heads
        .iter()
        .any(|h| s.ends_with(h.head.as_str()) && s.len() > h.head.len() && chars <= 30)
        || vocab
            .latin_legal_forms
            .iter()
            .any(|f| s.ends_with(f.as_str()) && s.len() > f.len() + 1)
        || (chars <= 12
            && vocab
                .municipal_heads
                .iter()
                .any(|h| s.ends_with(h.as_str()) && s.len() > h.len()))
}
