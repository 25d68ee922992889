"""Content Credentials made in the tests: a throw-away ES256 test CA and
signing certificate from ``cryptography``, and c2pa-python's own builder."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from typing import Any

import c2pa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID
from PIL import Image

CAPTURE = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
OFFLINE = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "builder": {"thumbnail": {"enabled": False}},
}


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Newsroom"),
        ]
    )


def _usage(signing: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not signing,
        crl_sign=not signing,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass
class CredentialSigner:
    key: ec.EllipticCurvePrivateKey
    chain_pem: str
    root_pem: str

    def signer(self) -> c2pa.Signer:
        def sign(data: bytes) -> bytes:
            return self.key.sign(data, ec.ECDSA(hashes.SHA256()))

        return c2pa.Signer.from_callback(sign, c2pa.C2paSigningAlg.ES256, self.chain_pem)


def make_test_signer(
    common_name: str = "Test Field Camera", ocsp_url: str | None = None
) -> CredentialSigner:
    now = datetime.datetime.now(datetime.UTC)
    valid = (now - datetime.timedelta(days=1), now + datetime.timedelta(days=30))
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Root CA"))
        .issuer_name(_name("Test Root CA"))
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid[0])
        .not_valid_after(valid[1])
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(signing=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), False)
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf_builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid[0])
        .not_valid_after(valid[1])
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(signing=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), False
        )
    )
    if ocsp_url is not None:
        leaf_builder = leaf_builder.add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url)
                    )
                ]
            ),
            False,
        )
    leaf = leaf_builder.sign(root_key, hashes.SHA256())

    def pem(cert: x509.Certificate) -> str:
        return cert.public_bytes(serialization.Encoding.PEM).decode()

    return CredentialSigner(key, pem(leaf) + pem(root), pem(root))


def plain_photo(size: tuple[int, int] = (320, 240)) -> bytes:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def manifest(
    title: str = "protest.jpg", actions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A manifest definition; ``actions=[]`` leaves the actions to the builder."""
    if actions is None:
        actions = [{"action": "c2pa.created", "digitalSourceType": CAPTURE}]
    definition: dict[str, Any] = {
        "claim_generator_info": [{"name": "Test Camera App", "version": "2.1"}],
        "title": title,
        "assertions": [],
    }
    if actions:
        definition["assertions"] = [{"label": "c2pa.actions", "data": {"actions": actions}}]
    return definition


def sign(
    source: bytes,
    who: CredentialSigner,
    definition: dict[str, Any] | None = None,
    ingredient: bytes | None = None,
    remote_url: str | None = None,
    mime: str = "image/jpeg",
) -> bytes:
    with c2pa.Context.from_dict(OFFLINE) as context:
        builder = c2pa.Builder(definition or manifest(), context=context)
        if ingredient is not None:
            builder.set_intent(c2pa.C2paBuilderIntent.EDIT)
            builder.add_ingredient(
                {"title": "original.jpg", "relationship": "parentOf"},
                "image/jpeg",
                io.BytesIO(ingredient),
            )
        if remote_url is not None:
            builder.set_no_embed()
            builder.set_remote_url(remote_url)
        out = io.BytesIO()
        builder.sign(who.signer(), mime, io.BytesIO(source), out)
        return out.getvalue()
