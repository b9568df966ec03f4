#!/usr/bin/env python3
"""Writes every labelled corpus document (fixtures/corpus/{tune,blind}/NAME.md
or NAME.txt) again as NAME.docx, NAME.odt and NAME.pdf beside it, so the
accuracy report can measure the same text in four formats.

- Markdown becomes DOCX through pandoc: Word heading styles, real numbered and
  bulleted lists, tables as tables.
- Plain text is text as a PDF extraction leaves it. It becomes the DOCX its
  author would have typed: one paragraph per paragraph (wrapped lines joined,
  hyphenation undone), heading styles on section titles ("§ 4 …", "4 § …",
  "12. HÄVNING", "AFC.6 …", bare title lines), lists as lists, the price table
  as a table. The running headers and "Sida N av M" footers are left out:
  Word keeps those in the page header and footer, not in the body.
- LibreOffice then converts the DOCX files to ODT and to PDF, one soffice call
  per folder and format.

Swedish documents get Word's Swedish style ids (Rubrik1, …) and English ones
the English ids (Heading1, …); both carry the built-in names ("heading 1").
The outputs are committed; CI never runs this. Needs pandoc and soffice
(Debian: pandoc, libreoffice-writer-nogui).

Usage: python3 scripts/gen_corpus_formats.py [--show NAME.txt]
       --show prints how a text file is read (style | text), and writes nothing.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter

import soffice

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "corpus")
SETS = ("tune", "blind")

# ---------------------------------------------------------------- reference documents


def reference_docs(work):
    """pandoc's own reference.docx on A4, once with English and once with
    Swedish style ids and language. Returns {"en": path, "sv": path}."""
    base = os.path.join(work, "base.docx")
    with open(base, "wb") as f:
        f.write(subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                               check=True, capture_output=True).stdout)
    out = {}
    for lang in ("en", "sv"):
        path = os.path.join(work, f"reference-{lang}.docx")
        with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "word/styles.xml":
                    data = styles_for(data.decode("utf-8"), lang).encode("utf-8")
                elif info.filename == "word/document.xml":
                    # Letter → A4, as Swedish and European offices print.
                    data = re.sub(rb'<w:pgSz [^>]*/>', b'<w:pgSz w:w="11906" w:h="16838"/>', data)
                dst.writestr(info, data)
        out[lang] = path
    return out


def styles_for(styles, lang):
    styles = re.sub(r'w:lang w:val="[^"]*"', f'w:lang w:val="{"sv-SE" if lang == "sv" else "en-GB"}"', styles)
    # pandoc bases Subtitle on Title, so a subtitle would inherit the title's
    # place in the outline; Word bases it on Normal.
    styles = re.sub(r'(w:styleId="Subtitle".*?<w:basedOn w:val=")Title"', r'\1Normal"', styles,
                    count=1, flags=re.S)
    if lang == "sv":
        # Swedish Word's ids; the built-in names ("heading 1", "Title") stay.
        # (Subtitle keeps its id: pandoc finds the style for a custom-style
        # paragraph by id, and would add a second "Subtitle" style.)
        styles = re.sub(r'"Heading(\d)"', r'"Rubrik\1"', styles)
        styles = styles.replace('w:styleId="Title"', 'w:styleId="Rubrik"')
        styles = styles.replace('w:styleId="BodyText"', 'w:styleId="Brdtext"')
        styles = styles.replace('w:val="BodyText"', 'w:val="Brdtext"')
    return styles

# ---------------------------------------------------------------- plain text


PAGE_NUMBER = re.compile(r"\b(Sida|Page)\s+\d+\s+(av|of)\s+\d+\s*$")
SECTION_SIGN = re.compile(r"^(§\s*\d+\s*[a-z]?|\d+\s*[a-z]?\s*§)\s+\S")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)(\.?)\s+(\S.*)$")
CODE = re.compile(r"^[A-Z]{3}((?:\.\d+)?)\s+\S")
ANNEX = re.compile(r"^(BILAGA|SCHEDULE|ANNEX|APPENDIX)\s+\w+")
BULLET = re.compile(r"^\s*([–•*-])\s+(\S.*)$")
LETTER = re.compile(r"^\s*([a-z])\)\s+(\S.*)$")
ROMAN = re.compile(r"^\s*\(([ivx]+)\)\s+(\S.*)$")
DIGIT_ITEM = re.compile(r"^\s*(\d+)\.\s+(\S.*)$")
TABLE_ROW = re.compile(r"\S {3,}\S")
# Words that follow a hyphen that is kept: "mark- och anläggningsarbeten".
KEEP_HYPHEN = {"och", "eller", "samt", "respektive", "som", "till", "and", "or", "to"}


def drop_furniture(lines):
    """The lines without running headers and page numbers. A page break
    becomes None, with the blank lines around it."""
    pages = [i for i, l in enumerate(lines) if PAGE_NUMBER.search(l)]
    counts = Counter(l.strip() for l in lines if l.strip())
    # A running header or footer repeats next to the page numbers.
    near = {lines[j].strip() for i in pages for j in range(max(0, i - 3), min(len(lines), i + 4))
            if j != i and lines[j].strip() and counts[lines[j].strip()] >= 2}
    furniture = {i for i, l in enumerate(lines) if i in pages or l.strip() in near}
    out = []
    for i, line in enumerate(lines):
        if i in furniture:
            while out and out[-1] == "":
                out.pop()
            if out and out[-1] is not None:
                out.append(None)
        elif line.strip() == "" and out and out[-1] is None:
            continue
        else:
            out.append(line.rstrip())
    while out and out[0] is None:
        out.pop(0)
    while out and out[-1] in (None, ""):
        out.pop()
    return out, near


def join(a, b):
    """Line A continued by line B, with the hyphenation a line break made undone:
    "diskrimi-" + "neringslagen", but "VA-" + "konsult" and "mark-" + "och"."""
    b = b.strip()
    if not (a.endswith("-") and len(a) > 1 and a[-2].isalpha()):
        return a + " " + b
    if (b.split() or [""])[0] in KEEP_HYPHEN:
        return a + " " + b
    if a[-2].isupper() or not b[:1].islower():
        return a + b
    return a[:-1] + b


class TextReader:
    """Reads wrapped lines into blocks: (kind, level, text) where kind is
    title, subtitle, heading, para, item:<style>:<start> or table."""

    def __init__(self, lines):
        self.lines = lines
        body = [l for l in lines if l and not TABLE_ROW.search(l)]
        self.width = max(len(l) for l in body)
        self.blocks, self.open, self.in_annex, self.list = [], None, False, None

    def next_line(self, i):
        """The next line after I that is not a page break, or None."""
        for line in self.lines[i + 1:]:
            if line is not None:
                return line
        return None

    def ends_paragraph(self, i):
        """True when line I ends its paragraph: the text was wrapped greedily,
        so a line ends a paragraph exactly when the next line's first word
        would have fitted on it."""
        following = self.next_line(i)
        if not following or self.lines[i + 1] == "":
            return True
        if self.lines[i].endswith("-") or self.hangs(i, following):
            return False
        return len(self.lines[i]) + 1 + len(following.split()[0]) <= self.width

    def hangs(self, i, following):
        """True when FOLLOWING goes on with line I under a hanging indent:
        "2.1  The Supplier shall …" over "     on equal terms …", its text
        indented to where line I's text starts (or as line I itself is, when
        that is already such a line), and no list marker opening it."""
        line = self.lines[i]
        indent = len(following) - len(following.lstrip())
        opens = following.lstrip()
        if indent < 3 or "|" in following or re.match(r"\(?[a-z0-9]{1,3}[.)]\s", opens) or any(
                p.match(opens) for p in (BULLET, LETTER, ROMAN, DIGIT_ITEM)):
            return False
        own = len(line) - len(line.lstrip())
        label = re.match(r"\s*\S+\s{2,}", line)
        return indent == own or bool(label and indent == len(label.group(0)))

    def item(self, i, prev):
        """(style, number, text) when line I opens a list item: after a line
        that ends a clause or a lead-in, or with more items of its kind below."""
        line = self.lines[i]
        after = [l for l in self.lines[i + 1:i + 4] if l]
        opened = prev is None or prev == "" or re.search(r"[.:;,]$", prev)
        for pattern, style in ((BULLET, "bullet"), (LETTER, "letter"), (ROMAN, "roman")):
            m = pattern.match(line)
            if m and (opened or any(pattern.match(l) for l in after)):
                return style, ordinal(style, m.group(1)), m.group(2)
        m = DIGIT_ITEM.match(line)
        if m and not m.group(2).isupper() and opened:
            n = int(m.group(1))
            following = after[:1]
            if any(DIGIT_ITEM.match(l) and int(DIGIT_ITEM.match(l).group(1)) == n + 1 for l in following):
                return "number", n, m.group(2)
        return None

    def next_item(self, i):
        """(style, number, text) when line I opens the item that follows the
        open list's last one."""
        style, number = self.list
        for pattern, kind in ((BULLET, "bullet"), (LETTER, "letter"), (ROMAN, "roman"), (DIGIT_ITEM, "number")):
            m = pattern.match(self.lines[i])
            if m and kind == style:
                n = number + 1 if kind == "bullet" else ordinal(kind, m.group(1))
                if n == number + 1:
                    return kind, n, m.group(2)
        return None

    def heading(self, i):
        """The heading level (0 = an annex) when line I, which opens a block, is
        a section title."""
        line = self.lines[i].strip()
        if len(line) > 70 or re.search(r"[.,;:]$", line) or not self.ends_paragraph(i):
            return None
        if ANNEX.match(line):
            return 0
        if SECTION_SIGN.match(line):
            return 1
        m = CODE.match(line)
        if m and line.split()[0].isupper():
            return 1 + len(m.group(1).lstrip("."))
        m = NUMBERED.match(line)
        if m and m.group(3)[:1].isupper():
            return m.group(1).count(".") + 1
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 4 and all(c.isupper() for c in letters):
            return 1
        return 1 if self.bare_title(i) else None

    def read(self):
        prev = None
        for i, line in enumerate(self.lines):
            if line is None:
                continue
            if line == "":
                self.open = "list" if self.open in ("item", "list") else None
                prev = ""
                continue
            self.line(i, line, prev)
            prev = line
        return nest_parts([b for b in self.blocks if b[2]])

    def line(self, i, line, prev):
        """Adds line I to the blocks; PREV is the line before it."""
        blocks = self.blocks
        item = self.next_item(i) if self.open in ("item", "list") else None
        if item is None and self.open in ("para", "item"):
            new_clause = NUMBERED.match(line) and re.search(r"[.:;]$", prev or "")
            item = None if self.open == "item" else self.item(i, prev)
            # A list's last item ends with a full stop; what follows it unindented
            # is the text after the list.
            after_list = self.open == "item" and prev.endswith(".") and line[:1].isupper()
            if not (item or new_clause or after_list or self.strong_heading(i, prev)):
                blocks[-1][2] = join(blocks[-1][2], line)
                self.close_if_ended(i)
                return
        state, self.open = self.open, None
        if state == "title-block" and not (self.heading_like(line) or self.title_over_text(i)):
            blocks.append(["subtitle", 0, line.strip()])
            self.open = state
            return
        if (state == "annex" and self.ends_paragraph(i) and not re.search(r"[.,;:]$", line)
                and not self.heading_like(line)):
            # "SCHEDULE 4" over "Equal Treatment …": one heading in two lines.
            blocks[-1][2] += "\n" + line.strip()
            return
        if TABLE_ROW.search(line):
            row = re.split(r"\s{2,}", line.strip())
            if blocks and blocks[-1][0] == "table":
                blocks[-1][2].append(row)
            else:
                blocks.append(["table", 0, [row]])
            return
        item = item or self.item(i, prev)
        level = None if item else self.heading(i)
        if level is not None:
            if not blocks and level == 1:
                blocks.append(["title", 0, line.strip()])
                self.open = "title-block"
            elif level == 0:
                self.in_annex = True
                blocks.append(["heading", 1, line.strip()])
                self.open = "annex"
            else:
                blocks.append(["heading", level + self.in_annex, line.strip()])
            return
        if item:
            style, number, text = item
            blocks.append([f"item:{style}:{number}", 0, text])
            self.list = (style, number)
            self.open = "item"
        else:
            blocks.append(["para", 0, line.strip()])
            self.open = "para"
        self.close_if_ended(i)

    def close_if_ended(self, i):
        """After the line that ends a paragraph or an item: an item's list stays
        open for the next item."""
        if self.ends_paragraph(i):
            self.open = "list" if self.open == "item" else None

    def strong_heading(self, i, prev):
        """Line I is a title whatever the line before it: "§ 4 Vite", "SCHEDULE
        4", "AFC.6 Ekonomi", "12. HÄVNING", or a short bare line after a full
        stop. A paragraph's last line may be as long as any other, so where
        the wrapping says nothing, only such a title can end the paragraph."""
        line = self.lines[i].strip()
        if len(line) > 70 or re.search(r"[.,;:]$", line) or not self.ends_paragraph(i):
            return False
        letters = [c for c in line if c.isalpha()]
        shouting = len(letters) >= 4 and all(c.isupper() for c in letters)
        return bool(shouting or SECTION_SIGN.match(line) or CODE.match(line)
                    or (prev and prev.endswith(".") and self.bare_title(i)))

    def title_over_text(self, i):
        """Line I is a bare title with running text below it: the lines of a
        title page are short too, but they do not run on in lower case."""
        if not self.bare_title(i):
            return False
        j = self.lines.index(self.next_line(i), i + 1)
        after = self.next_line(j)
        return self.lines[j].endswith("-") or bool(after and after[:1].islower())

    def bare_title(self, i):
        """A title line that is neither numbered nor upper case: a few words,
        no figures, and a paragraph below it."""
        line = self.lines[i].strip()
        following = self.next_line(i)
        return (len(line.split()) <= 5 and line[:1].isupper() and not re.search(r"[\d,.;:]", line)
                and following and len(following) >= 0.6 * self.width
                and not any(p.match(following) for p in (BULLET, LETTER, ROMAN, DIGIT_ITEM)))

    @staticmethod
    def heading_like(line):
        return any(p.match(line) for p in (SECTION_SIGN, CODE, ANNEX)) or (
            NUMBERED.match(line) and len(line) < 70)


def nest_parts(blocks):
    """Paragraph titles ("§ 8 …", "8 § …") under a part's title ("SÄRSKILDA
    KONTRAKTSVILLKOR", "4 ALLMÄNNA AVTALSVILLKOR") go one level down, as
    Word's outline would have them. A part is a title that a paragraph title
    follows at once; "BILAGOR" or "UNDERSKRIFTER" over text are not parts."""
    in_part = False
    for n, block in enumerate(blocks):
        if block[0] != "heading":
            continue
        if SECTION_SIGN.match(block[2]):
            block[1] += in_part and block[1] == 1
        elif block[1] == 1:
            following = blocks[n + 1] if n + 1 < len(blocks) else None
            in_part = bool(following and following[0] == "heading" and SECTION_SIGN.match(following[2]))
    return blocks


def ordinal(style, marker):
    """The number of an item's marker: "c" is 3, "iv" is 4."""
    if style == "letter":
        return ord(marker) - 96
    if style == "roman":
        return roman(marker)
    return int(marker) if style == "number" else 1


def roman(text):
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def inlines(text):
    out = []
    for n, part in enumerate(text.split("\n")):
        if n:
            out.append({"t": "LineBreak"})
        for m, word in enumerate(part.split()):
            if m:
                out.append({"t": "Space"})
            out.append({"t": "Str", "c": word})
    return out


def para(text, style=None):
    block = {"t": "Para", "c": inlines(text)}
    if style:
        return {"t": "Div", "c": [["", [], [["custom-style", style]]], [block]]}
    return block


LIST_STYLES = {"number": ("Decimal", "Period"), "letter": ("LowerAlpha", "OneParen"),
               "roman": ("LowerRoman", "TwoParens")}


def pandoc_ast(blocks):
    """The blocks as pandoc's JSON document."""
    out, i = [], 0
    while i < len(blocks):
        kind, level, text = blocks[i]
        if kind == "title":
            out.append(para(text, "Title"))
        elif kind == "subtitle":
            out.append(para(text, "Subtitle"))
        elif kind == "heading":
            out.append({"t": "Header", "c": [level, ["", [], []], inlines(text)]})
        elif kind == "para":
            out.append(para(text))
        elif kind == "table":
            out.append(table(text))
        elif kind.startswith("item:"):
            _, style, start = kind.split(":")
            items = []
            while i < len(blocks) and blocks[i][0].split(":")[:2] == ["item", style]:
                items.append([{"t": "Plain", "c": inlines(blocks[i][2])}])
                i += 1
            i -= 1
            if style == "bullet":
                out.append({"t": "BulletList", "c": items})
            else:
                number, delimiter = LIST_STYLES[style]
                out.append({"t": "OrderedList",
                            "c": [[int(start), {"t": number}, {"t": delimiter}], items]})
        i += 1
    return {"pandoc-api-version": [1, 22, 2, 1], "meta": {}, "blocks": out}


def table(rows):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]

    def cell(text):
        return [["", [], []], {"t": "AlignDefault"}, 1, 1,
                [{"t": "Plain", "c": inlines(text)}] if text else []]

    def row(r):
        return [["", [], []], [cell(c) for c in r]]
    return {"t": "Table", "c": [
        ["", [], []], [None, []],
        [[{"t": "AlignLeft"}, {"t": "ColWidthDefault"}]] + [[{"t": "AlignRight"}, {"t": "ColWidthDefault"}]] * (width - 1),
        [["", [], []], [row(rows[0])]],
        [[["", [], []], 0, [], [row(r) for r in rows[1:]]]],
        [["", [], []], []]]}


def read_text_file(path):
    with open(path, encoding="utf-8") as f:
        lines, furniture = drop_furniture(f.read().split("\n"))
    return TextReader(lines).read(), furniture

# ---------------------------------------------------------------- the run


def language(path):
    return "en" if os.path.basename(path).startswith("en-") else "sv"


def to_docx(path, references):
    docx = os.path.splitext(path)[0] + ".docx"
    reference = references[language(path)]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    if path.endswith(".md"):
        # No "smart" quotes: the DOCX keeps the very characters of the Markdown.
        subprocess.run(["pandoc", "-f", "markdown-smart", "--reference-doc", reference, "-o", docx, path],
                       check=True, env=env)
    else:
        blocks, _ = read_text_file(path)
        subprocess.run(["pandoc", "-f", "json", "--reference-doc", reference, "-o", docx],
                       input=json.dumps(pandoc_ast(blocks)).encode("utf-8"), check=True, env=env)
    return docx


def drop_thumbnail(odt):
    """Leaves out the page picture LibreOffice puts in every ODT (30 KB, two
    thirds of the file); it is optional, and no reader looks at it."""
    if not os.path.exists(odt):
        return
    with zipfile.ZipFile(odt) as src:
        parts = [(info, src.read(info.filename)) for info in src.infolist()
                 if not info.filename.startswith("Thumbnails/")]
    with zipfile.ZipFile(odt, "w") as dst:
        for info, data in parts:
            if info.filename == "META-INF/manifest.xml":
                data = re.sub(rb'\s*<manifest:file-entry [^>]*Thumbnails/[^>]*/>', b"", data)
            dst.writestr(info, data)


def show(path):
    blocks, furniture = read_text_file(path)
    for line in sorted(furniture):
        print(f"furniture  | {line}")
    for kind, level, text in blocks:
        label = f"{kind} {level}" if kind == "heading" else kind
        if kind == "table":
            text = " / ".join(" | ".join(r) for r in text)
        print(f"{label:<14} | {text}")


def main():
    if "--show" in sys.argv:
        show(sys.argv[sys.argv.index("--show") + 1])
        return
    with tempfile.TemporaryDirectory() as work:
        references = reference_docs(work)
        for name in SETS:
            folder = os.path.join(ROOT, name)
            sources = sorted(glob.glob(os.path.join(folder, "*.md")) + glob.glob(os.path.join(folder, "*.txt")))
            made = [to_docx(p, references) for p in sources]
            for fmt in ("odt", "pdf"):
                soffice.convert_all(made, fmt, folder)
            for docx in made:
                drop_thumbnail(os.path.splitext(docx)[0] + ".odt")
            print(f"{name}: {len(made)} documents in DOCX, ODT and PDF")


if __name__ == "__main__":
    main()
