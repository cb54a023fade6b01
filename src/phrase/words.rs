//! Shared pieces of the phrase parsers: splitting words and reading numbers written out.

/// Lowercases the phrase and splits it into words, keeping digits with their thousands
/// separators together ("2,000") and treating other punctuation as space.
pub fn tokens(phrase: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(phrase.len());
    let chars: Vec<char> = phrase.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let between_digits = index > 0
            && chars[index - 1].is_ascii_digit()
            && chars.get(index + 1).is_some_and(char::is_ascii_digit);
        match c {
            ',' if between_digits => {}
            // A decimal point stays inside its number ("1.2 million").
            '.' if between_digits => cleaned.push('.'),
            '–' | '—' | '~' | '-' | '/' => {
                cleaned.push(' ');
                cleaned.push(if c == '~' && !between_digits { '~' } else { '-' });
                cleaned.push(' ');
            }
            '+' => cleaned.push_str(" + "),
            c if c.is_alphanumeric() || c == '\'' => cleaned.extend(c.to_lowercase()),
            _ => cleaned.push(' '),
        }
    }
    cleaned.split_whitespace().map(str::to_owned).collect()
}

/// Whether `word` is a number written out ("seven", "twenty", "dozen"), in lowercase.
pub fn is_number_word(word: &str) -> bool {
    word_value(word).is_some()
}

/// The value of a number word ("seven", "twenty", "dozen").
fn word_value(word: &str) -> Option<u32> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(value) = SMALL.iter().position(|&w| w == word) {
        return u32::try_from(value).ok();
    }
    if let Some(index) = TENS.iter().position(|&w| w == word) {
        return u32::try_from(index * 10 + 20).ok();
    }
    match word {
        "a" | "an" => Some(1),
        "dozen" => Some(12),
        _ => None,
    }
}

/// Reads a number at the start of `words`: digits ("2,000", "95") or words ("seven",
/// "two dozen", "a dozen", "three hundred"). Returns the value and how many words it used.
pub fn number(words: &[String]) -> Option<(u32, usize)> {
    let first = words.first()?;
    if first.contains('.') {
        return decimal_number(words);
    }
    let (mut value, mut used) = if let Ok(digits) = first.replace(',', "").parse::<u32>() {
        (digits, 1)
    } else {
        let mut value = word_value(first)?;
        let mut used = 1;
        // "twenty five", "twenty-five" (the dash is its own word after splitting).
        if value >= 20 && value % 10 == 0 {
            let rest = words.get(1).filter(|w| *w == "-").map_or(1, |_| 2);
            if let Some(unit) = words.get(rest).and_then(|w| word_value(w)).filter(|u| (1..10).contains(u)) {
                value += unit;
                used = rest + 1;
            }
        }
        (value, used)
    };
    // "two dozen", "three hundred", "2 thousand".
    while let Some(multiplier) = words.get(used).and_then(|w| multiplier(w)) {
        value = value.checked_mul(multiplier)?;
        used += 1;
    }
    if value == 1 && used == 1 && matches!(first.as_str(), "a" | "an") {
        return None;
    }
    Some((value, used))
}

/// "1.2 million", "2.5 thousand": a decimal is a number only when its multiplier makes it whole.
fn decimal_number(words: &[String]) -> Option<(u32, usize)> {
    let (whole, fraction) = words.first()?.split_once('.')?;
    let multiplier = multiplier(words.get(1)?)?;
    let scale = 10_u32.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let digits: u32 = format!("{whole}{fraction}").parse().ok()?;
    let scaled = u64::from(digits) * u64::from(multiplier);
    (scaled % u64::from(scale) == 0).then_some(())?;
    Some((u32::try_from(scaled / u64::from(scale)).ok()?, 2))
}

fn multiplier(word: &str) -> Option<u32> {
    match word {
        "dozen" => Some(12),
        "hundred" => Some(100),
        "thousand" => Some(1000),
        "million" => Some(1_000_000),
        _ => None,
    }
}

/// Whether the phrase has Hangul in it, and so is read as Korean.
pub fn has_hangul(phrase: &str) -> bool {
    phrase
        .chars()
        .any(|c| matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}'))
}

/// Whether `words` starts with the words of `prefix` ("at least").
pub fn starts_with(words: &[String], prefix: &str) -> Option<usize> {
    // Word by word, without collecting the prefix's words: the date parser asks this for every
    // word of every phrase it tries.
    let mut used = 0;
    for (index, wanted) in prefix.split(' ').enumerate() {
        if words.get(index).is_none_or(|word| word != wanted) {
            return None;
        }
        used += 1;
    }
    Some(used)
}

/// A year written with four digits ("2023").
pub fn year(word: &str) -> Option<i16> {
    (word.len() == 4).then(|| word.parse::<i16>().ok()).flatten().filter(|y| (1000..=9999).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(phrase: &str) -> Option<(u32, usize)> {
        number(&tokens(phrase))
    }

    #[test]
    fn digits_keep_their_thousands_separators() {
        assert_eq!(tokens("over 2,000 people"), ["over", "2000", "people"]);
        assert_eq!(read("2,000"), Some((2000, 1)));
    }

    #[test]
    fn words_are_read_as_numbers() {
        assert_eq!(read("seven"), Some((7, 1)));
        assert_eq!(read("two dozen"), Some((24, 2)));
        assert_eq!(read("a dozen"), Some((12, 2)));
        assert_eq!(read("twenty-five"), Some((25, 3)));
        assert_eq!(read("three hundred"), Some((300, 2)));
        assert_eq!(read("a"), None);
        assert_eq!(read("defectors"), None);
    }

    #[test]
    fn decimals_are_numbers_only_with_a_multiplier_that_makes_them_whole() {
        assert_eq!(tokens("1.2 million"), ["1.2", "million"]);
        assert_eq!(read("1.2 million"), Some((1_200_000, 2)));
        assert_eq!(read("2.5 thousand"), Some((2500, 2)));
        assert_eq!(read("1.5"), None);
        assert_eq!(read("1.0005 thousand"), None);
        assert_eq!(tokens("Nov. 20"), ["nov", "20"]);
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        assert_eq!(read("5000000000"), None);
        assert_eq!(read("5000 million"), None);
    }
}
