//! The organizations corpus: texts and the organizations (name, aliases) they yield,
//! and texts that must yield none.

use crate::model::Extraction;
use crate::pipeline::Stage;
use crate::pipeline::testing::{assert_corpus, extract_stages};

/// (input, expected organizations as (name, aliases)).
type Example = (
    &'static str,
    &'static [(&'static str, &'static [&'static str])],
);

const EXAMPLES: &[Example] = &[
    ("株式会社アカネは発表した。", &[("株式会社アカネ", &[])]),
    ("アカネ株式会社は発表した。", &[("アカネ株式会社", &[])]),
    ("(株)アカネと提携", &[("(株)アカネ", &[])]),
    // 新 opens a place's name (新潟), not only a new body (新会社); a prize after a name
    (
        "新潟あけぼの総合病院の院長に就任",
        &[("新潟あけぼの総合病院", &[])],
    ),
    (
        "協賛企業賞(株式会社ミズキ・ラボ賞)を受賞",
        &[("株式会社ミズキ・ラボ", &[])],
    ),
    // hiragana after a legal form written first is the name's, whatever IPADIC reads in
    // it (ほ|く: a verb; ながら: a conjunction), where a name follows
    (
        "株式会社ほくりくテクノは新製品を発表した。",
        &[("株式会社ほくりくテクノ", &[])],
    ),
    (
        "株式会社ながら川銀行からの借入金",
        &[("株式会社ながら川銀行", &[])],
    ),
    ("小規模な株式会社ながら世界で戦う", &[]),
    // the voluntary group a body grew from is another name of it; a group named in
    // brackets after its kind, in hiragana
    (
        "特定非営利活動法人ひまわり学習ネットは、設立10周年を迎えました。\n2011年4月 任意団体「ひまわり学習会」として活動を開始",
        &[("特定非営利活動法人ひまわり学習ネット", &["ひまわり学習会"])],
    ),
    (
        "学生団体「みなも防災サポーターズ」が表彰されました。",
        &[("みなも防災サポーターズ", &[])],
    ),
    // a prefecture acting, with its head in a parenthesis between the name and は
    (
        "高岡県(知事:真壁 一成)は、補助金の公募を開始します。",
        &[("高岡県", &[])],
    ),
    // a meeting of a body names the body
    (
        "3月19日のかえで市議会定例会において同意を得ました。",
        &[("かえで市議会", &[])],
    ),
    // Pte. is part of a Singapore company's form: the name without it is the same body
    (
        "Kestrel Partnersがリード\nKestrel Partners Pte. Ltd.をリード投資家とする第三者割当増資",
        &[("Kestrel Partners Pte. Ltd.", &["Kestrel Partners"])],
    ),
    // a comma before a Latin legal form does not split the English name in a parenthesis
    (
        "会社名 株式会社ミズキ電機(Mizuki Denki Co., Ltd.)",
        &[("株式会社ミズキ電機", &["Mizuki Denki Co., Ltd."])],
    ),
    // a name and its English name on one line (a page's header)
    (
        "ひばり国際大学　Hibari International University\nひばり国際大学は協定を締結しました。",
        &[("ひばり国際大学", &["Hibari International University"])],
    ),
    // a table of old and new names: each new name is its row's old name's alias
    (
        "以下の子会社の商号を変更いたします。\n旧商号\t新商号\n鶴見化学株式会社\t株式会社ツルミ・ケミカル\n",
        &[("鶴見化学株式会社", &["株式会社ツルミ・ケミカル"])],
    ),
    // numbered 新商号 and 旧商号 rows
    (
        "(1)新商号 株式会社ツルミ・ホールディングス\n(2)旧商号 鶴見産業株式会社\n",
        &[("鶴見産業株式会社", &["株式会社ツルミ・ホールディングス"])],
    ),
    // an operator and its hospital, spaced, as a party: two bodies
    (
        "社会医療法人ひばり会 ひばり台中央病院と連携して紹介します。",
        &[("社会医療法人ひばり会", &[]), ("ひばり台中央病院", &[])],
    ),
    // an audit firm's 有限責任 before its name
    (
        "有限責任 さざなみ監査法人を選定しました。",
        &[("有限責任 さざなみ監査法人", &[])],
    ),
    // a thing of a body before と is no party to the agreement; a body after の is one
    // (the prefecture is only a place here)
    (
        "株式会社ミズキ電機のスマートメーターと連携します。",
        &[("株式会社ミズキ電機", &[])],
    ),
    (
        "福岡県のひびき大学と連携協定を締結しました。",
        &[("ひびき大学", &[])],
    ),
    // a profile table's English name row is the name row's alias
    (
        "■会社概要\n会社名\t株式会社ヒバリソフト\n英文社名\tHibari Soft Inc.\n所在地\t東京都港区\n",
        &[("株式会社ヒバリソフト", &["Hibari Soft Inc."])],
    ),
    // a society's certification in a career is no mention of the society
    ("2019年 日本循環器病学会 循環器専門医\n", &[]),
    // a letter-spaced venue label
    ("会 場:ひばりが丘地区センター 2階", &[]),
    // a prefecture listed before a bank is not part of the bank's name (the prefecture
    // itself is listed where it acts: 「福井県は」, 「福井県知事」); a prefecture's and a
    // hiragana city's heads
    (
        "福井県・九頭竜信用金庫・あすわ商工会議所が協定を締結",
        &[("九頭竜信用金庫", &[]), ("あすわ商工会議所", &[])],
    ),
    ("福井県知事 大谷地 晴彦", &[("福井県", &[])]),
    ("(同席)あすわ市長 嘉村 恵美子", &[("あすわ市", &[])]),
    // group companies abroad: a Chinese one with its city, a Latin one with its country
    (
        "丸笹貿易(上海)有限公司 中国上海市\nMARUSASA (THAILAND) CO., LTD. タイ・ラヨーン県",
        &[
            ("丸笹貿易(上海)有限公司", &[]),
            ("MARUSASA (THAILAND) CO., LTD.", &[]),
        ],
    ),
    // the name row of an overview table names a body with neither form nor head
    (
        "(1)名称 カシノキ化成従業員持株会\n(2)所在地 岐阜県関市\n(3)代表者の役職・氏名 理事長 美濃部 颯太\n",
        &[("カシノキ化成従業員持株会", &[])],
    ),
    // a foreign city in katakana, a party with its name in Latin between
    (
        "遠賀浦市は、ニュージーランドのカイタレ市(Kaitare City)と姉妹都市提携を結びました。",
        &[("遠賀浦市", &[]), ("カイタレ市", &["Kaitare City"])],
    ),
    // a city's assembly, a foreign embassy
    ("遠賀浦市議会 栃尾美千代議長", &[("遠賀浦市議会", &[])]),
    (
        "在日ニュージーランド大使館 エマ・ロウリー一等書記官",
        &[("在日ニュージーランド大使館", &[])],
    ),
    ("横浜国立大学と包括連携協定を締結", &[("横浜国立大学", &[])]),
    (
        "一般社団法人アカネ協会(本社:東京都千代田区、以下「AKN」)は、AKNの会員を募集します。",
        &[("一般社団法人アカネ協会", &["AKN"])],
    ),
    (
        "株式会社アカネ(以下「アカネ」)は、アカネの新製品を発表した。",
        &[("株式会社アカネ", &["アカネ"])],
    ),
    (
        "株式会社アカネと合同会社アカネは別の会社です。",
        &[("株式会社アカネ", &[]), ("合同会社アカネ", &[])],
    ),
    (
        "アストラゼネカ株式会社(本社:大阪市北区)は発表した。アストラゼネカは英国の企業です。",
        &[("アストラゼネカ株式会社", &["アストラゼネカ"])],
    ),
    (
        "カリフォルニア大学サンディエゴ校(UCSD)と提携。UCSDは米国の大学です。",
        &[("カリフォルニア大学サンディエゴ校", &["UCSD"])],
    ),
    (
        "BIOCOM(米国サンディエゴのライフサイエンス団体)と覚書を締結",
        &[("BIOCOM", &[])],
    ),
    (
        "Eurobiomed(ユーロバイオメッド、南フランスのライフサイエンス団体)と覚書を締結",
        &[("Eurobiomed", &["ユーロバイオメッド"])],
    ),
    (
        "公益財団法人先端医療振興財団(現、神戸医療産業都市推進機構)と締結",
        &[(
            "公益財団法人先端医療振興財団",
            &["神戸医療産業都市推進機構"],
        )],
    ),
    ("川崎市長 福田 紀彦 氏", &[("川崎市", &[])]),
    (
        "神奈川県、藤沢市、鎌倉市が連携の覚書を締結",
        &[("神奈川県", &[]), ("藤沢市", &[]), ("鎌倉市", &[])],
    ),
    ("READYFORと事業提携し", &[("READYFOR", &[])]),
    (
        "ライフサイエンス産学連携コンソーシアム「iNexS」を設立",
        &[("iNexS", &[])],
    ),
    (
        "Janssen Research & Development LLC., 武田薬品工業と共催",
        &[
            ("Janssen Research & Development LLC.", &[]),
            ("武田薬品工業", &[]),
        ],
    ),
    (
        "Institute for Stem Cell Biology and Medicineを設立",
        &[("Institute for Stem Cell Biology and Medicine", &[])],
    ),
    (
        "産業ファンド投資法人が100%取得",
        &[("産業ファンド投資法人", &[])],
    ),
    (
        "京都リサーチパーク株式会社(日)",
        &[("京都リサーチパーク株式会社", &[])],
    ),
    (
        "一般社団法人アイディーフォー (iD4) 設立",
        &[("一般社団法人アイディーフォー", &["iD4"])],
    ),
    ("GenoLab Inc.と資本業務提携", &[("GenoLab Inc.", &[])]),
    (
        "中国のサイエンスパーク蘇州工業園区 (Suzhou Industrial Park) と覚書を締結",
        &[("蘇州工業園区", &["Suzhou Industrial Park"])],
    ),
    (
        "韓国中小ベンチャー企業部 (중소벤처기업부) の李永長官",
        &[("韓国中小ベンチャー企業部", &["중소벤처기업부"])],
    ),
    (
        "武田薬品工業の研究所。武田薬品が承継",
        &[("武田薬品工業", &["武田薬品"])],
    ),
    // hiragana names, which IPADIC cuts into verbs and particles
    (
        "国立大学法人こもれび大学と協定を締結",
        &[("国立大学法人こもれび大学", &[])],
    ),
    (
        "株式会社なのはな製菓は発表した。",
        &[("株式会社なのはな製菓", &[])],
    ),
    (
        "協賛\n・すずかぜ信用金庫:職員派遣",
        &[("すずかぜ信用金庫", &[])],
    ),
    (
        "公益財団法人あおば子ども基金から助成を受けた",
        &[("公益財団法人あおば子ども基金", &[])],
    ),
    // names listed with ・, a unit written after its hospital, a country marker
    (
        "東雲市・東雲市教育委員会・東雲情報大学が連携協定を締結",
        &[
            ("東雲市", &[]),
            ("東雲市教育委員会", &[]),
            ("東雲情報大学", &[]),
        ],
    ),
    (
        "名称:北川市民病院 救命救急センター",
        &[("北川市民病院 救命救急センター", &[])],
    ),
    (
        "英国・ハートフィールド工科大学の研究者と共同研究",
        &[("ハートフィールド工科大学", &[])],
    ),
    // a reading in the parenthesis, a group label beside its members
    (
        "Aoba株式会社(アオバ株式会社、本社:東京都港区)は発表した。",
        &[("Aoba株式会社", &["アオバ株式会社"])],
    ),
    (
        "東雲ホールディングス株式会社は、東雲グループの中核企業です。",
        &[("東雲ホールディングス株式会社", &[])],
    ),
    // places with ヶ or ケ inside, and one IPADIC reads as a family name
    ("楓ヶ浜市は、人事異動を発表した。", &[("楓ヶ浜市", &[])]),
    (
        "茅ヶ崎市は、鎌ケ谷市が主催する会議に参加した。",
        &[("茅ヶ崎市", &[]), ("鎌ケ谷市", &[])],
    ),
    // a faculty written with its university, solid or after a space; professional offices
    (
        "桐原大学理工学部の研究グループ",
        &[("桐原大学理工学部", &[])],
    ),
    (
        "委員長　能勢谷 弘道（国立大学法人東信州大学 農学部 教授）",
        &[("国立大学法人東信州大学 農学部", &[])],
    ),
    (
        "法務アドバイザーとして潮見坂法律事務所を起用しております。",
        &[("潮見坂法律事務所", &[])],
    ),
    // the name column of a table; the items of a host line, a particle inside one
    (
        "No.｜採択者名｜代表者｜所在地\n6｜北上山地森林組合｜代表理事組合長　猿橋 健｜岩手県宮古市\n",
        &[("北上山地森林組合", &[])],
    ),
    (
        "主催 みえ食の販路拡大推進協議会\n後援 中部食品流通ネットワーク、鈴鹿灘信用金庫\n",
        &[
            ("みえ食の販路拡大推進協議会", &[]),
            ("中部食品流通ネットワーク", &[]),
            ("鈴鹿灘信用金庫", &[]),
        ],
    ),
    // a two-line overview table: the label, then the name
    (
        "(1) 名称\n　株式会社ハルニレ計測\n(2) 所在地\n　岩手県北上市\n",
        &[("株式会社ハルニレ計測", &[])],
    ),
    // a profile's rows (label, tab, value) are no table with a name column
    (
        "会社名\t株式会社ケストレル\n所在地\t東京都文京区\n資本金\t10億円\n",
        &[("株式会社ケストレル", &[])],
    ),
    // a timeline row's year and month, spaced, before the party
    (
        "2021年 7月　株式会社ミソラ・ロボティクスと資本業務提携を締結",
        &[("株式会社ミソラ・ロボティクス", &[])],
    ),
];

/// Texts with no organization.
const NEGATIVE: &[&str] = &[
    "県が金融機関と締結する協定で、商工会議所を加えた3者の協定は初めてです。",
    "国内外のライフサイエンス団体ならびに研究機関との連携を推進",
    "医療関連企業が集積する",
    "入居企業など22社がプログラムを提供",
    "東京都中央区日本橋本町に所在する",
    "殿町地区進出企業",
    "UCLA-logo.jpg",
    "米国の州立大学で",
    "当社は本日発表しました。",
    "神戸医療産業都市の中核",
    "川崎市内に立地する企業",
    "英ロンドン市長主導で設立された",
    "日本最大級のバイオメディカルクラスター",
    "オープンイノベーションを促進",
    "特定非営利活動法人として認証を受けた",
    "2.センターの概要",
    "本店営業部と「法人営業センター」を新設",
    "広報・IRグループまでお問い合わせください",
    // a dictionary 組織 word that is an official's offices
    "市長部局は9部39課となります。",
    // designations and centres named by what is done there
    "石川県から地域医療支援病院の承認を受ける",
    "外来と健診センターの機能を充実させる",
    "県内の商工会議所・商工会と連携して実施します。",
];

fn run(input: &str) -> Extraction {
    extract_stages(input, None, Stage::Organizations, Stage::Organizations)
}

#[test]
fn corpus() {
    assert_corpus("organizations", EXAMPLES, |(input, expected)| {
        let out = run(input);
        for m in out.organizations.iter().flat_map(|o| &o.mentions) {
            assert_eq!(&input[m.span.range()], m.text);
        }
        let got: Vec<(String, Vec<String>)> = out
            .organizations
            .iter()
            .map(|o| (o.name.clone(), o.aliases.clone()))
            .collect();
        let want: Vec<(String, Vec<String>)> = expected
            .iter()
            .map(|(n, a)| (n.to_string(), a.iter().map(|s| s.to_string()).collect()))
            .collect();
        (got != want).then(|| format!("{input:?}\n   want {want:?}\n    got {got:?}"))
    });
}

#[test]
fn negative_corpus() {
    assert_corpus("organizations (negative)", NEGATIVE, |input| {
        let out = run(input);
        let names: Vec<&String> = out.organizations.iter().map(|o| &o.name).collect();
        (!names.is_empty()).then(|| format!("{input:?} gave {names:?}"))
    });
}
