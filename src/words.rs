//! Finding many words in a text in one pass (an Aho-Corasick automaton), for the rules
//! that would otherwise search the text once per word of a list.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// A list of words, searched for all at once.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    automaton: Option<AhoCorasick>,
    len: usize,
}

impl Words {
    /// An automaton over `words` (an empty or unbuildable list finds nothing).
    pub fn new<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        let words: Vec<S> = words.into_iter().collect();
        let len = words.len();
        // (an NFA: quick to build, as some lists are built per document)
        let automaton = AhoCorasick::builder().kind(Some(AhoCorasickKind::NoncontiguousNFA)).build(&words).ok().filter(|_| len > 0);
        Words { automaton, len }
    }

    /// Every occurrence of every word, word by word in list order: for each word, the
    /// offsets `hay.match_indices(word)` gives (in text order, not overlapping each other).
    pub fn occurrences(&self, hay: &str) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.len];
        let Some(automaton) = &self.automaton else { return out };
        let mut hits: Vec<(usize, usize, usize)> =
            automaton.find_overlapping_iter(hay).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
        hits.sort_unstable();
        let mut last_end = 0;
        for (word, start, end) in hits {
            let Some(found) = out.get_mut(word) else { continue };
            if found.is_empty() || start >= last_end {
                found.push(start);
                last_end = end;
            }
        }
        out
    }
}

/// A list of words indexed by their first and their last character: the words a string
/// may start or end with, in list order, without comparing it with all of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Affixes {
    by_first: std::collections::HashMap<char, Vec<usize>>,
    by_last: std::collections::HashMap<char, Vec<usize>>,
}

impl Affixes {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = Affixes::default();
        for (i, word) in words.into_iter().enumerate() {
            let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else { continue };
            index.by_first.entry(first).or_default().push(i);
            index.by_last.entry(last).or_default().push(i);
        }
        index
    }

    /// The indices, in list order, of the words that may start `s` (same first character).
    pub fn starting(&self, s: &str) -> &[usize] {
        s.chars().next().and_then(|c| self.by_first.get(&c)).map_or(&[], Vec::as_slice)
    }

    /// The indices, in list order, of the words that may end `s` (same last character).
    pub fn ending(&self, s: &str) -> &[usize] {
        s.chars().next_back().and_then(|c| self.by_last.get(&c)).map_or(&[], Vec::as_slice)
    }

    /// The indices, in list order, of the words that may start or end `s`.
    pub fn starting_or_ending(&self, s: &str) -> Vec<usize> {
        let (a, b) = (self.starting(s), self.ending(s));
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = match (a.get(i), b.get(j)) {
                (Some(&x), Some(&y)) if x == y => {
                    i += 1;
                    j += 1;
                    x
                }
                (Some(&x), Some(&y)) if x < y => {
                    i += 1;
                    x
                }
                (Some(&x), None) => {
                    i += 1;
                    x
                }
                (_, Some(&y)) => {
                    j += 1;
                    y
                }
                (None, None) => break,
            };
            out.push(next);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_are_the_words_a_string_may_start_or_end_with() {
        let words = ["株式会社", "社", "会社", "株", "財団"];
        let index = Affixes::new(words);
        assert_eq!(index.starting("株式会社アカネ"), &[0, 3]);
        assert_eq!(index.ending("アカネ会社"), &[0, 1, 2]);
        assert_eq!(index.starting_or_ending("株式会社アカネ社"), vec![0, 1, 2, 3]);
        assert!(index.starting("").is_empty());
    }

    #[test]
    fn occurrences_are_match_indices_per_word() {
        let words = ["(株)", "株", "ああ", "あ"];
        let hay = "(株)アカネと株式会社ああああ";
        let finder = Words::new(words);
        let expected: Vec<Vec<usize>> = words.iter().map(|w| hay.match_indices(w).map(|(at, _)| at).collect()).collect();
        assert_eq!(finder.occurrences(hay), expected);
        assert_eq!(Words::new(Vec::<String>::new()).occurrences("株"), Vec::<Vec<usize>>::new());
    }
}
