//! Search text processing, the same for indexing and for queries on every database:
//! lower case, umlauts and ß folded (`Führerschein`, `Fuehrerschein` → `fuehrerschein`),
//! words split on anything that is not a letter or digit, and a light German stemmer so
//! that `Anmeldung`, `anmelden` and `Anmeldungen` meet.

/// Folds case and German special letters; everything but letters and digits becomes a space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'à' | 'á' | 'â' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ç' => out.push('c'),
            'î' | 'ï' => out.push('i'),
            'ô' => out.push('o'),
            'ù' | 'û' => out.push('u'),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

/// German suffixes, longest first. Stripped once, keeping at least four letters.
const SUFFIXES: [&str; 12] = [
    "ungen", "ung", "heiten", "heit", "keit", "ern", "en", "er", "es", "em", "e", "n",
];

/// A light stemmer: strong enough to join inflected forms, too weak to join unrelated words.
pub fn stem(word: &str) -> String {
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 4
        {
            return stem.to_owned();
        }
    }
    word.to_owned()
}

/// Very common words that carry no meaning for a search.
const STOP_WORDS: [&str; 24] = [
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "fuer", "mit",
    "von", "zu", "zum", "zur", "im", "in", "am", "an", "auf", "ich", "wie",
];

/// The stemmed search terms of a text, in order, without stop words.
pub fn terms(text: &str) -> Vec<String> {
    normalize(text)
        .split_whitespace()
        .filter(|w| !STOP_WORDS.contains(w))
        .map(stem)
        .collect()
}

/// Optimal string alignment distance (Levenshtein with adjacent transpositions), on
/// characters. Stops early and returns `limit + 1` once the distance exceeds `limit`.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous2: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(previous2[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut previous2, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// How many typos a term of this length may contain and still be recognized.
pub fn typo_allowance(term: &str) -> usize {
    match term.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_and_sharp_s_are_folded_both_ways() {
        assert_eq!(normalize("Führerschein"), normalize("Fuehrerschein"));
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("Kfz-Zulassung (Neu)"), "kfz zulassung  neu ");
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        assert_eq!(stem("anmeldung"), stem("anmelden"));
        assert_eq!(stem("anmeldungen"), stem("anmeldung"));
        assert_eq!(stem("hunde"), stem("hund"));
        assert_eq!(stem("ausweises"), stem("ausweis"));
        // Short words stay whole.
        assert_eq!(stem("kfz"), "kfz");
        assert_eq!(stem("pass"), "pass");
    }

    #[test]
    fn terms_drop_stop_words() {
        assert_eq!(
            terms("Ich will ein Auto anmelden"),
            vec!["will", "auto", "anmeld"]
        );
    }

    #[test]
    fn typos_are_measured_with_transpositions() {
        assert_eq!(edit_distance("personalausweis", "persnalausweis", 2), 1);
        assert_eq!(edit_distance("hundesteuer", "hundesteur", 2), 1);
        assert_eq!(edit_distance("ausweis", "auswies", 2), 1);
        assert_eq!(edit_distance("kita", "kita", 2), 0);
        assert_eq!(edit_distance("wohngeld", "elterngeld", 2), 3);
    }

    #[test]
    fn short_terms_must_be_exact() {
        assert_eq!(typo_allowance("kfz"), 0);
        assert_eq!(typo_allowance("hund"), 1);
        assert_eq!(typo_allowance("hundesteuer"), 2);
    }
}
