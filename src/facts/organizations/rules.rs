//! What makes an organization's name: the characters a name is made of, the words
//! that are never names, the descriptors that come before one, and the Latin words
//! that end one. The legal forms, institutional heads, self-references and generic
//! phrases are data in `vocab.toml`.

use std::ops::Range;

/// Characters that make up names: kanji, katakana, Latin letters (accented too) and
/// digits, Hangul, and the joiners ・ = & - . '.
pub(crate) fn is_name_char(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '々' | '〆' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | '='
        | 'A'..='Z' | 'a'..='z' | '0'..='9' | '&' | '-' | '.' | '\'' | '\u{AC00}'..='\u{D7AF}'
        | '\u{C0}'..='\u{FF}')
        && c != '\u{D7}' && c != '\u{F7}'
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '&' | '.' | '-' | '\'' | '\u{C0}'..='\u{FF}')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

/// Whether a token ends a relative clause or is a function word: 「参加した」「運営する」「の」.
fn ends_clause(t: &crate::tokens::Token<'_>) -> bool {
    t.is("助詞") || t.is("助動詞") || t.is("名詞,非自立") || t.is("動詞,非自立") || (t.is("動詞") && t.cform == "基本形")
}

/// Whether hiragana at `seg` can be part of a name (しおかぜ銀行, みちのく医学振興財団):
/// two or more, a noun among its tokens, no function word and no clause end in it.
fn hiragana_in_name(doc: &crate::pipeline::Doc<'_>, seg: &Range<usize>) -> bool {
    let v = doc.text.v();
    if v[seg.clone()].chars().count() < 2 {
        return false;
    }
    let tokens = crate::tokens::overlapping(doc.tokens, seg.clone());
    let aligned = tokens.first().is_some_and(|t| t.range.start == seg.start) && tokens.last().is_some_and(|t| t.range.end == seg.end);
    aligned && !tokens.iter().any(|t| ends_clause(t)) && tokens.iter().any(|t| t.is("名詞") || t.is("接頭詞") || t.unknown)
}

/// Runs of name characters (see [`runs`]) joined or extended across hiragana that is
/// part of a name: 「株式会社しおかぜ銀行」, 「市のしおかぜ総合病院」 → しおかぜ総合病院.
pub(crate) fn name_runs(doc: &crate::pipeline::Doc<'_>) -> Vec<Range<usize>> {
    let v = doc.text.v();
    let base = runs(v);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(base.len());
    for r in base {
        // the hiragana right before this run
        let hira: usize = v[..r.start].chars().rev().take_while(|&c| is_hiragana(c)).map(char::len_utf8).sum();
        if hira == 0 || !v[r.clone()].starts_with(|c: char| !c.is_ascii()) {
            out.push(r);
            continue;
        }
        let seg = r.start - hira..r.start;
        let joined = out.last().is_some_and(|prev| prev.end == seg.start);
        if joined && hiragana_in_name(doc, &seg) {
            if let Some(prev) = out.last_mut() {
                prev.end = r.end;
            }
            continue;
        }
        // drop what ends the clause before the name: 「のしおかぜ」「参加したみなと」 → しおかぜ, みなと
        let mut start = seg.start;
        for t in crate::tokens::within(doc.tokens, seg.clone()) {
            if ends_clause(t) {
                start = t.range.end;
            }
        }
        if start < seg.end && hiragana_in_name(doc, &(start..seg.end)) {
            out.push(start..r.end);
        } else {
            out.push(r);
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
            start.is_some() && prev.is_some_and(is_latin) && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '&')
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
    while let Some(c) = s[r.clone()].chars().next().filter(|c| matches!(c, '・' | '=' | '&' | '-' | '.' | '\'' | 'ー')) {
        r.start += c.len_utf8();
    }
    while let Some(c) = s[r.clone()].chars().next_back().filter(|c| matches!(c, '・' | '=' | '&' | '-' | '\'')) {
        r.end -= c.len_utf8();
    }
    r
}

/// Words that close a run but are not part of the name before them: 「…株式会社内」.
pub(crate) const TRAILING_NOISE: &[&str] = &["内", "側", "等", "ら", "主催", "共催", "後援", "協賛", "提供", "様", "製", "ほか"];

/// Words that open a run but are not part of the name after them.
pub(crate) const LEADING_NOISE: &[&str] = &[
    "連結子会社", "完全子会社", "持分法適用会社", "子会社", "孫会社", "親会社", "関連会社", "新会社", "新法人", "当社", "同社",
    "弊社", "各社", "本社", "以下", "共同", "新設", "傘下", "現在", "同年", "本年", "今般", "今回", "新た", "新", "旧", "現", "元", "前",
];

/// Characters that cannot start a name: they end the word before it (製薬企業発…).
pub(crate) const NOT_AT_START: &[&str] = &["発", "系", "型", "用", "向け", "等", "的", "内", "外", "間"];

/// Generic nouns that end a phrase naming a kind of organization, not one: 企業, 団体.
pub(crate) const GENERIC_ENDINGS: &[&str] =
    &["企業", "団体", "機関", "会社", "法人", "自治体", "事業者", "都市", "地区", "地域", "エリア", "拠点", "特区", "クラスター", "圏"];

/// Type nouns that may come before a name: 「サイエンスパーク蘇州工業園区」, 「推進団体MedCity」.
pub(crate) const DESCRIPTORS: &[&str] = &[
    "サイエンスパーク", "リサーチパーク", "イノベーションハブ", "インキュベーション施設", "推進団体", "業界団体", "団体",
    "研究機関", "医療機関", "教育機関", "機関", "企業", "スタートアップ", "ベンチャー", "バイオベンチャー", "製薬会社",
    "製薬企業", "会社", "大学", "研究所", "コンソーシアム", "プラットフォーム",
];

/// Nouns that say what the thing before or after them is: an organization.
/// (「BIOCOM(米国サンディエゴのライフサイエンス団体)」, 「コンソーシアム「iNexS」」).
pub(crate) const TYPE_NOUNS: &[&str] = &[
    "団体", "機関", "企業", "会社", "大学", "組織", "協会", "財団", "法人", "研究所", "病院", "政府", "省", "庁",
    "学会", "協議会", "コンソーシアム", "サイエンスパーク", "リサーチパーク", "推進機構", "機構", "組合",
    "銀行", "ファンド", "投資家", "ベンチャー", "スタートアップ", "自治体", "メーカー", "商社", "連合", "委員会", "会議",
];

/// Latin words that end an organization's name.
pub(crate) const LATIN_HEADS: &[&str] = &[
    "Institute", "University", "College", "School", "Foundation", "Association", "Society", "Council", "Agency",
    "Ministry", "Department", "Center", "Centre", "Hospital", "Clinic", "Group", "Holdings", "Alliance", "Network",
    "Consortium", "Park", "Community", "Partners", "Ventures", "Capital", "Health", "Pharma", "Pharmaceuticals",
    "Therapeutics", "Biosciences", "Bioscience", "Laboratories", "Labs", "Corporation", "Company", "Bank", "Fund",
    "Cluster", "Organization", "Organisation", "Federation", "Commission", "Trust", "Initiative", "Authority",
];

/// Latin words that open an organization's name: "Institute for …", "University of …".
pub(crate) const LATIN_OPENERS: &[&str] = &["Institute", "University", "College", "Ministry", "Department", "Bank", "Council", "Museum"];

/// Words that say a place is only a place where it is written.
pub(crate) const LOCATION_AFTER: &[&str] = &[
    "内", "在住", "出身", "地区", "エリア", "近郊", "周辺", "郊外", "市内", "県内", "全域", "にて", "で開催", "で実施", "で開かれ",
    "に所在", "に本社", "に本拠", "に拠点", "発", "産",
];

/// Labels in a parenthesis after a name that give its seat.
pub(crate) const SEAT_LABELS: &[&str] = &["本社所在地", "本社", "所在地", "本部", "本店", "住所", "拠点"];

/// Countries written before a name (韓国 五松…財団) or in its description.
pub(crate) const COUNTRIES: &[&str] = &[
    "米国", "アメリカ", "英国", "イギリス", "フランス", "南フランス", "ドイツ", "イタリア", "スペイン", "オランダ", "スイス",
    "スウェーデン", "デンマーク", "フィンランド", "ノルウェー", "ベルギー", "オーストリア", "アイルランド", "イスラエル",
    "カナダ", "オーストラリア", "ニュージーランド", "中国", "韓国", "台湾", "香港", "シンガポール", "タイ", "ベトナム",
    "インド", "インドネシア", "マレーシア", "フィリピン", "ブラジル", "メキシコ", "日本", "米",
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
    "業務提携", "資本業務提携", "資本提携", "事業提携", "包括連携協定", "包括的連携協定", "連携協定", "協力協定", "相互提携",
    "相互連携", "提携", "覚書", "MOU", "パートナーシップ", "共催", "共同で", "共同開催", "共同研究", "協業", "協定",
    "戦略提携", "戦略的提携", "基本合意", "連携", "業務協約",
];

/// Whether a run looks like a name rather than a common noun: it has Latin letters,
/// katakana, Hangul, or a proper-noun token.
pub(crate) fn has_name_script(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic() || matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{AC00}'..='\u{D7AF}'))
}
