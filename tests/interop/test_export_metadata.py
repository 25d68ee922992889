"""A photo with GPS and camera tags leaves the vault, by default, with none of them."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageChops, ImageOps

from kzarchive.archive import Archive

pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(shutil.which("exiftool") is None,
                       reason="exiftool is installed by scripts/setup --test"),
]
ALLOWED_GROUPS = {"ExifTool", "System", "File", "JFIF", "Composite"}


def test_exported_photos_are_sanitized_and_the_original_never_changes(
    tmp_path: Path, passphrase: str
) -> None:
    photo = tmp_path / "witness.jpg"
    image = Image.new("RGB", (120, 80))
    for x in range(120):
        for y in range(80):
            image.putpixel((x, y), (x * 2, y * 3, (x + y) % 256))
    image.save(photo, quality=95)
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-GPSLatitude=43.238949",
         "-GPSLatitudeRef=N", "-GPSLongitude=76.889709", "-GPSLongitudeRef=E",
         "-Make=PhoneMaker", "-Model=Phone 12", "-Orientation#=6",
         "-XMP:Creator=Witness", "-IPTC:Keywords=protest", "-Comment=taken at the square",
         str(photo)], check=True)
    original = photo.read_bytes()

    sender, _ = Archive.create(tmp_path / "sender", passphrase, name="Sender")
    partner, _ = Archive.create(tmp_path / "partner", passphrase, name="Partner")
    with sender, partner:
        partner.export_card(tmp_path / "partner.card")
        sender.export_card(tmp_path / "sender.card")
        sender.add_contact_card(tmp_path / "partner.card")
        sender.verify_contact("Partner")
        partner.add_contact_card(tmp_path / "sender.card")
        partner.verify_contact("Sender")
        incident = sender.add_incident("Photo with a location")
        item = sender.attach_file(incident, photo)
        assert item.metadata["gps"]["latitude"] == "43.238949"
        sender.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
        out = tmp_path / "out"
        out.mkdir()
        report = partner.verify_bundle(tmp_path / "b.kzb", extract_to=out)
        with sender.open_item(item.id) as reader:
            assert reader.read() == original  # the vault's original is untouched
        assert sender.get_item(item.id).sha256 == hashlib.sha256(original).hexdigest()

    exported = next((out / str(report.bundle_id) / "data" / "files").glob(f"{item.id}.*"))
    tags = json.loads(subprocess.run(["exiftool", "-j", "-G1", "-a", "-u", str(exported)],
                                     check=True, capture_output=True, text=True).stdout)[0]
    groups = {key.split(":", 1)[0] for key in tags if ":" in key}
    assert groups <= ALLOWED_GROUPS, sorted(groups - ALLOWED_GROUPS)
    assert not [key for key in tags if "GPS" in key or "Comment" in key]

    # Same picture, upright (orientation 6 applied), within JPEG re-encoding tolerance.
    upright = ImageOps.exif_transpose(Image.open(photo)).convert("RGB")
    with Image.open(exported) as copy:
        assert copy.size == upright.size == (80, 120)
        difference = ImageChops.difference(copy.convert("RGB"), upright)
        extrema = cast(tuple[tuple[int, int], ...], difference.getextrema())  # one per band
        assert max(band_max for _, band_max in extrema) < 40
    bundle = json.loads((out / str(report.bundle_id) / "data" / "bundle.json").read_text())
    record = next(r for r in bundle["items"] if r["id"] == item.id)
    assert record["sent"] == "sanitized" and record["original_sha256"] == item.sha256
    assert record["file_sha256"] == hashlib.sha256(exported.read_bytes()).hexdigest()
    assert "gps" not in record["metadata"]
