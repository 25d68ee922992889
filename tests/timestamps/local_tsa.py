"""A time-stamping authority made in the test with ``openssl``: a test CA, a TSA
certificate (extendedKeyUsage critical timeStamping) and ``openssl ts -reply``."""

from __future__ import annotations

import subprocess
from pathlib import Path

_CONFIG = """\
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ tsa_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ plain_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = {folder}
serial = {folder}/serial
crypto_device = builtin
signer_cert = {folder}/{signer}.pem
signer_key = {folder}/{signer}.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = {digests}
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_alg = sha256
"""


def openssl(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True,
                          cwd=cwd, timeout=60)


class LocalTsa:
    """One test CA and its TSA in ``folder``; ``ca_pem`` is what a user would trust."""

    def __init__(self, folder: Path, name: str = "Test TSA",
                 extension: str = "tsa_ext") -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "serial").write_text("01\n")
        self._write_config("tsa", "sha256, sha384, sha512")
        config = folder / "openssl.cnf"
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", folder / "ca.key", "-out", folder / "ca.pem",
                "-subj", f"/CN={name} CA", "-days", "3650", "-config", config,
                "-extensions", "ca_ext")
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", folder / "tsa.key", "-out", folder / "tsa.csr",
                "-subj", f"/CN={name}", "-config", config)
        openssl("x509", "-req", "-in", folder / "tsa.csr", "-CA", folder / "ca.pem",
                "-CAkey", folder / "ca.key", "-CAcreateserial", "-out", folder / "tsa.pem",
                "-days", "3650", "-extfile", config, "-extensions", extension)

    @property
    def ca_pem(self) -> Path:
        return self.folder / "ca.pem"

    def _write_config(self, signer: str, digests: str) -> Path:
        path = self.folder / "openssl.cnf"
        path.write_text(_CONFIG.format(folder=self.folder, signer=signer, digests=digests))
        return path

    def reply(self, query: Path, out: Path, *, digests: str = "sha256, sha384, sha512") -> Path:
        """The authority's answer to ``query`` (``digests`` limits what it grants)."""
        config = self._write_config("tsa", digests)
        openssl("ts", "-reply", "-queryfile", query, "-config", config,
                "-section", "tsa_config", "-out", out)
        return out

    def query(self, data: Path, out: Path) -> Path:
        """A request made by ``openssl ts -query``, over other data than the vault's."""
        openssl("ts", "-query", "-data", data, "-sha256", "-cert", "-out", out)
        return out


def openssl_verify(reply: Path, data: Path, ca: Path) -> subprocess.CompletedProcess[bytes]:
    """What a partner with standard tools runs; raises CalledProcessError if it fails."""
    return openssl("ts", "-verify", "-in", reply, "-data", data, "-CAfile", ca)
