//! Finding many words in a text in one pass (an Aho-Corasick automaton), for the rules
//! that would otherwise search the text once per word of a list.

use aho_corasick::AhoCorasick;

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
        Words {
            automaton: AhoCorasick::new(&words).ok().filter(|_| len > 0),
            len,
        }
    }

    /// Whether any of the words occurs in `hay`.
    pub fn any_in(&self, hay: &str) -> bool {
        self.automaton.as_ref().is_some_and(|a| a.is_match(hay))
    }

    /// Every occurrence of every word as `(word index, byte offset)`, sorted word by word
    /// (in list order) and then by offset, each word's occurrences not overlapping each
    /// other: for every word, what `hay.match_indices(word)` gives.
    pub fn occurrences(&self, hay: &str) -> Vec<(usize, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut hits: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(hay)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        hits.sort_unstable();
        let mut out = Vec::with_capacity(hits.len());
        let mut last_end: Vec<usize> = vec![0; self.len];
        let mut seen: Vec<bool> = vec![false; self.len];
        for (word, start, end) in hits {
            if seen[word] && start < last_end[word] {
                continue;
            }
            seen[word] = true;
            last_end[word] = end;
            out.push((word, start));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_match_indices_per_word() {
        let words = ["(株)", "株", "ああ", "あ"];
        let hay = "(株)アカネと株式会社ああああ";
        let finder = Words::new(words);
        let mut expected = Vec::new();
        for (i, w) in words.iter().enumerate() {
            expected.extend(hay.match_indices(w).map(|(at, _)| (i, at)));
        }
        assert_eq!(finder.occurrences(hay), expected);
        assert!(finder.any_in("株価"));
        assert!(!Words::new(Vec::<String>::new()).any_in("株"));
    }
}
