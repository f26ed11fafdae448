/// Help texts: what each command does, its arguments and options.
enum Help {
    static let overview = """
    policy-compare: compare Vietnamese Month-of-Action-for-Children directives across years.

    Usage:
      policy-compare compare   [--corpus DIR] [--codebook FILE] [--years 2010,2019] [--baseline YEAR]
                               [--out DIR] [--lang en|vi] [--format csv,txt,md,html,xlsx]
                               [--csv spreadsheet|plain] [--delimiter ,|;|tab] [--reuse-partners N]
                               [--skip-invalid] [--quiet] [--timings]
      policy-compare inspect   FILE|DOCUMENT_ID [--json] [--corpus DIR]
      policy-compare code      [--corpus DIR] [--codebook FILE] [--out DIR] [--csv spreadsheet|plain]
                               [--delimiter ,|;|tab] [--skip-invalid] [--quiet]
      policy-compare codebook  check [FILE | --codebook FILE] [--corpus DIR]
      policy-compare codebook  export [--format quanteda-yaml] [--codebook FILE] [--corpus DIR] [--out FILE]
      policy-compare agreement --coding FILE [--corpus DIR] [--codebook FILE]
      policy-compare --help | COMMAND --help | --version

    Commands:
      compare    Compare the years of a corpus and write tables, reports and a workbook
                 (default: Datasets/ to Reports/).
      inspect    Print one directive, normalised and parsed.
      code       Code every document with the codebook and write the coding tables.
      codebook   Check a codebook, or export it as a quanteda dictionary.
      agreement  Compare the tool's coding with a human coding (precision, recall, F1, kappa).

    Exit codes: 0 success, 1 bad input data, 2 bad usage, 128 + signal when interrupted
    (130 Ctrl-C; unfinished reports are removed). Errors and warnings go to standard error.

    """

    static func text(for command: String) -> String? {
        switch command {
        case "compare":
            """
            policy-compare compare [options]

            Reads the corpus, codes every directive, compares the years and writes the reports.
              --corpus DIR         corpus folder with manifest.csv (default: Datasets)
              --codebook FILE      codebook CSV (default: <corpus>/codebook.csv)
              --years Y1,Y2,...    years to compare, in time order whatever the order named (default: all)
              --baseline YEAR      year the others are compared against (default: the first)
              --out DIR            output folder (default: Reports); other files in it are kept
              --lang en|vi         language of the reports (default: en)
              --format LIST        any of csv,txt,md,html,xlsx (default: all)
              --csv PROFILE        spreadsheet (UTF-8 BOM, formulas neutralised; default) or plain
              --delimiter D        ',' (default), ';' (numbers then with a decimal comma, for
                                   comma-decimal locales) or tab
              --reuse-partners N   align each document with the N documents it shares most
                                   text with (default: 10; raise it for a full pairwise
                                   reuse list of a small corpus, at the cost of larger tables)
              --skip-invalid       leave out documents that cannot be read, list them in the
                                   report, and go on (default: stop and write nothing)
              --quiet              no progress line (shown on a terminal when a run takes > 1 s)
              --timings            print the time of each stage on standard error

            """
        case "inspect":
            """
            policy-compare inspect FILE|DOCUMENT_ID [--json] [--corpus DIR]

            Reads one directive and prints it as a person reads it, or as JSON.
              DOCUMENT_ID     an id from the corpus manifest (e.g. 2019-kien-giang)
              FILE            any text file; its year and issuer are inferred from the text
              --json          print JSON (keys: document_id, year, theme, period, slogans,
                              references, actors, deadlines, segments, ...)
              --corpus DIR    corpus folder with manifest.csv (default: Datasets)

            """
        case "code":
            """
            policy-compare code [options]

            Codes every document and writes coding_by_document.csv, evidence.csv and uncoded.csv.
              --corpus DIR         corpus folder with manifest.csv (default: Datasets)
              --codebook FILE      codebook CSV (default: <corpus>/codebook.csv)
              --out DIR            output folder (default: Reports); other files in it are kept,
                                   with a warning when they are a compare run's that the new
                                   tables no longer match
              --csv PROFILE        spreadsheet (UTF-8 BOM, formulas neutralised; default) or plain
              --delimiter D        ',' (default), ';' (numbers then with a decimal comma) or tab
              --skip-invalid       leave out documents that cannot be read, with a warning for
                                   each, and go on (default: stop and write nothing)
              --quiet              no progress line (shown on a terminal when a run takes > 1 s)

            """
        case "codebook":
            """
            policy-compare codebook check [FILE | --codebook FILE] [--corpus DIR]
            policy-compare codebook export [--format quanteda-yaml] [--codebook FILE] [--corpus DIR] [--out FILE]

            check: lists every problem of a codebook as file:line:column: message (exit 1 if any).
            export: prints (or writes to --out) the codebook as a quanteda YAML dictionary.

            """
        case "agreement":
            """
            policy-compare agreement --coding FILE [--corpus DIR] [--codebook FILE]

            FILE has columns document_id, category_id, present (true/false, 1/0 or yes/no), one
            row per cell. Prints precision, recall, F1 and Cohen's kappa per category and
            overall, and every disagreement; warns when the file leaves out categories of the
            documents it codes.

            """
        default:
            nil
        }
    }
}
