//! Phrase parsers: turn what a source wrote ("at least 95", "end of November 2023") into
//! estimates and dates, keeping the words.
//!
//! What cannot be understood is kept as words with an unknown value, never guessed.

mod count;
mod date;
mod korean_count;
mod korean_date;
mod spans;
mod words;

pub use count::parse_count;
pub use date::parse_date;
pub use words::is_number_word;

#[cfg(test)]
mod korean_seed_tests {
    //! The Hanbyun statement (Korea `JoongAng` Daily, 16 January 2024), as Korean reports put it.

    use jiff::civil::date;

    use super::{parse_count, parse_date};
    use crate::model::{CountQualifier, DatePrecision};

    /// "중국이 지난해 11~12월 네 차례에 걸쳐 탈북민 최소 95명을 북송했다": the same figures as the
    /// English sentence, "at least 95 … between November and December last year".
    #[test]
    fn the_hanbyun_statement_in_korean_means_what_the_english_does() {
        let published = Some(date(2024, 1, 16));
        let korean = parse_count("최소 95명");
        let english = parse_count("at least 95");
        assert_eq!(
            (korean.qualifier, korean.low, korean.best),
            (english.qualifier, english.low, english.best)
        );

        let korean = parse_date("지난해 11~12월", published);
        let english = parse_date("between November and December last year", published);
        assert_eq!((korean.earliest, korean.latest), (Some(date(2023, 11, 1)), Some(date(2023, 12, 31))));
        assert_eq!((korean.earliest, korean.latest), (english.earliest, english.latest));
    }

    /// "2023년 11월 20일 단둥에서 신의주로 30명가량이 송환됐고, 12월 말 20명 정도가 같은 지역으로,
    /// 12월 26일 35명 안팎이 함경북도 온성군으로 송환됐다."
    #[test]
    fn the_legs_in_korean() {
        let published = Some(date(2024, 1, 16));
        let on_the_20th = parse_date("2023년 11월 20일", published);
        assert_eq!(
            (on_the_20th.earliest, on_the_20th.precision),
            (Some(date(2023, 11, 20)), DatePrecision::Day)
        );
        let end_of_december = parse_date("12월 말", published);
        assert_eq!(
            (end_of_december.earliest, end_of_december.latest),
            (Some(date(2023, 12, 21)), Some(date(2023, 12, 31)))
        );
        assert_eq!(parse_date("12월 26일", published).earliest, Some(date(2023, 12, 26)));
        for (phrase, best) in [("30명가량", 30), ("20명 정도", 20), ("35명 안팎", 35)] {
            let count = parse_count(phrase);
            assert_eq!((count.qualifier, count.best), (CountQualifier::About, Some(best)), "{phrase}");
        }
    }
}
