import Foundation

/// The blocks of a directive found line by line: letter head, addressees, title, body,
/// recipients ("Nơi nhận"), signature and annexes.
///
/// Official letters follow a fixed order, so a small state machine reads them: everything
/// before the first prose line is head matter; "Nơi nhận" ends the body; after the recipients
/// list come signature lines and, optionally, annexes with an upper-case heading (the 2013
/// slogans annex), which are content again.
struct DocumentLayout: Sendable {
    /// A line of body or annex text, a normalised scalar range.
    struct ContentLine: Sendable {
        var range: Range<Int>
        var part: Segment.Part
        var isAnnexHeading: Bool
        /// True when the last non-blank line before it is content too, so it may continue it.
        var follows: Bool = false
    }

    var head = LetterHead()
    var content: [ContentLine] = []
    var recipients: [String] = []
    var signature: [String] = []
    /// The page numbers and running headers dropped from the body, in text order: a sentence
    /// they broke goes on over them.
    var pageArtefacts: [Range<Int>] = []

    private enum Phase { case head, title, addressees, body, recipients, after, annex }

    /// Title kinds, signature words and the national motto, from `Resources/letter-parts.tsv`.
    struct Vocabulary: Sendable {
        var titles: Set<String> = []
        /// The motto's lines as ``withoutMottos(_:_:_:)`` matches them: normalised, lower case,
        /// without spaces.
        private(set) var mottos: [[Unicode.Scalar]] = []
        /// The first scalar of each motto line in lower and upper case: where one may start.
        private(set) var mottoStarts: [Unicode.Scalar] = []

        /// Adds a line of the national motto.
        mutating func addMotto(_ line: String) {
            let letters = VietnameseLetters.shared
            let motto = VietnameseNormalizer.normalize(line).scalars.filter { $0 != " " }.map(letters.lowercase)
            guard let first = motto.first else { return }
            mottos.append(motto)
            for scalar in [first] + String(first).uppercased().unicodeScalars where !mottoStarts.contains(scalar) {
                mottoStarts.append(scalar)
            }
        }
        var signatures: [String] = [] {
            didSet {
                signatureStarts = signatures.map { $0 + " " }
                let firsts = signatures.map { DocumentLayout.firstSignatureWord(of: $0) }
                signatureFirstWords = firsts.contains("") ? nil : Set(firsts)
            }
        }
        /// Each signature followed by a space: what a longer signature line starts with.
        private(set) var signatureStarts: [String] = []
        /// The first word of each signature, which a signature line's first word must be (nil
        /// when a signature has no words, so that any line might match it).
        private(set) var signatureFirstWords: Set<String>? = []

        static func bundled() throws(ResourceError) -> Vocabulary {
            var vocabulary = Vocabulary()
            for row in try BundledResource.tsvRows("letter-parts.tsv") where row.count >= 2 {
                if row[0] == "title" { vocabulary.titles.insert(row[1]) }
                if row[0] == "signature" { vocabulary.signatures.append(row[1]) }
                if row[0] == "motto" { vocabulary.addMotto(row[1]) }
            }
            return vocabulary
        }
    }

    init(_ text: NormalizedText, vocabulary: Vocabulary) {
        let scalars = text.scalars
        var phase = Phase.head
        var lastWasContent = false
        let lines = Self.lines(scalars)
        var titleLines: [String] = []
        var issuerOpen = false
        content.reserveCapacity(lines.count)
        for (range, blankBefore) in lines {
            let contentBefore = content.count
            var isPageArtefact = false
            defer {
                if content.count > contentBefore, content.count >= 2 {
                    content[content.count - 1].follows = lastWasContent
                }
                // A page break inside a sentence leaves its two halves following each other.
                if !isPageArtefact { lastWasContent = content.count > contentBefore }
            }
            // A page number or running header left by a PDF or Word paste is nothing (a title
            // may wrap its year onto a line of its own).
            if phase != .title, Self.isPageArtefact(scalars, range) {
                isPageArtefact = true
                pageArtefacts.append(range)
                continue
            }
            // A table's header row ("STT<TAB>Nội dung<TAB>Cơ quan phối hợp") names its columns,
            // and "phối hợp" there is no coordination.
            if phase == .body || phase == .annex, Self.isTableHeader(scalars, range) { continue }
            if phase == .body || phase == .annex, Self.isPlainProse(scalars, range) {
                content.append(ContentLine(range: range, part: phase == .body ? .body : .annex, isAnnexHeading: false))
                continue
            }
            if phase == .body, Self.isPlainHeading(scalars, range, vocabulary) {
                content.append(ContentLine(range: range, part: .body, isAnnexHeading: false))
                continue
            }
            let line = text.text(range)
            // A line that opens and ends with an ASCII scalar other than "*", a space or a tab is
            // its own bare form (what `bare` returns as a copy).
            let bare = Self.hasKeptEnds(scalars, range) ? line : Self.bare(line)
            var handled = false
            while !handled {
                handled = true
                switch phase {
                case .head:
                    // A head pasted from a PDF or Word with its two columns on one line has the
                    // motto beside the issuer ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ..."): the rest of
                    // such a line is read as a head line of its own, and is head matter whatever
                    // it is. Only a short line can hold both columns.
                    let rest = range.count <= Self.longestHeadLine ? Self.withoutMottos(scalars, range, vocabulary) : nil
                    let headLine = rest ?? line, headBare = rest ?? bare
                    // The issuer's second line names its place ("ỦY BAN NHÂN DÂN" / "HUYỆN BẮC
                    // QUANG"), the motto's lines perhaps between them.
                    let issuerWasOpen = issuerOpen
                    if !headBare.isEmpty { issuerOpen = false }
                    if headBare.isEmpty {
                        // The motto alone.
                    } else if let number = Self.numberLine(headLine) {
                        // "Số: 45/KH-UBND Bắc Quang, ngày 20 tháng 5 năm 2020": both columns.
                        if let (number, place, date) = Self.numberBesidePlaceDate(headLine) {
                            head.number = number
                            head.place = place
                            head.date = date
                        } else {
                            head.number = number
                        }
                    } else if let (place, date) = Self.placeDate(headLine) {
                        head.place = place
                        head.date = date
                    } else if Self.starts(headBare, with: "kính gửi") {
                        phase = .addressees
                        let rest = Self.dropBullet(Self.after(colonIn: headLine))
                        if !rest.isEmpty { head.addressees.append(rest) }
                    } else if !Self.hasLowercaseASCII(headBare), vocabulary.titles.contains(headBare) {
                        phase = .title
                        titleLines = [headBare]
                    } else if Self.isOneLineTitle(headBare, vocabulary) {
                        // "KẾ HOẠCH Tổ chức Tháng hành động vì trẻ em năm 2022": kind and subject on one line.
                        phase = .title
                        titleLines = [headBare]
                    } else if headBare.utf8.first == UInt8(ascii: "V"), Self.hasPrefix(headBare, "V/v") || Self.hasPrefix(headBare, "V/V") {
                        head.title = headBare
                    } else if Self.isNoiNhan(headBare) {
                        phase = .recipients
                    } else if rest == nil, Self.isNumberedHeading(scalars, range) {
                        // "I. MỤC ĐÍCH, YÊU CẦU" right after the title: upper case like the
                        // head's lines, but the body's first section, not to be dropped.
                        phase = .body
                        handled = false
                    } else if Self.isUpperCase(headBare) || (headBare.utf8.starts(with: Self.docLapBytes) && Self.hasPrefix(headBare, "Độc lập")) {
                        if head.issuer.isEmpty || issuerWasOpen, Self.isIssuerLine(headBare) {
                            // Under its superior ("UBND THÀNH PHỐ RẠCH GIÁ" / "ỦY BAN NHÂN DÂN
                            // PHƯỜNG AN HÒA"), the second line is the issuer.
                            head.issuer = headBare
                            issuerOpen = true
                        } else if issuerWasOpen, Self.isPlaceLine(headBare) {
                            head.issuer += " " + headBare
                        }
                    } else if rest == nil {
                        phase = .body
                        handled = false
                    }
                case .title:
                    // A title ends at a blank line, or at a line that starts what follows it:
                    // a plan typed without blank lines is not all title.
                    if blankBefore || titleLines.last.map(Self.endsSentence) == true || Self.followsTitle(scalars, range, bare) {
                        head.title = titleLines.joined(separator: " ")
                        phase = .head
                        handled = false
                    } else {
                        titleLines.append(bare)
                    }
                case .addressees:
                    if Self.startsWithBullet(bare) {
                        head.addressees.append(Self.dropBullet(bare))
                    } else {
                        phase = .body
                        handled = false
                    }
                case .body:
                    if Self.isNoiNhan(bare) {
                        phase = .recipients
                        let rest = Self.after(colonIn: line)
                        if !rest.isEmpty { recipients.append(Self.dropBullet(rest)) }
                    } else if Self.isSignature(bare, vocabulary) {
                        signature.append(bare)
                    } else {
                        content.append(ContentLine(range: range, part: .body, isAnnexHeading: false))
                    }
                case .recipients:
                    if Self.startsWithBullet(bare) {
                        recipients.append(Self.dropBullet(bare))
                    } else {
                        phase = .after
                        handled = false
                    }
                case .after:
                    if Self.isSignature(bare, vocabulary) || (Self.isPersonName(bare) && !signature.isEmpty) {
                        signature.append(bare)
                    } else if Self.isUpperCase(bare) && Self.hasThreeWords(bare) || bare.uppercased().hasPrefix("PHỤ LỤC") {
                        phase = .annex
                        content.append(ContentLine(range: range, part: .annex, isAnnexHeading: true))
                    } else {
                        content.append(ContentLine(range: range, part: .annex, isAnnexHeading: false))
                        phase = .annex
                    }
                case .annex:
                    let isSignature = Self.isSignature(bare, vocabulary)
                    if !isSignature && Self.isUpperCase(bare) && Self.hasThreeWords(bare) {
                        content.append(ContentLine(range: range, part: .annex, isAnnexHeading: true))
                    } else if isSignature {
                        signature.append(bare)
                    } else {
                        content.append(ContentLine(range: range, part: .annex, isAnnexHeading: false))
                    }
                }
            }
        }
        if phase == .title { head.title = titleLines.joined(separator: " ") }
    }

    /// The non-blank lines of `scalars`, each with whether a blank line (or the start) comes
    /// before it.
    ///
    /// Never inlined: inlined into the layout's long initialiser, the line-break search
    /// (`index(of:from:to:)` of `UnsafeBufferPointer`) called its eight-scalar test out of
    /// line, a call for every eight scalars of a document.
    @inline(never)
    static func lines(_ scalars: [Unicode.Scalar]) -> [(range: Range<Int>, blankBefore: Bool)] {
        var lines: [(range: Range<Int>, blankBefore: Bool)] = []
        // Room for a line per 48 scalars (a plan's lines are longer), so that the lines, and
        // the content lines after them, do not grow one doubling at a time.
        lines.reserveCapacity(scalars.count / 48 + 8)
        var previousBlank = true
        var lineStart = 0
        scalars.withUnsafeBufferPointer { scalars in
            // Line ends found through a bare pointer (a filtered loop over the array checked
            // each scalar's index).
            var i = 0
            while i <= scalars.count {
                i = scalars.index(of: "\n", from: i, to: scalars.count)
                let range = lineStart..<i
                if range.isEmpty {
                    previousBlank = true
                } else {
                    lines.append((range, previousBlank))
                    previousBlank = false
                }
                lineStart = i + 1
                i += 1
            }
        }
        return lines
    }

    /// True when a body or annex line can only be content, decided on its scalars before any
    /// string is made (most lines are prose): it has a lower-case ASCII letter that starts a
    /// character, so it is not upper case (no heading or signature), and after emphasis and
    /// spaces it opens with neither "(" (not "(Đã ký") nor "n"/"N" followed by "o", "O", "ơ"
    /// or "Ơ" (not "Nơi nhận"). The scalar after an "n" opens the bare line's second character
    /// (or joins the first, which is then no "n"), and only those four start a character that
    /// lower-cases to "ơ" ("Năm ...", "Nâng cao ..." are prose).
    static func isPlainProse(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard let start = scalars[range].firstIndex(where: { $0 != "*" && $0 != " " && $0 != "\t" && $0 != "\u{200B}" }),
              case let first = scalars[start], first != "(" else { return false }
        if first == "n" || first == "N" {
            guard start + 1 < range.upperBound, !"oOơƠ".unicodeScalars.contains(scalars[start + 1]) else { return false }
        }
        // An ASCII scalar never joins the next one into a character, so a letter after one
        // (or first) starts its own character.
        var previousIsASCII = true
        for scalar in scalars[range] {
            if previousIsASCII, scalar.value >= 0x61, scalar.value <= 0x7A { return true }
            previousIsASCII = scalar.isASCII
        }
        return false
    }

    /// True when a body line that is not plain prose is content all the same, decided on its
    /// scalars before any string is made: it opens with a word of ASCII letters and digits
    /// (a Roman numeral heading, "II. CHỦ ĐỀ ...", most of them) that ends before the line does,
    /// is not a signature's first word and does not start with "n" or "N".
    ///
    /// Its first scalar is then the bare line's first scalar, so the line is not "Nơi nhận"
    /// (an ASCII scalar other than "n" lower-cases to no "n"), and that word, which trimming
    /// cannot cut, is the first word ``isSignature(_:_:)`` looks up, so it is no signature.
    static func isPlainHeading(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ vocabulary: Vocabulary) -> Bool {
        guard let firstWords = vocabulary.signatureFirstWords, let first = scalars[range].first,
              first != "n", first != "N", isASCIIAlphanumeric(first) else { return false }
        var end = range.lowerBound
        while end < range.upperBound, isASCIIAlphanumeric(scalars[end]) { end += 1 }
        guard end < range.upperBound, " .()".unicodeScalars.contains(scalars[end]) else { return false }
        var word = String.UnicodeScalarView()
        for scalar in scalars[range.lowerBound..<end] {
            word.append(scalar.value >= 0x61 ? Unicode.Scalar(UInt8(scalar.value - 0x20)) : scalar)
        }
        return !firstWords.contains(String(word))
    }

    /// True when the line is what a PDF or Word paste leaves of a page break: a page number
    /// alone ("2", "- 2 -", "Trang 2", "Trang 2/3", the word in any case) or a running header
    /// ending in one after a space ("Kế hoạch số 58/KH-UBND ... huyện Đông Hải Trang 2", the
    /// word as "Trang" or "TRANG", where prose would write "trang").
    ///
    /// Read backwards from the line's end, so most lines are settled by their last scalar (few
    /// end in a digit or "-"). A page number has at most three digits; "2." opens an item.
    static func isPageArtefact(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard let last = scalars[range].last, last == "-" || ("0"..."9").contains(last) else { return false }
        var i = range.upperBound
        func skip(_ scalar: Unicode.Scalar) -> Bool {
            guard i > range.lowerBound, scalars[i - 1] == scalar else { return false }
            i -= 1
            return true
        }
        func skipNumber() -> Bool {
            let end = i
            while i > range.lowerBound, ("0"..."9").contains(scalars[i - 1]) { i -= 1 }
            return (1...3).contains(end - i)
        }
        if last == "-" {
            _ = skip("-")
            _ = skip(" ")
            guard skipNumber() else { return false }
            _ = skip(" ")
            return skip("-") && i == range.lowerBound
        }
        guard skipNumber() else { return false }
        if i == range.lowerBound { return true }
        // "Trang 2/3", "Trang 2 / 3".
        let beforeNumber = i
        _ = skip(" ")
        if skip("/") {
            _ = skip(" ")
            guard skipNumber() else { return false }
        } else {
            i = beforeNumber
        }
        guard skip(" "), i - range.lowerBound >= 5 else { return false }
        let word = scalars[(i - 5)..<i]
        let alone = i - 5 == range.lowerBound
        // A running header is a line of a page's top or foot, short beside a plan's paragraphs.
        guard alone || (scalars[i - 6] == " " && range.count <= 200) else { return false }
        if word.elementsEqual("Trang".unicodeScalars) || word.elementsEqual("TRANG".unicodeScalars) { return true }
        return alone && word.elementsEqual("trang".unicodeScalars) { VietnameseLetters.shared.lowercase($0) == $1 }
    }

    /// True when the line is a table's header row as a paste leaves it, its first cell "STT"
    /// or "Số TT" (the row-number column, in any case) and more cells after it: "STT Nội dung
    /// Cơ quan chủ trì Cơ quan phối hợp" (the tabs between cells are spaces by now); or, in a
    /// Markdown table, "| TT | Nội dung | ... |" (also "TT"), or its rule "|---|---|".
    ///
    /// Told from the line's first scalars (normalised text: NFC, one space between words), as
    /// every body line that starts with "S" ("Sở ...") is asked.
    static func isTableHeader(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let line = scalars[range]
        guard let first = line.first, first == "S" || first == "s" || first == "|", range.count < 200 else { return false }
        func matches(_ at: Int, _ pattern: String) -> Bool {
            var i = at
            for wanted in pattern.unicodeScalars {
                guard i < range.upperBound, scalars[i] == wanted || VietnameseLetters.shared.lowercase(scalars[i]) == wanted else { return false }
                i += 1
            }
            return true
        }
        if first == "|" {
            if line.allSatisfy({ "|-: ".unicodeScalars.contains($0) }) { return true }
            var cell = range.lowerBound + 1
            while cell < range.upperBound, scalars[cell] == " " { cell += 1 }
            return ["tt", "stt", "số tt"].contains { word in
                guard matches(cell, word) else { return false }
                var after = cell + word.unicodeScalars.count
                while after < range.upperBound, scalars[after] == " " { after += 1 }
                return after < range.upperBound && scalars[after] == "|"
            }
        }
        let cellEnd = matches(range.lowerBound, "stt ") ? 4 : matches(range.lowerBound, "số tt ") ? 6 : 0
        // More cells after it: at least two more words.
        return cellEnd > 0 && line.dropFirst(cellEnd).contains(" ")
    }

    /// True when the line opens with a Roman numeral or a number and a dot, then a space
    /// ("I. MỤC ĐÍCH", "2. Nội dung"): a numbered heading or item, which no letter head's line is.
    static func isNumberedHeading(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var end = range.lowerBound
        // In bold markers of a Markdown export: "**I. MỤC ĐÍCH**".
        while end < range.upperBound, scalars[end] == "*" { end += 1 }
        let numberStart = end
        let roman = "IVXLC".unicodeScalars
        if end < range.upperBound, roman.contains(scalars[end]) {
            while end < range.upperBound, roman.contains(scalars[end]) { end += 1 }
        } else {
            while end < range.upperBound, ("0"..."9").contains(scalars[end]) { end += 1 }
        }
        return end > numberStart && end + 1 < range.upperBound && scalars[end] == "." && scalars[end + 1] == " "
    }

    /// Whether `bare`, a line after the title's with no blank line between, starts what follows
    /// a title rather than continuing it: a numbered heading or item ("I. MỤC ĐÍCH", "1. Mục
    /// đích"), a lettered item ("a)"), a bullet, the opening of a preamble or of the head's
    /// blocks ("Căn cứ", "Thực hiện", "Nhằm", "Kính gửi", "Nơi nhận"), a line ending as a
    /// clause does (":" or ";"), or a line longer than any title's (a paragraph typed as one line).
    static func followsTitle(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ bare: String) -> Bool {
        if isNumberedHeading(scalars, range) || startsWithBullet(bare) || range.count > 160 { return true }
        let first = bare.unicodeScalars.prefix(2)
        if first.count == 2, first.last == ")", first.first.map({ ("a"..."z").contains($0) }) == true { return true }
        if let last = bare.unicodeScalars.last, last == ":" || last == ";" { return true }
        return ["căn cứ", "thực hiện", "nhằm", "kính gửi", "nơi nhận"].contains { starts(bare, with: $0) }
    }

    /// Whether a title line ends a sentence ("."), so that the title is whole.
    static func endsSentence(_ bare: String) -> Bool {
        bare.unicodeScalars.last == "."
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// True when the first and last scalars of a line are ASCII and neither "*", a space nor
    /// a tab: ``bare(_:)`` then strips nothing.
    static func hasKeptEnds(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        func isKept(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar != "*" && scalar != " " && scalar != "\t" }
        guard let first = scalars[range].first, let last = scalars[range].last else { return false }
        return isKept(first) && isKept(last)
    }

    /// The line without markdown emphasis or surrounding spaces.
    static func bare(_ line: String) -> String {
        var s = Substring(line)
        // The byte tests only spare most lines the Character comparisons.
        while s.utf8.first == UInt8(ascii: "*"), s.hasPrefix("**") { s = s.dropFirst(2) }
        while s.utf8.last == UInt8(ascii: "*"), s.hasSuffix("**") { s = s.dropLast(2) }
        // An ASCII byte other than a space or tab at both ends is a scalar that trimming keeps,
        // so most lines are copied without a search from each end.
        if let first = s.utf8.first, let last = s.utf8.last, isKeptASCII(first), isKeptASCII(last) { return String(s) }
        return s.trimmingSpaces
    }

    private static func isKeptASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }

    /// True when the first character of `line` is a bullet: "-", "+" or "•".
    static func startsWithBullet(_ line: String) -> Bool {
        // Told by the first scalar (no other scalar decomposes to one of these) when the next
        // one cannot join it into a longer character: every scalar below U+0300 starts a new
        // character, as no combining or joining scalar lies below it. Only a line whose bullet
        // carries a mark compares Characters (String comparisons each, a profile showed).
        let scalars = line.unicodeScalars
        guard let first = scalars.first, first == "-" || first == "+" || first == "•" else { return false }
        if let second = scalars.dropFirst().first, second.value >= 0x300 {
            return line.first.map { "-+•".contains($0) } ?? false
        }
        return true
    }

    /// True when `line` has a lower-case ASCII letter, so that no upper-case title is
    /// canonically equal to it (decomposing keeps an ASCII letter as it is): most head lines
    /// are passed over without hashing them for the titles' set.
    static func hasLowercaseASCII(_ line: String) -> Bool {
        // A plain loop over the bytes (`contains(where:)` was compiled to out-of-line SIMD
        // calls that cost more than it saved on lines this short).
        var line = line
        return line.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] &- UInt8(ascii: "a") < 26 { return true }
                i += 1
            }
            return false
        }
    }

    private static let docLapBytes = Array("Đ".utf8)

    /// `text.hasPrefix(prefix)`, settled on the bytes where they suffice (`hasPrefix` compares
    /// characters, a few thousand instructions on a line of Vietnamese).
    ///
    /// The prefix's bytes followed by an ASCII byte or the end are its scalars up to a character
    /// boundary (an ASCII scalar never joins the one before it), so the text starts with its
    /// characters. A prefix that opens with an ASCII letter other than "K" is not there when
    /// the text's first byte is another: only that letter's own scalar is canonically equal to
    /// it (the Kelvin sign is to "K"). Anything else asks `hasPrefix`.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        let bytes = text.utf8, wanted = prefix.utf8
        if let head = wanted.first, head != UInt8(ascii: "K"), head != UInt8(ascii: "k"),
           (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(head) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(head), bytes.first != head {
            return false
        }
        if bytes.starts(with: wanted), bytes.dropFirst(wanted.count).first.map({ $0 < 0x80 }) ?? true { return true }
        return text.hasPrefix(prefix)
    }

    /// True when every scalar of `text` is a character of its own (``SingleScalarCharacters``).
    static func hasSingleScalarCharacters<S: StringProtocol>(_ text: S) -> Bool {
        let table = SingleScalarCharacters.shared
        return text.unicodeScalars.allSatisfy { table.properties($0) != nil }
    }

    /// True when `text` starts with `lowercasePrefix`, ignoring case.
    ///
    /// `lowercasePrefix` opens with an ASCII letter followed by a letter without marks ("kính
    /// gửi", "nơi nhận"), so only a text whose first scalar is that letter in either case, or
    /// the Kelvin sign (which lower-cases to "k"), can start with it: any other non-ASCII
    /// scalar lower-cases to a non-ASCII one, or to a letter with marks, which no canonical
    /// reordering turns into the prefix. Most lines are thus settled by their first scalar.
    static func starts(_ text: String, with lowercasePrefix: String) -> Bool {
        if let first = text.unicodeScalars.first, let wanted = lowercasePrefix.unicodeScalars.first, wanted.isASCII {
            if first.isASCII, VietnameseLetters.shared.lowercase(first) != wanted { return false }
            if !first.isASCII, first != "\u{212A}" { return false }
        }
        return startsBySingleScalars(text, with: lowercasePrefix) ?? (text.prefix(lowercasePrefix.count).lowercased() == lowercasePrefix)
    }

    /// ``starts(_:with:)`` told scalar by scalar, or nil when that cannot tell.
    ///
    /// When the prefix and the text's first scalars (one more than the prefix has) are each a
    /// character of their own, the prefix's characters are its scalars. A text scalar equal to
    /// the prefix's lower-case one, or an ASCII capital of it, lower-cases to it; at the first
    /// other one, an ASCII scalar lower-cases to an ASCII scalar that differs from the prefix's,
    /// and a lower-case letter to itself (what `Character.isLowercase` means), another
    /// character of one scalar (followed by no mark that could make the two canonically
    /// equal), so the prefix is not there. Any other difference is left to `lowercased()`
    /// ("Năm ..." went there for "nơi nhận", a few hundred instructions a line).
    private static func startsBySingleScalars(_ text: String, with lowercasePrefix: String) -> Bool? {
        let table = SingleScalarCharacters.shared
        var scalars = text.unicodeScalars.makeIterator()
        var verdict = true
        for wanted in lowercasePrefix.unicodeScalars {
            guard let properties = table.properties(wanted), properties.contains(.lowercase) || !properties.contains(.letter),
                  let scalar = scalars.next(), let found = table.properties(scalar) else { return nil }
            guard verdict, scalar != wanted else { continue }
            let isCapital = scalar.value >= 0x41 && scalar.value <= 0x5A
            if isCapital && scalar.value + 32 == wanted.value { continue }
            guard scalar.isASCII || found.contains(.lowercase) else { return nil }
            verdict = false
        }
        if let next = scalars.next(), table.properties(next) == nil { return nil }
        return verdict
    }

    static func isNoiNhan(_ bare: String) -> Bool {
        starts(bare, with: "nơi nhận")
    }

    static func after(colonIn line: String) -> String {
        // In a line of single-scalar characters the first ":" scalar is the first ":" character,
        // found without breaking the line into characters.
        let found = hasSingleScalarCharacters(line) ? line.unicodeScalars.firstIndex(of: ":") : line.firstIndex(of: ":")
        guard let colon = found else { return "" }
        return line[line.index(after: colon)...].trimmingSpaces
    }

    /// A list line without its bullet and its closing ";" or ",".
    static func dropBullet(_ line: String) -> String {
        // A line of characters of one scalar each is cut on its bytes (``bulletCut(_:)``); a
        // line with any other scalar by Characters (";" may be U+037E, a bullet carry a mark).
        var line = line
        if let cut = line.withUTF8(bulletCut) { return cut }
        var text = line.drop(while: { "-+•* ".contains($0) }).trimmingSpaces
        while let last = text.last, last == ";" || last == "," { text.removeLast() }
        return text
    }

    /// ``dropBullet(_:)`` of a line whose scalars are each a character of its own (those of
    /// ``SingleScalarCharacters``, and "•"), cut on its UTF-8 bytes; nil for any other line.
    ///
    /// Cut as on its characters, without comparing strings, and trimmed as `trimmingSpaces`
    /// trims (of its spaces only " " and the no-break space, bytes C2 A0, are among these
    /// scalars); "•" is the bytes E2 80 A2, the other marks one byte each. Only the result is
    /// made a string (cutting the scalar view made index checks and a copy of the slice).
    private static func bulletCut(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let table = SingleScalarCharacters.shared
        var i = 0
        while i < bytes.count {
            guard let (value, length) = UTF8Scalars.read(bytes, at: i), let scalar = Unicode.Scalar(value),
                  table.properties(scalar) != nil || scalar == "•" else { return nil }
            i += length
        }
        func isBullet(_ k: Int) -> Bool { k + 2 < bytes.count && bytes[k] == 0xE2 && bytes[k + 1] == 0x80 && bytes[k + 2] == 0xA2 }
        func isNoBreakSpace(_ k: Int) -> Bool { k + 1 < bytes.count && bytes[k] == 0xC2 && bytes[k + 1] == 0xA0 }
        var start = 0
        while start < bytes.count {
            let byte = bytes[start]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: " ") {
                start += 1
            } else if isBullet(start) {
                start += 3
            } else {
                break
            }
        }
        while start < bytes.count {
            if bytes[start] == UInt8(ascii: " ") {
                start += 1
            } else if isNoBreakSpace(start) {
                start += 2
            } else {
                break
            }
        }
        var end = bytes.count
        while end > start {
            if bytes[end - 1] == UInt8(ascii: " ") {
                end -= 1
            } else if end - 2 >= start, isNoBreakSpace(end - 2) {
                end -= 2
            } else {
                break
            }
        }
        while end > start, bytes[end - 1] == UInt8(ascii: ";") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// True when the line has letters and none of them is lower case.
    static func isUpperCase(_ line: String) -> Bool {
        if case let verdict?? = line.utf8.withContiguousStorageIfAvailable(upperCaseVerdict) { return verdict }
        var letters = 0
        for c in line where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// ``isUpperCase(_:)`` told from a line's UTF-8 bytes, or nil when its characters must
    /// be asked.
    ///
    /// A lower-case ASCII letter that starts a character (first, or after an ASCII scalar,
    /// which never joins the next into one character) settles it without Character
    /// properties, as in ``isPlainProse(_:_:)``. A line of single-scalar characters (every
    /// line of most plans) reads the properties of its other scalars from a table, in the same
    /// pass (a second pass was most of the cost). ASCII bytes are told on the spot, as the
    /// table tells their scalars (only a control below U+0020 is outside it), and only the
    /// other scalars are decoded (iterating the string's scalars cost about twice as much).
    private static func upperCaseVerdict(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let table = SingleScalarCharacters.shared
        var previousIsASCII = true
        var letters = 0, lowercase = false, simple = true
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte &- UInt8(ascii: "a") < 26 {
                    if previousIsASCII { return false }
                    lowercase = true
                    letters += 1
                } else if byte &- UInt8(ascii: "A") < 26 {
                    letters += 1
                } else if byte < 0x20 {
                    simple = false
                }
                previousIsASCII = true
                i += 1
                continue
            }
            guard let (value, length) = UTF8Scalars.read(bytes, at: i) else { return nil }
            previousIsASCII = false
            i += length
            guard simple else { continue }
            guard let scalar = Unicode.Scalar(value), let properties = table.properties(scalar) else {
                simple = false
                continue
            }
            if properties.contains(.letter) {
                if properties.contains(.lowercase) { lowercase = true }
                letters += 1
            }
        }
        return simple ? !lowercase && letters >= 2 : nil
    }

    /// True when `line` has at least three words between spaces (what
    /// `line.split(separator: " ").count >= 3` says), read up to its third word only: an
    /// upper-case annex line may be a long slogan, split whole for the count.
    static func hasThreeWords(_ line: String) -> Bool {
        var words = 0, inWord = false
        for character in line {
            if character == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words == 3 { return true }
            }
        }
        return false
    }

    /// Whether `bare` is a title's kind in capitals followed by its subject in ordinary case on
    /// the same line ("KẾ HOẠCH Tổ chức Tháng hành động vì trẻ em năm 2022").
    static func isOneLineTitle(_ bare: String, _ vocabulary: Vocabulary) -> Bool {
        guard let first = bare.unicodeScalars.first, first.properties.isUppercase, hasLowercaseASCII(bare) else { return false }
        return vocabulary.titles.contains { kind in
            guard hasPrefix(bare, kind + " ") else { return false }
            let subject = bare.dropFirst(kind.count + 1)
            return subject.first?.isUppercase == true && subject.contains { $0.isLowercase }
        }
    }

    /// Whether `bare` names a province, district or commune ("TỈNH CÀ MAU", "HUYỆN BẮC QUANG").
    static func isPlaceLine(_ bare: String) -> Bool {
        ["TỈNH ", "THÀNH PHỐ ", "HUYỆN ", "QUẬN ", "THỊ XÃ ", "XÃ ", "PHƯỜNG ", "THỊ TRẤN "].contains { hasPrefix(bare, $0) }
    }

    static func isIssuerLine(_ bare: String) -> Bool {
        ["BỘ ", "SỞ ", "ỦY BAN", "UBND", "CỤC "].contains { hasPrefix(bare, $0) }
    }

    static func isSignature(_ bare: String, _ vocabulary: Vocabulary) -> Bool {
        // "(Đã ký" as bytes first: the text is NFC, so a line with the prefix has them. Tested
        // before the first word, as most lines have a lower-case letter that settles it.
        guard isUpperCase(bare) || (bare.utf8.starts(with: signedPrefix) && bare.hasPrefix("(Đã ký")) else { return false }
        // Most of the rest fail on their first word, which is all the words below start with.
        if let firstWords = vocabulary.signatureFirstWords, !firstWords.contains(firstSignatureWord(of: bare)) { return false }
        let words = signatureWords(isUppercasedAlready(bare) ? bare : bare.uppercased())
        return zip(vocabulary.signatures, vocabulary.signatureStarts).contains { words == $0 || hasPrefix(words, $1) }
    }

    /// `upper`'s words joined by single spaces, with ".", "(" and ")" read as spaces, so
    /// "(ĐÃ KÝ)" is "ĐÃ KÝ".
    static func signatureWords(_ upper: String) -> String {
        // When every scalar is a character of its own (``SingleScalarCharacters``), the words
        // are found on the UTF-8 bytes, where the separators are single ASCII bytes no other
        // scalar's bytes can be; any other line is split by Characters.
        let table = SingleScalarCharacters.shared
        guard upper.unicodeScalars.allSatisfy({ table.properties($0) != nil }) else {
            var spaced = String.UnicodeScalarView()
            for scalar in upper.unicodeScalars { spaced.append(scalar == "." || scalar == "(" || scalar == ")" ? " " : scalar) }
            return String(spaced).split(separator: " ").joined(separator: " ")
        }
        var words: [UInt8] = []
        words.reserveCapacity(upper.utf8.count)
        var pendingSpace = false
        for byte in upper.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
                pendingSpace = !words.isEmpty
                continue
            }
            if pendingSpace {
                words.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            words.append(byte)
        }
        return String(decoding: words, as: UTF8.self)
    }

    private static let signedPrefix = Array("(Đã ký".utf8)

    /// True when `line.uppercased()` is `line`: each scalar is a character of its own and an
    /// upper-case letter or no letter, which upper-casing keeps (`uppercased()` maps scalar by
    /// scalar; a test checks every such scalar), so most signature lines are not copied.
    static func isUppercasedAlready(_ line: String) -> Bool {
        let table = SingleScalarCharacters.shared
        return line.unicodeScalars.allSatisfy { scalar in
            guard let properties = table.properties(scalar) else { return false }
            return !properties.contains(.letter) || properties.contains(.uppercase)
        }
    }

    /// The first word of `line` as ``isSignature(_:_:)`` compares it: upper case, with ".",
    /// "(" and ")" read as spaces ("" when there is none). Upper-casing maps no scalar to a
    /// space or one of those, so the word is found first and upper-cased alone.
    static func firstSignatureWord(of line: String) -> String {
        func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "." || scalar == "(" || scalar == ")" }
        let scalars = line.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSeparator($0) }) else { return "" }
        let end = scalars[start...].firstIndex(where: isSeparator) ?? scalars.endIndex
        return String(line.unicodeScalars[start..<end]).uppercased()
    }

    /// "Nguyễn Quang Tuấn": two to five capitalised words and nothing else.
    static func isPersonName(_ bare: String) -> Bool {
        if let verdict = isPersonNameBySingleScalars(bare) { return verdict }
        let words = bare.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().allSatisfy { $0.isLetter && $0.isLowercase }
        }
    }

    /// ``isPersonName(_:)`` read from ``SingleScalarCharacters``; nil when a character of
    /// `bare` may be more than one scalar.
    private static func isPersonNameBySingleScalars(_ bare: String) -> Bool? {
        let table = SingleScalarCharacters.shared
        var words = 0, wordLength = 0, isName = true
        for scalar in bare.unicodeScalars {
            guard let properties = table.properties(scalar) else { return nil }
            if scalar == " " {
                if wordLength > 0 { words += 1 }
                wordLength = 0
                continue
            }
            let fits = wordLength == 0 ? properties.contains(.uppercase) : properties.isSuperset(of: [.letter, .lowercase])
            if !fits { isName = false }
            wordLength += 1
        }
        if wordLength > 0 { words += 1 }
        return isName && (2...5).contains(words)
    }

    /// "Số: 80 /KH-UBND" -> "80/KH-UBND".
    static func numberLine(_ line: String) -> String? {
        // A line that starts with "Số" starts with the byte "S" (no other scalar decomposes to
        // "S" followed by "o"), which most head lines do not.
        guard line.utf8.first == UInt8(ascii: "S"), hasPrefix(line, "Số") else { return nil }
        let rest = line.dropFirst(2).drop(while: { $0 == " " || $0 == ":" })
        guard let first = rest.first, first.isNumber else { return nil }
        return DocumentSymbol.normalize(String(rest))
    }

    /// "Số: 45/KH-UBND Bắc Quang, ngày 20 tháng 5 năm 2020", a head's two columns pasted on one
    /// line -> ("45/KH-UBND", "Bắc Quang", "2020-05-20"); nil when no place and date follow
    /// the number. Asked only of a line ``numberLine(_:)`` reads.
    ///
    /// The number ends where ``DocumentSymbol/scan(_:from:limit:)`` ends it ("1332/LĐT BXH-TE"
    /// is one), before the place's first word ("TP. Hồ Chí Minh" is all place).
    static func numberBesidePlaceDate(_ line: String) -> (number: String, place: String, date: String)? {
        guard line.utf8.contains(UInt8(ascii: ",")) else { return nil }
        let rest = Array(line.dropFirst(2).drop(while: { $0 == " " || $0 == ":" }).unicodeScalars)
        guard let (number, end) = DocumentSymbol.scan(rest, from: 0, limit: rest.count),
              let (place, date) = placeDate(NormalizedText.string(rest[end...]).trimmingSpaces), !place.isEmpty else { return nil }
        return (number, place, date)
    }

    /// The longest line, in scalars, that may hold both columns of a letter head.
    static let longestHeadLine = 160

    /// The line at `range` without the national motto's lines (``Vocabulary/mottos``) wherever
    /// they stand on it, in any case and with any spaces, and what is left of it bare and
    /// joined by a space ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" -> "ỦY BAN NHÂN
    /// DÂN"); nil when it holds no motto.
    ///
    /// A motto is looked for only where a scalar is one of ``Vocabulary/mottoStarts`` (lower-
    /// casing every scalar of every head line was a tenth of laying out a plan).
    static func withoutMottos(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ vocabulary: Vocabulary) -> String? {
        let starts = vocabulary.mottoStarts
        /// Where a motto ends when one starts at `start`, or nil.
        func mottoEnd(at start: Int) -> Int? {
            let letters = VietnameseLetters.shared
            let first = letters.lowercase(scalars[start])
            search: for motto in vocabulary.mottos where motto.first == first {
                var k = start
                for wanted in motto {
                    while k < range.upperBound, scalars[k] == " " { k += 1 }
                    guard k < range.upperBound, letters.lowercase(scalars[k]) == wanted else { continue search }
                    k += 1
                }
                return k
            }
            return nil
        }
        var pieces: [Range<Int>] = []
        var from = range.lowerBound, i = range.lowerBound
        while i < range.upperBound {
            if starts.contains(scalars[i]), let found = mottoEnd(at: i) {
                pieces.append(from..<i)
                from = found
                i = found
            } else {
                i += 1
            }
        }
        guard !pieces.isEmpty else { return nil }
        pieces.append(from..<range.upperBound)
        return pieces.map { bare(NormalizedText.string(scalars, $0)) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "Kiên Giang, ngày 14 tháng 5 năm 2019" -> ("Kiên Giang", "2019-05-14").
    static func placeDate(_ line: String) -> (String, String)? {
        // Such a line has a comma, "ng" (of "ngày") and "th" (of "tháng") in any of their
        // canonical forms: bytes tested before any character is (most head lines have none).
        let mayBeDate = line.utf8.withContiguousStorageIfAvailable { bytes in
            UTF8Scalars.contains(bytes, ",") && UTF8Scalars.contains(bytes, "ng") && UTF8Scalars.contains(bytes, "th")
        }
        guard mayBeDate ?? true else { return nil }
        // When each scalar is a character of its own, the comma and the words are read on the
        // bytes (``dateFields(_:)``); reading them by scalars and comparing the words as strings
        // was most of reading a date line.
        if hasSingleScalarCharacters(line), let fields = line.utf8.withContiguousStorageIfAvailable(dateFields) {
            guard let (comma, day, month, year) = fields,
                  let date = ISODate.make(year: year, month: month, day: day) else { return nil }
            let place = line[..<line.utf8.index(line.utf8.startIndex, offsetBy: comma)].trimmingSpaces
            return (place, date)
        }
        // The first comma within the first 41 characters is the line's first comma, if that
        // is at most 40 characters in; only the first six words after it are read.
        guard let comma = line.prefix(41).firstIndex(of: ","), line.distance(from: line.startIndex, to: comma) <= 40 else { return nil }
        let place = line[..<comma].trimmingSpaces
        let words = line[line.index(after: comma)...].split(separator: " ", maxSplits: 6)
        guard words.count >= 6, words[0] == "ngày", words[2] == "tháng", words[4] == "năm",
              let d = Int(words[1]), let m = Int(words[3]), let y = Int(words[5].prefix(4)),
              let date = ISODate.make(year: y, month: m, day: d) else { return nil }
        return (place, date)
    }

    /// The byte offset of the comma and the day, month and year of a date line whose scalars
    /// are each a character of its own, read from its UTF-8 bytes; nil when it has none.
    ///
    /// What ``placeDate(_:)`` reads by characters: each scalar is a character, so the comma's
    /// place in characters is the number of scalars (of bytes other than continuation bytes)
    /// before it, and the words are split on the byte of " ". Such text is in NFC (no scalar
    /// of ``SingleScalarCharacters`` changes under it), so a word equals "ngày" exactly when
    /// its bytes do. A number is read as `Int(_:)` reads it for the values a date can take:
    /// a "-" or a value above 9999 makes no day, month or year, so those are nil at once; the
    /// year's first four characters are its first four bytes unless one of them is not
    /// ASCII, when it is no number either way.
    private static func dateFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (comma: Int, day: Int, month: Int, year: Int)? {
        var comma = 0, scalarsBefore = 0
        while comma < bytes.count, bytes[comma] != UInt8(ascii: ",") {
            if bytes[comma] & 0xC0 != 0x80 { scalarsBefore += 1 }
            comma += 1
        }
        guard comma < bytes.count, scalarsBefore <= 40 else { return nil }
        var i = comma + 1
        func nextWord() -> Range<Int>? {
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
            guard i < bytes.count else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: " ") { i += 1 }
            return start..<i
        }
        func isWord(_ range: Range<Int>, _ word: StaticString) -> Bool {
            word.withUTF8Buffer { bytes[range].elementsEqual($0) }
        }
        func number(_ range: Range<Int>) -> Int? {
            var k = range.lowerBound
            if k < range.upperBound, bytes[k] == UInt8(ascii: "+") { k += 1 }
            guard k < range.upperBound else { return nil }
            var value = 0
            while k < range.upperBound {
                let digit = bytes[k] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                guard value <= 9999 else { return nil }
                k += 1
            }
            return value
        }
        guard let ngay = nextWord(), isWord(ngay, "ngày"), let dayWord = nextWord(),
              let thang = nextWord(), isWord(thang, "tháng"), let monthWord = nextWord(),
              let nam = nextWord(), isWord(nam, "năm"), let yearWord = nextWord(),
              let day = number(dayWord), let month = number(monthWord),
              let year = number(yearWord.lowerBound..<min(yearWord.lowerBound + 4, yearWord.upperBound)) else { return nil }
        return (comma, day, month, year)
    }
}
