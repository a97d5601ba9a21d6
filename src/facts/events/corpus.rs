//! The events corpus: small timelines with the entries they must yield, press releases
//! that must yield none, the seed timeline page (003) counted by hand, and the charts
//! that become series. Run as tests.

use super::*;
use crate::pipeline::testing::with_doc;

/// Runs the modules the events module reads (release metadata, dates), then it.
fn run(input: &str) -> Extraction {
    with_doc(input, |doc| {
        let mut found = Found::default();
        let mut out = Extraction::default();
        crate::facts::release::extract(doc, &mut found, &mut out);
        crate::facts::dates::extract(doc, &mut found, &mut out);
        extract(doc, &mut found, &mut out);
        out
    })
}

/// Every event's and series' span slices the input.
fn assert_spans(input: &str, out: &Extraction) {
    for e in &out.events {
        let text = input
            .get(e.span.range())
            .unwrap_or_else(|| panic!("span {:?} of {:?}", e.span, e.title));
        assert!(text.contains(&e.title), "span of {:?} is {text:?}", e.title);
        if let Some(d) = &e.description {
            let last = d.lines().last().unwrap_or_default();
            assert!(
                text.ends_with(last),
                "span of {:?} is {text:?}, description {d:?}",
                e.title
            );
        }
        let chars: String = input
            .chars()
            .skip(e.span.char[0])
            .take(e.span.char[1] - e.span.char[0])
            .collect();
        assert_eq!(chars, text, "char span of {:?}", e.title);
    }
    for s in &out.series {
        let span = s
            .span
            .unwrap_or_else(|| panic!("series {} has no span", s.name));
        assert!(
            input
                .get(span.range())
                .is_some_and(|t| t.starts_with(&s.name)),
            "series span {span:?}"
        );
    }
}

/// (date, category, title, description).
type Entry = (
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
);

const EXAMPLES: &[(&str, &[Entry])] = &[
    // the model's own example
    (
        "2024年\n\n1月\n\n連携\n\n横浜国立大学と包括連携協定を締結\n\n共同研究を開始する\n",
        &[(
            "2024-01",
            Some("連携"),
            "横浜国立大学と包括連携協定を締結",
            Some("共同研究を開始する"),
        )],
    ),
    // an entry without its own month heading, a ※ note, a year with only a year
    // heading, a description over two lines, an entry without a description
    (
        "沿革\n\n2024年\n\n3月\n\n連携\n\nA大学と包括連携協定を締結\n\n共同研究を開始する\n\n取り組み\n\nB事業を開始\n\n期間は3年間\n\n※2027年まで実施\n\n\
         2023年\n\nイベント\n\nC展示会に出展\n\n来場者は約1,000名\n(オンライン同時開催)\n\n2022年\n\n11月\n\n施設\n\n新研究棟を開設\n",
        &[
            (
                "2024-03",
                Some("連携"),
                "A大学と包括連携協定を締結",
                Some("共同研究を開始する"),
            ),
            (
                "2024-03",
                Some("取り組み"),
                "B事業を開始",
                Some("期間は3年間\n※2027年まで実施"),
            ),
            (
                "2023",
                Some("イベント"),
                "C展示会に出展",
                Some("来場者は約1,000名\n(オンライン同時開催)"),
            ),
            ("2022-11", Some("施設"), "新研究棟を開設", None),
        ],
    ),
    // no blank lines at all; months in descending order
    (
        "2021年\n12月\n運営\n新体制に移行\n理事長が就任\n7月\nイベント\nフェスタを開催\n2020年\n4月\n施設\n研究棟を開所\n",
        &[
            (
                "2021-12",
                Some("運営"),
                "新体制に移行",
                Some("理事長が就任"),
            ),
            ("2021-07", Some("イベント"), "フェスタを開催", None),
            ("2020-04", Some("施設"), "研究棟を開所", None),
        ],
    ),
    // month headings that state their year; bracketed categories
    (
        "2020年1月\n\n【受賞】\n\nアワードを受賞\n\n2020年2月\n\n[研究]\n\n共同研究を開始\n\n成果は来年公表\n",
        &[
            ("2020-01", Some("受賞"), "アワードを受賞", None),
            (
                "2020-02",
                Some("研究"),
                "共同研究を開始",
                Some("成果は来年公表"),
            ),
        ],
    ),
    // entries without a category, under month headings
    (
        "2019年\n\n4月\n\n説明会を開催\n\n全国5会場で実施\n\n6月\n\n新製品を発売\n",
        &[
            ("2019-04", None, "説明会を開催", Some("全国5会場で実施")),
            ("2019-06", None, "新製品を発売", None),
        ],
    ),
    // a description in two paragraphs before the next month
    (
        "2018年\n\n10月\n\n取り組み\n\n「再生医療実用化MAP」を発表\n\n神奈川県と共同で発表\n\n全国の自治体に配布\n\n8月\n\n運営\n\n中期戦略を発表\n",
        &[
            (
                "2018-10",
                Some("取り組み"),
                "「再生医療実用化MAP」を発表",
                Some("神奈川県と共同で発表\n全国の自治体に配布"),
            ),
            ("2018-08", Some("運営"), "中期戦略を発表", None),
        ],
    ),
    // the text after the timeline is no part of its last entry, and a category word
    // standing alone after it starts nothing
    (
        "2024年\n\n1月\n\n連携\n\nX社と提携\n\n詳細を説明\n\nお問い合わせ先\n\n株式会社アカネ 広報部\n\nイベント\n\nセミナー一覧\n",
        &[("2024-01", Some("連携"), "X社と提携", Some("詳細を説明"))],
    ),
    // full-width text: values read through the normalization, text as written
    (
        "２０２３年\n\n１１月\n\nイベント\n\n「ヘルスケアMaaS 2023」を開催\n\n約９００名が来場\n",
        &[(
            "2023-11",
            Some("イベント"),
            "「ヘルスケアMaaS 2023」を開催",
            Some("約９００名が来場"),
        )],
    ),
];

#[test]
fn corpus() {
    let mut failures = Vec::new();
    for (input, expected) in EXAMPLES {
        let out = run(input);
        assert_spans(input, &out);
        let got: Vec<(String, Option<&str>, &str, Option<&str>)> = out
            .events
            .iter()
            .map(|e| {
                (
                    e.date.to_string(),
                    e.category.as_deref(),
                    e.title.as_str(),
                    e.description.as_deref(),
                )
            })
            .collect();
        let want: Vec<(String, Option<&str>, &str, Option<&str>)> = expected
            .iter()
            .map(|&(d, c, t, x)| (d.to_string(), c, t, x))
            .collect();
        if got != want {
            failures.push(format!("{input:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n{}",
        failures.len(),
        EXAMPLES.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_run_from_the_month_heading_or_the_category() {
    let input = "2024年\n\n3月\n\n連携\n\nA大学と協定を締結\n\n共同研究を開始\n\n取り組み\n\nB事業を開始\n\n期間は3年間\n";
    let out = run(input);
    let spans: Vec<&str> = out.events.iter().map(|e| &input[e.span.range()]).collect();
    assert_eq!(
        spans,
        [
            "3月\n\n連携\n\nA大学と協定を締結\n\n共同研究を開始",
            "取り組み\n\nB事業を開始\n\n期間は3年間"
        ]
    );
}

/// Press releases and other text that must yield no events.
const NEGATIVE: &[&str] = &[
    // a release date under the title, dates and numbers in running text
    "2018年8月31日\n一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン(以下「LINK-J」)は、\
     川崎市と8月30日、覚書を締結しました。今般の提携は9例目となります。",
    // a release with a date line and bulleted lists; a month-and-category pair with no title
    "新サービス「アカネ」の提供を開始\n2018年8月31日\n株式会社アカネ\n\n株式会社アカネは、新サービスを開始します。\n\n\
     ■概要\n・開始日:2018年9月1日\n・対象:全国の法人\n・料金:月額1万円\n\n■今後の予定\n2018年10月\nイベント\n",
    // month-only lines of a schedule: their year is the release's, not a heading's
    "説明会のご案内\n2024年1月10日\n株式会社アカネ\n\n■スケジュール\n2月\n説明会\n3月\n本申請\n\n詳細は当社ウェブサイトをご覧ください。",
    "■日程\n\n2月\n\nイベント\n\n東京会場で開催\n",
    // a year line followed by running text closes the structure before it starts
    "2024年\n\n株式会社アカネは2024年に創業30周年を迎えます。\n\n4月\n\nイベント\n\n記念式典を開催\n",
    // a history table in running text, one line per row
    "(参考)LINK-Jの提携に関する沿革\n年月 団体・組織名 提携内容\n2016年5月 カリフォルニア大学サンディエゴ校(米) 相互提携\n2017年6月 Eurobiomed(仏) 相互提携\n",
    // category words in running text and alone without any heading
    "連携\n\n当社は地域との連携を強化します。\n\nイベント\n\n多数のイベントを開催しました。\n",
    // a fiscal year is no year heading
    "2024年度\n\n4月\n\n運営\n\n新体制に移行\n",
];

#[test]
fn negative_corpus() {
    let mut failures = Vec::new();
    for input in NEGATIVE {
        let out = run(input);
        if !out.events.is_empty() {
            failures.push(format!(
                "{input:?} gave {:?}",
                out.events.iter().map(|e| &e.title).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The other seeds and corpus files are press releases (some with history tables in
/// other layouts): no events, no series.
#[test]
fn releases_in_the_fixtures_yield_no_events() {
    let files: &[(&str, &str)] = &[
        (
            "seed 000",
            include_str!("../../../fixtures/seeds/000_47c558a8d59b07d5.txt"),
        ),
        (
            "seed 001",
            include_str!("../../../fixtures/seeds/001_dfd6054aa9c24ae2.txt"),
        ),
        (
            "seed 002",
            include_str!("../../../fixtures/seeds/002_64870647275ca508.txt"),
        ),
        (
            "seed 004",
            include_str!("../../../fixtures/seeds/004_b05a6d7050e9df95.txt"),
        ),
        (
            "a14",
            include_str!("../../../fixtures/corpus/a14_souritsu30_enkaku.txt"),
        ),
        (
            "a07",
            include_str!("../../../fixtures/corpus/a07_bank_jinji_ido_tsv.txt"),
        ),
        (
            "a06",
            include_str!("../../../fixtures/corpus/a06_ir_yakuin_ido.txt"),
        ),
        (
            "b08",
            include_str!("../../../fixtures/corpus/b08_touto_name_change.txt"),
        ),
    ];
    for (name, input) in files {
        let out = run(input);
        assert!(
            out.events.is_empty(),
            "{name} gave {:?}",
            out.events.iter().map(|e| &e.title).collect::<Vec<_>>()
        );
        assert!(out.series.is_empty(), "{name} gave series {:?}", out.series);
    }
}

const SEED_003: &str = include_str!("../../../fixtures/seeds/003_5774fd373b5f6462.txt");

/// Seed 003's entries, counted by hand from the page: every category line that starts
/// an entry, with the month heading it sits under (`*`: no month heading of its own,
/// it belongs to the month above). 11 in 2024, 11 in 2023, 7 in 2022, 7 in 2021, 9 in
/// 2020, 6 in 2019, 5 in 2018.
const SEED_003_ENTRIES: [(&str, &str); 56] = [
    ("2024-01", "連携"),
    ("2024-02", "コミュニティ"),
    ("2024-02", "取り組み"),
    ("2024-03", "取り組み"),
    ("2024-03", "イベント"),
    ("2024-03", "連携"),
    ("2024-04", "施設"),
    ("2024-05", "イベント"),
    ("2024-05", "施設"),
    ("2024-07", "イベント"),
    ("2024-07", "取り組み"),
    ("2023-01", "コミュニティ"),
    ("2023-04", "運営"),
    ("2023-05", "イベント"),
    ("2023-05", "連携"),
    ("2023-07", "取り組み"),
    ("2023-09", "取り組み"),
    ("2023-10", "取り組み"),
    ("2023-11", "連携"),
    ("2023-11", "コミュニティ"),
    ("2023-11", "連携"),
    ("2023-12", "イベント"),
    ("2022-03", "コミュニティ"),
    ("2022-03", "コミュニティ"), // *
    ("2022-04", "コミュニティ"),
    ("2022-05", "取り組み"),
    ("2022-09", "取り組み"),
    ("2022-10", "取り組み"),
    ("2022-11", "取り組み"),
    ("2021-02", "取り組み"),
    ("2021-04", "コミュニティ"),
    ("2021-07", "取り組み"),
    ("2021-07", "取り組み"), // *
    ("2021-08", "運営"),
    ("2021-08", "取り組み"), // *
    ("2021-11", "取り組み"),
    ("2020-01", "取り組み"),
    ("2020-03", "取り組み"),
    ("2020-03", "取り組み"), // *
    ("2020-04", "運営"),
    ("2020-06", "運営"),
    ("2020-07", "取り組み"),
    ("2020-08", "取り組み"),
    ("2020-09", "取り組み"),
    ("2020-10", "取り組み"),
    ("2019-02", "取り組み"),
    ("2019-05", "コミュニティ"),
    ("2019-05", "コミュニティ"), // *
    ("2019-07", "取り組み"),
    ("2019-07", "コミュニティ"), // *
    ("2019-08", "コミュニティ"),
    ("2018-04", "運営"),
    ("2018-07", "取り組み"),
    ("2018-08", "取り組み"),
    ("2018-10", "取り組み"),
    ("2018-10", "運営"), // *
];

#[test]
fn seed_003_timeline() {
    let out = run(SEED_003);
    assert_spans(SEED_003, &out);
    assert_eq!(
        out.events.len(),
        56,
        "{:#?}",
        out.events
            .iter()
            .map(|e| (e.date.to_string(), &e.title))
            .collect::<Vec<_>>()
    );
    let got: Vec<(String, &str)> = out
        .events
        .iter()
        .map(|e| (e.date.to_string(), e.category.as_deref().unwrap_or("-")))
        .collect();
    let want: Vec<(String, &str)> = SEED_003_ENTRIES
        .iter()
        .map(|&(d, c)| (d.to_string(), c))
        .collect();
    assert_eq!(got, want);

    let full = |i: usize| {
        let e = &out.events[i];
        (
            e.date.to_string(),
            e.category.as_deref(),
            e.title.as_str(),
            e.description.as_deref(),
            &SEED_003[e.span.range()],
        )
    };
    // the first entry: its span starts at its month heading
    assert_eq!(
        full(0),
        (
            "2024-01".to_string(),
            Some("連携"),
            "韓国 五松先端医療産業振興財団 (KBIOHealth) とバイオ・ヘルスケア領域での相互協力に関する覚書を締結",
            Some(
                "バイオ・ヘルスケア領域における日韓のイノベーションハブが連携し、アジア発のイノベーションを世界に届けることを目指す"
            ),
            "1月\n\n連携\n\n韓国 五松先端医療産業振興財団 (KBIOHealth) とバイオ・ヘルスケア領域での相互協力に関する覚書を締結\n\n\
             バイオ・ヘルスケア領域における日韓のイノベーションハブが連携し、アジア発のイノベーションを世界に届けることを目指す",
        )
    );
    // the last entry has no month heading of its own: October 2018, span from its
    // category line; the chart after it is not part of its description
    assert_eq!(
        full(55),
        (
            "2018-10".to_string(),
            Some("運営"),
            "湘南アイパーク中期戦略を発表",
            Some("注力疾患領域とエコシステムの成長プランを発表"),
            "運営\n\n湘南アイパーク中期戦略を発表\n\n注力疾患領域とエコシステムの成長プランを発表",
        )
    );
    // the other entries without their own month heading
    let by_title = |title: &str| {
        out.events
            .iter()
            .position(|e| e.title.starts_with(title))
            .unwrap_or_else(|| panic!("no entry {title:?}"))
    };
    let i = by_title("中国のサイエンスパーク蘇州工業園区");
    assert_eq!(
        (full(i).0.as_str(), full(i).1),
        ("2022-03", Some("コミュニティ"))
    );
    assert!(
        full(i)
            .4
            .starts_with("コミュニティ\n\n中国のサイエンスパーク"),
        "{}",
        full(i).4
    );
    let i = by_title("新型コロナウイルスワクチンの地域接種会場");
    assert_eq!(
        (full(i).0.as_str(), full(i).1),
        ("2021-07", Some("取り組み"))
    );
    let i = by_title("100%再生可能エネルギー電力の購入を開始");
    assert_eq!(
        full(i),
        (
            "2021-08".to_string(),
            Some("取り組み"),
            "100%再生可能エネルギー電力の購入を開始",
            Some("施設から排出される 1 年間の温室効果ガスを約 52.4%削減"),
            "取り組み\n\n100%再生可能エネルギー電力の購入を開始\n\n施設から排出される 1 年間の温室効果ガスを約 52.4%削減",
        )
    );
    let i = by_title("READYFORと事業提携し");
    assert_eq!(
        (full(i).0.as_str(), full(i).1),
        ("2020-03", Some("取り組み"))
    );
    let i = by_title("神奈川県、藤沢市、鎌倉市、湘南鎌倉総合病院、湘南アイパークが連携の覚書");
    assert_eq!(
        (full(i).0.as_str(), full(i).1),
        ("2019-05", Some("コミュニティ"))
    );
    let i = by_title("台湾のサイエンスパーク「国家生技研究園区」");
    assert_eq!(
        (full(i).0.as_str(), full(i).1),
        ("2019-07", Some("コミュニティ"))
    );
    // descriptions over two lines: a ※ note, a parenthesised line
    let i = by_title("湘南アイパークの土地および施設の信託受益権");
    assert_eq!(
        full(i).3,
        Some(
            "湘南アイパークの運営は、武田薬品工業が受託する形で引き続き継続\n※信託受益権:資産から発生する経済的利益を受け取る権利のこと。"
        )
    );
    let i = by_title("一部敷地の週末一般開放を開始");
    assert_eq!(
        full(i).3,
        Some(
            "地域に開かれたサイエンスパークの第1歩として、芝生を中心とした施設の開放を開始\n(その後台風被害およびコロナ禍により中断)"
        )
    );
    // a description that itself holds a date is still the description
    let i = by_title("韓国 忠清北道のKBIOHealth内に事業所を設置");
    assert_eq!(
        full(i).3,
        Some("1月に締結した連携覚書に基づいて相互の拠点に事業所を設置し、人的交流を本格的に開始")
    );
}

#[test]
fn seed_003_series() {
    let out = run(SEED_003);
    let labels = [
        "2018/04", "2018/10", "2019/04", "2019/10", "2020/04", "2020/10", "2021/04", "2021/10",
        "2022/04", "2022/10", "2023/04", "2023/10", "2024/04",
    ];
    let names: Vec<&str> = out.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Tenants", "Members"]);
    let tenants = &out.series[0];
    let got: Vec<(&str, String, i64)> = tenants
        .points
        .iter()
        .map(|p| {
            (
                p.label.as_str(),
                p.date.map(|d| d.to_string()).unwrap_or_default(),
                p.value,
            )
        })
        .collect();
    let values = [20, 26, 39, 61, 69, 72, 82, 89, 93, 102, 100, 111, 115];
    let want: Vec<(&str, String, i64)> = labels
        .iter()
        .zip(values)
        .map(|(l, v)| (*l, l.replace('/', "-"), v))
        .collect();
    assert_eq!(got, want);
    // membership started in 2019: ten values, for the last ten labels
    let members = &out.series[1];
    let got: Vec<(&str, i64)> = members
        .points
        .iter()
        .map(|p| (p.label.as_str(), p.value))
        .collect();
    let values = [8, 19, 32, 37, 35, 47, 53, 58, 57, 65];
    let want: Vec<(&str, i64)> = labels[3..].iter().copied().zip(values).collect();
    assert_eq!(got, want);
    let span = members.span.map(|s| &SEED_003[s.range()]);
    assert_eq!(span, Some("Members8193237354753585765"));
    assert_spans(SEED_003, &out);
}

/// A second timeline page in the same layout (months in descending order within a year).
#[test]
fn another_timeline_page() {
    let input = include_str!("../../../fixtures/corpus/b05_tlic_history.txt");
    let out = run(input);
    assert_spans(input, &out);
    let got: Vec<(String, &str)> = out
        .events
        .iter()
        .map(|e| (e.date.to_string(), e.category.as_deref().unwrap_or("-")))
        .collect();
    let want = [
        ("2024-06", "連携"),
        ("2024-06", "イベント"),
        ("2024-03", "施設"),
        ("2024-01", "運営"),
        ("2023-11", "連携"),
        ("2023-10", "取り組み"),
        ("2023-04", "運営"),
        ("2023-04", "取り組み"),
        ("2022-09", "イベント"),
        ("2022-09", "取り組み"),
        ("2022-05", "連携"),
        ("2021-12", "運営"),
        ("2021-07", "取り組み"),
        ("2020-10", "イベント"),
        ("2020-04", "運営"),
        ("2019-08", "コミュニティ"),
        ("2019-04", "施設"),
    ];
    let want: Vec<(String, &str)> = want.iter().map(|&(d, c)| (d.to_string(), c)).collect();
    assert_eq!(got, want);
    let series: Vec<(&str, Vec<i64>, Option<&str>)> = out
        .series
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.points.iter().map(|p| p.value).collect(),
                s.points.first().map(|p| p.label.as_str()),
            )
        })
        .collect();
    assert_eq!(
        series,
        [
            (
                "Tenants",
                vec![12, 19, 27, 33, 38, 46, 54, 61, 68, 76, 83],
                Some("2019/04")
            ),
            (
                "Members",
                vec![5, 10, 16, 21, 27, 34, 40, 47, 55],
                Some("2020/04")
            ),
        ]
    );
}

#[test]
fn series_forms() {
    // separated values, fewer than labels
    let out = run("会員数の推移\n2021/04 2022/04 2023/04\n会員数 120 150\n");
    assert_eq!(out.series.len(), 1);
    let s = &out.series[0];
    assert_eq!(s.name, "会員数");
    let got: Vec<(&str, i64)> = s
        .points
        .iter()
        .map(|p| (p.label.as_str(), p.value))
        .collect();
    assert_eq!(got, [("2022/04", 120), ("2023/04", 150)]);
    // more values than labels, or a run that cannot be split: dropped
    let out = run("2021/042022/04\nTenants 1 2 3\nMembers9000\nOthers 5 6\n");
    let names: Vec<&str> = out.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Others"]);
    // a label row alone, or a line of dates in running text, is no chart
    let out = run("2021/04 2022/04\n\n以上です。\n");
    assert!(out.series.is_empty());
    let out = run("開催日:2021/04/01 2021/04/02\nTenants 1 2\n");
    assert_eq!(out.series.len(), 0, "{:?}", out.series);
}
