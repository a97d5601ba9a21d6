//! The partnerships corpus: small texts with the records they yield, and the seeds'
//! agreements (the new one, the earlier ones, the history table).

use crate::Extractor;
use crate::model::{Extraction, PartnershipSource};

fn run(text: &str) -> Extraction {
    let extractor = Extractor::new().unwrap_or_else(|e| panic!("{e}"));
    extractor.extract(text).unwrap_or_else(|e| panic!("{e}"))
}

/// (source, parties, agreement, date, ordinal) of one record.
type Summary = (
    PartnershipSource,
    Vec<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

fn summary(ex: &Extraction) -> Vec<Summary> {
    ex.partnerships
        .iter()
        .map(|p| {
            (
                p.source,
                p.parties.clone(),
                p.agreement.clone(),
                p.date.map(|d| d.to_string()),
                p.ordinal,
            )
        })
        .collect()
}

#[test]
fn an_announced_agreement() {
    let ex = run(
        "株式会社アカネは、2024年4月1日、横浜国立大学と包括連携協定を締結しました。本提携は3例目となります。",
    );
    assert_eq!(
        summary(&ex),
        vec![(
            PartnershipSource::Announcement,
            vec!["株式会社アカネ".to_string(), "横浜国立大学".to_string()],
            Some("包括連携協定".to_string()),
            Some("2024-04-01".to_string()),
            Some(3)
        )]
    );
}

#[test]
fn headline_and_body_are_one_record() {
    let ex = run(
        "アカネ、福岡市と連携協定を締結\n\n2024年5月10日\n株式会社アカネ\n\n株式会社アカネ(本社:東京都港区)は、福岡市と5月9日、まちづくりに関する連携協定を締結しました。",
    );
    let s = summary(&ex);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].3.as_deref(), Some("2024-05-09"));
}

#[test]
fn earlier_agreements_in_running_text() {
    let ex = run(
        "アカネ協会はこれまで、2016年5月にミナト大学、およびBIOCOM(米国のライフサイエンス団体)、2017年6月にEurobiomed(フランスのライフサイエンス団体)と業務提携の覚書を締結しており、今般の提携は4例目となります。",
    );
    let s: Vec<(Vec<String>, Option<String>)> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::RunningText)
        .map(|p| (p.parties.clone(), p.date.map(|d| d.to_string())))
        .collect();
    let partners: Vec<(&str, Option<&str>)> = s
        .iter()
        .map(|(p, d)| (p.last().map_or("", |x| x.as_str()), d.as_deref()))
        .collect();
    assert_eq!(
        partners,
        vec![
            ("ミナト大学", Some("2016-05")),
            ("BIOCOM", Some("2016-05")),
            ("Eurobiomed", Some("2017-06"))
        ]
    );
}

const SEED_001: &str = include_str!("../../../fixtures/seeds/001_dfd6054aa9c24ae2.txt");
const SEED_002: &str = include_str!("../../../fixtures/seeds/002_64870647275ca508.txt");
const SEED_003: &str = include_str!("../../../fixtures/seeds/003_5774fd373b5f6462.txt");
const SEED_004: &str = include_str!("../../../fixtures/seeds/004_b05a6d7050e9df95.txt");

const LINK_J: &str = "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン";

#[test]
fn seed_002_new_agreement_and_nine_table_rows() {
    let ex = run(SEED_002);
    let new: Vec<_> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::Announcement)
        .collect();
    assert_eq!(new.len(), 1, "{:?}", summary(&ex));
    assert!(
        new[0].parties.contains(&"川崎市".to_string())
            && new[0].parties.contains(&LINK_J.to_string())
    );
    assert_eq!(new[0].ordinal, Some(9));
    assert_eq!(
        new[0].date.map(|d| d.to_string()).as_deref(),
        Some("2018-08-30")
    );
    assert_eq!(new[0].scope.as_deref(), Some("ライフサイエンス領域"));
    let rows: Vec<(String, String, Option<String>)> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::HistoryTable)
        .map(|p| {
            (
                p.date.map(|d| d.to_string()).unwrap_or_default(),
                p.parties.last().cloned().unwrap_or_default(),
                p.country.clone(),
            )
        })
        .collect();
    let want = [
        ("2016-05", "カリフォルニア大学サンディエゴ校", "米国"),
        ("2016-05", "BIOCOM", "米国"),
        ("2017-06", "Eurobiomed", "フランス"),
        ("2017-07", "京都リサーチパーク株式会社", "日本"),
        ("2017-12", "One Nucleus", "英国"),
        ("2018-01", "公益財団法人先端医療振興財団", "日本"),
        ("2018-04", "慶應義塾大学先端生命科学研究所", "日本"),
        ("2018-06", "MedCity", "英国"),
        ("2018-08", "川崎市", "日本"),
    ];
    let want: Vec<(String, String, Option<String>)> = want
        .iter()
        .map(|(d, o, c)| (d.to_string(), o.to_string(), Some(c.to_string())))
        .collect();
    assert_eq!(rows, want);
    let first = ex
        .partnerships
        .iter()
        .find(|p| p.source == PartnershipSource::HistoryTable)
        .unwrap_or_else(|| panic!("no row"));
    assert_eq!(
        first.contents,
        vec![
            "刊行物、資料、情報の交換",
            "プログラムやイベントの相互開催",
            "著名な教授を招聘したシンポジウムを日本橋で開催 等"
        ]
    );
    assert_eq!(first.parties[0], LINK_J);
}

#[test]
fn seed_004_ucla_and_nine_earlier_partners() {
    let ex = run(SEED_004);
    let new: Vec<_> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::Announcement)
        .collect();
    assert_eq!(new.len(), 1, "{:?}", summary(&ex));
    assert!(
        new[0]
            .parties
            .contains(&"カリフォルニア大学ロサンゼルス校".to_string())
    );
    assert_eq!(new[0].ordinal, Some(10));
    assert_eq!(new[0].date, None, "「63日」 is no date");
    let earlier: Vec<(String, String)> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::RunningText)
        .map(|p| {
            (
                p.date.map(|d| d.to_string()).unwrap_or_default(),
                p.parties.last().cloned().unwrap_or_default(),
            )
        })
        .collect();
    let want = [
        ("2016-05", "カリフォルニア大学サンディエゴ校"),
        ("2016-05", "BIOCOM"),
        ("2017-06", "Eurobiomed"),
        ("2017-07", "京都リサーチパーク"),
        ("2017-12", "OneNucleus"),
        ("2018-02", "公益財団法人先端医療振興財団"),
        ("2018-04", "慶應義塾大学先端生命科学研究所"),
        ("2018-06", "MedCity"),
        ("2018-08", "川崎市"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(d, o)| (d.to_string(), o.to_string()))
        .collect();
    assert_eq!(earlier, want);
}

#[test]
fn seed_001_table_with_inline_contents() {
    let ex = run(SEED_001);
    let rows: Vec<_> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::HistoryTable)
        .collect();
    assert_eq!(rows.len(), 5, "{:?}", summary(&ex));
    assert_eq!(rows[0].contents.len(), 3);
    let new: Vec<_> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::Announcement)
        .collect();
    assert_eq!(new.len(), 1, "{:?}", summary(&ex));
    assert_eq!(new[0].ordinal, Some(6));
    assert_eq!(
        new[0].date.map(|d| d.to_string()).as_deref(),
        Some("2018-01")
    );
}

#[test]
fn seed_003_timeline_agreements() {
    let ex = run(SEED_003);
    let timeline: Vec<_> = ex
        .partnerships
        .iter()
        .filter(|p| p.source == PartnershipSource::Timeline)
        .collect();
    assert!(timeline.len() >= 8, "{:?}", summary(&ex));
    assert!(
        timeline
            .iter()
            .any(|p| p.parties.contains(&"横浜国立大学".to_string())
                && p.date.map(|d| d.to_string()).as_deref() == Some("2023-11"))
    );
    assert!(
        ex.partnerships
            .iter()
            .all(|p| p.source == PartnershipSource::Timeline),
        "{:?}",
        summary(&ex)
    );
}
