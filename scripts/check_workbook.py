#!/usr/bin/env python3
"""A klausul workbook read back by openpyxl, as a contract manager's Excel
would see it (issue 20): every sheet can be sorted, filtered and printed as
it is, identifiers are text, numbers carry number formats, dates are dates.

Usage: check_workbook.py WORKBOOK.xlsx SECTION
SECTION is a section number the findings sheet must hold as text ("7.10").
Prints each failure and exits 1 if there is any.
"""

import sys

import openpyxl

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def sheet_is_fileable(ws, title):
    check(ws.freeze_panes is not None, f"{title}: no frozen header")
    check(ws.page_setup.orientation == "landscape", f"{title}: not landscape")
    fit = ws.sheet_properties.pageSetUpPr
    check(fit is not None and fit.fitToPage, f"{title}: not fitted to the page")
    check(ws.print_title_rows == "$1:$1", f"{title}: header row not repeated")
    check("&P" in (ws.oddFooter.center.text or ""), f"{title}: no page numbers")
    check(bool(ws.oddHeader.center.text), f"{title}: no running header")


def main(path, section):
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    # The creation time is the run's (SOURCE_DATE_EPOCH 2026-01-01 00:00 UTC
    # in the test), not the clock's, so the file can be made again.
    created = wb.properties.created
    check(created is not None and created.isoformat()[:16] == "2026-01-01T00:00",
          f"created: {created}")
    check(names == ["Kravmatris", "Fynd", "Avtalsregister", "Täckning", "Om rapporten"],
          f"sheets: {names}")
    for ws in wb.worksheets[:4]:
        sheet_is_fileable(ws, ws.title)
        check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"),
              f"{ws.title}: no autofilter")
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        check(widths and max(widths) <= 60, f"{ws.title}: widths {widths}")
    matrix = wb["Kravmatris"]
    check(len(matrix.conditional_formatting) > 0, "matrix: no conditional formatting")
    findings = wb["Fynd"]
    header = [c.value for c in findings[1]]
    sec = header.index("Avsnitt")
    sections = [r[sec] for r in findings.iter_rows(min_row=2) if r[sec].value is not None]
    check(any(c.value == section and c.data_type == "s" for c in sections),
          f"section {section} not text: {[(c.value, c.data_type) for c in sections]}")
    msg = header.index("Meddelande")
    check(any(r[msg].alignment.wrap_text for r in findings.iter_rows(min_row=2)
              if r[msg].value and len(r[msg].value) > 40), "long text does not wrap")
    register = wb["Avtalsregister"]
    header = [c.value for c in register[1]]
    row = next(r for r in register.iter_rows(min_row=2) if r[3].value == "SF-2024-006")
    start = row[header.index("Startdatum")]
    check(start.is_date and start.number_format == "yyyy-mm-dd", f"start {start.value}")
    value = row[header.index("Värde (kr)")]
    check(value.value == 1250000 and value.number_format == "#,##0", f"value {value.value}")
    check(row[header.index("Klausulen gäller")].value == "ja", "applies is not ja")
    cover = wb["Täckning"]
    check(len(cover._charts) == 2, f"coverage charts: {len(cover._charts)}")
    share = cover["H2"]
    check(isinstance(share.value, float) and share.number_format == "0.0%",
          f"coverage share {share.value!r} {share.number_format}")
    # Under the groups, the register's total: 4 of 11 agreements comply.
    total = [r for r in cover.iter_rows(values_only=True) if r[1] == "hela registret"]
    check(len(total) == 1 and total[0][2:7] == (4, 5, 2, 1, 11)
          and abs(total[0][7] - 4 / 11) < 1e-4, f"total {total}")
    above = [r for r in cover.iter_rows() if r[1].value == "hela registret"]
    check(above and cover.cell(above[0][1].row - 1, 2).value == "Totalt", "total has no header")
    statuses = {r[header.index("Status")].value for r in register.iter_rows(min_row=2)}
    check(statuses == {"uppfyller", "uppfyller inte", "behöver granskas", "ej tillämpligt"},
          f"register statuses {statuses}")
    applies = {r[header.index("Klausulen gäller")].value for r in register.iter_rows(min_row=2)}
    check(applies == {"ja", "nej", None}, f"applies {applies}")
    about = {r[0].value: r[1].value for r in wb["Om rapporten"].iter_rows()}
    check(about.get("Tidpunkt") == "2026-01-01 00:00 UTC", f"time {about}")
    check(about.get("Profil") == "stockholm", f"profile {about}")
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
