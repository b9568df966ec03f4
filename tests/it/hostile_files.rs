//! The hostile-input generator: each function makes one small file that
//! once cost a crash, a hang or gigabytes of memory (issue 17). The files
//! are made afresh in every run, so no binary blob is checked in, and each
//! says in its name what it does.

use std::fmt::Write as _;
use std::io::Write as _;

use super::package;

/// A mebibyte of one letter: a number, a prefix or a string that the file
/// then uses many times over.
fn long_text() -> String {
    "A".repeat(1 << 20)
}

/// A workbook of one sheet, "Blad1", with the sheet's XML and, if given,
/// shared strings.
pub fn xlsx(sheet: &str, shared: Option<&str>) -> Vec<u8> {
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet}</worksheet>"#
    );
    let root = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("_rels/.rels", root.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    let strings = shared.map(|s| {
        format!(
            r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{s}</t></si></sst>"#
        )
    });
    if let Some(strings) = &strings {
        parts.push(("xl/sharedStrings.xml", strings.as_bytes()));
    }
    package(&parts)
}

/// One text cell written inline.
fn inline(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A shared string of 1 MB used by 1 000 cells: a gigabyte of copies.
pub fn xlsx_shared_string() -> Vec<u8> {
    let rows = (1..=1000).fold(String::new(), |mut rows, r| {
        let _ = write!(rows, r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#);
        rows
    });
    xlsx(
        &format!("<sheetData>{rows}</sheetData>"),
        Some(&long_text()),
    )
}

/// A cell of 1 MB at the top left of a merged area of 100 × 100 cells: ten
/// gigabytes once every cell of the area shows it.
pub fn xlsx_merged_long_string() -> Vec<u8> {
    xlsx(
        r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:CV100"/></mergeCells>"#,
        Some(&long_text()),
    )
}

/// 2 000 rows with one cell each at column XFD, the last: 16 384 slots a row.
pub fn xlsx_cells_at_xfd() -> Vec<u8> {
    let rows = (1..=2000).fold(String::new(), |mut rows, r| {
        let _ = write!(
            rows,
            r#"<row r="{r}">{}</row>"#,
            inline(&format!("XFD{r}"), "x")
        );
        rows
    });
    xlsx(&format!("<sheetData>{rows}</sheetData>"), None)
}

/// A cell at `ZZZZZZ2`, past the last column: once a 10 GB row.
pub fn xlsx_past_xfd() -> Vec<u8> {
    xlsx(
        &format!(
            r#"<sheetData><row r="2">{}</row></sheetData>"#,
            inline("ZZZZZZ2", "x")
        ),
        None,
    )
}

/// A million rows written last to first: once five minutes of inserting
/// each row before all the others.
pub fn xlsx_descending_rows() -> Vec<u8> {
    let mut rows = String::with_capacity(64_000_000);
    for r in (1..=1_000_000).rev() {
        let _ = write!(
            rows,
            r#"<row r="{r}">{}</row>"#,
            inline(&format!("A{r}"), "x")
        );
    }
    xlsx(&format!("<sheetData>{rows}</sheetData>"), None)
}

/// A Word document whose list number is 1 MB of text, shown before each of
/// 1 000 paragraphs.
pub fn docx_long_number() -> Vec<u8> {
    let numbering = format!(
        r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{}%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        long_text()
    );
    let paragraph = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Leverantören ska följa lagen.</w:t></w:r></w:p>"#;
    let body = format!(
        r#"<w:document xmlns:w="w"><w:body>{}</w:body></w:document>"#,
        paragraph.repeat(1000)
    );
    package(&[
        ("word/document.xml", body.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ])
}

/// An OpenDocument text whose list prefix is 1 MB, before each of 1 000 items.
pub fn odt_long_prefix() -> Vec<u8> {
    let content = format!(
        r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s"><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-prefix="{}" style:num-format="1"/></text:list-style></office:automatic-styles><office:body><office:text><text:list text:style-name="L1">{}</text:list></office:text></office:body></office:document-content>"#,
        long_text(),
        "<text:list-item><text:p>Leverantören ska följa lagen.</text:p></text:list-item>"
            .repeat(1000)
    );
    package(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
    ])
}

/// An OpenDocument sheet whose cell of 1 MB repeats over 100 columns of 100
/// rows: ten gigabytes of copies.
pub fn ods_repeated_cell() -> Vec<u8> {
    let content = format!(
        r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="Blad1"><table:table-row table:number-rows-repeated="100"><table:table-cell office:value-type="string" table:number-columns-repeated="100"><text:p>{}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        long_text()
    );
    package(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
    ])
}

/// A PDF of one page whose content stream is `content`, compressed unless
/// `raw`, with `/Length` as given or true.
pub fn pdf(content: &[u8], compressed: bool, length: Option<usize>) -> Vec<u8> {
    let data = if compressed {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(content).unwrap();
        z.finish().unwrap()
    } else {
        content.to_vec()
    };
    pdf_with_stream(&data, compressed, length)
}

fn pdf_with_stream(data: &[u8], compressed: bool, length: Option<usize>) -> Vec<u8> {
    let filter = if compressed {
        "/Filter /FlateDecode "
    } else {
        ""
    };
    let mut stream = format!(
        "<< /Length {} {filter}>>\nstream\n",
        length.unwrap_or(data.len())
    )
    .into_bytes();
    stream.extend_from_slice(data);
    stream.extend_from_slice(b"\nendstream");
    let objects: [&[u8]; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        &stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// A line of text in a content stream.
pub const PDF_TEXT: &[u8] =
    b"BT /F1 12 Tf 72 700 Td (Leverantoren ska folja lagen om antidiskriminering i hela avtalet.) Tj ET\n";

/// A content stream that inflates to `size` bytes (a comment of spaces
/// after one line of text), compressed a megabyte at a time.
pub fn pdf_stream_bomb(size: usize) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(PDF_TEXT).unwrap();
    z.write_all(b"%").unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size >> 20 {
        z.write_all(&chunk).unwrap();
    }
    pdf_with_stream(&z.finish().unwrap(), true, None)
}

/// A few kilobytes that make pdf-extract copy a graphics state with a
/// million colour components at each of 200 000 `q`s: terabytes, though the
/// stream itself inflates to 2.4 MB.
pub fn pdf_copied_state() -> Vec<u8> {
    let mut content = PDF_TEXT.to_vec();
    content.extend_from_slice(b"/DeviceRGB cs ");
    content.extend_from_slice(&b"1 ".repeat(1_000_000));
    content.extend_from_slice(b"sc\n");
    content.extend_from_slice(&b"q\n".repeat(200_000));
    pdf(&content, true, None)
}

/// A PDF whose content stream's `/Length` is wrong.
pub fn pdf_bogus_length() -> Vec<u8> {
    pdf(&PDF_TEXT.repeat(5), true, Some(10))
}

/// One BIFF record: its type, its length and its data.
fn record(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&u16::try_from(data.len()).unwrap().to_le_bytes());
    out.extend_from_slice(data);
}

/// A BIFF8 beginning of a stream: 0x0005 the workbook, 0x0010 a sheet.
fn bof(out: &mut Vec<u8>, of: u16) {
    let mut data = vec![0x00, 0x06];
    data.extend_from_slice(&of.to_le_bytes());
    data.extend_from_slice(&[0; 12]);
    record(out, 0x0809, &data);
}

/// An xls workbook of one visible sheet, "Blad1", whose records after its
/// beginning are `sheet`: the BIFF8 workbook stream, in a compound file as
/// Excel writes one.
pub fn xls(sheet: &[u8]) -> Vec<u8> {
    xls_book(&[], 1, sheet)
}

/// An xls workbook whose globals hold `globals` (a shared-string table, say)
/// and `names` sheets that all begin at the one sheet whose records after
/// its beginning are `sheet`.
pub fn xls_book(globals: &[u8], names: usize, sheet: &[u8]) -> Vec<u8> {
    let mut stream = Vec::new();
    bof(&mut stream, 0x0005);
    stream.extend_from_slice(globals);
    // The sheets' place in the stream is filled in below.
    let mut places = Vec::new();
    for i in 0..names {
        let name = format!("Blad{}", i + 1);
        let mut bound = vec![0, 0, 0, 0, 0x00, 0x00, u8::try_from(name.len()).unwrap(), 0];
        bound.extend_from_slice(name.as_bytes());
        places.push(stream.len() + 4);
        record(&mut stream, 0x0085, &bound);
    }
    record(&mut stream, 0x000A, &[]);
    let sheet_at = u32::try_from(stream.len()).unwrap().to_le_bytes();
    for at in places {
        stream[at..at + 4].copy_from_slice(&sheet_at);
    }
    bof(&mut stream, 0x0010);
    stream.extend_from_slice(sheet);
    record(&mut stream, 0x000A, &[]);
    compound_file(stream)
}

/// The compound file (OLE2, version 3) of one stream, "Workbook": the
/// sectors of the allocation table first, then one of the directory, then
/// the stream.
fn compound_file(mut stream: Vec<u8>) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    // Under 4 096 bytes a stream would live in the mini stream; zeros after
    // the last end of stream are never read.
    stream.resize(stream.len().max(4096).next_multiple_of(512), 0);
    let sectors = u32::try_from(stream.len() / 512).unwrap();
    // Sectors of the table (128 entries each), which lists them too.
    let tables = (sectors + 1).div_ceil(127);
    assert!(tables <= 109, "a stream this long needs a DIFAT");
    let dir = tables;

    let mut file = Vec::new();
    file.extend_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    file.extend_from_slice(&[0; 16]);
    for half in [0x003E_u16, 0x0003, 0xFFFE, 0x0009, 0x0006] {
        file.extend_from_slice(&half.to_le_bytes());
    }
    file.extend_from_slice(&[0; 6]);
    // Directory sectors (none in version 3), allocation-table sectors, the
    // first directory sector, the transaction, the mini stream's cutoff,
    // the mini table (none) and the extra allocation-table list (none).
    for word in [0, tables, dir, 0, 4096, END, 0, END, 0] {
        file.extend_from_slice(&u32::to_le_bytes(word));
    }
    for i in 0..109 {
        let id = if i < tables { i } else { FREE };
        file.extend_from_slice(&id.to_le_bytes());
    }
    assert_eq!(file.len(), 512);

    // The allocation table: itself, the directory, then the stream's chain.
    let mut fat = vec![0xFFFF_FFFD; tables as usize];
    fat.push(END);
    fat.extend((dir + 2..dir + 1 + sectors).chain([END]));
    fat.resize(128 * tables as usize, FREE);
    file.extend(fat.iter().flat_map(|w| w.to_le_bytes()));

    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        e[..utf16.len()].copy_from_slice(&utf16);
        e[64..66].copy_from_slice(&u16::try_from(utf16.len() + 2).unwrap().to_le_bytes());
        e[66] = kind;
        e[67] = 1;
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    file.extend(entry("Root Entry", 5, 1, END, 0));
    file.extend(entry(
        "Workbook",
        2,
        FREE,
        dir + 1,
        u32::try_from(stream.len()).unwrap(),
    ));
    file.extend(entry("", 0, FREE, 0, 0));
    file.extend(entry("", 0, FREE, 0, 0));
    file.extend(stream);
    file
}

/// A sheet with a header row, a small xls that every reader takes.
pub fn xls_small() -> Vec<u8> {
    let mut sheet = xls_label(0, 0, "Avtalstyp");
    sheet.extend(xls_label(0, 1, "Avtalsnamn"));
    sheet.extend(xls_number(1, 2, 25_000.0));
    xls(&sheet)
}

/// A compound file whose directory's chain of sectors leads back to
/// itself: calamine reads it round and round, without end.
pub fn xls_directory_loop() -> Vec<u8> {
    let mut file = xls_small();
    // One sector of allocation table; the directory is sector 1, and its
    // entry in the table (at 512 + 4) points back at it.
    file[516..520].copy_from_slice(&1_u32.to_le_bytes());
    file
}

/// A shared string of 60 000 characters named by 20 000 cells: 340 kB
/// that calamine once made 1.2 GB of copies of.
pub fn xls_shared_string() -> Vec<u8> {
    xls_shared_string_in(20_000)
}

/// A shared string of 60 000 characters named by `cells` cells, one a row.
pub fn xls_shared_string_in(cells: u16) -> Vec<u8> {
    let mut sst = Vec::new();
    sst.extend_from_slice(&u32::from(cells).to_le_bytes());
    sst.extend_from_slice(&1_u32.to_le_bytes());
    sst.extend_from_slice(&60_000_u16.to_le_bytes());
    sst.push(0);
    sst.extend(std::iter::repeat_n(b'A', 60_000));
    let mut globals = Vec::new();
    record(&mut globals, 0x00FC, &sst);
    let mut sheet = Vec::new();
    for row in 0..cells {
        let mut cell = Vec::new();
        for half in [row, 0, 0] {
            cell.extend_from_slice(&half.to_le_bytes());
        }
        cell.extend_from_slice(&0_u32.to_le_bytes());
        record(&mut sheet, 0x00FD, &cell);
    }
    xls_book(&globals, 1, &sheet)
}

/// 40 000 text cells of no text whose length fields claim 65 535
/// characters: calamine kept that much room in each, 2.6 GB.
pub fn xls_claimed_lengths() -> Vec<u8> {
    let mut sheet = Vec::new();
    for row in 0..40_000_u16 {
        let mut cell = Vec::new();
        for half in [row, 0, 0, u16::MAX] {
            cell.extend_from_slice(&half.to_le_bytes());
        }
        cell.push(0);
        record(&mut sheet, 0x0204, &cell);
    }
    xls(&sheet)
}

/// 3 000 sheets that all begin at one sheet of 2 000 cells: six million
/// cells, and calamine builds each sheet anew.
pub fn xls_one_sheet_many_names() -> Vec<u8> {
    xls_one_sheet_named(3_000)
}

/// `names` sheets that all begin at one sheet of 2 000 number cells.
pub fn xls_one_sheet_named(names: usize) -> Vec<u8> {
    let mut sheet = Vec::new();
    for row in 0..2_000 {
        sheet.extend(xls_number(row, 0, 1.0));
    }
    xls_book(&[], names, &sheet)
}

/// A number cell of an xls sheet.
pub fn xls_number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut data = Vec::new();
    for half in [row, col, 0] {
        data.extend_from_slice(&half.to_le_bytes());
    }
    data.extend_from_slice(&value.to_le_bytes());
    let mut out = Vec::new();
    record(&mut out, 0x0203, &data);
    out
}

/// A text cell of an xls sheet, in Latin-1.
pub fn xls_label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let mut data = Vec::new();
    for half in [row, col, 0, u16::try_from(text.len()).unwrap()] {
        data.extend_from_slice(&half.to_le_bytes());
    }
    data.push(0);
    data.extend_from_slice(text.as_bytes());
    let mut out = Vec::new();
    record(&mut out, 0x0204, &data);
    out
}

/// A sheet whose dimensions record claims four billion rows of 65 535
/// columns: calamine reserves room for that many cells before reading one.
pub fn xls_claimed_dimensions() -> Vec<u8> {
    let mut data = Vec::new();
    data.extend_from_slice(&0_u32.to_le_bytes());
    data.extend_from_slice(&u32::MAX.to_le_bytes());
    for half in [0_u16, u16::MAX, 0] {
        data.extend_from_slice(&half.to_le_bytes());
    }
    let mut sheet = Vec::new();
    record(&mut sheet, 0x0200, &data);
    sheet.extend(xls_label(0, 0, "Avtalstyp"));
    xls(&sheet)
}

/// Two number cells, at A1 and at the last row and column a record can
/// name: calamine lays the sheet out as the full rectangle between them,
/// four billion cells.
pub fn xls_far_corners() -> Vec<u8> {
    let mut sheet = xls_number(0, 0, 1.0);
    sheet.extend(xls_number(u16::MAX, u16::MAX, 2.0));
    xls(&sheet)
}

/// The built-in profile with `n` made-up words more in its first evidence
/// list (`law` of AD-01): a profile on disk that once took a minute to
/// compile, its pre-filter's work growing with the square of its phrases.
pub fn profile_with_patterns(n: u32) -> String {
    let word = |mut i: u32| {
        let mut w = String::from("klausul");
        for _ in 0..5 {
            w.push(char::from(b'a' + u8::try_from(i % 26).unwrap()));
            i /= 26;
        }
        w
    };
    let words: Vec<String> = (0..n).map(|i| format!("\"{}\"", word(i))).collect();
    let rules = std::fs::read_to_string(super::repo().join("rules/stockholm.toml")).unwrap();
    let first = "law = [\"diskrimineringslag*\"";
    assert!(rules.contains(first), "the rule file changed");
    rules
        .replacen(
            first,
            &format!("law = [{}, \"diskrimineringslag*\"", words.join(", ")),
            1,
        )
        .replacen("id = \"stockholm\"", "id = \"stockholm-many\"", 1)
}

/// An OpenDocument sheet of `rows` rows of a text and a number: seconds
/// of reading in a test build.
pub fn ods_rows(rows: u32) -> Vec<u8> {
    let mut table = String::with_capacity(rows as usize * 200);
    for i in 0..rows {
        let _ = write!(
            table,
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>x{i}</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="{i}"><text:p>{i}</text:p></table:table-cell></table:table-row>"#
        );
    }
    let content = format!(
        r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="Blad1">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    package(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
    ])
}

/// A formula cell of an xls sheet: its cached value, then its tokens.
pub fn xls_formula(row: u16, col: u16, value: f64, tokens: &[u8]) -> Vec<u8> {
    let mut data = Vec::new();
    for half in [row, col, 0] {
        data.extend_from_slice(&half.to_le_bytes());
    }
    data.extend_from_slice(&value.to_le_bytes());
    data.extend_from_slice(&[0; 6]);
    data.extend_from_slice(&u16::try_from(tokens.len()).unwrap().to_le_bytes());
    data.extend_from_slice(tokens);
    let mut out = Vec::new();
    record(&mut out, 0x0006, &data);
    out
}

/// A formula of 64 kB: the number 1, then 16 377 space attributes of 255
/// spaces each, which calamine inserted one space at a time before all the
/// text written so far: hours of work.
pub fn xls_formula_spaces() -> Vec<u8> {
    let mut tokens = vec![0x1E, 1, 0];
    while tokens.len() + 4 <= 65_535 - 22 {
        tokens.extend_from_slice(&[0x19, 0x40, 0x00, 0xFF]);
    }
    let mut sheet = xls_label(0, 0, "Avtalstyp");
    sheet.extend(xls_formula(1, 0, 1.0, &tokens));
    xls(&sheet)
}

/// A compound file whose header lists its one sector of allocation table
/// 109 times: calamine reads the table once for each, so a file can make
/// a table a hundred times its size (here 55 kB).
pub fn xls_table_listed_again() -> Vec<u8> {
    let mut file = xls_small();
    for i in 1..109 {
        file[76 + 4 * i..80 + 4 * i].copy_from_slice(&0_u32.to_le_bytes());
    }
    file
}
