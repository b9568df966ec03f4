#!/usr/bin/env python3
"""Reads the Word file `klausul suggest` writes with readers that are not
klausul's, for tests/it/reports.rs. Prints one JSON object.

Usage: suggest.py docx FILE.docx
         each paragraph (style, the list it is numbered in, its level and its
         text), each list's number format, the language and paragraph
         spacing of the document's defaults, read with zipfile and
         xml.etree; the paragraphs again with python-docx when it is installed
       suggest.py odt FILE.odt
         LibreOffice's reading of a converted copy: each list's kind
         ("number." or "bullet") and the text of its items, the headings, and
         the language of the default style
"""
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"


def attr(e, name):
    return None if e is None else e.get(W + name)


def docx(path):
    with zipfile.ZipFile(path) as z:
        document = ET.fromstring(z.read("word/document.xml"))
        styles = ET.fromstring(z.read("word/styles.xml"))
        numbering = ET.fromstring(z.read("word/numbering.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    paragraphs = []
    for p in document.iter(W + "p"):
        ppr = p.find(W + "pPr")
        style = attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
        num = ppr.find(W + "numPr") if ppr is not None else None
        paragraphs.append({
            "style": style,
            "num_id": attr(num.find(W + "numId"), "val") if num is not None else None,
            "level": attr(num.find(W + "ilvl"), "val") if num is not None else None,
            "text": "".join(t.text or "" for t in p.iter(W + "t")),
        })
    abstract = {}
    for a in numbering.iter(W + "abstractNum"):
        lvl = a.find(W + "lvl")
        abstract[attr(a, "abstractNumId")] = {
            "format": attr(lvl.find(W + "numFmt"), "val"),
            "text": attr(lvl.find(W + "lvlText"), "val"),
        }
    lists = {
        attr(n, "numId"): abstract[attr(n.find(W + "abstractNumId"), "val")]
        for n in numbering.iter(W + "num")
    }
    defaults = styles.find(W + "docDefaults")
    spacing = defaults.find(f"{W}pPrDefault/{W}pPr/{W}spacing")
    out = {
        "paragraphs": paragraphs,
        "lists": lists,
        "language": attr(defaults.find(f"{W}rPrDefault/{W}rPr/{W}lang"), "val"),
        "spacing_after": attr(spacing, "after"),
        "numbering_related": "relationships/numbering" in rels and "numbering+xml" in types,
        "python_docx": None,
    }
    try:
        import docx as python_docx
    except ImportError:
        return out
    d = python_docx.Document(path)
    out["python_docx"] = [{"style": p.style.name, "text": p.text} for p in d.paragraphs]
    return out


def odt(path):
    with zipfile.ZipFile(path) as z:
        content = ET.fromstring(z.read("content.xml"))
        styles = ET.fromstring(z.read("styles.xml"))

    def text(e):
        return "".join(e.itertext())

    kinds = {}
    for root in (content, styles):
        for ls in root.iter(TEXT + "list-style"):
            first = next(iter(ls), None)
            if first is not None:
                kind = first.tag.replace(TEXT + "list-level-style-", "")
                suffix = first.get(STYLE + "num-suffix") or ""
                kinds[ls.get(STYLE + "name")] = kind + suffix if kind == "number" else kind
    lists = content.iter(TEXT + "list")
    items = [
        {"kind": kinds.get(l.get(TEXT + "style-name")), "items": [text(i) for i in l.iter(TEXT + "list-item")]}
        for l in lists
    ]
    headings = [text(h) for h in content.iter(TEXT + "h")]
    language = None
    for s in styles.iter(STYLE + "default-style"):
        if s.get(STYLE + "family") == "paragraph":
            props = s.find(STYLE + "text-properties")
            if props is not None:
                language = f"{props.get(FO + 'language')}-{props.get(FO + 'country')}"
    return {"lists": items, "headings": headings, "language": language}


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    print(json.dumps(docx(path) if kind == "docx" else odt(path), ensure_ascii=False))
