"""``kzarchive attach`` of many files: one batch, duplicates said and skipped, links named."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kzarchive.errors import AlreadyInIncident
from tests.cli.cli_runner import Cli
from tests.cli.test_commands import add_incident
from tests.media.media_helpers import jpeg


def roll(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"IMG_{number:04d}.jpg"
        path.write_bytes(jpeg(40 + number, 30))
        paths.append(path)
    return paths


def test_attach_many_files_prints_one_line_per_file_in_order(
        vault_cli: Cli, tmp_path: Path) -> None:
    incident_id = add_incident(vault_cli)
    paths = roll(tmp_path / "DCIM", 20)
    lines = vault_cli("attach", incident_id, *paths).out.splitlines()
    assert [line.split("  ")[2] for line in lines] == [str(path) for path in paths]
    assert [line.split("  ")[1] for line in lines] == [
        hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]
    shown = vault_cli("incident", "show", incident_id, "--json").json()["items"]
    # Thumbnails and fingerprints are made after intake: here by the first `similar`.
    assert len(shown) == 20 and not any(item["has_thumbnail"] for item in shown)
    vault_cli("similar", shown[0]["id"])
    shown = vault_cli("incident", "show", incident_id, "--json").json()["items"]
    assert all(item["has_thumbnail"] for item in shown)


def test_bytes_already_in_the_incident_are_skipped_with_exit_18_unless_allowed(
        vault_cli: Cli, tmp_path: Path) -> None:
    incident_id = add_incident(vault_cli)
    first, second = roll(tmp_path / "DCIM", 2)
    kept = vault_cli("attach", incident_id, first).out.split()[0]
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(first.read_bytes())

    result = vault_cli("attach", incident_id, copy, second,
                       expect=AlreadyInIncident.exit_code)
    assert [line.split("  ")[2] for line in result.out.splitlines()] == [str(second)]
    assert f"{copy}: already in this incident as item {kept}; not added again" in result.err
    assert "--allow-duplicate" in result.err
    as_json = vault_cli("attach", incident_id, copy, "--json",
                        expect=AlreadyInIncident.exit_code).json()
    assert as_json["items"] == [] and as_json["skipped"] == [
        {"file": str(copy), "duplicate_of": kept}]
    assert len(vault_cli("incident", "show", incident_id, "--json").json()["items"]) == 2

    added = vault_cli("attach", incident_id, copy, "--allow-duplicate", "--json").json()
    assert len(added["items"]) == 1 and added["skipped"] == []
    assert len(vault_cli("incident", "show", incident_id, "--json").json()["items"]) == 3


def test_bytes_held_by_another_incident_are_linked_and_the_person_told(
        vault_cli: Cli, tmp_path: Path) -> None:
    one = add_incident(vault_cli, title="One")
    other = add_incident(vault_cli, title="Other")
    (photo,) = roll(tmp_path / "DCIM", 1)
    there = vault_cli("attach", one, photo).out.split()[0]
    result = vault_cli("attach", other, photo, "--json")
    linked = result.json()["linked"]
    assert linked == [{"file": str(photo), "item_id": result.json()["items"][0]["id"],
                       "held_by": [{"incident_id": one, "item_id": there}]}]
    plain = vault_cli("attach", add_incident(vault_cli, title="Third"), photo)
    assert f"item {there} of incident {one}" in plain.err
    assert "stored once" in plain.err


def test_the_batch_progress_line_shows_the_file_and_the_whole_batch() -> None:
    import io

    from kzarchive.cli.terminal import BatchProgress

    stream = io.StringIO()
    progress = BatchProgress(40, stream)
    mib = 1024 * 1024
    progress.overall(100 * mib, 400 * mib)
    progress.file(2, Path("IMG_0003.jpg"), 5 * mib, 5 * mib)
    progress.finish()
    line = stream.getvalue()
    assert line.startswith("\rFile 3 of 40: 100% 5.0 MiB; all: 25% 100.0 MiB of 400.0 MiB")
    assert line.endswith("MiB/s\033[K\n")
