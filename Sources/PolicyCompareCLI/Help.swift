/// Help texts: what each command does, its arguments and options.
enum Help {
    static let overview = """
    policy-compare: compare Vietnamese Month-of-Action-for-Children directives across years.

    Usage:
      policy-compare inspect FILE|DOCUMENT_ID [--json] [--corpus DIR]
      policy-compare --help | --version

    Commands:
      inspect   Print one directive, normalised and parsed: metadata, theme, period,
                slogans, references, actors, deadlines and the segment tree.

    Run `policy-compare COMMAND --help` for a command's options.
    Exit codes: 0 success, 1 bad input data, 2 bad usage.

    """

    static func text(for command: String) -> String? {
        switch command {
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
        default:
            nil
        }
    }
}
