"""RFC 3161 time-stamp requests and replies, through ``rfc3161-client``.

Every bit of ASN.1 and CMS is the library's: this module builds a request for a
message, reads a reply as hostile input, and checks it against what was asked.
Two levels of trust come out of a check:

- ``UNCHECKED``: the reply answers the request (status granted, SHA-256 imprint
  of the message, nonce) and names a signer certificate marked for time-stamping,
  but nothing ties that certificate to an authority the user trusts.  Anyone can
  make a key and a certificate, so a signature checked only against the reply's
  own certificate would prove nothing more; it is checked together with the chain.
- ``VERIFIED``: in addition the CMS signature and the certificate chain up to a
  CA the user gave were checked, at the time the token states.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING

from kzarchive.errors import KzError, TimestampRefused, UntrustedAuthority

if TYPE_CHECKING:
    from cryptography import x509
    from rfc3161_client import TimeStampResponse

# rfc3161-client and cryptography's x509 are imported by the functions that use them
# (some 40 ms): a command that only names this module's constants must not pay it.

UNCHECKED = "unchecked"
VERIFIED = "verified"

# What a person runs on a connected machine to send a request (RFC 3161, 3.4: the
# protocol over HTTP); the command line's help and the app show the same.
CURL_COMMAND = ("curl -sS -H 'Content-Type: application/timestamp-query' "
                "--data-binary @stamp.tsq https://TSA-OF-YOUR-CHOICE -o stamp.tsr")

# A reply is a few kilobytes; a CA file a few certificates.  Anything far larger
# is not what it claims to be and is refused before it is parsed.
MAX_REPLY_BYTES = 256 * 1024
MAX_CA_BYTES = 1024 * 1024
SHA256_OID = "2.16.840.1.101.3.4.2.1"


@dataclass(frozen=True)
class Request:
    der: bytes
    nonce: int


@dataclass(frozen=True)
class Token:
    """A reply that answers a request for a known message."""

    der: bytes
    gen_time: str
    authority: str
    certificates: tuple[bytes, ...]
    serial: int
    nonce: int | None
    status: str


def make_request(message: bytes) -> Request:
    """A request over SHA-256(``message``) with a random nonce, asking for the signer's
    certificate (so that the reply carries what a later check needs)."""
    from rfc3161_client import HashAlgorithm, TimestampRequestBuilder

    built = (TimestampRequestBuilder().data(message).hash_algorithm(HashAlgorithm.SHA256)
             .nonce(nonce=True).cert_request(cert_request=True).build())
    nonce = built.nonce
    if nonce is None:  # the library always sets one when asked; never trust silence
        raise AssertionError("the time-stamp request has no nonce")
    return Request(built.as_bytes(), nonce)


def parse_reply(der: bytes) -> TimeStampResponse:
    """The reply's structure, or TimestampRefused; nothing of it is trusted yet."""
    from rfc3161_client import PKIStatus, decode_timestamp_response

    if len(der) > MAX_REPLY_BYTES:
        raise TimestampRefused(what=f"the file is larger than {MAX_REPLY_BYTES} bytes")
    try:
        response = decode_timestamp_response(der)
        # The token's parts are decoded on first use: reach each once here, so that a
        # malformed one is this error and not a surprise later.
        if response.status in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
            _ = (response.tst_info.message_imprint, response.tst_info.nonce,
                 response.tst_info.gen_time, response.signed_data.certificates,
                 response.signed_data.signer_infos)
    except ValueError:
        raise TimestampRefused(what="the file is not an RFC 3161 time-stamp reply") from None
    if response.status not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        said = "; ".join(response.status_string)[:200]
        raise TimestampRefused(
            what=f"the authority did not grant the time-stamp (status {response.status}"
                 f"{': ' + ascii(said) if said else ''})")
    return response


def reply_nonce(der: bytes) -> int | None:
    return parse_reply(der).tst_info.nonce


def check_reply(der: bytes, message: bytes, nonce: int | None,
                roots: list[x509.Certificate] | None = None) -> Token:
    """Checks a reply against the message it must cover (and the request's nonce).

    With ``roots`` the signature and chain are checked too (``VERIFIED``), else the
    token is ``UNCHECKED``.  Raises TimestampRefused for a reply that does not answer
    the request, UntrustedAuthority for one that does but fails against ``roots``.
    """
    response = parse_reply(der)
    try:
        return _check(response, der, message, nonce, roots)
    except KzError:
        raise
    except Exception as exc:
        # The token's parts are decoded lazily, and hostile bytes reach corners of the
        # ASN.1 and certificate decoders that raise ValueError, TypeError, KeyError,
        # InvalidVersion, DuplicateExtension...  (every one found by flipping each
        # byte of a reply).  Whatever the corner, the reply is not one to keep.
        raise TimestampRefused(
            what=f"the reply or a certificate in it is malformed ({type(exc).__name__})"
        ) from None


def _check(response: TimeStampResponse, der: bytes, message: bytes, nonce: int | None,
           roots: list[x509.Certificate] | None) -> Token:
    info = response.tst_info
    imprint = info.message_imprint
    if imprint.hash_algorithm.dotted_string != SHA256_OID:
        raise TimestampRefused(what="the reply's imprint is not a SHA-256 hash")
    if imprint.message != hashlib.sha256(message).digest():
        raise TimestampRefused(what="the reply is over other data than this checkpoint")
    if nonce is not None and info.nonce != nonce:
        raise TimestampRefused(what="the reply's nonce is not the request's")
    certificates = tuple(sorted(response.signed_data.certificates))
    signer = _signer_certificate(response)
    status = UNCHECKED
    if roots:
        _verify_chain(response, message, roots)
        status = VERIFIED
    when = info.gen_time.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Token(der, when, _authority_name(signer), certificates,
                 info.serial_number, info.nonce, status)


def load_ca_file(data: bytes) -> list[x509.Certificate]:
    """The certificates of a PEM (or single DER) CA file; raises UntrustedAuthority."""
    from cryptography import x509

    if len(data) > MAX_CA_BYTES:
        raise UntrustedAuthority(what=f"the CA file is larger than {MAX_CA_BYTES} bytes")
    try:
        if b"-----BEGIN" in data:
            certificates = x509.load_pem_x509_certificates(data)
        else:
            certificates = [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise UntrustedAuthority(
            what="the CA file holds no readable certificate (PEM or DER)") from None
    return certificates


def certificates_pem(certificates: tuple[bytes, ...]) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return b"".join(x509.load_der_x509_certificate(c).public_bytes(Encoding.PEM)
                    for c in certificates)


def _signer_certificate(response: TimeStampResponse) -> x509.Certificate:
    from cryptography import x509

    infos = list(response.signed_data.signer_infos)
    if len(infos) != 1:
        raise TimestampRefused(what=f"the reply has {len(infos)} signers instead of one")
    signer = infos[0]
    try:
        carried = [x509.load_der_x509_certificate(c) for c in response.signed_data.certificates]
    except (ValueError, x509.InvalidVersion):
        raise TimestampRefused(what="a certificate in the reply cannot be read") from None
    for certificate in carried:
        if (certificate.issuer == signer.issuer
                and certificate.serial_number == signer.serial_number):
            _check_time_stamping_use(certificate)
            return certificate
    raise TimestampRefused(
        what="the reply does not carry its signer's certificate (ask for one with "
             "the request as made: it asks for the certificate)")


def _check_time_stamping_use(certificate: x509.Certificate) -> None:
    # RFC 3161 2.3: the signer's certificate has one critical extended key usage,
    # id-kp-timeStamping.
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        usage = None
    if (usage is None or not usage.critical
            or ExtendedKeyUsageOID.TIME_STAMPING not in usage.value):
        raise TimestampRefused(
            what="the signer's certificate is not marked for time-stamping only "
                 "(critical extended key usage timeStamping)")


def _verify_chain(response: TimeStampResponse, message: bytes,
                  roots: list[x509.Certificate]) -> None:
    from cryptography import x509
    from rfc3161_client import VerificationError, VerifierBuilder

    builder = VerifierBuilder()
    for root in roots:
        builder = builder.add_root_certificate(root)
    try:
        builder.build().verify_message(response, message)
    except (VerificationError, ValueError, x509.InvalidVersion) as exc:
        raise UntrustedAuthority(
            what=f"the signature or certificate chain does not check against the CA "
                 f"given ({ascii(str(exc))[:300]})") from None


def _authority_name(signer: x509.Certificate) -> str:
    # The signer's subject is covered by the signature once the chain is checked;
    # the TSTInfo's optional name is only a claim, so the certificate names it.
    return signer.subject.rfc4514_string()[:300]
