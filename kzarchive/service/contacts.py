"""Contacts: the partners a documenter sends bundles to and accepts bundles from.

Trust is pinned: a contact counts as a valid signer only after the user compared
its fingerprint out of band and marked it verified (``archive.contacts``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kzarchive.crypto import minisign
from kzarchive.crypto.age import X25519Recipient
from kzarchive.crypto.identity import ContactCard, PublicIdentity
from kzarchive.errors import BadInput, MissingFile, NotFound
from kzarchive.service.models import Contact
from kzarchive.service.records import new_id
from kzarchive.service.session import VaultSession
from kzarchive.util.canonical import utc_timestamp

_COLUMNS = ("id, name, CASE WHEN fingerprint IS NULL THEN 'age' ELSE 'kzarchive' END AS kind, "
            "age_recipient, minisign_public_key, fingerprint, verified, verified_at, created")
_NAMES = ("id", "name", "kind", "age_recipient", "minisign_public_key", "fingerprint",
          "verified", "verified_at", "created")


def _contact(row: Any) -> Contact:
    values = dict(zip(_NAMES, row, strict=True))
    values["verified"] = bool(values["verified"])
    return Contact(**values)


class Contacts:
    """The partners of one open vault."""

    def __init__(self, session: VaultSession):
        self._session = session

    def my_card(self) -> ContactCard:
        """This vault's card (public keys only).  Raises VaultLocked."""
        return ContactCard(self._session.name or "kzarchive", self._session.own_identity().public)

    def export_card(self, out_path: Path | str) -> Path:
        """Writes my contact card (public keys only) for partners to import."""
        out = Path(out_path)
        out.write_text(self.my_card().to_text(), encoding="utf-8")
        return out

    def add_contact_card(self, card_path: Path | str, name: str | None = None) -> Contact:
        """Raises MissingFile, InvalidContactCard, BadInput (own card, taken name or key)."""
        path = Path(card_path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise MissingFile(path=path) from None
        card = ContactCard.from_bytes(data)
        public = card.identity
        if public == self._session.own_identity().public:
            raise BadInput(what="this is the card of this vault itself")
        return self._insert_contact(name or card.name, public.age_recipient,
                                    public.minisign_public_key_base64, public)

    def add_contact_age(self, name: str, age_recipient: str,
                        minisign_key: str | None = None) -> Contact:
        """A partner who uses only the standard tools (age-keygen, minisign -G).

        Raises BadInput (a malformed key, a taken name or key).
        """
        recipient = X25519Recipient.from_string(age_recipient.strip())
        key_text = None
        if minisign_key:
            key_text = minisign.PublicKey.from_string(minisign_key).to_base64()
        return self._insert_contact(name, recipient.to_string(), key_text, None)

    def _insert_contact(self, name: str, age_recipient: str, minisign_key: str | None,
                        public: PublicIdentity | None) -> Contact:
        name = name.strip()
        if not name:
            raise BadInput(what="a contact needs a name")
        ident = new_id()
        with self._session.transaction() as db:
            existing = db.execute("SELECT name FROM contacts WHERE age_recipient = ?",
                                  (age_recipient,)).fetchone()
            if existing:
                raise BadInput(what=f"this key is already the contact '{existing[0]}'")
            if db.execute("SELECT 1 FROM contacts WHERE name = ?", (name,)).fetchone():
                raise BadInput(what=f"a contact named '{name}' exists",
                               hint="Give another --name.")
            db.execute(
                "INSERT INTO contacts (id, name, age_recipient, minisign_public_key, "
                "ed25519_public, x25519_public, fingerprint, created) VALUES (?,?,?,?,?,?,?,?)",
                (ident, name, age_recipient, minisign_key,
                 public.ed25519_public if public else None,
                 public.x25519_public if public else None,
                 public.fingerprint if public else None, utc_timestamp()))
            self._session.append_log("contact.added", details={
                "contact_id": ident, "fingerprint": public.fingerprint if public else None,
                "age_recipient": age_recipient})
        return self.get_contact(ident)

    def get_contact(self, id_or_name: str) -> Contact:
        """By id, name or an id prefix of 4 characters or more.  Raises NotFound."""
        with self._session.read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM contacts WHERE id = ? OR name = ? OR id LIKE ?",
                (id_or_name, id_or_name, id_or_name.lower() + "%" if len(id_or_name) >= 4 else "")
            ).fetchall()
        exact = [r for r in rows if id_or_name in (r[0], r[1])]
        rows = exact or rows
        if len(rows) != 1:
            raise NotFound(what="contact", ident=id_or_name,
                           hint="List contacts with 'contact list'.")
        return _contact(rows[0])

    def list_contacts(self) -> list[Contact]:
        with self._session.read() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM contacts ORDER BY name").fetchall()
        return [_contact(row) for row in rows]

    def verify_contact(self, id_or_name: str) -> Contact:
        """Marks a contact verified; call only after the fingerprints were compared.

        Raises NotFound.
        """
        contact = self.get_contact(id_or_name)
        with self._session.transaction() as db:
            db.execute("UPDATE contacts SET verified = 1, verified_at = ? WHERE id = ?",
                       (utc_timestamp(), contact.id))
            self._session.append_log("contact.verified", details={
                "contact_id": contact.id, "fingerprint": contact.fingerprint,
                "age_recipient": contact.age_recipient})
        return self.get_contact(contact.id)

    def rename_contact(self, id_or_name: str, new_name: str) -> Contact:
        """Raises NotFound, BadInput (an empty or taken name)."""
        contact = self.get_contact(id_or_name)
        if not new_name.strip():
            raise BadInput(what="a contact needs a name")
        with self._session.transaction() as db:
            if db.execute("SELECT 1 FROM contacts WHERE name = ? AND id != ?",
                          (new_name.strip(), contact.id)).fetchone():
                raise BadInput(what=f"a contact named '{new_name.strip()}' exists",
                               hint="Choose another name.")
            db.execute("UPDATE contacts SET name = ? WHERE id = ?", (new_name.strip(), contact.id))
        return self.get_contact(contact.id)

    def remove_contact(self, id_or_name: str) -> None:
        """Raises NotFound."""
        contact = self.get_contact(id_or_name)
        with self._session.transaction() as db:
            db.execute("DELETE FROM contacts WHERE id = ?", (contact.id,))
            self._session.append_log("contact.removed", details={
                "contact_id": contact.id, "fingerprint": contact.fingerprint})
