"""A seized, locked vault shows no evidence: no titles, texts, names or file content.

Every byte under the vault folder and the command's temp folder is searched, after
a session of real commands, for every piece of evidence in UTF-8 and UTF-16, and
for any 32-byte run of any attached file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tests.cli.cli_runner import PASSPHRASE, Cli

WINDOW = 32

TITLES = ["Задержание журналиста Ермекова", "Пытки в ИВС Жанаозена"]
DESCRIPTION = "Сотрудники в штатском увели его к белому микроавтобусу без номеров"
PLACE = "Алматы, площадь Республики"
TAG = "январские-события"
WITNESS = "Свидетель-Айгерим"
TESTIMONY_FILE_TEXT = "Меня держали трое суток без воды и без адвоката. " * 4
TESTIMONY_ARG_TEXT = "Я видела, как его били дубинками у входа в акимат."
NOTE = "снято из окна третьего этажа"
FILE_NAMES = ["фото_задержания_Ермекова.bin", "заявление_матери.txt",
              "показания_Айгерим.txt"]


def encodings(text: str) -> Iterator[bytes]:
    yield text.encode("utf-8")
    yield text.encode("utf-16-le")
    yield text.encode("utf-16-be")


def windows(data: bytes) -> set[bytes]:
    return {data[i : i + WINDOW] for i in range(len(data) - WINDOW + 1)}


def evidence_in(data: bytes, needles: list[str], forbidden: set[bytes]) -> str | None:
    """What of the evidence ``data`` holds in clear, or None."""
    for needle in needles:
        for encoded in encodings(needle):
            if encoded in data:
                return f"{needle!r} ({len(encoded)} bytes)"
    for offset in range(len(data) - WINDOW + 1):
        if data[offset : offset + WINDOW] in forbidden:
            return f"attached content at offset {offset}"
    return None


def all_files(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()]


def test_no_evidence_in_clear_under_the_vault_or_the_temp_folder(
        process_vault_cli: Cli, tmp_path: Path) -> None:
    # Real processes: SQLite takes its temp folder from TMPDIR once per process, so only
    # a process started with TMPDIR set to the scanned folder writes its temp files there.
    cli = process_vault_cli
    inputs = tmp_path / "inputs"  # the documenter's own files, outside the vault
    inputs.mkdir()
    photo = os.urandom(256 * 1024 + 123)
    letter = ("Прошу найти моего сына. " * 60).encode("utf-8")
    (inputs / FILE_NAMES[0]).write_bytes(photo)
    (inputs / FILE_NAMES[1]).write_bytes(letter)
    (inputs / FILE_NAMES[2]).write_text(TESTIMONY_FILE_TEXT, encoding="utf-8")

    first = cli("incident", "add", "--title", TITLES[0], "--description", DESCRIPTION,
                "--place", PLACE, "--tag", TAG, "--occurred", "2022-01-05").out.strip()
    second = cli("incident", "add", "--title", TITLES[1]).out.strip()
    cli("attach", first, inputs / FILE_NAMES[0], inputs / FILE_NAMES[1], "--note", NOTE)
    cli("testimony", "add", second, "--text-file", inputs / FILE_NAMES[2],
        "--witness", WITNESS)
    cli("testimony", "add", first, "--text", TESTIMONY_ARG_TEXT, "--witness", WITNESS)
    # Reading, searching, verifying and extracting must not leave traces either.
    assert TITLES[0] in cli("incident", "list", "--search", "журналист").out
    cli("incident", "show", first)
    cli("verify")
    cli("log")
    extracted = tmp_path / "extracted"
    extracted.mkdir()
    item = cli("incident", "show", first, "--json").json()["items"][0]["id"]
    cli("extract", item, extracted)

    files = all_files(cli.vault, cli.tmpdir)
    assert any(f.parent.parent.name == "blobs" for f in files)  # the scan sees the blobs
    needles = [*TITLES, DESCRIPTION, PLACE, TAG, WITNESS, TESTIMONY_FILE_TEXT.strip(),
               TESTIMONY_ARG_TEXT, NOTE, *FILE_NAMES, *(Path(n).stem for n in FILE_NAMES),
               PASSPHRASE, cli.recovery_code, cli.recovery_code.replace("-", "")]
    forbidden = windows(photo) | windows(letter) | windows(TESTIMONY_FILE_TEXT.encode())
    for path in files:
        found = evidence_in(path.read_bytes(), needles, forbidden)
        assert found is None, f"{found} in clear in {path}"


def test_the_scan_finds_evidence_in_any_encoding_and_any_window() -> None:
    attached = os.urandom(1000)
    forbidden = windows(attached)
    # The bytes next to the 31-byte run differ from the attached ones around it, so that
    # the run and a noise byte never make a whole 32-byte window by chance (1 in 128).
    noise = bytes([attached[548] ^ 1]) + os.urandom(298) + bytes([attached[516] ^ 1])
    assert evidence_in(noise, TITLES, forbidden) is None
    assert evidence_in(noise + TITLES[1].encode("utf-16-be") + noise, TITLES, forbidden)
    assert evidence_in(noise + attached[517:549] + noise, TITLES, forbidden)
    assert evidence_in(noise + attached[517:548] + noise, TITLES, forbidden) is None
