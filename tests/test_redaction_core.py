"""Archive.redact_item: a new, linked, metadata-free copy with solid black boxes.

The original stays exactly as collected; the copy is what an export sends
instead of it (exchange.py keys on derivation["kind"] == "redaction").
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, TiffImagePlugin

from kzarchive.archive import Archive
from kzarchive.crypto.age import X25519Identity
from kzarchive.errors import BadInput
from kzarchive.media import Box


def _gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    rational = TiffImagePlugin.IFDRational
    exif[0x010F] = "TestCam"
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (rational(43), rational(14), rational(17)),
                    3: "E", 4: (rational(76), rational(56), rational(44))}
    return exif


def _photo(width: int = 120, height: int = 80, orientation: int = 1,
           fmt: str = "JPEG") -> bytes:
    image = Image.new("RGB", (width, height), (230, 200, 40))
    out = io.BytesIO()
    image.save(out, fmt, exif=_gps_exif(orientation), **({"quality": 95} if fmt == "JPEG" else {}))
    return out.getvalue()


def _incident(archive: Archive) -> str:
    return archive.add_incident("Detention at the bus station")


def pixel(image: Image.Image, x: int, y: int) -> tuple[int, ...]:
    return cast(tuple[int, ...], image.getpixel((x, y)))  # a tuple: one value per band


def _content(archive: Archive, item_id: str) -> bytes:
    with archive.open_item(item_id) as reader:
        return reader.read()


def _black_inside(image: Image.Image, box: Box) -> bool:
    rgb = image.convert("RGB")
    return all(rgb.getpixel((x, y)) == (0, 0, 0)
               for x in range(box.x, box.x + box.width)
               for y in range(box.y, box.y + box.height))


def test_redaction_is_a_new_linked_item_and_the_original_is_untouched(archive: Archive) -> None:
    incident = _incident(archive)
    data = _photo(fmt="PNG")
    original = archive.store_content(incident, io.BytesIO(data), name="задержание.png")
    boxes = [Box(10, 10, 30, 20), Box(70, 40, 20, 30)]

    derived = archive.redact_item(original.id, boxes)

    assert derived.id != original.id
    assert derived.derived_from == original.id
    assert derived.derivation == {"kind": "redaction",
                                  "boxes": [box.to_dict() for box in boxes]}
    assert derived.name == "задержание-redacted.png"
    assert derived.kind == "photo" and derived.mime == "image/png"
    # The original: same record, same bytes.
    assert archive.get_item(original.id) == original
    assert _content(archive, original.id) == data
    archive.verify_item(original.id)
    archive.verify_item(derived.id)
    # The copy: black boxes, the rest unchanged, no location or camera.
    with Image.open(io.BytesIO(_content(archive, derived.id))) as image:
        assert image.size == (120, 80)
        assert all(_black_inside(image, box) for box in boxes)
        assert image.convert("RGB").getpixel((60, 5)) == (230, 200, 40)
        assert not image.getexif()
    assert derived.metadata["gps"] is None and derived.metadata["make"] is None
    entry = archive.custody_entries(incident)[-1]
    assert entry.action == "item.derived" and entry.item_id == derived.id
    assert entry.details["derived_from"] == original.id
    assert entry.details["sha256"] == derived.sha256


def test_boxes_are_in_upright_pixels_of_a_turned_photo(archive: Archive) -> None:
    # Stored 120 × 80 with orientation 6: shown 80 wide and 120 high.
    original = archive.store_content(_incident(archive), io.BytesIO(_photo(orientation=6)),
                                     name="turned.jpg")
    box = Box(50, 90, 30, 30)  # the bottom right corner as seen, outside the stored width
    derived = archive.redact_item(original.id, [box])
    assert derived.mime == "image/jpeg" and derived.name == "turned-redacted.jpg"
    with Image.open(io.BytesIO(_content(archive, derived.id))) as image:
        assert image.size == (80, 120)
        rgb = image.convert("RGB")
        # JPEG: black stays black to within the codec's rounding at the edges.
        assert max(pixel(rgb, 65, 105)) < 8
        assert min(pixel(rgb, 20, 20)[:2]) > 150


def test_boxes_reaching_past_the_edge_are_recorded_as_applied(archive: Archive) -> None:
    original = archive.store_content(_incident(archive), io.BytesIO(_photo(fmt="PNG")),
                                     name="edge.png")
    derived = archive.redact_item(original.id, [Box(100, 60, 50, 50)])
    assert derived.derivation is not None
    assert derived.derivation["boxes"] == [{"x": 100, "y": 60, "width": 20, "height": 20}]


@pytest.mark.parametrize("boxes", [[], [Box(500, 500, 10, 10)], [Box(5, 5, 0, 10)]])
def test_bad_boxes_store_nothing(archive: Archive, boxes: list[Box]) -> None:
    incident = _incident(archive)
    original = archive.store_content(incident, io.BytesIO(_photo()), name="p.jpg")
    with pytest.raises(BadInput):
        archive.redact_item(original.id, boxes)
    assert [item.id for item in archive.list_items(incident)] == [original.id]
    assert archive.custody_entries(incident)[-1].action == "item.added"


def test_only_photos_can_be_redacted(archive: Archive) -> None:
    item = archive.add_text(_incident(archive), "Показания свидетеля")
    with pytest.raises(BadInput, match="not a photo"):
        archive.redact_item(item.id, [Box(0, 0, 1, 1)])


def test_an_export_sends_the_redacted_copy_instead_of_its_original(
        archive: Archive, tmp_path: Path) -> None:
    partner = X25519Identity.generate()
    archive.add_contact_age("Partner", partner.recipient().to_string())
    archive.verify_contact("Partner")
    incident = _incident(archive)
    original = archive.store_content(incident, io.BytesIO(_photo()), name="p.jpg")
    derived = archive.redact_item(original.id, [Box(0, 0, 10, 10)])
    result = archive.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    sent = {entry.item_id: entry.sent for entry in result.items}
    assert sent[original.id] == "withheld"
    assert sent[derived.id] != "withheld"
