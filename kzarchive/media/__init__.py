"""The media layer: what a file is, what it says about itself, and safe copies of it.

Everything works on seekable binary streams in memory (the vault's decrypting
readers); nothing here writes to disk.  See docs/media.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzarchive.util.lazy import lazy_names

if TYPE_CHECKING:
    from kzarchive.media.metadata import GpsPosition, MediaMetadata, read_metadata
    from kzarchive.media.redact import Box, RedactedImage, redact_image
    from kzarchive.media.sanitize import SanitizedImage, sanitize_image
    from kzarchive.media.streams import Stream
    from kzarchive.media.thumbnails import make_thumbnail
    from kzarchive.media.types import Kind, extension_for, kind_of, sniff

__all__ = [
    "Box",
    "GpsPosition",
    "Kind",
    "MediaMetadata",
    "RedactedImage",
    "SanitizedImage",
    "Stream",
    "extension_for",
    "kind_of",
    "make_thumbnail",
    "read_metadata",
    "redact_image",
    "sanitize_image",
    "sniff",
]

# Each name's module is imported on its first use: knowing a file's type must not
# load Pillow and every container parser.
__getattr__ = lazy_names(__name__, {
    "kzarchive.media.metadata": ["GpsPosition", "MediaMetadata", "read_metadata"],
    "kzarchive.media.redact": ["Box", "RedactedImage", "redact_image"],
    "kzarchive.media.sanitize": ["SanitizedImage", "sanitize_image"],
    "kzarchive.media.streams": ["Stream"],
    "kzarchive.media.thumbnails": ["make_thumbnail"],
    "kzarchive.media.types": ["Kind", "extension_for", "kind_of", "sniff"],
})
