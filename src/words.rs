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
        // (a contiguous NFA: quick to build, as some lists are built per document)
        let automaton = AhoCorasick::builder().kind(Some(AhoCorasickKind::ContiguousNFA)).build(&words).ok().filter(|_| len > 0);
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

#[cfg(test)]
mod tests {
    use super::*;

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
