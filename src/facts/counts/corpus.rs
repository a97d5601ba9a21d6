//! The counts corpus: inputs with the counts they must yield, inputs that must yield
//! none, and the structure (part and whole, change, scope, subject) and amounts read
//! around them. Dates run first, as in the pipeline. Run as tests.

use super::*;
use crate::model::AmountKind;
use crate::pipeline::testing::with_doc;

use CountKind::{Cardinal as C, Ordinal as O};
use Qualifier::{About, AtLeast, Over, Total, UpTo};

/// One expected count: text, value, unit, kind, qualifier.
type Expected = (
    &'static str,
    i64,
    &'static str,
    CountKind,
    Option<Qualifier>,
);
/// The same, owned, as read from an extraction.
type Owned = (String, i64, String, CountKind, Option<Qualifier>);

const EXAMPLES: &[(&str, &[Expected])] = &[
    // ---- ordinals: suffixed
    (
        "今般の川崎市との提携は9例目となります。",
        &[("9例目", 9, "例目", O, None)],
    ),
    (
        "今般のUCLAとの提携は10例目となります。",
        &[("10例目", 10, "例目", O, None)],
    ),
    (
        "本町にとって12件目の包括連携協定",
        &[("12件目", 12, "件目", O, None)],
    ),
    ("2度目の最優秀賞", &[("2度目", 2, "度目", O, None)]),
    ("第2代院長に就任", &[("第2代", 2, "代", O, None)]),
    (
        "「UCLAはLINK-Jの10番目のMOUパートナーです」",
        &[("10番目", 10, "番目", O, None)],
    ),
    (
        "同市は県内で9市目の参加となる。",
        &[("9市目", 9, "市目", O, None)],
    ),
    ("国内で3社目の導入となる", &[("3社目", 3, "社目", O, None)]),
    ("2回目の開催となる今回は", &[("2回目", 2, "回目", O, None)]),
    ("５例目の提携", &[("５例目", 5, "例目", O, None)]),
    ("１０番目の拠点", &[("１０番目", 10, "番目", O, None)]),
    ("5人目の受賞者", &[("5人目", 5, "人目", O, None)]),
    ("通算5回目の開催", &[("5回目", 5, "回目", O, None)]),
    // ---- ordinals: 第
    (
        "クラウドファンディング第3号を実施",
        &[("第3号", 3, "号", O, None)],
    ),
    (
        "インキュベーションプログラム第2回 (Japan Innovation)",
        &[("第2回", 2, "回", O, None)],
    ),
    (
        "「日本VCコンソーシアム」第4期を開始",
        &[("第4期", 4, "期", O, None)],
    ),
    ("第二期の実証実験を開始", &[("第二期", 2, "期", O, None)]),
    ("第2回目の会合", &[("第2回目", 2, "回", O, None)]),
    ("第 3 回 定時総会", &[("第 3 回", 3, "回", O, None)]),
    ("第十回大会を開催", &[("第十回", 10, "回", O, None)]),
    ("第1次募集を開始", &[("第1次", 1, "次", O, None)]),
    ("第２期の募集", &[("第２期", 2, "期", O, None)]),
    (
        "「親子科学教室」第1回を開催",
        &[("第1回", 1, "回", O, None)],
    ),
    (
        "コンソーシアム「湘南会議」第3期 (周産期うつ病) 開始",
        &[("第3期", 3, "期", O, None)],
    ),
    // ---- cardinals
    (
        "7社・団体で発足し",
        &[("7社・団体", 7, "社・団体", C, None)],
    ),
    (
        "2020年11月11日にアストラゼネカを含む7社・団体で発足",
        &[("7社・団体", 7, "社・団体", C, None)],
    ),
    (
        "加盟パートナー数は73社・団体者にまで増えました。",
        &[("73社・団体", 73, "社・団体", C, None)],
    ),
    (
        "344社を超える医療関連企業・団体が集積し",
        &[("344社", 344, "社", C, Some(Over))],
    ),
    (
        "国内外9団体となった連携先との関係",
        &[("9団体", 9, "団体", C, None)],
    ),
    (
        "英国など主要ライフサイエンスクラスター4団体と提携",
        &[("4団体", 4, "団体", C, None)],
    ),
    (
        "約3,500名が来場",
        &[("約3,500名", 3500, "名", C, Some(About))],
    ),
    (
        "地域の方を中心に約7,000名が来場",
        &[("約7,000名", 7000, "名", C, Some(About))],
    ),
    (
        "近隣住民を中心に、のべ1,400人の市民が来場",
        &[("1,400人", 1400, "人", C, Some(Total))],
    ),
    (
        "のべ約9,000人の接種を実施",
        &[("約9,000人", 9000, "人", C, Some(Total))],
    ),
    (
        "17の国と地域で国の枠を超えた",
        &[("17の国と地域", 17, "国と地域", C, None)],
    ),
    (
        "当社は100カ国以上で事業を展開しています",
        &[("100カ国", 100, "カ国", C, Some(Over))],
    ),
    (
        "「最前線の活用」をテーマに実施し、25社が参加",
        &[("25社", 25, "社", C, None)],
    ),
    (
        "単独スポンサーのもと、8 社が参画",
        &[("8 社", 8, "社", C, None)],
    ),
    (
        "1社のみでは実現しない創薬支援",
        &[("1社", 1, "社", C, None)],
    ),
    (
        "入居企業など22社がサイエンスプログラムを提供",
        &[("22社", 22, "社", C, None)],
    ),
    ("関連分野の11社と共同で", &[("11社", 11, "社", C, None)]),
    (
        "約30社が技術を展示し、約900名が来場",
        &[
            ("約30社", 30, "社", C, Some(About)),
            ("約900名", 900, "名", C, Some(About)),
        ],
    ),
    ("全6回実施", &[("6回", 6, "回", C, Some(Total))]),
    (
        "14名のノーベル賞受賞者を始め、9名の米国国家科学賞受賞者",
        &[("14名", 14, "名", C, None), ("9名", 9, "名", C, None)],
    ),
    (
        "海外6団体を含む10団体と提携",
        &[
            ("6団体", 6, "団体", C, None),
            ("10団体", 10, "団体", C, None),
        ],
    ),
    (
        "参画パートナーは発足当初の7から73社・団体へ成長",
        &[("73社・団体", 73, "社・団体", C, None)],
    ),
    // full-width digits, commas, kanji numerals
    ("２５社が参加", &[("２５社", 25, "社", C, None)]),
    ("３，５００名", &[("３，５００名", 3500, "名", C, None)]),
    (
        "約３，５００名が来場",
        &[("約３，５００名", 3500, "名", C, Some(About))],
    ),
    ("十社が参加した", &[("十社", 10, "社", C, None)]),
    ("二十五名の研究者", &[("二十五名", 25, "名", C, None)]),
    ("千人規模のイベント", &[("千人", 1000, "人", C, None)]),
    ("一万二千人が来場", &[("一万二千人", 12000, "人", C, None)]),
    ("三千五百人", &[("三千五百人", 3500, "人", C, None)]),
    ("百名を招待", &[("百名", 100, "名", C, None)]),
    ("1万2千人が来場", &[("1万2千人", 12000, "人", C, None)]),
    (
        "約1.5万人が参加",
        &[("約1.5万人", 15000, "人", C, Some(About))],
    ),
    (
        "世界で3億人が利用",
        &[("3億人", 300_000_000, "人", C, None)],
    ),
    ("10 団体", &[("10 団体", 10, "団体", C, None)]),
    // qualifiers
    ("延べ300名が受講", &[("300名", 300, "名", C, Some(Total))]),
    ("計3社の特許", &[("3社", 3, "社", C, Some(Total))]),
    (
        "合計12施設を整備",
        &[("12施設", 12, "施設", C, Some(Total))],
    ),
    ("総勢50名の専門家", &[("50名", 50, "名", C, Some(Total))]),
    (
        "累計1,000名を突破",
        &[("1,000名", 1000, "名", C, Some(Total))],
    ),
    ("最大20名まで受け入れ", &[("20名", 20, "名", C, Some(UpTo))]),
    ("定員は10名まで", &[("10名", 10, "名", C, Some(UpTo))]),
    ("100名超の応募", &[("100名", 100, "名", C, Some(Over))]),
    (
        "50名程度の参加を見込む",
        &[("50名", 50, "名", C, Some(About))],
    ),
    ("10名以下のチーム", &[("10名", 10, "名", C, Some(UpTo))]),
    ("5名未満の企業", &[("5名", 5, "名", C, Some(UpTo))]),
    (
        "少なくとも3社以上が参加",
        &[("3社", 3, "社", C, Some(AtLeast))],
    ),
    (
        "およそ200人が集まった",
        &[("およそ200人", 200, "人", C, Some(About))],
    ),
    (
        "1,000名以上が参加",
        &[("1,000名", 1000, "名", C, Some(Over))],
    ),
    (
        "1000社を超える企業",
        &[("1000社", 1000, "社", C, Some(Over))],
    ),
    ("100名余りが参加", &[("100名", 100, "名", C, Some(Over))]),
    ("10社まで拡大した", &[("10社", 10, "社", C, None)]),
    (
        "9社が新たに加盟し、計35社となった",
        &[
            ("9社", 9, "社", C, None),
            ("35社", 35, "社", C, Some(Total)),
        ],
    ),
    // countries, places, other counters
    ("世界100カ国で展開", &[("100カ国", 100, "カ国", C, None)]),
    ("12か国から参加", &[("12か国", 12, "か国", C, None)]),
    ("12ヶ国の代表", &[("12ヶ国", 12, "ヶ国", C, None)]),
    (
        "30カ国・地域で販売",
        &[("30カ国・地域", 30, "カ国・地域", C, None)],
    ),
    ("国内5施設を持つ", &[("5施設", 5, "施設", C, None)]),
    ("全国100施設", &[("100施設", 100, "施設", C, None)]),
    ("大学3校と協定を締結", &[("3校", 3, "校", C, None)]),
    ("5大学と連携", &[("5大学", 5, "大学", C, None)]),
    ("10機関が参加", &[("10機関", 10, "機関", C, None)]),
    ("30都市を展開", &[("30都市", 30, "都市", C, None)]),
    ("20都市で開催", &[("20都市", 20, "都市", C, None)]),
    ("5者で連携協定を締結", &[("5者", 5, "者", C, None)]),
    ("3大学の共同研究", &[("3大学", 3, "大学", C, None)]),
    ("10例の症例", &[("10例", 10, "例", C, None)]),
    ("会員企業3,000社", &[("3,000社", 3000, "社", C, None)]),
    (
        "2社から5社へ拡大",
        &[("2社", 2, "社", C, None), ("5社", 5, "社", C, None)],
    ),
    ("来場者100名を目指す", &[("100名", 100, "名", C, None)]),
    // next to dates and amounts
    ("２０２４年に３０社", &[("３０社", 30, "社", C, None)]),
    ("2025年度までに10施設", &[("10施設", 10, "施設", C, None)]),
    ("2018年1月末時点で344社", &[("344社", 344, "社", C, None)]),
    (
        "当初目標金額の2倍近い1000万円以上の支援を獲得し、25社が参加",
        &[("25社", 25, "社", C, None)],
    ),
    (
        "第1号「副作用の少ない癌治療」は",
        &[("第1号", 1, "号", O, None)],
    ),
    (
        "第1部は講演、第2部はパネルディスカッション",
        &[("第1部", 1, "部", O, None), ("第2部", 2, "部", O, None)],
    ),
    (
        "参加校:国内12校、海外3校",
        &[("12校", 12, "校", C, None), ("3校", 3, "校", C, None)],
    ),
    (
        "全国47都道府県で展開",
        &[("47都道府県", 47, "都道府県", C, None)],
    ),
    ("2名1組で参加", &[("2名", 2, "名", C, None)]),
    (
        "約30か国・地域から延べ1万人を超える来場者",
        &[
            ("約30か国・地域", 30, "か国・地域", C, Some(About)),
            ("1万人", 10000, "人", C, Some(Over)),
        ],
    ),
    (
        "「Web3.0時代の連携」と題して、3社のCEOが登壇",
        &[("3社", 3, "社", C, None)],
    ),
];

/// Strings that must yield no count.
const NEGATIVE: &[&str] = &[
    // series, teams and groups are no counted category; 件 and 度 count only with 目
    "キャンペーン第1弾として",
    "4チームが出場",
    "各回30組",
    "応募件数37件",
    "気温は30度",
    "20代の社員",
    // a section number before a heading
    "７　組織改正の概要",
    // money, percentages, lengths, areas
    "資本金1000万円",
    "1,200万円以上の支援",
    "総額3億円",
    "約52.4%削減",
    "100%取得",
    "400メートルのメイン廊下",
    "5kmのコース",
    "3,000平方メートル",
    "100m2の区画",
    "1.5倍にあたる",
    // dates and durations
    "2018年",
    "8月",
    "2018/04",
    "2018年8月31日",
    "2年目",
    "約2年前より",
    "今後5年間にわたり",
    "約1年半で",
    "24時間365日",
    // names, codes, numbers without a counter
    "chocoZAP(チョコザップ)",
    "湘南アイパークフェスタ2024を開催",
    "ヘルスケアMaaS 2023 ~健康・移動をデータで~",
    "iPS細胞",
    "COVID-19",
    "A4サイズ",
    "電話:03-1234-5678",
    "〒100-0005",
    "証券コード:4519",
    "バージョン2.1.3",
    "Tenants202639616972828993102100111115",
    "Members8193237354753585765",
    "会員数は、募集開始後約1年半で、法人・個人含めて190を超えました。",
    "湘南アイパークの企業・団体計25がサイエンスプログラムを提供",
    "入居企業・団体が100、メンバー企業・団体が50となる",
    "入居企業・団体が50を超える",
    "発足当初の7から",
    // per NOTES: not counted categories, quoted labels
    "アイパークが連携の覚書 (「5者連携」) を締結",
    "「1回目接種」および「2回目接種」",
    "施設内に20点のアートを設置",
    "開所5周年を記念し",
    "開かれたサイエンスパークの第1歩として",
    "3つの重点領域において",
    "3つのビジネスモデルを考案",
    "9位(2018年)にランキング",
    "「Web3.0時代の3社連携」と題して",
    "5年連続で売上を伸ばし、10期連続の増収を達成",
    "1台で3役をこなす",
    "児童生徒1人1台の端末を配備",
    "参加者1人あたり500円",
    "女性は約4割を占めます",
    "第3四半期の業績",
    "3年後に",
    "20代~30代の社員",
    "100年の歴史を持つ",
    "2部構成",
    // kanji in words
    "第一人者が登壇し",
    "一人ひとりに寄り添う",
    "(一社)日本協会",
    "第三者機関",
    "唯一の拠点",
    // sites, places and cases are not counted (fixtures/corpus/NOTES-a.md)
    "国内5拠点を持つ",
    "計3件の特許",
    "30店舗を展開",
    "事業所:国内12カ所",
    "12カ国語に対応",
    "会社法第2条第15号に定める",
    "登録金融機関 関東財務局長(登金)第45号",
    "数十社が参加",
    "二人三脚で",
    "三井不動産",
    "第一三共",
    "九州大学",
    "十分な効果",
    "千葉県",
    "一般社団法人",
    "四国",
];

fn run(input: &str) -> Extraction {
    with_doc(input, |doc| {
        let mut found = Found::default();
        let mut out = Extraction::default();
        crate::facts::dates::extract(doc, &mut found, &mut out);
        extract(doc, &mut found, &mut out);
        assert_eq!(
            found.counts.len(),
            out.counts.len(),
            "found.counts parallels counts in {input:?}"
        );
        for c in &out.counts {
            assert_eq!(
                &input[c.span.range()],
                c.text,
                "span of {:?} in {input:?}",
                c.text
            );
        }
        for a in &out.amounts {
            assert_eq!(
                &input[a.span.range()],
                a.text,
                "span of {:?} in {input:?}",
                a.text
            );
        }
        out
    })
}

#[test]
fn corpus() {
    let mut failures = Vec::new();
    for (input, expected) in EXAMPLES {
        let out = run(input);
        let got: Vec<Owned> = out
            .counts
            .iter()
            .map(|c| (c.text.clone(), c.value, c.unit.clone(), c.kind, c.qualifier))
            .collect();
        let want: Vec<Owned> = expected
            .iter()
            .map(|&(t, v, u, k, q)| (t.to_string(), v, u.to_string(), k, q))
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
fn negative_corpus() {
    let mut failures = Vec::new();
    for input in NEGATIVE {
        let out = run(input);
        if !out.counts.is_empty() {
            failures.push(format!(
                "{input:?} gave {:?}",
                out.counts.iter().map(|c| &c.text).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fail:\n{}",
        failures.len(),
        NEGATIVE.len(),
        failures.join("\n")
    );
}

/// Each rule earns its place: some example needs it.
#[test]
fn every_rule_fires() {
    for rule in RULES.iter() {
        let fired = EXAMPLES.iter().any(|(input, _)| {
            with_doc(input, |doc| {
                let mut found = Found::default();
                crate::facts::dates::extract(doc, &mut found, &mut Extraction::default());
                let ctx = Ctx {
                    v: doc.text.v(),
                    vocab: doc.vocab,
                    tokens: doc.tokens,
                    dates: &found.dates,
                };
                rule.matches(ctx.v)
                    .into_iter()
                    .any(|(whole, n)| (rule.build)(&ctx, whole, n).is_some())
            })
        });
        assert!(fired, "rule {} matches nothing in the corpus", rule.name);
    }
}

#[test]
fn corpus_sizes() {
    assert!(EXAMPLES.len() >= 80, "{} examples", EXAMPLES.len());
    assert!(NEGATIVE.len() >= 30, "{} negatives", NEGATIVE.len());
}

fn count(out: &Extraction, value: i64) -> &Count {
    out.counts
        .iter()
        .find(|c| c.value == value)
        .unwrap_or_else(|| panic!("no count {value} in {:?}", out.counts))
}

#[test]
fn part_and_whole() {
    let out = run("海外6団体を含む10団体と提携");
    let (six, ten) = (count(&out, 6), count(&out, 10));
    assert_eq!(
        (six.part_of, six.scope.as_deref(), six.includes),
        (Some(10), Some("海外"), None)
    );
    assert_eq!(
        (ten.includes, ten.part_of, ten.scope.as_deref()),
        (Some(6), None, None)
    );

    let out = run("10団体(うち海外6団体)と提携");
    assert_eq!(count(&out, 10).includes, Some(6));
    assert_eq!(count(&out, 6).part_of, Some(10));
    assert_eq!(count(&out, 6).scope.as_deref(), Some("海外"));

    // a larger number is no part of a smaller one
    let out = run("12団体を含む10団体");
    assert_eq!(
        (count(&out, 12).part_of, count(&out, 10).includes),
        (None, None)
    );
}

#[test]
fn change_from() {
    let out = run("参画パートナーは発足当初の7から73社・団体へ成長");
    assert_eq!(out.counts.len(), 1);
    assert_eq!(out.counts[0].from, Some(7));
    let out = run("2社から5社へ拡大");
    assert_eq!((count(&out, 2).from, count(&out, 5).from), (None, Some(2)));
    // different units: where they came from, not what they grew from
    let out = run("約30か国・地域から延べ1万人を超える来場者");
    assert_eq!(count(&out, 10000).from, None);
    // a year is no starting value
    let out = run("2018年から5社へ");
    assert_eq!(count(&out, 5).from, None);
}

#[test]
fn scope() {
    for (input, value, scope) in [
        (
            "LINK-Jは今後も、国内外9団体となった連携先との関係を強化",
            9,
            "国内外",
        ),
        ("国内外10団体となった連携先", 10, "国内外"),
        ("海外6団体", 6, "海外"),
        ("世界100カ国で展開", 100, "世界"),
        ("全国約100施設", 100, "全国"),
    ] {
        let out = run(input);
        assert_eq!(count(&out, value).scope.as_deref(), Some(scope), "{input}");
    }
    assert_eq!(count(&run("5団体と提携"), 5).scope, None);
    // a scope that opens the noun before the number
    let out = run("~ 国内主要ライフサイエンスクラスター4団体と提携 ~");
    let four = count(&out, 4);
    assert_eq!(
        (four.scope.as_deref(), four.subject.as_deref()),
        (Some("国内"), Some("主要ライフサイエンスクラスター"))
    );
}

#[test]
fn subject() {
    for (input, value, subject) in [
        (
            "2021年5月11日現在、加盟パートナー数は73社・団体者にまで増えました。",
            73,
            Some("加盟パートナー数"),
        ),
        ("会員数は50社となった", 50, Some("会員数")),
        (
            "入居企業など22社がサイエンスプログラムを提供",
            22,
            Some("入居企業"),
        ),
        ("来場者は約3,500名にのぼった", 3500, Some("来場者")),
        ("14名のノーベル賞受賞者を輩出", 14, Some("ノーベル賞受賞者")),
        (
            "344社を超える医療関連企業・団体が集積し",
            344,
            Some("医療関連企業・団体"),
        ),
        ("国内外9団体となった連携先との関係", 9, Some("連携先")),
        (
            "近隣住民を中心に、のべ1,400人の市民が来場",
            1400,
            Some("市民"),
        ),
        (
            "英国など主要ライフサイエンスクラスター4団体と提携",
            4,
            Some("主要ライフサイエンスクラスター"),
        ),
        // a topic that is no group, a time, a verbal noun: no subject
        ("当社は100カ国以上で事業を展開", 100, None),
        ("今年3社と提携", 3, None),
        ("のべ約9,000人の接種を実施", 9000, None),
        ("25社が参加", 25, None),
        ("3社のCEOが登壇", 3, None),
        ("2名で参加", 2, None),
        ("上位10社のシェア", 10, None),
        ("お一人様1回限り", 1, None),
    ] {
        let out = run(input);
        assert_eq!(count(&out, value).subject.as_deref(), subject, "{input}");
    }
}

#[test]
fn amounts() {
    type Want = (
        &'static str,
        f64,
        &'static str,
        AmountKind,
        Option<Qualifier>,
    );
    let cases: &[(&str, Want)] = &[
        (
            "1000万円以上の支援を獲得",
            ("1000万円", 1e7, "円", AmountKind::Money, Some(Over)),
        ),
        (
            "当初目標金額の2倍近い1,200万円以上の支援",
            ("1,200万円", 1.2e7, "円", AmountKind::Money, Some(Over)),
        ),
        (
            "総額3億円を調達",
            ("3億円", 3e8, "円", AmountKind::Money, Some(Total)),
        ),
        (
            "シリーズAで1.5億円を調達",
            ("1.5億円", 1.5e8, "円", AmountKind::Money, None),
        ),
        (
            "3億5000万円",
            ("3億5000万円", 3.5e8, "円", AmountKind::Money, None),
        ),
        (
            "500万ドル",
            ("500万ドル", 5e6, "ドル", AmountKind::Money, None),
        ),
        (
            "温室効果ガスを約 52.4%削減",
            ("約 52.4%", 52.4, "%", AmountKind::Percent, Some(About)),
        ),
        (
            "約５２．４％削減",
            ("約５２．４％", 52.4, "%", AmountKind::Percent, Some(About)),
        ),
        (
            "信託受益権を100%取得",
            ("100%", 100.0, "%", AmountKind::Percent, None),
        ),
        (
            "400メートルのメイン廊下",
            ("400メートル", 400.0, "メートル", AmountKind::Length, None),
        ),
        ("5kmのコース", ("5km", 5.0, "km", AmountKind::Length, None)),
        (
            "3,000平方メートルの敷地",
            (
                "3,000平方メートル",
                3000.0,
                "平方メートル",
                AmountKind::Area,
                None,
            ),
        ),
        (
            "延床面積100㎡",
            ("100㎡", 100.0, "m2", AmountKind::Area, None),
        ),
        ("2haの農地", ("2ha", 2.0, "ha", AmountKind::Area, None)),
    ];
    let mut failures = Vec::new();
    for (input, (text, value, unit, kind, qualifier)) in cases {
        let out = run(input);
        let got: Vec<_> = out
            .amounts
            .iter()
            .map(|a| {
                (
                    a.text.as_str(),
                    a.value,
                    a.unit.as_str(),
                    a.kind,
                    a.qualifier,
                )
            })
            .collect();
        if got != [(*text, *value, *unit, *kind, *qualifier)] || !out.counts.is_empty() {
            failures.push(format!(
                "{input:?}: want {text:?} {value} {unit} {kind:?} {qualifier:?}, got {got:?} and counts {:?}",
                out.counts
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for input in ["5mgを投与", "2018年", "25社が参加", "1.5倍"] {
        assert!(run(input).amounts.is_empty(), "{input}");
    }
}

#[test]
fn vocabulary_adds_counters() {
    let mut vocab = crate::vocab::Vocabulary::default();
    vocab
        .extend_from_toml(
            "count_units = [{ unit = \"ブース\" }, { unit = \"節\", bare = false, dai = true }]",
            std::path::Path::new("v.toml"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let text = crate::input::Text::new("30ブースが出展し、第3節を開催");
    let tokens = crate::pipeline::testing::tokenizer()
        .tokenize(&text)
        .unwrap_or_else(|e| panic!("{e}"));
    let meta = crate::input::HtmlMeta::default();
    let doc = Doc {
        text: &text,
        tokens: &tokens,
        meta: &meta,
        vocab: &vocab,
    };
    let mut out = Extraction::default();
    extract(&doc, &mut Found::default(), &mut out);
    let got: Vec<(&str, CountKind)> = out
        .counts
        .iter()
        .map(|c| (c.text.as_str(), c.kind))
        .collect();
    assert_eq!(got, [("30ブース", C), ("第3節", O)]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Any mix of digits, numerals, counters, qualifiers and brackets: no panic, and
    /// every text is its span of the input.
    #[test]
    fn spans_hold_on_any_input(s in "[0-9０-９,，.第約全計のべ以上超を含む一二十百千万億社団体名人カ国例目回期号円%ー「」() \n年月日]{0,40}") {
        run(&s);
    }
}
