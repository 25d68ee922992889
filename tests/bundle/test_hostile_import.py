"""A validly signed bundle must never plant or swap evidence (import rules 1-6, 9, 10).

Every test starts from a bundle a real vault exported, shows that it imports
(the control), then changes exactly one thing and signs it again with the
sender's real key: the lie is refused with an integrity error about the bundle,
and the recipient's vault is exactly as it was.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kzarchive.archive import Archive
from kzarchive.bundle import BundleError
from kzarchive.bundle.jsontext import pretty_json
from kzarchive.errors import IntegrityError
from tests.bundle.bundle_factory import legacy_signature
from tests.bundle.hostile_bundles import (
    BUNDLE_JSON,
    Files,
    Parties,
    add_evidence,
    edit_document,
    export,
    forge,
    item_record,
    make_parties,
    png_bytes,
    replace_file,
    vault_state,
)
from tests.connection import connection_of


@pytest.fixture()
def parties(tmp_path: Path, passphrase: str) -> Iterator[Parties]:
    made = make_parties(tmp_path, passphrase)
    yield made
    for vault in made.all():
        vault.close()


@pytest.fixture()
def sent(parties: Parties) -> tuple[str, Path]:
    """The documenter's incident, exported to the partner (the control bundle)."""
    incident = add_evidence(parties.documenter, parties.folder)
    return incident, export(parties.documenter, incident, "Partner", parties.folder / "one.kzb")


def _refused(archive: Archive, path: Path, error: type[IntegrityError] = BundleError
             ) -> IntegrityError:
    before = vault_state(archive)
    with pytest.raises(error) as caught:
        archive.import_bundle(path)
    assert vault_state(archive) == before
    archive.verify()
    return caught.value


def _what(error: IntegrityError) -> str:
    return str(error.fields.get("what", error.message))


# --- rule 1: only into incidents the bundle carries, and only from their sender -----------


def test_an_item_planted_in_the_recipients_own_incident_is_refused(
        parties: Parties, sent: tuple[str, Path]) -> None:
    _incident, path = sent
    own = parties.partner.add_incident("Своё дело партнёра")
    assert parties.partner.verify_bundle(path).ok  # the control verifies

    def plant(document: dict[str, Any]) -> None:
        item_record(document, ".pdf")["incident_id"] = own

    error = _refused(parties.partner, forge(path, parties.documenter, parties.partner,
                                            edit_document(plant)))
    assert f"incident {own}, which this bundle does not carry" in _what(error)
    assert parties.partner.list_items(own) == []


def test_the_recipients_incident_cannot_be_claimed_as_the_senders(
        parties: Parties, sent: tuple[str, Path]) -> None:
    _incident, path = sent
    own = parties.partner.add_incident("Своё дело партнёра")
    mine = parties.partner.get_incident(own).to_dict()

    def claim(document: dict[str, Any]) -> None:
        document["incidents"].append(mine)
        item_record(document, ".pdf")["incident_id"] = own

    error = _refused(parties.partner, forge(path, parties.documenter, parties.partner,
                                            edit_document(claim)))
    assert f"incident {own}: its origin" in _what(error)


def test_a_sender_cannot_add_to_an_incident_the_recipient_created(
        parties: Parties, tmp_path: Path) -> None:
    partner, documenter = parties.partner, parties.documenter
    own = add_evidence(partner, tmp_path, "Дело партнёра")
    documenter.import_bundle(export(partner, own, "Documenter", tmp_path / "to-doc.kzb"))
    # Control: the documenter's bundle of the received incident, with nothing new, imports.
    back = export(documenter, own, "Partner", tmp_path / "back.kzb")
    assert partner.import_bundle(back).items_added == []
    # Now the documenter attaches its own file to the partner's incident and sends it back.
    planted = tmp_path / "planted.pdf"
    planted.write_bytes(b"%PDF-1.4 planted\n")
    documenter.attach_file(own, planted)
    error = _refused(partner, export(documenter, own, "Partner", tmp_path / "planted.kzb"),
                     IntegrityError)
    assert f"incident {own}, which was created in this vault" in _what(error)


def test_an_incident_received_from_another_sender_is_not_theirs_to_add_to(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    partner, second = parties.partner, parties.second
    partner.import_bundle(path)
    # The second partner got the same incident straight from the documenter...
    second.import_bundle(export(parties.documenter, incident, "Second partner",
                                tmp_path / "to-second.kzb"))
    extra = tmp_path / "extra.pdf"
    extra.write_bytes(b"%PDF-1.4 from the second partner\n")
    second.attach_file(incident, extra)
    # ...and sends it to the partner with a file of its own in it.
    error = _refused(partner, export(second, incident, "Partner", tmp_path / "relay.kzb"),
                     IntegrityError)
    assert f"was received from {parties.documenter.fingerprint}" in _what(error)


def test_the_same_sender_may_send_new_evidence_for_its_incident(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    partner, documenter = parties.partner, parties.documenter
    partner.import_bundle(path)
    later = tmp_path / "later.pdf"
    later.write_bytes(b"%PDF-1.4 found later\n")
    new = documenter.attach_file(incident, later)
    result = partner.import_bundle(export(documenter, incident, "Partner", tmp_path / "two.kzb"))
    assert result.items_added == [new.id]
    # Rule 6: the import that added to an existing incident is in its custody chain.
    last = partner.custody_entries(incident)[-1]
    assert last.action == "bundle.imported"
    assert last.details["items_added"] == [new.id]
    assert last.details["sender"] == documenter.fingerprint
    partner.verify()


# --- rule 2: content only from this bundle's own, checked files -----------------------------


def test_an_item_cannot_point_at_content_the_recipient_already_holds(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    _incident, path = sent
    partner = parties.partner
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 the partner's own confidential file\n")
    held = partner.attach_file(partner.add_incident("Своё"), secret)

    def point(document: dict[str, Any]) -> None:
        record = item_record(document, ".pdf")
        document["files"] = [f for f in document["files"] if f["item_id"] != record["id"]]
        record.update(file_sha256=held.sha256, file_size=held.size,
                      original_sha256=held.sha256, size=held.size)

    def drop_file(files: Files) -> None:
        edit_document(point)(files)
        record = item_record(json.loads(files[BUNDLE_JSON] or b""), ".pdf")
        del files[str(record["file"])]

    error = _refused(partner, forge(path, parties.documenter, partner, drop_file))
    assert "carries no file for it" in _what(error)


def test_an_item_cannot_describe_another_file_than_the_one_listed(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    _incident, path = sent
    partner = parties.partner
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 the partner's own confidential file\n")
    held = partner.attach_file(partner.add_incident("Своё"), secret)

    def point(document: dict[str, Any]) -> None:
        item_record(document, ".pdf").update(file_sha256=held.sha256, file_size=held.size)

    error = _refused(partner, forge(path, parties.documenter, partner, edit_document(point)))
    assert "describes another file" in _what(error)


# --- rule 3: every item bound to its custody entry -------------------------------------------


def test_a_file_that_differs_from_its_custody_entry_is_refused_naming_both_hashes(
        parties: Parties, sent: tuple[str, Path]) -> None:
    incident, path = sent
    documenter = parties.documenter
    pdf = next(i for i in documenter.list_items(incident) if i.name.endswith(".pdf"))
    forged = b"%PDF-1.4 a different report\n"
    error = _refused(parties.partner, forge(path, documenter, parties.partner,
                                            replace_file(pdf.id, forged, describe=True)))
    assert pdf.id in _what(error)
    assert hashlib.sha256(forged).hexdigest() in _what(error)
    assert pdf.sha256 in _what(error)


def test_a_relay_cannot_swap_a_file_of_the_documenters_incident(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    partner, second = parties.partner, parties.second
    partner.import_bundle(path)
    relay = export(partner, incident, "Second partner", tmp_path / "relay.kzb")
    photo = next(i for i in partner.list_items(incident) if i.name.endswith(".png"))
    forged = png_bytes((250, 0, 0))
    error = _refused(second, forge(relay, partner, second,
                                   replace_file(photo.id, forged, describe=True)))
    assert photo.id in _what(error) and photo.sha256 in _what(error)
    stored = {row[0] for row in connection_of(second).execute("SELECT sha256 FROM blobs")}
    assert hashlib.sha256(forged).hexdigest() not in stored
    assert second.import_bundle(relay).items_added  # the control, after the lie


def test_the_collector_must_be_who_custody_says(
        parties: Parties, sent: tuple[str, Path]) -> None:
    _incident, path = sent

    def recollect(document: dict[str, Any]) -> None:
        item_record(document, ".pdf")["collector"] = parties.second.fingerprint

    error = _refused(parties.partner, forge(path, parties.documenter, parties.partner,
                                            edit_document(recollect)))
    assert "names the collector" in _what(error)


def test_an_item_the_custody_does_not_know_is_refused(
        parties: Parties, sent: tuple[str, Path]) -> None:
    _incident, path = sent
    invented = "1234567890abcdef"
    content = b"%PDF-1.4 never collected\n"

    def invent(files: Files) -> None:
        document = json.loads(files[BUNDLE_JSON] or b"")
        record = dict(item_record(document, ".pdf"))
        digest = hashlib.sha256(content).hexdigest()
        record.update(id=invented, file=f"data/files/{invented}.pdf", file_sha256=digest,
                      file_size=len(content), original_sha256=digest, size=len(content))
        document["items"].append(record)
        document["files"].append({"item_id": invented, "path": record["file"],
                                  "size": len(content), "sha256": digest})
        files[BUNDLE_JSON] = pretty_json(document)
        files[record["file"]] = content
        manifest = files["manifest-sha256.txt"] or b""
        files["manifest-sha256.txt"] = manifest + f"{digest}  {record['file']}\n".encode()

    error = _refused(parties.partner, forge(path, parties.documenter, parties.partner, invent))
    assert f"item {invented} has no custody entry" in _what(error)


# --- rule 4: upstream custody complete only when shown ---------------------------------------


def _relay(parties: Parties, path: Path, tmp_path: Path, incident: str) -> Path:
    parties.partner.import_bundle(path)
    return export(parties.partner, incident, "Second partner", tmp_path / "relay.kzb")


def test_a_relay_that_drops_the_end_of_an_upstream_chain_is_caught(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    relay = _relay(parties, path, tmp_path, incident)
    report = parties.second.verify_bundle(relay)
    upstream = [c for c in report.checks if c.name == "upstream custody"]
    assert upstream and all(c.ok and "complete up to the head" in c.detail for c in upstream)

    def truncate(document: dict[str, Any]) -> None:
        block = document["upstream_custody"][0]
        block["entries"] = block["entries"][:-1]

    error = _refused(parties.second, forge(relay, parties.partner, parties.second,
                                           edit_document(truncate)))
    assert "entries were dropped or added" in _what(error)


def test_a_bundle_without_a_head_statement_imports_but_is_not_shown_complete(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    relay = _relay(parties, path, tmp_path, incident)

    def as_older_writer(document: dict[str, Any]) -> None:
        del document["upstream_heads"]

    older = forge(relay, parties.partner, parties.second, edit_document(as_older_writer))
    report = parties.second.verify_bundle(older)
    upstream = [c for c in report.checks if c.name == "upstream custody"]
    assert upstream and all("completeness not shown" in c.detail for c in upstream)
    assert parties.second.import_bundle(older).items_added


def test_an_upstream_block_of_someone_else_cannot_be_invented(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    relay = _relay(parties, path, tmp_path, incident)

    def reorigin(document: dict[str, Any]) -> None:
        document["upstream_custody"][0]["origin"] = parties.second.fingerprint
        document["upstream_heads"][0]["origin"] = parties.second.fingerprint

    error = _refused(parties.second, forge(relay, parties.partner, parties.second,
                                           edit_document(reorigin)))
    assert "another origin than its keys" in _what(error)


def test_an_upstream_checkpoint_signed_in_the_legacy_form_is_refused(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    relay = _relay(parties, path, tmp_path, incident)
    documenter = parties.documenter.own_identity()

    def legacy(document: dict[str, Any]) -> None:
        block = document["upstream_custody"][0]
        comment = str(block["checkpoint_signature"]).split("\n")[2].removeprefix(
            "trusted comment: ")
        block["checkpoint_signature"] = legacy_signature(
            documenter, str(block["checkpoint"]).encode(), comment).decode()

    error = _refused(parties.second, forge(relay, parties.partner, parties.second,
                                           edit_document(legacy)))
    assert 'legacy algorithm "Ed"' in _what(error)


def test_a_malformed_upstream_entry_is_an_error_about_the_bundle(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    relay = _relay(parties, path, tmp_path, incident)

    def unhashable(document: dict[str, Any]) -> None:
        document["upstream_custody"][0]["entries"][1]["incident_id"] = [incident]

    error = _refused(parties.second, forge(relay, parties.partner, parties.second,
                                           edit_document(unhashable)))
    assert "bundle.json: upstream_custody[0].entries[1] belongs to no incident" in _what(error)


# --- rule 5: an id that belongs to another item ---------------------------------------------


def test_an_item_id_held_by_a_different_item_is_refused_naming_it(
        parties: Parties, tmp_path: Path) -> None:
    incident = add_evidence(parties.documenter, tmp_path)
    path = tmp_path / "both.kzb"
    parties.documenter.export_bundle([incident], ["Partner", "Second partner"], path)
    partner = parties.partner
    assert parties.second.import_bundle(path).items_added  # the control
    pdf = next(i for i in parties.documenter.list_items(incident) if i.name.endswith(".pdf"))
    partner.store_content(partner.add_incident("Своё"), io.BytesIO(b"other evidence"),
                          name="mine.txt", item_id=pdf.id)
    error = _refused(partner, path, IntegrityError)
    assert f"item id {pdf.id} already belongs to a different item" in _what(error)


def test_the_same_items_again_in_a_new_bundle_change_nothing(
        parties: Parties, sent: tuple[str, Path], tmp_path: Path) -> None:
    incident, path = sent
    partner = parties.partner
    first = partner.import_bundle(path)
    again = partner.import_bundle(export(parties.documenter, incident, "Partner",
                                         tmp_path / "again.kzb"))
    assert not again.already_imported and again.items_added == []
    assert sorted(i.id for i in partner.list_items(incident)) == sorted(first.items_added)
    partner.verify()


# --- rule 9: every field validated like typed input ------------------------------------------

HOSTILE_FIELDS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("a path as a name", lambda d: item_record(d, ".pdf").update(name="../../.bashrc"),
     "name"),
    ("a folder in a name", lambda d: item_record(d, ".pdf").update(name="a/b.pdf"), "name"),
    ("a backslash name", lambda d: item_record(d, ".pdf").update(name="..\\evil.exe"), "name"),
    ("a control character", lambda d: item_record(d, ".pdf").update(name="a\x1b[31m.pdf"),
     "name"),
    ("a direction override", lambda d: item_record(d, ".pdf").update(
        name="report\u202efdp.exe"), "name"),
    ("a huge name", lambda d: item_record(d, ".pdf").update(name="x" * 300), "name"),
    ("an unknown kind", lambda d: item_record(d, ".pdf").update(kind="executable"), "kind"),
    ("an unknown MIME", lambda d: item_record(d, ".pdf").update(
        mime="application/x-msdownload"), "mime"),
    ("an id that is a path", lambda d: d["people"][0].update(id="../people"), "id"),
    ("an unknown role", lambda d: d["people"][0].update(role="informant"), "role"),
    ("an unknown violation", lambda d: d["incidents"][0].update(violations=["x"]),
     "violations"),
    ("an unknown status", lambda d: d["incidents"][0].update(status="closed"), "status"),
    ("a date that is none", lambda d: d["incidents"][0].update(occurred_start="yesterday"),
     "occurred_start"),
    ("a title with a NUL", lambda d: d["incidents"][0].update(title="a\x00b"), "title"),
    ("a huge description", lambda d: d["incidents"][0].update(description="x" * 300_000),
     "description"),
    ("a latitude beyond the pole", lambda d: d["incidents"][0].update(latitude="91"),
     "latitude"),
    ("a fingerprint that is none", lambda d: item_record(d, ".pdf").update(collector="me"),
     "collector"),
]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Parties, Path]]:
    """One set of vaults for the many one-field lies: a refused import changes nothing."""
    folder = tmp_path_factory.mktemp("shared")
    made = make_parties(folder, "correct horse battery")
    incident = add_evidence(made.documenter, folder)
    path = export(made.documenter, incident, "Partner", folder / "one.kzb")
    assert made.partner.verify_bundle(path).ok  # the control
    yield made, path
    for vault in made.all():
        vault.close()


@pytest.mark.parametrize(("change", "field"), [(c, f) for _n, c, f in HOSTILE_FIELDS],
                         ids=[n for n, _c, _f in HOSTILE_FIELDS])
def test_hostile_names_and_kinds_are_refused_naming_the_field(
        shared: tuple[Parties, Path], change: Callable[[dict[str, Any]], None],
        field: str) -> None:
    parties, path = shared
    error = _refused(parties.partner, forge(path, parties.documenter, parties.partner,
                                            edit_document(change)))
    assert f".{field} " in _what(error) and "bundle.json" in _what(error)


# --- rule 10: malformed shapes are integrity errors about the bundle -------------------------

MALFORMED: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("items is an object", lambda d: d.update(items={"a": 1}), "items"),
    ("an item is a list", lambda d: d["items"].__setitem__(0, [1, 2]), "items[0]"),
    ("a title is a number", lambda d: d["incidents"][0].update(title=5), "incidents[0].title"),
    ("an incident without id", lambda d: d["incidents"][0].pop("id"), "incidents[0].id"),
    ("people is text", lambda d: d.update(people="none"), "people"),
    ("a size is text", lambda d: d["items"][0].update(size="12"), "items[0].size"),
    ("consent is a string", lambda d: d["people"][0].update(consent_given="yes"),
     "people[0].consent_given"),
    ("metadata is a list", lambda d: d["items"][0].update(metadata=[1]), "items[0].metadata"),
    ("upstream is an object", lambda d: d.update(upstream_custody={}), "upstream_custody"),
    ("an upstream block is text", lambda d: d.update(upstream_custody=["x"], upstream_heads=[
        {}]), "upstream_custody[0]"),
    ("tags hold a number", lambda d: d["incidents"][0].update(tags=[1]), "incidents[0].tags"),
]


@pytest.mark.parametrize(("change", "part"), [(c, p) for _n, c, p in MALFORMED],
                         ids=[n for n, _c, _p in MALFORMED])
def test_malformed_shapes_are_integrity_errors_naming_the_part(
        shared: tuple[Parties, Path], change: Callable[[dict[str, Any]], None],
        part: str) -> None:
    parties, path = shared
    error = _refused(parties.partner, forge(path, parties.documenter, parties.partner,
                                            edit_document(change)))
    assert f"bundle.json: {part}" in _what(error)
    assert "vault" not in _what(error)


def test_a_bundle_json_that_is_not_an_object_is_refused(shared: tuple[Parties, Path]) -> None:
    parties, path = shared

    def to_list(files: Files) -> None:
        files[BUNDLE_JSON] = pretty_json([1, 2, 3])

    error = _refused(parties.partner, forge(path, parties.documenter, parties.partner, to_list))
    assert "bundle.json" in _what(error)


def test_the_shared_control_still_imports(shared: tuple[Parties, Path]) -> None:
    """Last of the one-field lies: none of them left a trace, the true bundle imports."""
    parties, path = shared
    assert parties.partner.list_incidents() == []
    assert parties.partner.import_bundle(path).items_added


# --- what must keep working: copies made for sending, across two hops -------------------------


def test_sanitized_and_redacted_copies_travel_two_hops_bound_to_the_original(
        parties: Parties, tmp_path: Path) -> None:
    from kzarchive.archive import ExportOptions
    from kzarchive.media.redact import Box

    documenter, partner, second = parties.documenter, parties.partner, parties.second
    incident = documenter.add_incident("Разгон мирного собрания")
    for colour in ((10, 200, 30), (200, 10, 30)):
        photo = tmp_path / f"photo-{colour[0]}.jpg"
        from PIL import Image

        Image.new("RGB", (64, 48), colour).save(photo, quality=90)
        documenter.attach_file(incident, photo)
    kept, redacted_from = documenter.list_items(incident)
    redacted = documenter.redact_item(redacted_from.id, [Box(2, 2, 10, 10)])
    defaults = ExportOptions()
    documenter.export_bundle([incident], ["Partner"], tmp_path / "one.kzb", defaults)
    partner.import_bundle(tmp_path / "one.kzb")
    partner.export_bundle([incident], ["Second partner"], tmp_path / "two.kzb", defaults)
    assert second.verify_bundle(tmp_path / "two.kzb").ok
    second.import_bundle(tmp_path / "two.kzb")
    sanitized = second.get_item(kept.id)
    assert sanitized.derivation == {"kind": "sanitized", "original_sha256": kept.sha256}
    assert sanitized.collector == documenter.fingerprint
    copy = second.get_item(redacted.id)
    assert copy.sha256 == redacted.sha256
    assert copy.derivation is not None and copy.derivation["original_sha256"] == (
        redacted_from.sha256)
    second.verify()


def test_verify_bundle_reports_the_lie_before_anything_is_imported(
        parties: Parties, sent: tuple[str, Path]) -> None:
    incident, path = sent
    pdf = next(i for i in parties.documenter.list_items(incident) if i.name.endswith(".pdf"))
    forged = forge(path, parties.documenter, parties.partner,
                   replace_file(pdf.id, b"%PDF-1.4 other\n", describe=True))
    with pytest.raises(BundleError) as caught:
        parties.partner.verify_bundle(forged)
    failed = [c for c in caught.value.report.checks if not c.ok]
    assert [c.name for c in failed] == ["bundle content"]
    assert pdf.sha256 in failed[0].detail
