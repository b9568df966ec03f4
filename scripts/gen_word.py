#!/usr/bin/env python3
"""Writes the Word fixtures of `klausul annotate` in fixtures/word/ from texts
written for this project, as zip + XML written here:

- anbud.docx: a tender whose clause (2.1 Antidiskriminering) has soft modals,
  vague times and missing requirements, with Swedish style ids (Rubrik1),
  heading and list numbering, a table, a footnote, a field, a header and a
  footer, a reviewer's comment and a reviewer's tracked changes.
- utan-klausul.docx: a tender with no clause at all.
- markup.docx: a tender whose quoted text looks like XML.
- upphavda.docx: a clause that cites repealed acts.
- libreoffice.docx: anbud.docx saved again by LibreOffice (when installed),
  so the annotator meets LibreOffice's own way of writing WordprocessingML.

The outputs are committed; CI never runs this.

Usage: python3 scripts/gen_word.py
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "word")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# A fixed time for every zip entry, so the files are the same on each run.
STAMP = (2026, 11, 1, 0, 0, 0)


def run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs, style=None, num=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{ppr}{body}</w:p>"


def heading(level, text):
    return para(text, style=f"Rubrik{level}", num=("1", level - 1))


def item(text):
    return para(text, style="Liststycke", num=("2", 0))


def table(rows):
    out = '<w:tbl><w:tblPr><w:tblStyle w:val="Tabellrutnt"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    out += '<w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>'
    for row in rows:
        out += "<w:tr>" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{para(c)}</w:tc>' for c in row
        ) + "</w:tr>"
    return out + "</w:tbl>"


FILLER = ("Leverantören ska utföra uppdraget fackmässigt och i samråd med beställarens "
          "kontaktperson. Ändringar i omfattningen ska avtalas skriftligen.")

ANBUD = [
    para("Förfrågningsunderlag – Städning av skolor i Skärholmen", style="Rubrik"),
    heading(1, "Upphandlingens omfattning"),
    para("Stadsdelsförvaltningen upphandlar städtjänster i elva skolor. Kontraktet gäller i "
         "två (2) år och kan förlängas med ett (1) år."),
    table([["Kontaktperson", "Telefon"], ["Anna Berg", "08-508 000 00"]]),
    para(FILLER),
    heading(1, "Särskilda kontraktsvillkor"),
    heading(2, "Antidiskriminering"),
    # A soft modal in a run of its own, in bold.
    para("Leverantören ", run("bör", bold=True),
         " under hela avtalsperioden följa diskrimineringslagen (2008:567)."),
    para("Leverantören ska i uppdraget upprätthålla principen om alla människors lika värde "
         "och lika rätt till bemötande och möjligheter."),
    item("Leverantören ska bedriva arbete med aktiva åtgärder enligt 3 kap. i nämnda "
         "lag och dokumentera arbetet skriftligt varje år. Beställaren får "
         "begära att ta del av dokumentationen."),
    item("Leverantören ska se till att underleverantörer som anlitas i uppdraget följer "
         "villkoren i detta avsnitt, och svarar för dem som för sig själv."),
    # A reviewer's tracked changes in the clause.
    '<w:p><w:r><w:t xml:space="preserve">Efter begäran från beställaren ska leverantören </w:t></w:r>'
    '<w:del w:id="901" w:author="Granskare" w:date="2026-10-01T10:00:00Z"><w:r>'
    '<w:delText xml:space="preserve">snarast </w:delText></w:r></w:del>'
    '<w:r><w:t xml:space="preserve">inom skälig tid redovisa hur villkoren i detta avsnitt '
    'uppfylls.</w:t></w:r></w:p>',
    # A reviewer's comment on the cure period.
    '<w:p><w:r><w:t xml:space="preserve">Bryter leverantören mot villkoren i detta avsnitt ska '
    'leverantören vidta rättelse </w:t></w:r><w:commentRangeStart w:id="0"/><w:r>'
    '<w:t>inom skälig tid</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference '
    'w:id="0"/></w:r><w:r><w:t xml:space="preserve"> efter skriftligt påpekande från '
    'beställaren.</w:t></w:r></w:p>',
    para("Följer leverantören inte villkoren i detta avsnitt ska leverantören betala vite med "
         "50 000 kronor per påbörjad vecka som bristen består."),
    para("Beställaren har rätt att häva avtalet om leverantören väsentligt bryter mot "
         "villkoren i detta avsnitt."),
    # A soft modal inside a longer run, with a field after it.
    '<w:p><w:r><w:t xml:space="preserve">Leverantören bör verka för ökad tillgänglighet för '
    'personer med funktionsnedsättning (se sida </w:t></w:r><w:r><w:fldChar '
    'w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
    '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r>'
    '<w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>).</w:t></w:r></w:p>',
    heading(2, "Vite vid försening"),
    para("Påbörjas städningen inte vid avtalad tid utgår vite med 1 000 kronor per dag",
         '<w:r><w:footnoteReference w:id="2"/></w:r>', "."),
    heading(1, "Allmänna villkor"),
    para(FILLER),
]

NO_CLAUSE = [
    para("Förfrågningsunderlag – Konsulttjänster inom IT", style="Rubrik"),
    heading(1, "Upphandlingens omfattning"),
    para("Förvaltningen upphandlar konsulttjänster inom IT-drift. Kontraktet gäller i tre (3) år."),
    heading(1, "Allmänna villkor"),
    para(FILLER),
]

# Document text that looks like markup reaches the comments as text.
MARKUP = [
    para("Förfrågningsunderlag – Tolktjänster", style="Rubrik"),
    heading(1, "Antidiskriminering"),
    para("Leverantören ska under avtalstiden följa diskrimineringslagen (2008:567)."),
    heading(1, "Allmänna villkor"),
    para('Beställaren får häva avtalet vid väsentligt avtalsbrott <w:t>&amp; "citat" ]]> </w:p>.'),
]

# Repealed acts cited, one alone and two in a list.
REPEALED = [
    para("Förfrågningsunderlag – Fordonstvätt", style="Rubrik"),
    heading(1, "Antidiskriminering"),
    para("Leverantören ska under avtalstiden följa lag (2003:307) om förbud mot diskriminering "
         "och jämställdhetslagen (1991:433)."),
    para("Leverantören ska i uppdraget upprätthålla principen om alla människors lika värde "
         "och lika rätt till bemötande och möjligheter."),
]


def styles():
    out = f'<w:styles xmlns:w="{W}">'
    out += ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            '<w:pPr><w:spacing w:after="120"/></w:pPr></w:style>')
    out += ('<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/>'
            '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>')
    for level in (1, 2):
        out += (f'<w:style w:type="paragraph" w:styleId="Rubrik{level}"><w:name w:val="heading {level}"/>'
                f'<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
                f'<w:rPr><w:b/><w:sz w:val="{32 - 4 * level}"/></w:rPr></w:style>')
    out += ('<w:style w:type="paragraph" w:styleId="Liststycke"><w:name w:val="List Paragraph"/>'
            '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>')
    out += ('<w:style w:type="table" w:styleId="Tabellrutnt"><w:name w:val="Table Grid"/></w:style>')
    return out + "</w:styles>"


def numbering():
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{".".join(f"%{j + 1}" for j in range(i + 1))}"/></w:lvl>'
        for i in range(2))
    return (f'<w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
            '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def package(path, body, with_comment):
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(body)}'
           '<w:sectPr><w:headerReference w:type="default" r:id="rId5"/>'
           '<w:footerReference w:type="default" r:id="rId6"/>'
           '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
             '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
             '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
             '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
             '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
             + ('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                if with_comment else '')
             + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{rel}styles" Target="styles.xml"/>'
                f'<Relationship Id="rId2" Type="{rel}numbering" Target="numbering.xml"/>'
                f'<Relationship Id="rId3" Type="{rel}footnotes" Target="footnotes.xml"/>'
                + (f'<Relationship Id="rId4" Type="{rel}comments" Target="comments.xml"/>' if with_comment else '')
                + f'<Relationship Id="rId5" Type="{rel}header" Target="header1.xml"/>'
                f'<Relationship Id="rId6" Type="{rel}footer" Target="footer1.xml"/>'
                '</Relationships>')
    footnotes = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="0"><w:p><w:r>'
                 '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" '
                 'w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="2"><w:p><w:r><w:t xml:space="preserve">Vitet avser varje '
                 'skola för sig.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    header = f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>Stadsdelsförvaltningen – Dnr 2026/123</w:t></w:r></w:p></w:hdr>'
    footer = (f'<w:ftr xmlns:w="{W}"><w:p><w:r><w:t xml:space="preserve">Sida </w:t></w:r><w:fldSimple '
              'w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>')
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="{W}">'
                '<w:comment w:id="0" w:author="Jurist" w:date="2026-10-02T09:00:00Z" w:initials="J"><w:p><w:r>'
                '<w:t>Ange en bestämd tid, t.ex. 30 dagar.</w:t></w:r></w:p></w:comment></w:comments>')
    parts = [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", doc),
             ("word/_rels/document.xml.rels", doc_rels), ("word/styles.xml", styles()),
             ("word/numbering.xml", numbering()), ("word/footnotes.xml", footnotes),
             ("word/header1.xml", header), ("word/footer1.xml", footer)]
    if with_comment:
        parts.append(("word/comments.xml", comments))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            z.writestr(zipfile.ZipInfo(name, STAMP), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


def by_libreoffice(source, destination):
    soffice = shutil.which("soffice")
    if soffice is None:
        print(f"soffice not found: {destination} not made", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        # Through ODT and back, so every part is LibreOffice's own writing.
        for fmt, src in (("odt", source), ("docx:MS Word 2007 XML", os.path.join(work, "anbud.odt"))):
            subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                            "--convert-to", fmt, "--outdir", work, src],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.move(os.path.join(work, "anbud.docx"), destination)


def main():
    os.makedirs(OUT, exist_ok=True)
    package(os.path.join(OUT, "anbud.docx"), ANBUD, True)
    package(os.path.join(OUT, "utan-klausul.docx"), NO_CLAUSE, False)
    package(os.path.join(OUT, "markup.docx"), MARKUP, False)
    package(os.path.join(OUT, "upphavda.docx"), REPEALED, False)
    by_libreoffice(os.path.join(OUT, "anbud.docx"), os.path.join(OUT, "libreoffice.docx"))


if __name__ == "__main__":
    main()
