#!/usr/bin/env python3
"""Load a PolicyCompare output folder with the readers researchers use, and compare them.

Usage: check_outputs.py OUTPUT_FOLDER [--no-soffice]
       check_outputs.py --quanteda-yaml FILE --codebook CODEBOOK_CSV

OUTPUT_FOLDER holds datapackage.json, one CSV per resource and optionally comparison.xlsx.
For every resource the CSV is read by Python's csv module (from the bytes, utf-8-sig) and by
pandas (default encoding), and the two must agree cell for cell, byte for byte, with every
text in NFC; pandas must read each `number` field as numbers, with the `decimal` its
`decimalChar` declares (`,` for a `;` file, as `read_csv(sep=";", decimal=",")`).
`frictionless.validate` must pass on datapackage.json, and its numbers be the CSV's. comparison.xlsx is loaded
with openpyxl: sheet headers, row counts and values must match the CSVs, and no cell may be a
formula. report.html must parse as HTML5 without a single parse error (html5lib, strict),
with one <h1>, each heatmap's name its own, and each quote inside a list item or standing
alone (not after a list). When LibreOffice (`soffice`) is on PATH, the workbook and one CSV are converted with
`soffice --headless --convert-to` and the results read back; a CSV is imported in the locale
its numbers are for (vi-VN for a decimal comma, en-US for a point), and its numbers must come
back as the numbers written (a point read in vi-VN groups thousands: 1.575 would be 1575).

With --quanteda-yaml, the file `policy-compare codebook export` wrote is loaded with PyYAML
(yaml.safe_load, YAML 1.1 as R's yaml package reads it too): it must hold "theme" and
"activity", each the codebook's categories of that dimension in its order, every key a string
(ids such as yes, on, null or 2019 must not turn into booleans, None or numbers, nor two ids
into one key), and every category a list of strings, one per pattern that is not a proximity
pattern ("A ... B"); a dimension without categories is an empty list.

Exit status 0 when every check passed, 1 otherwise; the last line is "N passed, N failed".
Dependencies: Tests/readers/requirements.txt (Python 3.11).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

BOM = b"\xef\xbb\xbf"
# Text the spreadsheet CSV profile prefixes with "'" (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class Checks:
    """Counts checks; prints each failure with where it happened."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, condition: bool, where: str, message: str) -> bool:
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {where}: {message}", file=sys.stderr)
        return condition

    def fail(self, where: str, message: str) -> None:
        self.check(False, where, message)

    def verdict(self, failed_before: int) -> str:
        """"ok" when no check failed since `failed_before`, else how many did."""
        new = self.failed - failed_before
        return "ok" if new == 0 else f"FAILED ({new} failures)"


def unprefixed(value: str, spreadsheet_profile: bool) -> str:
    """The cell value before the spreadsheet profile's formula-neutralising "'"."""
    if spreadsheet_profile and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def first_difference(a: str, b: str) -> str:
    """Where two texts first differ, shown as code points."""
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at character {index}: U+{ord(x):04X} vs U+{ord(y):04X}"
    return f"lengths {len(a)} vs {len(b)}"


class CSVTable:
    """A resource's CSV as Python's csv module reads it."""

    def __init__(self, folder: Path, resource: dict) -> None:
        self.name = resource.get("name", "?")
        self.path = folder / resource.get("path", f"{self.name}.csv")
        self.delimiter = resource.get("dialect", {}).get("delimiter", ",")
        self.fields = resource.get("schema", {}).get("fields", [])
        # Table Schema: a number field's decimal separator, "." unless it says otherwise.
        self.decimal_chars = {f.get("decimalChar", ".") for f in self.fields if f.get("type") == "number"}
        self.decimal = next(iter(self.decimal_chars)) if len(self.decimal_chars) == 1 else "."
        self.raw = self.path.read_bytes()
        self.spreadsheet_profile = self.raw.startswith(BOM)
        text = self.raw.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter, strict=True))
        self.header = rows[0] if rows else []
        self.records = rows[1:]

    def field_type(self, index: int) -> str:
        return self.fields[index].get("type", "string") if index < len(self.fields) else "string"

    def number(self, value: str) -> float:
        """A number field's value as a float (its decimalChar made a point); NaN when empty."""
        return float(value.replace(self.decimal, ".")) if value else math.nan


def check_csv(checks: Checks, table: CSVTable) -> None:
    import pandas as pd

    where = table.path.name
    failed_before = checks.failed
    checks.check(table.raw.endswith(b"\r\n"), where, "last record does not end with CRLF")
    checks.check(
        [f.get("name") for f in table.fields] == table.header,
        where,
        f"header {table.header} differs from schema fields {[f.get('name') for f in table.fields]}",
    )
    ragged = [n + 2 for n, r in enumerate(table.records) if len(r) != len(table.header)]
    checks.check(not ragged, where, f"records with a different field count than the header, on lines {ragged[:5]}")

    frame = pd.read_csv(
        table.path, sep=table.delimiter, dtype=str, keep_default_na=False, na_filter=False, engine="c"
    )
    checks.check(
        list(frame.columns) == table.header,
        where,
        f"pandas columns {list(frame.columns)} differ from csv module header {table.header}",
    )
    checks.check(
        len(frame) == len(table.records),
        where,
        f"pandas reads {len(frame)} rows, csv module {len(table.records)}",
    )
    for name in table.header:
        checks.check(unicodedata.is_normalized("NFC", name), where, f"header {name!r} is not NFC")
    mismatches = 0
    not_nfc = 0
    for row_number, (record, values) in enumerate(zip(table.records, frame.itertuples(index=False)), start=2):
        for column, (expected, actual) in enumerate(zip(record, values)):
            actual = "" if actual is None else str(actual)
            if expected.encode("utf-8") != actual.encode("utf-8"):
                mismatches += 1
                if mismatches <= 5:
                    checks.fail(
                        f"{where} line {row_number} column {table.header[column]}",
                        f"pandas {actual!r} differs from csv module {expected!r} ({first_difference(actual, expected)})",
                    )
            if not unicodedata.is_normalized("NFC", expected):
                not_nfc += 1
                if not_nfc <= 5:
                    checks.fail(f"{where} line {row_number} column {table.header[column]}", f"{expected!r} is not NFC")
    checks.check(mismatches == 0, where, f"{mismatches} cells differ between pandas and the csv module")
    checks.check(not_nfc == 0, where, f"{not_nfc} cells are not NFC")

    # The number fields as a researcher loads them: typed by pandas, with the declared decimal.
    checks.check(len(table.decimal_chars) <= 1, where, f"number fields declare different decimalChar {table.decimal_chars}")
    numbers = [i for i in range(len(table.header)) if table.field_type(i) == "number"]
    checks.check(
        not numbers or table.delimiter != ";" or table.decimal == ",",
        where,
        "a ';' file is for comma-decimal locales, where '.' groups thousands: its number fields must declare decimalChar ','",
    )
    misread = 0
    if numbers:
        typed = pd.read_csv(
            table.path, sep=table.delimiter, decimal=table.decimal, usecols=[table.header[i] for i in numbers], engine="c"
        )
        for i in numbers:
            column = typed[table.header[i]]
            if not checks.check(pd.api.types.is_float_dtype(column) or pd.api.types.is_integer_dtype(column), where,
                                f"pandas reads {table.header[i]} as {column.dtype}, not numbers (decimal={table.decimal!r})"):
                continue
            for row_number, (record, value) in enumerate(zip(table.records, column), start=2):
                expected = table.number(record[i])
                if not (math.isnan(expected) and math.isnan(value)) and not math.isclose(expected, value, rel_tol=1e-12, abs_tol=0):
                    misread += 1
                    if misread <= 5:
                        checks.fail(f"{where} line {row_number} column {table.header[i]}",
                                    f"pandas reads {value!r} for {record[i]!r} (decimal={table.decimal!r})")
        checks.check(misread == 0, where, f"{misread} numbers misread by pandas")
    profile = "spreadsheet (BOM)" if table.spreadsheet_profile else "plain (no BOM)"
    print(f"csv {checks.verdict(failed_before)}: {where}: {len(table.records)} rows x {len(table.header)} columns, "
          f"{profile}, delimiter {table.delimiter!r}, {len(numbers)} number fields with decimal {table.decimal!r}, "
          f"read by pandas {pd.__version__} and the csv module")


def check_frictionless(checks: Checks, descriptor: Path, tables: list[CSVTable]) -> None:
    import frictionless

    report = frictionless.validate(str(descriptor))
    if not checks.check(report.valid, descriptor.name, "frictionless validate found errors:"):
        for task in report.tasks:
            for error in task.errors[:10]:
                print(f"  {task.name}: {error.type}: {error.message}", file=sys.stderr)
        for error in report.errors[:10]:
            print(f"  {error.type}: {error.message}", file=sys.stderr)
        return
    failed_before = checks.failed
    package = frictionless.Package(str(descriptor))
    for table, resource in zip(tables, package.resources):
        where = f"{table.path.name} (frictionless)"
        rows = resource.read_rows()
        checks.check(len(rows) == len(table.records), where, f"reads {len(rows)} rows, csv module {len(table.records)}")
        checks.check(
            list(resource.schema.field_names) == table.header, where, "field names differ from the CSV header"
        )
        mismatches = 0
        numbers = 0
        for row, record in zip(rows, table.records):
            for index, name in enumerate(table.header):
                if table.field_type(index) == "string":
                    value = row[name]
                    if (value or "") != record[index]:
                        mismatches += 1
                elif table.field_type(index) == "number":
                    value = row[name]
                    expected = table.number(record[index])
                    if (value is None) != math.isnan(expected) or (
                        value is not None and not math.isclose(float(value), expected, rel_tol=1e-12, abs_tol=0)
                    ):
                        numbers += 1
        checks.check(mismatches == 0, where, f"{mismatches} string cells differ from the csv module")
        checks.check(numbers == 0, where, f"{numbers} number cells differ from the csv module's (decimal {table.decimal!r})")
    print(f"frictionless {checks.verdict(failed_before)}: {descriptor.name} valid (frictionless {frictionless.__version__}), "
          f"{len(package.resources)} resources read back")


def xlsx_expected(table: CSVTable, index: int, value: str):
    """What openpyxl should give for a CSV value of a typed field (None for empty)."""
    if value == "":
        return None
    kind = table.field_type(index)
    if kind == "integer":
        return int(value)
    if kind == "number":
        return table.number(value)
    if kind == "boolean":
        return value == "true"
    return unprefixed(value, table.spreadsheet_profile)


def same_value(expected, actual) -> bool:
    if isinstance(expected, float) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return math.isclose(expected, float(actual), rel_tol=1e-12, abs_tol=1e-12)
    if isinstance(expected, str) and isinstance(actual, str):
        return expected.encode("utf-8") == actual.encode("utf-8")
    return type(expected) is type(actual) and expected == actual


def check_xlsx(checks: Checks, workbook_path: Path, tables: list[CSVTable]) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(workbook_path)
    where = workbook_path.name
    checks.check(
        len(workbook.worksheets) == len(tables),
        where,
        f"{len(workbook.worksheets)} sheets for {len(tables)} resources",
    )
    for position, table in enumerate(tables):
        if table.name in workbook.sheetnames:
            sheet = workbook[table.name]
        elif position < len(workbook.worksheets):
            sheet = workbook.worksheets[position]  # a long name is cut to 31 characters
        else:
            checks.fail(where, f"no sheet for resource {table.name}")
            continue
        sheet_where = f"{where} sheet {sheet.title!r}"
        failed_before = checks.failed
        rows = list(sheet.iter_rows())
        header = [cell.value for cell in rows[0]] if rows else []
        checks.check(header == table.header, sheet_where, f"header {header} differs from {table.path.name} {table.header}")
        checks.check(
            len(rows) - 1 == len(table.records),
            sheet_where,
            f"{len(rows) - 1} data rows, {table.path.name} has {len(table.records)}",
        )
        formulas = [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
        checks.check(not formulas, sheet_where, f"formula cells {formulas[:5]}")
        mismatches = 0
        for row_number, (row, record) in enumerate(zip(rows[1:], table.records), start=2):
            values = [cell.value for cell in row] + [None] * max(0, len(record) - len(row))
            for index, value in enumerate(record):
                expected = xlsx_expected(table, index, value)
                if not same_value(expected, values[index]):
                    mismatches += 1
                    if mismatches <= 5:
                        checks.fail(
                            f"{sheet_where} row {row_number} column {table.header[index]}",
                            f"{values[index]!r} differs from CSV value {value!r}",
                        )
        checks.check(mismatches == 0, sheet_where, f"{mismatches} cells differ from {table.path.name}")
        print(f"xlsx {checks.verdict(failed_before)}: sheet {sheet.title!r} against {table.path.name} "
              f"(openpyxl {openpyxl.__version__}): header, {len(rows) - 1} rows, values, no formulas")


def check_html(checks: Checks, page: Path) -> None:
    """report.html parses as HTML5 with no error, as a browser or screen reader meets it."""
    import html5lib

    failed_before = checks.failed
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = parser.parse(page.read_bytes())
    errors = [f"line {line}:{column} {code}" for (line, column), code, _ in parser.errors]
    checks.check(not errors, page.name, f"HTML5 parse errors: {errors[:5]}")
    checks.check(len(document.findall(".//h1")) == 1, page.name, "not exactly one <h1>")
    labels = [svg.get("aria-label") for svg in document.iter("{http://www.w3.org/2000/svg}svg")]
    checks.check(bool(labels) and all(labels) and len(set(labels)) == len(labels), page.name, f"heatmap names not distinct: {labels}")
    # A quote of a listed category sits inside its item; one standing alone in a section (a
    # reused passage) does not follow a list, whose last item it would seem to belong to.
    loose = 0
    for parent in document.iter():
        children = list(parent)
        for index, child in enumerate(children):
            if child.tag == "blockquote" and (parent.tag not in ("li", "section") or (index > 0 and children[index - 1].tag == "ul")):
                loose += 1
    checks.check(loose == 0, page.name, f"{loose} quotes outside the list item they belong to")
    print(f"html {checks.verdict(failed_before)}: {page.name} parses as HTML5 (html5lib {html5lib.__version__}), "
          f"{len(labels)} heatmaps, {sum(1 for _ in document.iter('blockquote'))} quotes")


def run_soffice(arguments: list[str], profile: Path) -> subprocess.CompletedProcess:
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def check_libreoffice(checks: Checks, folder: Path, tables: list[CSVTable]) -> None:
    workbook = folder / "comparison.xlsx"
    with tempfile.TemporaryDirectory(prefix="policycompare-soffice-") as temporary:
        temp = Path(temporary)
        profile = temp / "profile"
        if workbook.exists() and tables:
            out = temp / "from-xlsx"
            result = run_soffice(
                ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(workbook)],
                profile,
            )
            converted = out / "comparison.csv"
            failed_before = checks.failed
            if checks.check(
                result.returncode == 0 and converted.exists(),
                "soffice xlsx->csv",
                f"exit {result.returncode}: {result.stdout}{result.stderr}",
            ):
                # LibreOffice writes the first sheet; compare it with the resource of that name.
                import openpyxl

                first_sheet = openpyxl.load_workbook(workbook, read_only=True).sheetnames[0]
                table = next((t for t in tables if t.path.stem == first_sheet), tables[0])
                rows = list(csv.reader(io.StringIO(converted.read_bytes().decode("utf-8-sig"), newline="")))
                checks.check(rows[:1] == [table.header], "soffice xlsx->csv", f"header {rows[:1]} differs from {table.header}")
                checks.check(
                    len(rows) - 1 == len(table.records),
                    "soffice xlsx->csv",
                    f"{len(rows) - 1} rows, {table.path.name} has {len(table.records)}",
                )
                mismatches = [
                    (n, table.header[i])
                    for n, (row, record) in enumerate(zip(rows[1:], table.records), start=2)
                    for i, value in enumerate(record)
                    if table.field_type(i) == "string"
                    and (row[i] if i < len(row) else "").encode() != unprefixed(value, table.spreadsheet_profile).encode()
                ]
                checks.check(not mismatches, "soffice xlsx->csv", f"text cells differ at (line, column) {mismatches[:5]}")
                print(f"soffice {checks.verdict(failed_before)}: {workbook.name} converted to CSV, "
                      f"first sheet against {table.path.name}")

        # The first table, and the first with number fields: imported as a double-click in the
        # locale its numbers are for would import them.
        def has_numbers(table: CSVTable) -> bool:
            return any(table.field_type(i) == "number" for i in range(len(table.header)))

        imported = tables[:1] if tables and has_numbers(tables[0]) else tables[:1] + [t for t in tables[1:] if has_numbers(t)][:1]
        for table in imported:
            out = temp / f"from-csv-{table.path.stem}"
            separator = ord(table.delimiter)
            # LibreOffice's language ids: vi-VN (1066) groups thousands with "." and has a
            # decimal comma; en-US (1033) the other way round.
            language = 1066 if table.decimal == "," else 1033
            result = run_soffice(
                [f"--infilter=CSV:{separator},34,76,1,,{language}", "--convert-to", "xlsx", "--outdir", str(out), str(table.path)],
                profile,
            )
            converted = out / f"{table.path.stem}.xlsx"
            failed_before = checks.failed
            if checks.check(
                result.returncode == 0 and converted.exists(),
                "soffice csv->xlsx",
                f"exit {result.returncode}: {result.stdout}{result.stderr}",
            ):
                import openpyxl

                sheet = openpyxl.load_workbook(converted).worksheets[0]
                rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
                checks.check(
                    rows[:1] == [table.header],
                    "soffice csv->xlsx",
                    f"header {rows[:1]} differs from {table.header} (BOM not stripped?)",
                )
                checks.check(
                    len(rows) - 1 == len(table.records),
                    "soffice csv->xlsx",
                    f"{len(rows) - 1} rows, {table.path.name} has {len(table.records)}",
                )

                def looks_numeric(value: str) -> bool:
                    bare = value.lstrip("+-")
                    return bare.replace(".", "", 1).isdigit() or bare.replace(",", "", 1).isdigit()

                # Plain text (nothing a spreadsheet would reinterpret) must come through byte for byte.
                mismatches = [
                    (n, table.header[i])
                    for n, (row, record) in enumerate(zip(rows[1:], table.records), start=2)
                    for i, value in enumerate(record)
                    if table.field_type(i) == "string"
                    and value
                    and not value.startswith(("'", *FORMULA_STARTS))
                    and not looks_numeric(value)
                    # LibreOffice reads ISO dates (2019-06-01) as dates, as a spreadsheet should.
                    and not (len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit())
                    and str(row[i] if i < len(row) else "").encode() != value.encode()
                ]
                checks.check(not mismatches, "soffice csv->xlsx", f"text cells differ at (line, column) {mismatches[:5]}")
                # Numbers must be the numbers written, not text and not a thousand times too large.
                misread = [
                    (n, table.header[i], value, row[i] if i < len(row) else None)
                    for n, (row, record) in enumerate(zip(rows[1:], table.records), start=2)
                    for i, value in enumerate(record)
                    if table.field_type(i) == "number"
                    and value
                    and not (
                        i < len(row)
                        and isinstance(row[i], (int, float))
                        and not isinstance(row[i], bool)
                        and math.isclose(float(row[i]), table.number(value), rel_tol=1e-12, abs_tol=0)
                    )
                ]
                numbers = sum(1 for record in table.records for i, v in enumerate(record) if v and table.field_type(i) == "number")
                checks.check(not misread, "soffice csv->xlsx", f"{len(misread)} numbers misread (line, column, written, read) {misread[:5]}")
                print(f"soffice {checks.verdict(failed_before)}: {table.path.name} converted to XLSX in language {language}, "
                      f"header, rows, text and {numbers} numbers read back")


def check_quanteda_yaml(checks: Checks, path: Path, codebook: Path) -> None:
    """Loads a quanteda YAML export and compares it with the codebook it came from."""
    import yaml

    failed_before = checks.failed
    where = str(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    with codebook.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["category_id"] != "*"]
    if not checks.check(isinstance(data, dict) and list(data) == ["theme", "activity"], where,
                        f"top-level keys {list(data) if isinstance(data, dict) else type(data).__name__}, expected ['theme', 'activity']"):
        return
    loaded = 0
    for dimension in ("theme", "activity"):
        expected = {row["category_id"]: row["patterns"] for row in rows if row["dimension"].lower() == dimension}
        entry = data[dimension]
        if not expected:
            checks.check(entry == [], f"{where}: {dimension}", f"a dimension without categories should load as [], found {entry!r}")
            continue
        if not checks.check(isinstance(entry, dict), f"{where}: {dimension}", f"expected a mapping of categories, found {entry!r:.80}"):
            continue
        keys = list(entry)
        checks.check(all(isinstance(key, str) for key in keys), f"{where}: {dimension}",
                     f"keys that did not load as strings: {[key for key in keys if not isinstance(key, str)]}")
        checks.check(keys == list(expected), f"{where}: {dimension}", f"keys {keys}, expected the codebook's {list(expected)}")
        for key, values in entry.items():
            plain = [p for p in expected.get(key, "").split(";") if p.strip() and "..." not in p]
            ok = isinstance(values, list) and all(isinstance(value, str) for value in values)
            checks.check(ok, f"{where}: {dimension}.{key}", f"expected a list of strings, found {values!r:.80}")
            if ok and key in expected:
                checks.check(len(values) == len(plain), f"{where}: {dimension}.{key}",
                             f"{len(values)} values, expected one per pattern that is not a proximity pattern ({len(plain)})")
                loaded += 1
    print(f"quanteda YAML {checks.verdict(failed_before)}: {path.name} loads with PyYAML, "
          f"{loaded} categories as lists of strings under their dimensions")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", help="folder with datapackage.json, the CSVs and comparison.xlsx")
    parser.add_argument("--no-soffice", action="store_true", help="skip the LibreOffice conversions")
    parser.add_argument("--quanteda-yaml", type=Path, help="a `codebook export` file to load with PyYAML (needs --codebook)")
    parser.add_argument("--codebook", type=Path, help="the codebook CSV the --quanteda-yaml file was exported from")
    arguments = parser.parse_args(argv)
    checks = Checks()
    if arguments.quanteda_yaml is not None or arguments.folder is None:
        if arguments.quanteda_yaml is None or arguments.codebook is None or arguments.folder is not None:
            parser.error("give an output folder, or --quanteda-yaml FILE with --codebook FILE")
        try:
            check_quanteda_yaml(checks, arguments.quanteda_yaml, arguments.codebook)
        except ImportError as error:
            checks.fail("quanteda YAML", f"{error}; install the readers with `pip install -r Tests/readers/requirements.txt`")
        except Exception as error:  # a reader crashing on our output is a failure, not a stack trace
            checks.fail("quanteda YAML", f"{type(error).__name__}: {error}")
        print(f"{checks.passed} passed, {checks.failed} failed")
        return 0 if checks.failed == 0 else 1
    folder: Path = arguments.folder
    descriptor = folder / "datapackage.json"

    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        checks.fail(str(descriptor), f"cannot read the data package descriptor: {error}")
        print(f"{checks.passed} passed, {checks.failed} failed")
        return 1

    steps = ["csv", "frictionless", "xlsx", "html", "soffice"]
    tables: list[CSVTable] = []
    for resource in package.get("resources", []):
        try:
            tables.append(CSVTable(folder, resource))
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            checks.fail(f"resource {resource.get('name')}", f"cannot read its CSV with the csv module: {error}")
    checks.check(bool(tables), str(descriptor), "no resources")

    for step in steps:
        try:
            if step == "csv":
                for table in tables:
                    check_csv(checks, table)
            elif step == "frictionless":
                check_frictionless(checks, descriptor, tables)
            elif step == "xlsx":
                workbook = folder / "comparison.xlsx"
                if workbook.exists():
                    check_xlsx(checks, workbook, tables)
                else:
                    print("note: no comparison.xlsx, openpyxl checks skipped", file=sys.stderr)
            elif step == "html":
                page = folder / "report.html"
                if page.exists():
                    check_html(checks, page)
                else:
                    print("note: no report.html, HTML checks skipped", file=sys.stderr)
            elif step == "soffice":
                if arguments.no_soffice:
                    print("note: --no-soffice, LibreOffice checks skipped", file=sys.stderr)
                elif shutil.which("soffice"):
                    check_libreoffice(checks, folder, tables)
                else:
                    print("note: soffice not on PATH, LibreOffice checks skipped", file=sys.stderr)
        except ImportError as error:
            checks.fail(step, f"{error}; install the readers with `pip install -r Tests/readers/requirements.txt`")
        except Exception as error:  # a reader crashing on our output is a failure, not a stack trace
            checks.fail(step, f"{type(error).__name__}: {error}")

    print(f"{checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
