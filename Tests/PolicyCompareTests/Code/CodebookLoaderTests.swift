import Foundation
import Testing
@testable import PolicyCompare

@Suite struct CodebookLoaderTests {
    static let header = "category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\n"

    func problems(_ rows: String) throws -> [CodebookProblem] {
        try CodebookLoader.check(Self.header + rows, file: "cb.csv").1
    }

    @Test func defaultCodebookHasEveryCategoryOfTheSpecification() throws {
        let codebook = try #require(Fixtures.codebook)
        // The ids fixed by ../shared/docs/categories.md (themes, then activities).
        let specIDs = [
            "equal_opportunity", "poor_ethnic_minority", "special_circumstances", "violence_abuse", "injury_drowning", "safe_summer",
            "participation", "health_nutrition", "education_schooling", "child_marriage", "child_labour_and_justice",
            "child_friendly_communes", "protection_services", "hotline_111", "online_safety", "climate_change", "clean_water",
            "play_culture_sport", "communication", "launch_events", "resource_mobilisation", "direct_support", "infrastructure",
            "planning_integration", "policy_legal_review", "monitoring_inspection", "reporting", "capacity_building",
            "skills_training", "coordination", "commendation", "data_systems", "budget_allocation",
        ]
        #expect(specIDs.count == 33)
        #expect(codebook.categories.map(\.id) == specIDs)
        #expect(codebook.categories.filter { $0.dimension == .theme }.count == 18)
        #expect(codebook.categories.allSatisfy { !$0.patterns.isEmpty && !$0.labelVietnamese.isEmpty })
        #expect(!codebook.globalExclusions.isEmpty)
    }

    @Test func aMisspeltExclusionsColumnIsIgnoredWithASuggestion() throws {
        let text = "category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusion,notes\n"
            + "child_marriage,theme,,Child marriage,Tảo hôn,,tảo hôn,tảo hôn giả,mine\n"
        let (codebook, problems) = try CodebookLoader.check(text, file: "cb.csv")
        #expect(problems.isEmpty)
        let loaded = try #require(codebook)
        #expect(loaded.categories.first?.exclusions.isEmpty == true, "a misspelt column's values are not read")
        #expect(loaded.unknownColumns == [
            UnknownColumn(file: "cb.csv", column: 8, name: "exclusion", suggestion: "exclusions"),
            UnknownColumn(file: "cb.csv", column: 9, name: "notes", suggestion: nil),
        ])
        #expect(try #require(Fixtures.codebook).unknownColumns.isEmpty)
    }

    @Test func goodRowsHaveNoProblems() throws {
        #expect(try problems("child_marriage,theme,,Child marriage,Tảo hôn,early marriage,tảo hôn ; ~tao hon,\n").isEmpty)
    }

    @Test func duplicateID() throws {
        let p = try problems("a,theme,,A,,,x,\na,activity,,A2,,,y,\n")
        #expect(p.map(\.description) == ["cb.csv:3:1: duplicate category_id 'a' (first on line 2); ids must be unique"])
        // The repeated row's other problems are listed too; only the first row is the category.
        let more = try problems("a,theme,,A,,,x,\na,themes,,,,,,\n")
        #expect(more.map(\.description) == ["cb.csv:3:1: duplicate category_id 'a' (first on line 2); ids must be unique",
                                            "cb.csv:3:2: unknown dimension 'themes'; use theme or activity",
                                            "cb.csv:3:4: label_en is empty; give the category an English label",
                                            "cb.csv:3:7: category 'a' has no patterns, so it can never be coded; add at least one phrase"])
    }

    @Test func unknownDimension() throws {
        let p = try problems("a,topic,,A,,,x,\n")
        #expect(p.first?.line == 2 && p.first?.column == 2 && p.first?.message.contains("unknown dimension 'topic'") == true)
    }

    @Test func aRowWithAnUnknownDimensionIsCheckedOnSoEveryProblemIsListedAtOnce() throws {
        let p = try problems("health,theme,,Health,,,y tế,\nnewcat,topic,health_nutrtion,,,,,\n")
        #expect(p.map(\.description) == [
            "cb.csv:3:2: unknown dimension 'topic'; use theme or activity",
            "cb.csv:3:3: parent_id 'health_nutrtion' names no category; use an id from the category_id column or leave it empty",
            "cb.csv:3:4: label_en is empty; give the category an English label",
            "cb.csv:3:7: category 'newcat' has no patterns, so it can never be coded; add at least one phrase",
        ])
        #expect(try problems("a,Theme,,A,,,x,\nb,ACTIVITY,,B,,,y,\n").isEmpty, "dimensions in any case, as levels in the manifest")
        #expect(try problems("a,theme,a,A,,,x,\n").map(\.message) == ["category 'a' names itself as parent; leave parent_id empty or name a broader category"])
    }

    @Test(arguments: [
        ("x ; ; y", "pattern 2: the pattern is empty"),
        ("!!! ; y", "pattern 1: pattern '!!!' normalises to nothing"),
        ("a ... b ... c", "more than one '...'"),
        ("vận động ...99 ủng hộ", "bad window"),
        ("vận động ...", "needs a phrase on both sides"),
        // Word's one-character ellipsis reads as a sentence stop: the error says to type three full stops.
        ("tảo …5 hôn", "pattern 1: pattern 'tảo …5 hôn' holds the ellipsis character '…' (U+2026, which Word and phones type for three full stops), "
            + "which reads as a sentence stop, so it can never match; for a gap, type three full stops: 'tảo ...5 hôn'"),
        ("vận động … ủng hộ", "for a gap, type three full stops: 'vận động ... ủng hộ'"),
    ])
    func malformedPatterns(cell: String, message: String) throws {
        let p = try problems("a,theme,,A,,,\(cell),\n")
        #expect(p.count == 1)
        #expect(p.first?.column == 7)
        #expect(p.first?.message.contains(message) == true, "\(p)")
    }

    @Test func categoryWithoutPatterns() throws {
        let p = try problems("a,theme,,A,,,,\n")
        #expect(p.first?.message.contains("has no patterns") == true)
    }

    @Test func exclusionThatNamesNoCategory() throws {
        let p = try problems("*,*,,All,,,,sở y tế @nope\na,theme,,A,,,y tế,\n")
        #expect(p.map(\.description) == ["cb.csv:2:8: exclusion 'sở y tế' names no category '@nope'; use an id from the category_id column"])
    }

    @Test func unknownParent() throws {
        let p = try problems("a,theme,ghost,A,,,x,\n")
        #expect(p.first?.column == 3 && p.first?.message.contains("parent_id 'ghost' names no category") == true)
    }

    @Test("A line break inside a patterns or exclusions cell (Alt+Enter in Excel) is an error for each break, naming both phrases")
    func lineBreakInsideACell() throws {
        let p = try problems("child_marriage,theme,,CM,Tảo hôn,x,\"tảo hôn\nhôn nhân cận huyết\",\n")
        #expect(p.map(\.description) == [
            "cb.csv:2:7: pattern 1 holds a line break (Alt+Enter in a spreadsheet cell), which would join 'tảo hôn' and 'hôn nhân cận huyết' "
                + "into one phrase; separate phrases with ';' (tảo hôn ; hôn nhân cận huyết), or replace the line break with a space if they are one phrase",
        ])
        // Every problem is listed: a break in the exclusions (CRLF, as Excel on Windows saves a
        // cell), in the '*' row, and a problem elsewhere in the same and another row.
        let many = try problems("*,*,,All,,,,\"sở y tế\r\nbộ y tế\"\n"
            + "a,theme,,A,,,\"x ; y\nz\nw\",\"trẻ em\nem bé ; !!!\"\nb,topic,,B,,,y tế,\n")
        #expect(many.map(\.description) == [
            "cb.csv:2:8: exclusion 1 holds a line break (Alt+Enter in a spreadsheet cell), which would join 'sở y tế' and 'bộ y tế' "
                + "into one phrase; separate phrases with ';' (sở y tế ; bộ y tế), or replace the line break with a space if they are one phrase",
            "cb.csv:4:7: pattern 2 holds line breaks (Alt+Enter in a spreadsheet cell), which would join 'y', 'z' and 'w' "
                + "into one phrase; separate phrases with ';' (y ; z ; w), or replace the line breaks with spaces if they are one phrase",
            "cb.csv:4:8: exclusion 1 holds a line break (Alt+Enter in a spreadsheet cell), which would join 'trẻ em' and 'em bé' "
                + "into one phrase; separate phrases with ';' (trẻ em ; em bé), or replace the line break with a space if they are one phrase",
            "cb.csv:4:8: exclusion 2: pattern '!!!' normalises to nothing (no letters or digits); write the words to match",
            "cb.csv:8:2: unknown dimension 'topic'; use theme or activity",
        ])
        // A line break before or after the phrases joins nothing; other cells may hold line breaks.
        #expect(try problems("a,theme,,A,,\"two\nlines\",\"\ntảo hôn ; kết hôn sớm\n\",\n").isEmpty)
    }

    @Test("A parent_id loop is an error listing its ids; a chain that ends at the top is not")
    func parentLoops() throws {
        #expect(try problems("a,theme,b,A,,,x,\nb,theme,a,B,,,y,\n").map(\.description) == [
            "cb.csv:2:3: parent_id makes a loop, a -> b -> a: a category cannot be inside itself; leave parent_id empty in one of them or name a category outside the loop",
        ])
        // A longer loop, listed from its first row, once; a row whose chain runs into it is not a second loop.
        #expect(try problems("d,theme,b,D,,,w,\na,theme,c,A,,,x,\nb,theme,a,B,,,y,\nc,activity,b,C,,,z,\n").map(\.description) == [
            "cb.csv:3:3: parent_id makes a loop, a -> c -> b -> a: a category cannot be inside itself; leave parent_id empty in one of them or name a category outside the loop",
        ])
        #expect(try problems("a,theme,b,A,,,x,\nb,theme,c,B,,,y,\nc,theme,,C,,,z,\n").isEmpty)
        // A self-parent keeps its own message, and two loops are two errors.
        #expect(try problems("a,theme,a,A,,,x,\nb,theme,c,B,,,y,\nc,theme,b,C,,,z,\n").map(\.message) == [
            "category 'a' names itself as parent; leave parent_id empty or name a broader category",
            "parent_id makes a loop, b -> c -> b: a category cannot be inside itself; leave parent_id empty in one of them or name a category outside the loop",
        ])
    }

    func warnings(_ rows: String) throws -> [String] {
        let (codebook, problems) = try CodebookLoader.check(Self.header + rows, file: "cb.csv", warnings: true)
        #expect(problems.isEmpty, "\(problems)")
        #expect(try CodebookLoader.check(Self.header + rows, file: "cb.csv").0?.warnings.isEmpty == true, "found only when asked for")
        return try #require(codebook).warnings.map(\.description)
    }

    @Test("A pattern of several syllables without a diacritic is a warning that offers the marked form and the ~ form")
    func unmarkedPatterns() throws {
        #expect(try warnings("child_marriage,theme,,CM,Tảo hôn,x,tảo hôn ; tao hon,\n") == [
            "cb.csv:2:7: pattern 2 'tao hon' of 'child_marriage' carries no diacritic, so it matches only text typed without tone marks, "
                + "not 'tảo hôn'; write 'tảo hôn', or '~tao hon' to match it with or without marks",
        ])
        // Without a marked form in the codebook, the warning says so; a proximity pattern too.
        #expect(try warnings("a,theme,,A,,,tao hon ; van dong ... ung ho,\n") == [
            "cb.csv:2:7: pattern 1 'tao hon' of 'a' carries no diacritic, so it matches only text typed without tone marks, "
                + "unless Vietnamese writes these words without marks; write it with its tone marks, or '~tao hon' to match it with or without marks",
            "cb.csv:2:7: pattern 2 'van dong ... ung ho' of 'a' carries no diacritic, so it matches only text typed without tone marks, "
                + "unless Vietnamese writes these words without marks; write it with its tone marks, or '~van dong ... ung ho' to match it with or without marks",
        ])
        // The codebook holds 'tre em' with marks (in a label), though it writes 'em' bare.
        #expect(try warnings("a,theme,,A,Trẻ em,,em bé ; tre em,\n").map(\.description) == [
            "cb.csv:2:7: pattern 2 'tre em' of 'a' carries no diacritic, so it matches only text typed without tone marks, "
                + "not 'trẻ em'; write 'trẻ em', or '~tre em' to match it with or without marks",
        ])
        // Words Vietnamese writes without marks, when the codebook writes them so in marked text
        // (a syllable it writes only with marks elsewhere, 'dành' and 'đánh', proves nothing);
        // one syllable; digits; words that are not Vietnamese syllables; ~ patterns: no warning.
        #expect(try warnings("a,activity,,A,Thanh tra,,thanh tra ; kiểm tra ; phát thanh,\n").isEmpty)
        #expect(try warnings("a,activity,,A,Tôn vinh,,vinh danh ; dành ; đánh giá,\n").isEmpty)
        #expect(try warnings("a,theme,,A,,,hiv ; 1800 1567 ; game online ; covid vaccine ; ~tao hon ; ~ket hon tre em,\n").isEmpty)
    }

    @Test("The shipped codebook gives no warning (of any check: marks, repeats, glob or regex syntax, function words, patterns an exclusion drops), though some of its patterns are rightly written without marks")
    func shippedCodebookHasNoWarnings() throws {
        let (checked, problems) = try CodebookLoader.check(Fixtures.datasets.appendingPathComponent("codebook.csv"), warnings: true)
        let codebook = try #require(checked)
        #expect(problems.isEmpty && codebook.warnings.isEmpty, "\(problems) \(codebook.warnings)")
        // The checks had something to look at: patterns that hold a function word among others
        // ('về'), and global exclusions that hold a pattern's words ('y tế' in 'sở y tế').
        #expect(codebook.categories.flatMap(\.patterns).contains { $0.syllables == ["bình", "đẳng", "về", "cơ", "hội"] })
        #expect(codebook.globalExclusions.contains { $0.pattern.syllables == ["sở", "y", "tế"] })
        let unmarked = codebook.categories.flatMap(\.patterns).filter { !$0.loose && $0.syllables.count > 1 && $0.text.unicodeScalars.allSatisfy(\.isASCII) }
        #expect(Set(unmarked.map(\.text)).isSuperset(of: ["thanh tra", "lang thang", "trung thu"]), "\(unmarked.map(\.text))")
    }

    @Test("The same pattern twice in a cell, once normalised, is a warning naming the category and both entries")
    func repeatedPatterns() throws {
        #expect(try warnings("child_marriage,theme,,CM,Tảo hôn,,tảo hôn ; kết hôn sớm ; Tảo  hôn ; ~tao hon ; ~TẢO HÔN,tảo hôn giả ; tảo hôn giả\n") == [
            "cb.csv:2:7: pattern 3 'Tảo  hôn' of 'child_marriage' repeats pattern 1 'tảo hôn' (the same once case, spaces and tone placement are set aside); remove one",
            "cb.csv:2:7: pattern 5 '~TẢO HÔN' of 'child_marriage' repeats pattern 4 '~tao hon' (the same once case, spaces and tone placement are set aside); remove one",
            "cb.csv:2:8: exclusion 2 'tảo hôn giả' of 'child_marriage' repeats exclusion 1 'tảo hôn giả' (the same once case, spaces and tone placement are set aside); remove one",
        ])
        // A proximity pattern with another window, or a ~ pattern beside the marked one, is no repeat.
        #expect(try warnings("a,theme,,A,,,vận động ... ủng hộ ; vận động ...8 ủng hộ ; tảo hôn ; ~tảo hôn,\n").isEmpty)
    }

    @Test("Glob and regular-expression syntax is a warning saying how the pattern is read and how to write it")
    func globAndRegexSyntax() throws {
        let advice = "list each phrase to match, separated by ';' (tảo hôn ; kết hôn sớm), and write '...N' for a gap of up to N syllables (tảo ...3 hôn)"
        #expect(try warnings("child_marriage,theme,,CM,Tảo hôn,,tảo* ; trẻ em*,\n") == [
            "cb.csv:2:7: pattern 1 'tảo*' of 'child_marriage' holds '*', a glob wildcard (quanteda's default pattern syntax), "
                + "but patterns are whole syllables, not globs or regular expressions: it is read as the plain words 'tảo'; " + advice,
            "cb.csv:2:7: pattern 2 'trẻ em*' of 'child_marriage' holds '*', a glob wildcard (quanteda's default pattern syntax), "
                + "but patterns are whole syllables, not globs or regular expressions: it is read as the plain words 'trẻ em'; " + advice,
        ])
        #expect(try warnings("child_marriage,theme,,CM,Tảo hôn,,(tảo|hôn) ; [a-z]+ ; \\d+,\n") == [
            "cb.csv:2:7: pattern 1 '(tảo|hôn)' of 'child_marriage' holds '(', '|' and ')', regular-expression syntax, "
                + "but patterns are whole syllables, not globs or regular expressions: it is read as the plain words 'tảo hôn'; " + advice,
            "cb.csv:2:7: pattern 2 '[a-z]+' of 'child_marriage' holds '[', ']' and '+', regular-expression syntax, "
                + "but patterns are whole syllables, not globs or regular expressions: it is read as the plain words 'a z'; " + advice,
            "cb.csv:2:7: pattern 3 '\\d+' of 'child_marriage' holds '\\' and '+', regular-expression syntax, "
                + "but patterns are whole syllables, not globs or regular expressions: it is read as the plain words 'd'; " + advice,
        ])
        // Exclusions too, in a category's row and the '*' row (without the scope); a '?' is a glob wildcard.
        #expect(try warnings("*,*,,All,,,,sở y t? @a\na,theme,,A,,,y tế,bảo hiểm y tế*\n") == [
            "cb.csv:2:8: exclusion 1 'sở y t?' of the '*' row holds '?', a glob wildcard (quanteda's default pattern syntax), "
                + "but patterns are whole syllables, not globs or regular expressions: it is read as the plain words 'sở y t'; " + advice,
            "cb.csv:3:8: exclusion 1 'bảo hiểm y tế*' of 'a' holds '*', a glob wildcard (quanteda's default pattern syntax), "
                + "but patterns are whole syllables, not globs or regular expressions: it is read as the plain words 'bảo hiểm y tế'; " + advice,
        ])
        // The pattern syntax of the codebook, hyphens and other punctuation: no warning.
        #expect(try warnings("a,theme,,A,,,~tảo hôn ; vận động ...8 ủng hộ ; vận động ... quyên góp ; COVID-19 ; 1800-1567 ; trẻ em/người chưa thành niên,\n").isEmpty)
    }

    @Test("An invisible character between two letters or digits, which joins them, is an error naming it and where it is; one beside a space is let pass")
    func invisibleCharacters() throws {
        #expect(try problems("child_marriage,theme,,CM,Tảo hôn,,tảo\u{200B}hôn,\n").map(\.description) == [
            "cb.csv:2:7: pattern 1: pattern 'tảo<U+200B>hôn' holds an invisible U+200B ZERO WIDTH SPACE at character 4, which is dropped, "
                + "so the pattern is read as 'tảohôn'; delete it, or type a space in its place if it parts two words ('tảo hôn')",
        ])
        // A soft hyphen, a BOM and a control, in patterns and exclusions, the '*' row's too; each is found.
        #expect(try problems("*,*,,All,,,,sở y\u{00AD}tế @a\na,theme,,A,,,trẻ em ; covid\u{FEFF}19 ; ~tre\u{7}em,trẻ em nghèo\u{200D}khó\n").map(\.description) == [
            "cb.csv:2:8: exclusion 1: pattern 'sở y<U+00AD>tế' holds an invisible U+00AD SOFT HYPHEN at character 5, which is dropped, "
                + "so the pattern is read as 'sở ytế'; delete it, or type a space in its place if it parts two words ('sở y tế')",
            "cb.csv:3:7: pattern 2: pattern 'covid<U+FEFF>19' holds an invisible U+FEFF ZERO WIDTH NO-BREAK SPACE at character 6, which is dropped, "
                + "so the pattern is read as 'covid19'; delete it, or type a space in its place if it parts two words ('covid 19')",
            "cb.csv:3:7: pattern 3: pattern '~tre<U+0007>em' holds an invisible U+0007 (a control character) at character 5, which is dropped, "
                + "so the pattern is read as 'treem'; delete it, or type a space in its place if it parts two words ('~tre em')",
            "cb.csv:3:8: exclusion 1: pattern 'trẻ em nghèo<U+200D>khó' holds an invisible U+200D ZERO WIDTH JOINER at character 13, which is dropped, "
                + "so the pattern is read as 'trẻ em nghèokhó'; delete it, or type a space in its place if it parts two words ('trẻ em nghèo khó')",
        ])
        // Beside a space or at an end it joins nothing, and the pattern is the one without it.
        let (codebook, harmless) = try CodebookLoader.check(Self.header + "a,theme,,A,,,tảo hôn\u{200B} ; \u{FEFF}kết hôn ; trẻ \u{00AD}em,\n", file: "cb.csv")
        #expect(harmless.isEmpty, "\(harmless)")
        #expect(try #require(codebook).categories[0].patterns.map(\.syllables) == [["tảo", "hôn"], ["kết", "hôn"], ["trẻ", "em"]])
    }

    @Test("An '@' scope without an id in the '*' row, or a scope without a phrase, is an error saying what to write")
    func malformedScopes() throws {
        #expect(try problems("*,*,,All,,,,trẻ em @ @@\nchild_marriage,theme,,CM,Tảo hôn,,tảo hôn,\n").map(\.description) == [
            "cb.csv:2:8: exclusion 1 'trẻ em @ @@' has an '@' but no category id after it, so it would apply to every category; "
                + "write 'trẻ em @id' with the id of each category it is for (from the category_id column), or 'trẻ em' without '@' if it is for every category",
        ])
        #expect(try problems("*,*,,All,,,,sở y tế ; @child_marriage ; @\nchild_marriage,theme,,CM,Tảo hôn,,tảo hôn,@child_marriage\n").map(\.description) == [
            "cb.csv:2:8: exclusion 2 '@child_marriage' has a scope but no phrase; write the phrase to exclude before the scope, e.g. 'tảo hôn giả @child_marriage'",
            "cb.csv:2:8: exclusion 3 '@' has an '@' but neither a phrase nor a category id; write the phrase to exclude before the scope, e.g. 'tảo hôn giả @id'",
            "cb.csv:3:8: exclusion 1 '@child_marriage' has a scope but no phrase; write the phrase to exclude before the scope, e.g. 'tảo hôn giả @child_marriage' "
                + "(or, here, without a scope: exclusions in a category's row apply to it alone)",
        ])
        // A stray '@' beside an id, or in a category's own row (which it applies to alone), changes nothing.
        let (codebook, none) = try CodebookLoader.check(Self.header + "*,*,,All,,,,sở y tế @a @\na,theme,,A,,,y tế,bảo hiểm y tế @\n", file: "cb.csv")
        #expect(none.isEmpty, "\(none)")
        #expect(try #require(codebook).globalExclusions.map(\.scope) == [["a"]])
    }

    @Test("A pattern whose every match an exclusion in its scope drops is a warning: the coder indeed never counts it")
    func deadPatterns() throws {
        let rows = "*,*,,All,,,,sở y tế ; bộ y tế @b ; phòng y tế @c\n"
            + "a,theme,,A,Tảo hôn,,tảo hôn ; tảo hôn giả ; trẻ em,Tảo  hôn ; em\n"
            + "b,theme,,B,,,sở y tế ; bộ y tế ; phòng y tế ; y tế,\n"
            + "c,theme,,C,,,kết hôn ; vận động ...4 ủng hộ ; quyên góp ... quỹ,~ket hon ; vận động ...6 ủng hộ ; quyên góp ...3 quỹ\n"
            + "d,theme,,D,,,~tao hon,tảo hôn\n"
        #expect(try warnings(rows) == [
            "cb.csv:3:7: pattern 1 'tảo hôn' of 'a' can never count: its exclusion 1 'Tảo  hôn' drops every match of it; "
                + "remove one of them, or write the exclusion as the longer phrase in which the pattern should not count",
            "cb.csv:4:7: pattern 1 'sở y tế' of 'b' can never count: the '*' row's exclusion 1 'sở y tế' (line 2) drops every match of it; "
                + "remove the pattern, or limit the exclusion to other categories with '@id'",
            "cb.csv:4:7: pattern 2 'bộ y tế' of 'b' can never count: the '*' row's exclusion 2 'bộ y tế' (line 2) drops every match of it; "
                + "remove the pattern, or take '@b' out of the exclusion's scope",
            "cb.csv:5:7: pattern 1 'kết hôn' of 'c' can never count: its exclusion 1 '~ket hon' drops every match of it; "
                + "remove one of them, or write the exclusion as the longer phrase in which the pattern should not count",
            "cb.csv:5:7: pattern 2 'vận động ...4 ủng hộ' of 'c' can never count: its exclusion 2 'vận động ...6 ủng hộ' drops every match of it; "
                + "remove one of them, or write the exclusion as the longer phrase in which the pattern should not count",
        ])
        // What the warnings say, the coder does: the patterns warned of count nowhere, the others
        // (a longer or shorter exclusion, one scoped to another category, a narrower window, a
        // marked exclusion of a ~ pattern) where they stand.
        let codebook = try #require(try CodebookLoader.check(Self.header + rows, file: "cb.csv").0)
        let coder = Coder(codebook: codebook, abbreviations: try Abbreviations.bundled())
        let coding = coder.code(try Fixtures.parse("Phòng chống tảo hôn và kết hôn cận huyết; tảo hôn giả và trẻ em. "
            + "Sở Y tế, Bộ Y tế và Phòng Y tế chăm lo y tế. Vận động các tổ chức ủng hộ; quyên góp tiền cho các em vào quỹ. Tao hon."))
        let counted = Set(coding.evidence.map { "\($0.categoryID): \($0.pattern)" })
        #expect(counted == ["a: tảo hôn giả", "a: trẻ em", "b: phòng y tế", "b: y tế", "c: quyên góp ... quỹ", "d: ~tao hon"], "\(counted)")
    }

    @Test("A pattern of function words only (the bundled stop list) is a warning; one that holds a content word is not")
    func functionWordPatterns() throws {
        let advice = "holds only function words (those of Resources/stopwords.txt), which stand in nearly every sentence, so it would code nearly every document; "
            + "write a phrase that names the topic, or remove it"
        #expect(try warnings("child_marriage,theme,,CM,Tảo hôn,,và ; của ; các ; trẻ em ; Của Các ; ~va ; và ...3 của ; tảo hôn và ; trẻ em ... của,và các\n") == [
            "cb.csv:2:7: pattern 1 'và' of 'child_marriage' " + advice,
            "cb.csv:2:7: pattern 2 'của' of 'child_marriage' " + advice,
            "cb.csv:2:7: pattern 3 'các' of 'child_marriage' " + advice,
            "cb.csv:2:7: pattern 5 'Của Các' of 'child_marriage' " + advice,
            "cb.csv:2:7: pattern 6 '~va' of 'child_marriage' " + advice,
            "cb.csv:2:7: pattern 7 'và ...3 của' of 'child_marriage' " + advice,
        ])
    }

    @Test func loadingABadCodebookFailsWithTheSameProblems() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("cb.csv")
        try Data((Self.header + "a,theme,,A,,,x,\na,theme,,A,,,x,\n").utf8).write(to: url)
        #expect(throws: CodebookError.self) { try CodebookLoader.load(url) }
        do { _ = try CodebookLoader.load(url) } catch { #expect(error.description.contains("cb.csv:3:1: duplicate category_id 'a'")) }
    }
}
