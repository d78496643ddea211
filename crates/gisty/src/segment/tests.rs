use super::*;

/// The sentences of `text` as strings, with `#` before headings.
fn sents(text: &str) -> Vec<String> {
    split(text, Language::English)
        .iter()
        .map(|s| {
            let t = s.span.slice(text);
            match s.kind {
                SentenceKind::Text => t.to_string(),
                SentenceKind::Heading => format!("# {t}"),
            }
        })
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<String> = vec![$($want.to_string()),*];
            assert_eq!(sents($text), want, "text: {:?}", $text);
        }
    };
}

t!(
    simple,
    "Hello World. My name is Jonas.",
    ["Hello World.", "My name is Jonas."]
);
t!(
    title_mr,
    "Mr. Smith went home. He slept.",
    ["Mr. Smith went home.", "He slept."]
);
t!(
    initials,
    "J. R. R. Tolkien wrote books. They sold.",
    ["J. R. R. Tolkien wrote books.", "They sold."]
);
t!(
    us_senate,
    "The U.S. Senate voted. It passed.",
    ["The U.S. Senate voted.", "It passed."]
);
t!(
    eg,
    "Tools, e.g. a hammer, help. Yes.",
    ["Tools, e.g. a hammer, help.", "Yes."]
);
t!(
    quote_question,
    "“Why?” she asked. Nobody knew.",
    ["“Why?” she asked.", "Nobody knew."]
);
t!(
    hard_wrap,
    "The rain in Spain falls mainly\non the plain. It is wet.",
    ["The rain in Spain falls mainly\non the plain.", "It is wet."]
);
t!(
    blank_line,
    "First paragraph ends here\n\nSecond one starts. Done.",
    ["# First paragraph ends here", "Second one starts.", "Done."]
);
t!(
    heading_then_text,
    "Big News Today\nThe mayor resigned on Monday after a long and bitter dispute.",
    [
        "# Big News Today",
        "The mayor resigned on Monday after a long and bitter dispute."
    ]
);
t!(
    crlf,
    "One line.\r\nTwo line.\r\n\r\nThree.",
    ["One line.", "Two line.", "Three."]
);
t!(empty, "", []);
t!(spaces, "  \n\n \t ", []);
