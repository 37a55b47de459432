"""Where a reference plan file goes in the bundled layout: national/women-2021-2030.yaml, zhejiang/jiaxing/….

A folder per place from the province down, named by the place's short name in
pinyin (浙江省 → zhejiang, 嘉兴市 → jiaxing; corrections in the `folders` section
of rules/place-aliases.yaml), and a file per plan named by its kind and period.
Folder names are labels for people: the library knows a reference by its header
(kind, level, jurisdiction), wherever the file lies.
"""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath

from compliance.model import PlanInfo


def reference_path(info: PlanInfo) -> PurePosixPath:
    """The file's path below a reference directory."""
    name = f"{info.kind.value}-{info.period[0]}-{info.period[1]}.yaml"
    if not info.jurisdiction:
        return PurePosixPath("national", name)
    return PurePosixPath(*(folder_name(place) for place in info.jurisdiction), name)


def folder_name(place: str) -> str:
    """浙江省 → zhejiang, 新平彝族傣族自治县 → xinping; a name with no Chinese in it is kept, lower case."""
    from pypinyin import lazy_pinyin

    from compliance.catalogue.places import gazetteer

    corrected = _folders().get(place)
    if corrected:
        return corrected
    short = gazetteer().short_name(place)
    letters = "".join(lazy_pinyin(short, errors="default"))
    return "".join(ch for ch in letters.lower() if ch.isalnum() or ch in "-_") or "place"


@cache
def _folders() -> dict[str, str]:
    from compliance.loading.yamlfile import read_yaml
    from compliance.resources import rules_file

    data = read_yaml(rules_file("place-aliases.yaml")).data
    folders = data.get("folders") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in (folders or {}).items()}
