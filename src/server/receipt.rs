//! The receipt of a submitted application as a tagged PDF (PDF/UA-1, checked by krilla's
//! validator): the reference number, when and to whom it was sent, every answer and the
//! attached files. Fira Sans (SIL OFL, `assets/fonts/`) is embedded.
//!
//! krilla draws and tags; it does not shape or lay out. Text here is Latin, Greek or
//! Cyrillic (what Fira Sans covers; anything else is shown as `?`, never as an empty box),
//! so glyphs come straight from the font's character map with their advances (skrifa), no
//! ligatures or kerning. The layout is deliberately simple:
//! blocks (title, paragraphs, headings, two-column rows) are broken into lines by measured
//! word widths, the lines are placed on A4 pages, and then each page is drawn with every line
//! marked as content of its block in the tag tree.

use krilla::Document;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use std::num::NonZeroU16;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/FiraSans-Regular.ttf");
static SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/FiraSans-SemiBold.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const LABEL_W: f32 = 190.0;
const GAP: f32 = 12.0;

/// What the receipt says, already in the applicant's language.
#[derive(Debug, Clone)]
pub struct Receipt {
    /// `de`, `en`, `fr`.
    pub lang: String,
    /// "Empfangsbestätigung": the document title.
    pub title: String,
    /// Lines under the title: reference, date, service, authority.
    pub facts: Vec<(String, String)>,
    pub next_heading: String,
    pub next_steps: String,
    /// One section per step: heading and `(label, answer)` rows.
    pub sections: Vec<(String, Vec<(String, String)>)>,
    pub files_heading: String,
    /// `(file name, size, SHA-256)`.
    pub files: Vec<(String, String)>,
    /// The footer: site and reference, and "page n of m" as `{n}` / `{m}`.
    pub footer: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Title,
    Heading,
    Label,
    Body,
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 20.0,
            Style::Heading => 13.0,
            Style::Label | Style::Body => 10.0,
            Style::Small => 8.0,
        }
    }

    fn bold(self) -> bool {
        matches!(self, Style::Title | Style::Heading | Style::Label)
    }
}

/// A piece of the document that becomes one node of the tag tree.
enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// A row of a two-column table: header cell, data cell.
    Row(String, String),
}

/// A placed line of text: which block (and cell of a row) it belongs to.
struct Line {
    page: usize,
    x: f32,
    y: f32,
    style: Style,
    text: String,
    block: usize,
    cell: usize,
}

/// One embedded font: for measuring and for drawing.
struct Face {
    font: skrifa::FontRef<'static>,
    pdf: Font,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Result<Self, String> {
        let font = skrifa::FontRef::new(data).map_err(|e| e.to_string())?;
        let units_per_em = f32::from(
            font.metrics(
                skrifa::instance::Size::unscaled(),
                skrifa::instance::LocationRef::default(),
            )
            .units_per_em,
        );
        let pdf = Font::new(data.to_vec().into(), 0).ok_or("a font krilla cannot read")?;
        Ok(Face {
            font,
            pdf,
            units_per_em,
        })
    }

    /// Each character's glyph and advance (in em); a character the font lacks becomes `?`.
    fn glyphs(&self, text: &str) -> Vec<(char, u32, f32)> {
        let charmap = self.font.charmap();
        let metrics = self.font.glyph_metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        text.chars()
            .map(|c| match charmap.map(c) {
                Some(g) if g.to_u32() != 0 => (c, g),
                _ => ('?', charmap.map('?').unwrap_or_default()),
            })
            .map(|(c, g)| {
                let advance = metrics.advance_width(g).unwrap_or(0.0) / self.units_per_em;
                (c, g.to_u32(), advance)
            })
            .collect()
    }
}

struct Metrics {
    regular: Face,
    bold: Face,
}

impl Metrics {
    fn new() -> Result<Self, String> {
        Ok(Metrics {
            regular: Face::new(REGULAR)?,
            bold: Face::new(SEMIBOLD)?,
        })
    }

    fn face(&self, style: Style) -> &Face {
        if style.bold() {
            &self.bold
        } else {
            &self.regular
        }
    }

    fn width(&self, text: &str, style: Style) -> f32 {
        let em: f32 = self
            .face(style)
            .glyphs(text)
            .iter()
            .map(|(_, _, a)| a)
            .sum();
        em * style.size()
    }

    /// Breaks `text` into lines no wider than `width` (at spaces; a word that is too long
    /// alone is broken between characters). Blank lines in the text are kept.
    fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, style) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, style) > width {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }
}

/// Places every block's lines on pages.
fn layout(blocks: &[Block], metrics: &Metrics) -> (Vec<Line>, usize) {
    let mut lines = Vec::new();
    let mut page = 0;
    let mut y = MARGIN;
    let bottom = PAGE_H - MARGIN - 24.0;
    let full = PAGE_W - 2.0 * MARGIN;
    let place = |page: &mut usize, y: &mut f32, height: f32| {
        if *y + height > bottom {
            *page += 1;
            *y = MARGIN;
        }
    };
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Title(text) | Block::Heading(text) | Block::Paragraph(text) => {
                let style = match block {
                    Block::Title(_) => Style::Title,
                    Block::Heading(_) => Style::Heading,
                    _ => Style::Body,
                };
                let before = match style {
                    Style::Heading => 14.0,
                    _ => 4.0,
                };
                y += before;
                for text in metrics.wrap(text, style, full) {
                    let height = style.size() * 1.4;
                    place(&mut page, &mut y, height);
                    lines.push(Line {
                        page,
                        x: MARGIN,
                        y: y + style.size(),
                        style,
                        text,
                        block: index,
                        cell: 0,
                    });
                    y += height;
                }
            }
            Block::Row(label, value) => {
                let left = metrics.wrap(label, Style::Label, LABEL_W);
                let right = metrics.wrap(value, Style::Body, full - LABEL_W - GAP);
                let height = Style::Body.size() * 1.4;
                let rows = left.len().max(right.len());
                // A row stays together when it fits on a page.
                place(&mut page, &mut y, height * rows as f32 + 6.0);
                for i in 0..rows {
                    place(&mut page, &mut y, height);
                    if let Some(text) = left.get(i) {
                        lines.push(Line {
                            page,
                            x: MARGIN,
                            y: y + Style::Body.size(),
                            style: Style::Label,
                            text: text.clone(),
                            block: index,
                            cell: 0,
                        });
                    }
                    if let Some(text) = right.get(i) {
                        lines.push(Line {
                            page,
                            x: MARGIN + LABEL_W + GAP,
                            y: y + Style::Body.size(),
                            style: Style::Body,
                            text: text.clone(),
                            block: index,
                            cell: 1,
                        });
                    }
                    y += height;
                }
                y += 6.0;
            }
        }
    }
    (lines, page + 1)
}

fn blocks_of(receipt: &Receipt) -> Vec<Block> {
    let mut blocks = vec![Block::Title(receipt.title.clone())];
    for (label, value) in &receipt.facts {
        blocks.push(Block::Row(label.clone(), value.clone()));
    }
    blocks.push(Block::Heading(receipt.next_heading.clone()));
    blocks.push(Block::Paragraph(receipt.next_steps.clone()));
    for (heading, rows) in &receipt.sections {
        blocks.push(Block::Heading(heading.clone()));
        for (label, value) in rows {
            blocks.push(Block::Row(label.clone(), value.clone()));
        }
    }
    if !receipt.files.is_empty() {
        blocks.push(Block::Heading(receipt.files_heading.clone()));
        for (name, detail) in &receipt.files {
            blocks.push(Block::Row(name.clone(), detail.clone()));
        }
    }
    blocks
}

/// Renders the receipt; an error names what failed (a font, the layout, the validator).
pub fn render(receipt: &Receipt) -> Result<Vec<u8>, String> {
    let metrics = Metrics::new()?;
    let blocks = blocks_of(receipt);
    let (lines, pages) = layout(&blocks, &metrics);
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("{e:?}"))?;
    let mut document = Document::new_with(krilla::SerializeSettings {
        configuration,
        enable_tagging: true,
        ..krilla::SerializeSettings::default()
    });
    // Identifiers of each block's cells, in drawing order.
    let mut marks: Vec<[Vec<Identifier>; 2]> =
        blocks.iter().map(|_| [Vec::new(), Vec::new()]).collect();
    for number in 0..pages {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("the page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for line in lines.iter().filter(|l| l.page == number) {
            if line.text.is_empty() {
                continue;
            }
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            draw(&mut surface, line, metrics.face(line.style));
            surface.end_tagged();
            marks[line.block][line.cell].push(id);
        }
        let footer = receipt
            .footer
            .replace("{n}", &(number + 1).to_string())
            .replace("{m}", &pages.to_string());
        surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::with_kind(
            ArtifactType::Footer,
        )));
        draw(
            &mut surface,
            &Line {
                page: number,
                x: MARGIN,
                y: PAGE_H - MARGIN + 12.0,
                style: Style::Small,
                text: footer,
                block: 0,
                cell: 0,
            },
            &metrics.regular,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    document.set_outline(outline(&blocks, &lines));
    document.set_tag_tree(tag_tree(&blocks, marks, &receipt.lang));
    document.set_metadata(
        Metadata::new()
            .title(receipt.title.clone())
            .language(receipt.lang.clone()),
    );
    document.finish().map_err(|e| format!("{e:?}"))
}

fn draw(surface: &mut Surface, line: &Line, face: &Face) {
    // The text the glyphs stand for, with unknown characters as `?`, so copying and screen
    // readers get exactly what is shown.
    let glyphs = face.glyphs(&line.text);
    let shown: String = glyphs.iter().map(|(c, _, _)| *c).collect();
    let mut offset = 0;
    let positioned: Vec<KrillaGlyph> = glyphs
        .iter()
        .map(|(c, id, advance)| {
            let range = offset..offset + c.len_utf8();
            offset = range.end;
            KrillaGlyph {
                glyph_id: GlyphId::new(*id),
                text_range: range,
                x_advance: *advance,
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            }
        })
        .collect();
    surface.draw_glyphs(
        Point::from_xy(line.x, line.y),
        &positioned,
        face.pdf.clone(),
        &shown,
        line.style.size(),
        false,
    );
}

/// Bookmarks (PDF/UA wants them): the title and every heading, where they begin.
fn outline(blocks: &[Block], lines: &[Line]) -> krilla::outline::Outline {
    use krilla::destination::XyzDestination;
    use krilla::outline::{Outline, OutlineNode};
    let mut outline = Outline::new();
    for (index, block) in blocks.iter().enumerate() {
        let (Block::Title(text) | Block::Heading(text)) = block else {
            continue;
        };
        if let Some(first) = lines.iter().find(|l| l.block == index) {
            let target = Point::from_xy(first.x, first.y - first.style.size());
            outline.push_child(OutlineNode::new(
                text.clone(),
                XyzDestination::new(first.page, target),
            ));
        }
    }
    outline
}

/// The logical structure: title (H1), headings (H2), paragraphs, and each run of rows as
/// one table whose rows have a header cell (scope row) and a data cell.
fn tag_tree(blocks: &[Block], marks: Vec<[Vec<Identifier>; 2]>, lang: &str) -> TagTree {
    let mut tree = TagTree::new();
    tree.lang = Some(lang.to_owned());
    let mut table: Option<TagGroup> = None;
    let leaves = |ids: Vec<Identifier>| ids.into_iter().map(Node::from).collect::<Vec<_>>();
    for (block, [first, second]) in blocks.iter().zip(marks) {
        let group = match block {
            Block::Row(..) => {
                let header = TagGroup::with_children(Tag::TH(TableHeaderScope::Row), leaves(first));
                let data = TagGroup::with_children(Tag::TD, leaves(second));
                let row = TagGroup::with_children(Tag::TR, vec![header.into(), data.into()]);
                table
                    .get_or_insert_with(|| TagGroup::new(Tag::Table))
                    .push(row);
                continue;
            }
            Block::Title(text) => {
                TagGroup::with_children(Tag::Hn(NonZeroU16::MIN, Some(text.clone())), leaves(first))
            }
            Block::Heading(text) => TagGroup::with_children(
                Tag::Hn(NonZeroU16::MIN.saturating_add(1), Some(text.clone())),
                leaves(first),
            ),
            Block::Paragraph(_) => TagGroup::with_children(Tag::P, leaves(first)),
        };
        if let Some(done) = table.take() {
            tree.push(done);
        }
        tree.push(group);
    }
    if let Some(done) = table.take() {
        tree.push(done);
    }
    tree
}

/// The receipt of `view` in `locale`, for the portal named `site`.
pub fn from_application(
    view: &crate::api::applications::ApplicationView,
    site: &str,
    locale: crate::domain::locale::Locale,
) -> Receipt {
    use crate::domain::time::format_date_time;
    use crate::i18n::{text, text_with};
    use crate::ui::pages::applications::fields::{FieldContext, format_size, summary_rows};
    let cx = FieldContext {
        locale,
        answers: view.answers.clone(),
        errors: Vec::new(),
        form: view.form.clone(),
        places: Default::default(),
        prefilled: Default::default(),
        files: view.files.clone(),
        max_file_mb: 0,
    };
    let mut facts = vec![
        (text(locale, "receipt-reference"), view.reference.clone()),
        (text(locale, "receipt-service"), view.service_title.clone()),
        (
            text(locale, "receipt-submitted"),
            format_date_time(view.submitted_at, locale),
        ),
    ];
    if let Some(a) = &view.authority {
        let address = [
            a.street.clone(),
            a.postcode
                .clone()
                .zip(a.city.clone())
                .map(|(p, c)| format!("{p} {c}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        let line = if address.is_empty() {
            a.name.clone()
        } else {
            format!("{}, {address}", a.name)
        };
        facts.push((text(locale, "receipt-authority"), line));
    }
    let sections = view
        .form
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let rows = summary_rows(i, &cx)
                .into_iter()
                .map(|(label, answer, _)| (label, answer))
                .collect();
            (step.title.get(locale).to_owned(), rows)
        })
        .collect();
    let files = view
        .files
        .iter()
        .map(|f| {
            (
                f.file_name.clone(),
                format!("{}, SHA-256 {}", format_size(f.size_bytes), f.sha256),
            )
        })
        .collect();
    Receipt {
        lang: locale.as_str().to_owned(),
        title: text_with(
            locale,
            "receipt-title",
            &[("reference", view.reference.clone())],
        ),
        facts,
        next_heading: text(locale, "application-next-heading"),
        next_steps: view.form.next_steps.get(locale).to_owned(),
        sections,
        files_heading: text(locale, "receipt-files"),
        files,
        footer: text_with(
            locale,
            "receipt-footer",
            &[
                ("site", site.to_owned()),
                ("reference", view.reference.clone()),
                ("n", "{n}".to_owned()),
                ("m", "{m}".to_owned()),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(rows: usize) -> Receipt {
        Receipt {
            lang: "de".into(),
            title: "Empfangsbestätigung".into(),
            facts: vec![("Eingangsnummer".into(), "SL-2027-000001".into())],
            next_heading: "Wie geht es weiter?".into(),
            next_steps: "Die Behörde prüft Ihren Antrag.".into(),
            sections: vec![(
                "Ihre Angaben".into(),
                (0..rows)
                    .map(|i| (format!("Feld {i}"), "Ein etwas längerer Eintrag, der umbrochen werden muss, weil er nicht in eine Zeile passt.".into()))
                    .collect(),
            )],
            files_heading: "Anlagen".into(),
            files: vec![("Nachweis.pdf".into(), "12 KB, SHA-256 ab12".into())],
            footer: "Serviceportal · SL-2027-000001 · Seite {n} von {m}".into(),
        }
    }

    #[test]
    fn a_long_receipt_is_a_valid_tagged_pdf_over_several_pages() {
        let pdf = render(&receipt(80)).expect("a PDF that passes the PDF/UA checks");
        assert!(pdf.starts_with(b"%PDF-"));
        // The XMP metadata is plain text: PDF/UA-1 is declared, title and language are set.
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("pdfuaid:part"), "declares PDF/UA");
        assert!(text.contains("Empfangsbestätigung"), "the title");
    }

    #[test]
    fn characters_the_font_lacks_become_question_marks_not_errors() {
        let mut r = receipt(1);
        r.sections[0]
            .1
            .push(("Name".into(), "山田 太郎 🐕 Ωμέγα Жанна".into()));
        let pdf = render(&r).expect("still a valid PDF/UA document");
        assert!(pdf.starts_with(b"%PDF-"));
        let metrics = Metrics::new().unwrap();
        let shown: String = metrics
            .regular
            .glyphs("山 Ω Ж")
            .iter()
            .map(|(c, _, _)| *c)
            .collect();
        assert_eq!(shown, "? Ω Ж");
    }

    #[test]
    fn lines_never_run_past_the_margin() {
        let metrics = Metrics::new().unwrap();
        let width = PAGE_W - 2.0 * MARGIN - LABEL_W - GAP;
        let long =
            "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen und noch mehr Wörter";
        for line in metrics.wrap(long, Style::Body, width) {
            assert!(metrics.width(&line, Style::Body) <= width, "{line}");
        }
        let (lines, pages) = layout(&blocks_of(&receipt(80)), &metrics);
        assert!(pages >= 2, "80 rows need more than one page");
        assert!(lines.iter().all(|l| l.y < PAGE_H - MARGIN));
    }
}
