//! An article saved or copied as a web page, reduced to its text: the headline, the byline and
//! the paragraphs, one to a line, without the page's scripts, styles, menus, headers, footers,
//! forms and side columns.

use std::borrow::Cow;

/// What a page shows around an article and never reports an event: left out of its text.
const HIDDEN: &str = "nav, header, footer, aside, form, menu, button, select, iframe, noscript, svg \
    { display: none }";

/// The widest line the text is laid out at: wider than any paragraph, so none is broken.
const WIDTH: usize = 1_000_000;

/// Whether `text` is a web page's markup rather than the article's words.
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with('<')
            && ["<body", "<head", "<p>", "<p ", "<div", "<article"].iter().any(|t| start.contains(t)))
}

/// The text of an article: a web page's reduced to its words, other text as it is.
pub fn article_text(text: &str) -> Cow<'_, str> {
    if looks_like_html(text) { Cow::Owned(text_of_html(text)) } else { Cow::Borrowed(text) }
}

/// The deepest nesting laid out as blocks: the layout takes time that grows with the square of
/// the depth (a second past 20,000), and no article's page comes near it.
const MOST_DEPTH: usize = 2_000;

/// The elements that have no end tag, or whose end the parser supplies; not counted as nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "p", "li", "td", "th", "tr", "option", "dt", "dd",
];

/// A web page's words, a paragraph to a line, with blank lines between blocks.
pub fn text_of_html(html: &str) -> String {
    if nesting_depth(html) > MOST_DEPTH {
        return text_between_tags(html);
    }
    let config = html2text::config::with_decorator(html2text::render::TrivialDecorator::new())
        .no_link_wrapping()
        .link_footnotes(false);
    // The rules are the crate's own CSS; were they refused, the page is read with its menus.
    let config = match config.add_css(HIDDEN) {
        Ok(config) => config,
        Err(_) => html2text::config::with_decorator(html2text::render::TrivialDecorator::new()),
    };
    let text = config.string_from_read(html.as_bytes(), WIDTH).unwrap_or_default();
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

/// How deep the page's elements nest, by its tags as written (a linear scan).
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in tags(html) {
        match tag {
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Open(name) if !NOT_NESTING.contains(&name.as_str()) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Tag::Open(_) | Tag::Other => {}
        }
    }
    deepest
}

/// The words of a page too deeply nested to lay out: what stands between its tags, scripts and
/// styles left out, a line for each tag.
fn text_between_tags(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find('>').map_or(after.len(), |e| e + 1);
        let name = tag_name(&after[1..end.max(1)]);
        rest = &after[end..];
        if matches!(name.as_str(), "script" | "style") {
            rest = end_of(rest, &name);
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    text.push_str(rest);
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

/// A tag as written.
enum Tag {
    Open(String),
    Close,
    Other,
}

/// The page's tags in order, the insides of scripts and styles skipped.
fn tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    let mut rest = html;
    std::iter::from_fn(move || {
        let at = rest.find('<')?;
        let after = &rest[at + 1..];
        let (inside, next) = after.split_once('>').unwrap_or((after, ""));
        rest = next;
        let tag = if inside.starts_with('/') {
            Tag::Close
        } else if inside.starts_with(['!', '?']) || inside.ends_with('/') {
            Tag::Other
        } else {
            let name = tag_name(inside);
            if matches!(name.as_str(), "script" | "style") {
                rest = end_of(rest, &name);
            }
            Tag::Open(name)
        };
        Some(tag)
    })
}

/// The text from the end tag of `name` (`</script`, in any case) on; nothing when it has none.
fn end_of<'a>(rest: &'a str, name: &str) -> &'a str {
    let closes =
        |at: &usize| rest.get(at + 2..at + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name));
    rest.match_indices("</").map(|(at, _)| at).find(closes).map_or("", |at| &rest[at..])
}

/// The lowercase name a tag starts with ("div" of "div class=…").
fn tag_name(inside: &str) -> String {
    inside
        .trim_start_matches('/')
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Rally</title>
<script>document.write("<p>About 9000 were repatriated on Monday.</p>")</script>
<style>p { color: red }</style></head>
<body><nav><ul><li>Home</li><li>About 50 rallied on Monday</li></ul></nav>
<header>The Daily</header>
<article><h1>About 80 rallied at the Chinese Embassy</h1>
<p>SEOUL, Nov. 3 (Yonhap) -- About 80 people rallied on Tuesday in front of the <a href="/x">Chinese
Embassy</a> in Seoul.</p><p>둘째 문단 &amp; 한국어.</p></article>
<aside>Most read: 300 sent back</aside><footer>© The Daily</footer></body></html>"#;

    #[test]
    fn a_page_gives_its_headline_and_paragraphs_without_scripts_or_menus() {
        assert!(looks_like_html(PAGE));
        let text = article_text(PAGE);
        assert!(text.starts_with("About 80 rallied at the Chinese Embassy\n"), "{text}");
        assert!(
            text.contains("About 80 people rallied on Tuesday in front of the Chinese Embassy in Seoul."),
            "{text}"
        );
        assert!(text.contains("둘째 문단 & 한국어."));
        for hidden in ["9000", "color", "Home", "About 50", "The Daily", "Most read"] {
            assert!(!text.contains(hidden), "{hidden} is not the article's: {text}");
        }
    }

    #[test]
    fn plain_text_is_left_as_it_is_and_broken_markup_never_fails() {
        let plain = "Nearly 100 were sent back <at least 95>.";
        assert!(matches!(article_text(plain), Cow::Borrowed(_)));
        assert_eq!(article_text("<p>unclosed <b>bold"), "unclosed bold");
        assert_eq!(article_text("<html><body></body></html>"), "");
        let deep = "<div>".repeat(50_000) + "About 80 rallied on Tuesday.<script>var a = '<div>';</script>";
        assert!(nesting_depth(&deep) > MOST_DEPTH);
        assert_eq!(text_of_html(&deep), "About 80 rallied on Tuesday.");
        assert_eq!(nesting_depth("<div><p>a<p>b<br><img src=x></div><div/>"), 1);
        assert_eq!(article_text("<p>한변 <한변"), "한변 <한변", "not a tag: no panic on the Korean after it");
    }
}
