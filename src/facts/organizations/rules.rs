//! What makes an organization's name: the characters a name is made of, the words
//! that are never names, the descriptors that come before one, and the Latin words
//! that end one. The legal forms, institutional heads, self-references and generic
//! phrases are data in `vocab.toml`.

use crate::tokens::Pos;
use std::ops::Range;

/// Characters that make up names: kanji, katakana, Latin letters (accented too) and
/// digits, Hangul, and the joiners ・ = & - . '.
pub(crate) fn is_name_char(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '々' | '〆' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | '='
        | 'A'..='Z' | 'a'..='z' | '0'..='9' | '&' | '-' | '.' | '\'' | '\u{AC00}'..='\u{D7AF}'
        | '\u{C0}'..='\u{FF}')
        && c != '\u{D7}'
        && c != '\u{F7}'
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '&' | '.' | '-' | '\'' | '\u{C0}'..='\u{FF}')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

/// Hiragana that ends a clause or joins words: when a segment holds one, the name can
/// only begin after it (「運営するしおかぜ総合病院」 → しおかぜ総合病院).
const FUNCTION_HIRAGANA: &[&str] = &[
    "における",
    "において",
    "について",
    "に関する",
    "に対する",
    "として",
    "とともに",
    "および",
    "ならびに",
    "または",
    "による",
    "により",
    "から",
    "まで",
    "より",
    "など",
    "ための",
    "には",
    "では",
    "とは",
    "のは",
    "ので",
    "のに",
    "ながら",
    "よう",
    "ため",
    "する",
    "した",
    "して",
    "され",
    "される",
    "ある",
    "いる",
    "なる",
    "できる",
    "です",
    "ます",
    "った",
    "れる",
    "られ",
    "せる",
    "たち",
    "ごと",
];

/// [`FUNCTION_HIRAGANA`] as one automaton: every occurrence of every word in one pass.
static FUNCTION_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(FUNCTION_HIRAGANA)
            .unwrap_or_else(|e| panic!("function words: {e}"))
    });

/// Particles that may open the hiragana after a word: 「市のしおかぜ…」.
const PARTICLES: &[char] = &['の', 'が', 'は', 'を', 'に', 'で', 'へ', 'と'];

/// The part of a hiragana segment `seg` that can begin a name, read from the string (IPADIC
/// splits invented hiragana names unpredictably: しおかぜ is し+お+かぜ). `after_word` is
/// whether a name character comes right before the segment. A function word counts
/// only where the tokens begin and end with it: the のは inside ゆ|の|はら is not one.
fn hiragana_name_part(
    doc: &crate::pipeline::Doc<'_>,
    seg: Range<usize>,
    after_word: bool,
) -> Option<Range<usize>> {
    let v = doc.text.v();
    let s = &v[seg.clone()];
    let boundary = |at: usize| {
        at == seg.start
            || at == seg.end
            || crate::tokens::overlapping(doc.tokens, at.saturating_sub(1)..at + 1)
                .iter()
                .any(|t| t.range.start == at || t.range.end == at)
    };
    let mut start = seg.start;
    // cut after the last function word in it
    let function_end = FUNCTION_WORDS
        .find_overlapping_iter(s)
        .map(|m| seg.start + m.start()..seg.start + m.end())
        .filter(|m| boundary(m.start) && boundary(m.end))
        .map(|m| m.end)
        .max();
    if let Some(end) = function_end {
        start = end;
    } else if after_word && s.starts_with(PARTICLES) {
        start = seg.start + s.chars().next().map_or(0, char::len_utf8);
    }
    let part = start..seg.end;
    (v[part.clone()].chars().count() >= 2).then_some(part)
}

/// Whether the hiragana `seg` begins with a function word ending on a token boundary.
fn opens_with_function_word(doc: &crate::pipeline::Doc<'_>, seg: Range<usize>) -> bool {
    let s = &doc.text.v()[seg.clone()];
    FUNCTION_HIRAGANA
        .iter()
        .chain(&["が", "は", "を", "に", "で", "も", "への", "との", "での"])
        .any(|w| {
            s.starts_with(w)
                && (w.len() == s.len()
                    || crate::tokens::overlapping(doc.tokens, seg.clone())
                        .iter()
                        .any(|t| t.range.end == seg.start + w.len()))
        })
}

/// Whether `t` closes a relative clause before a name: a verb or an auxiliary in a form
/// that modifies the word after it (「地域をつなぐ|まち協議会」, 「選ばれた|同協会」). Sentence-final だ・です・ます
/// and classical auxiliaries (文語) do not modify nouns: in an invented name such as
/// や|ま|ぶ|き醸造 or くわ|だ農機 they are the dictionary's guesses, not grammar.
fn closes_clause(t: &crate::tokens::Token<'_>, next: Option<&crate::tokens::Token<'_>>) -> bool {
    let adnominal = t.cform == "基本形"
        && (t.is(Pos::Verb)
            || (t.is(Pos::Auxiliary)
                && !t.ctype.starts_with("文語")
                && !matches!(t.ctype, "特殊・ダ" | "特殊・デス" | "特殊・マス")));
    adnominal && next.is_some_and(|n| !n.is(Pos::Particle) && !n.is(Pos::Auxiliary))
}

/// Runs of name characters (see [`runs`]) joined or extended across hiragana that is
/// part of a name: 「株式会社しおかぜ銀行」, 「市のしおかぜ総合病院」 → しおかぜ総合病院.
pub(crate) fn name_runs(doc: &crate::pipeline::Doc<'_>) -> Vec<Range<usize>> {
    let v = doc.text.v();
    let base = runs(v);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(base.len());
    for r in base {
        // the hiragana right before this run
        let hira: usize = v[..r.start]
            .chars()
            .rev()
            .take_while(|&c| is_hiragana(c))
            .map(char::len_utf8)
            .sum();
        // (a Latin run takes hiragana before it only after a legal form: 「株式会社しおかぜITソリューションズ」)
        let form_before = out.last().is_some_and(|prev| {
            prev.end + hira == r.start
                && doc.vocab.forms_starting(&v[prev.clone()]).any(|f| {
                    v[prev.clone()] == *f.name && f.position != crate::vocab::FormPosition::Suffix
                })
        });
        if hira == 0 || (!v[r.clone()].starts_with(|c: char| !c.is_ascii()) && !form_before) {
            out.push(r);
            continue;
        }
        let mut seg = r.start - hira..r.start;
        // hiragana that is all content nouns joins the runs around it: 「くすのき子ども未来財団」
        if let Some(prev) = out.last_mut().filter(|prev| prev.end == seg.start) {
            let mut inside = crate::tokens::overlapping(doc.tokens, seg.clone())
                .iter()
                .peekable();
            let nouns = inside.peek().is_some()
                && inside.all(|t| {
                    t.is(Pos::Noun)
                        && ![
                            Pos::NonIndependentNoun,
                            Pos::Pronoun,
                            Pos::Suffix,
                            Pos::AdverbialNoun,
                        ]
                        .into_iter()
                        .any(|p| t.is(p))
                });
            if nouns {
                prev.end = r.end;
                continue;
            }
        }
        // a word that began before the hiragana (務める, 初めて), or a verb or auxiliary that
        // modifies the noun after it, closes the clause before the name: 「務める|しおかぜ」
        let first = doc.tokens.partition_point(|t| t.range.end <= seg.start);
        let clause_end = doc.tokens[first..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.range.end <= seg.end)
            .filter(|&(i, t)| {
                t.range.start < seg.start || closes_clause(t, doc.tokens.get(first + i + 1))
            })
            .map(|(_, t)| t.range.end)
            .max();
        let mut after_word = v[..seg.start].chars().next_back().is_some_and(is_name_char);
        // no particle can follow a legal form written before a name: 「株式会社のと精機」
        // (only where the run before is the form alone: a form written first)
        let after_form = out.last().is_some_and(|prev| {
            prev.end == seg.start
                && doc.vocab.forms_starting(&v[prev.clone()]).any(|f| {
                    v[prev.clone()] == *f.name && f.position != crate::vocab::FormPosition::Suffix
                })
        });
        // (no clause comes between a legal form written first and its name: 「株式会社ほくりく
        // テクノ」 is one name, whatever IPADIC makes of ほ|く)
        if let Some(end) = clause_end.filter(|_| !after_form) {
            seg.start = end;
            after_word = false;
            if seg.is_empty() {
                out.push(r);
                continue;
            }
        }
        let part = if after_form {
            // a legal form written first is followed by the name, unless a function word
            // follows it: then the form is a common noun (「特定非営利活動法人として認証」);
            // but a word like one is the name's where an institutional head ends the run
            // after it (「株式会社ながら川銀行」)
            let headed = doc.vocab.heads_ending(&v[r.clone()]).next().is_some();
            ((headed || !opens_with_function_word(doc, seg.clone()))
                && v[seg.clone()].chars().count() >= 2)
                .then(|| seg.clone())
        } else {
            hiragana_name_part(doc, seg.clone(), after_word)
        };
        match part {
            // 「駿河みなと信用金庫」: the word before, the hiragana and the run are one name
            Some(part) if part.start == seg.start && after_word => match out.last_mut() {
                Some(prev) if prev.end == seg.start => prev.end = r.end,
                _ => out.push(part.start..r.end),
            },
            Some(part) => out.push(part.start..r.end),
            None => out.push(r),
        }
    }
    out
}

/// Maximal runs of name characters in `s`. A single space is part of a run between
/// Latin words ("Janssen Research & Development LLC.").
pub(crate) fn runs(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let inside = if c == ' ' {
            let next = it.peek().map(|&(_, n)| n);
            start.is_some()
                && prev.is_some_and(is_latin)
                && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '&')
        } else {
            is_name_char(c)
        };
        if inside {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(trim_run(s, st..i));
        }
        prev = Some(c);
    }
    if let Some(st) = start {
        out.push(trim_run(s, st..s.len()));
    }
    out.retain(|r| !r.is_empty());
    out
}

/// A run does not start or end with a joiner.
fn trim_run(s: &str, mut r: Range<usize>) -> Range<usize> {
    while let Some(c) = s[r.clone()]
        .chars()
        .next()
        .filter(|c| matches!(c, '・' | '=' | '&' | '-' | '.' | '\'' | 'ー'))
    {
        r.start += c.len_utf8();
    }
    while let Some(c) = s[r.clone()]
        .chars()
        .next_back()
        .filter(|c| matches!(c, '・' | '=' | '&' | '-' | '\''))
    {
        r.end -= c.len_utf8();
    }
    r
}

/// Words that close a run but are not part of the name before them: 「…株式会社内」.
/// (及/並 are 及び/並びに cut by the hiragana after them; 賞/杯 make a prize of a name: 「株式会社A賞」;
/// a meeting of the body is no body of its own)
pub(crate) const TRAILING_NOISE: &[&str] = &[
    "内",
    "側",
    "等",
    "ら",
    "主催",
    "共催",
    "後援",
    "協賛",
    "提供",
    "様",
    "製",
    "ほか",
    "及",
    "並",
    "賞",
    "杯",
    // a body's meetings: 「楓ヶ浜市議会定例会」「株式会社A定時株主総会」
    "定例会",
    "臨時会",
    "本会議",
    "定時株主総会",
    "臨時株主総会",
    "株主総会",
    "取締役会",
    "理事会",
    "総会",
];

/// Words that open a run but are not part of the name after them.
pub(crate) const LEADING_NOISE: &[&str] = &[
    "連結子会社",
    "完全子会社",
    "持分法適用会社",
    "子会社",
    "孫会社",
    "親会社",
    "関連会社",
    "新会社",
    "新法人",
    "当社",
    "同社",
    "弊社",
    "各社",
    "本社",
    "以下",
    "共同",
    "新設",
    "傘下",
    "現在",
    "同年",
    "本年",
    "今般",
    "今回",
    "新た",
    "新",
    "旧",
    "現",
    "元",
    "前",
];

/// Characters that cannot start a name: they end the word before it (製薬企業発…).
pub(crate) const NOT_AT_START: &[&str] =
    &["発", "系", "型", "用", "向け", "等", "的", "内", "外", "間"];

/// Generic nouns that end a phrase naming a kind of organization, not one: 企業, 団体.
pub(crate) const GENERIC_ENDINGS: &[&str] = &[
    "企業",
    "団体",
    "機関",
    "会社",
    "法人",
    "自治体",
    "事業者",
    "都市",
    "地区",
    "地域",
    "エリア",
    "拠点",
    "特区",
    "クラスター",
    "圏",
];

/// Type nouns that may come before a name: 「サイエンスパーク蘇州工業園区」, 「推進団体MedCity」.
pub(crate) const DESCRIPTORS: &[&str] = &[
    "サイエンスパーク",
    "リサーチパーク",
    "イノベーションハブ",
    "インキュベーション施設",
    "推進団体",
    "業界団体",
    "団体",
    "研究機関",
    "医療機関",
    "教育機関",
    "機関",
    "企業",
    "スタートアップ",
    "ベンチャー",
    "バイオベンチャー",
    "製薬会社",
    "製薬企業",
    "会社",
    "大学",
    "研究所",
    "コンソーシアム",
    "プラットフォーム",
];

/// Nouns that say what the thing before or after them is: an organization.
/// (「BIOCOM(米国サンディエゴのライフサイエンス団体)」, 「コンソーシアム「iNexS」」).
pub(crate) const TYPE_NOUNS: &[&str] = &[
    "団体",
    "機関",
    "企業",
    "会社",
    "大学",
    "組織",
    "協会",
    "財団",
    "法人",
    "研究所",
    "病院",
    "政府",
    "省",
    "庁",
    "学会",
    "協議会",
    "コンソーシアム",
    "サイエンスパーク",
    "リサーチパーク",
    "推進機構",
    "機構",
    "組合",
    "銀行",
    "ファンド",
    "投資家",
    "ベンチャー",
    "スタートアップ",
    "自治体",
    "メーカー",
    "商社",
    "連合",
    "委員会",
];

/// Latin words that end an organization's name.
pub(crate) const LATIN_HEADS: &[&str] = &[
    "Hub",
    "Institute",
    "University",
    "College",
    "School",
    "Foundation",
    "Association",
    "Society",
    "Council",
    "Agency",
    "Ministry",
    "Department",
    "Center",
    "Centre",
    "Hospital",
    "Clinic",
    "Group",
    "Holdings",
    "Alliance",
    "Network",
    "Consortium",
    "Park",
    "Community",
    "Partners",
    "Ventures",
    "Capital",
    "Health",
    "Pharma",
    "Pharmaceuticals",
    "Therapeutics",
    "Biosciences",
    "Bioscience",
    "Laboratories",
    "Labs",
    "Corporation",
    "Company",
    "Bank",
    "Fund",
    "Cluster",
    "Organization",
    "Organisation",
    "Federation",
    "Commission",
    "Trust",
    "Initiative",
    "Authority",
];

/// Latin words that open an organization's name: "Institute for …", "University of …".
pub(crate) const LATIN_OPENERS: &[&str] = &[
    "Institute",
    "University",
    "College",
    "Ministry",
    "Department",
    "Bank",
    "Council",
    "Museum",
];

/// Words that say a place is only a place where it is written.
pub(crate) const LOCATION_AFTER: &[&str] = &[
    "内",
    "在住",
    "出身",
    "地区",
    "エリア",
    "近郊",
    "周辺",
    "郊外",
    "市内",
    "県内",
    "全域",
    "にて",
    "で開催",
    "で実施",
    "で開かれ",
    "に所在",
    "に本社",
    "に本拠",
    "に拠点",
    "発",
    "産",
];

/// Labels in a parenthesis after a name that give its seat.
pub(crate) const SEAT_LABELS: &[&str] = &[
    "本社所在地",
    "本社",
    "所在地",
    "本部",
    "本店",
    "住所",
    "拠点",
];

/// Countries written before a name (韓国 五松…財団) or in its description.
pub(crate) const COUNTRIES: &[&str] = &[
    "米国",
    "アメリカ",
    "英国",
    "イギリス",
    "フランス",
    "南フランス",
    "ドイツ",
    "イタリア",
    "スペイン",
    "オランダ",
    "スイス",
    "スウェーデン",
    "デンマーク",
    "フィンランド",
    "ノルウェー",
    "ベルギー",
    "オーストリア",
    "アイルランド",
    "イスラエル",
    "カナダ",
    "オーストラリア",
    "ニュージーランド",
    "中国",
    "韓国",
    "台湾",
    "香港",
    "シンガポール",
    "タイ",
    "ベトナム",
    "インド",
    "インドネシア",
    "マレーシア",
    "フィリピン",
    "ブラジル",
    "メキシコ",
    "日本",
    "米",
    "フィンランド",
    "ノルウェー",
];

/// The country a country word names (南フランス → フランス, アメリカ → 米国).
pub(crate) fn canonical_country(word: &str) -> &str {
    match word {
        "アメリカ" | "米" => "米国",
        "イギリス" => "英国",
        "南フランス" => "フランス",
        other => other,
    }
}

/// Agreement and joint-action words after 「Aと」: A is a party, so an organization.
pub(crate) const PARTY_AFTER_TO: &[&str] = &[
    "業務提携",
    "資本業務提携",
    "資本提携",
    "事業提携",
    "包括連携協定",
    "包括的連携協定",
    "連携協定",
    "協力協定",
    "相互提携",
    "相互連携",
    "提携",
    "覚書",
    "MOU",
    "パートナーシップ",
    "共催",
    "共同で",
    "共同開催",
    "共同研究",
    "協業",
    "協定",
    "戦略提携",
    "戦略的提携",
    "基本合意",
    "連携",
    "業務協約",
];

/// Whether a run looks like a name rather than a common noun: it has Latin letters,
/// katakana, Hangul, or a proper-noun token.
pub(crate) fn has_name_script(s: &str) -> bool {
    s.chars().any(|c| {
        c.is_ascii_alphabetic() || matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{AC00}'..='\u{D7AF}')
    })
}

/// Whether `r` is a word of its own: not the middle of a longer name of the same script.
pub(crate) fn bounded(doc: &crate::pipeline::Doc<'_>, r: Range<usize>) -> bool {
    let v = doc.text.v();
    let first = v[r.clone()].chars().next();
    let last = v[r.clone()].chars().next_back();
    let before = v[..r.start].chars().next_back();
    let after = v[r.end..].chars().next();
    let same = |a: Option<char>, b: Option<char>| match (a, b) {
        (Some(a), Some(b)) => script(a) == script(b) && script(a) != 0,
        _ => false,
    };
    if same(before, first) {
        return false;
    }
    if same(last, after) {
        // allowed when a role or a suffix-like word follows: 「LINK-J理事」, 「アカネ社」
        let rest = &v[r.end..];
        return crate::facts::people::roles::role_starting_at(doc.vocab, v, r.end).is_some()
            || [
                "社",
                "側",
                "等",
                "ら",
                "内",
                "主催",
                "共催",
                "会員",
                "事務局",
            ]
            .iter()
            .any(|w| rest.starts_with(w));
    }
    true
}

/// 1 Latin, 2 katakana, 3 kanji, 0 other.
pub(crate) fn script(c: char) -> u8 {
    match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' => 1,
        '\u{30A1}'..='\u{30FA}' | 'ー' => 2,
        '\u{4E00}'..='\u{9FFF}' | '々' => 3,
        _ => 0,
    }
}

/// The name row of an overview table, as IR notices and company profiles write them:
/// 「(1)名称　カシノキ化成株式会社」, 「社名: 丸笹産業株式会社」.
static NAME_ROW: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // (rows may be numbered (1), 1. or ①)
    regex::Regex::new(r"^(?:\(\d{1,2}\) ?|\d{1,2}\. ?|[①-⑳] ?|・ ?)?(?:名称|商号|社名|会社名|団体名|法人名)(?: ?: ?| +)(?P<v>[^ (].*?)(?: ?\(.*)?$")
        .unwrap_or_else(|e| panic!("{e}"))
});
/// A name row's label alone on its line, the name on the next: 「(1) 名称」.
static NAME_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:\(\d{1,2}\) ?|\d{1,2}\. ?|[①-⑳] ?|・ ?)?(?:名称|商号|社名|会社名|団体名|法人名) ?:?$",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});
/// A numbered heading over a block of rows: 「(2) 株式会社葛巻アセット」.
static NUMBERED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\(\d{1,2}\) ?(?P<v>[^ (:].*?)(?: ?\(.*)?$")
        .unwrap_or_else(|e| panic!("{e}"))
});
/// The rows that follow a name row in an overview table.
const OVERVIEW_ROWS: &[&str] = &["所在地", "住所", "代表者", "本社", "設立", "事業内容"];

/// Where the name in line `i`'s name row is, when the rows under it make the line part of
/// an overview table (a 所在地, 代表者… row within the next three lines).
pub(crate) fn overview_name(
    vocab: &crate::vocab::Vocabulary,
    text: &crate::input::Text<'_>,
    i: usize,
) -> Option<Range<usize>> {
    let (v, lines) = (text.v(), &text.lines);
    let line = lines.get(i)?;
    let s = &v[line.trimmed.clone()];
    let table_after = |from: usize, rows: usize| {
        lines.iter().skip(from).take(rows).any(|l| {
            let row = v[l.trimmed.clone()].trim_start_matches(|c: char| {
                c == '('
                    || c == ')'
                    || c.is_ascii_digit()
                    || ('①'..='⑳').contains(&c)
                    || c == '.'
                    || c == ' '
            });
            OVERVIEW_ROWS.iter().any(|r| row.starts_with(r))
        })
    };
    // (every name-row label has 名 or 商号, and a numbered heading opens with a
    // parenthesis: the other lines, most of them, are not matched at all)
    let labelled = s.contains('名') || s.contains("商号");
    // 「(1)名称　カシノキ化成株式会社」
    if let Some(caps) = labelled.then(|| NAME_ROW.captures(s)).flatten() {
        let value = caps.name("v")?;
        let value_text = value.as_str().trim_end();
        let start = line.trimmed.start + value.start();
        return (table_after(i + 1, 3) && !value_text.is_empty())
            .then_some(start..start + value_text.len());
    }
    // 「(1) 名称」 over 「株式会社ハルニレ計測」
    if labelled && NAME_LABEL.is_match(s) {
        let next = lines.get(i + 1).filter(|l| !l.trimmed.is_empty())?;
        let value = &v[next.trimmed.clone()];
        let name = value.split(" (").next().unwrap_or(value).trim_end();
        return (table_after(i + 2, 4) && !name.is_empty())
            .then_some(next.trimmed.start..next.trimmed.start + name.len());
    }
    // 「(2) 株式会社葛巻アセット」 over its 所在地 and 代表者 rows (a name with its legal form)
    if !s.starts_with('(') {
        return None;
    }
    let caps = NUMBERED.captures(s)?;
    let value = caps.name("v")?;
    let start = line.trimmed.start + value.start();
    let value_text = value.as_str().trim_end();
    (vocab.has_form_at_either_end(value_text) && table_after(i + 1, 2))
        .then_some(start..start + value_text.len())
}

/// The name row above line `i` in the same overview table (no blank line between), for a
/// 代表者 row: its person is that organization's.
pub(crate) fn overview_name_above(
    vocab: &crate::vocab::Vocabulary,
    text: &crate::input::Text<'_>,
    i: usize,
) -> Option<Range<usize>> {
    (i.saturating_sub(8)..i)
        .rev()
        .take_while(|&j| !text.lines[j].trimmed.is_empty())
        .find_map(|j| overview_name(vocab, text, j))
}
