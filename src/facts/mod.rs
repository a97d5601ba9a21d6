//! One module per kind of fact. Each has `rules.rs` (its patterns and the functions
//! that build values) beside `corpus.rs` (input → expected value examples, and strings
//! that must yield nothing), which doubles as its tests.

pub(crate) mod counts;
pub(crate) mod numerals;
pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod organizations;
pub(crate) mod partnerships;
pub(crate) mod people;
pub(crate) mod release;

/// The organization named as the release's first publisher (equal but for whitespace,
/// by name or alias), if the organizations found include it.
pub(crate) fn publisher_org(out: &crate::model::Extraction) -> Option<usize> {
    let publisher = out.release.publishers.first()?;
    // compared without building strings: people look this up per person
    let key: Vec<char> = publisher.text.chars().filter(|c| !c.is_whitespace()).collect();
    let same = |s: &str| s.chars().filter(|c| !c.is_whitespace()).eq(key.iter().copied());
    out.organizations.iter().position(|o| same(&o.name) || o.aliases.iter().any(|a| same(a)))
}
