"""Validation and search helpers for the data model (no database access)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from decimal import Decimal, InvalidOperation
from typing import Any

from kzarchive.errors import BadInput
from kzarchive.service.models import Incident


def new_id() -> str:
    """Ids are random (not counters): they travel in bundles and must not collide."""
    return secrets.token_hex(8)


_DATE_FORMATS = (
    (re.compile(r"^\d{4}$"), "%Y"),
    (re.compile(r"^\d{4}-\d{2}$"), "%Y-%m"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "%Y-%m-%d"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$"), "%Y-%m-%dT%H:%M"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"), "%Y-%m-%dT%H:%M:%SZ"),
)


def check_date(value: Any, what: str) -> str | None:
    """A date as people know it: a year, a month, a day or a minute (ISO 8601)."""
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    for pattern, fmt in _DATE_FORMATS:
        if pattern.match(text):
            try:
                dt.datetime.strptime(text, fmt)
            except ValueError:
                break
            return text
    raise BadInput(what=f"{what} '{text}' is not a date",
                   hint="Write it as 2022-01-05, 2022-01, 2022 or 2022-01-05T14:30.")


def check_coordinate(value: Any, what: str) -> str | None:
    """Coordinates are kept as decimal text: no float rounding in hashed records."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise BadInput(what=f"{what} '{value}' is not a number") from None
    limit = 90 if what == "latitude" else 180
    if not number.is_finite() or abs(number) > limit:
        raise BadInput(what=f"{what} {value} is out of range (±{limit})")
    return format(number.normalize(), "f")


def incident_search_text(incident: Incident) -> str:
    return "\n".join([incident.title, incident.description, incident.place, *incident.tags])


def match_expression(query: str) -> tuple[str, list[str]]:
    """An FTS5 query for the trigram index, and the terms too short for it.

    Every word must occur as a substring ("журналист" finds "журналиста"); words of
    fewer than three characters fall back to LIKE, which trigrams cannot serve.
    """
    words = query.split()
    long_words = [w for w in words if len(w) >= 3]
    short_words = [w for w in words if len(w) < 3]
    expression = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
    return expression, short_words
