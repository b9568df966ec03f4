#!/usr/bin/env python3
"""Reads an annotated Word document back with readers that are not klausul's,
for tests/it/annotate.rs. Prints one JSON object.

Usage: verify.py docx IN.docx OUT.docx
         the parts that differ, the comments with the text each is anchored
         on, and the tracked revisions, read with zipfile and xml.etree; the
         comments again with python-docx when it is installed
       verify.py odt FILE.odt
         LibreOffice's reading of a converted copy: each office:annotation
         with the text up to its office:annotation-end, and each tracked
         change in text:tracked-changes
"""
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: (z.read(i.filename), i.CRC, i.compress_type) for i in z.infolist()}


def paragraphs_text(element):
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in element.iter(W + "p"))


def anchors(body):
    """The text each comment spans: as written (deleted text in, inserted
    text out) and as accepted (inserted in, deleted out)."""
    written, accepted, open_ids = {}, {}, []

    def walk(e, inserted, deleted):
        tag = e.tag
        if tag == W + "commentRangeStart":
            cid = e.get(W + "id")
            open_ids.append(cid)
            written.setdefault(cid, "")
            accepted.setdefault(cid, "")
            return
        if tag == W + "commentRangeEnd":
            cid = e.get(W + "id")
            if cid in open_ids:
                open_ids.remove(cid)
            return
        inserted = inserted or tag == W + "ins"
        deleted = deleted or tag == W + "del"
        if tag in (W + "t", W + "delText"):
            for cid in open_ids:
                if not inserted:
                    written[cid] += e.text or ""
                if not deleted:
                    accepted[cid] += e.text or ""
        for child in e:
            walk(child, inserted, deleted)

    walk(body, False, False)
    return written, accepted


def revisions(body):
    out = []
    for kind in ("ins", "del"):
        for e in body.iter(W + kind):
            text = "".join((t.text or "") for t in e.iter() if t.tag in (W + "t", W + "delText"))
            out.append({"kind": kind, "author": e.get(W + "author"), "date": e.get(W + "date"),
                        "text": text})
    # A paragraph mark inserted: a whole new paragraph.
    for p in body.iter(W + "p"):
        ppr = p.find(W + "pPr")
        mark = None if ppr is None else ppr.find(W + "rPr/" + W + "ins")
        if mark is not None:
            style = ppr.find(W + "pStyle")
            out.append({"kind": "paragraph", "author": mark.get(W + "author"),
                        "date": mark.get(W + "date"),
                        "style": None if style is None else style.get(W + "val"),
                        "numbered": ppr.find(W + "numPr") is not None,
                        "text": "".join(t.text or "" for t in p.iter(W + "t"))})
    return out


def docx(before, after):
    a, b = parts(before), parts(after)
    changed = sorted(n for n in b if n in a and a[n][0] != b[n][0])
    added = sorted(n for n in b if n not in a)
    removed = sorted(n for n in a if n not in b)
    # Parts not rewritten keep their compressed form too (same CRC and method).
    recompressed = sorted(n for n in b if n in a and a[n][0] == b[n][0] and a[n][1:] != b[n][1:])
    with zipfile.ZipFile(after) as z:
        body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
        names = z.namelist()
        comments = []
        if "word/comments.xml" in names:
            for c in ET.fromstring(z.read("word/comments.xml")).iter(W + "comment"):
                comments.append({"id": c.get(W + "id"), "author": c.get(W + "author"),
                                 "date": c.get(W + "date"), "text": paragraphs_text(c)})
    written, accepted = anchors(body)
    for c in comments:
        c["anchor"] = written.get(c["id"])
        c["anchor_accepted"] = accepted.get(c["id"])
        c["referenced"] = any(r.get(W + "id") == c["id"] for r in body.iter(W + "commentReference"))
    out = {"changed": changed, "added": added, "removed": removed, "recompressed": recompressed,
           "comments": comments, "revisions": revisions(body)}
    try:
        import docx as python_docx  # python-docx 1.2 reads comments
    except ImportError:
        out["python_docx"] = None
    else:
        d = python_docx.Document(after)
        out["python_docx"] = [{"author": c.author, "text": c.text} for c in d.comments]
    return out


def odt(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
    notes, open_names = [], {}

    def walk(e):
        if e.tag == OFFICE + "annotation":
            creator = e.find(DC + "creator")
            note = {"creator": None if creator is None else creator.text,
                    "text": "\n".join("".join(p.itertext()) for p in e.iter(TEXT + "p")),
                    "anchor": "", "ended": False}
            notes.append(note)
            open_names[e.get(OFFICE + "name")] = note
            return  # its own text is not the document's
        if e.tag == OFFICE + "annotation-end":
            note = open_names.pop(e.get(OFFICE + "name"), None)
            if note is not None:
                note["ended"] = True
            return
        if e.tag == TEXT + "tracked-changes":
            return
        if e.text:
            for n in open_names.values():
                n["anchor"] += e.text
        for child in e:
            walk(child)
            if child.tail:
                for n in open_names.values():
                    n["anchor"] += child.tail

    walk(root.find(OFFICE + "body"))
    changes = []
    for region in root.iter(TEXT + "changed-region"):
        for kind in ("insertion", "deletion", "format-change"):
            for c in region.findall(TEXT + kind):
                creator = c.find(OFFICE + "change-info/" + DC + "creator")
                changes.append({"kind": kind, "creator": None if creator is None else creator.text,
                                "text": "".join(p_text for p_text in c.itertext())})
    return {"annotations": notes, "changes": changes}


if __name__ == "__main__":
    if sys.argv[1] == "docx":
        result = docx(sys.argv[2], sys.argv[3])
    else:
        result = odt(sys.argv[2])
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
