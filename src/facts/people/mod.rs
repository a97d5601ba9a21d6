//! People: names with their roles and the organizations they hold them at, and the
//! statements they are quoted in.
//!
//! A person is found where the text makes one: a role before the name (「理事長:岡野 栄之」
//! 「理事兼事務局長の曽山 明彦」「川崎市長 福田 紀彦 氏」), a role after it (「シンディ・ファン
//! 副総長」「李永長官」), an honorific (「田宮 憲一氏」), or an IPADIC family name followed
//! by a given name. The organization is the one named right before the role (「LINK-J
//! 理事」「川崎市長」 → 川崎市), the one whose parenthesis the role is in (「アストラゼネカ
//! 株式会社(…、代表取締役社長:…)」), or the one before 「の」 (「…企業部のオ・ヨンジュ長官」).

mod names;
mod quotes;
pub(crate) mod roles;
mod tables;
#[cfg(test)]
mod corpus;

use std::ops::Range;

use names::{Script, canonical, katakana_word_at, name_at, name_before, surname_before};
use crate::model::{Extraction, Mention, Person, RoleAt};
use crate::pipeline::{Doc, Found};

/// A person mention with what was said about it.
#[derive(Debug, Clone)]
struct Found1 {
    range: Range<usize>,
    script: Script,
    /// (role text range, organization index)
    roles: Vec<(Range<usize>, Option<usize>)>,
    /// The role is written solid after the name (「シンディ・ファン副総長」): the nearest one.
    attached: bool,
    /// Another writing of the same person: 「Gene D. Block/ジーン・D・ブロック」.
    twin: Option<(Range<usize>, Script)>,
}

/// Roles whose place prefix is the organization: 川崎市長 → 市長 of 川崎市.
const PLACE_ROLES: &[&str] = &["副市長", "副知事", "副町長", "副村長", "副区長", "市長", "町長", "村長", "区長", "知事"];

/// Roles of a company's officers: with no organization named, the issuer's.
const OFFICER_ROLES: &[&str] = &["取締役", "社長", "会長", "執行役", "監査役", "CEO", "COO", "CFO", "CTO", "代表社員", "相談役", "顧問"];

pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let v = doc.text.v();
    let mut people: Vec<Found1> = Vec::new();
    let org_taken = |r: &Range<usize>| found.org_mentions.iter().any(|(_, m)| m.start < r.end && r.start < m.end);

    // 1. Roles, with the name after or before them.
    let mut last_end = 0;
    for m in doc.vocab.role_regex().find_iter(v) {
        if m.start() < last_end {
            continue;
        }
        let Some(role) = full_role(doc, found, m.start()) else { continue };
        last_end = role.end;
        let role_text = &v[role.clone()];
        let place_role = PLACE_ROLES.iter().any(|p| role_text.ends_with(p));
        let after = skip_separator(v, role.end);
        let mut person = after.and_then(|p| name_at(doc, p)).filter(|(r, _)| !org_taken(r));
        let mut attached = false;
        if person.is_none() && !place_role {
            person = name_before(doc, role.start)
                .map(|(r, s)| widen_spaced(doc, r, s))
                .or_else(|| surname_before(doc, role.start).map(|r| (r, Script::Kanji)))
                .filter(|(r, _)| !org_taken(r));
            attached = person.as_ref().is_some_and(|(r, _)| r.end == role.start);
        }
        let Some((name, script)) = person else { continue };
        let anchor = role.start.min(name.start);
        let org = org_for(doc, found, anchor, &role, out);
        let role = trim_place(v, role, place_role);
        let twin = twin_after(doc, name.end, script);
        people.push(Found1 { range: name, script, roles: vec![(role, org)], attached, twin });
    }

    // 2. Personnel tables: 新役職 / 氏名 / 旧役職.
    for row in tables::rows(doc) {
        let Some((name, script)) = name_at(doc, row.name.start).filter(|(r, _)| r.end + 1 >= row.name.end) else { continue };
        let mut roles_found = Vec::new();
        for cell in &row.roles {
            // 「株式会社しおかぜITソリューションズ 代表取締役社長」: an organization, then the role
            let org_in_cell = found.org_mentions.iter().find(|(_, m)| m.start >= cell.start && m.end <= cell.end);
            let role_start = org_in_cell.map_or(cell.start, |(_, m)| m.end);
            let role_start = role_start + (v[role_start..cell.end].len() - v[role_start..cell.end].trim_start().len());
            if role_start >= cell.end || !roles::role_ending_at(doc.vocab, &v[role_start..cell.end], cell.end - role_start, true).is_some_and(|r| r.start == 0) {
                continue;
            }
            let org = org_in_cell.map(|(i, _)| *i).or_else(|| issuer(out));
            roles_found.push((role_start..cell.end, org));
        }
        if roles_found.is_empty() {
            continue;
        }
        people.push(Found1 { range: name, script, roles: roles_found, attached: false, twin: twin_after(doc, row.name.end, script) });
    }

    // 3. 「NAME(ORG ROLE)」, 「NAME(ROLE)」: a role in a parenthesis after a name.
    for (open, _) in v.match_indices('(') {
        let Some(close) = v[open..].find([')', '\n']).map(|p| open + p).filter(|&p| v[p..].starts_with(')')) else { continue };
        let inner = open + 1..close;
        let content = v[inner.clone()].trim_end();
        let Some(role) = roles::role_ending_at(doc.vocab, content, content.len(), true) else { continue };
        let role = inner.start + role.start..inner.start + role.end;
        let Some((name, script)) = name_before(doc, open).map(|(r, s)| widen_spaced(doc, r, s)) else { continue };
        if org_taken(&name) || name.end != open {
            continue;
        }
        let org_mention = found.org_mentions.iter().find(|(_, m)| m.start >= inner.start && m.end <= role.start).cloned();
        let org = org_mention.as_ref().map(|(i, _)| *i);
        let role = match org_mention {
            Some((_, m)) => (m.end + (v[m.end..role.end].len() - v[m.end..role.end].trim_start().len())).max(role.start)..role.end,
            None => role,
        };
        let place = PLACE_ROLES.iter().any(|p| v[role.clone()].ends_with(p));
        let role = trim_place(v, role, place);
        people.push(Found1 { range: name, script, roles: vec![(role, org)], attached: false, twin: None });
    }

    // 4. Honorifics: 「田宮 憲一氏」, 「スミス氏」.
    for h in &doc.vocab.honorifics {
        if h.chars().count() > 1 && h != "さん" {
            continue; // 先生, さま: too often other words
        }
        for (at, _) in v.match_indices(h.as_str()) {
            let end = v[..at].trim_end_matches(' ').len();
            if people.iter().any(|p| p.range.end == end || p.range.start <= end && end <= p.range.end) {
                continue;
            }
            let name = name_before(doc, end).map(|(r, s)| widen_spaced(doc, r, s)).or_else(|| {
                let kana_start = v[..end].char_indices().rev().take_while(|&(_, c)| matches!(c, 'ァ'..='ヺ' | 'ー')).last()?.0;
                katakana_word_at(v, kana_start).filter(|r| r.end == end).map(|r| (r, Script::Katakana))
            });
            let Some((r, script)) = name else { continue };
            if org_taken(&r) || r.start == r.end {
                continue;
            }
            people.push(Found1 { range: r, script, roles: Vec::new(), attached: false, twin: None });
        }
    }

    // 5. Names the user's dictionary lists as people, and IPADIC family name + given name.
    for tok in doc.tokens.iter().filter(|t| t.user_tag() == Some("人名")) {
        let r = tok.range.clone();
        if !org_taken(&r) && !people.iter().any(|p| p.range.start < r.end && r.start < p.range.end) {
            let script = if v[r.clone()].chars().any(|c| c.is_ascii_alphabetic()) { Script::Latin } else { Script::Kanji };
            people.push(Found1 { range: r, script, roles: Vec::new(), attached: false, twin: None });
        }
    }
    let t = doc.tokens;
    for i in 0..t.len().saturating_sub(1) {
        let (a, b) = (&t[i], &t[i + 1]);
        let gap = &v[a.range.end..b.range.start];
        if a.is("名詞,固有名詞,人名,姓") && b.is("名詞,固有名詞,人名,名") && (gap.is_empty() || gap == " ") {
            // a given name IPADIC splits: 「片岡千恵蔵」 is 片岡 + 千恵 + 蔵
            let more: usize = v[b.range.end..].chars().take_while(|&c| matches!(c, '\u{4E00}'..='\u{9FFF}')).map(char::len_utf8).sum();
            let total = v[a.range.start..b.range.end + more].chars().filter(|c| !c.is_whitespace()).count();
            let end = if more > 0 && total <= 5 { b.range.end + more } else { b.range.end };
            if more > 0 && total > 5 {
                continue;
            }
            let r = a.range.start..end;
            if org_taken(&r) || people.iter().any(|p| p.range.start < r.end && r.start < p.range.end) {
                continue;
            }
            people.push(Found1 { range: r, script: Script::Kanji, roles: Vec::new(), attached: false, twin: None });
        }
    }

    // 6. Katakana names of two or more parts, one of them a name in IPADIC: 「ケン・ブロック」.
    for (at, _) in v.match_indices('・') {
        let start = v[..at].char_indices().rev().take_while(|&(_, c)| matches!(c, 'ァ'..='ヺ' | 'ー' | '・' | '=')).last().map_or(at, |(i, _)| i);
        let Some((r, script)) = name_at(doc, start) else { continue };
        if r.end <= at || org_taken(&r) || people.iter().any(|p| p.range.start < r.end && r.start < p.range.end) {
            continue;
        }
        let named = crate::tokens::within(doc.tokens, r.clone()).any(|t| t.is("名詞,固有名詞,人名"));
        let bounded = !v[r.end..].starts_with(|c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | 'ァ'..='ヺ'));
        if named && bounded {
            people.push(Found1 { range: r, script, roles: Vec::new(), attached: false, twin: None });
        }
    }

    people.sort_by_key(|p| p.range.start);
    assemble(doc, people, found, out);
    quotes::extract(doc, found, out);
}

/// The whole role around a vocabulary match at `start`: qualifiers, 兼 chains,
/// a 担当 phrase, and a department where it stands on its own.
fn full_role(doc: &Doc<'_>, found: &Found, start: usize) -> Option<Range<usize>> {
    let v = doc.text.v();
    let forward = roles::role_starting_at(doc.vocab, v, start)?;
    let mut r = forward.clone();
    if let Some(back) = roles::role_ending_at(doc.vocab, v, forward.end, true) {
        // a department only where it stands on its own (after a space, a colon, a line start)
        let boundary = v[..back.start].chars().next_back().is_none_or(|c| matches!(c, ' ' | ':' | '\n' | '(' | '、' | '\t'));
        let plain = roles::role_ending_at(doc.vocab, v, forward.end, false).unwrap_or(forward.clone());
        r.start = if boundary { back.start } else { plain.start.min(r.start) };
    }
    // a department never takes in a municipality: 「仙台市経済局長」 → 経済局長
    if let Some(t) = crate::tokens::overlapping(doc.tokens, r.start..forward.start)
        .iter()
        .rev()
        .find(|t| t.range.end > r.start && t.range.end <= forward.start && t.is("名詞,接尾,地域"))
    {
        r.start = t.range.end;
    }
    // 「国際研究兼グローバル・エンゲージメント担当」: the area is part of the role
    if v[r.clone()].ends_with("担当") {
        let area: usize = v[..r.start]
            .chars()
            .rev()
            .take_while(|&c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・'))
            .map(char::len_utf8)
            .sum();
        let mut s = r.start - area;
        if let Some((_, m)) = found.org_mentions.iter().find(|(_, m)| m.end > s && m.end <= r.start) {
            s = m.end;
        }
        r.start = s;
    }
    // an organization's name is never part of a role (but 「川崎市長」 keeps its 市長)
    if let Some((_, m)) = found.org_mentions.iter().find(|(_, m)| m.start <= r.start && m.end > r.start && m.end < r.end)
        && roles::is_role(doc.vocab, &v[m.end..r.end])
    {
        r.start = m.end;
    }
    (!r.is_empty()).then_some(r)
}

/// After a role: 「:」, one space, or 「の」 before the name.
fn skip_separator(v: &str, p: usize) -> Option<usize> {
    let rest = v.get(p..)?;
    for sep in [":", " ", "の", ": ", "\t"] {
        if let Some(after) = rest.strip_prefix(sep) {
            return Some(p + rest.len() - after.len() + (after.len() - after.trim_start_matches(' ').len()));
        }
    }
    None
}

/// 「宮永 隆司 取締役」: a kanji name before a role may have its family name before a space.
fn widen_spaced(doc: &Doc<'_>, r: Range<usize>, script: Script) -> (Range<usize>, Script) {
    if script != Script::Kanji {
        return (r, script);
    }
    let v = doc.text.v();
    let Some(before) = v[..r.start].strip_suffix(' ') else { return (r, script) };
    let family: usize = before.chars().rev().take_while(|&c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '々')).map(char::len_utf8).sum();
    if (1..=12).contains(&family) && v[r.clone()].chars().count() <= 3 {
        let start = r.start - 1 - family;
        if let Some((full, s)) = name_at(doc, start)
            && full.end == r.end
        {
            return (full, s);
        }
    }
    (r, script)
}

/// 「川崎市長」: the role is 市長 (the place is the organization).
fn trim_place(v: &str, role: Range<usize>, place_role: bool) -> Range<usize> {
    if !place_role {
        return role;
    }
    let s = &v[role.clone()];
    for p in PLACE_ROLES {
        if s == *p {
            return role;
        }
        if s.ends_with(p) && s.len() > p.len() {
            return role.end - p.len()..role.end;
        }
    }
    role
}

/// 「Gene D. Block/ジーン・D・ブロック」, 「ダニエル・ホフマン(Daniel Hoffmann)」.
fn twin_after(doc: &Doc<'_>, end: usize, script: Script) -> Option<(Range<usize>, Script)> {
    let v = doc.text.v();
    let rest = v.get(end..)?;
    let skip = if rest.starts_with('/') || rest.starts_with('(') {
        1
    } else if rest.starts_with(" / ") {
        3
    } else {
        return None;
    };
    let (r, s) = name_at(doc, end + skip)?;
    (s != script).then_some((r, s))
}

/// The organization of a role at `anchor`: named right before it (「LINK-J理事」,
/// 「…企業部のオ・ヨンジュ長官」, 「川崎市長」), or the one whose parenthesis it is in.
fn org_for(doc: &Doc<'_>, found: &Found, anchor: usize, role: &Range<usize>, out: &Extraction) -> Option<usize> {
    let v = doc.text.v();
    let line_start = v[..anchor].rfind('\n').map_or(0, |p| p + 1);
    // overlapping the role's start (川崎市 / 市長) or ending just before it
    let mut best: Option<(usize, usize)> = None;
    for (i, m) in &found.org_mentions {
        if m.start >= role.end || m.end < line_start || m.start >= anchor.max(role.start) + 1 {
            continue;
        }
        if m.end > anchor {
            if m.start < role.start && m.end <= role.end {
                return Some(*i);
            }
            continue;
        }
        let gap = without_parens(&v[m.end..anchor]);
        let clean = gap.chars().all(|c| matches!(c, ' ' | 'の' | '\u{4E00}'..='\u{9FFF}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・'));
        if clean && gap.chars().count() <= 30 && best.is_none_or(|(_, e)| m.end > e) {
            best = Some((*i, m.end));
        }
    }
    if let Some((i, _)) = best {
        return Some(i);
    }
    // inside 「ORG(…、ROLE:NAME、…)」
    let before = &v[line_start..anchor];
    if let Some(open) = before.rfind('(')
        && !before[open..].contains(')')
    {
        let paren = line_start + open;
        let at = v[..paren].trim_end_matches([' ', '」']).len();
        if let Some((i, _)) = found.org_mentions.iter().find(|(_, m)| m.end == at) {
            return Some(*i);
        }
    }
    // an officer of no named company: the issuer's
    let role_text = &v[role.clone()];
    if OFFICER_ROLES.iter().any(|r| role_text.contains(r)) {
        return issuer(out);
    }
    None
}

/// The text with parenthesized parts and 「」 removed: 「 (중소벤처기업부) の」 → 「 の」.
fn without_parens(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '「' | '」' => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The organization that issued the release: the publisher, else the first company.
fn issuer(out: &Extraction) -> Option<usize> {
    if let Some(publisher) = out.release.publishers.first() {
        // equal but for whitespace (compared without building strings: this runs per person)
        let folded = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<char>>();
        let key = folded(&publisher.text);
        let same = |s: &str| s.chars().filter(|c| !c.is_whitespace()).eq(key.iter().copied());
        let found = out.organizations.iter().position(|o| same(&o.name) || o.aliases.iter().any(|a| same(a)));
        if found.is_some() {
            return found;
        }
    }
    out.organizations.iter().position(|o| o.kind == crate::model::OrgKind::Company)
}

/// One record per person: mentions grouped by name, a family name alone joined to the
/// full name it begins, a Latin and a katakana writing of one name joined.
fn assemble(doc: &Doc<'_>, people: Vec<Found1>, found: &mut Found, out: &mut Extraction) {
    let v = doc.text.v();
    let text = doc.text;
    struct Rec {
        name: String,
        written: Range<usize>,
        script: Script,
        roles: Vec<RoleAt>,
        /// The role written solid after the name, if any.
        nearest: Option<RoleAt>,
        mentions: Vec<Range<usize>>,
        keys: Vec<String>,
    }
    let mut recs: Vec<Rec> = Vec::new();
    for p in people {
        let key = canonical(&v[p.range.clone()], Script::Kanji);
        let twin_key = p.twin.as_ref().map(|(r, _)| canonical(&v[r.clone()], Script::Kanji));
        let roles: Vec<RoleAt> = p
            .roles
            .iter()
            .map(|(r, org)| RoleAt {
                role: text.original_text(r.clone()).to_string(),
                organization: org.and_then(|i| out.organizations.get(i)).map(|o| o.name.clone()),
            })
            .collect();
        // an existing record: same name, a twin's name, or a full name this family name begins
        let existing = recs.iter().position(|r| {
            r.keys.contains(&key)
                || twin_key.as_ref().is_some_and(|t| r.keys.contains(t))
                || (p.script == Script::Kanji && key.chars().count() <= 2 && r.script == Script::Kanji && r.keys[0].starts_with(&key))
        });
        let idx = match existing {
            Some(i) => i,
            None => {
                recs.push(Rec {
                    name: String::new(),
                    written: p.range.clone(),
                    script: p.script,
                    roles: Vec::new(),
                    nearest: None,
                    mentions: Vec::new(),
                    keys: vec![key.clone()],
                });
                recs.len() - 1
            }
        };
        let rec = &mut recs[idx];
        if !rec.keys.contains(&key) {
            rec.keys.push(key);
        }
        rec.mentions.push(p.range.clone());
        if let Some((r, s)) = &p.twin {
            rec.mentions.push(r.clone());
            let k = canonical(&v[r.clone()], Script::Kanji);
            if !rec.keys.contains(&k) {
                rec.keys.push(k);
            }
            // the Latin writing is the name
            if *s == Script::Latin {
                rec.written = r.clone();
                rec.script = Script::Latin;
            }
        }
        if p.script == Script::Latin {
            rec.written = p.range.clone();
            rec.script = Script::Latin;
        }
        if p.attached && rec.nearest.is_none() {
            rec.nearest = roles.first().cloned();
        }
        for role in roles {
            if !rec.roles.contains(&role) {
                rec.roles.push(role);
            }
        }
    }
    for (i, mut rec) in recs.into_iter().enumerate() {
        rec.name = canonical(text.original_text(rec.written.clone()), rec.script);
        rec.mentions.sort_by_key(|r| r.start);
        rec.mentions.dedup();
        let first = rec.mentions.first().cloned().unwrap_or(rec.written.clone());
        let honorifics = &doc.vocab.honorifics;
        let name = strip_honorific(&rec.name, honorifics);
        for m in &rec.mentions {
            found.person_mentions.push((i, m.clone()));
        }
        let main = rec.nearest.clone().or_else(|| rec.roles.iter().find(|r| r.organization.is_some()).or(rec.roles.first()).cloned());
        if let Some(m) = &main {
            // the main role first
            rec.roles.retain(|r| r != m);
            rec.roles.insert(0, m.clone());
        }
        out.people.push(Person {
            name,
            name_as_written: text.original_text(if rec.script == Script::Latin { rec.written.clone() } else { first }).to_string(),
            role: main.as_ref().map(|r| r.role.clone()),
            organization: main.and_then(|r| r.organization),
            roles: rec.roles,
            mentions: rec.mentions.iter().map(|r| text.mention(r.clone())).collect::<Vec<Mention>>(),
        });
    }
    found.person_mentions.sort_by_key(|(_, r)| r.start);
}

fn strip_honorific(name: &str, honorifics: &[String]) -> String {
    let mut s = name.trim().to_string();
    for h in honorifics {
        if s.ends_with(h.as_str()) && s.len() > h.len() {
            s.truncate(s.len() - h.len());
            s = s.trim_end().to_string();
        }
    }
    s
}
