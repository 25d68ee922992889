"""Bundles: signed, encrypted BagIt bags that carry evidence to partners.

See docs/bundle-format.md for the format.  The writer takes plain data (a
``BundleSpec``) and the reader hands out plain data (a ``BundleReport`` and
each evidence file's bytes), so the vault stays out of this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzarchive.util.lazy import lazy_names

if TYPE_CHECKING:
    from kzarchive.bundle.bundlejson import FileRecord
    from kzarchive.bundle.extract import Extracted, extract_verified
    from kzarchive.bundle.layout import FILE_SUFFIX, FORMAT_VERSION, new_bundle_id
    from kzarchive.bundle.reader import PayloadMismatch, read_bundle
    from kzarchive.bundle.report import (
        BundleError,
        BundleReport,
        Check,
        CheckpointInfo,
        FileResult,
        ForwardedBundleNotAccepted,
        SignerInfo,
        Status,
        UntrustedBundleSigner,
    )
    from kzarchive.bundle.writer import (
        BundleSpec,
        CustodyExport,
        PayloadFile,
        WrittenBundle,
        write_bundle,
        write_bundle_file,
    )

__all__ = [
    "FILE_SUFFIX",
    "FORMAT_VERSION",
    "BundleError",
    "BundleReport",
    "BundleSpec",
    "Check",
    "CheckpointInfo",
    "CustodyExport",
    "Extracted",
    "FileRecord",
    "FileResult",
    "ForwardedBundleNotAccepted",
    "PayloadFile",
    "PayloadMismatch",
    "SignerInfo",
    "Status",
    "UntrustedBundleSigner",
    "WrittenBundle",
    "extract_verified",
    "new_bundle_id",
    "read_bundle",
    "write_bundle",
    "write_bundle_file",
]

# Each name's module is imported on its first use: a command that only needs the
# report's types does not load the reader, the writer and their dependencies.
__getattr__ = lazy_names(__name__, {
    "kzarchive.bundle.bundlejson": ["FileRecord"],
    "kzarchive.bundle.extract": ["Extracted", "extract_verified"],
    "kzarchive.bundle.layout": ["FILE_SUFFIX", "FORMAT_VERSION", "new_bundle_id"],
    "kzarchive.bundle.reader": ["PayloadMismatch", "read_bundle"],
    "kzarchive.bundle.report": ["BundleError", "BundleReport", "Check", "CheckpointInfo",
                                "FileResult", "ForwardedBundleNotAccepted", "SignerInfo",
                                "Status", "UntrustedBundleSigner"],
    "kzarchive.bundle.writer": ["BundleSpec", "CustodyExport", "PayloadFile", "WrittenBundle",
                                "write_bundle", "write_bundle_file"],
})
