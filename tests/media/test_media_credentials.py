"""Content Credentials are read and checked offline; tampering shows."""

from __future__ import annotations

import http.server
import io
import json
import threading
from collections.abc import Iterator
from typing import ClassVar

import c2pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from kzarchive.errors import IntegrityError
from kzarchive.media.credentials import (
    OFFLINE_SETTINGS,
    UNREADABLE,
    ContentCredentials,
    read_credentials,
)
from kzarchive.util.canonical import canonical_json
from tests.media import media_builders
from tests.media.c2pa_signing import (
    CAPTURE,
    CredentialSigner,
    make_test_signer,
    manifest,
    plain_photo,
    sign,
)


@pytest.fixture(scope="module")
def signer() -> CredentialSigner:
    return make_test_signer()


@pytest.fixture(scope="module")
def signed(signer: CredentialSigner) -> bytes:
    return sign(plain_photo(), signer)


def read(data: bytes, mime: str = "image/jpeg", anchors: str | None = None) -> ContentCredentials:
    return read_credentials(io.BytesIO(data), mime, anchors)


def test_a_signed_photo_is_valid_with_its_signer_generator_and_actions(signed: bytes) -> None:
    found = read(signed)
    assert found.state == "valid"
    assert found.signer == "Test Field Camera"
    assert found.issuer == "Test Newsroom"
    assert found.claim_generator == "Test Camera App 2.1"
    assert found.title == "protest.jpg"
    assert [(a.action, a.digital_source_type) for a in found.actions] == [("c2pa.created", CAPTURE)]
    # No trust list offline: the signature checks out, but nobody vouches for the signer.
    assert found.trusted is False
    assert "signingCredential.untrusted" in found.failures


def test_a_configured_trust_anchor_makes_the_signer_trusted(
    signed: bytes, signer: CredentialSigner
) -> None:
    found = read(signed, anchors=signer.root_pem)
    assert found.state == "valid" and found.trusted
    assert found.failures == ()
    stranger = make_test_signer("Someone Else")
    assert read(signed, anchors=stranger.root_pem).trusted is False


def test_pixels_changed_after_signing_make_it_invalid(signed: bytes) -> None:
    tampered = bytearray(signed)
    # The last bytes before the JPEG end marker are image data.
    tampered[-20] ^= 0x55
    found = read(bytes(tampered))
    assert found.state == "invalid"
    assert "assertion.dataHash.mismatch" in found.failures
    # What the manifest claims is still shown, so a person sees what was altered.
    assert found.signer == "Test Field Camera"


def test_no_changed_byte_passes_as_a_different_valid_statement(signed: bytes) -> None:
    # Every byte outside the manifest is covered by its data hash: any change is
    # invalid.  Inside the manifest, a change is invalid, hides the manifest
    # (anyone can strip one), or lands in bytes the C2PA format leaves unsigned
    # (the signature's padding, box headers); then what is reported is the same.
    original = read(signed)
    manifest_end = signed.index(b"\xff\xdb")  # the first table after the APP11 segments
    for offset in range(manifest_end, len(signed) - 2, 3):
        changed = bytearray(signed)
        changed[offset] ^= 0x01
        assert read(bytes(changed)).state == "invalid", offset
    states = set()
    for offset in range(2, manifest_end, 5):
        changed = bytearray(signed)
        changed[offset] ^= 0x01
        found = read(bytes(changed))
        states.add(found.state)
        if found.state == "valid":
            assert found == original, offset
    assert "invalid" in states


def test_a_signed_video_is_read_and_a_changed_frame_shows(signer: CredentialSigner) -> None:
    clip = sign(
        media_builders.mp4(media=bytes(range(256)) * 4),
        signer,
        manifest("clip.mp4"),
        mime="video/mp4",
    )
    found = read(clip, "video/mp4")
    assert found.state == "valid" and found.title == "clip.mp4"
    assert found.actions[0].action == "c2pa.created"
    tampered = bytearray(clip)
    tampered[clip.index(b"mdat") + 100] ^= 0x01
    assert read(bytes(tampered), "video/mp4").state == "invalid"


def test_a_re_encoded_copy_has_no_manifest_left(signed: bytes) -> None:
    image = Image.open(io.BytesIO(signed))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    assert read(out.getvalue()).state == "none"


def test_a_photo_without_credentials_gives_none() -> None:
    found = read(plain_photo())
    assert found.state == "none"
    assert found.to_record()["state"] == "none"


def test_unsupported_and_non_media_files_give_none() -> None:
    assert read(b"just some text", "text/plain").state == "none"
    assert read(b"", "image/jpeg").state in ("none", "invalid")


def test_a_damaged_manifest_is_invalid_not_an_error(signed: bytes) -> None:
    start = signed.find(b"jumb")
    assert start > 0
    damaged = bytearray(signed)
    damaged[start + 200 : start + 260] = bytes(60)
    found = read(bytes(damaged))
    assert found.state == "invalid"
    assert found.failures
    for cut in (start + 40, start + 400, len(signed) // 2):
        assert read(signed[:cut]).state in ("invalid", "none")


def test_ingredients_are_listed(signer: CredentialSigner) -> None:
    parent = sign(plain_photo(), signer)
    edited = sign(
        plain_photo((300, 200)),
        signer,
        manifest("edited.jpg", actions=[]),
        ingredient=parent,
    )
    found = read(edited)
    assert found.state == "valid"
    assert [(i.title, i.relationship, i.signed) for i in found.ingredients] == [
        ("original.jpg", "parentOf", True)
    ]
    from_plain = sign(plain_photo(), signer, manifest(actions=[]), ingredient=plain_photo())
    assert [i.signed for i in read(from_plain).ingredients] == [False]
    # The builder records that the parent was opened to make this one.
    assert [a.action for a in found.actions][:1] == ["c2pa.opened"]


def test_hostile_manifest_text_is_bounded_and_cleaned(signer: CredentialSigner) -> None:
    hostile = manifest(
        "evil\x07\u202etitle" + "A" * 5000,
        [
            {"action": "c2pa.created", "digitalSourceType": CAPTURE},
            {"action": "c2pa.edited", "softwareAgent": "Editor\x00 9000" + "B" * 5000},
        ],
    )
    found = read(sign(plain_photo(), signer, hostile))
    assert found.title.startswith("eviltitle") and len(found.title) <= 300
    assert found.actions[1].software_agent.startswith("Editor 9000")
    assert len(found.actions[1].software_agent) <= 300


def test_the_original_bytes_and_the_stream_are_left_as_they_are(signed: bytes) -> None:
    stream = io.BytesIO(signed)
    stream.seek(123)
    assert read_credentials(stream, "image/jpeg").state == "valid"
    assert not stream.closed
    assert stream.getvalue() == signed


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counting.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Counting.hits = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_nothing_is_fetched_neither_a_remote_manifest_nor_ocsp(
    listener: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The control below must reach this loopback listener, never a proxy.
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    signer = make_test_signer(ocsp_url=f"{listener}/ocsp")
    pointed = sign(plain_photo(), signer, remote_url=f"{listener}/manifest.c2pa")
    found = read(pointed)
    assert found.state == "remote"
    assert found.remote_url.endswith("/manifest.c2pa")
    embedded = sign(plain_photo(), signer)  # its certificate names an OCSP responder
    assert read(embedded).state == "valid"
    assert _Counting.hits == []
    # The control: the library's default settings do fetch, so the offline
    # settings (not a lucky failure) are what kept it from the network.
    with pytest.raises(c2pa.C2paError):
        c2pa.Reader("image/jpeg", io.BytesIO(pointed))
    assert "/manifest.c2pa" in _Counting.hits


class _Broken(io.BytesIO):
    def read(self, size: int | None = -1, /) -> bytes:
        raise IntegrityError("the blob is damaged")


def test_a_failing_stream_is_not_mistaken_for_a_bad_manifest(signed: bytes) -> None:
    with pytest.raises(IntegrityError):
        read_credentials(_Broken(signed), "image/jpeg")


def test_the_record_is_plain_data(signed: bytes) -> None:
    record = read(signed).to_record()
    # Stored with the item's metadata, which is hashed as canonical JSON.
    assert json.loads(canonical_json(record)) == record
    assert record["state"] == "valid"
    assert record["signer"] == "Test Field Camera"
    assert record["actions"][0]["action"] == "c2pa.created"
    assert UNREADABLE not in record["failures"]


def _library_state(data: bytes) -> str:
    """What the C2PA library itself finds, with no short cut before it."""
    try:
        with (
            c2pa.Context.from_dict(OFFLINE_SETTINGS) as context,
            c2pa.Reader("image/jpeg", io.BytesIO(data), context=context) as reader,
        ):
            reader.json()
    except c2pa.C2paError as error:
        return "none" if "ManifestNotFound" in type(error).__name__ + str(error) else "other"
    return "found"


def test_a_photo_with_no_manifest_segment_is_not_handed_to_the_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A camera roll is mostly such photos: reading each through the library whole
    # would cost more than storing it.
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the library was asked")

    monkeypatch.setattr(c2pa, "Reader", refuse)
    assert read(plain_photo()).state == "none"


def test_a_manifest_behind_fill_bytes_and_other_segments_is_still_found(
    signed: bytes,
) -> None:
    # Fill bytes (0xFF) may precede any marker; an APP13 block before the APP11 ones.
    padded = signed[:2] + b"\xff\xff\xff" + b"\xff\xed\x00\x06Photo" + signed[2:]
    assert read(padded).state != "none"


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_photo_said_to_have_no_manifest_truly_has_none(
    signed: bytes, data: st.DataObject,
) -> None:
    # Hostile headers: whatever the walk of the segments concludes, it never hides
    # a manifest that the library would have read.
    header_end = signed.find(b"\xff\xda")
    changed = bytearray(signed)
    for _ in range(data.draw(st.integers(1, 4))):
        changed[data.draw(st.integers(0, header_end + 4))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        changed = changed[: data.draw(st.integers(0, header_end + 4))]
    if read(bytes(changed)).state == "none":
        assert _library_state(bytes(changed)) != "found"
