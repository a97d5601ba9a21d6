//! Step 1: every span of the text that names an organization, and why.

use crate::tokens::Pos;
use crate::words::Affixes;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::rules::{
    DESCRIPTORS, GENERIC_ENDINGS, LATIN_HEADS, LATIN_OPENERS, LEADING_NOISE, NOT_AT_START,
    PARTY_AFTER_TO, TYPE_NOUNS, has_name_script, name_runs,
};
use crate::facts::people::roles;
use crate::model::{LegalFormPosition, OrgKind};
use crate::pipeline::Doc;

/// Why a span was taken for an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Source {
    LegalForm,
    Head,
    Municipality,
    Dictionary,
    Context,
}

/// A span that names an organization.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// The whole mention, legal form included (normalized text).
    pub range: Range<usize>,
    /// The name without its legal form.
    pub core: Range<usize>,
    /// The legal form's full spelling, where it is written, and the kind it makes.
    pub legal: Option<(String, LegalFormPosition, OrgKind)>,
    pub kind: OrgKind,
    pub source: Source,
    /// A country the text gives next to it.
    pub country: Option<String>,
    /// A municipality written as a place (an address, 「…市内」), not as an actor.
    pub place_only: bool,
}

impl Cand {
    fn new(range: Range<usize>, kind: OrgKind, source: Source) -> Self {
        Cand {
            core: range.clone(),
            range,
            legal: None,
            kind,
            source,
            country: None,
            place_only: false,
        }
    }

    /// A name found by its legal form: `core` is the name without the form.
    fn with_form(
        range: Range<usize>,
        core: Range<usize>,
        form: String,
        position: LegalFormPosition,
        kind: OrgKind,
    ) -> Self {
        Cand {
            range,
            core,
            legal: Some((form, position, kind)),
            kind,
            source: Source::LegalForm,
            country: None,
            place_only: false,
        }
    }
}

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("organization rule: {e}"))
}

/// Latin company forms after a name: "GenoLab Inc.", "Janssen Research & Development LLC.".
static LATIN_PT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bPT (?P<name>[A-Z][A-Za-z0-9&.'\-]*(?: (?:[A-Z0-9&][A-Za-z0-9&.'\-]*|of|and|the))*)")
});

static GLUED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\d{4}年 *(?:\d{1,2}月 *(?:\d{1,2}日)?)?|\d{1,2}月 *(?:\d{1,2}日)?) *")
});

static LATIN_LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<name>[A-Z][A-Za-z0-9À-ÿ&.'\-]*(?: (?:[A-Z0-9&][A-Za-z0-9À-ÿ&.'\-]*|of|for|and|the|de|du))*(?: ?\([A-Z][A-Za-z .]{1,30}\))?)(?:,? )(?P<form>(?i:Co\., ?Ltd\.|Co\.,Ltd\.)|(?i:Inc)\.|Inc\b|INC\b|LLC\.?|L\.L\.C\.|Ltd\.|Ltd\b|Limited\b|Corp\.|Corporation\b|GmbH\b|AG\b|plc\b|PLC\b|S\.A\.S?\.?|SAS\b|S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.|L\.P\.|LLP\b|K\.K\.|Pte\. Ltd\.|Pty Ltd\b|Oyj?\b|AB\b|ApS\b|AS\b|SE\b)",
    )
});

pub(super) fn find(doc: &Doc<'_>) -> Vec<Cand> {
    let v = doc.text.v();
    let runs = name_runs(doc);
    if std::env::var_os("JA_PRESS_DEBUG_RUNS").is_some() {
        eprintln!(
            "runs {:?}",
            runs.iter().map(|r| &v[r.clone()]).collect::<Vec<_>>()
        );
    }
    // each run without its noise words and roles, cleaned once for the rules below
    let cleaned: Vec<Range<usize>> = runs.iter().map(|r| clean_run(doc, r.clone())).collect();
    let mut out = Vec::new();
    for (run, clean) in runs.iter().zip(&cleaned) {
        for piece in listed_names(doc, run.clone()) {
            let clean = if piece == *run {
                clean.clone()
            } else {
                clean_run(doc, piece)
            };
            if let Some(c) = from_run(doc, clean, &runs) {
                out.push(c);
            }
        }
    }
    abbreviations(doc, &mut out);
    latin_legal(doc, &mut out);
    chinese_legal(doc, &mut out);
    overview_names(doc, &mut out);
    name_columns(doc, &mut out);
    municipalities(doc, &runs, &mut out);
    dictionary(doc, &mut out);
    context(doc, &cleaned, &mut out);
    country_markers(doc, &mut out);
    limited_liability(doc, &mut out);
    let mut kept = settle(out);
    facilities(doc, &mut kept);
    group_labels(doc, &mut kept);
    repeat_mentions(doc, &mut kept);
    if std::env::var_os("JA_PRESS_DEBUG").is_some() {
        for c in &kept {
            eprintln!(
                "org candidate {:?} {:?} {:?}",
                &v[c.range.clone()],
                c.source,
                c.kind
            );
        }
    }
    kept
}

/// Facilities are not bodies: a company's institute (「TPRの湘北研究所」) and a venue
/// (「会場:札幌コンベンションセンター」, 「仙台国際センターで開催」).
fn facilities(doc: &Doc<'_>, kept: &mut Vec<Cand>) {
    let v = doc.text.v();
    let companies: Vec<Range<usize>> = kept
        .iter()
        .filter(|c| c.kind == OrgKind::Company)
        .map(|c| c.range.clone())
        .collect();
    kept.retain(|c| {
        if c.source != Source::Head {
            return true;
        }
        let before = &v[..c.range.start];
        let company_lab = c.kind == OrgKind::ResearchInstitute
            && before.ends_with('の')
            && companies.iter().any(|r| r.end + 'の'.len_utf8() == c.range.start);
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let after = &v[c.range.end..];
        let venue = c.kind == OrgKind::Other
            // (labels may be letter-spaced: 「会　場：」)
            && (["会場", "開催場所", "場所", "開催地"].iter().any(|l| crate::facts::without_whitespace(&v[line_start..c.range.start]).starts_with(l))
                || ["で開催", "にて開催", "で行われ", "で開かれ", "にて行われ"].iter().any(|w| after.starts_with(w)));
        // a society's certification in a career: 「日本消化器内視鏡学会 消化器内視鏡専門医・指導医」
        let title = after.trim_start_matches(' ');
        let title = &title[..title.find([' ', '\n', '、', '。', ')', ',']).unwrap_or(title.len())];
        let qualification = v[c.range.clone()].ends_with("学会") && after.starts_with(' ') && QUALIFICATIONS.iter().any(|q| title.ends_with(q));
        !company_lab && !venue && !qualification
    });
}

/// Certifications a society grants, the words that end them.
const QUALIFICATIONS: &[&str] = &[
    "専門医",
    "指導医",
    "認定医",
    "認定士",
    "専門看護師",
    "認定看護師",
    "専門薬剤師",
    "認定薬剤師",
];

/// 「ドイツ・ミュンスターラント工科大学」: a country and a ・ before a name say where the body
/// is; they are not part of its name.
fn country_markers(doc: &Doc<'_>, cands: &mut [Cand]) {
    let v = doc.text.v();
    for c in cands.iter_mut().filter(|c| c.kind != OrgKind::Municipality) {
        let s = &v[c.range.clone()];
        let Some((country, rest)) = s.split_once('・') else {
            continue;
        };
        if rest.chars().count() >= 3
            && super::rules::COUNTRIES.contains(&country)
            && c.core.start == c.range.start
        {
            let cut = country.len() + '・'.len_utf8();
            c.range.start += cut;
            c.core.start += cut;
            c.country
                .get_or_insert_with(|| super::rules::canonical_country(country).to_string());
        }
    }
}

/// 「有限責任 あさぎ監査法人」: an audit firm's 有限責任 (limited liability), written before
/// the name (spaced or not, hiragana between), is part of it.
fn limited_liability(doc: &Doc<'_>, cands: &mut [Cand]) {
    let v = doc.text.v();
    for c in cands
        .iter_mut()
        .filter(|c| v[c.range.clone()].ends_with("監査法人"))
    {
        let before = v[..c.range.start].trim_end_matches(' ');
        if let Some(stem) = before.strip_suffix("有限責任") {
            c.range.start = stem.len();
        }
    }
}

/// 「大八洲グループ」 beside 「大八洲ホールディングス株式会社」: a label for a group of
/// companies the text names one by one, not a body of its own.
fn group_labels(doc: &Doc<'_>, kept: &mut Vec<Cand>) {
    let v = doc.text.v();
    let members: Vec<String> = kept
        .iter()
        .filter(|c| c.legal.is_some())
        .map(|c| v[c.core.clone()].to_string())
        .collect();
    kept.retain(|c| {
        let name = &v[c.range.clone()];
        let Some(stem) = name.strip_suffix("グループ") else {
            return true;
        };
        c.legal.is_some()
            || stem.chars().count() < 2
            || !members.iter().any(|m| m.starts_with(stem) && m != name)
    });
}

/// Every other place a found name is written again, as the same kind of candidate:
/// 「BioBridge Europe」 named once by its context is the same name further on.
fn repeat_mentions(doc: &Doc<'_>, kept: &mut Vec<Cand>) {
    let v = doc.text.v();
    let mut extra: Vec<Cand> = Vec::new();
    // each name once, with the first candidate that has it; all searched in one pass
    let mut seen: Vec<&str> = Vec::new();
    let mut firsts: Vec<&Cand> = Vec::new();
    for c in kept.iter().filter(|c| c.source != Source::Municipality) {
        let name = &v[c.range.clone()];
        if !seen.contains(&name) && name.chars().count() >= 2 {
            seen.push(name);
            firsts.push(c);
        }
    }
    let found = crate::words::Words::new(&seen).occurrences(v);
    let mut inside: Vec<Range<usize>> = Vec::new();
    for (i, c) in firsts.into_iter().enumerate() {
        let name = seen[i];
        for &at in &found[i] {
            let r = at..at + name.len();
            // (a shorter candidate inside this writing of the name gives way to it:
            // 「販路拡大推進協議会」 inside 「みえ食の販路拡大推進協議会」)
            let overlaps = |k: &Cand| k.range.start < r.end && r.start < k.range.end;
            let within = |k: &Cand| {
                !name.contains(' ')
                    && r.start <= k.range.start
                    && k.range.end <= r.end
                    && k.range.len() < r.len()
            };
            let taken = kept.iter().chain(&extra).any(|k| overlaps(k) && !within(k));
            if !taken && super::rules::bounded(doc, r.clone()) {
                inside.push(r.clone());
                let mut copy = c.clone();
                copy.core = c.core.start - c.range.start + at..c.core.end - c.range.start + at;
                copy.range = r;
                extra.push(copy);
            }
        }
    }
    kept.retain(|k| {
        !inside
            .iter()
            .any(|r| r.start <= k.range.start && k.range.end <= r.end && k.range.len() < r.len())
    });
    kept.extend(extra);
    kept.sort_by_key(|c| c.range.start);
}

/// Overlaps resolved: a longer span wins, then the stronger source.
fn settle(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.range.len()), c.source, c.range.start));
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        if let Some(same) = kept.iter_mut().find(|k| k.range == c.range) {
            // a place that another rule shows acting (a party to an agreement) is an actor
            same.place_only &= c.place_only;
            continue;
        }
        if kept
            .iter()
            .all(|k| c.range.end <= k.range.start || k.range.end <= c.range.start)
        {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.range.start);
    kept
}

/// [`TYPE_NOUNS`] by last character.
static TYPE_ENDINGS: LazyLock<Affixes> = LazyLock::new(|| Affixes::new(TYPE_NOUNS.iter().copied()));

/// [`PARTY_AFTER_TO`] by first character.
static PARTY_WORDS: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(PARTY_AFTER_TO.iter().copied()));

/// [`LEADING_NOISE`] and [`TRAILING_NOISE`](super::rules::TRAILING_NOISE) by first and last character.
static LEADING: LazyLock<Affixes> = LazyLock::new(|| Affixes::new(LEADING_NOISE.iter().copied()));
static TRAILING: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(super::rules::TRAILING_NOISE.iter().copied()));

/// The run with noise words cut from its start and a role cut from its end.
fn clean_run(doc: &Doc<'_>, run: Range<usize>) -> Range<usize> {
    let v = doc.text.v();
    let mut r = run;
    // 「国立大学法人A大学・株式会社B」: two names; this run is the first
    if let Some(p) = v[r.clone()]
        .match_indices('・')
        .map(|(p, _)| r.start + p)
        .find(|&p| {
            let rest = &v[p + '・'.len_utf8()..r.end];
            doc.vocab.forms_starting(rest).next().is_some()
        })
    {
        r.end = p;
    }
    // trailing roles: 「LINK-J理事兼事務局長」 → LINK-J
    if let Some(role) = roles::role_ending_at(doc.vocab, v, r.end, false)
        && role.start > r.start
    {
        // 市長/町長/区長/村長 keep their 市: 「川崎市長」 → 川崎市 (handled by municipalities)
        r.end = role.start;
    }
    // a date glued before the name: 「2021年7月株式会社ミソラ・ロボティクス」
    // (the pattern opens with a decimal digit; kana and kanji, which most runs open with,
    // have none, so they are passed over without the Unicode table look-up)
    let digit_first = |c: char| {
        c.is_ascii_digit()
            || (!c.is_ascii() && !('\u{3000}'..='\u{9FFF}').contains(&c) && c.is_numeric())
    };
    if v[r.clone()].starts_with(digit_first)
        && let Some(m) = GLUED_DATE.find(&v[r.clone()])
    {
        r.start += m.end();
    }
    // a section number: 「2.センターの概要」
    let number: usize = v[r.clone()]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    if number > 0
        && v[r.start + number..r.end].starts_with('.')
        && !v[r.start + number + 1..r.end].starts_with(|c: char| c.is_ascii_digit())
    {
        r.start += number + 1;
    }
    loop {
        let s = &v[r.clone()];
        let Some(noise) = LEADING
            .starting(s)
            .iter()
            .map(|&i| LEADING_NOISE[i])
            .find(|n| s.starts_with(*n) && s.len() > n.len())
        else {
            break;
        };
        // a one-character prefix (新, 旧, 元…) that begins a longer word is part of it: 「新潟」「前橋」
        let in_word = noise.chars().count() == 1
            && crate::tokens::overlapping(doc.tokens, r.start..r.start + noise.len())
                .first()
                .is_some_and(|t| t.range.start == r.start && t.range.end > r.start + noise.len());
        if in_word {
            break;
        }
        r.start += noise.len();
    }
    // 「株式会社ブルーステージ内」: a word after a complete name
    let s = &v[r.clone()];
    if let Some(noise) = TRAILING
        .ending(s)
        .iter()
        .map(|&i| super::rules::TRAILING_NOISE[i])
        .find(|n| s.ends_with(*n) && s.len() > n.len())
    {
        let rest = &s[..s.len() - noise.len()];
        let complete =
            doc.vocab.has_form_at_either_end(rest) || doc.vocab.heads_ending(rest).next().is_some();
        if complete {
            r.end -= noise.len();
        }
    }
    r
}

fn generic(doc: &Doc<'_>, s: &str) -> bool {
    let vocab = doc.vocab;
    s.chars().count() < 2
        || vocab.is_generic_org(s)
        || DESCRIPTORS.contains(&s)
        || NOT_AT_START.iter().any(|w| s.starts_with(w))
        // 「研究機関・大学」「商工会議所・商工会」: a list of kinds of organization
        || (s.contains('・') && s.split('・').all(|part| vocab.is_generic_org(part) || DESCRIPTORS.contains(&part) || vocab.heads.iter().any(|h| h.head == part)))
        || vocab.is_self_reference(s)
        || roles::is_role(vocab, s)
        || s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
}

/// The names in a run that lists several joined by ・: 「A市・A市教育委員会・B大学」. A ・ splits
/// the run only where the name before it and the rest after it are each complete (they
/// end with an institutional head, a legal form or a municipal suffix): 「脳卒中・心臓病セ
/// ンター」 stays one name.
fn listed_names(doc: &Doc<'_>, run: Range<usize>) -> Vec<Range<usize>> {
    let v = doc.text.v();
    // (most runs have no ・: they are one name, and nothing below need be worked out)
    if !v[run.clone()].contains('・') {
        return vec![run];
    }
    let complete = |s: &str| {
        s.chars().count() >= 3
            // (a company word is not enough: 「三菱商事・ユービーエス・リアルティ」 is one joint venture)
            // (but a bank's head is: 「福井県・九頭竜信用金庫・あすわ商工会議所」)
            && (doc.vocab.heads_ending(s).any(|h| {
                (h.kind != OrgKind::Company || matches!(h.head.as_str(), "銀行" | "信用金庫" | "信用組合")) && s.len() > h.head.len()
            })
                || doc.vocab.has_form_at_either_end(s)
                || doc.vocab.municipal_heads.iter().any(|h| s.ends_with(h.as_str())))
    };
    let has_form = |s: &str| {
        doc.vocab
            .legal_forms
            .iter()
            .any(|f| s.contains(f.name.as_str()))
    };
    // 「三菱商事・ユービーエス・リアルティ株式会社」: a form written last covers the whole run
    let form_last = doc
        .vocab
        .forms_ending(&v[run.clone()])
        .any(|f| f.position != crate::vocab::FormPosition::Prefix);
    // (a prefecture or city, a place IPADIC knows, is never the first word of one: 「福井県・九頭竜信用金庫」)
    let municipality = |r: Range<usize>| {
        doc.vocab
            .municipal_heads
            .iter()
            .any(|h| v[r.clone()].ends_with(h.as_str()))
            && crate::tokens::overlapping(doc.tokens, r.clone())
                .first()
                .is_some_and(|t| t.range.start == r.start && t.is(Pos::PlaceName))
    };
    let mut pieces = Vec::new();
    let mut start = run.start;
    for (p, dot) in v[run.clone()].match_indices('・') {
        let at = run.start + p;
        let left = &v[start..at];
        if at > start
            && complete(left)
            && complete(&v[at + dot.len()..run.end])
            && (!form_last || has_form(left) || municipality(start..at))
        {
            pieces.push(start..at);
            start = at + dot.len();
        }
    }
    pieces.push(start..run.end);
    pieces
}

/// A legal form at either end of a run (cleaned by [`clean_run`]), or an institutional
/// head at its end.
fn from_run(doc: &Doc<'_>, r: Range<usize>, all: &[Range<usize>]) -> Option<Cand> {
    let v = doc.text.v();
    let s = &v[r.clone()];
    let (spellings, index) = &doc.vocab.finders().form_spellings;
    // (only the spellings that begin or end as the run does, in list order)
    for i in index.starting_or_ending(s) {
        let Some((form, spelling)) = spellings
            .get(i)
            .and_then(|(f, sp)| Some((doc.vocab.legal_forms.get(*f)?, sp)))
        else {
            continue;
        };
        let prefix_ok = form.position != crate::vocab::FormPosition::Suffix;
        let suffix_ok = form.position != crate::vocab::FormPosition::Prefix;
        if prefix_ok && let Some(rest) = s.strip_prefix(spelling.as_str()) {
            let mut core = r.start + spelling.len()..r.end;
            if rest.is_empty() {
                // 「公益財団法人 先端医療振興財団」: the name is the next run, after one space.
                let next = all
                    .iter()
                    .find(|n| n.start == r.end + 1 && v[r.end..].starts_with(' '))?;
                core = clean_run(doc, next.clone());
                core.start = next.start;
            }
            let name = &v[core.clone()];
            if generic(doc, name) || doc.vocab.forms_starting(name).next().is_some() {
                return None;
            }
            return Some(Cand::with_form(
                r.start..core.end,
                core,
                form.name.clone(),
                LegalFormPosition::Prefix,
                form.kind,
            ));
        }
        if suffix_ok && s.len() > spelling.len() && s.ends_with(spelling.as_str()) {
            let core = r.start..r.end - spelling.len();
            if generic(doc, &v[core.clone()]) {
                return None;
            }
            return Some(Cand::with_form(
                r.clone(),
                core,
                form.name.clone(),
                LegalFormPosition::Suffix,
                form.kind,
            ));
        }
    }
    head(doc, r)
}

/// Heads that make a name only after a proper noun (a place, a person, a brand, Latin
/// letters): without one they name a kind of body.
const PROPER_HEADS: &[&str] = &[
    "学校",
    "専門学校",
    "学院",
    "校",
    "委員会",
    "クラブ",
    "組合",
    "基金",
];

/// What a company's own centre or group does (「法人営業センター」, 「アジア業務グループ」): a
/// site or a unit, not a body.
const INTERNAL_FUNCTIONS: &[&str] = &[
    "営業",
    "開発",
    "業務",
    "事務",
    "物流",
    "配送",
    "研修",
    "技術",
    "サポート",
    "コール",
    "コンタクト",
    "カスタマー",
    "運用",
    "製造",
    "生産",
    "設計",
    "事務処理",
    "システム",
    "オペレーション",
    "サービス",
    "企画",
    "戦略",
    "広報",
    "総務",
    "人事",
    "経理",
    "財務",
    "法務",
    "調達",
    "購買",
    "品質保証",
    "活用",
    "ローン",
    "融資",
    "審査",
    "事務集中",
    "集中",
];

/// Whether `part`, written at or after `from`, is made of common nouns only (no proper
/// noun, no unknown word, no Latin letters).
fn common_nouns_only(doc: &Doc<'_>, from: usize, part: &str) -> bool {
    let v = doc.text.v();
    let Some(at) = v[from..].find(part).map(|p| from + p) else {
        return false;
    };
    let mut tokens = crate::tokens::within(doc.tokens, at..at + part.len()).peekable();
    tokens.peek().is_some()
        && !part.chars().any(|c| c.is_ascii_alphabetic())
        && tokens.all(|t| t.is(Pos::Noun) && !t.is(Pos::ProperNoun) && !t.unknown)
}

/// An institutional head at the end: 横浜国立大学, 先端医療振興財団クラスター推進センター.
fn head(doc: &Doc<'_>, r: Range<usize>) -> Option<Cand> {
    let v = doc.text.v();
    let s = &v[r.clone()];
    let h = doc.vocab.heads_ending(s).find(|h| s.len() > h.head.len())?;
    // 「…コンソーシアム「iNexS」」: a description of the name that follows
    if v[r.end..].starts_with('「') {
        return None;
    }
    let head_start = r.end - h.head.len();
    // The head must be a word of its own, not the tail of one (都市 is no 市).
    let near = crate::tokens::overlapping(doc.tokens, head_start..r.end);
    let org_token = near
        .iter()
        .any(|t| t.range.start < head_start && t.range.end == r.end && t.is(Pos::OrganizationName));
    // (a word starting inside the head is enough: 「科学|部」 for 学部)
    let starts_inside = near
        .iter()
        .any(|t| t.range.start >= head_start && t.range.start < r.end);
    // (and a faculty is one word with its field: 「理工学部」「農学研究科」)
    let faculty = matches!(h.head.as_str(), "学部" | "研究科" | "研究院");
    let faculty_word = faculty
        && near
            .iter()
            .any(|t| t.range.end == r.end && t.range.start < head_start && t.is(Pos::Noun));
    if !starts_inside && !is_token_inside(doc, head_start) && !org_token && !faculty_word {
        return None;
    }
    let mut start = r.start;
    // A descriptor before a proper name: 「サイエンスパーク蘇州工業園区」.
    if let Some(d) = DESCRIPTORS
        .iter()
        .find(|d| v[start..head_start].starts_with(*d) && head_start - start > d.len() + 3)
    {
        let at = start + d.len();
        let proper_next = crate::tokens::overlapping(doc.tokens, at..at + 1)
            .iter()
            .any(|t| t.range.start == at && (t.is(Pos::ProperNoun) || t.unknown))
            || v[at..].starts_with(|c: char| c.is_ascii_alphabetic());
        if proper_next {
            start = at;
        }
    }
    let modifier = &v[start..head_start];
    // 「富山ロボティクス大学 工学部」: a faculty written after its university and a space
    if matches!(h.head.as_str(), "学部" | "研究科") && !modifier.contains("大学") {
        let before = v[..start].strip_suffix(' ')?;
        let uni: usize = before
            .chars()
            .rev()
            .take_while(|&c| super::rules::is_name_char(c))
            .map(char::len_utf8)
            .sum();
        let uni_start = start - 1 - uni;
        if uni > 0
            && (before.ends_with("大学") || before.ends_with("大学院"))
            && !modifier.is_empty()
        {
            return Some(Cand::new(
                uni_start..r.end,
                OrgKind::University,
                Source::Head,
            ));
        }
        return None;
    }
    if modifier.chars().count() < 2
        || generic(doc, &v[start..r.end])
        || GENERIC_MODIFIERS.contains(&modifier)
    {
        return None;
    }
    // 「製薬企業発サイエンスパーク」: a description, not a name
    if ["企業", "団体", "機関", "会社", "事業者"]
        .iter()
        .any(|g| modifier.contains(g))
    {
        return None;
    }
    // 「芙蓉ヶ丘市民病院 脳卒中・心臓病センター」: a hospital's or university's named unit,
    // written after its parent and a space, is named with it
    if matches!(
        h.kind,
        OrgKind::Other | OrgKind::ResearchInstitute | OrgKind::Hospital
    ) && let Some(before) = v[..start].strip_suffix(' ')
    {
        let parent: usize = before
            .chars()
            .rev()
            .take_while(|&c| super::rules::is_name_char(c))
            .map(char::len_utf8)
            .sum();
        let parent_name = &before[before.len() - parent..];
        if parent_name.chars().count() >= 4
            && ["病院", "大学", "大学院"]
                .iter()
                .any(|p| parent_name.ends_with(p))
            && !generic(doc, parent_name)
        {
            return Some(Cand::new(start - 1 - parent..r.end, h.kind, Source::Head));
        }
    }
    // 「小中学校52校」 is a count; a faculty (学部, 研究科) is named with its university
    if modifier.ends_with(|c: char| c.is_ascii_digit())
        || (matches!(h.head.as_str(), "学部" | "研究科")
            && (!modifier.contains("大学") || modifier.starts_with("大学院")))
    {
        return None;
    }
    // 「中南信法人営業センター」, 「アジア業務グループ」: a company's own site or unit, named by
    // what it does
    if matches!(h.head.as_str(), "センター" | "グループ")
        && INTERNAL_FUNCTIONS.iter().any(|f| modifier.ends_with(f))
    {
        return None;
    }
    // 「広報・IRグループ」: a unit named by its functions, each a common noun
    if h.head == "グループ"
        && modifier
            .split('・')
            .any(|part| common_nouns_only(doc, start, part))
    {
        return None;
    }
    // 「仮設医療施設建設」 is no company: company heads (建設, 工業, 商事…) need a proper name before them.
    let proper = modifier.chars().any(|c| c.is_ascii_alphabetic())
        || crate::tokens::overlapping(doc.tokens, start..head_start)
            .iter()
            .any(|t| t.is(Pos::ProperNoun) || (t.unknown && has_name_script(&v[t.range.clone()])));
    // so do the heads a common noun often takes: 「音楽学校」, 「教育委員会」, 「サッカークラブ」, 「労働組合」
    if (h.kind == OrgKind::Company || PROPER_HEADS.contains(&h.head.as_str())) && !proper {
        return None;
    }
    // 「商工会議所を加えた」: a longer head alone (商工 + 会議所) names a kind, not a body
    if doc
        .vocab
        .heads
        .iter()
        .any(|other| other.head == v[start..r.end])
    {
        return None;
    }
    Some(Cand::new(start..r.end, h.kind, Source::Head))
}

/// Whether a token starts at `p` or `p` is a char boundary inside an unknown-word token
/// (katakana runs are one unknown token: 「…リアルティ」).
fn is_token_inside(doc: &Doc<'_>, p: usize) -> bool {
    crate::tokens::overlapping(doc.tokens, p..p)
        .iter()
        .any(|t| t.range.start < p && p < t.range.end && t.unknown)
}

/// Modifiers that make a head generic: 州立大学, 各研究所.
const GENERIC_MODIFIERS: &[&str] = &[
    "州立",
    "国立",
    "私立",
    "公立",
    "県立",
    "市立",
    "各",
    "同",
    "本",
    "当",
    "他",
    "地元",
    "関連",
    "地方",
    "主要",
    "海外",
    "国内",
    "外部",
    "民間",
    "公的",
    "全国",
    "世界",
    "研究",
    "医療",
    "総合",
    "専門",
    "大手",
    "新設",
    "提携",
    "連携",
    "参加",
    "協力",
    "中核",
    "無床",
    "有床",
    "医学系",
    "統合準備",
    "準備",
    "設立準備",
    "実行",
    "運営",
    "審査",
    "選考",
    "地域",
    "基幹",
    "拠点",
    "相談",
    "お客様相談",
    "客様相談",
    "コール",
    "サポート",
    "カスタマー",
    "国際",
    "お問い合わせ",
    "問い合わせ",
    "窓口",
];

/// (株)アカネ, アカネ(株).
fn abbreviations(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    let (abbrs, finder) = &doc.vocab.finders().paren_forms;
    for ((form_index, abbr), ats) in abbrs.iter().zip(finder.occurrences(v)) {
        let Some(form) = doc.vocab.legal_forms.get(*form_index) else {
            continue;
        };
        for at in ats {
            let after = at + abbr.len();
            let name_after: usize = v[after..]
                .chars()
                .take_while(|&c| super::rules::is_name_char(c))
                .map(char::len_utf8)
                .sum();
            let name_before: usize = v[..at]
                .chars()
                .rev()
                .take_while(|&c| super::rules::is_name_char(c))
                .map(char::len_utf8)
                .sum();
            let (core, position) = if name_after > 0 {
                (
                    clean_run(doc, after..after + name_after),
                    LegalFormPosition::Prefix,
                )
            } else if name_before > 0 && form.kind == OrgKind::Company {
                // 「ライン=マイン工科大学(独)」: after a name, (独) is a country marker
                (
                    clean_run(doc, at - name_before..at),
                    LegalFormPosition::Suffix,
                )
            } else {
                continue;
            };
            if core.is_empty() || generic(doc, &v[core.clone()]) {
                continue;
            }
            let range = match position {
                LegalFormPosition::Prefix => at..core.end,
                LegalFormPosition::Suffix => core.start..after,
            };
            out.push(Cand::with_form(
                range,
                core,
                form.name.clone(),
                position,
                form.kind,
            ));
        }
    }
}

/// The literal parts of [`LATIN_LEGAL`]'s forms, in the case each is matched in (Co. and
/// Inc. in any case, 「CO., LTD.」; the rest as written, or a case-blind AS or SE would
/// pass every line with "base" or "case" in it): a line without any of them cannot match.
static LATIN_FORM_HINT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:Co\.|Inc\.)|Inc|INC|LLC|L\.L\.C\.|Ltd|Limited|Corp|GmbH|AG|plc|PLC|S\.A|SAS|S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.|L\.P\.|LLP|K\.K\.|Pte\. Ltd\.|Pty Ltd|Oy|AB|ApS|AS|SE",
    )
});

/// The name row of an overview table names an organization even without a legal form or
/// head: 「(1)名称　カシノキ化成従業員持株会」 over 「(2)所在地 …」.
fn overview_names(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    for i in 0..doc.text.lines.len() {
        let Some(r) = super::rules::overview_name(doc.vocab, doc.text, i) else {
            continue;
        };
        let name = &v[r.clone()];
        // (only where nothing else found a name there: 「東洋グリーンエナジー株式会社 仙台営業所」
        // is the company and a branch; two columns side by side are two names)
        let covered = out
            .iter()
            .any(|c| c.range.start < r.end && r.start < c.range.end);
        if covered
            || name.contains("  ")
            || name.chars().count() < 3
            || name.chars().any(|c| matches!(c, '。' | '、'))
        {
            continue;
        }
        let kind = doc
            .vocab
            .heads_ending(name)
            .next()
            .map_or(OrgKind::Other, |h| h.kind);
        out.push(Cand::new(r, kind, Source::Context));
    }
}

/// The column headers of a table whose cells are names of organizations.
const NAME_COLUMNS: &[&str] = &[
    "採択者名",
    "事業者名",
    "団体名",
    "法人名",
    "企業名",
    "会社名",
    "機関名",
    "社名",
    "名称",
    "出展者名",
    "受賞者名",
];

/// A table drawn with bars or tabs whose header has a name column (「No.|採択者名|代表者|所在地」):
/// each row's cell in that column names an organization, form or head or not.
fn name_columns(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    let lines = &doc.text.lines;
    let cells_of = |range: Range<usize>| -> Vec<Range<usize>> {
        let s = &v[range.clone()];
        let sep = if s.contains('|') { '|' } else { '\t' };
        let mut at = range.start;
        let mut cells = Vec::new();
        for cell in s.split(sep) {
            let lead = cell.len() - cell.trim_start().len();
            cells.push(at + lead..at + lead + cell.trim().len());
            at += cell.len() + sep.len_utf8();
        }
        cells
    };
    let mut i = 0;
    while i < lines.len() {
        let header_line = &v[lines[i].trimmed.clone()];
        if !header_line.contains(['|', '\t']) {
            i += 1;
            continue;
        }
        let header = cells_of(lines[i].trimmed.clone());
        // (three columns or more: 「会社名<TAB>株式会社…」 is a row of a profile, not a header)
        let col = header
            .iter()
            .position(|c| NAME_COLUMNS.contains(&v[c.clone()].trim()))
            .filter(|_| header.len() >= 3);
        let Some(col) = col else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while let Some(line) = lines.get(j).filter(|l| !l.trimmed.is_empty()) {
            let row = cells_of(line.trimmed.clone());
            if row.len() != header.len() {
                break;
            }
            let r = row[col].clone();
            let name = &v[r.clone()];
            let covered = out
                .iter()
                .any(|c| c.range.start < r.end && r.start < c.range.end);
            if !covered
                && name.chars().count() >= 3
                && !name.contains(['。', '、', ' '])
                && !generic(doc, name)
            {
                let kind = doc
                    .vocab
                    .heads_ending(name)
                    .next()
                    .map_or(OrgKind::Other, |h| h.kind);
                out.push(Cand::new(r, kind, Source::Context));
            }
            j += 1;
        }
        i = j;
    }
}

/// A Chinese company with its city in parentheses before the form, as group companies
/// are listed: 「丸笹貿易(上海)有限公司」.
static CHINESE_LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<name>[\p{Han}ァ-ヺー・]{2,20})\((?P<city>\p{Han}{1,4})\)(?P<form>股份有限公司|有限公司)",
    )
});

fn chinese_legal(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    if !v.contains("有限公司") {
        return;
    }
    for caps in CHINESE_LEGAL.captures_iter(v) {
        let (Some(whole), Some(form)) = (caps.get(0), caps.name("form")) else {
            continue;
        };
        let company = Cand::with_form(
            whole.range(),
            whole.start()..form.start(),
            form.as_str().to_string(),
            LegalFormPosition::Suffix,
            OrgKind::Company,
        );
        out.push(Cand {
            country: Some("中国".to_string()),
            ..company
        });
    }
}

fn latin_legal(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    // Indonesian PT before the name: 「PT Uraga Trading Indonesia」
    for caps in LATIN_PT.captures_iter(v) {
        let (Some(whole), Some(name)) = (caps.get(0), caps.name("name")) else {
            continue;
        };
        if v[..whole.start()].ends_with(|c: char| c.is_ascii_alphanumeric()) {
            continue;
        }
        let company = Cand::with_form(
            whole.range(),
            name.range(),
            "PT".to_string(),
            LegalFormPosition::Prefix,
            OrgKind::Company,
        );
        out.push(Cand {
            country: Some("インドネシア".to_string()),
            ..company
        });
    }
    // A match never crosses a line (no pattern part matches '\n'), so searching line by
    // line finds the same matches; lines without a form's letters are skipped (the
    // capturing search is slow and most lines are Japanese).
    let lines = v.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    });
    let hits = lines
        .filter(|(_, line)| LATIN_FORM_HINT.is_match(line))
        .flat_map(|(start, line)| {
            LATIN_LEGAL
                .captures_iter(line)
                .map(move |caps| (start, caps))
        });
    for (line_start, caps) in hits {
        let shift = |m: regex::Match<'_>| line_start + m.start()..line_start + m.end();
        let (Some(whole), Some(name), Some(form)) = (
            caps.get(0).map(shift),
            caps.name("name").map(shift),
            caps.name("form"),
        ) else {
            continue;
        };
        if v[..whole.start].ends_with(|c: char| c.is_ascii_alphanumeric()) {
            continue;
        }
        // 「Ironbridge Capital Partners Pte. Ltd.」: Pte. belongs to the form, not the name
        let mut name = name;
        let mut form = form.as_str().to_string();
        for word in [" Pte.", " Sdn."] {
            if v[name.clone()].ends_with(word) && name.len() > word.len() {
                name.end -= word.len();
                form = format!("{} {form}", word.trim_start());
            }
        }
        out.push(Cand::with_form(
            whole,
            name,
            form,
            LegalFormPosition::Suffix,
            OrgKind::Company,
        ));
    }
}

/// Place names with a municipal suffix (IPADIC 固有名詞,地域 + 接尾,地域 市/県/町…), and
/// 「X市長 NAME」 where the place is an actor.
fn municipalities(doc: &Doc<'_>, runs: &[Range<usize>], out: &mut Vec<Cand>) {
    let v = doc.text.v();
    let t = doc.tokens;
    let heads = &doc.vocab.municipal_heads;
    for i in 0..t.len() {
        let tok = &t[i];
        // 北海道 is one IPADIC word
        if &v[tok.range.clone()] == "北海道"
            && !v[tok.range.end..].starts_with(|c: char| matches!(c, '\u{4E00}'..='\u{9FFF}'))
        {
            let mut c = Cand::new(
                tok.range.clone(),
                OrgKind::Municipality,
                Source::Municipality,
            );
            c.place_only = is_place_use(doc, i, tok.range.clone()) || !acts(doc, tok.range.clone());
            out.push(c);
            continue;
        }
        let head = heads.iter().any(|h| h == &v[tok.range.clone()]);
        // a place written in hiragana, which IPADIC cuts into pieces: 「ゆのはら市」
        // (runs are in order and disjoint: the one ending with the token is found by its end)
        let ending_here = || {
            let first = runs.partition_point(|r| r.end < tok.range.end);
            runs[first..]
                .iter()
                .take_while(|r| r.end == tok.range.end)
                .find(|r| r.start < tok.range.start)
        };
        if head
            && tok.is(Pos::Noun)
            && let Some(run) = ending_here()
        {
            let name = &v[run.start..tok.range.start];
            if name.chars().count() >= 3
                && name.chars().all(|c| matches!(c, '\u{3041}'..='\u{3096}'))
            {
                let mut c = Cand::new(run.clone(), OrgKind::Municipality, Source::Municipality);
                c.place_only = is_place_use(doc, i, run.clone()) || !acts(doc, run.clone());
                out.push(c);
                continue;
            }
        }
        // (a municipal head IPADIC reads as a common noun after a word it reads as a family
        // name is a suffix too: 茅ヶ崎|市)
        let after_surname =
            i > 0 && t[i - 1].is(Pos::FamilyName) && t[i - 1].range.end == tok.range.start;
        let suffix = head && (tok.is(Pos::PlaceSuffix) || tok.is(Pos::Noun) && after_surname);
        let mayor = matches!(
            &v[tok.range.clone()],
            "市長" | "町長" | "村長" | "区長" | "県知事" | "都知事" | "府知事" | "道知事"
        ) && tok.is(Pos::GeneralNoun);
        // 「あすわ市長 嘉村 恵美子」: a hiragana place before its head's role
        if mayor {
            let kana: usize = v[..tok.range.start]
                .chars()
                .rev()
                .take_while(|c| matches!(c, '\u{3041}'..='\u{3096}'))
                .map(char::len_utf8)
                .sum();
            let rest = &v[tok.range.end..];
            let person_next = rest.starts_with(' ') || rest.starts_with(':');
            let bounded = v[..tok.range.start - kana]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if kana >= 3 * 3 && bounded && person_next {
                let range = tok.range.start - kana..tok.range.start + "市".len();
                out.push(Cand::new(
                    range,
                    OrgKind::Municipality,
                    Source::Municipality,
                ));
                continue;
            }
        }
        if !suffix && !mayor {
            continue;
        }
        // The place name right before it: a proper noun (地域, 組織) or unknown katakana,
        // with the short common nouns written with it (芙蓉|ヶ|丘市, みずほ|野|市長), back to a
        // prefecture or another place's suffix (神奈川県|芙蓉ヶ丘市).
        let proper = |p: &crate::tokens::Token<'_>| {
            (p.is(Pos::ProperNoun) && !p.is(Pos::PersonName))
                || (p.unknown && has_name_script(&v[p.range.clone()]))
        };
        let part_of_name = |p: &crate::tokens::Token<'_>| {
            let w = &v[p.range.clone()];
            (proper(p) || (p.is(Pos::GeneralNoun) && w.chars().count() <= 2))
                && !heads.iter().any(|h| w.ends_with(h.as_str()))
        };
        // (before a ヶ/ケ/ノ joining two parts, any kanji noun: 楓|ヶ|浜市, where IPADIC
        // reads 楓 as a family name)
        let joined_before = |p: &crate::tokens::Token<'_>, next: &crate::tokens::Token<'_>| {
            matches!(&v[next.range.clone()], "ヶ" | "ケ" | "ノ" | "の")
                && p.is(Pos::Noun)
                && v[p.range.clone()]
                    .chars()
                    .all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}'))
        };
        // (right before a place suffix, a word IPADIC reads as a family name is the place:
        // 茅ヶ崎|市, 門真|市)
        let surname_place = |k: usize| {
            suffix
                && k + 1 == i
                && t[k].is(Pos::FamilyName)
                && v[t[k].range.clone()].chars().count() >= 2
                && t[k].range.end == tok.range.start
        };
        let mut j = i;
        while j > 0
            && i - j < 4
            && t[j - 1].range.end == t[j].range.start
            && (part_of_name(&t[j - 1]) || joined_before(&t[j - 1], &t[j]) || surname_place(j - 1))
        {
            j -= 1;
        }
        if j == i || !(j..i).any(|k| proper(&t[k]) || surname_place(k)) {
            continue;
        }
        let end = if mayor {
            tok.range.start + "市".len()
        } else {
            tok.range.end
        };
        if mayor {
            // Only when a person follows: 「川崎市長 福田 紀彦 氏」, 「川崎市長の福田」.
            let rest = &v[tok.range.end..];
            let person_next =
                rest.starts_with(' ') || rest.starts_with('の') || rest.starts_with(':');
            if !person_next {
                continue;
            }
        }
        let range = t[j].range.start..end;
        let mut c = Cand::new(range.clone(), OrgKind::Municipality, Source::Municipality);
        c.place_only = !mayor && (is_place_use(doc, i, range.clone()) || !acts(doc, range));
        out.push(c);
    }
}

/// Whether a municipality acts where it is written: the subject of a sentence, a host,
/// a contributor, or the employer of an official (「福岡県 農林水産部長」).
fn acts(doc: &Doc<'_>, range: Range<usize>) -> bool {
    let v = doc.text.v();
    const ACTING: &[&str] = &[
        "は",
        "が",
        "主催",
        "共催",
        "後援",
        "協賛",
        "の出損",
        "の出資",
        "職員",
        "担当者",
        "役所",
        "議会",
        "と共同",
        "と連携",
        "と協力",
        "との間",
        "とともに",
        "との協定",
        "との連携",
        "との覚書",
        "との交流",
        "との人事交流",
        "と交流",
        "とも連携",
        "とも協力",
    ];
    let line_start = crate::facts::line_start(v, range.start);
    let line_end = v[range.end..].find('\n').map_or(v.len(), |p| range.end + p);
    // a row of a dated table of partners: 「2019年11月  三島市(静岡県)」
    if DATED_ROW.is_match(&v[line_start..range.start]) {
        return true;
    }
    // 「オウル市と経済交流に関する覚書を締結」: a party to an agreement (its name in
    // another script may come between: 「カイタレ市(Kaitare City)と」)
    let gloss = v[range.end..]
        .strip_prefix('(')
        .and_then(|r| {
            r.find(')')
                .filter(|&e| e <= 60 && !r[..e].contains('\n'))
                .map(|e| 1 + e + 1)
        })
        .unwrap_or(0);
    let party_end = range.end + gloss;
    if v[party_end..].starts_with('と')
        && let Some(sentence) = doc.text.sentence_of(party_end)
        && doc
            .vocab
            .agreements
            .iter()
            .any(|a| v[party_end..sentence.end].contains(a.as_str()))
        && ["締結", "提携", "合意", "調印"]
            .iter()
            .any(|w| v[party_end..sentence.end].contains(w))
    {
        return true;
    }
    // alone on its line: a signature or a party listed in the header
    if v[line_start..line_end].trim() == &v[range.clone()] {
        return true;
    }
    // after a label of hosts and parties: 「共催:福岡県、福岡市」
    let before = &v[line_start..range.start];
    if has_label(
        before,
        &[
            "主催",
            "共催",
            "後援",
            "協賛",
            "協力",
            "参加自治体",
            "自治体",
            "締結先",
            "連携先",
            "協定先",
            "構成団体",
            "参画",
            "設立団体",
            "設置者",
            "設立者",
            "運営主体",
            "設置主体",
        ],
        &[':', ' '],
    ) {
        return true;
    }
    // the end of a list it is in: 「旭川市、北見市、稚内市の5市町が参加」
    let mut end = range.end;
    loop {
        let rest = &v[end..];
        let Some(after_sep) = rest
            .strip_prefix('、')
            .or_else(|| rest.strip_prefix('・'))
            .or_else(|| rest.strip_prefix("および"))
        else {
            break;
        };
        let at = v.len() - after_sep.len();
        let item: usize = after_sep
            .chars()
            .take_while(|&c| super::rules::is_name_char(c))
            .map(char::len_utf8)
            .sum();
        if item == 0 {
            break;
        }
        end = at + item;
    }
    let after = &v[end..];
    let after = after
        .strip_prefix(|c: char| c.is_ascii_digit())
        .map_or(after, |a| {
            // 「の5市町が」
            a.trim_start_matches(|c: char| c.is_ascii_digit())
        });
    let after_list = after
        .trim_start_matches('の')
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '市' | '町' | '村' | '県' | '区')
        });
    // (「高知県(知事:真壁 一成)は」: its head in a parenthesis between)
    if ACTING.iter().any(|w| {
        v[range.end..].starts_with(w)
            || after.starts_with(w)
            || after_list.starts_with(w)
            || gloss > 0 && v[party_end..].starts_with(w)
    }) {
        return true;
    }
    // a department and a role after it: 「福岡県 農林水産部長」, 「仙台市経済局長」
    let after = &v[range.end..];
    let after_trim = after.trim_start_matches(' ');
    let at = range.end + (after.len() - after_trim.len());
    let dept: usize = after_trim
        .chars()
        .take_while(|&c| matches!(c, '\u{4E00}'..='\u{9FFF}'))
        .map(char::len_utf8)
        .sum();
    let dept_text = &v[at..at + dept];
    // (a bare role that is no head of a place is another column's: 「中国上海市　董事長　…」)
    let with_dept = roles::role_ending_at(doc.vocab, dept_text, dept_text.len(), true);
    let bare = roles::role_ending_at(doc.vocab, dept_text, dept_text.len(), false);
    let place_head = ["知事", "市長", "町長", "村長", "区長"]
        .iter()
        .any(|h| dept_text.ends_with(h));
    dept > 0
        && with_dept
            .is_some_and(|r| r.start == 0 && (place_head || bare.is_some_and(|b| b.start > 0)))
}

/// Whether the municipality ending at token `i` is written as a place: part of an
/// address, a seat, 「…市内」, 「…で実施」.
fn is_place_use(doc: &Doc<'_>, i: usize, range: Range<usize>) -> bool {
    let v = doc.text.v();
    let t = doc.tokens;
    // an address: another place or a number right after (兵庫県神戸市, 大阪市北区)
    if let Some(next) = t.get(i + 1)
        && next.range.start == range.end
        && (next.is(Pos::PlaceName) || next.is(Pos::Number))
    {
        return true;
    }
    // the second half of an address (兵庫県神戸市 → 神戸市)
    let first = t.partition_point(|x| x.range.start < range.start);
    if t.get(first).is_some_and(|x| x.range.start == range.start)
        && first >= 1
        && t[first - 1].range.end == range.start
        && t[first - 1].is(Pos::PlaceSuffix)
    {
        return true;
    }
    let after = &v[range.end..];
    if super::rules::LOCATION_AFTER
        .iter()
        .any(|w| after.starts_with(w))
    {
        return true;
    }
    if after.starts_with('で') && !after.starts_with("では") && !after.starts_with("でも") {
        return true;
    }
    // inside a seat parenthesis 「(本社:…」「(所在地:…」 or a parenthesis of places only
    let line_start = crate::facts::line_start(v, range.start);
    let before = &v[line_start..range.start];
    if let Some(open) = before.rfind('(')
        && !before[open..].contains(')')
    {
        let inner = &before[open + 1..];
        if super::rules::SEAT_LABELS
            .iter()
            .any(|l| inner.starts_with(l))
            || inner.is_empty() && after.starts_with(')')
        {
            return true;
        }
    }
    if has_label(before, super::rules::SEAT_LABELS, &[':']) {
        return true;
    }
    let before = crate::facts::without_whitespace(before);
    ["所在地", "住所", "会場", "場所", "開催地"]
        .iter()
        .any(|l| before.starts_with(l))
}

/// Dictionary words tagged 組織 (三井不動産, マクニカ), where no longer candidate covers them.
fn dictionary(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    let t = doc.tokens;
    for (i, tok) in t.iter().enumerate() {
        // a name the user's dictionary lists as an organization
        if tok.user_tag() == Some("組織") {
            out.push(Cand::new(
                tok.range.clone(),
                OrgKind::Other,
                Source::LegalForm,
            ));
            continue;
        }
        if !tok.is(Pos::OrganizationName) || tok.unknown || tok.base == "*" {
            continue;
        }
        let s = &v[tok.range.clone()];
        // 「市長部局」「知事部局」: an official's offices, not a body
        if doc
            .vocab
            .role_at_start_of(s)
            .is_some_and(|r| r.len() < s.len())
        {
            continue;
        }
        if s.is_ascii() || s.chars().count() < 3 {
            continue;
        }
        // the word alone, not the start of a longer one (「東証プライム」)
        let before = v[..tok.range.start].chars().next_back();
        let after = v[tok.range.end..].chars().next();
        let glued_before = before.is_some_and(super::rules::is_name_char);
        let glued_after = after.is_some_and(
            |c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | 'A'..='Z' | 'a'..='z' | '・' | '='),
        );
        // 「遊佐 明日香」: a given name after a family name and a space
        let spaced_family = v[..tok.range.start]
            .strip_suffix(' ')
            .is_some_and(|b| b.ends_with(|c: char| matches!(c, '\u{4E00}'..='\u{9FFF}')));
        if glued_before || glued_after || spaced_family {
            continue;
        }
        // 「川崎市」「川崎市内」: a place, not the company
        if let Some(next) = t.get(i + 1)
            && next.range.start == tok.range.end
            && (next.is(Pos::PlaceSuffix)
                || v[next.range.clone()].starts_with(['市', '県', '町', '区', '村']))
        {
            continue;
        }
        out.push(Cand::new(
            tok.range.clone(),
            OrgKind::Company,
            Source::Dictionary,
        ));
    }
}

/// The content of a parenthesis that opens at `p` (after an optional space), on the same line.
pub(super) fn paren_at(v: &str, p: usize) -> Option<Range<usize>> {
    let rest = &v[p..];
    // after an optional closing 」 (「国家生技研究園区」(National …)) and a space
    let skip_bracket = if rest.starts_with('」') {
        '」'.len_utf8()
    } else {
        0
    };
    let rest = &rest[skip_bracket..];
    let p = p + skip_bracket;
    let skip = if rest.starts_with(' ') { 1 } else { 0 };
    if !rest[skip..].starts_with('(') {
        return None;
    }
    let open = p + skip + 1;
    let mut depth = 1;
    for (i, c) in v[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open..open + i);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// The content of 「…」 opening right at `p`.
fn bracket_at(v: &str, p: usize) -> Option<Range<usize>> {
    let rest = v[p..].strip_prefix('「')?;
    let close = rest.find('」')?;
    let start = p + '「'.len_utf8();
    (close > 0 && !rest[..close].contains('\n')).then_some(start..start + close)
}

/// Organizations named so by what surrounds them.
fn context(doc: &Doc<'_>, cleaned: &[Range<usize>], out: &mut Vec<Cand>) {
    let v = doc.text.v();
    for r in cleaned.iter().cloned() {
        if r.is_empty() {
            continue;
        }
        let s = &v[r.clone()];
        // TYPE「NAME」: 「コンソーシアム「iNexS」」 (the type may be a generic phrase:
        // 「ライフサイエンス団体「BioBridge Europe」」)
        if TYPE_ENDINGS
            .ending(s)
            .iter()
            .any(|&i| s.ends_with(TYPE_NOUNS[i]))
            && let Some(inner) = bracket_at(v, r.end)
        {
            // (a name in hiragana too, where the brackets hold only the name: 学生団体「すいれい防災サポーターズ」)
            let whole = v[inner.clone()]
                .chars()
                .all(|c| super::rules::is_name_char(c) || c == ' ' || matches!(c, 'ぁ'..='ゖ'))
                && v[inner.clone()].chars().count() <= 30;
            let name_len: usize = if whole {
                inner.len()
            } else {
                v[inner.clone()]
                    .chars()
                    .take_while(|&c| super::rules::is_name_char(c) || c == ' ')
                    .map(char::len_utf8)
                    .sum()
            };
            let name = inner.start..inner.start + name_len;
            let name = name.start..name.start + v[name.clone()].trim_end().len();
            if !name.is_empty() && !generic(doc, &v[name.clone()]) {
                out.push(Cand::new(name, kind_of_type(s), Source::Context));
            }
        }
        // (whether the run is a generic word is asked only of runs a rule below could take)
        // NAME(…団体), NAME(米)
        if let Some(inner) = paren_at(v, r.end) {
            if generic(doc, s) {
                continue;
            }
            let content = &v[inner.clone()];
            let last = content.rsplit(['、', ',']).next().unwrap_or(content).trim();
            // 「28日(日)」 is a day and its weekday, not a name and a country
            // (and 「同月28日(日)」)
            let day = s.starts_with(|c: char| c.is_ascii_digit())
                || (s.ends_with('日')
                    && s[..s.len() - '日'.len_utf8()].ends_with(|c: char| c.is_ascii_digit()));
            if let Some(country) = doc.vocab.country_of_marker(content).filter(|_| !day) {
                let mut c = Cand::new(r.clone(), OrgKind::Other, Source::Context);
                c.country = Some(country.to_string());
                out.push(c);
                continue;
            }
            let described = TYPE_NOUNS
                .iter()
                .any(|t| last.ends_with(t) && last.len() > t.len());
            if described
                && !content.contains(':')
                && is_namey(doc, s)
                && !GENERIC_ENDINGS.iter().any(|g| s.ends_with(g))
            {
                let mut c = Cand::new(r.clone(), kind_of_type(last), Source::Context);
                // the first country word of the description: 「(欧州最大規模の英国のライフサイエンス団体)」 → 英国
                c.country = super::rules::COUNTRIES
                    .iter()
                    .filter(|k| k.chars().count() >= 2)
                    .filter_map(|k| content.find(*k).map(|p| (p, *k)))
                    .min_by_key(|(p, k)| (*p, std::cmp::Reverse(k.len())))
                    .map(|(_, k)| super::rules::canonical_country(k).to_string());
                out.push(c);
                continue;
            }
        }
        // Latin names ending in Institute, Health, Park…
        if s.is_ascii()
            && s.contains(' ')
            && !inside_long_title(v, r.clone())
            && !inside_paren(v, r.start)
            && !generic(doc, s)
        {
            let words: Vec<&str> = s.split(' ').collect();
            let last = words.last().copied().unwrap_or("");
            let ends = LATIN_HEADS
                .iter()
                .any(|h| last.ends_with(h) && last.len() >= h.len());
            let opens = LATIN_OPENERS.contains(&words[0])
                && words.iter().any(|w| matches!(*w, "of" | "for"));
            let capitalized = words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
                    || matches!(*w, "of" | "for" | "and" | "the" | "&" | "de")
            });
            if (ends || opens) && capitalized {
                out.push(Cand::new(r.clone(), OrgKind::Other, Source::Context));
            }
        }
    }
    parties(doc, out);
    partner_lists(doc, out);
    host_lines(doc, out);
}

/// Whether `hay` holds one of `labels` followed by one of `separators` (`hay.contains("{label}:")`
/// for each label, without building the strings): each separator is looked at once, and
/// the labels compared with the text that ends there.
fn has_label(hay: &str, labels: &[&str], separators: &[char]) -> bool {
    hay.match_indices(separators)
        .any(|(p, _)| labels.iter().any(|l| hay[..p].ends_with(l)))
}

/// Whether `p` is inside a parenthesis opened earlier on its line.
fn inside_paren(v: &str, p: usize) -> bool {
    let line_start = v[..p].rfind('\n').map_or(0, |x| x + 1);
    let before = &v[line_start..p];
    before
        .rfind('(')
        .is_some_and(|o| !before[o..].contains(')'))
}

/// 「Latin words in 「…」 with four or more words」 are titles of events, not names.
fn inside_long_title(v: &str, r: Range<usize>) -> bool {
    let line_start = crate::facts::line_start(v, r.start);
    let before = &v[line_start..r.start];
    let open = before
        .rfind('「')
        .is_some_and(|o| !before[o..].contains('」'));
    open && v[r].split(' ').count() >= 4
}

/// Whether a run reads as a name (script, proper-noun tokens) rather than a common noun.
fn is_namey(doc: &Doc<'_>, s: &str) -> bool {
    has_name_script(s) || {
        let v = doc.text.v();
        // some token of it is a proper noun: 「神奈川県」, 「湘南鎌倉総合病院」
        v.match_indices(s).any(|(at, _)| {
            crate::tokens::within(doc.tokens, at..at + s.len()).any(|t| t.is(Pos::ProperNoun))
        })
    }
}

fn kind_of_type(s: &str) -> OrgKind {
    if s.ends_with("大学") {
        OrgKind::University
    } else if s.ends_with("財団") || s.ends_with("機構") {
        OrgKind::Foundation
    } else if s.ends_with("研究所") || s.ends_with("研究機関") {
        OrgKind::ResearchInstitute
    } else if s.ends_with("病院") {
        OrgKind::Hospital
    } else if s.ends_with("政府") || s.ends_with('省') || s.ends_with('庁') {
        OrgKind::Government
    } else if s.ends_with("企業")
        || s.ends_with("会社")
        || s.ends_with("ベンチャー")
        || s.ends_with("スタートアップ")
    {
        OrgKind::Company
    } else if s.ends_with("団体")
        || s.ends_with("協会")
        || s.ends_with("コンソーシアム")
        || s.ends_with("協議会")
    {
        OrgKind::Association
    } else {
        OrgKind::Other
    }
}

static LIST_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:、|, ?|および|及び|並びに|ならびに|、および|、及び)$"));

/// Parties to agreements and joint actions: 「READYFORと事業提携」, 「A、B、Cと共催」,
/// 「A、B、Cが連携の覚書を締結」.
fn parties(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    for sentence in &doc.text.sentences {
        let s = &v[sentence.clone()];
        for (at, particle) in s.match_indices(['と', 'が']) {
            let after = &s[at + particle.len()..];
            let after = after.trim_start_matches([' ', '、']);
            let agreement_at = |t: &str| {
                PARTY_WORDS
                    .starting(t)
                    .iter()
                    .any(|&i| t.starts_with(PARTY_AFTER_TO[i]))
            };
            let agreement = agreement_at(after);
            let agreement = agreement
                || (particle == "と" && after.starts_with("の") && agreement_at(&after[3..]));
            if !agreement {
                continue;
            }
            // Items before the particle, separated by 、 or ", ".
            let mut end = sentence.start + at;
            loop {
                let name_len: usize = v[..end]
                    .chars()
                    .rev()
                    .take_while(|&c| super::rules::is_name_char(c) || c == ' ')
                    .map(char::len_utf8)
                    .sum();
                if name_len == 0 {
                    break;
                }
                // 「Lukas Brandauer 教授との共同研究」: a person with a role is no party, nor one
                // with an honorific (「…局長 Matthew Larson氏が覚書に署名」)
                if roles::role_ending_at(doc.vocab, v, end, false).is_some()
                    || doc
                        .vocab
                        .honorifics
                        .iter()
                        .any(|h| v[..end].ends_with(h.as_str()))
                {
                    break;
                }
                // (spaces before the item, as at the start of a line, are not part of it)
                let start = end - name_len;
                let start = start + (v[start..end].len() - v[start..end].trim_start().len());
                let mut r = clean_run(doc, start..end);
                let trimmed = v[r.clone()].trim_start();
                r.start = r.end - trimmed.len();
                let name = &v[r.clone()];
                let counted = name.chars().any(|c| c.is_ascii_digit())
                    && GENERIC_ENDINGS.iter().any(|g| name.ends_with(g));
                if generic(doc, name)
                    || counted
                    || GENERIC_ENDINGS.iter().any(|g| name.ends_with(g))
                    || !(is_namey(doc, name) || name.chars().count() >= 3 && known_head(doc, name))
                {
                    break;
                }
                // 「オトギテックのPOSレジと連携」: a thing of a body (no head, no legal form)
                // is no party; 「東京都のA大学と」 is one
                if v[..r.start].ends_with('の')
                    && !known_head(doc, name)
                    && !doc.vocab.has_form_at_either_end(name)
                {
                    break;
                }
                // 「社会医療法人緑和会 新横浜中央病院と」: an operator and its hospital, each a
                // complete name, written with a space between
                let spaced: Vec<Range<usize>> = spaced_names(doc, r.clone());
                let pieces = if spaced.len() > 1 {
                    spaced
                } else {
                    listed_names(doc, r.clone())
                };
                // 「A市・A市教育委員会・B大学が」: each name of a ・ list is a party
                for piece in pieces {
                    if !generic(doc, &v[piece.clone()]) {
                        out.push(Cand::new(piece, OrgKind::Other, Source::Context));
                    }
                }
                // the next item back, across a separator
                let sep_len: usize = ["、", ", ", ",", "および", "及び", "並びに", "ならびに"]
                    .iter()
                    .find(|sep| v[..r.start].ends_with(*sep))
                    .map_or(0, |sep| sep.len());
                if sep_len == 0 || !LIST_SEPARATOR.is_match(&v[r.start - sep_len..r.start]) {
                    break;
                }
                end = r.start - sep_len;
            }
        }
    }
}

/// The names of a run of Japanese names separated by spaces, when each is complete (a
/// legal form at either end or an institutional head at its end); else the run alone.
fn spaced_names(doc: &Doc<'_>, run: Range<usize>) -> Vec<Range<usize>> {
    let v = doc.text.v();
    let s = &v[run.clone()];
    if !s.contains(' ') || s.is_ascii() {
        return vec![run];
    }
    let mut pieces = Vec::new();
    let mut at = run.start;
    for part in s.split(' ') {
        let complete = part.chars().count() >= 3
            && !part.is_ascii()
            && (doc.vocab.has_form_at_either_end(part)
                || doc
                    .vocab
                    .heads_ending(part)
                    .any(|h| part.len() > h.head.len()));
        if !complete {
            return vec![run];
        }
        pieces.push(at..at + part.len());
        at += part.len() + 1;
    }
    pieces
}

fn known_head(doc: &Doc<'_>, s: &str) -> bool {
    doc.vocab.heads_ending(s).next().is_some()
}

static DATED_ROW: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:\d{4}年\d{1,2}月|\d{4}/\d{1,2})\s+$"));

static DATED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\d{4}年\d{1,2}月|\d{1,2}月)(?:には|に) ?"));

/// Items of a list of earlier partners: 「2016年5月にA(…)、2017年6月にB(…)と…覚書を締結」.
/// The labels of lines that list the bodies behind an event.
const HOST_LABELS: &[&str] = &[
    "主催",
    "共催",
    "後援",
    "協賛",
    "特別協賛",
    "協力",
    "運営",
    "企画運営",
    "主管",
];

/// 「主催 みえ食の販路拡大推進協議会」「後援 三重県、株式会社三重なぎさ銀行、中部食品流通ネットワーク」:
/// each item of a host line names an organization, as a whole, even with a particle inside
/// or no head.
fn host_lines(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    for line in doc
        .text
        .lines
        .iter()
        .filter(|l| !l.boilerplate && !l.trimmed.is_empty())
    {
        let s = &v[line.trimmed.clone()];
        let Some(label) = HOST_LABELS.iter().find(|l| s.starts_with(*l)) else {
            continue;
        };
        let rest = &s[label.len()..];
        let Some(items) = rest.strip_prefix([':', ' ', '\t']) else {
            continue;
        };
        if items.contains('。') {
            continue;
        }
        let mut at = line.trimmed.start + (s.len() - items.len());
        for item in items.split(['、', ',']) {
            let lead = item.len() - item.trim_start().len();
            let name = item.trim();
            let r = at + lead..at + lead + name.len();
            // (past the item and the separator after it)
            at += item.len();
            at += v[at..]
                .chars()
                .next()
                .filter(|&c| matches!(c, '、' | ','))
                .map_or(0, char::len_utf8);
            let chars = name.chars().count();
            let listable = (3..=40).contains(&chars)
                && !name.contains(' ')
                && name
                    .chars()
                    .all(|c| super::rules::is_name_char(c) || matches!(c, 'ぁ'..='ゖ' | '&' | '.'))
                && name
                    .chars()
                    .filter(|&c| super::rules::is_name_char(c))
                    .count()
                    >= 3
                && !generic(doc, name)
                && !roles::is_role(doc.vocab, name);
            if listable {
                let kind = doc
                    .vocab
                    .heads_ending(name)
                    .next()
                    .map_or(OrgKind::Other, |h| h.kind);
                out.push(Cand::new(r, kind, Source::Context));
            }
        }
    }
}

fn partner_lists(doc: &Doc<'_>, out: &mut Vec<Cand>) {
    let v = doc.text.v();
    for sentence in &doc.text.sentences {
        let s = &v[sentence.clone()];
        if !s.contains("締結") || !doc.vocab.agreements.iter().any(|a| s.contains(a.as_str())) {
            continue;
        }
        for m in DATED_ITEM.find_iter(s) {
            let start = sentence.start + m.end();
            let item_len: usize = v[start..sentence.end]
                .char_indices()
                .find(|&(_, c)| matches!(c, '(' | '、' | 'と' | '。' | ','))
                .map_or(sentence.end - start, |(i, _)| i);
            let item = start..start + item_len;
            // 「英国のライフサイエンス産業化推進団体MedCity」: the name after the last descriptor
            let text = &v[item.clone()];
            let after_no = text.rfind('の').map_or(0, |p| p + 'の'.len_utf8());
            let mut r = start + after_no..item.end;
            let tail = &v[r.clone()];
            if let Some((p, d)) = TYPE_NOUNS
                .iter()
                .filter_map(|d| tail.rfind(d).map(|p| (p, d)))
                .max_by_key(|(p, _)| *p)
                && p + d.len() < tail.len()
                && has_name_script(&tail[p + d.len()..])
            {
                r.start += p + d.len();
            }
            let name = &v[r.clone()];
            // (「令和7年4月に医師の派遣と…協定」: a common noun is no party)
            if r.is_empty()
                || !name.chars().all(super::rules::is_name_char)
                || generic(doc, name)
                || GENERIC_ENDINGS.iter().any(|g| name.ends_with(g))
                || !(is_namey(doc, name) || known_head(doc, name))
            {
                continue;
            }
            out.push(Cand::new(r, OrgKind::Other, Source::Context));
        }
    }
}
