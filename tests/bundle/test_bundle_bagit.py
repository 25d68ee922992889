"""BagIt tag files: what the writers produce, and the strict parsers' refusals."""

from __future__ import annotations

import hashlib

import pytest

from kzarchive.bundle import bagit
from kzarchive.errors import IntegrityError

DIGEST = hashlib.sha256(b"x").hexdigest()


def test_bagit_txt_declares_version_1_0_in_utf8() -> None:
    assert bagit.BAGIT_TXT == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    bagit.parse_bagit_txt(bagit.BAGIT_TXT)


@pytest.mark.parametrize(
    "data",
    [
        b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n",
        b"BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n",
        b"\xef\xbb\xbfBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        b"BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n",
        b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8",
        b"Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n",
        b"",
    ],
)
def test_any_other_bagit_txt_is_refused(data: bytes) -> None:
    with pytest.raises(IntegrityError, match=r"bagit\.txt"):
        bagit.parse_bagit_txt(data)


def test_tag_elements_round_trip_in_order_with_repeated_labels() -> None:
    elements = [("Bagging-Date", "2025-03-04"), ("KZ-Recipient-Fingerprints", "1"),
                ("Contact-Name", "Ana María"), ("KZ-Recipient-Fingerprints", "2")]
    data = bagit.format_tag_elements(elements)
    assert data == (
        "Bagging-Date: 2025-03-04\nKZ-Recipient-Fingerprints: 1\n"
        "Contact-Name: Ana María\nKZ-Recipient-Fingerprints: 2\n"
    ).encode()
    parsed = bagit.parse_tag_elements(data)
    assert list(parsed.elements) == elements
    assert parsed.values("kz-recipient-fingerprints") == ["1", "2"]  # labels ignore case
    assert parsed.single("BAGGING-DATE") == "2025-03-04"
    with pytest.raises(IntegrityError, match="exactly one"):
        parsed.single("KZ-Recipient-Fingerprints")
    with pytest.raises(IntegrityError, match="exactly one"):
        parsed.single("Payload-Oxum")


@pytest.mark.parametrize(
    ("label", "value"),
    [("Bad:Label", "v"), (" Lead", "v"), ("Trail ", "v"), ("", "v"), ("L", "two\nlines"),
     ("L", "carriage\rreturn"), ("L", " padded")],
)
def test_invalid_elements_cannot_be_written(label: str, value: str) -> None:
    with pytest.raises(ValueError):
        bagit.format_tag_elements([(label, value)])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Label: value\r\n", "carriage returns"),
        (b"Label: value", "not terminated"),
        (b"Label: value\n\nOther: x\n", "blank line"),
        (b"Label: a long\n  continued value\n", "folded"),
        (b"Label value\n", "Label: value"),
        (b"Label:value\n", "Label: value"),
        (b": value\n", "Label: value"),
        (b"Label:  two spaces\n", "white space"),
        (b"Label: \xff\xfe\n", "UTF-8"),
        (b"\xef\xbb\xbfLabel: v\n", "byte-order mark"),
    ],
)
def test_tag_files_outside_the_strict_form_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(IntegrityError, match=reason):
        bagit.parse_tag_elements(data)


def test_payload_oxum() -> None:
    assert bagit.payload_oxum([10, 0, 5]) == "15.3"
    assert bagit.payload_oxum([]) == "0.0"
    assert bagit.parse_payload_oxum("15.3") == (15, 3)
    for bad in ("15", "1.2.3", "01.2", "-1.2", "1.x", " 1.2", "1.2 "):
        with pytest.raises(IntegrityError, match="Payload-Oxum"):
            bagit.parse_payload_oxum(bad)


def test_manifests_round_trip_and_read_like_sha256sum() -> None:
    entries = [("data/bundle.json", DIGEST), ("data/files/a.jpg", "0" * 64)]
    data = bagit.format_manifest(entries, payload=True)
    assert data == f"{DIGEST}  data/bundle.json\n{'0' * 64}  data/files/a.jpg\n".encode()
    assert bagit.parse_manifest(data, "m", payload=True) == dict(entries)
    tags = bagit.format_manifest([("bagit.txt", DIGEST), ("sender.pub", DIGEST)], payload=False)
    assert list(bagit.parse_manifest(tags, "t", payload=False)) == ["bagit.txt", "sender.pub"]


def test_manifest_paths_are_percent_encoded_as_the_rfc_requires() -> None:
    odd = "data/100%\nsure\r.txt"
    data = bagit.format_manifest([(odd, DIGEST)], payload=True)
    assert data == f"{DIGEST}  data/100%25%0Asure%0D.txt\n".encode()
    assert bagit.parse_manifest(data, "m", payload=True) == {odd: DIGEST}
    # Tabs separate too, and lowercase escapes decode alike.
    assert bagit.parse_manifest(f"{DIGEST}\tdata/a%0ab\n".encode(), "m", payload=True) == {
        "data/a\nb": DIGEST
    }


@pytest.mark.parametrize(
    ("line", "payload", "reason"),
    [
        (f"{DIGEST}  /data/x", True, "not allowed"),
        (f"{DIGEST}  data/../bagit.txt", True, "not allowed"),
        (f"{DIGEST}  data/./x", True, "not allowed"),
        (f"{DIGEST}  data//x", True, "not allowed"),
        (f"{DIGEST}  data\\x", True, "not allowed"),
        (f"{DIGEST}  bagit.txt", True, "only files under data/"),
        (f"{DIGEST}  data/x", False, "outside data/"),
        (f"{DIGEST}  tagmanifest-md5.txt", False, "never lists a tag manifest"),
        (f"{DIGEST.upper()}  data/x", True, "lowercase hex"),
        (f"{DIGEST[:-1]}  data/x", True, "lowercase hex"),
        (f"{DIGEST}data/x", True, "lowercase hex"),
        (f"{DIGEST}  ", True, "lowercase hex"),
        (f"# comment {DIGEST}", True, "lowercase hex"),
    ],
)
def test_invalid_manifest_lines_are_refused(line: str, payload: bool, reason: str) -> None:
    with pytest.raises(IntegrityError, match=reason):
        bagit.parse_manifest((line + "\n").encode(), "m", payload=payload)


def test_a_path_listed_twice_is_refused() -> None:
    data = f"{DIGEST}  data/x\n{'0' * 64}  data/x\n".encode()
    with pytest.raises(IntegrityError, match="twice"):
        bagit.parse_manifest(data, "m", payload=True)
    with pytest.raises(ValueError, match="twice"):
        bagit.format_manifest([("data/x", DIGEST), ("data/x", DIGEST)], payload=True)


def test_manifest_differences_name_missing_unexpected_and_altered_paths() -> None:
    listed = {"data/a": DIGEST, "data/b": DIGEST, "data/c": DIGEST}
    found = {"data/a": DIGEST, "data/b": "0" * 64, "data/d": DIGEST}
    assert bagit.manifest_differences(listed, found) == (["data/c"], ["data/d"], ["data/b"])
