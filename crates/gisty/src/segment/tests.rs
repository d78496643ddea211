use super::*;

/// The sentences of `text` as strings, with `#` before headings.
fn sents(text: &str) -> Vec<String> {
    sents_in(Language::English, text)
}

/// The same, with the rules of `lang`.
fn sents_in(lang: Language, text: &str) -> Vec<String> {
    split(text, lang)
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

/// One table row: `t!(name, text, [sentences])` in English, or
/// `t!(name, Language, text, [sentences])`.
macro_rules! t {
    ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<String> = vec![$($want.to_string()),*];
            assert_eq!(sents($text), want, "text: {:?}", $text);
        }
    };
    ($name:ident, $lang:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<String> = vec![$($want.to_string()),*];
            assert_eq!(sents_in(Language::$lang, $text), want, "text: {:?}", $text);
        }
    };
}

t!(
    simple,
    "Good morning, class. Today we read a poem.",
    ["Good morning, class.", "Today we read a poem."]
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

// Rule `Terminators`.
mod terminators {
    use super::*;
    t!(
        question_exclamation,
        "Is it late? Yes it is! Go home.",
        ["Is it late?", "Yes it is!", "Go home."]
    );
    t!(interrobang, "You did what?! Tell me.", ["You did what?!", "Tell me."]);
    t!(hindi_danda, Hindi, "यह घर है। वह स्कूल है।", ["यह घर है।", "वह स्कूल है।"]);
    t!(amharic, Amharic, "ሰላም ነው። ደህና ነህ፧", ["ሰላም ነው።", "ደህና ነህ፧"]);
    t!(urdu, Urdu, "یہ کتاب ہے۔ وہ قلم ہے۔", ["یہ کتاب ہے۔", "وہ قلم ہے۔"]);
    t!(
        armenian_colon,
        Armenian,
        "Նա եկավ: Մենք գնացինք:",
        ["Նա եկավ:", "Մենք գնացինք:"]
    );
    t!(
        armenian_period_is_a_pause,
        Armenian,
        "Նա ասաց. գնանք:",
        ["Նա ասաց. գնանք:"]
    );
    t!(
        greek_question,
        Greek,
        "Τι κάνεις; Καλά είμαι.",
        ["Τι κάνεις;", "Καλά είμαι."]
    );
    t!(
        arabic_colon,
        Arabic,
        "قال الوزير: سنبدأ غدا.",
        ["قال الوزير:", "سنبدأ غدا."]
    );
    t!(
        arabic_colon_in_time,
        Arabic,
        "الساعة 10:30 صباحا.",
        ["الساعة 10:30 صباحا."]
    );
    t!(
        english_colon_is_not_an_end,
        "He said this: we go now.",
        ["He said this: we go now."]
    );
}

// Rule `NoSpaceScripts`.
mod no_space_scripts {
    use super::*;
    t!(chinese, Chinese, "你好。我很好！", ["你好。", "我很好！"]);
    t!(
        japanese,
        Japanese,
        "雨です。傘を持って。",
        ["雨です。", "傘を持って。"]
    );
    t!(
        burmese,
        Burmese,
        "ကျေးဇူးတင်ပါတယ်။နေကောင်းလား။",
        ["ကျေးဇူးတင်ပါတယ်။", "နေကောင်းလား။"]
    );
    t!(
        latin_period_needs_space,
        "Version 2.Five is out.",
        ["Version 2.Five is out."]
    );
}

// Rule `Closers`.
mod closers {
    use super::*;
    t!(
        straight_quote_after_space,
        "He said: \"We won. \" Then he left.",
        ["He said: \"We won. \"", "Then he left."]
    );
    t!(
        quote_after_period,
        "He said, \"Stop.\" Then he left.",
        ["He said, \"Stop.\"", "Then he left."]
    );
    t!(
        bracket_after_period,
        "(See the map.) The road is closed.",
        ["(See the map.)", "The road is closed."]
    );
    t!(
        guillemet_then_period,
        Russian,
        "Он спросил: «Где ты?». Я молчал.",
        ["Он спросил: «Где ты?».", "Я молчал."]
    );
    t!(
        french_spaced_guillemet,
        French,
        "Il a dit « Non. » Puis il est parti.",
        ["Il a dit « Non. »", "Puis il est parti."]
    );
    t!(
        german_low_high_quotes,
        German,
        "Sie rief: „Komm her.“ Er kam.",
        ["Sie rief: „Komm her.“", "Er kam."]
    );
}

// Rule `GluedSentence`.
mod glued_sentence {
    use super::*;
    t!(
        before_opening_quote,
        "They cheered.\"It's mine,\" he said.",
        ["They cheered.", "\"It's mine,\" he said."]
    );
    t!(
        word_then_capital,
        "The game ended.Fans cheered.",
        ["The game ended.", "Fans cheered."]
    );
    t!(
        number_then_capital,
        "It cost 2,500.Nobody paid.",
        ["It cost 2,500.", "Nobody paid."]
    );
    t!(
        domain_is_not,
        "Visit example.com today.",
        ["Visit example.com today."]
    );
    t!(acronym_is_not, "The A.B.C. rule holds.", ["The A.B.C. rule holds."]);
    t!(
        title_is_not,
        "It had to be Mr.Jones. Yes.",
        ["It had to be Mr.Jones.", "Yes."]
    );
    t!(
        glued_then_title,
        "We left.Dr. Ray stayed.",
        ["We left.", "Dr. Ray stayed."]
    );
}

// Rule `UrlEmail`.
mod url_email {
    use super::*;
    t!(
        email,
        "Write to bob.Smith@mail.example.org. He replies.",
        ["Write to bob.Smith@mail.example.org.", "He replies."]
    );
    t!(
        url_with_capitals,
        "See https://site.example/A.Page.html now.",
        ["See https://site.example/A.Page.html now."]
    );
    t!(
        www,
        "Go to www.Shop.example. It is open.",
        ["Go to www.Shop.example.", "It is open."]
    );
    t!(
        file_name,
        "Open notes.txt and read.Me first.",
        ["Open notes.txt and read.", "Me first."]
    );
}

// Rule `ContinuesLowercase`.
mod continues_lowercase {
    use super::*;
    t!(
        question_in_quotes,
        "“Ready?” asked the coach. Nobody was.",
        ["“Ready?” asked the coach.", "Nobody was."]
    );
    t!(
        exclamation_name,
        "He works at Jeopardy! in the evenings.",
        ["He works at Jeopardy! in the evenings."]
    );
    t!(
        period_in_single_quotes,
        "She wrote 'Done.' and sent it.",
        ["She wrote 'Done.' and sent it."]
    );
    t!(
        greek_period_before_lowercase,
        Greek,
        "Ήρθε νωρίς. και έφυγε.",
        ["Ήρθε νωρίς.", "και έφυγε."]
    );
    t!(
        kazakh_question_before_lowercase,
        Kazakh,
        "Кім? не? қашан?",
        ["Кім?", "не?", "қашан?"]
    );
}

// Rule `ContinuesPunctuation`.
mod continues_punctuation {
    use super::*;
    t!(
        quote_then_comma,
        Spanish,
        "«Ya llegamos.», dijo ella.",
        ["«Ya llegamos.», dijo ella."]
    );
    t!(
        numero_sign,
        Kazakh,
        "Газет, 2011 жыл. №12 шықты.",
        ["Газет, 2011 жыл. №12 шықты."]
    );
    t!(
        bracket_then_comma,
        "He smiled (it worked!), then left.",
        ["He smiled (it worked!), then left."]
    );
}

// Rule `DashContinuation`.
mod dash_continuation {
    use super::*;
    t!(
        kazakh_em_dash,
        Kazakh,
        "Кеттің бе? — деді ол.",
        ["Кеттің бе? — деді ол."]
    );
    t!(hyphen_in_english, "Stop! - he shouted.", ["Stop! - he shouted."]);
    t!(
        dash_before_capital,
        "Stop! - Nobody moved.",
        ["Stop!", "- Nobody moved."]
    );
}

// Rule `Abbreviation`.
mod abbreviation {
    use super::*;
    t!(
        prefix_titles,
        "Dr. Brown and Prof. Green met Gen. Lee today.",
        ["Dr. Brown and Prof. Green met Gen. Lee today."]
    );
    t!(
        prefix_mount_saint,
        "We climbed Mt. Hood near St. Helens.",
        ["We climbed Mt. Hood near St. Helens."]
    );
    t!(
        prefix_versus,
        "It was Kent vs. Essex at home.",
        ["It was Kent vs. Essex at home."]
    );
    t!(
        number_before_digit,
        "See Fig. 4 and No. 7 below.",
        ["See Fig. 4 and No. 7 below."]
    );
    t!(
        number_before_capital,
        "He ate a ripe fig. The end.",
        ["He ate a ripe fig.", "The end."]
    );
    t!(
        month_before_day,
        "It opened on Jan. 12 in Leeds.",
        ["It opened on Jan. 12 in Leeds."]
    );
    t!(
        inner_before_starter,
        "She joined Acme Inc. She left soon.",
        ["She joined Acme Inc.", "She left soon."]
    );
    t!(
        inner_before_name,
        "Acme Inc. Chairman Joe Bloggs spoke.",
        ["Acme Inc. Chairman Joe Bloggs spoke."]
    );
    t!(
        inner_before_lowercase,
        "Acme Inc. shares rose.",
        ["Acme Inc. shares rose."]
    );
    t!(possessive, "It is Smith Jr.'s car.", ["It is Smith Jr.'s car."]);
    t!(
        latin_eg,
        "Tools, e.g. Hammers, help. Yes.",
        ["Tools, e.g. Hammers, help.", "Yes."]
    );
    t!(
        spanish_title,
        Spanish,
        "Vino la Sra. Gómez. Luego se fue.",
        ["Vino la Sra. Gómez.", "Luego se fue."]
    );
    t!(
        german_zb,
        German,
        "Obst, z. B. Äpfel, ist gesund.",
        ["Obst, z. B. Äpfel, ist gesund."]
    );
    t!(
        slovak_napr,
        Slovak,
        "Firmy, napr. Alfa, rastú.",
        ["Firmy, napr. Alfa, rastú."]
    );
    t!(
        bulgarian_year,
        Bulgarian,
        "През 1990 г. Иван замина.",
        ["През 1990 г. Иван замина."]
    );
    t!(
        arabic_doctor,
        Arabic,
        "قال د. أحمد إنه بخير.",
        ["قال د. أحمد إنه بخير."]
    );
}

// Rule `Initial`.
mod initial {
    use super::*;
    t!(
        initials_before_name,
        "The novel by H. G. Wells sold well.",
        ["The novel by H. G. Wells sold well."]
    );
    t!(
        initial_before_starter,
        "We tried plan B. It failed.",
        ["We tried plan B.", "It failed."]
    );
    t!(
        pronoun_i,
        "It was you and I. Then we left.",
        ["It was you and I.", "Then we left."]
    );
    t!(lowercase_page, "Read p. 12 first.", ["Read p. 12 first."]);
    t!(
        cyrillic_initials,
        Kazakh,
        "Оны А. Б. Сейітов жазды.",
        ["Оны А. Б. Сейітов жазды."]
    );
}

// Rule `MultiPeriod`.
mod multi_period {
    use super::*;
    t!(
        before_lowercase,
        "Prices rose in the U.K. last year.",
        ["Prices rose in the U.K. last year."]
    );
    t!(
        before_starter,
        "She moved to the U.K. They followed.",
        ["She moved to the U.K.", "They followed."]
    );
    t!(
        before_name,
        "The U.N. Security Council met.",
        ["The U.N. Security Council met."]
    );
    t!(before_digit, Kazakh, "Б.з.б. 5 ғасыр.", ["Б.з.б. 5 ғасыр."]);
}

// Rule `SentenceStarter`.
mod sentence_starter {
    use super::*;
    t!(
        english,
        "The shop is run by Smith Jr. We bought bread.",
        ["The shop is run by Smith Jr.", "We bought bread."]
    );
    t!(
        danish,
        Danish,
        "Vi mødte Hansen & Co. Han var glad.",
        ["Vi mødte Hansen & Co.", "Han var glad."]
    );
    t!(
        initial_after_initial,
        "Mail J. A. Doe soon.",
        ["Mail J. A. Doe soon."]
    );
}

// Rule `FrontedTime`.
mod fronted_time {
    use super::*;
    t!(
        fronted_and_final,
        "By 9 p.m. Officer Diaz had arrived. The shift ended at 11 p.m. Diaz went home.",
        [
            "By 9 p.m. Officer Diaz had arrived.",
            "The shift ended at 11 p.m.",
            "Diaz went home."
        ]
    );
    t!(
        before_lowercase,
        "We met at 3 p.m. and talked.",
        ["We met at 3 p.m. and talked."]
    );
}

// Rule `OrdinalDate`.
mod ordinal_date {
    use super::*;
    t!(
        day_month,
        German,
        "Am 3. Oktober feiern wir. Das ist schön.",
        ["Am 3. Oktober feiern wir.", "Das ist schön."]
    );
    t!(
        roman_ordinal,
        German,
        "Papst Pius XII. Besuchte Rom.",
        ["Papst Pius XII. Besuchte Rom."]
    );
    t!(
        number_before_noun,
        German,
        "Lies Kapitel 12. Danach kommt nichts.",
        ["Lies Kapitel 12.", "Danach kommt nichts."]
    );
    t!(
        english_roman_ends,
        "He fought in World War II. Then he came home.",
        ["He fought in World War II.", "Then he came home."]
    );
}

// Rule `NumberEnd`.
mod number_end {
    use super::*;
    t!(
        money,
        "The bill came to $45.50. It was paid.",
        ["The bill came to $45.50.", "It was paid."]
    );
    t!(decimal_inside, "It rose 4.5% on Monday.", ["It rose 4.5% on Monday."]);
    t!(
        before_digit,
        Dutch,
        "Dat was het. 40 mensen kwamen.",
        ["Dat was het.", "40 mensen kwamen."]
    );
    t!(
        thousands,
        German,
        "Es kostet 2.000.000 Euro. Viel Geld.",
        ["Es kostet 2.000.000 Euro.", "Viel Geld."]
    );
}

// Rule `Ellipsis`.
mod ellipsis {
    use super::*;
    t!(before_starter, "Well... I suppose so.", ["Well...", "I suppose so."]);
    t!(
        before_lowercase,
        "He paused... and went on.",
        ["He paused... and went on."]
    );
    t!(
        unicode_before_starter,
        "Wait… What was that?",
        ["Wait…", "What was that?"]
    );
    t!(
        before_name,
        "Places like... Paris come to mind.",
        ["Places like... Paris come to mind."]
    );
    t!(
        four_dots,
        "It ended.... Silence followed.",
        ["It ended....", "Silence followed."]
    );
    t!(
        spaced_omission,
        "The words . . . Were lost.",
        ["The words . . . Were lost."]
    );
    t!(
        spaced_four,
        "It stopped . . . . Nothing moved.",
        ["It stopped . . . .", "Nothing moved."]
    );
    t!(
        bracketed,
        "He said [...] Nothing more.",
        ["He said [...] Nothing more."]
    );
    t!(
        period_then_spaced,
        "He stopped. . . . Nothing moved.",
        ["He stopped.", ". . . Nothing moved."]
    );
    t!(period_then_spaced_at_end, "He stopped. . . .", ["He stopped. . . ."]);
    t!(
        standalone_after_period,
        "I waited. ... Then it rained.",
        ["I waited.", "... Then it rained."]
    );
    t!(
        opening_a_quote,
        "He asked. \"... Then what?\"",
        ["He asked.", "\"... Then what?\""]
    );
    t!(
        leading,
        Dutch,
        "Het was stil. ...toen viel het.",
        ["Het was stil.", "...toen viel het."]
    );
}

// Rule `ListItems`.
mod list_items {
    use super::*;
    t!(
        dash_inside_line_is_not_a_bullet,
        "- Film - Aviator; actor - Jamie Foxx",
        ["# - Film - Aviator; actor - Jamie Foxx"]
    );
    t!(parens, "1) Buy milk 2) Call Sam", ["1) Buy milk", "2) Call Sam"]);
    t!(
        letters,
        "a. Red paint b. Blue paint",
        ["a. Red paint", "b. Blue paint"]
    );
    t!(
        bullets,
        "• Tea first • Coffee later",
        ["• Tea first", "• Coffee later"]
    );
    t!(
        numbered_with_periods,
        "1. Start here. 2. Go on.",
        ["1. Start here.", "2. Go on."]
    );
    t!(dot_paren, "1.) Eggs 2.) Ham", ["1.) Eggs", "2.) Ham"]);
    t!(
        out_of_sequence_is_prose,
        "1. Add 3 cups. Stir 5 times.",
        ["1. Add 3 cups.", "Stir 5 times."]
    );
    t!(
        list_lines,
        "Steps:\n1. Open it\n2. Close it",
        ["Steps:", "# 1. Open it", "# 2. Close it"]
    );
}

// Rule `QuotedSpeech`.
mod quoted_speech {
    use super::*;
    t!(
        embedded,
        "\"It is late. We should go,\" she said.",
        ["\"It is late. We should go,\" she said."]
    );
    t!(
        not_embedded,
        "\"It is late. We should go.\" She left.",
        ["\"It is late.", "We should go.\"", "She left."]
    );
    t!(
        slovak,
        Slovak,
        "„Je neskoro. Ideme,“ povedal Peter.",
        ["„Je neskoro. Ideme,“ povedal Peter."]
    );
    t!(
        cjk_brackets,
        Chinese,
        "他说「你好！再见」然后走了。",
        ["他说「你好！再见」然后走了。"]
    );
    t!(
        japanese_closed_quote,
        Japanese,
        "「行こう。」と彼は言った。",
        ["「行こう。」と彼は言った。"]
    );
    t!(
        unclosed_quote,
        "\"Go. Now. Please. He ran.",
        ["\"Go.", "Now.", "Please.", "He ran."]
    );
}

// Rule `CommaEnumeration`.
mod comma_enumeration {
    use super::*;
    t!(
        arabic_list,
        Arabic,
        "اشترى الخبز، والحليب، ثم عاد إلى البيت",
        ["اشترى الخبز، والحليب،", "ثم عاد إلى البيت"]
    );
    t!(
        arabic_clauses,
        Arabic,
        "وصل الوفد، وبدأت المحادثات صباحا",
        ["وصل الوفد،", "وبدأت المحادثات صباحا"]
    );
}

// Rule `BidiTransparent`.
mod bidi_transparent {
    use super::*;
    t!(
        marks_around_period,
        Arabic,
        "قال د\u{202A}.\u{202C} أحمد إنه بخير.",
        ["قال د\u{202A}.\u{202C} أحمد إنه بخير."]
    );
}

// Block rules: `BlankLine`, `HardWrap`, `HeadingLine`, `LineList`,
// `ListLine`, CR line ends.
mod block_rules {
    use super::*;
    t!(
        title_then_body,
        "Title Here\n\nBody text is here. More.",
        ["# Title Here", "Body text is here.", "More."]
    );
    t!(line_list, "apples\npears\nplums", ["# apples", "# pears", "# plums"]);
    t!(
        bullet_lines,
        "Shopping:\n- eggs\n- milk",
        ["Shopping:", "# - eggs", "# - milk"]
    );
    t!(
        hard_wrap_lowercase,
        "A long line that\nwraps here. Done.",
        ["A long line that\nwraps here.", "Done."]
    );
    t!(lone_cr, "One.\rTwo.", ["One.", "Two."]);
    t!(
        crlf_paragraphs,
        "One.\r\n\r\nTwo is here\r\nand wraps.",
        ["One.", "Two is here\r\nand wraps."]
    );
    t!(
        boilerplate,
        "Previous Article\nNext Article\n\nThe text. It ends.",
        ["# Previous Article", "# Next Article", "The text.", "It ends."]
    );
    t!(heading_with_internal_end, "Dr. Who Returns", ["# Dr. Who Returns"]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Characters that exercise the rules: letters of both cases, digits,
    /// terminators of several scripts, quotes, brackets, white space.
    fn tricky() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "B", "Mr", "U.S", "e.g", "1", "2.", "...", "…", ". . .", ".",
            "?", "!", "。", "！", "፧", "।", "؟", "։", ":", ";", "،", "\"",
            "'", "“", "”", "„", "«", "»", "(", ")", "[", "]", "「", "」",
            "《", "》", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "-", "—",
            "•", "1)", "a.", "@", "://", "www.", "№", "\u{202A}", "\u{200F}",
            "日本", "Ω", "ß", "İ", "x\u{301}", "😀", "п", "Д",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    fn check(text: &str, lang: Language) -> Result<(), TestCaseError> {
        let mut last = 0;
        for s in split(text, lang) {
            let piece = s.span.get(text);
            prop_assert!(
                piece.is_some(),
                "span {:?} not on char boundaries",
                s.span
            );
            let piece = piece.unwrap_or_default();
            prop_assert!(
                s.span.start >= last,
                "span {:?} before {}",
                s.span,
                last
            );
            prop_assert!(!piece.is_empty(), "empty span {:?}", s.span);
            prop_assert_eq!(
                piece.trim(),
                piece,
                "span {:?} not trimmed",
                s.span
            );
            last = s.span.end;
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// `trim_span`, byte by byte for ASCII, cuts what `str::trim` cuts.
        #[test]
        fn trim_span_is_str_trim(
            text in "([ \t\n\r\u{b}\u{c}a.é\u{1}]|\u{a0}|\u{85}|\u{2003}|\u{3000}|\u{200B}|日){0,12}",
            a in 0usize..40,
            b in 0usize..40,
        ) {
            let floor = |mut k: usize| {
                k = k.min(text.len());
                while !text.is_char_boundary(k) {
                    k -= 1;
                }
                k
            };
            let span = Span::new(floor(a.min(b)), floor(a.max(b)));
            let s = span.slice(&text);
            let t = s.trim();
            let want = (!t.is_empty()).then(|| {
                let start = span.start + (s.len() - s.trim_start().len());
                Span::new(start, start + t.len())
            });
            prop_assert_eq!(trim_span(&text, span), want);
        }

        #[test]
        fn tricky_text_gives_valid_spans(text in tricky(), li in 0usize..Language::ALL.len()) {
            check(&text, Language::ALL[li])?;
        }

        #[test]
        fn any_text_gives_valid_spans(text in any::<String>(), li in 0usize..Language::ALL.len()) {
            check(&text, Language::ALL[li])?;
        }
    }
}
