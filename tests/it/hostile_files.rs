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
