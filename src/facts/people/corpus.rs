//! The people corpus: texts and the people (name, role, organization) they yield, and
//! texts that must yield none.

use crate::model::Extraction;
use crate::pipeline::Stage;
use crate::pipeline::testing::{assert_corpus, extract_stages};

/// (input, expected people as (name, role, organization)).
type Example = (
    &'static str,
    &'static [(&'static str, Option<&'static str>, Option<&'static str>)],
);

const EXAMPLES: &[Example] = &[
    (
        "一般社団法人アカネ協会(本社:東京都中央区、理事長:岡野 栄之、以下「AKN」)は",
        &[("岡野栄之", Some("理事長"), Some("一般社団法人アカネ協会"))],
    ),
    (
        "アストラゼネカ株式会社(本社:大阪市北区、代表取締役社長:ステファン・ヴォックスストラム)は",
        &[(
            "ステファン・ヴォックスストラム",
            Some("代表取締役社長"),
            Some("アストラゼネカ株式会社"),
        )],
    ),
    (
        "一般社団法人アカネ協会(以下「AKN」)は発表した。AKN理事兼事務局長の曽山 明彦は、次のように述べた。",
        &[(
            "曽山明彦",
            Some("理事兼事務局長"),
            Some("一般社団法人アカネ協会"),
        )],
    ),
    (
        "川崎市長 福田 紀彦 氏",
        &[("福田紀彦", Some("市長"), Some("川崎市"))],
    ),
    // a speaker's line: name (its other writing) / organization, role; Latin-1 letters
    (
        "13:15｜基調講演\n　Jonas Weißmüller(ヨナス・ヴァイスミュラー)/Nordwerk Digital GmbH　Chief Technology Officer\n",
        &[(
            "Jonas Weißmüller",
            Some("Chief Technology Officer"),
            Some("Nordwerk Digital GmbH"),
        )],
    ),
    // a role, then a department and its head's role: two roles of the name after them
    (
        "株式会社アカネ 執行役員 北米本部長の山田 太郎は、次のように述べた。",
        &[
            ("山田太郎", Some("執行役員"), Some("株式会社アカネ")),
            ("山田太郎", Some("北米本部長"), Some("株式会社アカネ")),
        ],
    ),
    // a department holding a hiragana word, at the start of its cell
    (
        "新職\t氏名\n子ども未来部長\t岡部 千尋\n",
        &[("岡部千尋", Some("子ども未来部長"), None)],
    ),
    // a department written solid after an organization's short name: 「UoP工学部長」
    (
        "ペンドルブルック大学(以下「UoP」)と締結しました。式には、UoP工学部長のRajiv S. Menon氏が出席しました。",
        &[(
            "Rajiv S. Menon",
            Some("工学部長"),
            Some("ペンドルブルック大学"),
        )],
    ),
    // the role in English in parentheses, then the name; the Latin writing is the name
    (
        "ペンドルブルック大学 学長(Vice-Chancellor) Helen M. Arkwright(ヘレン・M・アークライト)",
        &[(
            "Helen M. Arkwright",
            Some("学長"),
            Some("ペンドルブルック大学"),
        )],
    ),
    // a note on the post in parentheses, then の before the name
    (
        "一般社団法人アカネ協会の理事(国際連携担当)の浜野 久美子をはじめ、約30名が出席しました。",
        &[("浜野久美子", Some("理事"), Some("一般社団法人アカネ協会"))],
    ),
    // letter-spaced roles in an officer list; a family name IPADIC reads as a common noun
    (
        "監　事　　大仏 みさき（税理士法人あおさぎ会計 代表社員）",
        &[
            (
                "大仏みさき",
                Some("代表社員"),
                Some("税理士法人あおさぎ会計"),
            ),
            ("大仏みさき", Some("監事"), None),
        ],
    ),
    // an overview table: the 代表者 row's person is the organization's in the name row
    (
        "当社は株式会社アカネ工業です。\n\n(1)名称 カシノキ化成株式会社\n(2)所在地 岐阜県関市\n(3)代表者の役職・氏名 代表取締役社長 樫木 善三郎\n",
        &[(
            "樫木善三郎",
            Some("代表取締役社長"),
            Some("カシノキ化成株式会社"),
        )],
    ),
    // a role before a name written solid is not its family name
    (
        "理事長　御厨貞彦（朱鷺野総合病院 院長）",
        &[
            ("御厨貞彦", Some("院長"), Some("朱鷺野総合病院")),
            ("御厨貞彦", Some("理事長"), None),
        ],
    ),
    // ノ and ツ inside family names; a hiragana given name ending in と
    (
        "名誉会長　篠ノ井達朗",
        &[("篠ノ井達朗", Some("名誉会長"), None)],
    ),
    (
        "理事長 三ツ矢 康弘",
        &[("三ツ矢康弘", Some("理事長"), None)],
    ),
    ("助教　坪根 ちさと", &[("坪根ちさと", Some("助教"), None)]),
    // foreign names written solid before a place role, listed with 、
    (
        "グレアム・ターナー市長、ポーラ・ヒリニ副市長ほか訪問団",
        &[
            ("グレアム・ターナー", Some("市長"), None),
            ("ポーラ・ヒリニ", Some("副市長"), None),
        ],
    ),
    (
        "川崎市長の福田 紀彦 氏は、次のように述べています。",
        &[("福田紀彦", Some("市長"), Some("川崎市"))],
    ),
    (
        "横浜国立大学国際研究兼グローバル・エンゲージメント担当 シンディ・ファン副総長",
        &[
            ("シンディ・ファン", Some("副総長"), Some("横浜国立大学")),
            (
                "シンディ・ファン",
                Some("国際研究兼グローバル・エンゲージメント担当"),
                Some("横浜国立大学"),
            ),
        ],
    ),
    (
        "公益財団法人アカネ財団クラスター推進センター統括監の田宮 憲一氏は",
        &[(
            "田宮憲一",
            Some("統括監"),
            Some("公益財団法人アカネ財団クラスター推進センター"),
        )],
    ),
    (
        "カリフォルニア大学ロサンゼルス校(所在地:米国カリフォルニア州、学長:Gene D. Block/ジーン・D・ブロック、以下「UCLA」)",
        &[(
            "Gene D. Block",
            Some("学長"),
            Some("カリフォルニア大学ロサンゼルス校"),
        )],
    ),
    (
        "韓国中小ベンチャー企業部の李永長官が来訪",
        &[("李永", Some("長官"), Some("韓国中小ベンチャー企業部"))],
    ),
    (
        "東京大学の片峰学長が講演",
        &[("片峰", Some("学長"), Some("東京大学"))],
    ),
    (
        "代表取締役社長の山田 太郎は次のように述べた。",
        &[("山田太郎", Some("代表取締役社長"), None)],
    ),
    ("田中一郎氏が就任しました。", &[("田中一郎", None, None)]),
    // given names in hiragana, katakana, or read as verbal nouns
    (
        "教育長 桐谷 しのぶ",
        &[("桐谷しのぶ", Some("教育長"), None)],
    ),
    (
        "代表取締役 鈴木 ケント",
        &[("鈴木ケント", Some("代表取締役"), None)],
    ),
    (
        "理事長 宇佐美 航平",
        &[("宇佐美航平", Some("理事長"), None)],
    ),
    // two roles written with a space before the name
    (
        "執行役員 札幌オフィス長 山本 翔",
        &[
            ("山本翔", Some("執行役員"), None),
            ("山本翔", Some("札幌オフィス長"), None),
        ],
    ),
    // a personnel table drawn with bars
    // (the former role, 旧, is kept as a role the person held)
    (
        "|新|氏名|旧|\n|取締役 常務執行役員|佐倉 和也|執行役員|",
        &[
            ("佐倉和也", Some("取締役"), None),
            ("佐倉和也", Some("常務執行役員"), None),
            ("佐倉和也", Some("執行役員"), None),
        ],
    ),
    // 同 in a parenthesis, and the organization alone in one
    (
        "著者:田中太郎(東雲大学 教授)、佐藤花子(同 准教授)",
        &[
            ("田中太郎", Some("教授"), Some("東雲大学")),
            ("佐藤花子", Some("准教授"), Some("東雲大学")),
        ],
    ),
    (
        "審査委員長を務めた中村 修 教授(東雲農業大学)が講評した。",
        &[("中村修", Some("教授"), Some("東雲農業大学"))],
    ),
    // a list joined by 、: the second person works where the first does; a rare family
    // name IPADIC reads with a verb in it (阿|比留)
    (
        "東雲大学の阿比留正人教授、饒平名 さやか助教と共同で",
        &[
            ("阿比留正人", Some("教授"), Some("東雲大学")),
            ("饒平名さやか", Some("助教"), Some("東雲大学")),
        ],
    ),
    // a personnel table: letter-spaced headers, an arrow from the old post, a note after
    // a role, a note on the post before the name, a hiragana department
    (
        "　新　職　　　　　氏　名　　　　　旧　職\n　副市長　　　　　有働　千里　　　← 企画政策部長\n　（退任）　　　　鶴巻　吉之　　　副市長（令和8年3月31日任期満了）\n",
        &[
            ("有働千里", Some("副市長"), None),
            ("有働千里", Some("企画政策部長"), None),
            ("鶴巻吉之", Some("副市長"), None),
        ],
    ),
    (
        "こども未来部長（新設）勅使河原　稔",
        &[("勅使河原稔", Some("こども未来部長"), None)],
    ),
    // a table drawn with bars: the organization of the row
    (
        "No.｜採択者名｜代表者｜所在地\n1｜合同会社いぶき里山エナジー｜代表社員　久慈 航平｜岩手県遠野市\n",
        &[(
            "久慈航平",
            Some("代表社員"),
            Some("合同会社いぶき里山エナジー"),
        )],
    ),
    // 同 in a list of attendees: the organization of the line above
    (
        "・株式会社東雲ブルーウインズ　代表取締役社長　丸藤 慎吾\n・同　キャプテン　蛯谷 七海 選手\n",
        &[
            (
                "丸藤慎吾",
                Some("代表取締役社長"),
                Some("株式会社東雲ブルーウインズ"),
            ),
            (
                "蛯谷七海",
                Some("キャプテン"),
                Some("株式会社東雲ブルーウインズ"),
            ),
        ],
    ),
    // a name alone on its line, its posts under it; a note inside the role's parenthesis
    (
        "株式会社雁金屋\n\n　鴫原 航（しぎはら わたる）\n　　（新）代表取締役社長\n　　（旧）取締役 製造本部長\n",
        &[
            ("鴫原航", Some("代表取締役社長"), Some("株式会社雁金屋")),
            ("鴫原航", Some("取締役"), Some("株式会社雁金屋")),
            ("鴫原航", Some("製造本部長"), Some("株式会社雁金屋")),
        ],
    ),
    (
        "桑嶋 ふみ（現 社外取締役（監査等委員））",
        &[("桑嶋ふみ", Some("社外取締役"), None)],
    ),
    // a student's year between the role and the name
    (
        "博士後期課程3年のシリポーン・チャイヤプーム（Siriporn Chaiyaphum）さん",
        &[("Siriporn Chaiyaphum", Some("博士後期課程"), None)],
    ),
    // 代表者 labels a row whose role comes after it; rows numbered with circled digits
    (
        "① 名称　　　　PT Uraga Trading Indonesia\n② 所在地　　　インドネシア共和国\n③ 代表者　　　President Director　Agus Wibisono\n",
        &[(
            "Agus Wibisono",
            Some("President Director"),
            Some("PT Uraga Trading Indonesia"),
        )],
    ),
    // a Latin acronym opening a department
    (
        "大和田化学工業株式会社 CVC推進室長の鶴見 すみれ氏",
        &[(
            "鶴見すみれ",
            Some("CVC推進室長"),
            Some("大和田化学工業株式会社"),
        )],
    ),
];

/// Texts with no person.
const NEGATIVE: &[&str] = &[
    // an address whose street begins with 殿, a branch named after its city after a role
    "本店所在地\t島根県松江市殿町105番地",
    "執行役員 米子支店長\t",
    "英ロンドン市長主導で設立された団体",
    "LINK-J理事会で承認された",
    "代表取締役社長に就任予定",
    "殿町国際戦略拠点キングスカイフロント",
    "ジョンソン・エンド・ジョンソンと共催",
    "ノーベル賞受賞者",
    "川崎市内の企業",
    "伊那支店副支店長",
    "2021年4月 同 教授(現職)",
    "研究領域における成果",
    // a table's letter-spaced column labels
    "新　職　　　　　氏　名　　　　　旧　職",
];

fn run(input: &str) -> Extraction {
    extract_stages(input, None, Stage::Organizations, Stage::People)
}

#[test]
fn corpus() {
    assert_corpus("people", EXAMPLES, |(input, expected)| {
        let out = run(input);
        for m in out.people.iter().flat_map(|p| &p.mentions) {
            assert_eq!(&input[m.span.range()], m.text);
        }
        // every role a person holds, in order (a person with none: the name alone)
        let got: Vec<(String, Option<String>, Option<String>)> = out
            .people
            .iter()
            .flat_map(|p| {
                let roles = p
                    .roles
                    .iter()
                    .map(|r| (p.name.clone(), Some(r.role.clone()), r.organization.clone()));
                let bare = p.roles.is_empty().then(|| (p.name.clone(), None, None));
                roles.chain(bare)
            })
            .collect();
        let want: Vec<(String, Option<String>, Option<String>)> = expected
            .iter()
            .map(|(n, r, o)| (n.to_string(), r.map(str::to_string), o.map(str::to_string)))
            .collect();
        (got != want).then(|| format!("{input:?}\n   want {want:?}\n    got {got:?}"))
    });
}

#[test]
fn negative_corpus() {
    assert_corpus("people (negative)", NEGATIVE, |input| {
        let out = run(input);
        let names: Vec<&String> = out.people.iter().map(|p| &p.name).collect();
        (!names.is_empty()).then(|| format!("{input:?} gave {names:?}"))
    });
}

#[test]
fn quotes() {
    let out = run(
        "社長の山田 太郎は「新しい挑戦を続けてまいります」と述べています。\n川崎市長の福田 紀彦 氏は、次のように述べています。 「川崎市は企業の集積を図っています。」",
    );
    let got: Vec<(Option<&str>, &str)> = out
        .quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("山田太郎"), "新しい挑戦を続けてまいります"),
            (Some("福田紀彦"), "川崎市は企業の集積を図っています。")
        ]
    );
}
