#!/usr/bin/env python3
"""Writes the spreadsheet fixtures in fixtures/sheets/ from data made up for
this project: an agreement register (title rows above the header, merged
cells, a formula, an error value, mixed value and date formats, goods,
services and works, an old clause version, a hidden sheet) as xlsx, and as
xls and ods converted by LibreOffice; the same register as CSV in
Windows-1252 with ';'; requirement catalogues with a Ska/Bör column, in
Swedish and English; and a register and a catalogue whose hidden sheets
hold rows that count (dolda-blad.*, dold-katalog.xlsx). Needs openpyxl (PyPI) and, for xls/ods, LibreOffice.
The outputs are committed; CI never runs this.

Usage: python3 scripts/gen_sheets.py
       python3 scripts/gen_sheets.py --big DIR ROWS   (benchmark register)
"""
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile

import openpyxl

import soffice

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "sheets")

HEADER = ["Avtalsnummer", "Avtalsnamn", "Leverantör", "Org.nr", "Avtalstyp", "CPV",
          "Uppskattat värde tkr", "Startdatum", "Slutdatum", "Förlängningsoption (mån)",
          "Ansvarig nämnd", "Klausul ingår", "Klausulversion", "Vite per vecka (kr)",
          "Redovisningstid (dagar)", "Underleverantörskrav", "Hävningsrätt"]

D = dt.date
# (row values, expected status under stockholm, under forordning-2006-260)
ROWS = [
    (["SF-2024-001", "Städtjänster Farsta", "Renstäd AB", "556000-0001", "Tjänst", "90910000", 4200,
      D(2024, 3, 1), D(2027, 2, 28), 12, "Farsta stadsdelsnämnd", "Ja", "2019", 25000, 30, "Ja", "Ja"],
     "compliant", "compliant"),
    (["SF-2024-002", "Kontorsmaterial", "Papper och Penna AB", "556000-0002", "Vara", "30192000", 800,
      D(2024, 1, 1), D(2025, 12, 31), None, "Stadsledningskontoret", "Nej", None, None, None, None, None],
     "not-applicable", "not-applicable"),
    (["SF-2024-006", "Skolskjuts", "Buss i Väst AB", "556000-0006", "Tjänst", None, "1 250 000 kr",
      "1 mars 2024", "2026-02-28", None, "Utbildningsnämnden", "ja", "2019", 5000, 30, "Ja", "Ja"],
     "non-compliant", "non-compliant"),
    (["SF-2024-010", "Ramavtal IT-konsulter", "Kodkraft AB", "556000-0010", "Ramavtal", "72000000", "=6000*2",
      D(2024, 6, 1), D(2026, 5, 31), 24, "Stadsledningskontoret", "x", "2019", 30000, 14, "Ja", "Ja"],
     "compliant", "compliant"),
    (["SF-2024-011", "Ramavtal förbrukning", "Allt i Allo AB", "556000-0011", "Ramavtal", None, 300,
      D(2024, 9, 1), D(2026, 8, 31), None, "Stadsledningskontoret", "Ja", "2019", None, None, None, None],
     "needs-review", "needs-review"),
    (["SF-2023-004", "Ombyggnad Hägerstensskolan", "Byggbolaget AB", "556000-0004", "Byggentreprenad", "45214200", 35000,
      D(2023, 5, 1), D(2025, 4, 30), None, "Utbildningsnämnden", "Nej", None, None, None, None, None],
     "non-compliant", "non-compliant"),
    (["SF-2022-007", "Hemtjänst Älvsjö", "Omsorg Syd AB", "556000-0007", "Tjänst", "85000000", 9000,
      D(2022, 1, 1), D(2025, 12, 31), 24, "Äldrenämnden", "Ja", "Äldre version (2014)", 25000, 30, "Ja", "Ja"],
     "needs-review", "needs-review"),
    (["SF-2025-003", "Parkskötsel", "Grönt & Skönt AB", "556000-0003", "Tjänst", "77310000", "#REF!",
      D(2025, 4, 1), D(2028, 3, 31), None, "Trafiknämnden", "Ja", "2019", 25000, 30, "Ja", "Ja"],
     "compliant", "needs-review"),
    (["SF-2025-004", "Snöröjning vintern 2025", "Plogen AB", "556000-0014", "Anläggningsentreprenad", None, 2000,
      D(2025, 10, 1), D(2026, 3, 31), None, "Trafiknämnden", None, None, None, None, None, None],
     "non-compliant", "not-applicable"),
    (["SF-2025-005", "Tolkförmedling", "Språkbron AB", "556000-0005", None, "79540000", 1500,
      D(2025, 1, 1), D(2026, 12, 31), None, "Socialnämnden", "Ja", "2019", 25000, 45, "Ja", "Ja"],
     "non-compliant", "non-compliant"),
    (["SF-2025-006", "Lokalvård förskolor", "Renstäd AB", "556000-0001", "Tjänst", "90919000", 6000,
      D(2025, 2, 1), D(2028, 1, 31), None, "Farsta stadsdelsnämnd", "Ja", "2019", 25000, 30, "Nej", "Ja"],
     "non-compliant", "non-compliant"),
    (["SF-2025-007", "Fönsterputs förskolor", "Renstäd AB", "556000-0001", "Tjänst", "90911300", 950,
      D(2025, 3, 1), D(2027, 2, 28), None, None, "Ja", "2019", 25000, 30, "Ja", "Ja"],
     "compliant", "compliant"),
]


def register_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Avtal"
    ws["A1"] = "Avtalsregister – Stadsledningskontoret"
    ws.merge_cells("A1:H1")
    ws["A2"] = "Uttag 2026-11-01, alla pågående avtal"
    ws.append([])
    ws.append(HEADER)
    for values, _, _ in ROWS:
        ws.append(values)
    # The last row's board is merged with the one above it, as registers
    # grouped by board often are.
    last = 4 + len(ROWS)
    ws.merge_cells(f"K{last - 1}:K{last}")
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    hidden = wb.create_sheet("Hjälptabell")
    hidden.append(["Avtalstyp", "Tjänst", "Vara", "Byggentreprenad"])
    hidden.sheet_state = "hidden"
    wb.save(path)


def register_csv(path):
    lines = [";".join(HEADER)]
    for values, _, _ in ROWS:
        cells = []
        for v in values:
            if v is None:
                cells.append("")
            elif isinstance(v, dt.date):
                cells.append(v.isoformat())
            elif isinstance(v, int) and v >= 1000:
                cells.append(f"{v:,}".replace(",", " "))
            elif v == "=6000*2":
                cells.append("12 000")
            else:
                cells.append(str(v))
        lines.append(";".join(cells))
    with open(path, "w", encoding="cp1252", newline="\r\n") as f:
        f.write("\n".join(lines) + "\n")


def expectations(path, column):
    with open(path, "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS):
            f.write(f"{5 + i} {row[0][0]} {row[column]}\n")


CATALOGUE = [
    ("K1", "Kvalitet", "Leverantören ska ha ett ledningssystem för kvalitet som omfattar hela uppdraget.", "Ska-krav"),
    ("K2", "Kvalitet", "Leverantören ska utse en kontaktperson för avtalet.", "Ska-krav"),
    ("K20", "Antidiskriminering", "Leverantören ska under avtalstiden följa diskrimineringslagen (2008:567) och annan lagstiftning mot diskriminering som gäller vid varje tidpunkt.", "Ska-krav"),
    ("K21", "Antidiskriminering", "Leverantören ska upprätthålla principen om alla människors lika värde och lika rättigheter i uppdraget.", "Bör-krav"),
    ("K22", "Antidiskriminering", "Leverantören ska bedriva arbete med aktiva åtgärder enligt 3 kap. diskrimineringslagen, dokumentera arbetet och på begäran visa dokumentationen för beställaren.", "Ska-krav"),
    ("K23", "Antidiskriminering", "Leverantören ansvarar för att underleverantörer följer villkoren i detta avsnitt.", "Ska-krav"),
    ("K24", "Antidiskriminering", "Leverantören ska på beställarens begäran inom 30 dagar redovisa hur villkoren i detta avsnitt följs.", "Ska-krav"),
    ("K25", "Antidiskriminering", "Följer leverantören inte villkoren i detta avsnitt ska leverantören betala vite med 25 000 kronor per påbörjad vecka.", "Ska-krav"),
    ("K26", "Antidiskriminering", "Beställaren har rätt att häva avtalet om leverantören väsentligt bryter mot villkoren i detta avsnitt.", "Ska-krav"),
]

CATALOGUE_EXPECT = """\
AD-01 met
AD-02 met
AD-03 weak
AD-04 met
AD-05 met
AD-06 met
AD-07 met
AD-08 missing
AD-09 missing
AD-10 met
AD-11 missing
AD-12 met
AD-13 missing
"""


def catalogue_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Krav"
    ws["A1"] = "Kravkatalog – Hemtjänst 2027"
    ws.append([])
    ws.append(["Krav-ID", "Område", "Kravtext", "Kravtyp"])
    for row in CATALOGUE:
        ws.append(list(row))
    wb.save(path)


def catalogue_markdown(path):
    """The same requirements as a document. The Bör-krav is written with
    "bör", as a document says what the catalogue's column says."""
    out = ["# Kravkatalog – Hemtjänst 2027", ""]
    area = None
    for _, row_area, text, kind in CATALOGUE:
        if row_area != area:
            out += [f"## {row_area}", ""]
            area = row_area
        if kind == "Bör-krav":
            text = text.replace("ska", "bör", 1)
        out += [text, ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


ENGLISH = [
    ("R-1", "Non-discrimination", "The supplier shall comply with the Discrimination Act (2008:567) and other anti-discrimination legislation in force at any time during the agreement.", "Must"),
    ("R-2", "Non-discrimination", "The supplier shall ensure that its subcontractors comply with the non-discrimination terms.", "Should"),
    ("R-3", "Non-discrimination", "At the City's request, the supplier shall within ten (10) days report how it complies with the non-discrimination terms.", "Must"),
]

ENGLISH_EXPECT = """\
AD-01 met
AD-02 met
AD-03 missing
AD-04 met
AD-05 weak
AD-06 missing
AD-07 met
AD-08 missing
AD-09 missing
AD-10 missing
AD-11 missing
AD-12 missing
AD-13 missing
"""


def english_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Requirements"
    ws.append(["Req ID", "Area", "Requirement", "Must/Should"])
    for row in ENGLISH:
        ws.append(list(row))
    wb.save(path)


def hidden_register(path):
    """A register with one visible sheet of two agreements and a hidden
    sheet of one more: the hidden agreement lacks the clause. Excel's "very
    hidden" state is written too, on a third sheet of one compliant row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Avtal"
    ws.append(HEADER)
    ws.append(ROWS[0][0])   # SF-2024-001, compliant
    ws.append(ROWS[1][0])   # SF-2024-002, goods
    hidden = wb.create_sheet("Arkiv")
    hidden.append(HEADER)
    hidden.append(ROWS[5][0])   # SF-2023-004, no clause: non-compliant
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("Gömt")
    very.append(HEADER)
    very.append(ROWS[11][0])   # SF-2025-007, compliant
    very.sheet_state = "veryHidden"
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
    wb.save(path)


def hidden_catalogue(path):
    """The catalogue with its penalty row (K25) moved to a hidden sheet: the
    penalty is met, and its place is in the hidden sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Krav"
    ws.append(["Krav-ID", "Område", "Kravtext", "Kravtyp"])
    for row in CATALOGUE:
        if row[0] != "K25":
            ws.append(list(row))
    hidden = wb.create_sheet("Tillägg")
    hidden.append(["Krav-ID", "Område", "Kravtext", "Kravtyp"])
    hidden.append(list(next(r for r in CATALOGUE if r[0] == "K25")))
    hidden.sheet_state = "hidden"
    wb.save(path)


def convert(path, fmt, name):
    soffice.convert(path, fmt, os.path.join(OUT, name), fmt.split(":")[0])


def big(directory, rows):
    """A register of ROWS agreements for the benchmark; not committed."""
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(2026)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Avtal")
    ws.append(["Avtalsregister"])
    ws.append([])
    ws.append(HEADER)
    kinds = ["Tjänst", "Vara", "Byggentreprenad", "Ramavtal", "Anläggningsentreprenad"]
    boards = ["Farsta stadsdelsnämnd", "Utbildningsnämnden", "Trafiknämnden", "Äldrenämnden", "Socialnämnden"]
    for i in range(rows):
        start = D(2018 + rng.randrange(8), 1 + rng.randrange(12), 1)
        end = start + dt.timedelta(days=180 + rng.randrange(1500))
        ws.append([f"SF-{i:06d}", f"Avtal {i}", f"Leverantör {i % 977} AB", f"556{i:07d}",
                   rng.choice(kinds), rng.choice(["90910000", "30192000", "45214200", "", "72000000"]),
                   rng.randrange(100, 50000), start, end, rng.choice([None, 12, 24]),
                   rng.choice(boards), rng.choice(["Ja", "Nej", "", "x"]), rng.choice(["2019", "2014", ""]),
                   rng.choice([None, 5000, 25000, 50000]), rng.choice([None, 14, 30, 45]),
                   rng.choice([None, "Ja", "Nej"]), rng.choice([None, "Ja"])])
    wb.save(os.path.join(directory, f"register-{rows}.xlsx"))


def bad_workbooks():
    """Workbooks a reader must refuse clearly, in fixtures/bad/."""
    bad = os.path.join(os.path.dirname(OUT), "bad")
    os.makedirs(bad, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.active.title = "Tomt"
    wb.save(os.path.join(bad, "empty-sheet.xlsx"))
    with open(os.path.join(OUT, "avtalsregister.xlsx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(bad, "truncated.xlsx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    tool = shutil.which("msoffcrypto-tool")
    if tool:
        subprocess.run([tool, "-e", "-p", "hemligt", os.path.join(OUT, "avtalsregister.xlsx"),
                        os.path.join(bad, "password.xlsx")], check=True)
    else:
        print("msoffcrypto-tool not found: password.xlsx not made", file=sys.stderr)


def main():
    if "--big" in sys.argv:
        at = sys.argv.index("--big")
        big(sys.argv[at + 1], int(sys.argv[at + 2]))
        return
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        raw = os.path.join(work, "avtalsregister.xlsx")
        register_workbook(raw)
        # LibreOffice stores the formula's result, as Excel does; calamine reads that.
        convert(raw, "xlsx", "avtalsregister.xlsx")
        convert(raw, "xls", "avtalsregister.xls")
        convert(raw, "ods", "avtalsregister.ods")
    register_csv(os.path.join(OUT, "avtalsregister.csv"))
    expectations(os.path.join(OUT, "avtalsregister.expect"), 1)
    expectations(os.path.join(OUT, "avtalsregister.2006-260.expect"), 2)
    catalogue_workbook(os.path.join(OUT, "kravkatalog.xlsx"))
    catalogue_markdown(os.path.join(OUT, "kravkatalog.md"))
    with open(os.path.join(OUT, "kravkatalog.expect"), "w", encoding="utf-8") as f:
        f.write(CATALOGUE_EXPECT)
    english_workbook(os.path.join(OUT, "requirements.xlsx"))
    with open(os.path.join(OUT, "requirements.expect"), "w", encoding="utf-8") as f:
        f.write(ENGLISH_EXPECT)
    bad_workbooks()
    hidden_register(os.path.join(OUT, "dolda-blad.xlsx"))
    # LibreOffice keeps a hidden sheet hidden in xls and ods; ods has no
    # "very hidden", so that sheet becomes hidden there.
    convert(os.path.join(OUT, "dolda-blad.xlsx"), "xls", "dolda-blad.xls")
    convert(os.path.join(OUT, "dolda-blad.xlsx"), "ods", "dolda-blad.ods")
    hidden_catalogue(os.path.join(OUT, "dold-katalog.xlsx"))


if __name__ == "__main__":
    main()
