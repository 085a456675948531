"""Synthetic datasets for benchmarks: valid data of any size, in realistic Vietnamese.

The words come from the real source articles, so text length, diacritics and word
frequencies resemble the real data. Every quote is a verbatim run of words from a
synthetic source paragraph, so validation does its full work.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .fix.canonical_yaml import emit
from .load import load_dataset
from .schema import RECORD_TYPES

PARAGRAPHS_PER_SOURCE = 40
RECORDS_PER_SOURCE = 100
RECORDS_PER_ENTITY = 10


def _vocabulary(real_data: Path) -> list[str]:
    words: list[str] = []
    for loaded in load_dataset(real_data).sources:
        for paragraph in loaded.data.get("paragraphs", []):
            words.extend(w for w in re.findall(r"[^\W\d_]+", paragraph.get("text", "")) if len(w) > 1)
    return words or ["hợp", "tác", "quốc", "phòng", "Việt", "Nam", "gìn", "giữ", "hòa", "bình"]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_synthetic_dataset(target: Path, records: int, real_data: Path, seed: int = 20261123) -> None:
    rng = random.Random(seed)
    words = _vocabulary(real_data)

    def sentence(low: int, high: int) -> str:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))
        return text[0].upper() + text[1:] + "."

    if target.exists():
        shutil.rmtree(target)
    for folder in (*RECORD_TYPES, "entities", "sources"):
        (target / folder).mkdir(parents=True)
    theme_ids = _write_themes(target, real_data)
    # One random sequence, drawn in this order: sources, entities, records.
    sources = _write_sources(target, max(1, records // RECORDS_PER_SOURCE), sentence)
    entity_count = _write_entities(target, max(10, records // RECORDS_PER_ENTITY), rng, words)
    for i in range(records):
        _write_record(target, i, rng, sentence, sources, entity_count, theme_ids)


def _write_themes(target: Path, real_data: Path) -> list[str]:
    """The real themes, without the key records they name (the synthetic records are others)."""
    themes = yaml.safe_load((real_data / "themes.yml").read_text(encoding="utf-8"))["themes"]
    for theme in themes:
        theme.pop("key_records", None)
    (target / "themes.yml").write_text(emit({"themes": themes}), encoding="utf-8")
    return [theme["id"] for theme in themes]


def _write_sources(target: Path, count: int, sentence: Any) -> list[list[str]]:
    sources: list[list[str]] = []
    for s in range(count):
        paragraphs = [" ".join(sentence(8, 20) for _ in range(4)) for _ in range(PARAGRAPHS_PER_SOURCE)]
        sources.append(paragraphs)
        lines = [
            f"id: nguon-{s:04d}",
            f"label: {_q(f'Nguồn tổng hợp {s}')}",
            "capture_file: synthetic.txt",
            f"attribution: {_q('Dữ liệu tổng hợp cho đo hiệu năng.')}",
            "paragraphs:",
        ]
        for n, text in enumerate(paragraphs, 1):
            lines += [f"  - n: {n}", f"    text: {_q(text)}"]
        (target / "sources" / f"nguon-{s:04d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sources


def _write_entities(target: Path, count: int, rng: random.Random, words: list[str]) -> int:
    kinds = ["country", "organisation", "person"]
    for e in range(count):
        name = " ".join(w.capitalize() for w in rng.sample(words, 3))
        lines = [f"id: doi-tac-{e:05d}", f"kind: {kinds[e % 3]}", f"name: {_q(name)}"]
        (target / "entities" / f"doi-tac-{e:05d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


def _write_record(
    target: Path,
    i: int,
    rng: random.Random,
    sentence: Any,
    sources: list[list[str]],
    entity_count: int,
    theme_ids: list[str],
) -> None:
    folders = list(RECORD_TYPES)
    folder = folders[i % len(folders)]
    record_id = f"{folder[:-1]}-{i:06d}"
    source = rng.randrange(len(sources))
    paragraph = rng.choice(sources[source]).split(" ")
    start = rng.randrange(max(1, len(paragraph) - 12))
    quote = " ".join(paragraph[start : start + rng.randint(6, 12)])
    year = rng.randint(1995, 2025)
    date = rng.choice(
        [
            f"{year}",
            f"{year}-{rng.randint(1, 12):02d}",
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ]
    )
    involved = rng.sample(range(entity_count), k=min(3, entity_count))
    lines = [
        f"id: {record_id}",
        f"title: {_q(sentence(6, 14).rstrip('.'))}",
        f"summary: {_q(' '.join(sentence(10, 25) for _ in range(3)))}",
        f'date: "{date}"',
        "themes:",
        *(f"  - {t}" for t in rng.sample(theme_ids, k=rng.randint(1, 2))),
        "entities:",
        *(f"  - doi-tac-{e:05d}" for e in involved),
        "evidence:",
        f"  - source: nguon-{source:04d}",
        f"    quote: {_q(quote)}",
    ]
    if i >= 10 and rng.random() < 0.3:
        lines += ["related:", f"  - {folders[(i - 10) % len(folders)][:-1]}-{i - 10:06d}"]
    lines += _own_fields(folder, i, involved)
    (target / folder / f"{record_id}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _own_fields(folder: str, i: int, involved: list[int]) -> list[str]:
    return {
        "events": ["kind: meeting", f"hosts: [doi-tac-{involved[0]:05d}]"],
        "agreements": ["kind: memorandum", "parties:", *(f"  - doi-tac-{e:05d}" for e in involved[:2])],
        "missions": ["unit_type: field_hospital", f"organiser: doi-tac-{involved[0]:05d}"],
        "resolutions": [
            "doc_type: resolution",
            f'number: "{i}-NQ/TW"',
            f"issuer: doi-tac-{involved[0]:05d}",
        ],
        "positions": ["kind: policy", f"stated_by: [doi-tac-{involved[0]:05d}]"],
    }[folder]


def write_grown_dataset(target: Path, records: int, real_data: Path) -> None:
    """The real dataset grown to `records` records, as editors' data will look: the real
    files, then copies of every record under new ids (`<id>-2`, `<id>-3`, …) with their
    entities, bounds and evidence. A copy cites the same sources, so its quotes validate;
    its related records and former ids are those of its own generation of copies."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(real_data, target)
    originals = [
        (folder, loaded.data)
        for folder, files in sorted(load_dataset(real_data).records.items())
        for loaded in files
        if isinstance(loaded.data, dict)
    ]
    needed = max(0, records - len(originals))
    generation = 1
    while needed > 0:
        generation += 1
        batch = originals[:needed]
        made = {data["id"] for _folder, data in batch}
        for folder, data in batch:
            copy = dict(data, id=f"{data['id']}-{generation}")
            if "related" in copy:
                copy["related"] = [f"{r}-{generation}" if r in made else r for r in copy["related"]]
            if "former_ids" in copy:
                copy["former_ids"] = [f"{former}-{generation}" for former in copy["former_ids"]]
            (target / folder / f"{copy['id']}.yml").write_text(emit(copy), encoding="utf-8")
        needed -= len(batch)
