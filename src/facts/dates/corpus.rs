//! The dates corpus: inputs with the dates they must yield, and inputs that must yield
//! none. Each example gives the release date the document would have (or none), so
//! nothing depends on today. Run as tests.

use super::*;
use crate::pipeline::testing::with_doc;

/// (input, release date, expected (text, value) in text order).
type Example = (&'static str, Option<&'static str>, &'static [(&'static str, &'static str)]);

const EXAMPLES: &[Example] = &[
    // full and partial dates
    ("2018年8月31日", None, &[("2018年8月31日", "2018-08-31")]),
    ("2018年8月", None, &[("2018年8月", "2018-08")]),
    ("2018年", None, &[("2018年", "2018")]),
    ("1919年に設立された", None, &[("1919年", "1919")]),
    ("2018年 8月 31日", None, &[("2018年 8月 31日", "2018-08-31")]),
    ("2024年2月29日", None, &[("2024年2月29日", "2024-02-29")]),
    // numeric forms
    ("配信日時: 2021-05-11 14:00:00", None, &[("2021-05-11 14:00:00", "2021-05-11T14:00:00")]),
    ("2021-05-11", None, &[("2021-05-11", "2021-05-11")]),
    ("2021/05/11", None, &[("2021/05/11", "2021-05-11")]),
    ("2021/5/1 9:30", None, &[("2021/5/1 9:30", "2021-05-01T09:30:00")]),
    ("2018/04", None, &[("2018/04", "2018-04")]),
    ("2018.8.31", None, &[("2018.8.31", "2018-08-31")]),
    ("2018/042018/10", None, &[("2018/04", "2018-04"), ("2018/10", "2018-10")]),
    ("2024-04-01T10:00:00+09:00", None, &[("2024-04-01T10:00:00", "2024-04-01T10:00:00")]),
    ("H30.4.1付", None, &[("H30.4.1", "2018-04-01")]),
    ("R5.4.1", None, &[("R5.4.1", "2023-04-01")]),
    // full-width digits and kanji numerals
    ("２０１８年８月３１日", None, &[("２０１８年８月３１日", "2018-08-31")]),
    ("２０１８／０４／０１", None, &[("２０１８／０４／０１", "2018-04-01")]),
    ("二〇一八年八月三十一日", None, &[("二〇一八年八月三十一日", "2018-08-31")]),
    ("二〇一八年", None, &[("二〇一八年", "2018")]),
    ("八月三十日", Some("2018-08-31"), &[("八月三十日", "2018-08-30")]),
    ("十二月一日に開催", Some("2019-11-01"), &[("十二月一日", "2019-12-01")]),
    // weekday annotations: kept out of the text
    ("2018年8月31日(金)", None, &[("2018年8月31日", "2018-08-31")]),
    ("2018年8月31日（金）", None, &[("2018年8月31日", "2018-08-31")]),
    ("8月31日（金）", Some("2018-08-01"), &[("8月31日", "2018-08-31")]),
    ("5月3日(金・祝)", Some("2024-04-01"), &[("5月3日", "2024-05-03")]),
    // eras
    ("令和5年4月1日", None, &[("令和5年4月1日", "2023-04-01")]),
    ("令和元年5月1日", None, &[("令和元年5月1日", "2019-05-01")]),
    ("平成30年", None, &[("平成30年", "2018")]),
    ("平成元年4月", None, &[("平成元年4月", "1989-04")]),
    ("昭和63年4月 入社", None, &[("昭和63年4月", "1988-04")]),
    ("昭和58年3月 東京大学卒業", None, &[("昭和58年3月", "1983-03")]),
    ("大正12年9月1日", None, &[("大正12年9月1日", "1923-09-01")]),
    ("明治45年", None, &[("明治45年", "1912")]),
    ("令和6年度", None, &[("令和6年度", "2024")]),
    ("平成 30 年 6 月", None, &[("平成 30 年 6 月", "2018-06")]),
    ("令和五年四月一日", None, &[("令和五年四月一日", "2023-04-01")]),
    // parts of a month, fiscal years
    ("2018年1月末", None, &[("2018年1月末", "2018-01")]),
    ("2018年4月上旬", None, &[("2018年4月上旬", "2018-04")]),
    ("2018年4月中旬", None, &[("2018年4月中旬", "2018-04")]),
    ("2018年4月下旬", None, &[("2018年4月下旬", "2018-04")]),
    ("2018年度", None, &[("2018年度", "2018")]),
    ("2025年度から", None, &[("2025年度", "2025")]),
    ("3月末までに", Some("2024-01-15"), &[("3月末", "2024-03")]),
    // context words stay out of the text
    ("2018年1月末時点", None, &[("2018年1月末", "2018-01")]),
    ("2021年5月現在", None, &[("2021年5月", "2021-05")]),
    ("2021年5月11日現在", None, &[("2021年5月11日", "2021-05-11")]),
    ("2024年9月まで", None, &[("2024年9月", "2024-09")]),
    ("2020年から", None, &[("2020年", "2020")]),
    ("2020年以降", None, &[("2020年", "2020")]),
    ("2011年指定", None, &[("2011年", "2011")]),
    ("9位(2018年)にランキング", None, &[("2018年", "2018")]),
    // ranges
    ("2018年4月1日〜6月30日", None, &[("2018年4月1日", "2018-04-01"), ("6月30日", "2018-06-30")]),
    ("2018年4月1日~6月30日", None, &[("2018年4月1日", "2018-04-01"), ("6月30日", "2018-06-30")]),
    ("4月1日から3日まで", Some("2019-03-01"), &[("4月1日", "2019-04-01"), ("3日", "2019-04-03")]),
    (
        "2012年5月30日（水）〜6月10日（日）",
        None,
        &[("2012年5月30日", "2012-05-30"), ("6月10日", "2012-06-10")],
    ),
    ("2024年7月1日(月)〜8月31日(土)", None, &[("2024年7月1日", "2024-07-01"), ("8月31日", "2024-08-31")]),
    ("2024年4月〜6月", None, &[("2024年4月", "2024-04"), ("6月", "2024-06")]),
    ("2023年12月1日から2024年1月31日まで", None, &[("2023年12月1日", "2023-12-01"), ("2024年1月31日", "2024-01-31")]),
    // year inference
    ("川崎市と8月30日、覚書を締結しました。", Some("2018-08-31"), &[("8月30日", "2018-08-30")]),
    ("8月30日に締結", None, &[("8月30日", "XXXX-08-30")]),
    ("1月に締結した", None, &[("1月", "XXXX-01")]),
    ("2016年5月にA大学、6月にB協会と提携した。", None, &[("2016年5月", "2016-05"), ("6月", "2016-06")]),
    ("2016年に設立。同年4月に開所した。", None, &[("2016年", "2016"), ("4月", "2016-04")]),
    ("本年4月に開所", Some("2019-01-10"), &[("4月", "2019-04")]),
    ("今年7月", Some("2022-03-01"), &[("7月", "2022-07")]),
    ("2015年に設立し、翌年3月に上場した。", None, &[("2015年", "2015"), ("3月", "2016-03")]),
    ("2024年\n\n1月\n\n連携\n\n覚書を締結\n\n2月\n\nイベント", None, &[("2024年", "2024"), ("1月", "2024-01"), ("2月", "2024-02")]),
    (
        "2024年\n\n3月\n\n1月に締結した覚書に基づく\n\n2023年\n\n12月\n\nイベント",
        Some("2025-01-01"),
        &[("2024年", "2024"), ("3月", "2024-03"), ("1月", "2024-01"), ("2023年", "2023"), ("12月", "2023-12")],
    ),
    ("2月29日", Some("2024-01-05"), &[("2月29日", "2024-02-29")]),
    // dates next to other numbers
    ("2020年11月11日にアストラゼネカを含む7社・団体で発足", None, &[("2020年11月11日", "2020-11-11")]),
    ("2019年5月16日に、UCLA Healthと", None, &[("2019年5月16日", "2019-05-16")]),
    ("3月期決算", Some("2024-05-10"), &[("3月", "2024-03")]),
    ("(2022年9月、期間満了により閉鎖)", None, &[("2022年9月", "2022-09")]),
    ("設立:2000年3月", None, &[("2000年3月", "2000-03")]),
    ("2017年10月に日本橋で実施した", None, &[("2017年10月", "2017-10")]),
    ("12月", Some("2023-06-01"), &[("12月", "2023-12")]),
    ("開催日:2024年11月5日(火)・6日(水)", None, &[("2024年11月5日", "2024-11-05"), ("6日", "2024-11-06")]),
    ("平成30年6月 取締役\n令和2年4月 代表取締役社長", None, &[("平成30年6月", "2018-06"), ("令和2年4月", "2020-04")]),
    ("2010年4月1日付で", None, &[("2010年4月1日", "2010-04-01")]),
    ("2024年3月31日をもって", None, &[("2024年3月31日", "2024-03-31")]),
    ("1999年12月31日", None, &[("1999年12月31日", "1999-12-31")]),
    ("2030年までに", None, &[("2030年", "2030")]),
    ("2024年度上期", None, &[("2024年度上期", "2024")]),
    ("2027年度末に60%", None, &[("2027年度末", "2027")]),
    ("2024年5月28日(火)午前10時から", None, &[("2024年5月28日(火)午前10時", "2024-05-28T10:00:00")]),
    ("9月12日(木)午後2時30分", Some("2024-04-01"), &[("9月12日(木)午後2時30分", "2024-09-12T14:30:00")]),
    ("2024年5月20日(月)14:00〜15:30", None, &[("2024年5月20日(月)14:00", "2024-05-20T14:00:00")]),
    ("5月27日(月)正午まで", Some("2024-05-01"), &[("5月27日(月)正午", "2024-05-27T12:00:00")]),
    ("2000年代に入り", None, &[]),
    ("2024年10月15日に署名。翌10月16日に視察", None, &[("2024年10月15日", "2024-10-15"), ("10月16日", "2024-10-16")]),
    ("1994年(平成6年)\n\n6月\n\n設立", None, &[("1994年", "1994"), ("平成6年", "1994"), ("6月", "1994-06")]),
    ("同日", None, &[]),
    ("2022年3月\n\nコミュニティ\n\n京都と協定を締結", None, &[("2022年3月", "2022-03")]),
    ("10月頃", Some("2021-02-01"), &[("10月", "2021-10")]),
    ("2021年11月", None, &[("2021年11月", "2021-11")]),
    ("２０２４年４月１日（月）", None, &[("２０２４年４月１日", "2024-04-01")]),
    ("令和６年４月１日", None, &[("令和６年４月１日", "2024-04-01")]),
];

/// Durations and relative expressions: (input, (text, value)).
const DURATIONS: &[(&str, &[(&str, &str)])] = &[
    ("約2年前より交流", &[("約2年前", "P2Y")]),
    ("今後5年間にわたり", &[("今後5年間", "P5Y")]),
    ("半年間", &[("半年間", "P6M")]),
    ("半年経過した", &[("半年経過", "P6M")]),
    ("2年ぶりの開催", &[("2年ぶり", "P2Y")]),
    ("約1年半で", &[("約1年半", "P1Y6M")]),
    ("3か月間の実証", &[("3か月間", "P3M")]),
    ("6カ月", &[("6カ月", "P6M")]),
    ("2週間", &[("2週間", "P14D")]),
    ("3日間にわたって開催", &[("3日間", "P3D")]),
    ("創業100年", &[]),
    ("5周年", &[]),
];

/// Strings that must yield no date.
const NEGATIVE: &[&str] = &[
    "第二期の実証実験",
    "第2回",
    "5周年を記念し",
    "湘南アイパークフェスタ2024を開催",
    "ヘルスケアMaaS 2023",
    "UCLA, Los Angelesにて63日",
    "電話:03-1234-5678",
    "TEL 0120-123-456",
    "〒100-0005",
    "資本金1000万円",
    "約52.4%削減",
    "京都リサーチパーク株式会社(日)",
    "One Nucleus(英)",
    "2年目",
    "24時間365日",
    "13月1日",
    "2月30日",
    "第3号",
    "14名のノーベル賞受賞者",
    "バージョン2.1.3",
    "証券コード:4519",
    "(コード番号:1234 東証プライム)",
    "iPhone15",
    "100カ国以上",
    "400メートル",
    "ISO9001:2015",
    "日",
    "年月 団体・組織名 提携内容",
];

fn run(input: &str, release: Option<&str>) -> Extraction {
    with_doc(input, |doc| {
        let mut found = Found { release_date: release.and_then(|r| r.parse().ok()), ..Found::default() };
        let mut out = Extraction::default();
        extract(doc, &mut found, &mut out);
        out
    })
}

#[test]
fn corpus() {
    let mut failures = Vec::new();
    for (input, release, expected) in EXAMPLES {
        let out = run(input, *release);
        let got: Vec<(String, String)> = out.dates.iter().map(|d| (d.text.clone(), d.value.to_string())).collect();
        let want: Vec<(String, String)> = expected.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
        if got != want {
            failures.push(format!("{input:?} (release {release:?})\n   want {want:?}\n    got {got:?}"));
        }
        for d in &out.dates {
            assert_eq!(&input[d.span.range()], d.text, "span of {:?} in {input:?}", d.text);
        }
    }
    assert!(failures.is_empty(), "{} of {} examples fail:\n{}", failures.len(), EXAMPLES.len(), failures.join("\n"));
}

#[test]
fn durations_corpus() {
    let mut failures = Vec::new();
    for (input, expected) in DURATIONS {
        let out = run(input, None);
        let got: Vec<(String, String)> = out.durations.iter().map(|d| (d.text.clone(), d.value.to_string())).collect();
        let want: Vec<(String, String)> = expected.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
        if got != want {
            failures.push(format!("{input:?}\n   want {want:?}\n    got {got:?}"));
        }
        assert!(out.dates.is_empty(), "{input:?} gave dates {:?}", out.dates);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn negative_corpus() {
    let mut failures = Vec::new();
    for input in NEGATIVE {
        let out = run(input, Some("2024-04-01"));
        if !out.dates.is_empty() {
            failures.push(format!("{input:?} gave {:?}", out.dates.iter().map(|d| &d.text).collect::<Vec<_>>()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn precision_and_sources() {
    let out = run("2018年8月31日\n2018年度\n2021-05-11 14:00:00\n8月30日に締結\n2018年4月下旬", Some("2018-08-31"));
    let got: Vec<(Precision, YearSource)> = out.dates.iter().map(|d| (d.precision, d.year_source)).collect();
    assert_eq!(
        got,
        vec![
            (Precision::Day, YearSource::Stated),
            (Precision::FiscalYear, YearSource::Stated),
            (Precision::Datetime, YearSource::Stated),
            (Precision::Day, YearSource::ReleaseDate),
            (Precision::Month, YearSource::Stated),
        ]
    );
    assert_eq!(out.dates[4].part_of_month, Some(crate::model::MonthPart::Late));
}

#[test]
fn ranges_and_context() {
    let out = run("2018年4月1日〜6月30日まで", None);
    assert_eq!(out.date_ranges.len(), 1);
    let r = &out.date_ranges[0];
    assert_eq!((r.text.as_str(), r.start.to_string(), r.end.to_string()), ("2018年4月1日〜6月30日", "2018-04-01".into(), "2018-06-30".into()));
    assert_eq!(out.dates[1].context.as_deref(), Some("まで"));
    assert_eq!(out.dates[1].year_source, YearSource::Context);
}

#[test]
fn parse_one_reads_a_leading_date() {
    let (p, r) = parse_one("2024-04-01T10:00:00+09:00").unwrap();
    assert_eq!((p.year, p.month, p.day, r), (Some(2024), Some(4), Some(1), 0..19));
    assert!(parse_one("本文 2024年").is_none());
}
