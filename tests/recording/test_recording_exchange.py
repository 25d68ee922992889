"""A recorded testimony and its consent travel in a bundle like any item."""

from __future__ import annotations

from pathlib import Path

from kzarchive.archive import Archive, ExportOptions
from tests.conftest import PASSPHRASE
from tests.recording.sine import FORMAT, SineSource


def test_a_recording_and_its_consent_survive_export_and_import(tmp_path: Path) -> None:
    documenter, _ = Archive.create(tmp_path / "documenter", PASSPHRASE, name="Documenter")
    partner, _ = Archive.create(tmp_path / "partner", PASSPHRASE, name="Partner")
    try:
        for who, whom in ((documenter, partner), (partner, documenter)):
            card = tmp_path / f"{whom.name}.card"
            whom.export_card(card)
            who.add_contact_card(card)
            who.verify_contact(whom.name)
        incident = documenter.add_incident("Показания у суда")
        person = documenter.add_person(incident, "witness", "Свидетель Р-1")
        source = SineSource()
        consent = documenter.recordings.start(incident, FORMAT, purpose="consent",
                                              consent_of=person, witness="Свидетель Р-1")
        consent.write(source.seconds(1.5))
        consent_item = consent.stop()
        recording = documenter.recordings.start(incident, FORMAT, witness="Свидетель Р-1",
                                                consent_item=consent_item.id, language="ru")
        recording.write(source.seconds(4.5))
        item = recording.stop()

        documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb",
                                 ExportOptions(originals=True))
        assert partner.verify_bundle(tmp_path / "b.kzb").ok
        partner.import_bundle(tmp_path / "b.kzb")
        for sent in (consent_item, item):
            received = partner.get_item(sent.id)
            assert received.metadata["recording"] == sent.metadata["recording"]
            assert (received.sha256, received.mime, received.witness) == (
                sent.sha256, "audio/wav", "Свидетель Р-1")
            with partner.open_item(sent.id) as a, documenter.open_item(sent.id) as b:
                assert a.read() == b.read()
        partner.verify()
    finally:
        documenter.close()
        partner.close()
