//! People: names with their roles and the organizations they hold them at, and the
//! statements they are quoted in.
//!
//! A person is found where the text makes one: a role before the name (「理事長:岡野 栄之」
//! 「理事兼事務局長の曽山 明彦」「川崎市長 福田 紀彦 氏」), a role after it (「シンディ・ファン
//! 副総長」「李永長官」), an honorific (「田宮 憲一氏」), or an IPADIC family name followed
//! by a given name. The organization is the one named right before the role (「LINK-J
//! 理事」「川崎市長」 → 川崎市), the one whose parenthesis the role is in (「アストラゼネカ
//! 株式会社(…、代表取締役社長:…)」), or the one before 「の」 (「…企業部のオ・ヨンジュ長官」).

#[cfg(test)]
mod corpus;
mod names;
mod quotes;
pub(crate) mod roles;
mod tables;

use crate::tokens::Pos;
use std::ops::Range;

use crate::model::{Extraction, Mention, Person, RoleAt};
use crate::pipeline::{Doc, Found};
use names::{Script, canonical, katakana_word_at, name_at, name_before, surname_before};

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
const PLACE_ROLES: &[&str] = &[
    "副市長",
    "副知事",
    "副町長",
    "副村長",
    "副区長",
    "市長",
    "町長",
    "村長",
    "区長",
    "知事",
];

/// Roles of a company's officers: with no organization named, the issuer's.
const OFFICER_ROLES: &[&str] = &[
    "取締役",
    "社長",
    "会長",
    "執行役",
    "監査役",
    "CEO",
    "COO",
    "CFO",
    "CTO",
    "代表社員",
    "相談役",
    "顧問",
    "部長",
    "本部長",
    "室長",
    "課長",
    "事業部長",
    "支店長",
    "所長",
    "センター長",
    "グループ長",
    "係長",
    "主任",
];

pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let v = doc.text.v();
    let mut people: Vec<Found1> = Vec::new();
    let org_taken = |r: &Range<usize>| {
        found
            .org_mentions
            .iter()
            .any(|(_, m)| m.start < r.end && r.start < m.end)
    };

    // 1. Roles, with the name after or before them.
    let mut last_end = 0;
    // a role with no name after it, followed by a space and another role: 「執行役員 松山オフィス長 伊予田 翔」
    let mut pending: Option<Range<usize>> = None;
    // (and roles letter-spaced at a line's start, as officer lists align them: 「監　事」)
    let mut starts: Vec<usize> = doc
        .vocab
        .role_regex()
        .find_iter(v)
        .map(|m| m.start())
        .collect();
    starts.extend(doc.text.lines.iter().map(|l| l.trimmed.start).filter(|&p| {
        v[p..].chars().nth(1) == Some(' ')
            && roles::role_starting_at(doc.vocab, v, p).is_some_and(|r| v[r].contains(' '))
    }));
    starts.sort_unstable();
    starts.dedup();
    for start in starts {
        if start < last_end {
            continue;
        }
        let Some(role) = full_role(doc, found, start) else {
            continue;
        };
        last_end = role.end;
        let before_this = pending
            .take()
            .filter(|p| p.end + 1 == role.start && v[p.end..role.start] == *" ");
        let role_text = &v[role.clone()];
        // 「(担当:井出)」 names a contact, not a role
        if role_text == "担当" {
            continue;
        }
        let place_role = PLACE_ROLES.iter().any(|p| role_text.ends_with(p));
        // 「佐藤 健太郎 教授、高橋 美咲 准教授」: a role after a name and before 、 is that name's
        // (and 「グレアム・ターナー市長、ポーラ・ヒリニ副市長」「佐藤正人教授、高橋美咲准教授」,
        // the name written solid before it)
        let name_just_before = v[..role.start]
            .strip_suffix(' ')
            .is_some_and(|b| name_before(doc, b.len()).is_some_and(|(r, _)| r.end == b.len()))
            || name_before(doc, role.start).is_some_and(|(r, s)| {
                r.end == role.start
                    && (s == Script::Katakana && v[r.clone()].contains('・')
                        || s == Script::Kanji && v[role.end..].starts_with('、'))
            });
        let after = skip_separator(v, role.end)
            .filter(|_| !(name_just_before && v[role.end..].starts_with('、')));
        // 「代表者 社長 山田 太郎」「代表者 President Director Agus Wibisono」: 代表者 labels the
        // field; the role after it is the role
        let label = matches!(role_text, "代表者" | "代表" | "役職" | "担当");
        if label
            && after.is_some_and(|p| {
                roles::role_starting_at(doc.vocab, v, p).is_some()
                    || names::starts_with_latin_title(&v[p..])
            })
        {
            continue;
        }
        let mut person = after
            .and_then(|p| name_at(doc, p))
            .filter(|(r, _)| !org_taken(r));
        // 「執行役員 アジア・オセアニア本部長」「執行役員 北米本部長」: a department and its head's
        // role after the role are a second role, not a name (a name IPADIC tags 人名 stays one)
        let mut chained = false;
        if let (Some(p), Some((r, _))) = (after, &person)
            && let Some(second) = roles::role_starting_at(doc.vocab, v, r.end)
            && roles::role_ending_at(doc.vocab, v, second.end, true).is_some_and(|d| d.start <= p)
            && !crate::tokens::overlapping(doc.tokens, r.clone())
                .iter()
                .any(|t| t.is(Pos::PersonName))
        {
            person = None;
            chained = v[role.end..].starts_with(' ');
        }
        let mut attached = false;
        // 「望月知事」: before a place role, only the family name of someone already named
        if person.is_none() && place_role {
            let known = |r: &Range<usize>| {
                let family = &v[r.clone()];
                people.iter().any(|p| {
                    canonical(&v[p.range.clone()], Script::Kanji).starts_with(family)
                        && p.range.len() > r.len()
                })
            };
            // (a foreign name in katakana with its ・ is a whole name, never a place: 「グレアム・ターナー市長」)
            let whole_foreign =
                |r: &Range<usize>, s: Script| s == Script::Katakana && v[r.clone()].contains('・');
            person = name_before(doc, role.start)
                .or_else(|| surname_before(doc, role.start).map(|r| (r, Script::Kanji)))
                .filter(|(r, s)| {
                    r.end == role.start && (known(r) || whole_foreign(r, *s)) && !org_taken(r)
                });
            attached = person.is_some();
        }
        if person.is_none() && !place_role {
            person = name_before(doc, role.start)
                .map(|(r, s)| widen_spaced(doc, r, s))
                .or_else(|| surname_before(doc, role.start).map(|r| (r, Script::Kanji)))
                .filter(|(r, _)| !org_taken(r));
            attached = person.as_ref().is_some_and(|(r, _)| r.end == role.start);
        }
        // 「伊那支店副支店長」, 「松本南支店長」: a department written solid before its head's
        // role is part of the role, not a name (a family name, tagged 人名, stays one: 「阿部部長」)
        if attached
            && let Some((r, _)) = &person
            && roles::role_ending_at(doc.vocab, v, role.end, true)
                .is_some_and(|d| d.start <= r.start)
            && !crate::tokens::overlapping(doc.tokens, r.clone())
                .iter()
                .any(|t| t.range.end == r.end && t.is(Pos::PersonName))
        {
            continue;
        }
        let Some((name, script)) = person else {
            // (「代表者 代表取締役社長 森 一樹」: 代表者 labels the field, it is no role of its own)
            let label = matches!(role_text, "代表者" | "代表" | "役職" | "担当");
            if label {
                continue;
            }
            if chained
                || v[role.end..].starts_with(' ')
                    && roles::role_starting_at(doc.vocab, v, role.end + 1).is_some()
                || v[role.end..].starts_with(' ') && full_role_after(doc, found, role.end + 1)
            {
                pending = Some(role);
            }
            continue;
        };
        let anchor = before_this
            .as_ref()
            .map_or(role.start, |p| p.start)
            .min(name.start);
        let org = org_for(doc, found, anchor, &role, out);
        let role = trim_place(v, role, place_role);
        let twin = twin_after(doc, name.end, script);
        let roles_here: Vec<_> = before_this
            .filter(|_| name.start > role.end)
            .into_iter()
            .chain([role])
            .map(|r| (r, org))
            .collect();
        people.push(Found1 {
            range: name,
            script,
            roles: roles_here,
            attached,
            twin,
        });
    }

    // 1b. 「九重大学の阿比留正人教授、饒平名さやか助教」: the next person of a list joined by
    // 、 works where the one before does, when nothing names another organization.
    inherit_along_lists(v, &mut people);

    // 2. Personnel tables: 新役職 / 氏名 / 旧役職.
    for row in tables::rows(doc) {
        let by_shape = || names::cell_name(v, row.name.clone()).map(|r| (r, Script::Kanji));
        let Some((name, script)) = name_at(doc, row.name.start)
            .filter(|(r, _)| r.end + 1 >= row.name.end)
            .or_else(by_shape)
        else {
            continue;
        };
        let mut roles_found = Vec::new();
        for cell in &row.roles {
            // 「株式会社しおかぜITソリューションズ 代表取締役社長」: an organization, then the role
            let org_in_cell = found
                .org_mentions
                .iter()
                .find(|(_, m)| m.start >= cell.start && m.end <= cell.end);
            let role_start = org_in_cell.map_or(cell.start, |(_, m)| m.end);
            let org = org_in_cell.map(|(i, _)| *i).or_else(|| issuer(out));
            // 「副市長(令和8年3月31日任期満了)」: a note after the role is not part of it
            let cell_end = match v[role_start..cell.end].find('(') {
                Some(open) if open > 0 && v[..cell.end].ends_with(')') => role_start + open,
                _ => cell.end,
            };
            // 「取締役 常務執行役員」: roles written with a space are two roles
            let mut at = role_start;
            for part in v[role_start..cell_end].trim_end().split(' ') {
                let part_range = at..at + part.len();
                at += part.len() + 1;
                let whole_role = roles::role_ending_at(doc.vocab, part, part.len(), true)
                    .is_some_and(|r| r.start == 0);
                let seen = roles_found
                    .iter()
                    .any(|(r, _): &(Range<usize>, _)| v[r.clone()] == *part);
                if !part.is_empty() && whole_role && !seen {
                    roles_found.push((part_range, org));
                }
            }
        }
        if roles_found.is_empty() {
            continue;
        }
        people.push(Found1 {
            range: name,
            script,
            roles: roles_found,
            attached: false,
            twin: twin_after(doc, row.name.end, script),
        });
    }

    // 2b. A name on its own line, its posts on the lines under it:
    // 「鴫原 航(しぎはら わたる)」 over 「(新)代表取締役社長 社長執行役員」 and 「(旧)…」.
    for (name, script, posts) in name_blocks(doc) {
        if org_taken(&name) {
            continue;
        }
        let org = issuer(out);
        let roles_found: Vec<_> = posts.into_iter().map(|r| (r, org)).collect();
        people.push(Found1 {
            range: name,
            script,
            roles: roles_found,
            attached: false,
            twin: None,
        });
    }

    // 2c. Lists: 「阿部 千尋 / 国立研究開発法人東北先端医療研究センター 主任研究員 / 「…」」.
    for row in tables::slash_rows(doc) {
        let Some((name, script)) =
            name_at(doc, row.name.start).filter(|(r, _)| r.end + 1 >= row.name.end)
        else {
            continue;
        };
        let cell = row.roles[0].clone();
        let Some(role) = roles::role_ending_at(doc.vocab, &v[cell.clone()], cell.len(), true)
        else {
            continue;
        };
        let role = cell.start + role.start..cell.start + role.end;
        let org = found
            .org_mentions
            .iter()
            .filter(|(_, m)| m.start >= cell.start && m.end <= role.start)
            .map(|(i, _)| *i)
            .next_back();
        if org_taken(&name) {
            continue;
        }
        people.push(Found1 {
            range: name,
            script,
            roles: vec![(role, org)],
            attached: false,
            twin: None,
        });
    }

    // 3. 「NAME(ORG ROLE)」, 「NAME(ROLE)」: a role in a parenthesis after a name; 「NAME(同 ROLE)」
    // is at the organization of the parenthesis before it on the line.
    let mut last_paren_org: Option<(usize, usize)> = None; // (line start, organization)
    for (open, _) in v.match_indices('(') {
        let Some(close) = matching_close(v, open) else {
            continue;
        };
        let inner = open + 1..close;
        let mut content = v[inner.clone()].trim_end();
        // 「(現 社外取締役(監査等委員))」: a note on the role, inside, is not the role
        if content.ends_with(')')
            && let Some(p) = content.rfind('(')
        {
            content = content[..p].trim_end();
        }
        let line_start = crate::facts::line_start(v, open);
        let Some(role) = roles::role_ending_at(doc.vocab, content, content.len(), true) else {
            // 「嶺岡 修平 教授(北海ゆたか農業大学)」: the role outside, the organization inside
            let org_inside = found
                .org_mentions
                .iter()
                .find(|(_, m)| m.start == inner.start && m.end == inner.start + content.len());
            let name_end = v[..open].trim_end_matches(' ').len();
            if let Some(&(org, _)) = org_inside
                && let Some(r) = roles::role_ending_at(doc.vocab, v, name_end, false)
                && v[..r.start].ends_with(' ')
                && let Some((name, script)) =
                    name_before(doc, v[..r.start].trim_end_matches(' ').len())
                        .map(|(n, s)| widen_spaced(doc, n, s))
                && !org_taken(&name)
            {
                people.push(Found1 {
                    range: name,
                    script,
                    roles: vec![(r, Some(org))],
                    attached: false,
                    twin: None,
                });
            }
            continue;
        };
        let role = inner.start + role.start..inner.start + role.end;
        // 「千ヶ崎 紘一 理事長(星ヶ岡記念病院 院長)」: a role between the name and the parenthesis
        let mut name_end = names::before_spaced_honorific(doc, open);
        let mut outer_role = None;
        if let Some(r) = roles::role_ending_at(doc.vocab, v, name_end, false)
            && v[..r.start].ends_with(' ')
        {
            outer_role = Some(r.clone());
            name_end = v[..r.start].trim_end_matches(' ').len();
        }
        let Some((name, script)) = name_before(doc, name_end).map(|(r, s)| widen_spaced(doc, r, s))
        else {
            continue;
        };
        // (the name may have its other writing in a parenthesis after it: 「クレア・ハートウェル(Claire Hartwell)氏(…)」)
        let twin_between = name.end < name_end
            && v[name.end..name_end].starts_with('(')
            && v[..name_end].ends_with(')');
        if org_taken(&name) || (name.end != name_end && !twin_between) {
            continue;
        }
        let org_mention = found
            .org_mentions
            .iter()
            .find(|(_, m)| m.start >= inner.start && m.end <= role.start)
            .cloned();
        let same = v[inner.start..role.start].trim() == "同";
        let org = org_mention.as_ref().map(|(i, _)| *i).or_else(|| {
            last_paren_org
                .filter(|&(line, _)| same && line == line_start)
                .map(|(_, o)| o)
        });
        if let Some(o) = org {
            last_paren_org = Some((line_start, o));
        }
        let role = match org_mention {
            Some((_, m)) => {
                (m.end + (v[m.end..role.end].len() - v[m.end..role.end].trim_start().len()))
                    .max(role.start)..role.end
            }
            None => role,
        };
        let place = PLACE_ROLES.iter().any(|p| v[role.clone()].ends_with(p));
        let role = trim_place(v, role, place);
        let mut found_roles = vec![(role, org)];
        if let Some(r) = outer_role {
            found_roles.insert(0, (r.clone(), org_for(doc, found, name.start, &r, out)));
        }
        people.push(Found1 {
            range: name,
            script,
            roles: found_roles,
            attached: false,
            twin: None,
        });
    }

    // 4. Honorifics: 「田宮 憲一氏」, 「スミス氏」.
    for h in &doc.vocab.honorifics {
        if h.chars().count() > 1 && h != "さん" {
            continue; // 先生, さま: too often other words
        }
        for (at, _) in v.match_indices(h.as_str()) {
            // (「氏 名」, letter-spaced over a table's column, is the label 氏名)
            if h == "氏" && v[at + h.len()..].trim_start_matches(' ').starts_with('名') {
                continue;
            }
            let end = v[..at].trim_end_matches(' ').len();
            if people
                .iter()
                .any(|p| p.range.end == end || p.range.start <= end && end <= p.range.end)
            {
                continue;
            }
            let name = name_before(doc, end)
                .map(|(r, s)| widen_spaced(doc, r, s))
                .or_else(|| {
                    let kana_start = v[..end]
                        .char_indices()
                        .rev()
                        .take_while(|&(_, c)| matches!(c, 'ァ'..='ヺ' | 'ー'))
                        .last()?
                        .0;
                    katakana_word_at(v, kana_start)
                        .filter(|r| r.end == end)
                        .map(|r| (r, Script::Katakana))
                });
            let Some((r, script)) = name else { continue };
            if org_taken(&r) || r.start == r.end {
                continue;
            }
            // (「シリポーン・チャイヤプーム(Siriporn Chaiyaphum)さん」: the other writing before the honorific)
            let twin = twin_after(doc, r.end, script);
            people.push(Found1 {
                range: r,
                script,
                roles: Vec::new(),
                attached: false,
                twin,
            });
        }
    }

    // 5. Names the user's dictionary lists as people, and IPADIC family name + given name.
    for tok in doc.tokens.iter().filter(|t| t.user_tag() == Some("人名")) {
        let r = tok.range.clone();
        if !org_taken(&r)
            && !people
                .iter()
                .any(|p| p.range.start < r.end && r.start < p.range.end)
        {
            let script = if v[r.clone()].chars().any(|c| c.is_ascii_alphabetic()) {
                Script::Latin
            } else {
                Script::Kanji
            };
            people.push(Found1 {
                range: r,
                script,
                roles: Vec::new(),
                attached: false,
                twin: None,
            });
        }
    }
    let t = doc.tokens;
    for i in 0..t.len().saturating_sub(1) {
        let (a, b) = (&t[i], &t[i + 1]);
        let gap = &v[a.range.end..b.range.start];
        if a.is(Pos::FamilyName) && b.is(Pos::GivenName) && (gap.is_empty() || gap == " ") {
            // 「門真市」 is a place
            if matches!(&v[b.range.clone()], "市" | "町" | "村" | "区" | "県" | "郡") {
                continue;
            }
            // a given name IPADIC splits: 「片岡千恵蔵」 is 片岡 + 千恵 + 蔵 (but not into a role: 「紘一理事長」)
            let more: usize = v[b.range.end..]
                .char_indices()
                .take_while(|&(i, c)| {
                    matches!(c, '\u{4E00}'..='\u{9FFF}')
                        && roles::role_starting_at(doc.vocab, v, b.range.end + i).is_none()
                })
                .map(|(_, c)| c.len_utf8())
                .sum();
            let total = v[a.range.start..b.range.end + more]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
            let mut end = if more > 0 && total <= 5 {
                b.range.end + more
            } else {
                b.range.end
            };
            // 「桂川|はる|と|さん」: hiragana IPADIC cut off the given name, up to an honorific
            let kana: usize = v[end..]
                .chars()
                .take_while(|c| matches!(c, 'ぁ'..='ゖ'))
                .take(2)
                .map(char::len_utf8)
                .sum();
            if more == 0 && kana > 0 && names::honorific_opens(doc, &v[end + kana..]) {
                end += kana;
            }
            if more > 0 && total > 5 {
                continue;
            }
            let r = a.range.start..end;
            if org_taken(&r)
                || people
                    .iter()
                    .any(|p| p.range.start < r.end && r.start < p.range.end)
            {
                continue;
            }
            people.push(Found1 {
                range: r,
                script: Script::Kanji,
                roles: Vec::new(),
                attached: false,
                twin: None,
            });
        }
    }

    // 6. Katakana names of two or more parts, one of them a name in IPADIC: 「ケン・ブロック」.
    for (at, _) in v.match_indices('・') {
        let start = v[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| matches!(c, 'ァ'..='ヺ' | 'ー' | '・' | '='))
            .last()
            .map_or(at, |(i, _)| i);
        let Some((r, script)) = name_at(doc, start) else {
            continue;
        };
        if r.end <= at
            || org_taken(&r)
            || people
                .iter()
                .any(|p| p.range.start < r.end && r.start < p.range.end)
        {
            continue;
        }
        let named = crate::tokens::within(doc.tokens, r.clone()).any(|t| t.is(Pos::PersonName));
        let bounded =
            !v[r.end..].starts_with(|c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | 'ァ'..='ヺ'));
        if named && bounded {
            let twin = twin_after(doc, r.end, script);
            people.push(Found1 {
                range: r,
                script,
                roles: Vec::new(),
                attached: false,
                twin,
            });
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
        let boundary = v[..back.start]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, ' ' | ':' | '\n' | '(' | '、' | '\t' | '/' | '|'));
        let plain =
            roles::role_ending_at(doc.vocab, v, forward.end, false).unwrap_or(forward.clone());
        // 「UoP工学部長」: the department starts where a mention of an organization ends
        let after_org = back.start
            + v[back.start..]
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(0);
        let org_before = !boundary
            && after_org < plain.start
            && found.org_mentions.iter().any(|(_, m)| m.end == after_org);
        r.start = if boundary {
            back.start
        } else if org_before {
            after_org
        } else {
            plain.start.min(r.start)
        };
    }
    // a department never takes in a municipality: 「仙台市経済局長」 → 経済局長
    if let Some(t) = crate::tokens::overlapping(doc.tokens, r.start..forward.start)
        .iter()
        .rev()
        .find(|t| t.range.end > r.start && t.range.end <= forward.start && t.is(Pos::PlaceSuffix))
    {
        r.start = t.range.end;
    }
    // 「国際研究兼グローバル・エンゲージメント担当」: the area is part of the role
    if v[r.clone()].ends_with("担当") {
        let area: usize = v[..r.start]
            .chars()
            .rev()
            .take_while(
                |&c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・'),
            )
            .map(char::len_utf8)
            .sum();
        let mut s = r.start - area;
        if let Some((_, m)) = found
            .org_mentions
            .iter()
            .find(|(_, m)| m.end > s && m.end <= r.start)
        {
            s = m.end;
        }
        r.start = s;
    }
    // an organization's name is never part of a role (but 「川崎市長」 keeps its 市長)
    if let Some((_, m)) = found
        .org_mentions
        .iter()
        .find(|(_, m)| m.start <= r.start && m.end > r.start && m.end < r.end)
        && roles::is_role(doc.vocab, &v[m.end..r.end])
    {
        r.start = m.end;
    }
    (!r.is_empty()).then_some(r)
}

/// Whether a role with a department in front of it starts at `p`: 「松山オフィス長」.
fn full_role_after(doc: &Doc<'_>, found: &Found, p: usize) -> bool {
    let v = doc.text.v();
    let word_end = v[p..].find([' ', '\n', ':']).map_or(v.len(), |e| p + e);
    doc.vocab.role_regex().find_iter(&v[p..word_end]).any(|m| {
        full_role(doc, found, p + m.start()).is_some_and(|r| r.start == p && r.end == word_end)
    })
}

/// A role as the output gives it: as written, but a Japanese role letter-spaced for a
/// table (「監　事」) closed up; Latin titles keep their spaces.
fn role_value(written: &str) -> String {
    if written.contains(|c: char| c.is_ascii_alphabetic()) {
        written.to_string()
    } else {
        crate::facts::without_whitespace(written).into_owned()
    }
}

/// After a role: 「:」, one space, or 「の」 before the name.
fn skip_separator(v: &str, p: usize) -> Option<usize> {
    let rest = v.get(p..)?;
    // 「こども未来部長(新設)勅使河原 稔」: a short note on the post, then the name
    // (or the role in English: 「学長(Vice-Chancellor) Helen M. Arkwright」)
    let english = |note: &str| {
        note.len() <= 40
            && note
                .chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '&' | '.'))
    };
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && ((1..=6).contains(&inner[..close].chars().count()) || english(&inner[..close]))
        && !inner[..close].contains(|c: char| c.is_ascii_digit() || c == '(')
    {
        let after = &inner[close + 1..];
        // (「理事(国際連携担当)の浜砂 久美子」: and a の or : after it)
        let after = after.trim_start_matches([' ', '\t']);
        let after = after
            .strip_prefix(['の', ':'])
            .unwrap_or(after)
            .trim_start_matches(' ');
        return Some(p + rest.len() - after.len());
    }
    // 「博士後期課程3年のシリポーン・チャイヤプーム」: a student's year, then the name
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=2).contains(&digits)
        && let Some(after) = ["年生の", "年の", "年生 ", "年 "]
            .iter()
            .find_map(|w| rest[digits..].strip_prefix(w))
    {
        let after = after.trim_start_matches(' ');
        return Some(p + rest.len() - after.len());
    }
    // 「理事長:岡野」「統括監の田宮」「院長、小川」「理事長に加藤 正人が就任」
    for sep in [":", " ", "の", ": ", "\t", "、", "に"] {
        if let Some(after) = rest.strip_prefix(sep) {
            return Some(
                p + rest.len() - after.len() + (after.len() - after.trim_start_matches(' ').len()),
            );
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
    let Some(before) = v[..r.start].strip_suffix(' ') else {
        return (r, script);
    };
    let family: usize = names::kanji_run_before(before)
        .iter()
        .map(|&(_, c)| c.len_utf8())
        .sum();
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
fn org_for(
    doc: &Doc<'_>,
    found: &Found,
    anchor: usize,
    role: &Range<usize>,
    out: &Extraction,
) -> Option<usize> {
    let v = doc.text.v();
    let line_start = crate::facts::line_start(v, anchor);
    // 「(3)代表者の役職・氏名　代表取締役社長　樫木 善三郎」: the organization in the name row
    // of the overview table it is in
    let row_of = |s: &'_ str| {
        s.trim_start_matches(|c: char| {
            c == ' '
                || c == '('
                || c == ')'
                || c.is_ascii_digit()
                || ('①'..='⑳').contains(&c)
                || c == '.'
        })
        .to_string()
    };
    let line_index = doc
        .text
        .lines
        .iter()
        .position(|l| l.range.start <= anchor && anchor <= l.range.end);
    // (the label may be the line above: 「(3) 代表者の役職・氏名」 over 「代表取締役社長 葛巻 義隆」)
    let label_above = line_index
        .and_then(|i| i.checked_sub(1))
        .and_then(|j| doc.text.lines.get(j))
        .is_some_and(|l| {
            let s = row_of(&v[l.trimmed.clone()]);
            s.starts_with("代表者") && !s.contains(' ')
        });
    if (row_of(&v[line_start..]).starts_with("代表者") || label_above)
        && let Some(i) = line_index
        && let Some(name) =
            crate::facts::organizations::rules::overview_name_above(doc.vocab, doc.text, i)
        && !v[name.clone()].contains("  ")
        && let Some((org, _)) = found
            .org_mentions
            .iter()
            .find(|(_, m)| m.start < name.end && name.start < m.end)
    {
        return Some(*org);
    }
    // 「・同 キャプテン 蛯谷 七海」 under 「・株式会社庄内ブルーウインズ 代表取締役社長 …」: the
    // organization of the line above
    let lead = v[line_start..role.start.min(anchor)]
        .trim_start_matches(['・', ' ', '-', '*'])
        .trim_end();
    if lead == "同"
        && let Some(above_end) = line_start.checked_sub(1)
    {
        let above_start = crate::facts::line_start(v, above_end);
        if let Some((org, _)) = found
            .org_mentions
            .iter()
            .filter(|(_, m)| m.start >= above_start && m.end <= above_end)
            .min_by_key(|(_, m)| m.start)
        {
            return Some(*org);
        }
    }
    // 「株式会社アオタケ・デジタル 代表取締役 青竹 慎之介/取締役 地域DX事業部長 三輪田 彩」: a line
    // that opens with an organization, then its people listed with /
    if let Some((org, m)) = found
        .org_mentions
        .iter()
        .filter(|(_, m)| m.start >= line_start && m.end <= anchor)
        .min_by_key(|(_, m)| m.start)
        && v[line_start..m.start]
            .trim_start_matches(['・', ' ', '-', '*'])
            .is_empty()
        && v[m.end..anchor].contains('/')
        && !v[m.end..anchor].contains(['。', '(', '、'])
        && !found
            .org_mentions
            .iter()
            .any(|(o, n)| o != org && n.start >= m.end && n.end <= anchor)
    {
        return Some(*org);
    }
    // 「1|合同会社いぶき里山エナジー|代表社員 久慈 航平|岩手県遠野市」: the organization that
    // fills a cell of the same table row
    if let Some(org) = org_in_row(v, found, line_start, role) {
        return Some(org);
    }
    // overlapping the role's start (川崎市 / 市長) or ending just before it
    let mut best: Option<(usize, usize)> = None;
    for (i, m) in &found.org_mentions {
        if m.start >= role.end || m.end < line_start || m.start > anchor.max(role.start) {
            continue;
        }
        if m.end > anchor {
            if m.start < role.start && m.end <= role.end {
                return Some(*i);
            }
            continue;
        }
        let gap = without_parens(&v[m.end..anchor]);
        // 「CRUからはRajesh Iyer」: a particle after the organization is still its
        let gap = ["からは", "からも", "では", "より", "から"]
            .iter()
            .fold(gap, |g, p| {
                if g.contains(p) {
                    g.replacen(p, "", 1)
                } else {
                    g
                }
            });
        let clean = gap.chars().all(|c| matches!(c, ' ' | 'の' | '\u{4E00}'..='\u{9FFF}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・'));
        if clean && gap.chars().count() <= 30 && best.is_none_or(|(_, e)| m.end > e) {
            best = Some((*i, m.end));
        }
    }
    if let Some((i, end)) = best {
        // 「X大学(…)大学院薬学研究科の佐藤 教授」: a unit written after its parent, when the
        // text names that unit with its parent elsewhere (「X大学大学院薬学研究科」)
        let unit = without_parens(&v[end..anchor]);
        let unit = unit.trim_end_matches(['の', ' ']);
        if unit.chars().count() >= 2
            && let Some(parent) = out.organizations.get(i)
        {
            let fold = crate::facts::without_whitespace;
            let stems: Vec<std::borrow::Cow<'_, str>> = std::iter::once(&parent.name)
                .chain(&parent.aliases)
                .map(|n| {
                    fold(
                        parent
                            .legal_form
                            .as_ref()
                            .and_then(|f| n.strip_prefix(f.name.as_str()))
                            .unwrap_or(n),
                    )
                })
                .collect();
            let whole = out.organizations.iter().position(|o| {
                let n = fold(&o.name);
                n.ends_with(unit)
                    && stems
                        .iter()
                        .any(|st| n.starts_with(st.as_ref()) && n.len() > st.len())
            });
            if let Some(w) = whole {
                return Some(w);
            }
        }
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
        return issuer(out).filter(|&i| {
            out.organizations
                .get(i)
                .is_some_and(|o| o.kind == crate::model::OrgKind::Company)
        });
    }
    None
}

/// The marks of a post's line under a name: new, former, current.
const POST_MARKS: &[&str] = &["(新)", "(旧)", "(現)", "新:", "旧:", "現:", "新 ", "旧 "];

/// Names alone on their lines (a reading in parentheses aside) with the posts of the lines
/// under them marked (新), (旧) or 新:, 旧:; each post's roles written with a space are two.
fn name_blocks(doc: &Doc<'_>) -> Vec<(Range<usize>, Script, Vec<Range<usize>>)> {
    let v = doc.text.v();
    let lines = &doc.text.lines;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let s = &v[line.trimmed.clone()];
        let bare = s.split('(').next().unwrap_or(s).trim_end();
        if bare.is_empty() || bare.chars().count() > 12 {
            continue;
        }
        let Some((name, script)) = name_at(doc, line.trimmed.start)
            .filter(|(r, _)| r.end == line.trimmed.start + bare.len())
        else {
            continue;
        };
        let mut posts = Vec::new();
        for next in lines[i + 1..].iter().take(4) {
            let t = &v[next.trimmed.clone()];
            let Some(mark) = POST_MARKS.iter().find(|m| t.starts_with(*m)) else {
                break;
            };
            let mut at = next.trimmed.start + mark.len();
            for part in v[at..next.trimmed.end].split(' ') {
                let range = at..at + part.len();
                at += part.len() + 1;
                if !part.is_empty()
                    && roles::role_ending_at(doc.vocab, part, part.len(), true)
                        .is_some_and(|r| r.start == 0)
                {
                    posts.push(range);
                }
            }
        }
        if !posts.is_empty() {
            out.push((name, script, posts));
        }
    }
    out
}

/// The `)` that closes the `(` at `open` on the same line, parentheses inside counted.
fn matching_close(v: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in v[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// The one organization written as a whole cell of the table row (cells between bars or
/// tabs) the role is in, other than the role's own cell.
fn org_in_row(v: &str, found: &Found, line_start: usize, role: &Range<usize>) -> Option<usize> {
    let line_end = v[line_start..]
        .find('\n')
        .map_or(v.len(), |p| line_start + p);
    let line = &v[line_start..line_end];
    if !line.contains(['|', '\t']) {
        return None;
    }
    let is_edge = |c: Option<char>| c.is_none_or(|c| matches!(c, '|' | '\t'));
    let mut orgs = found.org_mentions.iter().filter(|(_, m)| {
        m.start >= line_start
            && m.end <= line_end
            && (m.end <= role.start || m.start >= role.end)
            && is_edge(v[line_start..m.start].trim_end_matches(' ').chars().next_back())
            && is_edge(v[m.end..line_end].trim_start_matches(' ').chars().next())
            // (not the role's own cell: 「ORG 代表取締役」 is read beside the role)
            && !v[m.end..role.start.max(m.end)].chars().all(|c| c == ' ')
    });
    let (first, _) = orgs.next()?;
    orgs.all(|(o, _)| o == first).then_some(*first)
}

/// The organization of a role nothing beside it names, once every mention is read: the
/// only unit of the kind the role heads (「センター長」 and the one センター), else the issuer,
/// where the role is one its kind of body has (a university's 教授, an NPO's 理事長).
fn default_org(out: &Extraction, role: &str) -> Option<String> {
    if let Some(unit) = unit_headed_by(role) {
        let mut units = out
            .organizations
            .iter()
            .filter(|o| o.name.trim_end().ends_with(unit));
        if let (Some(o), None) = (units.next(), units.next()) {
            return Some(o.name.clone());
        }
    }
    let issuer = out.organizations.get(issuer(out)?)?;
    kind_roles(issuer.kind)
        .iter()
        .any(|r| role.ends_with(r))
        .then(|| issuer.name.clone())
}

/// The unit a 「…長」 role heads, written as the end of that unit's name: センター長 → センター,
/// 研究所長 → 研究所, 病院長 → 病院.
fn unit_headed_by(role: &str) -> Option<&str> {
    let unit = role.strip_suffix('長')?.trim_start_matches('副');
    [
        "センター",
        "研究所",
        "病院",
        "研究科",
        "学部",
        "機構",
        "財団",
        "協会",
        "研究センター",
    ]
    .into_iter()
    .find(|u| unit == *u)
}

/// Roles an organization of this kind gives its own people, which need no organization
/// named beside them: a university's 教授, an association's 理事長.
fn kind_roles(kind: crate::model::OrgKind) -> &'static [&'static str] {
    use crate::model::OrgKind;
    match kind {
        OrgKind::Company => &[
            "社長",
            "会長",
            "取締役",
            "執行役員",
            "監査役",
            "相談役",
            "顧問",
            "CEO",
            "CTO",
            "CFO",
            "COO",
        ],
        OrgKind::University => &[
            "学長",
            "副学長",
            "総長",
            "教授",
            "准教授",
            "講師",
            "助教",
            "助手",
            "名誉教授",
            "理事長",
            "学部長",
            "研究科長",
            "図書館長",
            "事務局長",
            "課長",
            "係長",
            "主任",
            "研究員",
            "博士前期課程",
            "博士後期課程",
            "博士課程",
            "修士課程",
        ],
        OrgKind::Hospital => &["院長", "副院長", "病院長", "医長", "看護部長", "理事長"],
        OrgKind::Association
        | OrgKind::Foundation
        | OrgKind::Other
        | OrgKind::ResearchInstitute => &[
            "理事長",
            "副理事長",
            "会長",
            "副会長",
            "代表理事",
            "専務理事",
            "常務理事",
            "理事",
            "事務局長",
            "所長",
            "機構長",
            "部長",
            "次長",
            "課長",
            "室長",
            "課長補佐",
            "係長",
            "主任",
            "主査",
            "委員長",
            "委員",
        ],
        // a city's, a prefecture's or a ministry's staff, by their posts
        OrgKind::Municipality | OrgKind::Government => &[
            "副市長",
            "副町長",
            "副村長",
            "副区長",
            "副知事",
            "大臣",
            "副大臣",
            "政務官",
            "次官",
            "長官",
            "審議官",
            "参事官",
            "局長",
            "部長",
            "次長",
            "課長",
            "室長",
            "課長補佐",
            "係長",
            "主任",
            "主査",
            "主幹",
            "参事",
            "会計管理者",
            "消防長",
            "教育長",
            "所長",
            "館長",
            "園長",
            "署長",
            "センター長",
            "委員長",
            "委員",
        ],
    }
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

/// A person of a 、 list (「A教授、B助教」) with no organization of their own takes the one
/// of the person right before them in the list.
fn inherit_along_lists(v: &str, people: &mut [Found1]) {
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|&i| people[i].range.start);
    for w in order.windows(2) {
        let (prev, next) = (w[0], w[1]);
        let Some(&(ref prev_role, Some(org))) = people[prev].roles.last() else {
            continue;
        };
        // the list goes on right after the previous person's name and role
        let prev_end = prev_role.end.max(people[prev].range.end);
        // (the next one's role may come first: 「…助教、博士後期課程3年のシリポーン・チャイヤプーム」)
        let next_start = people[next]
            .roles
            .iter()
            .map(|(r, _)| r.start)
            .chain([people[next].range.start])
            .min()
            .unwrap_or(0);
        let gap = v.get(prev_end..next_start).unwrap_or("");
        if !matches!(gap.trim(), "、" | ",") {
            continue;
        }
        for (_, slot) in people[next].roles.iter_mut().filter(|(_, o)| o.is_none()) {
            *slot = Some(org);
        }
    }
}

/// The organization that issued the release: the publisher, else the first company.
fn issuer(out: &Extraction) -> Option<usize> {
    super::publisher_org(out).or_else(|| {
        out.organizations
            .iter()
            .position(|o| o.kind == crate::model::OrgKind::Company)
    })
}

/// 「著者:日高颯太(…)」 where only 「颯太」 was read: a name found elsewhere in full that the
/// kanji written right before this one complete is that name.
fn complete_known_names(doc: &Doc<'_>, people: &mut [Found1]) {
    let v = doc.text.v();
    let full: Vec<String> = people
        .iter()
        .filter(|p| p.script == Script::Kanji)
        .map(|p| canonical(&v[p.range.clone()], Script::Kanji))
        .filter(|k| k.chars().count() >= 3)
        .collect();
    for p in people.iter_mut().filter(|p| p.script == Script::Kanji) {
        let key = canonical(&v[p.range.clone()], Script::Kanji);
        for name in &full {
            let Some(head) = name.strip_suffix(key.as_str()).filter(|h| !h.is_empty()) else {
                continue;
            };
            let before = v[..p.range.start].trim_end_matches(' ');
            if before.ends_with(head) {
                p.range.start = before.len() - head.len();
                break;
            }
        }
    }
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
    let mut people = people;
    complete_known_names(doc, &mut people);
    // full names before family names alone, so that 「五ヶ瀬さん」 finds 「五ヶ瀬 拓海」
    people.sort_by_key(|p| {
        canonical(&v[p.range.clone()], Script::Kanji)
            .chars()
            .count()
            <= 3
    });
    for p in people {
        let key = canonical(&v[p.range.clone()], Script::Kanji);
        let twin_key = p
            .twin
            .as_ref()
            .map(|(r, _)| canonical(&v[r.clone()], Script::Kanji));
        let roles: Vec<RoleAt> = p
            .roles
            .iter()
            .map(|(r, org)| RoleAt {
                role: role_value(text.original_text(r.clone())),
                organization: org
                    .and_then(|i| out.organizations.get(i))
                    .map(|o| o.name.clone()),
            })
            .collect();
        // an existing record: same name, a twin's name, or a full name this family name begins
        let existing = recs.iter().position(|r| {
            r.keys.contains(&key)
                || twin_key.as_ref().is_some_and(|t| r.keys.contains(t))
                || (p.script == Script::Kanji && r.script == Script::Kanji && r.keys[0] != key && {
                    // a family name alone: two kanji, or the part before the space of a full name written spaced
                    let written = &v[r.written.clone()];
                    (key.chars().count() <= 2 && r.keys[0].starts_with(&key))
                        || written
                            .split_once(' ')
                            .is_some_and(|(family, _)| family == key)
                })
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
    // in the order the people are first written
    recs.sort_by_key(|r| {
        r.mentions
            .iter()
            .map(|m| m.start)
            .min()
            .unwrap_or(usize::MAX)
    });
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
        // a role known with its organization needs no copy without one
        let linked: Vec<String> = rec
            .roles
            .iter()
            .filter(|r| r.organization.is_some())
            .map(|r| r.role.clone())
            .collect();
        rec.roles
            .retain(|r| r.organization.is_some() || !linked.contains(&r.role));
        for r in rec.roles.iter_mut().filter(|r| r.organization.is_none()) {
            r.organization = default_org(out, &r.role);
        }
        if let Some(n) = rec
            .nearest
            .as_mut()
            .filter(|n| n.organization.is_none() && !linked.contains(&n.role))
        {
            n.organization = default_org(out, &n.role);
        }
        if let Some(n) = rec.nearest.as_mut()
            && n.organization.is_none()
        {
            n.organization = rec
                .roles
                .iter()
                .find(|r| r.role == n.role)
                .and_then(|r| r.organization.clone());
        }
        let main = rec.nearest.clone().or_else(|| {
            rec.roles
                .iter()
                .find(|r| r.organization.is_some())
                .or(rec.roles.first())
                .cloned()
        });
        if let Some(m) = &main {
            // the main role first
            rec.roles.retain(|r| r != m);
            rec.roles.insert(0, m.clone());
        }
        // a student with no role: the school their year is at (「情報システム学科3年の日野 さくら さん」)
        let affiliation = || {
            rec.mentions
                .iter()
                .find_map(|m| student_affiliation(doc, found, out, m.start))
        };
        let organization = main
            .as_ref()
            .and_then(|r| r.organization.clone())
            .or_else(|| main.is_none().then(affiliation).flatten());
        out.people.push(Person {
            name,
            name_as_written: text
                .original_text(if rec.script == Script::Latin {
                    rec.written.clone()
                } else {
                    first
                })
                .to_string(),
            role: main.as_ref().map(|r| r.role.clone()),
            organization,
            roles: rec.roles,
            mentions: rec
                .mentions
                .iter()
                .map(|r| text.mention(r.clone()))
                .collect::<Vec<Mention>>(),
        });
    }
    found.person_mentions.sort_by_key(|(_, r)| r.start);
}

/// A student's year written before a name: 「…学科3年の」「修士1年の」「学部2年 」.
static STUDENT_YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:学部|学科|研究科|専攻|課程|大学院|修士|博士|学年)[^。、]{0,12}?\d{1,2} ?年生?(?:の)? *$").unwrap_or_else(|e| panic!("{e}"))
});

/// The school of a student named at `at` with their year before them on the line: the
/// organization written earlier on the line, else the issuer when it is a university.
fn student_affiliation(
    doc: &Doc<'_>,
    found: &Found,
    out: &Extraction,
    at: usize,
) -> Option<String> {
    let v = doc.text.v();
    let line_start = crate::facts::line_start(v, at);
    if !STUDENT_YEAR.is_match(&v[line_start..at]) {
        return None;
    }
    // (in the same clause: 「協会が主催する…で、本学情報工学部3年の日野」 is the university's student)
    let clause_start = v[line_start..at]
        .rfind(['、', '。'])
        .map_or(line_start, |p| line_start + p);
    let on_line = found
        .org_mentions
        .iter()
        .filter(|(_, m)| m.start >= clause_start && m.end <= at)
        .max_by_key(|(_, m)| m.end);
    let org = on_line.map(|(i, _)| *i).or_else(|| {
        issuer(out).filter(|&i| {
            out.organizations
                .get(i)
                .is_some_and(|o| o.kind == crate::model::OrgKind::University)
        })
    })?;
    out.organizations.get(org).map(|o| o.name.clone())
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
