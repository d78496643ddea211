//! HTML pages -> the main text of the page, and its title.
//!
//! The page is parsed by html5ever (through scraper) as a browser would,
//! then walked once: navigation, scripts, styles, forms, asides, footers
//! and the parts whose class, id or role names them as boilerplate
//! (menus, share buttons, related articles, comments, advertisements) are
//! left out; what is left of the main container (`<article>`, `<main>`,
//! or else the body) becomes one paragraph per block, and blocks that are
//! mostly link text ("Previous Article", "Next Article", lists of other
//! stories) are dropped.
//!
//! This lives in the command-line crate, not the library: the library
//! takes text and gives spans into that text, and keeps its dependencies
//! few (it is also built for WebAssembly), while reading a saved page is
//! input handling, like reading a file. A program that embeds the library
//! and has HTML can do the same with any HTML parser.

use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

/// The text of a page: its title and the paragraphs of its main content.
#[derive(Debug, PartialEq)]
pub struct Page {
    /// The page's title: the `<title>`, or its first heading; without
    /// the site name when the main heading is the title's first part.
    pub title: Option<String>,
    /// The title, a blank line, then the paragraphs, each separated by a
    /// blank line.
    pub text: String,
}

/// Whether a document is HTML: by the name of its file (`.html`, `.htm`,
/// `.xhtml`), or else by how it starts (a doctype, or an `<html>`,
/// `<head>` or `<body>` tag, after white space and comments).
pub fn is_html(path: Option<&Path>, text: &str) -> bool {
    let by_name = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            ["html", "htm", "xhtml"].iter().any(|x| e.eq_ignore_ascii_case(x))
        });
    by_name || starts_like_html(text)
}

fn starts_like_html(text: &str) -> bool {
    let mut rest = text.trim_start();
    // Skip an XML declaration and comments before the first tag.
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            match after.find("?>") {
                Some(end) => rest = after[end + 2..].trim_start(),
                None => return false,
            }
        } else if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = after[end + 3..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    let head = rest.get(..14).unwrap_or(rest).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| head.starts_with(tag))
}

/// Elements that are never part of the main text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer",
    "aside", "form", "button", "input", "select", "textarea", "iframe",
    "object", "embed", "svg", "canvas", "video", "audio", "map", "menu",
    "dialog", "figure", "head",
];

/// Words in a class or id that mark boilerplate, compared with each
/// alphanumeric part of the name ("post-nav" has "post" and "nav").
const BOILERPLATE_NAMES: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "footer",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "pager",
    "pagination",
    "popup",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsored",
    "subscribe",
    "toolbar",
];

/// Elements whose class and id are not read as boilerplate names.
const CONTAINER_TAGS: &[&str] = &["html", "body", "main", "article"];

/// ARIA roles of boilerplate.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Short lines that are page furniture wherever they are, compared
/// without case once white space is folded.
const BOILERPLATE_LINES: &[&str] = &[
    "previous article",
    "next article",
    "previous post",
    "next post",
    "read more",
    "advertisement",
    "share this article",
    "share",
    "no time to read?",
    "get a summary",
];

/// Elements that end one paragraph and start the next.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
    "body",
];

/// A block's text gets dropped when more than this share of it is link
/// text.
const MAX_LINK_DENSITY: f32 = 0.5;

/// Extracts the title and main text of `html`.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = main_container(&doc);
    let mut walk = Walk::default();
    walk.element(root, false);
    walk.flush();
    let title = title(&doc, root);
    let mut text = String::new();
    if let Some(t) = &title {
        text.push_str(t);
    }
    for block in &walk.blocks {
        if title.as_deref() == Some(block.as_str()) {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(block);
    }
    if !text.is_empty() {
        text.push('\n');
    }
    Page { title, text }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid built-in selector")
}

/// The element holding the page's main text: of the `<article>`,
/// `<main>` and `role="main"` elements that are not boilerplate, the one
/// with the most paragraph text; else the body.
fn main_container(doc: &Html) -> ElementRef<'_> {
    let candidates = selector(
        "article, main, [role=main], [itemprop=articleBody], \
         [itemprop=articlebody]",
    );
    let paragraphs = selector("p");
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for el in doc.select(&candidates) {
        if el.ancestors().filter_map(ElementRef::wrap).any(is_skipped)
            || is_skipped(el)
        {
            continue;
        }
        let weight: usize = el
            .select(&paragraphs)
            .filter(|p| {
                !p.ancestors()
                    .take_while(|a| a.id() != el.id())
                    .filter_map(ElementRef::wrap)
                    .any(is_skipped)
            })
            .map(|p| p.text().map(str::len).sum::<usize>())
            .sum();
        if best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, el));
        }
    }
    match best {
        Some((w, el)) if w > 0 => el,
        _ => doc
            .select(&selector("body"))
            .next()
            .unwrap_or_else(|| doc.root_element()),
    }
}

/// Whether an element and everything in it is left out.
fn is_skipped(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if SKIPPED_TAGS.contains(&e.name()) {
        return true;
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden").is_some_and(|v| v == "true")
    {
        return true;
    }
    if e.attr("role").is_some_and(|r| {
        BOILERPLATE_ROLES.iter().any(|b| r.eq_ignore_ascii_case(b))
    }) {
        return true;
    }
    // Containers are judged by their tag and role alone: a CMS gives an
    // article or the body classes such as "tag-social" or "has-sidebar".
    if CONTAINER_TAGS.contains(&e.name()) {
        return false;
    }
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names.flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric())).any(
        |part| BOILERPLATE_NAMES.iter().any(|b| part.eq_ignore_ascii_case(b)),
    )
}

/// Text collected block by block.
#[derive(Default)]
struct Walk {
    blocks: Vec<String>,
    /// The block being collected, white space folded.
    current: String,
    /// How many of its characters are inside links.
    link_chars: usize,
    /// Whether the last character pushed was a space (or nothing yet).
    space: bool,
}

impl Walk {
    fn element(&mut self, el: ElementRef<'_>, in_link: bool) {
        let name = el.value().name();
        if name == "br" {
            // A line break inside a block, as in a hard-wrapped text: the
            // splitter joins single line breaks within a paragraph. Two
            // in a row (`<br><br>`) end the paragraph, as they do on the
            // page.
            if self.current.ends_with('\n') {
                self.flush();
            } else if !self.current.is_empty() {
                self.current.push('\n');
                self.space = false;
            }
            return;
        }
        let block = BLOCK_TAGS.contains(&name);
        if block {
            self.flush();
        }
        let in_link = in_link || name == "a";
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t, in_link),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child)
                        && !is_skipped(child)
                    {
                        self.element(child, in_link);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
    }

    fn push_text(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.space = true;
                }
                continue;
            }
            if self.space {
                self.current.push(' ');
                self.space = false;
            }
            self.current.push(c);
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    /// Ends the current block, keeping it unless it is mostly links or a
    /// line of page furniture.
    fn flush(&mut self) {
        let mut block = std::mem::take(&mut self.current);
        let links = std::mem::take(&mut self.link_chars);
        self.space = false;
        while block.ends_with('\n') {
            block.pop();
        }
        if block.is_empty() {
            return;
        }
        let chars = block.chars().filter(|c| !c.is_whitespace()).count();
        if links as f32 > MAX_LINK_DENSITY * chars as f32 {
            return;
        }
        if BOILERPLATE_LINES.iter().any(|b| block.eq_ignore_ascii_case(b)) {
            return;
        }
        self.blocks.push(block);
    }
}

/// Folds runs of white space to one space and trims.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's title: its `<title>`, or when it has none its first
/// heading. When the main content's first `<h1>` begins the `<title>`
/// ("Headline | Site"), the heading is taken, without the site's name.
fn title(doc: &Html, root: ElementRef<'_>) -> Option<String> {
    let first = |scope: ElementRef<'_>, css: &str| {
        scope
            .select(&selector(css))
            .map(|e| fold(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let page = doc.root_element();
    let title = first(page, "head title, title");
    let heading =
        first(root, "h1").or_else(|| first(page, "h1, h2, h3, h4, h5, h6"));
    match (title, heading) {
        (Some(t), Some(h)) if t.len() > h.len() && t.starts_with(&h) => {
            Some(h)
        }
        (Some(t), _) => Some(t),
        (None, h) => h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_table() {
        // (file name, text, is HTML)
        let rows: &[(Option<&str>, &str, bool)] = &[
            (Some("a.html"), "plain words", true),
            (Some("a.HTM"), "", true),
            (Some("a.txt"), "plain words. <b>bold</b>", false),
            (None, "<!DOCTYPE html><p>x</p>", true),
            (None, "  \n<html lang=en>", true),
            (None, "<!-- saved --> <?xml version='1.0'?><HTML>", true),
            (None, "<body>Hi</body>", true),
            (None, "<b>not a page</b>", false),
            (None, "<!-- unclosed", false),
            (None, "Less than <html in prose", false),
            (None, "", false),
            (None, "<!doctype ht", false),
        ];
        for (name, text, want) in rows {
            let got = is_html(name.map(Path::new), text);
            assert_eq!(got, *want, "{name:?} {text:?}");
        }
    }

    #[test]
    fn extraction_table() {
        // (html, title, paragraphs after the title)
        let rows: &[(&str, Option<&str>, &[&str])] = &[
            (
                "<title>T</title><p>One  two.</p><p>Three\nfour.</p>",
                Some("T"),
                &["One two.", "Three four."],
            ),
            (
                "<nav><p>Home News</p></nav><article><h1>Head</h1>\
                 <p>Body text here.</p></article><footer><p>(c) Site.</p>\
                 </footer>",
                Some("Head"),
                &["Body text here."],
            ),
            (
                "<title>Head | Site</title><article><h1>Head</h1><p>Body \
                 <a href=x>with a link</a> and more words here.</p>\
                 <p><a href=p>Previous Article</a></p></article>",
                Some("Head"),
                &["Body with a link and more words here."],
            ),
            (
                "<p>Text.</p><script>var s = 'Not text.';</script>\
                 <style>p { color: red }</style><div class='share-bar'>\
                 Share on X.</div><p hidden>Hidden.</p><p>Next article</p>",
                None,
                &["Text."],
            ),
            (
                "<main><p>Lead &amp; more&nbsp;text.</p><ul><li>One item\
                 </li><li>Two</li></ul></main><aside><p>Other story.</p>\
                 </aside>",
                None,
                &["Lead & more text.", "One item", "Two"],
            ),
            (
                "<body class='single has-sidebar'><article class='post \
                 tag-social'><p>Kept, whatever the classes say.</p>\
                 </article><div class=sidebar><p>Dropped.</p></div></body>",
                None,
                &["Kept, whatever the classes say."],
            ),
            (
                "<p>A line<br>broken in two.<br></p><p><br>Next.</p>",
                None,
                &["A line\nbroken in two.", "Next."],
            ),
            (
                "<p>One paragraph.<br><br><br>Another one.</p>",
                None,
                &["One paragraph.", "Another one."],
            ),
            ("", None, &[]),
            ("<<<>>> not really html", None, &["<<<>>> not really html"]),
        ];
        for (html, title, paragraphs) in rows {
            let page = extract(html);
            assert_eq!(page.title.as_deref(), *title, "{html}");
            let mut want: Vec<&str> = title.iter().copied().collect();
            want.extend_from_slice(paragraphs);
            let got: Vec<&str> = page.text.trim_end().split("\n\n").collect();
            let got = if page.text.is_empty() { vec![] } else { got };
            assert_eq!(got, want, "{html}");
        }
    }

    #[test]
    fn biggest_article_wins() {
        let html = "<article><p>Teaser.</p></article>\
                    <article class=story><p>The real story has a much \
                    longer text than the teaser does.</p></article>";
        let page = extract(html);
        assert!(page.text.contains("The real story"));
        assert!(!page.text.contains("Teaser"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// The text of `html` outside `<script>`, `<style>` and
        /// `<nav>` elements, as the HTML5 parser builds the tree.
        fn outside_hidden_elements(html: &str) -> String {
            let doc = Html::parse_document(html);
            let mut out = String::new();
            for node in doc.tree.nodes() {
                let Some(text) = node.value().as_text() else { continue };
                let hidden = node.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| {
                        matches!(e.name(), "script" | "style" | "nav")
                    })
                });
                if !hidden {
                    out.push_str(text);
                }
            }
            out
        }

        /// Tag soup: well-formed or not, with boilerplate and text.
        fn soup() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("<p>".to_string()),
                Just("</p>".to_string()),
                Just("<article>".to_string()),
                Just("</article>".to_string()),
                Just("<nav><a href=x>Home</a></nav>".to_string()),
                Just(
                    "<script>var secret = 'Script text.';</script>"
                        .to_string()
                ),
                Just("<style>p.x { color: red }</style>".to_string()),
                Just("<br>".to_string()),
                Just("<title>Page</title>".to_string()),
                Just("<h1>Head</h1>".to_string()),
                Just("<div class='share'>".to_string()),
                Just("</div>".to_string()),
                Just("&amp;&nbsp;&#x1F600;&bogus;".to_string()),
                Just("<!-- c -->".to_string()),
                "[a-zA-Z .]{0,20}",
                any::<char>().prop_map(String::from),
            ];
            prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Any input gives text without scripts, styles or the
            /// navigation, with no blank line inside a paragraph. What
            /// counts as a script is what the HTML5 parser says: in
            /// `<A<script>` the tag is `a<script`, and its content is text
            /// on the page, as in a browser.
            #[test]
            fn extract_any_soup(html in soup()) {
                let page = extract(&html);
                let seen = outside_hidden_elements(&html);
                for marker in ["Script text", "color: red", "Home"] {
                    if !seen.contains(marker) {
                        prop_assert!(!page.text.contains(marker), "{marker}");
                    }
                }
                for block in page.text.trim_end().split("\n\n") {
                    prop_assert_eq!(block.trim(), block);
                }
            }

            #[test]
            fn extract_any_string(html in any::<String>()) {
                let _ = extract(&html);
                let _ = is_html(None, &html);
            }
        }
    }
}
