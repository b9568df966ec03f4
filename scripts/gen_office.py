#!/usr/bin/env python3
"""Writes the office fixtures in fixtures/office/ from texts written for this
project: each document as Markdown and as DOCX (zip + XML written here, so no
office suite is needed), and, when LibreOffice is installed, as PDF and ODT
converted from the DOCX. It also writes the broken and protected files of
fixtures/bad/ (msoffcrypto-tool from PyPI encrypts the Word file). The outputs
are committed; CI never runs this.

Usage: python3 scripts/gen_office.py [--no-convert]
       python3 scripts/gen_office.py --big DIR PAGES   (benchmark input)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import soffice

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "office")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

FILLER = (
    "Leverantören ska utföra uppdraget med den kompetens och omsorg som krävs och i "
    "samråd med beställarens kontaktperson. Beställaren tillhandahåller de uppgifter "
    "som behövs för planeringen av insatserna. Ändringar i omfattningen ska avtalas "
    "skriftligen mellan parterna innan de genomförs."
)

# ---------------------------------------------------------------- documents
# Items: ("title", text) ("toc",) ("h", level, text) ("p", text)
# ("tracked", before, deleted, inserted, after) ("note", text, footnote)
# ("table", rows) ("filler", n)

HEMTJANST = [
    ("title", "Förfrågningsunderlag – Hemtjänst i Farsta stadsdelsförvaltning"),
    ("toc",),
    ("h", 1, "Upphandlingens omfattning"),
    ("p", "Stadsdelsförvaltningen upphandlar hemtjänst enligt socialtjänstlagen. "
          "Kontraktet gäller i tre (3) år och kan förlängas med högst ett (1) år. "
          "Det uppskattade värdet är 12 000 000 kronor."),
    ("filler", 6),
    ("h", 1, "Allmänna villkor"),
    ("h", 2, "Vite vid försening"),
    ("p", "Påbörjas en insats inte vid överenskommen tid utgår förseningsvite med "
          "2 000 kronor per dag."),
    ("filler", 6),
    ("h", 2, "Hävning"),
    ("p", "Beställaren har rätt att häva avtalet om leverantören i väsentlig "
          "omfattning bryter mot villkoren i punkt 3.2 och inte vidtar rättelse."),
    ("filler", 6),
    ("h", 1, "Särskilda kontraktsvillkor"),
    ("h", 2, "Miljö"),
    ("p", "Fordon som används i uppdraget ska uppfylla beställarens miljökrav."),
    ("h", 2, "Antidiskriminering"),
    ("note", "Leverantören ska under hela avtalsperioden följa diskrimineringslagen "
             "(2008:567) och den lagstiftning mot diskriminering som gäller vid varje tidpunkt.",
             "Lagen finns i Svensk författningssamling som SFS 2008:567."),
    ("p", "Leverantören ska i uppdraget upprätthålla principen om alla människors lika "
          "värde och rätt till likabehandling."),
    ("tracked", "Leverantören ", "bör", "ska",
     " bedriva arbete med aktiva åtgärder enligt 3 kap. diskrimineringslagen, "
     "dokumentera arbetet och på begäran visa dokumentationen för beställaren."),
    ("p", "Leverantören svarar för att underleverantörer som anlitas i uppdraget "
          "följer villkoren i detta avsnitt."),
    ("p", "Efter begäran från beställaren ska leverantören inom fjorton (14) "
          "kalenderdagar redovisa hur villkoren i detta avsnitt följs."),
    ("p", "Följer leverantören inte villkoren i detta avsnitt ska leverantören betala "
          "vite med 30 000 kronor per påbörjad vecka tills bristen är avhjälpt."),
    ("filler", 4),
    ("h", 1, "Bilagor"),
    ("p", "Bilaga 1 Kravspecifikation. Bilaga 2 Prisbilaga."),
]

# The statuses a reader of the text above would give, requirement by
# requirement; the test checks every format against them. AD-11 is weak in
# the English contract: "until the breach is remedied" ties a remedy to the
# clause but sets no time for it.
HEMTJANST_EXPECT = """\
AD-01 met
AD-02 met
AD-03 met
AD-04 met
AD-05 met
AD-06 met
AD-07 met
AD-08 missing
AD-09 missing
AD-10 met
AD-11 weak
AD-12 met
AD-13 missing
"""

CONSULTING = [
    ("title", "Framework Agreement – IT Consulting Services"),
    ("h", 1, "1 Scope"),
    ("p", "The City procures IT consulting services for its administrations. The "
          "agreement runs for two (2) years with an option to extend by one (1) year."),
    ("h", 1, "2 Special contract terms"),
    ("p", "The supplier shall meet the requirements in the table below during the "
          "whole term of the agreement."),
    ("table", [
        ["Term", "Requirement"],
        ["2.1 Non-discrimination",
         "The supplier shall comply with the Discrimination Act (2008:567) and other "
         "anti-discrimination legislation in force at any time during the agreement."],
        ["2.2 Subcontractors",
         "The supplier is responsible for ensuring that its subcontractors comply with "
         "the non-discrimination terms."],
        ["2.3 Reporting",
         "At the City's request, the supplier shall within ten (10) days report how it "
         "complies with the non-discrimination terms."],
        ["2.4 Liquidated damages",
         "If the supplier breaches the non-discrimination terms, it shall pay liquidated damages of "
         "SEK 50,000 per started week until the breach is remedied."],
    ]),
    ("h", 1, "3 Termination"),
    ("p", "The City may terminate the agreement with immediate effect if the supplier "
          "commits a material breach of the agreement."),
]

CONSULTING_EXPECT = """\
AD-01 met
AD-02 met
AD-03 missing
AD-04 met
AD-05 met
AD-06 missing
AD-07 met
AD-08 missing
AD-09 missing
AD-10 met
AD-11 weak
AD-12 weak
AD-13 missing
"""

# A tender that LibreOffice itself writes as DOCX (from this HTML), so its XML
# is an office suite's, not ours: other style names, other numbering.
RAMAVTAL_HTML = """<html><head><meta charset="utf-8"><title>Ramavtal</title></head><body>
<h1>Ramavtal – Snöröjning och halkbekämpning</h1>
<h2>1 Avtalets omfattning</h2>
<p>Avtalet omfattar snöröjning och halkbekämpning av gång- och cykelvägar i Hägersten-Älvsjö. Avtalstiden är fyra (4) år.</p>
<h2>2 Kommersiella villkor</h2>
<p>Fakturering sker månadsvis i efterskott. Betalning sker trettio (30) dagar efter godkänd faktura.</p>
<h2>3 Särskilda villkor</h2>
<h3>3.1 Diskriminering</h3>
<p>Entreprenören förbinder sig att under hela avtalstiden följa diskrimineringslagen (2008:567).</p>
<p>Entreprenören ska, om staden begär det, inom trettio (30) dagar skriftligen redovisa hur skyldigheterna enligt denna punkt fullgörs.</p>
<p>Entreprenören ansvarar för att underentreprenörer uppfyller villkoren i denna punkt.</p>
<p>Fullgör entreprenören inte sina skyldigheter enligt denna punkt ska entreprenören betala ett vite om 10 000 kronor per påbörjad vecka.</p>
<h2>4 Hävning</h2>
<p>Staden får häva avtalet om entreprenören bryter mot punkt 3.1 och inte vidtar rättelse inom fjorton (14) dagar efter skriftlig anmaning.</p>
</body></html>
"""

RAMAVTAL_EXPECT = """\
AD-01 met
AD-02 met
AD-03 missing
AD-04 met
AD-05 met
AD-06 missing
AD-07 met
AD-08 missing
AD-09 missing
AD-10 weak
AD-11 met
AD-12 met
AD-13 missing
"""

# ---------------------------------------------------------------- markdown

def markdown(doc, auto_numbers):
    out, numbers = [], [0, 0, 0]
    for item in doc:
        kind = item[0]
        if kind == "title":
            out.append(f"# {item[1]}\n")
        elif kind == "h":
            level, text = item[1], item[2]
            if auto_numbers:
                numbers[level - 1] += 1
                for i in range(level, 3):
                    numbers[i] = 0
                text = ".".join(str(n) for n in numbers[:level]) + " " + text
            out.append("#" * (level + 1) + f" {text}\n")
        elif kind == "p":
            out.append(item[1] + "\n")
        elif kind == "note":
            out.append(item[1] + " " + item[2] + "\n")
        elif kind == "tracked":
            out.append(item[1] + item[3] + item[4] + "\n")
        elif kind == "filler":
            out.extend(FILLER + "\n" for _ in range(item[1]))
        elif kind == "table":
            rows = item[1]
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out.extend("| " + " | ".join(r) + " |" for r in rows[1:])
            out.append("")
    return "\n".join(out)

# ---------------------------------------------------------------- docx

def run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(content, style=None, num=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{content}</w:p>"


def docx_body(doc, heading_ids, auto_numbers, accepted):
    body, notes = [], []
    for item in doc:
        kind = item[0]
        if kind == "title":
            body.append(para(run(item[1]), heading_ids["title"]))
        elif kind == "toc":
            # A table of contents as Word writes it: a TOC field whose result
            # is paragraphs in the TOC styles. It names the clause's heading.
            body.append(para(
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("1 Upphandlingens omfattning\t1"),
                heading_ids["toc"]))
            body.append(para(run("3.2 Antidiskriminering\t4"), heading_ids["toc"]))
            body.append(para(run("Bilagor\t5") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>', heading_ids["toc"]))
        elif kind == "h":
            level, text = item[1], item[2]
            num = ("1", level - 1) if auto_numbers else None
            body.append(para(run(text), heading_ids[level], num))
        elif kind == "p":
            body.append(para(run(item[1])))
        elif kind == "note":
            nid = len(notes) + 1
            notes.append((nid, item[2]))
            body.append(para(run(item[1]) +
                             f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                             f'<w:footnoteReference w:id="{nid}"/></w:r>'))
        elif kind == "tracked" and accepted:
            _, before, _, inserted, after = item
            body.append(para(run(before + inserted + after)))
        elif kind == "tracked":
            _, before, deleted, inserted, after = item
            body.append(para(
                run(before)
                + f'<w:del w:id="91" w:author="Granskare" w:date="2026-10-01T10:00:00Z">'
                  f'<w:r><w:delText>{escape(deleted)}</w:delText></w:r></w:del>'
                + f'<w:ins w:id="92" w:author="Granskare" w:date="2026-10-01T10:00:00Z">{run(inserted)}</w:ins>'
                + '<w:commentRangeStart w:id="0"/>'
                + run(after.replace("aktiva", "akt\u00adiva"))
                + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'))
        elif kind == "filler":
            body.extend(para(run(FILLER.replace("in-", "in\u2011"))) for _ in range(item[1]))
        elif kind == "table":
            rows = "".join(
                "<w:tr>" + "".join(
                    f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{para(run(c))}</w:tc>'
                    for c in row) + "</w:tr>"
                for row in item[1])
            body.append(f'<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>'
                        f'<w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>{rows}</w:tbl>')
    return body, notes


def styles_xml(ids):
    def style(sid, name, outline=None, num=None):
        ppr = ""
        if outline is not None or num is not None:
            ppr = "<w:pPr>"
            if num is not None:
                ppr += f'<w:numPr><w:ilvl w:val="{num}"/><w:numId w:val="1"/></w:numPr>'
            if outline is not None:
                ppr += f'<w:outlineLvl w:val="{outline}"/>'
            ppr += "</w:pPr>"
        return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
                f'<w:basedOn w:val="{ids["normal"]}"/><w:qFormat/>{ppr}<w:rPr><w:b/></w:rPr></w:style>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:styles xmlns:w="{W}">'
            f'<w:style w:type="paragraph" w:default="1" w:styleId="{ids["normal"]}"><w:name w:val="Normal"/></w:style>'
            + style(ids["title"], "Title")
            + style(ids[1], "heading 1", 0)
            + style(ids[2], "heading 2", 1)
            + style(ids["toc"], "toc 1")
            + '</w:styles>')


NUMBERING = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
             '<w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
             '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def write_docx(path, doc, ids, auto_numbers, header, columns=1, accepted=False):
    body, notes = docx_body(doc, ids, auto_numbers, accepted)
    cols = f'<w:cols w:num="{columns}" w:space="720"/>' if columns > 1 else ""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(body)}'
                f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
                f'<w:footerReference w:type="default" r:id="rIdFooter"/>'
                f'<w:pgSz w:w="11906" w:h="16838"/>{cols}</w:sectPr></w:body></w:document>')
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                 + "".join(f'<w:footnote w:id="{n}">{para(run(t))}</w:footnote>' for n, t in notes)
                 + '</w:footnotes>')
    # Header and comment texts use the clause's words: a reader that took them
    # as text would find evidence that is not in the document's body.
    header_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W}">'
                  f'{para(run(header))}</w:hdr>')
    footer_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}">'
                  + para(run("Sida ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                         '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                         + run("1") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
                  + '</w:ftr>')
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
                f'<w:comment w:id="0" w:author="Jurist">{para(run("Leverantören ska redovisa efter åtta månader och därefter var tolfte månad."))}</w:comment>'
                '</w:comments>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
            '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '</Relationships>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
                     '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                     '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                     '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                     '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                     '</Types>')
    package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                    '</Relationships>')
    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", package_rels),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels),
        ("word/styles.xml", styles_xml(ids)),
        ("word/numbering.xml", NUMBERING),
        ("word/footnotes.xml", footnotes),
        ("word/comments.xml", comments),
        ("word/header1.xml", header_xml),
        ("word/footer1.xml", footer_xml),
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


SWEDISH_IDS = {"normal": "Normal", "title": "Rubrik", 1: "Rubrik1", 2: "Rubrik2", "toc": "Innehll1"}
ENGLISH_IDS = {"normal": "Normal", "title": "Title", 1: "Heading1", 2: "Heading2", "toc": "TOC1"}


def convert(path, fmt, name, ext=None):
    """Converts with LibreOffice and stores the result as NAME.EXT in OUT."""
    ext = ext or fmt
    soffice.convert(path, fmt, os.path.join(OUT, f"{name}.{ext}"), ext)


def minimal_pdf(content):
    """A one-page PDF whose page draws `content` (a content stream)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def office_suite_tender():
    """The snow-clearing tender: HTML → DOCX by LibreOffice, then its PDF and ODT."""
    with open(os.path.join(OUT, "ramavtal.expect"), "w", encoding="utf-8") as f:
        f.write(RAMAVTAL_EXPECT)
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "ramavtal.html")
        with open(source, "w", encoding="utf-8") as f:
            f.write(RAMAVTAL_HTML)
        convert(source, "docx:MS Word 2007 XML", "ramavtal", "docx")
    docx = os.path.join(OUT, "ramavtal.docx")
    convert(docx, "pdf", "ramavtal")
    convert(docx, "odt", "ramavtal")


def bad_files():
    """Files a reader must refuse with a clear message, each in fixtures/bad/."""
    bad = os.path.join(os.path.dirname(OUT), "bad")
    os.makedirs(bad, exist_ok=True)
    # A scan: the page is only drawn shapes, no text layer.
    with open(os.path.join(bad, "scan.pdf"), "wb") as f:
        f.write(minimal_pdf(b"0.5 g 50 50 495 742 re f"))
    # A PDF whose cross-reference table points nowhere.
    broken = minimal_pdf(b"BT /F1 12 Tf 72 720 Td (Leverantoren ska) Tj ET")
    broken = broken.replace(b"startxref\n", b"startxref\n9").replace(b"0000000009 00000 n", b"0000099999 00000 n")
    with open(os.path.join(bad, "broken-xref.pdf"), "wb") as f:
        f.write(broken)
    # A Word file cut off in the middle, as by an interrupted download.
    with open(os.path.join(OUT, "hemtjanst.docx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(bad, "truncated.docx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    # Random bytes under office extensions.
    import random
    noise = random.Random(2026).randbytes(4096)
    for ext in ("docx", "odt", "pdf"):
        with open(os.path.join(bad, f"noise.{ext}"), "wb") as f:
            f.write(noise)
    # Password-protected files, made by the real tools when they are installed.
    tool = shutil.which("msoffcrypto-tool")
    if tool:
        subprocess.run([tool, "-e", "-p", "hemligt", os.path.join(OUT, "consulting.docx"),
                        os.path.join(bad, "password.docx")], check=True)
    else:
        print("msoffcrypto-tool not found: password.docx not made", file=sys.stderr)
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"hemligt"}}')
    soffice.convert(os.path.join(OUT, "consulting.docx"), options, os.path.join(bad, "password.pdf"), "pdf")


def big(directory, pages):
    """A long tender for the benchmarks: sections of thirteen paragraphs, about a
    page each, with the clause at the end. Written as DOCX and, with
    LibreOffice, as PDF; not committed."""
    os.makedirs(directory, exist_ok=True)
    doc = [("title", f"Förfrågningsunderlag – {pages} sidor")]
    for n in range(pages):
        doc.append(("h", 1 if n % 10 == 0 else 2, f"Villkor för del {n + 1}"))
        doc.append(("filler", 13))
    doc.extend(HEMTJANST[HEMTJANST.index(("h", 2, "Antidiskriminering")):])
    name = f"big-{pages}"
    docx = os.path.join(directory, f"{name}.docx")
    write_docx(docx, doc, SWEDISH_IDS, True, "Farsta stadsdelsförvaltning", accepted=True)
    global OUT
    saved, OUT = OUT, directory
    try:
        convert(docx, "pdf", name)
    finally:
        OUT = saved


def main():
    if "--big" in sys.argv:
        at = sys.argv.index("--big")
        big(sys.argv[at + 1], int(sys.argv[at + 2]))
        return
    os.makedirs(OUT, exist_ok=True)
    convert_too = "--no-convert" not in sys.argv
    jobs = [
        ("hemtjanst", HEMTJANST, HEMTJANST_EXPECT, SWEDISH_IDS, True,
         "Farsta stadsdelsförvaltning · Antidiskriminering enligt diskrimineringslagen", 1),
        ("consulting", CONSULTING, CONSULTING_EXPECT, ENGLISH_IDS, False,
         "City of Stockholm · Discrimination Act clause", 1),
        ("consulting-columns", CONSULTING, CONSULTING_EXPECT, ENGLISH_IDS, False,
         "City of Stockholm · Discrimination Act clause", 2),
    ]
    for name, doc, expect, ids, auto, header, columns in jobs:
        with open(os.path.join(OUT, f"{name}.md"), "w", encoding="utf-8") as f:
            f.write(markdown(doc, auto))
        with open(os.path.join(OUT, f"{name}.expect"), "w", encoding="utf-8") as f:
            f.write(expect)
        docx = os.path.join(OUT, f"{name}.docx")
        write_docx(docx, doc, ids, auto, header, columns)
        if convert_too:
            # A PDF shows tracked changes as they stand on screen, deleted
            # words included, so it is made from a copy with them accepted.
            with tempfile.TemporaryDirectory() as work:
                clean = os.path.join(work, f"{name}.docx")
                write_docx(clean, doc, ids, auto, header, columns, accepted=True)
                convert(clean, "pdf", name)
            convert(docx, "odt", name)
    if convert_too:
        office_suite_tender()
    bad_files()


if __name__ == "__main__":
    main()
