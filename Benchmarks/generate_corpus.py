#!/usr/bin/env python3
"""Generate a deterministic, realistic PolicyCompare corpus for benchmarks.

    python3 Benchmarks/generate_corpus.py --documents 10000 --seed 1 --out Benchmarks/corpus-10000

Writes DIR/manifest.csv and DIR/directives/<document_id>.txt. Every directive has the shape
of a real one (letter head, "Kính gửi", title, body with I./II. sections, numbered and "-"
items, a "Chủ đề: “...”" line, a slogans list under "Thông điệp và khẩu hiệu", a "Nơi nhận"
block and a signature); its body recombines the paragraphs, list items and clauses of the
five real directives in Datasets/directives/, with the province, district, year and dates of
the generated document. Sizes vary from about 4 KB to 25 KB, 13 KB on average.

The output depends only on --documents, --seed, this script and the five real texts: the
same arguments give byte-identical files (each document has its own random generator seeded
from "seed:index", so documents do not depend on each other). Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "Datasets" / "directives"
REAL_FILES = ["2010-molisa.txt", "2013-molisa.txt", "2014-molisa.txt", "2019-lang-son.txt", "2019-kien-giang.txt"]

# The 63 provinces and centrally governed cities (before the 2025 mergers). True = city.
PROVINCES = [
    ("Hà Nội", True), ("Hồ Chí Minh", True), ("Hải Phòng", True), ("Đà Nẵng", True), ("Cần Thơ", True),
    ("An Giang", False), ("Bà Rịa - Vũng Tàu", False), ("Bắc Giang", False), ("Bắc Kạn", False),
    ("Bạc Liêu", False), ("Bắc Ninh", False), ("Bến Tre", False), ("Bình Định", False),
    ("Bình Dương", False), ("Bình Phước", False), ("Bình Thuận", False), ("Cà Mau", False),
    ("Cao Bằng", False), ("Đắk Lắk", False), ("Đắk Nông", False), ("Điện Biên", False),
    ("Đồng Nai", False), ("Đồng Tháp", False), ("Gia Lai", False), ("Hà Giang", False),
    ("Hà Nam", False), ("Hà Tĩnh", False), ("Hải Dương", False), ("Hậu Giang", False),
    ("Hòa Bình", False), ("Hưng Yên", False), ("Khánh Hòa", False), ("Kiên Giang", False),
    ("Kon Tum", False), ("Lai Châu", False), ("Lâm Đồng", False), ("Lạng Sơn", False),
    ("Lào Cai", False), ("Long An", False), ("Nam Định", False), ("Nghệ An", False),
    ("Ninh Bình", False), ("Ninh Thuận", False), ("Phú Thọ", False), ("Phú Yên", False),
    ("Quảng Bình", False), ("Quảng Nam", False), ("Quảng Ngãi", False), ("Quảng Ninh", False),
    ("Quảng Trị", False), ("Sóc Trăng", False), ("Sơn La", False), ("Tây Ninh", False),
    ("Thái Bình", False), ("Thái Nguyên", False), ("Thanh Hóa", False), ("Thừa Thiên Huế", False),
    ("Tiền Giang", False), ("Trà Vinh", False), ("Tuyên Quang", False), ("Vĩnh Long", False),
    ("Vĩnh Phúc", False), ("Yên Bái", False),
]
assert len(PROVINCES) == 63

# Some real districts, for district-level documents: (province, district).
DISTRICTS = [
    ("Kiên Giang", "An Biên"), ("Kiên Giang", "Phú Quốc"), ("Lạng Sơn", "Cao Lộc"), ("Hà Giang", "Mèo Vạc"),
    ("Hà Giang", "Đồng Văn"), ("Lào Cai", "Bắc Hà"), ("Lào Cai", "Bát Xát"), ("Lai Châu", "Mường Tè"),
    ("Điện Biên", "Tuần Giáo"), ("Sơn La", "Mộc Châu"), ("Sơn La", "Quỳnh Nhai"), ("Hòa Bình", "Mai Châu"),
    ("Nghệ An", "Kỳ Sơn"), ("Nghệ An", "Quỳ Châu"), ("Hà Tĩnh", "Hương Khê"), ("Quảng Bình", "Bố Trạch"),
    ("Quảng Trị", "Hướng Hóa"), ("Thừa Thiên Huế", "A Lưới"), ("Quảng Nam", "Nam Trà My"),
    ("Quảng Ngãi", "Ba Tơ"), ("Quảng Ngãi", "Lý Sơn"), ("Kon Tum", "Kon Plông"), ("Gia Lai", "Chư Sê"),
    ("Đắk Lắk", "Krông Bông"), ("Hồ Chí Minh", "Cần Giờ"), ("Hà Nội", "Ba Vì"), ("Hải Phòng", "Thủy Nguyên"),
    ("Quảng Ninh", "Cô Tô"), ("Trà Vinh", "Trà Cú"), ("Cà Mau", "Thới Bình"), ("Cà Mau", "Năm Căn"),
    ("Bà Rịa - Vũng Tàu", "Côn Đảo"), ("Cao Bằng", "Bảo Lâm"), ("Thanh Hóa", "Mường Lát"),
]

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Quang", "Minh", "Đức", "Hữu", "Thanh", "Ngọc", "Xuân", "Thu", "Công", "Kim"]
GIVEN = ["Tuấn", "Hùng", "Lan", "Hương", "Dũng", "Thắng", "Hà", "Mai", "Sơn", "Hải", "Bình", "Nam", "Thủy", "Phương", "Long", "Cường", "Hạnh", "Vinh"]

LEVEL_WEIGHTS = [("provincial", 70), ("district", 22), ("national", 8)]
KIND_WEIGHTS = [("plan", 55), ("letter", 45)]


def slug(text: str) -> str:
    """ASCII slug of a Vietnamese name: "Bà Rịa - Vũng Tàu" -> "ba-ria-vung-tau"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- the real texts

class Pool:
    """Paragraphs, items and clauses of the real directives, sorted by the job they do."""

    def __init__(self) -> None:
        self.context: list[str] = []      # prose paragraphs of the opening (situation, purpose)
        self.purpose: list[str] = []      # "-" items under "Mục đích"
        self.activity: list[str] = []     # items and paragraphs that describe activities
        self.numbered: list[str] = []     # long numbered items of the national letters
        self.tasks: list[tuple[str, list[str]]] = []  # agency heading and its items
        self.slogans: list[str] = []
        self.themes: list[str] = []
        self.closing: list[str] = []
        self.clauses: list[str] = []      # "; "-separated clauses of activity items

    @staticmethod
    def load() -> "Pool":
        pool = Pool()
        seen: dict[str, None] = {}

        def add(target: list[str], text: str) -> None:
            text = re.sub(r"[ \t\u00a0]+", " ", text).strip()
            if len(text) >= 25 and text not in seen:
                seen[text] = None
                target.append(text)

        for name in REAL_FILES:
            lines = (REAL / name).read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
            lines = [re.sub(r"[ \t\u00a0]+", " ", l).strip() for l in lines]
            body_started = False
            section = ""      # lower-cased current heading
            task: tuple[str, list[str]] | None = None
            in_annex = False
            for line in lines:
                if not line:
                    continue
                low = line.lower()
                if low.startswith("nơi nhận"):
                    in_annex = True
                    continue
                if in_annex:
                    m = re.match(r"^\d+\.\s+(.*)$", line)
                    if m:
                        add(pool.slogans, m.group(1).rstrip(".;"))
                    continue
                if not body_started:
                    if low.startswith(("kính gửi", "số:", "kế hoạch", "triển khai tháng", "trên địa bàn")) or re.search(r", ngày \d", line):
                        continue
                    if low.startswith("-") and len(line) < 60:
                        continue
                    body_started = True
                for theme in re.findall(r"chủ đề:? “([^”]+)”", line):
                    add(pool.themes, theme)
                roman = re.match(r"^([IVX]+)\.\s+(.*)$", line)
                numbered = re.match(r"^(\d+(?:\.\d+)*)\.\s+(.*)$", line)
                bullet = re.match(r"^([-+*])\s+(.*)$", line)
                if roman:
                    section = roman.group(2).lower()
                    task = None
                    continue
                if "khẩu hiệu" in low or "thông điệp" in low:
                    if len(line) < 80:
                        section = "khẩu hiệu"
                        continue
                if numbered:
                    text = numbered.group(2)
                    if section.startswith("tổ chức thực hiện") and len(text) < 140 and text.endswith(":"):
                        task = (text, [])
                        pool.tasks.append(task)
                        continue
                    if len(text) < 70 or text.endswith(":"):
                        section = text.lower()
                        task = None
                        continue
                    if text.startswith(("Chủ đề", "Thời gian")):
                        continue
                    add(pool.numbered, text)
                    continue
                if bullet:
                    text = bullet.group(2)
                    if section == "khẩu hiệu" or "khẩu hiệu" in section or "thông điệp" in section:
                        add(pool.slogans, text.rstrip(".;"))
                    elif text.endswith(":") and len(text) < 100:
                        continue
                    elif task is not None:
                        task[1].append(re.sub(r"\s+", " ", text))
                    elif section.startswith("mục đích"):
                        add(pool.purpose, text)
                    else:
                        add(pool.activity, text)
                    continue
                if task is not None and task[1] and line[0].islower():
                    task[1][-1] += " " + line  # a line broken inside a sentence
                    continue
                if task is not None and len(line) > 60:
                    task[1].append(line)
                    continue
                if low.startswith("để tổ chức triển khai"):
                    continue  # the reporting paragraph, which the generator writes from a template
                if low.startswith("(gửi kèm"):
                    continue
                if low.startswith(("trong quá trình", "các sở, ban")):
                    add(pool.closing, line)
                elif section:
                    add(pool.activity, line)
                elif len(line) >= 120 and not line.rstrip().endswith((":", ";")) and not low.startswith(("thực hiện công văn", "để ")):
                    add(pool.context, line)
        # National letters' long numbered items are activities too; clauses of every item.
        for text in pool.activity + pool.numbered + pool.purpose:
            for clause in re.split(r"; ", text.rstrip(".;")):
                clause = re.sub(r"^\([ivx]+\)\s*", "", clause.strip())
                if 30 <= len(clause) <= 400 and not clause.endswith(":"):
                    pool.clauses.append(clause)
        pool.themes = list(dict.fromkeys(pool.themes))
        for kind in ("context", "purpose", "activity", "numbered", "slogans", "themes", "closing", "clauses"):
            if not getattr(pool, kind):
                raise SystemExit(f"generate_corpus: found no {kind} in {REAL}; are the real directives there?")
        if not pool.tasks:
            raise SystemExit(f"generate_corpus: found no agency tasks in {REAL}")
        return pool


# --------------------------------------------------------------------------- one document

class Doc:
    """Builds one directive as a list of lines while counting its UTF-8 size."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0
        self.annex: list[str] = []

    def add(self, line: str = "") -> None:
        self.lines.append(line)
        self.size += len(line.encode("utf-8")) + 1

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.add("")


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


class Generator:
    def __init__(self, pool: Pool, seed: int) -> None:
        self.pool = pool
        self.seed = seed
        # One official theme per year, the same for every document of the year (as in reality).
        rng = random.Random(f"{seed}:themes")
        candidates = pool.themes + [s for s in pool.slogans if 20 <= len(s) <= 90]
        self.year_theme = {year: rng.choice(candidates) for year in range(2005, 2021)}
        # MOLISA's guidance letter of each year, which every local directive of the year cites.
        self.year_letter = {year: (rng.randint(900, 1900), rng.randint(1, 28), rng.choice([3, 4])) for year in range(2005, 2021)}

    @staticmethod
    def weighted(rng: random.Random, table: list[tuple[str, int]]) -> str:
        return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]

    def localise(self, text: str, ctx: dict) -> str | None:
        """Puts the generated document's province, district and year into a real passage."""
        if ("An Biên" in text or "Rạch Giá" in text) and not ctx["district"]:
            return None
        for theme in self.pool.themes:  # a copied passage names the generated year's theme
            text = text.replace(f"“{theme}”", f"“{ctx['theme']}”")
        text = text.replace("huyện An Biên", "huyện " + (ctx["district"] or ""))
        text = text.replace("thành phố Rạch Giá", "các huyện, thành phố")
        text = text.replace("ptelangson@gmail.com", f"pte{ctx['slug'].replace('-', '')}@gmail.com")
        for place in ("Kiên Giang", "Lạng Sơn"):
            text = text.replace("tỉnh " + place, ctx["province_full"]).replace(place, ctx["province"])
        year = str(ctx["year"])
        # The real texts' own year (not the years of the instruments they cite).
        text = re.sub(r"\b(năm|Năm) (2010|2013|2014|2019)\b(?!\s*-)", lambda m: m.group(1) + " " + year, text)
        text = re.sub(r"\b(\d{1,2}/\d{1,2})/2019\b", lambda m: m.group(1) + "/" + year, text)
        return text

    def pick(self, rng: random.Random, items: list[str], ctx: dict) -> str:
        for _ in range(20):
            text = self.localise(rng.choice(items), ctx)
            if text is not None:
                return text
        return self.localise(self.pool.activity[0], ctx) or self.pool.activity[0]

    def recombined(self, rng: random.Random, ctx: dict) -> str:
        """An activity item: a real one, or clauses of two to four real ones joined by "; "."""
        if rng.random() < 0.5:
            return self.pick(rng, self.pool.activity, ctx)
        parts = [self.pick(rng, self.pool.clauses, ctx) for _ in range(rng.randint(2, 4))]
        parts = [parts[0][0].upper() + parts[0][1:]] + [self.lower_first(p) for p in parts[1:]]
        return "; ".join(parts) + "."

    @staticmethod
    def lower_first(text: str) -> str:
        """"Tổ chức ..." -> "tổ chức ..." inside a sentence, but not "Sở Y tế", "UBND", "Quyết định số"."""
        words = text.split(" ", 2)
        if words[0].isupper() or (len(words) > 1 and words[1][:1].isupper()) or words[0] in ("Quyết", "Luật", "Nghị"):
            return text
        return text[0].lower() + text[1:]

    def document(self, index: int) -> tuple[dict, str]:
        rng = random.Random(f"{self.seed}:{index}")
        year = rng.randint(2005, 2020)
        level = self.weighted(rng, LEVEL_WEIGHTS)
        kind = self.weighted(rng, KIND_WEIGHTS)
        if level == "district":
            province, district = rng.choice(DISTRICTS)
            is_city = dict(PROVINCES)[province]
        else:
            province, is_city = rng.choice(PROVINCES)
            district = None
            if level == "provincial":
                known = [d for p, d in DISTRICTS if p == province]
                district = rng.choice(known) if known else None
        if level == "national":
            province, is_city = "Hà Nội", True
        province_name = "Thành phố Hồ Chí Minh" if province == "Hồ Chí Minh" else province
        province_full = ("thành phố " if is_city else "tỉnh ") + province
        ctx = {"year": year, "province": province_name if province != "Hồ Chí Minh" else "Hồ Chí Minh",
               "province_full": province_full, "district": district, "slug": slug(province),
               "theme": self.year_theme[year]}

        # Issuer, number, place.
        number = rng.randint(12, 2400)
        if level == "national":
            issuer, head = "Bộ Lao động - Thương binh và Xã hội", ["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
            symbol = "KH-LĐTBXH" if kind == "plan" else "LĐTBXH-TE"
            place, where = "Hà Nội", "toàn quốc"
            proposer = "Bộ Lao động - Thương binh và Xã hội"
            addressees = ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
            signer = ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]
        elif level == "district":
            issuer = f"Ủy ban nhân dân huyện {district}"
            head = ["ỦY BAN NHÂN DÂN", f"HUYỆN {district.upper()}"]
            symbol = "KH-UBND" if kind == "plan" else "UBND-LĐTBXH"
            place, where = district, f"địa bàn huyện {district}"
            proposer = f"Ủy ban nhân dân huyện {district}"
            addressees = ["Các phòng, ban, ngành, đoàn thể huyện", "Ủy ban nhân dân các xã, thị trấn"]
            signer = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] if rng.random() < 0.5 else ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        else:
            if kind == "letter" and rng.random() < 0.5:
                issuer = f"Sở Lao động - Thương binh và Xã hội {province_full}"
                head = [f"UBND {province_full.upper()}", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
                symbol = "SLĐTBXH-BVCSTE"
                proposer = "Sở Lao động - Thương binh và Xã hội"
                signer = ["GIÁM ĐỐC"] if rng.random() < 0.6 else ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
            else:
                issuer = f"Ủy ban nhân dân {province_full}"
                head = ["ỦY BAN NHÂN DÂN", province_full.upper()]
                symbol = "KH-UBND" if kind == "plan" else "UBND-VX"
                proposer = f"Ủy ban nhân dân {province_full}"
                signer = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] if rng.random() < 0.7 else ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
            place, where = province_name, f"địa bàn {province_full}"
            addressees = ["Các sở, ban, ngành, đoàn thể của tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"]
        month, day = rng.choice([(4, rng.randint(1, 30)), (5, rng.randint(1, 31)), (3, rng.randint(10, 31))])
        date = f"{year:04d}-{month:02d}-{day:02d}"
        moet_no, moet_day, moet_month = self.year_letter[year]
        theme = self.year_theme[year]
        target = int(rng.triangular(4000, 24000, 9000))  # bytes; about 13,000 on average once written

        d = Doc()
        # ---- letter head
        indent = " " * rng.choice([0, 0, 0, 4, 9])
        for line in head:
            d.add(line)
        d.add("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        d.add("Độc lập - Tự do - Hạnh phúc")
        d.blank()
        d.add(f"Số: {number}{rng.choice(['', ' '])}/{symbol}")
        if kind == "letter":
            d.add(f"V/v triển khai Tháng hành động vì trẻ em năm {year}")
        d.blank()
        d.add(f"{indent}{place}, ngày {day:02d} tháng {month} năm {year}" if rng.random() < 0.5
              else f"{indent}{place}, ngày {day} tháng {month:02d} năm {year}")
        d.blank()
        if kind == "plan":
            d.add("KẾ HOẠCH")
            d.add(f"Triển khai Tháng hành động vì trẻ em năm {year}")
            d.add(f"trên {where}" if level != "national" else "trên phạm vi toàn quốc")
            d.blank()
        else:
            if len(addressees) == 1:
                d.add(f"Kính gửi: {addressees[0]}")
            else:
                d.add("Kính gửi:")
                for a in addressees:
                    d.add(f"{rng.choice(['', ' ', '           '])}- {a};")
            d.blank()

        # ---- opening
        if level == "national":
            d.add(f"Thực hiện Chương trình công tác năm {year}, {proposer} hướng dẫn triển khai Tháng hành động vì trẻ em năm {year} như sau:")
        else:
            d.add(f"Thực hiện Công văn số {moet_no}/LĐTBXH-TE ngày {moet_day:02d}/{moet_month}/{year} của Bộ Lao động - Thương binh và Xã hội "
                  f"về việc hướng dẫn triển khai Tháng hành động vì trẻ em năm {year}; {proposer} "
                  + ("ban hành kế hoạch triển khai Tháng hành động vì trẻ em năm " + str(year) + f" trên {where} (viết tắt là Tháng HĐVTE), như sau:"
                     if kind == "plan" else f"đề nghị các cơ quan, đơn vị triển khai Tháng hành động vì trẻ em năm {year} với các nội dung sau:"))
        d.blank()
        for _ in range(rng.choice([0, 1, 1, 2])):
            d.add(self.pick(rng, self.pool.context, ctx))
            d.blank()

        slogans = []
        for s in rng.sample(self.pool.slogans, k=min(len(self.pool.slogans), rng.randint(4, 8))):
            s = self.localise(s, ctx)
            if s and s not in slogans:
                slogans.append(s)
        if theme not in slogans and rng.random() < 0.7:
            slogans.insert(0, theme)
        period = rng.choice([f"Từ ngày 01/6 đến ngày 30/6/{year}.", f"từ ngày 01 đến ngày 30 tháng 6 năm {year}.",
                             f"Từ ngày 01/6/{year} đến hết ngày 30/6/{year}."])
        deadline_plan = f"{rng.randint(20, 31)}/5/{year}"
        deadline_report = f"{rng.randint(1, 15):02d}/7/{year}"

        tail_reserve = 1600  # reporting, closing, recipients, signature
        if kind == "plan":
            self.plan_body(d, rng, ctx, theme, slogans, period, target - tail_reserve)
            r = ROMAN[len([l for l in d.lines if re.match(r"^[IVX]+\. ", l)])]
            d.add(f"{r}. CHẾ ĐỘ BÁO CÁO")
            d.blank()
        else:
            self.letter_body(d, rng, ctx, theme, slogans, period, proposer, target - tail_reserve)
        d.add(f"Để tổ chức triển khai công tác trẻ em và tập trung cao điểm trong Tháng HĐVTE năm {year} đạt hiệu quả, "
              f"đề nghị các cơ quan, đơn vị ban hành kế hoạch tổ chức triển khai trước ngày {deadline_plan}, chủ động bố trí kinh phí "
              f"và tập trung vào các hoạt động nêu trên. Báo cáo kết quả triển khai trước ngày {deadline_report}.")
        d.blank()
        d.add(self.pick(rng, self.pool.closing, ctx))
        d.blank()

        # ---- recipients and signature
        d.add(rng.choice(["Nơi nhận:", "\tNơi nhận:", "Nơi nhận:" + " " * 40]))
        d.add("- Như trên;")
        if level != "national":
            d.add("- Bộ Lao động - Thương binh và Xã hội;")
            d.add("- TT.TU, TT.HĐND tỉnh;" if level == "provincial" else "- UBND tỉnh;")
        d.add(rng.choice(["- Lãnh đạo Sở;", "- CT và các PCT. UBND;", "- Bộ trưởng (để b/c);"]))
        if rng.random() < 0.5:
            d.add("- Báo, Đài Phát thanh và Truyền hình;")
        d.add(f"- Lưu: VT, {rng.choice(['BVCSTE', 'VX', 'TE', 'LĐTBXH'])}.")
        d.blank()
        for line in signer:
            d.add(line)
        d.blank()
        d.add(f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
        if d.annex:
            d.blank()
            d.add(f"KHẨU HIỆU VÀ THÔNG ĐIỆP THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM {year}")
            for i, s in enumerate(d.annex, 1):
                d.add(f"{i}. {s}.")
        if rng.random() < 0.1:
            d.blank()
            d.add("PAGE  ")
            d.add("1")

        doc_id = f"{year}-{ctx['slug'] if level != 'district' else slug(district)}-{index:05d}"
        meta = {
            "document_id": doc_id, "year": str(year), "file": f"directives/{doc_id}.txt", "issuer": issuer,
            "level": level, "kind": kind,
            "title": (f"Kế hoạch triển khai Tháng hành động vì trẻ em năm {year} trên {where}" if kind == "plan"
                      else f"Triển khai Tháng hành động vì trẻ em năm {year}"),
            "date": date, "number": f"{number}/{symbol}", "source": f"generated by Benchmarks/generate_corpus.py (seed {self.seed})",
        }
        text = "\n".join(d.lines) + "\n"
        if rng.random() < 0.1:
            text = text.replace("\n", "\r\n")
        if rng.random() < 0.05:
            text = "\ufeff" + text
        return meta, text

    def items(self, d: Doc, rng: random.Random, ctx: dict, count: int, marker: str = "-") -> None:
        for _ in range(count):
            d.add(f"{marker} {self.recombined(rng, ctx)}")
            if rng.random() < 0.6:
                d.blank()

    def plan_body(self, d: Doc, rng, ctx, theme, slogans, period, budget) -> None:
        year = ctx["year"]
        d.add("I. MỤC ĐÍCH, YÊU CẦU")
        d.blank()
        d.add("1. Mục đích:")
        d.blank()
        for text in rng.sample(self.pool.purpose, k=min(len(self.pool.purpose), rng.randint(1, 3))):
            d.add("- " + (self.localise(text, ctx) or text))
            d.blank()
        d.add("2. Yêu cầu:")
        d.blank()
        d.add(f"Huy động các nguồn lực từ gia đình, cộng đồng hỗ trợ, tạo điều kiện cho việc tổ chức Tháng HĐVTE năm {year} đạt hiệu quả và trợ giúp trẻ em có hoàn cảnh đặc biệt. "
              "Triển khai thực hiện các nội dung, hoạt động thiết thực, phù hợp với thực tiễn của địa phương, đảm bảo thống nhất, rộng khắp.")
        d.blank()
        d.add("II. CHỦ ĐỀ, THỜI GIAN THỰC HIỆN")
        d.blank()
        d.add(f"1. Chủ đề: “{theme}”")
        d.blank()
        numbered_slogans = rng.random() < 0.5
        d.add("2. Thông điệp và khẩu hiệu truyền thông" if numbered_slogans else "* Các thông điệp, khẩu hiệu truyền thông:")
        d.blank()
        for i, s in enumerate(slogans):
            d.add(f"- {s}{'.' if i == len(slogans) - 1 else ';'}")
        d.blank()
        d.add(f"{3 if numbered_slogans else 2}. Thời gian thực hiện: {period}")
        d.blank()
        # III: activities, IV: tasks; fill until the budget is spent (about 40% / 60%).
        d.add("III. CÁC HOẠT ĐỘNG TRỌNG TÂM")
        d.blank()
        heads = ["Tổ chức Lễ phát động và các sự kiện:", "Hoạt động truyền thông:", "Tổ chức các hoạt động có sự tham gia của trẻ em:",
                 "Hoạt động kỳ nghỉ hè an toàn, lành mạnh:", "Huy động nguồn lực:", "Trợ giúp trẻ em có hoàn cảnh đặc biệt:",
                 "Phòng, chống tai nạn, thương tích trẻ em:", "Kiểm tra, giám sát:"]
        activity_budget = d.size + max(1500, int((budget - d.size) * 0.4))
        n = 0
        while d.size < activity_budget and n < len(heads):
            n += 1
            d.add(f"{n}. {heads[(n - 1 + rng.randint(0, 1)) % len(heads)] if n > 1 else heads[0]}")
            d.blank()
            if rng.random() < 0.4:
                d.add(self.recombined(rng, ctx))
                d.blank()
            self.items(d, rng, ctx, rng.randint(1, 4))
        d.add("IV. TỔ CHỨC THỰC HIỆN")
        d.blank()
        tasks = self.pool.tasks[:]
        rng.shuffle(tasks)
        n = 0
        while d.size < budget or n == 0:
            heading, children = tasks[n % len(tasks)]
            n += 1
            heading = self.localise(heading, ctx) or f"Ủy ban nhân dân các huyện, thành phố:"
            d.add(f"{n}. {heading}")
            d.blank()
            chosen = [c for c in children if rng.random() < 0.7] or children[:1]
            for c in chosen:
                text = self.localise(c, ctx)
                if text:
                    d.add(("- " if not text.endswith(":") else "") + text)
                    d.blank()
            if rng.random() < 0.5:
                self.items(d, rng, ctx, rng.randint(1, 2))
            if n > 40:
                break

    def letter_body(self, d: Doc, rng, ctx, theme, slogans, period, proposer, budget) -> None:
        year = ctx["year"]
        if rng.random() < 0.5:
            # The national letters' shape: theme in prose, then numbered requests.
            d.add(f"Năm {year}, {proposer} triển khai Tháng hành động vì trẻ em {period[0].lower() + period[1:-1]} với chủ đề: “{theme}”.")
            d.blank()
            d.add(f"Để triển khai kế hoạch Tháng hành động vì trẻ em năm {year}, {proposer} đề nghị các cơ quan, đơn vị:")
            n = 0
            while d.size < budget or n < 3:
                n += 1
                text = self.pick(rng, self.pool.numbered, ctx) if rng.random() < 0.6 else self.recombined(rng, ctx)
                d.add(f"{n}. {text}")
                if n > 60:
                    break
            d.blank()
            if rng.random() < 0.5:
                # A slogans annex after the recipients block and signature, as in 2013.
                d.annex = slogans
        else:
            # Lạng Sơn's shape: numbered points with the theme, period, slogans and activities.
            d.add(f"1. Chủ đề: “{theme}”.")
            d.add("2. Mục đích, yêu cầu")
            for text in rng.sample(self.pool.purpose, k=min(len(self.pool.purpose), rng.randint(1, 3))):
                d.add("- " + (self.localise(text, ctx) or text))
                d.blank()
            d.add(f"3. Thời gian phát động Tháng hành động: {period[0].lower() + period[1:]}")
            d.blank()
            d.add("4. Thông điệp và khẩu hiệu truyền thông")
            d.blank()
            for s in slogans:
                d.add(f"- {s};")
                d.blank()
            d.add("5. Những hoạt động chính")
            d.blank()
            k = 0
            while d.size < budget or k == 0:
                k += 1
                d.add(f"5.{k}. {self.recombined(rng, ctx)}")
                d.blank()
                self.items(d, rng, ctx, rng.randint(1, 5))
                if k > 30:
                    break
            d.add(f"6. Đề nghị các cơ quan, đơn vị báo cáo kết quả Tháng hành động vì trẻ em năm {year} gửi về {proposer}.")


def write_corpus(documents: int, seed: int, out: Path) -> int:
    pool = Pool.load()
    gen = Generator(pool, seed)
    directives = out / "directives"
    directives.mkdir(parents=True, exist_ok=True)
    for old in directives.iterdir():  # a previous run's files would be left unlisted
        if old.suffix == ".txt":
            old.unlink()
    rows = []
    total = 0
    for i in range(1, documents + 1):
        meta, text = gen.document(i)
        data = text.encode("utf-8")
        total += len(data)
        (out / meta["file"]).write_bytes(data)
        rows.append(meta)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["document_id", "year", "file", "issuer", "level", "kind", "title", "date", "number", "source"],
                       lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    (out / "manifest.csv").write_bytes(buf.getvalue().encode("utf-8"))
    return total


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--documents", type=int, required=True, help="number of directives (N >= 1)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--out", type=Path, required=True, help="output folder (manifest.csv, directives/)")
    a = p.parse_args(argv)
    if a.documents < 1:
        p.error("--documents must be at least 1")
    total = write_corpus(a.documents, a.seed, a.out)
    print(f"wrote {a.documents} directives, {total / 1e6:.1f} MB, to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
