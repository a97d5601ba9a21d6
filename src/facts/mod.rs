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
