//! The vocabularies the rules read (roles, legal forms, institutional heads,
//! agreements…): data, loaded from `vocab.toml` built into the binary and extendable
//! from a user file, so a new role needs no code change.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::OrgKind;
use crate::words::{Affixes, Words};

const BUILT_IN: &str = include_str!("vocab.toml");

/// A legal form and its other spellings.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct LegalFormEntry {
    pub name: String,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    pub kind: OrgKind,
    /// Where the form may be written: before the name, after it, or both.
    #[serde(default)]
    pub position: FormPosition,
}

/// Where a legal form may stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FormPosition {
    Prefix,
    Suffix,
    #[default]
    Both,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct HeadEntry {
    pub head: String,
    pub kind: OrgKind,
}

/// A counter that makes a number a count: 社, 名, 例目, 期….
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CountUnitEntry {
    /// The counter as written (normalized): 社・団体, カ国, 例目.
    pub unit: String,
    /// The number with it is an ordinal already: 10例目, 10番目.
    #[serde(default)]
    pub ordinal: bool,
    /// Whether it is a count on its own (9市 is not; 9市目 is).
    #[serde(default = "yes")]
    pub bare: bool,
    /// Whether it makes an ordinal after 第: 第2回, 第4期.
    #[serde(default)]
    pub dai: bool,
    /// Whether の may join it to the number: 17の国と地域.
    #[serde(default)]
    pub after_no: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CountryEntry {
    pub marker: String,
    pub country: String,
}

/// The file format: every key optional, every list appended to the built-in one.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabFile {
    #[serde(default)]
    legal_forms: Vec<LegalFormEntry>,
    #[serde(default)]
    latin_legal_forms: Vec<String>,
    #[serde(default)]
    heads: Vec<HeadEntry>,
    #[serde(default)]
    municipal_heads: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    role_prefixes: Vec<String>,
    #[serde(default)]
    honorifics: Vec<String>,
    #[serde(default)]
    self_references: Vec<String>,
    #[serde(default)]
    generic_orgs: Vec<String>,
    #[serde(default)]
    agreements: Vec<String>,
    #[serde(default)]
    agreement_verbs: Vec<String>,
    #[serde(default)]
    timeline_categories: Vec<String>,
    #[serde(default)]
    countries: Vec<CountryEntry>,
    #[serde(default)]
    count_units: Vec<CountUnitEntry>,
    #[serde(default)]
    count_scopes: Vec<String>,
}

/// Roles, legal forms, institutional heads, agreements and the other word lists the
/// rules use. [`Vocabulary::default`] is the built-in set; a TOML file with any of the
/// same keys adds to it:
///
/// ```toml
/// roles = ["最高技術責任者", "チーフサイエンティスト"]
/// heads = [{ head = "研究院", kind = "research_institute" }]
/// legal_forms = [{ name = "技術研究組合", kind = "association" }]
/// count_units = [{ unit = "ブース" }, { unit = "節", bare = false, dai = true }]
/// ```
///
/// ```
/// let mut vocab = ja_press::Vocabulary::default();
/// vocab.extend_from_toml("roles = [\"最高技術責任者\"]", std::path::Path::new("my.toml"))?;
/// let err = vocab.extend_from_toml("rolez = []", std::path::Path::new("bad.toml")).unwrap_err();
/// assert!(err.to_string().starts_with("bad.toml:1: "));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub(crate) legal_forms: Vec<LegalFormEntry>,
    pub(crate) latin_legal_forms: Vec<String>,
    pub(crate) heads: Vec<HeadEntry>,
    pub(crate) municipal_heads: Vec<String>,
    pub(crate) roles: Vec<String>,
    pub(crate) role_prefixes: Vec<String>,
    pub(crate) honorifics: Vec<String>,
    pub(crate) self_references: Vec<String>,
    pub(crate) generic_orgs: Vec<String>,
    pub(crate) agreements: Vec<String>,
    pub(crate) agreement_verbs: Vec<String>,
    pub(crate) timeline_categories: Vec<String>,
    pub(crate) countries: Vec<CountryEntry>,
    /// Counters of counts and ordinals, longest first.
    pub(crate) count_units: Vec<CountUnitEntry>,
    /// Scopes written before a count (国内外, 海外), longest first.
    pub(crate) count_scopes: Vec<String>,
    /// All roles as one pattern, built on first use.
    role_regex: std::sync::OnceLock<regex::Regex>,
    /// The roles by their first and by their last char, built on first use.
    role_index: std::sync::OnceLock<RoleIndex>,
    /// Automata over the lists the rules search whole texts for, built on first use.
    finders: std::sync::OnceLock<Finders>,
}

/// Lists searched for in one pass each (see [`Words`]).
#[derive(Debug, Clone)]
pub(crate) struct Finders {
    /// `self_references`, in list order.
    pub self_references: Words,
    /// `agreements`, in list order.
    pub agreements: Words,
    /// `generic_orgs` and `self_references`, for exact look-ups.
    generic_set: rustc_hash::FxHashSet<String>,
    self_reference_set: rustc_hash::FxHashSet<String>,
    /// The legal forms' abbreviations written in parentheses ((株), (一社)), as
    /// `(index into legal_forms, abbreviation)` in list order, and their automaton.
    pub paren_forms: (Vec<(usize, String)>, Words),
    /// Every spelling of every legal form but the parenthesized ones (株式会社, (株) aside),
    /// as `(index into legal_forms, spelling)` in list order, and their index.
    pub form_spellings: (Vec<(usize, String)>, Affixes),
    /// The institutional heads (`heads`), by first and last character.
    heads: Affixes,
    /// The legal forms' names (`legal_forms`), by first and last character.
    form_names: Affixes,
}

/// Indices into `roles` (in list order, so still longest first) by first and last char:
/// looking a role up at a position then compares a handful of roles, not all of them.
#[derive(Debug, Clone, Default)]
struct RoleIndex {
    by_first: rustc_hash::FxHashMap<char, Vec<usize>>,
    by_last: rustc_hash::FxHashMap<char, Vec<usize>>,
}

impl Default for Vocabulary {
    fn default() -> Self {
        let mut v = Vocabulary {
            legal_forms: Vec::new(),
            latin_legal_forms: Vec::new(),
            heads: Vec::new(),
            municipal_heads: Vec::new(),
            roles: Vec::new(),
            role_prefixes: Vec::new(),
            honorifics: Vec::new(),
            self_references: Vec::new(),
            generic_orgs: Vec::new(),
            agreements: Vec::new(),
            agreement_verbs: Vec::new(),
            timeline_categories: Vec::new(),
            countries: Vec::new(),
            count_units: Vec::new(),
            count_scopes: Vec::new(),
            role_regex: std::sync::OnceLock::new(),
            role_index: std::sync::OnceLock::new(),
            finders: std::sync::OnceLock::new(),
        };
        // The built-in file is tested (tests below); an error here would be a build bug.
        if let Err(e) = v.extend_from_toml(BUILT_IN, Path::new("vocab.toml")) {
            debug_assert!(false, "built-in vocabulary: {e}");
        }
        v
    }
}

impl Vocabulary {
    /// Adds the lists of a TOML text to these. Errors name `path` and the line.
    ///
    /// ```
    /// let mut vocab = ja_press::Vocabulary::default();
    /// vocab.extend_from_toml("agreements = [\"共同開発契約\"]", std::path::Path::new("v.toml"))?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn extend_from_toml(&mut self, text: &str, path: &Path) -> Result<()> {
        let file: VocabFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            Error::UserFile {
                path: path.to_path_buf(),
                line,
                reason: e.message().to_string(),
            }
        })?;
        self.legal_forms.extend(file.legal_forms);
        self.latin_legal_forms.extend(file.latin_legal_forms);
        self.heads.extend(file.heads);
        self.municipal_heads.extend(file.municipal_heads);
        self.roles.extend(file.roles);
        self.role_prefixes.extend(file.role_prefixes);
        self.honorifics.extend(file.honorifics);
        self.self_references.extend(file.self_references);
        self.generic_orgs.extend(file.generic_orgs);
        self.agreements.extend(file.agreements);
        self.agreement_verbs.extend(file.agreement_verbs);
        self.timeline_categories.extend(file.timeline_categories);
        self.countries.extend(file.countries);
        self.count_units.extend(file.count_units);
        self.count_scopes.extend(file.count_scopes);
        self.role_regex = std::sync::OnceLock::new();
        self.role_index = std::sync::OnceLock::new();
        self.finders = std::sync::OnceLock::new();
        // Longest first everywhere: the rules take the first (longest) match.
        self.legal_forms
            .sort_by_key(|f| std::cmp::Reverse(f.name.chars().count()));
        self.heads
            .sort_by_key(|h| std::cmp::Reverse(h.head.chars().count()));
        // A counter given again (in a user file) replaces the earlier entry.
        let mut seen = std::collections::HashSet::new();
        self.count_units.reverse();
        self.count_units.retain(|u| seen.insert(u.unit.clone()));
        self.count_units
            .sort_by_key(|u| std::cmp::Reverse(u.unit.chars().count()));
        for list in [
            &mut self.latin_legal_forms,
            &mut self.roles,
            &mut self.role_prefixes,
            &mut self.self_references,
            &mut self.agreements,
            &mut self.honorifics,
            &mut self.count_scopes,
        ] {
            list.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
            list.dedup();
        }
        Ok(())
    }

    /// A pattern that finds any role of the vocabulary (longest first).
    pub(crate) fn role_regex(&self) -> &regex::Regex {
        self.role_regex.get_or_init(|| {
            let alternation: Vec<String> = self.roles.iter().map(|r| regex::escape(r)).collect();
            regex::Regex::new(&alternation.join("|"))
                .unwrap_or_else(|_| regex::Regex::new("$^").unwrap_or_else(|e| panic!("{e}")))
        })
    }

    fn role_index(&self) -> &RoleIndex {
        self.role_index.get_or_init(|| {
            let mut index = RoleIndex::default();
            for (i, role) in self.roles.iter().enumerate() {
                let (Some(first), Some(last)) = (role.chars().next(), role.chars().next_back())
                else {
                    continue;
                };
                index.by_first.entry(first).or_default().push(i);
                index.by_last.entry(last).or_default().push(i);
            }
            index
        })
    }

    /// The automata over the lists the rules search whole texts for.
    pub(crate) fn finders(&self) -> &Finders {
        self.finders.get_or_init(|| {
            let paren: Vec<(usize, String)> = self
                .legal_forms
                .iter()
                .enumerate()
                .flat_map(|(i, f)| {
                    f.abbreviations
                        .iter()
                        .filter(|a| a.starts_with('('))
                        .map(move |a| (i, a.clone()))
                })
                .collect();
            let paren_words = Words::new(paren.iter().map(|(_, a)| a.as_str()));
            let spellings: Vec<(usize, String)> = self
                .legal_forms
                .iter()
                .enumerate()
                .flat_map(|(i, f)| {
                    std::iter::once(&f.name)
                        .chain(f.abbreviations.iter().filter(|a| !a.starts_with('(')))
                        .map(move |a| (i, a.clone()))
                })
                .collect();
            let spelling_index = Affixes::new(spellings.iter().map(|(_, a)| a.as_str()));
            Finders {
                form_spellings: (spellings, spelling_index),
                heads: Affixes::new(self.heads.iter().map(|h| h.head.as_str())),
                form_names: Affixes::new(self.legal_forms.iter().map(|f| f.name.as_str())),
                self_references: Words::new(&self.self_references),
                agreements: Words::new(&self.agreements),
                generic_set: self.generic_orgs.iter().cloned().collect(),
                self_reference_set: self.self_references.iter().cloned().collect(),
                paren_forms: (paren, paren_words),
            }
        })
    }

    /// The legal forms whose name `s` starts with, longest first.
    pub(crate) fn forms_starting<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = &'a LegalFormEntry> + 'a {
        let index = self.finders().form_names.starting(s);
        index
            .iter()
            .filter_map(|&i| self.legal_forms.get(i))
            .filter(move |f| s.starts_with(f.name.as_str()))
    }

    /// The legal forms whose name `s` ends with, longest first.
    pub(crate) fn forms_ending<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = &'a LegalFormEntry> + 'a {
        let index = self.finders().form_names.ending(s);
        index
            .iter()
            .filter_map(|&i| self.legal_forms.get(i))
            .filter(move |f| s.ends_with(f.name.as_str()))
    }

    /// Whether a legal form's name starts or ends `s`.
    pub(crate) fn has_form_at_either_end(&self, s: &str) -> bool {
        self.forms_starting(s).next().is_some() || self.forms_ending(s).next().is_some()
    }

    /// The institutional heads that `s` ends with, longest first.
    pub(crate) fn heads_ending<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = &'a HeadEntry> + 'a {
        let index = self.finders().heads.ending(s);
        index
            .iter()
            .filter_map(|&i| self.heads.get(i))
            .filter(move |h| s.ends_with(h.head.as_str()))
    }

    /// Whether `s` is one of the generic phrases for organizations (企業, 研究機関…).
    pub(crate) fn is_generic_org(&self, s: &str) -> bool {
        self.finders().generic_set.contains(s)
    }

    /// Whether `s` is a self-reference (当社, 本学…).
    pub(crate) fn is_self_reference(&self, s: &str) -> bool {
        self.finders().self_reference_set.contains(s)
    }

    /// The first (longest) role that `s` ends with.
    pub(crate) fn role_at_end_of(&self, s: &str) -> Option<&str> {
        let last = s.chars().next_back()?;
        let candidates = self.role_index().by_last.get(&last)?;
        candidates
            .iter()
            .map(|&i| self.roles[i].as_str())
            .find(|r| s.ends_with(r))
    }

    /// Whether some role ends with the character `c` (every role, spaced or chained,
    /// ends with a role of the list, so a string whose last character ends none is none).
    pub(crate) fn may_end_role(&self, c: char) -> bool {
        self.role_index().by_last.contains_key(&c)
    }

    /// The first (longest) role that `s` starts with.
    pub(crate) fn role_at_start_of(&self, s: &str) -> Option<&str> {
        let first = s.chars().next()?;
        let candidates = self.role_index().by_first.get(&first)?;
        candidates
            .iter()
            .map(|&i| self.roles[i].as_str())
            .find(|r| s.starts_with(r))
    }

    /// The country a history table's marker (米, 英…) stands for.
    pub(crate) fn country_of_marker(&self, marker: &str) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.marker == marker)
            .map(|c| c.country.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_vocabulary_parses() {
        let mut v = Vocabulary {
            ..Vocabulary::default()
        };
        assert!(!v.roles.iter().any(|r| r == "理事兼事務局長"));
        assert!(v.roles.iter().any(|r| r == "代表取締役社長"));
        assert!(v.legal_forms.iter().any(|f| f.name == "国立研究開発法人"));
        assert!(toml::from_str::<VocabFile>(BUILT_IN).is_ok());
        v.extend_from_toml("roles = [\"最高技術責任者\"]", Path::new("x"))
            .unwrap();
    }

    #[test]
    fn errors_name_the_line() {
        let mut v = Vocabulary::default();
        let err = v.extend_from_toml(
            "roles = [\"a\"]\nheads = [{ head = \"x\", kind = \"nope\" }]\n",
            Path::new("v.toml"),
        );
        let msg = err.unwrap_err().to_string();
        assert!(msg.starts_with("v.toml:2: "), "{msg}");
    }
}
