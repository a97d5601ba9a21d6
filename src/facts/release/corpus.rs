//! The release-metadata corpus: headers and what they yield.

use super::*;
use crate::pipeline::testing::with_doc;

/// (input, title, publisher, release date).
type Example = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

const EXAMPLES: &[Example] = &[
    (
        "翠嶺大学\nホーム > ニュース一覧 > お知らせ\n\n2026.03.18　[お知らせ] [大学]\n\n令和7年度 学長表彰の受賞者を決定しました\n\n本文。",
        Some("令和7年度 学長表彰の受賞者を決定しました"),
        Some("翠嶺大学"),
        Some("2026-03-18"),
    ),
    (
        "新製品を発売\n\nプレスリリース発表元企業:株式会社アカネ\n\n配信日時: 2021-05-11 14:00:00\n\n本文です。",
        Some("新製品を発売"),
        Some("株式会社アカネ"),
        Some("2021-05-11"),
    ),
    (
        "• オフィス\n  • 街づくり\n\nA社、B市と覚書を締結\n~ 副題 ~\n\n2018年8月31日\n一般社団法人アカネ協会\nミナト商事株式会社\n\n本文。",
        Some("A社、B市と覚書を締結"),
        Some("一般社団法人アカネ協会"),
        Some("2018-08-31"),
    ),
    (
        "Menu\n\nニュース\n\nA社、B財団と相互提携の覚書を締結\n\n本文は長く続きます。これは最初の段落で、六十文字以上の長さがあるため、ヘッダーはここで終わります。2018年1月に締結。\n",
        Some("A社、B財団と相互提携の覚書を締結"),
        None,
        None,
    ),
    (
        "2024年5月10日\n各位\n会社名 株式会社アカネ\n代表者名 代表取締役社長 山田 太郎\n(コード番号:1234 東証プライム)\n問合せ先 取締役 鈴木 一郎\n\n商号変更に関するお知らせ\n\n当社は、本日開催の取締役会において、商号を変更することを決議いたしましたので、お知らせいたします。",
        Some("商号変更に関するお知らせ"),
        Some("株式会社アカネ"),
        Some("2024-05-10"),
    ),
    (
        "令和6年4月1日\n\n新社屋の開設について\n\nアカネ市\n",
        Some("新社屋の開設について"),
        Some("アカネ市"),
        Some("2024-04-01"),
    ),
    (
        "2024年\n\n1月\n\n連携\n\n覚書を締結\n",
        Some("覚書を締結"),
        None,
        None,
    ),
    // a date line with a category word after it; a headline that opens with a date
    (
        "HOME > NEWS > パートナー\n\n2025.07.17　パートナー\n東雲銀行とオフィシャルパートナー契約を更新\n\n本文。",
        Some("東雲銀行とオフィシャルパートナー契約を更新"),
        None,
        Some("2025-07-17"),
    ),
    (
        "令和8年4月1日付 人事異動について\nページ番号：1008352　　更新日：令和8年3月24日\n\n本文。",
        Some("令和8年4月1日付 人事異動について"),
        None,
        Some("2026-03-24"),
    ),
    // a path of categories after the date; an official's title as the publisher label
    (
        "TOP > お知らせ\n\n2025.12.10　お知らせ／みさと台クリニック\n\n新院長就任のお知らせ\n\n本文。",
        Some("新院長就任のお知らせ"),
        None,
        Some("2025-12-10"),
    ),
    (
        "知事定例記者会見（令和8年2月12日）\n発表者：鳥取県知事　岸根 文博\n\n本文。",
        Some("知事定例記者会見（令和8年2月12日）"),
        Some("鳥取県"),
        None,
    ),
    // the header's date line, not a paper's 「掲載日」 further down
    (
        "2025年12月5日\n国立大学法人東雲大学\n\n乾燥に強いイネの遺伝子を発見しました\n\nこれは本文の最初の段落で、六十文字以上の長さがあるため、ヘッダーはここで終わります。研究グループは、乾燥に強いイネの遺伝子を見つけました。\n\n論文情報\n掲載日：2025年12月3日\n",
        Some("乾燥に強いイネの遺伝子を発見しました"),
        Some("国立大学法人東雲大学"),
        Some("2025-12-05"),
    ),
];

#[test]
fn corpus() {
    let mut failures = Vec::new();
    for (input, title, publisher, date) in EXAMPLES {
        let out = with_doc(input, |doc| {
            let mut found = Found::default();
            let mut out = Extraction::default();
            extract(doc, &mut found, &mut out);
            out
        });
        let got = (
            out.title.as_deref(),
            out.publisher.as_deref(),
            out.release_date.map(|d| d.to_string()),
        );
        let want = (*title, *publisher, date.map(str::to_string));
        if got != want {
            failures.push(format!("{input:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn urls_are_listed() {
    let out = with_doc(
        "詳細は https://www.example.co.jp/news/ をご覧ください。http://a.jp",
        |doc| {
            let mut out = Extraction::default();
            extract(doc, &mut Found::default(), &mut out);
            out
        },
    );
    let urls: Vec<&str> = out.release.urls.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(urls, vec!["https://www.example.co.jp/news/", "http://a.jp"]);
}
