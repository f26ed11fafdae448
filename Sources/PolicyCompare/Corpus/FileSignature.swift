/// The leading "magic" bytes of a binary file format that people hand in instead of plain text.
struct FileSignature: Sendable, Hashable {
    /// The bytes the file starts with.
    let magic: [UInt8]
    /// What the file looks like, completing "this looks like ...".
    let looksLike: String
    /// How to get plain text out of such a file.
    let fix: String

    /// The first known signature that `bytes` starts with, if any.
    static func match(_ bytes: [UInt8]) -> FileSignature? {
        known.first { signature in
            bytes.count >= signature.magic.count && bytes.starts(with: signature.magic)
        }
    }

    private static let exportAsText = "export the document as plain text (UTF-8) and try again."
    private static let saveAsText =
        "Open it in Word or LibreOffice, choose Save As > Plain Text (.txt) with UTF-8 encoding, and try again."
    private static let picture =
        "It is a picture of the text: find the original document or run OCR on the image, then " + exportAsText

    /// Formats seen in place of directive texts, most specific first.
    static let known: [FileSignature] = [
        FileSignature(magic: Array("%PDF-".utf8), looksLike: "a PDF document",
                      fix: "Extract its text (for example `pdftotext -enc UTF-8 file.pdf file.txt`) or " + exportAsText),
        FileSignature(magic: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], looksLike: "a PNG image", fix: picture),
        FileSignature(magic: [0xFF, 0xD8, 0xFF], looksLike: "a JPEG image", fix: picture),
        FileSignature(magic: Array("GIF87a".utf8), looksLike: "a GIF image", fix: picture),
        FileSignature(magic: Array("GIF89a".utf8), looksLike: "a GIF image", fix: picture),
        FileSignature(magic: [0x49, 0x49, 0x2A, 0x00], looksLike: "a TIFF image, perhaps a scan", fix: picture),
        FileSignature(magic: [0x4D, 0x4D, 0x00, 0x2A], looksLike: "a TIFF image, perhaps a scan", fix: picture),
        FileSignature(magic: [0x50, 0x4B, 0x03, 0x04],
                      looksLike: "a ZIP archive, such as a .docx, .xlsx or .odt document",
                      fix: "If it is a .docx or .odt document, open it in Word or LibreOffice, choose Save As > "
                        + "Plain Text (.txt) with UTF-8 encoding, and try again; if it is an archive, unpack it "
                        + "and pass the text file inside."),
        FileSignature(magic: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
                      looksLike: "a Microsoft Office 97-2003 file (.doc or .xls)", fix: saveAsText),
        FileSignature(magic: Array("{\\rtf".utf8), looksLike: "a Rich Text Format (.rtf) document", fix: saveAsText),
        FileSignature(magic: [0x1F, 0x8B], looksLike: "a gzip-compressed file",
                      fix: "Decompress it (for example `gunzip`) and pass the text file inside."),
        FileSignature(magic: Array("Rar!".utf8) + [0x1A, 0x07], looksLike: "a RAR archive",
                      fix: "Unpack it and pass the text file inside."),
        FileSignature(magic: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], looksLike: "a 7-Zip archive",
                      fix: "Unpack it and pass the text file inside."),
        FileSignature(magic: [0x7F, 0x45, 0x4C, 0x46], looksLike: "an executable program (ELF)",
                      fix: "Pass the directive's text file instead."),
    ]
}
