"""Reading a written report back with poppler's tools, as a reader's PDF viewer would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kzarchive.archive import Archive

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")

KAZAKH_LETTERS = "әғқңөұүһі"
TITLE = "Задержание у акимата — Әбішев, Ғалым, Құрманғазы, Өтеп, Ұлан, Үміт, Іле"
# Every Kazakh letter, small and capital, in one field.
PLACE = "Алматы: әғқңөұүһі ӘҒҚҢӨҰҮҺІ"


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True).stdout
    found = re.search(rb"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def embedded_fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for each font pdffonts lists."""
    lines = subprocess.run(["pdffonts", str(pdf)], check=True,
                           capture_output=True).stdout.decode().splitlines()[2:]
    fonts = []
    for line in lines:
        columns = line.split()
        # name type encoding emb sub uni object-id gen: emb is the fifth column from the end.
        fonts.append((columns[0], columns[-5] == "yes"))
    return fonts


def make_incident(archive: Archive, items: int, *, real_name: str = "Настоящее Имя") -> str:
    incident = archive.add_incident(TITLE, place=PLACE, latitude="43.238949",
                                    longitude="76.889709", violations=["arbitrary-detention"])
    archive.add_person(incident, "witness", "Свидетель Ә", real_name=real_name)
    for number in range(items):
        archive.add_text(incident, f"Показание номер {number}: мен көрдім.",
                         name=f"көрсетпе-{number:03}.txt")
    return incident
