//! Steps 2 and 3: what the parentheses after a name say, and one entity per body.

use std::collections::HashMap;
use std::ops::Range;

use super::candidates::{Cand, Source, paren_at};
use super::rules::{
    COUNTRIES, SEAT_LABELS, bounded, canonical_country, has_name_script, is_name_char, script,
};
use crate::facts::people::roles;
use crate::model::{Extraction, LegalForm, OrgKind, OrgMention, Organization, Via};
use crate::pipeline::{Doc, Found};

/// One organization while it is being put together.
#[derive(Debug, Clone, Default)]
struct Entity {
    /// Indices into the candidates, in text order.
    cands: Vec<usize>,
    /// The candidates it had before others were merged into it: its name is one of these
    /// (a renamed body keeps its name; the new one is an alias).
    primary: Vec<usize>,
    aliases: Vec<String>,
    /// Aliases' written ranges (definitions and later mentions).
    alias_mentions: Vec<Range<usize>>,
    self_mentions: Vec<Range<usize>>,
    country: Option<String>,
    headquarters: Option<String>,
    merged_into: Option<usize>,
}

/// Text folded for comparison: no spaces.
fn key(s: &str) -> std::borrow::Cow<'_, str> {
    crate::facts::without_whitespace(s)
}

fn cand_key(v: &str, c: &Cand) -> String {
    match &c.legal {
        Some((form, _, _)) => format!("{form}|{}", key(&v[c.core.clone()])),
        None => key(&v[c.core.clone()]).into_owned(),
    }
}

pub(super) fn build(doc: &Doc<'_>, cands: Vec<Cand>, found: &mut Found, out: &mut Extraction) {
    let v = doc.text.v();
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut self_defs: Vec<(String, usize)> = Vec::new();

    // Group candidates by name.
    for (i, c) in cands.iter().enumerate() {
        let k = cand_key(v, c);
        let e = *by_key.entry(k).or_insert_with(|| {
            entities.push(Entity::default());
            entities.len() - 1
        });
        entities[e].cands.push(i);
        entities[e].primary.push(i);
        if entities[e].country.is_none() {
            entities[e].country = c
                .country
                .clone()
                .or_else(|| country_before(v, c.range.start));
        }
    }

    // What the parenthesis after each mention says.
    #[allow(clippy::needless_range_loop)] // `e` is also the entity's id, handed to read_paren
    for e in 0..entities.len() {
        for &ci in &entities[e].cands.clone() {
            let c = &cands[ci];
            let Some(inner) = paren_at(v, c.range.end) else {
                continue;
            };
            read_paren(doc, &inner, &mut entities[e], &mut self_defs, e);
        }
    }

    renames(doc, &cands, &mut entities, out);
    merge(doc, &cands, &mut entities);
    find_alias_mentions(doc, &cands, &mut entities);
    self_references(doc, &cands, &mut entities, &self_defs, out);

    // Build the output, dropping municipalities that are only ever places.
    let mut order: Vec<usize> = (0..entities.len())
        .filter(|&e| entities[e].merged_into.is_none())
        .collect();
    order.retain(|&e| {
        let ent = &entities[e];
        let all_place = ent.cands.iter().all(|&ci| cands[ci].place_only);
        !ent.cands.is_empty() && !all_place
    });
    let first = |e: &Entity| {
        e.cands
            .iter()
            .map(|&ci| cands[ci].range.start)
            .min()
            .unwrap_or(usize::MAX)
    };
    order.sort_by_key(|&e| first(&entities[e]));
    for e in order {
        let ent = &entities[e];
        let index = out.organizations.len();
        let org = organization(doc, &cands, ent);
        for m in &org.1 {
            found.org_mentions.push((index, m.clone()));
        }
        out.organizations.push(org.0);
    }
    found.org_mentions.sort_by_key(|(_, r)| r.start);
}

/// Labels of a profile table's row that gives the body's name.
const NAME_ROWS: &[&str] = &[
    "社名",
    "会社名",
    "商号",
    "名称",
    "法人名",
    "団体名",
    "組織名",
];
/// Labels of a body's name in English: a profile table's row (「英文社名\tHimuka Inc.」),
/// a parenthesis (「(英文表記:Himuka Inc.)」), a line of its own under the name.
const ENGLISH_NAME_LABELS: &[&str] = &[
    "英文社名",
    "英文表記",
    "英語表記",
    "英文名称",
    "英文名",
    "英語名",
    "英名",
    "英称",
    "英文商号",
    "英語社名",
];
/// Labels of the body's other names in a parenthesis, beside the English ones: (略称:…).
const OTHER_NAME_LABELS: &[&str] = &["略称", "通称", "旧社名", "旧商号", "新社名", "新商号"];

/// Whether `s` speaks of an old name: every old-name label (旧商号, 変更前の社名) has 旧 or 変更前.
fn names_old(s: &str) -> bool {
    s.contains('旧') || s.contains("変更前")
}

/// 「韓国 五松…財団」, 「英国のサイエンスパーク「…」」: a country word just before.
fn country_before(v: &str, start: usize) -> Option<String> {
    let before = v[..start].trim_end_matches(['「', ' ']);
    let before = before.strip_suffix("のサイエンスパーク").unwrap_or(before);
    let before = before.strip_suffix('の').unwrap_or(before);
    COUNTRIES
        .iter()
        .find(|c| before.ends_with(*c) && c.chars().count() >= 2)
        .filter(|c| !before[..before.len() - c.len()].ends_with(|ch: char| is_name_char(ch)))
        .map(|c| canonical_country(c).to_string())
}

/// The items of a parenthesis, separated by 、 or a comma; a comma before a Latin legal
/// form is the name's (「Rindou Energy, Inc.」).
fn paren_items(content: &str) -> Vec<Range<usize>> {
    const FORMS: &[&str] = &[
        "Inc", "Ltd", "LLC", "L.L.C", "Co.", "Corp", "GmbH", "Limited", "PLC", "plc", "S.A", "Pte",
    ];
    let mut items = Vec::new();
    let mut start = 0;
    for (i, c) in content.char_indices() {
        let split = c == '、'
            || c == ','
                && !FORMS
                    .iter()
                    .any(|f| content[i + 1..].trim_start().starts_with(f));
        if split {
            items.push(start..i);
            start = i + c.len_utf8();
        }
    }
    items.push(start..content.len());
    items
}

/// Aliases, renames, the seat and the country in 「(…)」 after a name.
fn read_paren(
    doc: &Doc<'_>,
    inner: &Range<usize>,
    ent: &mut Entity,
    self_defs: &mut Vec<(String, usize)>,
    e: usize,
) {
    let v = doc.text.v();
    let content = &v[inner.clone()];
    if let Some(country) = doc.vocab.country_of_marker(content.trim()) {
        ent.country.get_or_insert_with(|| country.to_string());
        return;
    }
    let mut names_open = true;
    for r in paren_items(content) {
        let item = &content[r.clone()];
        let item_range = inner.start + r.start..inner.start + r.end;
        let trimmed = item.trim();
        let lead = item.len() - item.trim_start().len();
        let at = item_range.start + lead;
        // 以下「LINK-J」, 以下LINK-J, 以下、当社
        if let Some(rest) = trimmed.strip_prefix("以下") {
            let rest_at = at + "以下".len();
            let skip = rest.len() - rest.trim_start_matches([' ', ':']).len();
            let rest = &rest[skip..];
            let (alias, alias_at) = match rest.strip_prefix('「') {
                Some(r) => (
                    r.split('」').next().unwrap_or(r),
                    rest_at + skip + '「'.len_utf8(),
                ),
                None => (rest, rest_at + skip),
            };
            // (where the alias starts once leading spaces are trimmed: 「以下「 LINK-J」」)
            let alias_at = alias_at + (alias.len() - alias.trim_start().len());
            let alias = alias.trim_end_matches(['」', ')']).trim();
            if alias.is_empty() {
                // 「以下、当社」 splits on the 、: the alias is the next item
                continue;
            }
            add_alias(
                doc,
                ent,
                self_defs,
                e,
                alias,
                alias_at..alias_at + alias.len(),
            );
            continue;
        }
        // the item after 「以下、」
        if item_range.start >= inner.start + 3
            && v[..item_range.start].ends_with("以下、")
            && !trimmed.is_empty()
        {
            let alias = trimmed.trim_matches(['「', '」']);
            let a_at = at + trimmed.find(alias).unwrap_or(0);
            add_alias(doc, ent, self_defs, e, alias, a_at..a_at + alias.len());
            continue;
        }
        // 本社:東京都中央区日本橋本町
        if let Some((label, value)) = trimmed.split_once(':')
            && SEAT_LABELS.contains(&label.trim())
        {
            if ent.headquarters.is_none() && !value.trim().is_empty() {
                ent.headquarters = Some(value.trim().to_string());
            }
            names_open = false;
            continue;
        }
        // 英文表記:Hokuto Precision Co., Ltd. — the value may hold commas, so take the rest
        if let Some((label, _)) = trimmed.split_once(':')
            && (ENGLISH_NAME_LABELS.contains(&label.trim())
                || OTHER_NAME_LABELS.contains(&label.trim()))
        {
            let value_at = at + trimmed.find(':').map_or(0, |p| p + 1);
            let rest = v[value_at..inner.end]
                .split('、')
                .next()
                .unwrap_or("")
                .trim();
            if !rest.is_empty() {
                let r_at = value_at + v[value_at..].find(rest).unwrap_or(0);
                add_alias(doc, ent, self_defs, e, rest, r_at..r_at + rest.len());
            }
            break;
        }
        // 現、神戸医療産業都市推進機構 / 現 X / 旧:X
        for prefix in [
            "現",
            "旧社名",
            "旧称",
            "旧",
            "新社名",
            "英文社名",
            "英語名",
            "英文名",
        ] {
            if let Some(rest) = trimmed.strip_prefix(prefix) {
                let name = rest.trim_start_matches([':', ' ']).trim();
                let name = if name.is_empty() {
                    // 「現、X」: the name is the next item
                    content[item_range.end - inner.start..]
                        .trim_start_matches(['、', ','])
                        .split(['、', ','])
                        .next()
                        .unwrap_or("")
                        .trim()
                } else {
                    name
                };
                if !name.is_empty()
                    && name
                        .chars()
                        .all(|c| is_name_char(c) || c == ' ' || matches!(c, 'ぁ'..='ゖ'))
                {
                    let a_at = v[inner.clone()].find(name).map_or(at, |p| inner.start + p);
                    add_alias(doc, ent, self_defs, e, name, a_at..a_at + name.len());
                }
                break;
            }
        }
        if trimmed.starts_with("現") || trimmed.starts_with("旧") {
            continue;
        }
        // (UCSD), (ユーロバイオメッド、…), (National Biotechnology Research Park, NBRP):
        // names come first; after a description or a label, only 以下 and labels count
        if names_open && is_alias_like(doc, trimmed) {
            add_alias(doc, ent, self_defs, e, trimmed, at..at + trimmed.len());
        } else {
            names_open = false;
        }
    }
}

/// A name-like item: Latin (UCSD, KBIOHealth, Suzhou Industrial Park), katakana (a
/// reading), or Hangul; never a role, a place, a count or a description.
fn is_alias_like(doc: &Doc<'_>, s: &str) -> bool {
    if s.is_empty() || s.chars().count() > 60 || s.contains(':') || roles::is_role(doc.vocab, s) {
        return false;
    }
    let latin = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '&' | '.' | '\'' | ','))
        && s.chars().any(|c| c.is_ascii_uppercase());
    let katakana = s
        .chars()
        .all(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | ' '));
    let hangul = s
        .chars()
        .all(|c| matches!(c, '\u{AC00}'..='\u{D7AF}' | ' '));
    // another full name: 「(ウェストベリー大学、所在地:…)」
    let named = s.chars().all(is_name_char)
        && (doc.vocab.heads_ending(s).any(|h| s.len() > h.head.len())
            || doc.vocab.has_form_at_either_end(s));
    let country = COUNTRIES.contains(&s)
        || doc
            .vocab
            .countries
            .iter()
            .any(|c| c.country == s || c.marker == s);
    !country && ((latin && !s.chars().all(|c| c.is_ascii_digit())) || katakana || hangul || named)
}

fn add_alias(
    doc: &Doc<'_>,
    ent: &mut Entity,
    self_defs: &mut Vec<(String, usize)>,
    e: usize,
    alias: &str,
    range: Range<usize>,
) {
    if doc.vocab.is_self_reference(alias) {
        self_defs.push((alias.to_string(), e));
        return;
    }
    if !ent.aliases.iter().any(|a| key(a) == key(alias)) {
        ent.aliases.push(alias.to_string());
    }
    ent.alias_mentions.push(range);
}

/// Labels of a body's names in a name-change notice.
static NEW_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:\(?\d+[.)]\s*)?\(?(?:新商号|新社名|変更後の商号|変更後の社名|新名称)\)?",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});
static OLD_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:\(?\d+[.)]\s*)?\(?(?:旧商号|旧社名|現商号|現社名|変更前の商号|変更前の社名|旧名称)\)?").unwrap_or_else(|e| panic!("{e}"))
});
/// The column headers of a table of old and new names.
const OLD_COLUMNS: &[&str] = &["旧商号", "旧社名", "変更前", "旧名称"];
const NEW_COLUMNS: &[&str] = &["新商号", "新社名", "変更後", "新名称"];

/// 「商号を株式会社Xに変更」, 「「X」に商号を変更」, 「社名をXへ変更」.
static RENAMED_TO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:商号|社名|名称)を「?(?P<a>[^「」、。]{2,60}?)」?(?:に|へ)(?:変更|改め|改称)|「(?P<b>[^「」、。]{2,60})」(?:に|へ)(?:商号|社名|名称)を?(?:変更|改め|改称)")
        .unwrap_or_else(|e| panic!("{e}"))
});
/// 「当会社は、Yと称し、英文ではXと表示する」.
static ARTICLES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?P<y>[^、。\s]{2,60})と称し、英文では\s?(?P<x>[^、。]{2,80}?)\s?と表示")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// Name changes and other names of one body that the text states outside a
/// parenthesis: a 新商号/旧商号 block or table, 「商号をXに変更」, the articles' 「英文では…」,
/// an English name on the line under a name, beside it, or on a profile table's 英文社名
/// row, a voluntary group the body grew from, and 「© X」 for the issuer.
fn renames(doc: &Doc<'_>, cands: &[Cand], entities: &mut [Entity], out: &Extraction) {
    let v = doc.text.v();
    let mut owner = vec![usize::MAX; cands.len()];
    for (e, ent) in entities.iter().enumerate() {
        for &ci in &ent.cands {
            owner[ci] = e;
        }
    }
    let entity_at = |r: &Range<usize>| {
        cands
            .iter()
            .position(|c| c.range.start >= r.start && c.range.end <= r.end)
            .map(|ci| owner[ci])
    };
    let publisher = out.release.publishers.first().map(|p| key(&p.text));
    let home = (0..entities.len())
        .find(|&e| {
            publisher
                .as_ref()
                .is_some_and(|p| names(v, cands, &entities[e]).iter().any(|n| n == p))
        })
        .or_else(|| {
            (0..entities.len()).find(|&e| entity_kind(cands, &entities[e]) == OrgKind::Company)
        });
    let mut links: Vec<(usize, usize)> = Vec::new(); // (root, child)

    // 新商号 / 旧商号 blocks; an English name in a parenthesis on the next line
    let lines = &doc.text.lines;
    // (each rule below needs a word most documents do not have: the document is asked
    // once, and a rule whose word is absent reads no line)
    let has = |words: &[&str]| words.iter().any(|w| v.contains(w));
    let english = v.contains('英');
    let old_words = names_old(v);
    let (mut new_e, mut old_e) = (None, None);
    let blocks = english || has(&["商号", "社名", "名称"]);
    for (i, line) in lines.iter().enumerate().filter(|_| blocks) {
        let text = &v[line.trimmed.clone()];
        // (a table's header of both columns is read below)
        // (a line without an old-name word is passed over before the column lists are read)
        let both = old_words
            && names_old(text)
            && OLD_COLUMNS.iter().any(|l| text.contains(l))
            && NEW_COLUMNS.iter().any(|l| text.contains(l));
        for (re, slot) in [(&*NEW_NAME, &mut new_e), (&*OLD_NAME, &mut old_e)]
            .into_iter()
            .filter(|_| !both)
        {
            if let Some(m) = re.find(text) {
                let rest = line.trimmed.start + m.end()..line.trimmed.end;
                let next = lines[i + 1..]
                    .iter()
                    .find(|l| !l.trimmed.is_empty())
                    .map(|l| l.trimmed.clone());
                *slot = entity_at(&rest).or_else(|| next.and_then(|n| entity_at(&n)));
            }
        }
        if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')'))
            && ENGLISH_NAME_LABELS.iter().any(|l| inner.starts_with(l))
            && let Some(prev) = lines[..i].iter().rev().find(|l| !l.trimmed.is_empty())
            && let (Some(root), Some(child)) = (entity_at(&prev.trimmed), entity_at(&line.trimmed))
        {
            links.push((root, child));
        }
    }
    // an English name alone on the line under a name: 「国立大学法人ひむか大学」/「Himuka University」
    let whole = |r: Range<usize>| cands.iter().position(|c| c.range == r).map(|ci| owner[ci]);
    for pair in lines.windows(2) {
        let (upper, lower) = (&pair[0], &pair[1]);
        let text = &v[lower.trimmed.clone()];
        let latin = text.split('(').next().unwrap_or(text).trim_end();
        if latin.is_empty() || !latin.is_ascii() || v[upper.trimmed.clone()].is_ascii() {
            continue;
        }
        if let (Some(root), Some(child)) = (
            whole(upper.trimmed.clone()),
            whole(lower.trimmed.start..lower.trimmed.start + latin.len()),
        ) {
            links.push((root, child));
        }
    }
    // a table of old and new names: 「旧商号　　新商号」, then one row per body
    for (i, line) in lines.iter().enumerate().filter(|_| old_words) {
        // (a header is short and has an old-name word: most lines are skipped unread)
        let raw = &v[line.trimmed.clone()];
        if raw.len() > 120 || !names_old(raw) {
            continue;
        }
        let header = crate::facts::without_whitespace(raw);
        let (Some(old_at), Some(new_at)) = (
            OLD_COLUMNS.iter().find_map(|l| header.find(l)),
            NEW_COLUMNS.iter().find_map(|l| header.find(l)),
        ) else {
            continue;
        };
        if old_at > new_at || header.chars().count() > 16 {
            continue;
        }
        for row in lines[i + 1..].iter().take_while(|l| !l.trimmed.is_empty()) {
            let mut in_row: Vec<usize> = Vec::new();
            for (ci, c) in cands.iter().enumerate() {
                if c.range.start >= row.trimmed.start
                    && c.range.end <= row.trimmed.end
                    && !in_row.contains(&owner[ci])
                {
                    in_row.push(owner[ci]);
                }
            }
            if let [old, new] = in_row[..] {
                links.push((old, new));
            }
        }
    }
    // 「任意団体「つむぎ学習会」として活動を開始」: the voluntary group a body grew from, in
    // its history, is another name of the issuer
    // (the issuer, or the first body with a legal form)
    let issuer = home.or_else(|| {
        cands
            .iter()
            .position(|c| c.legal.is_some())
            .map(|ci| owner[ci])
    });
    if let Some(h) = issuer.filter(|&h| h != usize::MAX) {
        for (ci, c) in cands.iter().enumerate() {
            let before = v[..c.range.start].trim_end_matches('「');
            if before.ends_with("任意団体") && owner[ci] != h && owner[ci] != usize::MAX {
                links.push((h, owner[ci]));
            }
        }
    }
    // a profile table's English name row (「英文社名\tTomoshibi Lab Inc.」) names the body
    // of the name row above it (「会社名\t株式会社トモシビラボ」)
    // (the label of a line: what comes before its first tab, colon or space, spaces removed)
    let label_of = |l: &crate::input::Line| {
        let line = &v[l.trimmed.clone()];
        let end = line.find(['\t', ':', ' ']).unwrap_or(line.len());
        (
            crate::facts::without_whitespace(&line[..end]),
            l.trimmed.start + end,
        )
    };
    for (i, line) in lines.iter().enumerate().filter(|_| english) {
        // (every label of an English name row has 英: most lines are skipped unread)
        if !v[line.trimmed.clone()].contains('英') {
            continue;
        }
        let (label, value_at) = label_of(line);
        if !ENGLISH_NAME_LABELS.contains(&label.as_ref()) {
            continue;
        }
        let name_row = lines[i.saturating_sub(6)..i]
            .iter()
            .rev()
            .find(|l| NAME_ROWS.contains(&label_of(l).0.as_ref()));
        if let (Some(root), Some(child)) = (
            name_row.and_then(|l| entity_at(&(label_of(l).1..l.trimmed.end))),
            entity_at(&(value_at..line.trimmed.end)),
        ) {
            links.push((root, child));
        }
    }
    // a name and its English name on one line: 「白鷺国際大学　Shirasagi International University」
    for line in lines {
        let text = &v[line.trimmed.clone()];
        let Some(latin_at) = text.find(|c: char| c.is_ascii_uppercase()) else {
            continue;
        };
        let (japanese, latin) = (text[..latin_at].trim_end(), &text[latin_at..]);
        if japanese.is_empty()
            || japanese.len() == latin_at
            || japanese.is_ascii()
            || !latin.is_ascii()
        {
            continue;
        }
        let at = line.trimmed.start;
        if let (Some(root), Some(child)) = (
            whole(at..at + japanese.len()),
            whole(at + latin_at..line.trimmed.end),
        ) {
            links.push((root, child));
        }
    }
    match (new_e, old_e) {
        (Some(n), Some(o)) => links.push((o, n)),
        (Some(n), None) => links.extend(home.map(|h| (h, n))),
        _ => {}
    }
    let renaming = has(&["変更", "改め", "改称", "と称し、英文では"]);
    for sentence in doc.text.sentences.iter().filter(|_| renaming) {
        let s = &v[sentence.clone()];
        // 商号をXに変更: X is another name of the body named before it (当社: the issuer)
        // (the patterns' own words first: most sentences have none, and the search is slow)
        let renamed = ["変更", "改め", "改称"].iter().any(|w| s.contains(w));
        for caps in renamed
            .then(|| RENAMED_TO.captures_iter(s))
            .into_iter()
            .flatten()
        {
            let Some(x) = caps.name("a").or_else(|| caps.name("b")) else {
                continue;
            };
            let xr = sentence.start + x.start()..sentence.start + x.end();
            let Some(child) = entity_at(&xr) else {
                continue;
            };
            let before = sentence.start..xr.start;
            let named_before = cands
                .iter()
                .enumerate()
                .filter(|(ci, c)| {
                    c.range.start >= before.start
                        && c.range.end <= before.end
                        && owner[*ci] != child
                })
                .map(|(ci, _)| owner[ci])
                .next_back();
            let root = if v[before.clone()].contains("当社") {
                home.or(named_before)
            } else {
                named_before.or(home)
            };
            links.extend(root.map(|r| (r, child)));
        }
        // 当会社は、Yと称し、英文ではXと表示する
        for caps in s
            .contains("と称し、英文では")
            .then(|| ARTICLES.captures_iter(s))
            .into_iter()
            .flatten()
        {
            let (Some(y), Some(x)) = (caps.name("y"), caps.name("x")) else {
                continue;
            };
            let yr = sentence.start + y.start()..sentence.start + y.end();
            let xr = sentence.start + x.start()..sentence.start + x.end();
            if let (Some(root), Some(child)) = (entity_at(&yr), entity_at(&xr)) {
                links.push((root, child));
            }
        }
    }
    // © COSMOLINX Inc.: the issuer's
    for (at, _) in v.match_indices('©') {
        let end = v[at..].find('\n').map_or(v.len(), |p| at + p);
        if let (Some(h), Some(child)) = (home, entity_at(&(at..end))) {
            links.push((h, child));
        }
    }
    for (r, c) in links {
        let (r, c) = (root(entities, r), root(entities, c));
        if r != c {
            absorb(v, cands, entities, r, c);
        }
    }
}

fn root(entities: &[Entity], mut e: usize) -> usize {
    while let Some(next) = entities[e].merged_into {
        e = next;
    }
    e
}

/// The names an entity answers to, folded: its candidates' cores and full forms, and its aliases.
fn names(v: &str, cands: &[Cand], ent: &Entity) -> Vec<String> {
    let mut out: Vec<String> = ent
        .cands
        .iter()
        .map(|&ci| key(&v[cands[ci].core.clone()]).into_owned())
        .collect();
    out.extend(
        ent.cands
            .iter()
            .map(|&ci| key(&v[cands[ci].range.clone()]).into_owned()),
    );
    out.extend(ent.aliases.iter().map(|a| key(a).into_owned()));
    out.sort();
    out.dedup();
    out
}

fn legal_of(cands: &[Cand], ent: &Entity) -> Option<String> {
    ent.cands
        .iter()
        .find_map(|&ci| cands[ci].legal.as_ref().map(|l| l.0.clone()))
}

/// An entity's folded names, as [`merge`] compares them: computed once per entity and
/// again only when the entity changes (merge looks at every pair, so building these
/// strings per pair was most of its time).
#[derive(Debug, Default)]
struct Keys {
    /// `names(…)`: sorted and deduplicated.
    names: Vec<String>,
    /// The candidates' cores, folded, in candidate order.
    cores: Vec<String>,
    /// The candidates' full forms, folded.
    full: Vec<String>,
    /// The aliases, folded.
    aliases: Vec<String>,
    legal: Option<String>,
    /// `legal` when it is a Japanese legal form (a Latin one, Co., Ltd., is a translation).
    japanese_legal: Option<String>,
    /// The first and the last characters of `names`, one bit each (all bits for an empty
    /// name): two entities none of whose names share either have no rule to join them.
    firsts: u64,
    lasts: u64,
}

/// A character's bit in [`Keys::firsts`] and [`Keys::lasts`].
fn char_bit(c: char) -> u64 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B9) >> 26)
}

fn keys_of(vocab: &crate::vocab::Vocabulary, v: &str, cands: &[Cand], ent: &Entity) -> Keys {
    let legal = legal_of(cands, ent);
    let cores: Vec<String> = ent
        .cands
        .iter()
        .map(|&ci| key(&v[cands[ci].core.clone()]).into_owned())
        .collect();
    let full: Vec<String> = ent
        .cands
        .iter()
        .map(|&ci| key(&v[cands[ci].range.clone()]).into_owned())
        .collect();
    let aliases: Vec<String> = ent.aliases.iter().map(|a| key(a).into_owned()).collect();
    // (what `names` gives, from the keys folded here)
    let mut names: Vec<String> = cores.iter().chain(&full).chain(&aliases).cloned().collect();
    names.sort();
    names.dedup();
    let japanese_legal = legal
        .clone()
        .filter(|f| vocab.legal_forms.iter().any(|x| x.name == *f));
    let (mut firsts, mut lasts) = (0, 0);
    for n in &names {
        match (n.chars().next(), n.chars().next_back()) {
            (Some(first), Some(last)) => {
                firsts |= char_bit(first);
                lasts |= char_bit(last);
            }
            _ => (firsts, lasts) = (u64::MAX, u64::MAX),
        }
    }
    Keys {
        japanese_legal,
        names,
        cores,
        full,
        aliases,
        legal,
        firsts,
        lasts,
    }
}

/// Joins entities that are one body: a short form and its full form, an alias and what
/// it stands for, a name with and without its country, a renamed body's two names.
/// Never across two different legal forms.
fn merge(doc: &Doc<'_>, cands: &[Cand], entities: &mut [Entity]) {
    let v = doc.text.v();
    let mut keys: Vec<Keys> = entities
        .iter()
        .map(|ent| keys_of(doc.vocab, v, cands, ent))
        .collect();
    loop {
        let mut changed = false;
        let live: Vec<usize> = (0..entities.len())
            .filter(|&e| entities[e].merged_into.is_none())
            .collect();
        for &a in &live {
            for &b in &live {
                if a == b || entities[a].merged_into.is_some() || entities[b].merged_into.is_some()
                {
                    continue;
                }
                let (ka, kb) = (&keys[a], &keys[b]);
                // Does `b` (the smaller) belong to `a`?
                // 株式会社アカネ and 合同会社アカネ are two bodies; a Latin form (Co., Ltd.) is a
                // translation, not another form
                let (la, lb) = (&ka.japanese_legal, &kb.japanese_legal);
                if la.is_some() && lb.is_some() && ka.legal != kb.legal {
                    continue;
                }
                // (every rule below needs a name of one to equal, start or end a name of
                // the other: with no first and no last character in common, none can join them)
                if ka.firsts & kb.firsts == 0 && ka.lasts & kb.lasts == 0 {
                    continue;
                }
                let names_a = &ka.names;
                let (b_cores, b_full, a_cores) = (&kb.cores, &kb.full, &ka.cores);
                let same_name = b_cores
                    .iter()
                    .chain(b_full)
                    .any(|n| names_a.binary_search(n).is_ok());
                // a short form: b has no legal form and names a's core, or b's core is a's alias
                let short_form = same_name
                    && (lb.is_none()
                        || la.is_none() && ka.aliases.iter().any(|x| b_cores.contains(x)));
                // country prefix: a = 韓国 + b, カナダ・ + b
                let country = lb.is_none()
                    && a_cores.iter().any(|ac| {
                        b_cores.iter().any(|bc| {
                            ac.len() > bc.len()
                                && ac.ends_with(bc.as_str())
                                && COUNTRIES
                                    .contains(&ac[..ac.len() - bc.len()].trim_end_matches('・'))
                        })
                    });
                // 武田薬品 of 武田薬品工業: a = b + a company head
                let company_head =
                    lb.is_none()
                        && a_cores.iter().any(|ac| {
                            b_cores.iter().any(|bc| {
                                ac.len() > bc.len()
                                    && ac.starts_with(bc.as_str())
                                    && doc.vocab.heads.iter().any(|h| {
                                        h.kind == OrgKind::Company && ac[bc.len()..] == h.head
                                    })
                            })
                        });
                // クラスター推進センター of 先端医療振興財団クラスター推進センター, where the rest names an organization
                let sub_unit = lb.is_none()
                    && a_cores.iter().any(|ac| {
                        b_cores.iter().any(|bc| {
                            ac.len() > bc.len()
                                && ac.ends_with(bc.as_str())
                                && live.iter().any(|&o| {
                                    // (「九重大学大学院」 + 農学研究院: the graduate school of 九重大学)
                                    let rest = &ac[..ac.len() - bc.len()];
                                    let names = |r: &str| {
                                        keys[o]
                                            .names
                                            .binary_search_by(|n| n.as_str().cmp(r))
                                            .is_ok()
                                    };
                                    o != a
                                        && o != b
                                        && (names(rest)
                                            || rest.strip_suffix("大学院").is_some_and(names))
                                })
                        })
                    });
                // 「Aerowell株式会社(エアロウェル株式会社、…)」: b written in full is a's alias
                let alias_in_full = b_full.iter().any(|n| ka.aliases.contains(n));
                if short_form
                    || country
                    || company_head
                    || sub_unit
                    || alias_in_full
                    || (same_name && lb == la)
                {
                    // keep the entity with the legal form (or the longer name) as the root
                    // (the body whose parenthesis gave the other's full name was written first)
                    let (root_e, child) = if alias_in_full || !(lb.is_some() && la.is_none()) {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    absorb(v, cands, entities, root_e, child);
                    keys[root_e] = keys_of(doc.vocab, v, cands, &entities[root_e]);
                    keys[child] = Keys::default();
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

fn absorb(v: &str, cands: &[Cand], entities: &mut [Entity], root_e: usize, child: usize) {
    let child_ent = std::mem::take(&mut entities[child]);
    let root_name_key = entities[root_e]
        .cands
        .first()
        .map(|&ci| key(&v[cands[ci].range.clone()]));
    for &ci in &child_ent.cands {
        let text = v[cands[ci].range.clone()].trim().to_string();
        if Some(key(&text)) != root_name_key
            && !entities[root_e]
                .aliases
                .iter()
                .any(|a| key(a) == key(&text))
        {
            entities[root_e].aliases.push(text);
        }
    }
    for a in child_ent.aliases {
        if !entities[root_e].aliases.iter().any(|x| key(x) == key(&a)) {
            entities[root_e].aliases.push(a);
        }
    }
    // a root known only by a short name takes its name from the child's full form:
    // 「Aerowell」 + 「Aerowell株式会社」
    let has_legal = |ids: &[usize]| ids.iter().any(|&ci| cands[ci].legal.is_some());
    if !has_legal(&entities[root_e].primary) && has_legal(&child_ent.primary) {
        entities[root_e]
            .primary
            .extend(child_ent.primary.iter().copied());
    }
    entities[root_e].cands.extend(child_ent.cands);
    entities[root_e]
        .cands
        .sort_by_key(|&ci| cands[ci].range.start);
    entities[root_e]
        .alias_mentions
        .extend(child_ent.alias_mentions);
    entities[root_e]
        .self_mentions
        .extend(child_ent.self_mentions);
    if entities[root_e].country.is_none() {
        entities[root_e].country = child_ent.country;
    }
    if entities[root_e].headquarters.is_none() {
        entities[root_e].headquarters = child_ent.headquarters;
    }
    entities[child].merged_into = Some(root_e);
}

/// Later mentions of aliases and of the name without its legal form (「アストラゼネカ」).
fn find_alias_mentions(doc: &Doc<'_>, cands: &[Cand], entities: &mut [Entity]) {
    let v = doc.text.v();
    let mut taken: Vec<Range<usize>> = cands.iter().map(|c| c.range.clone()).collect();
    for ent in entities.iter() {
        taken.extend(ent.alias_mentions.iter().cloned());
    }
    // each entity's names (its aliases, and its legal-form names without the form), longest first
    let forms: Vec<Vec<(String, bool)>> = entities
        .iter()
        .map(|ent| {
            if ent.merged_into.is_some() || ent.cands.is_empty() {
                return Vec::new();
            }
            let mut forms: Vec<(String, bool)> =
                ent.aliases.iter().map(|a| (a.clone(), true)).collect();
            for &ci in &ent.cands {
                let c = &cands[ci];
                if c.legal.is_some() {
                    forms.push((v[c.core.clone()].trim().to_string(), false));
                }
            }
            forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
            forms.dedup();
            // (a generic word the text defines as the body's short name, 「(以下「機構」)」, stands
            // for it wherever it is written)
            forms.retain(|(form, is_alias)| {
                form.chars().count() >= 2 && (*is_alias || !doc.vocab.is_generic_org(form))
            });
            forms
        })
        .collect();
    // all of them searched for in one pass
    let found =
        crate::words::Words::new(forms.iter().flatten().map(|(f, _)| f.as_str())).occurrences(v);
    let mut found = found.into_iter();
    for (ent, forms) in entities.iter_mut().zip(forms) {
        for (form, is_alias) in forms {
            let mut found_any = false;
            for at in found.next().unwrap_or_default() {
                let r = at..at + form.len();
                if taken.iter().any(|t| t.start < r.end && r.start < t.end)
                    || !bounded(doc, r.clone())
                {
                    continue;
                }
                taken.push(r.clone());
                ent.alias_mentions.push(r);
                found_any = true;
            }
            if found_any && !is_alias && !ent.aliases.iter().any(|a| key(a) == key(&form)) {
                ent.aliases.push(form);
            }
        }
    }
}

/// 当社, 本学, 同財団, 同市…: a mention of the organization they stand for.
fn self_references(
    doc: &Doc<'_>,
    cands: &[Cand],
    entities: &mut [Entity],
    defs: &[(String, usize)],
    out: &Extraction,
) {
    let v = doc.text.v();
    // where each entity is mentioned, to find the nearest one before a 同X
    let mut mentions: Vec<(usize, usize)> = Vec::new();
    for (e, ent) in entities.iter().enumerate() {
        if ent.merged_into.is_some() {
            continue;
        }
        for &ci in &ent.cands {
            mentions.push((cands[ci].range.start, e));
        }
        for r in &ent.alias_mentions {
            mentions.push((r.start, e));
        }
    }
    mentions.sort();
    let taken: Vec<Range<usize>> = cands.iter().map(|c| c.range.clone()).collect();
    let publisher = out.release.publishers.first().map(|p| key(&p.text));
    let home = entities.iter().position(|ent| {
        ent.merged_into.is_none()
            && publisher
                .as_ref()
                .is_some_and(|p| names(v, cands, ent).iter().any(|n| n == p))
    });
    let found = doc.vocab.finders().self_references.occurrences(v);
    for (word, at) in doc
        .vocab
        .self_references
        .iter()
        .zip(found)
        .flat_map(|(w, ats)| ats.into_iter().map(move |at| (w.as_str(), at)))
    {
        let r = at..at + word.len();
        if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
            continue;
        }
        if v[r.end..].starts_with(|c: char| matches!(script(c), 3))
            && !v[r.end..].starts_with(['の', 'は'])
        {
            // 「本社所在地」「同社製」: part of a longer word
            let rest: String = v[r.end..].chars().take(2).collect();
            if !["長", "代表"].iter().any(|w| rest.starts_with(w))
                && roles::role_starting_at(doc.vocab, v, r.end).is_none()
            {
                continue;
            }
        }
        let kind = kind_of_reference(word);
        let target = if let Some((_, e)) = defs.iter().find(|(w, _)| w == word) {
            Some(*e)
        } else if word.starts_with('同') {
            mentions
                .iter()
                .rev()
                .filter(|(p, _)| *p < at)
                .map(|&(_, e)| root(entities, e))
                .find(|&e| kind.is_none_or(|k| entity_kind(cands, &entities[e]) == k))
        } else {
            home.filter(|&e| kind.is_none_or(|k| entity_kind(cands, &entities[e]) == k))
                .or_else(|| {
                    entities.iter().position(|ent| {
                        ent.merged_into.is_none()
                            && !ent.cands.is_empty()
                            && kind.is_some_and(|k| entity_kind(cands, ent) == k)
                    })
                })
        };
        if let Some(e) = target {
            let e = root(entities, e);
            entities[e].self_mentions.push(r);
        }
    }
}

fn kind_of_reference(word: &str) -> Option<OrgKind> {
    let rest = word.trim_start_matches(['当', '同', '本', '弊']);
    Some(match rest {
        "社" | "グループ" | "行" | "庫" => OrgKind::Company,
        "財団" | "機構" => OrgKind::Foundation,
        "学" | "大学" | "大" | "大学院" => OrgKind::University,
        "市" | "県" | "町" | "区" => OrgKind::Municipality,
        "協会" | "団体" | "組合" | "コンソーシアム" => OrgKind::Association,
        "院" | "病院" => OrgKind::Hospital,
        "研究所" => OrgKind::ResearchInstitute,
        _ => return None,
    })
}

fn entity_kind(cands: &[Cand], ent: &Entity) -> OrgKind {
    let by = |s: Source| {
        ent.cands
            .iter()
            .map(|&ci| &cands[ci])
            .find(|c| c.source == s)
            .map(|c| c.kind)
    };
    by(Source::LegalForm)
        .or_else(|| by(Source::Head))
        .or_else(|| by(Source::Municipality))
        .or_else(|| {
            ent.cands
                .iter()
                .map(|&ci| cands[ci].kind)
                .find(|k| *k != OrgKind::Other)
        })
        .or_else(|| by(Source::Dictionary))
        .unwrap_or(OrgKind::Other)
}

/// The output record and the normalized ranges of all its mentions.
fn organization(doc: &Doc<'_>, cands: &[Cand], ent: &Entity) -> (Organization, Vec<Range<usize>>) {
    let v = doc.text.v();
    let text = doc.text;
    // The name: the fullest written form (with its legal form where it has one).
    let full: Vec<&Cand> = {
        let own = if ent.primary.is_empty() {
            &ent.cands
        } else {
            &ent.primary
        };
        let with_legal: Vec<&Cand> = own
            .iter()
            .map(|&ci| &cands[ci])
            .filter(|c| c.legal.is_some())
            .collect();
        if with_legal.is_empty() {
            own.iter().map(|&ci| &cands[ci]).collect()
        } else {
            with_legal
        }
    };
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for c in &full {
        let written = text.original_text(c.range.clone()).to_string();
        match counts
            .iter_mut()
            .find(|(w, _, _)| key(w) == key(&written) && !w.contains(' '))
        {
            Some(entry) => entry.1 += 1,
            None => counts.push((written, 1, c.range.start)),
        }
    }
    // the fullest form: the longest, then the most often written, then the first
    counts.sort_by_key(|(w, n, at)| {
        (
            std::cmp::Reverse(key(w).chars().count()),
            std::cmp::Reverse(*n),
            w.contains(' '),
            *at,
        )
    });
    let name = counts
        .first()
        .map(|(w, _, _)| w.clone())
        .unwrap_or_default();
    let legal_form = full.iter().find_map(|c| {
        c.legal.as_ref().map(|(form, position, _)| LegalForm {
            name: form.clone(),
            position: *position,
        })
    });
    let mut mentions: Vec<(Range<usize>, Via)> = ent
        .cands
        .iter()
        .map(|&ci| (cands[ci].range.clone(), Via::Name))
        .collect();
    mentions.extend(ent.alias_mentions.iter().map(|r| (r.clone(), Via::Alias)));
    mentions.extend(
        ent.self_mentions
            .iter()
            .map(|r| (r.clone(), Via::SelfReference)),
    );
    mentions.sort_by_key(|(r, _)| (r.start, r.end));
    mentions.dedup_by_key(|(r, _)| r.start);
    let name_key = key(&name);
    let mut aliases: Vec<String> = Vec::new();
    let written = ent
        .cands
        .iter()
        .map(|&ci| text.original_text(cands[ci].range.clone()).to_string());
    let all: Vec<String> = ent.aliases.iter().cloned().chain(written).collect();
    for a in &all {
        let a = a.trim().to_string();
        if key(&a) != name_key
            && !aliases.iter().any(|x| key(x) == key(&a))
            && (has_name_script(&a) || a.chars().count() >= 2)
        {
            aliases.push(a);
        }
    }
    let org = Organization {
        name,
        legal_form,
        kind: entity_kind(cands, ent),
        country: ent.country.clone(),
        headquarters: ent.headquarters.clone(),
        aliases,
        mentions: mentions
            .iter()
            .map(|(r, via)| {
                let m = text.mention(r.clone());
                OrgMention {
                    text: m.text,
                    span: m.span,
                    via: *via,
                }
            })
            .collect(),
    };
    let _ = v;
    (org, mentions.into_iter().map(|(r, _)| r).collect())
}
