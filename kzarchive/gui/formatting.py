"""Sizes, dates and times as the person's language writes them.

Every screen shows numbers through these functions, so "48,5 КБ" and "5 января 2022"
read the same everywhere. Stored values stay as they are (ISO 8601, bytes); only their
display changes. A value these functions cannot read is shown unchanged rather than
dropped: a strange date is still evidence of something.

Translations live in the "Formatting" context: the date patterns are Qt date patterns
(``d MMMM yyyy``) chosen by each translation, since word order differs (Kazakh puts
the year first: "2022 ж. 5 қаңтар").
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, QObject, QTime

_UNITS = (
    ("KB", 1024),
    ("MB", 1024 ** 2),
    ("GB", 1024 ** 3),
    ("TB", 1024 ** 4),
)


class Formatting(QObject):
    """The words of this module, as a QObject so that lupdate sees the ``%n`` plurals
    (it finds them in ``tr()`` only, not in ``QCoreApplication.translate``)."""

    def byte_count(self, size: int) -> str:
        return self.tr("%n byte(s)", "", size)

    def unit(self, unit: str) -> str:
        # Spelled out one by one so that lupdate finds each word.
        words = {"KB": self.tr("KB"), "MB": self.tr("MB"), "GB": self.tr("GB"),
                 "TB": self.tr("TB")}
        return words[unit]

    def date_pattern(self) -> str:
        return self.tr("d MMMM yyyy")

    def month_and_year(self) -> str:
        return self.tr("{month} {year}")

    def date_and_time(self) -> str:
        return self.tr("{date}, {time}")

    def utc(self) -> str:
        return self.tr("UTC: {moment}")

    def no_zone(self) -> str:
        return self.tr("As recorded, time zone unknown: {moment}")

    def as_recorded(self) -> str:
        return self.tr("As recorded: {moment}")


_WORDS = Formatting()

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def data_size(size: int) -> str:
    """"166 bytes", "48.5 KB"; in Russian "166 байт", "48,5 КБ" (1 KB = 1024 bytes).

    Qt's own ``formattedDataSize`` says "166 байты" and "KiБ", which no Russian or
    Kazakh reader writes; hence the words here, with bytes through Qt's plurals.
    """
    if size < 1024:
        return _WORDS.byte_count(size)
    unit, scale = next(((u, s) for u, s in _UNITS if size < s * 1024), _UNITS[-1])
    value = size / scale
    text = QLocale().toString(value, "f", 1 if value < 100 else 0)
    return f"{text} {_WORDS.unit(unit)}"


def _date_text(day: dt.date) -> str:
    pattern = _WORDS.date_pattern()
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def _time_text(moment: dt.time, seconds: bool) -> str:
    pattern = "HH:mm:ss" if seconds else "HH:mm"
    return QLocale().toString(QTime(moment.hour, moment.minute, moment.second), pattern)


def _month_text(year: int, month: int) -> str:
    name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
    # Standalone month names start with a capital in some locales (Kazakh "Қаңтар").
    return _WORDS.month_and_year().format(
        month=name.lower() if QLocale().language() != QLocale.Language.English else name,
        year=year)


def _parse(value: str) -> dt.datetime | dt.date | None:
    try:
        if "T" in value or " " in value:
            return dt.datetime.fromisoformat(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def local_moment(value: str, zone: dt.tzinfo | None = None) -> dt.datetime | None:
    """A timestamp with a zone, in ``zone`` (default: this computer's), else as it is."""
    parsed = _parse(value)
    if not isinstance(parsed, dt.datetime):
        return None
    if parsed.tzinfo is None:
        return parsed
    return parsed.astimezone(zone) if zone is not None else parsed.astimezone()


def date_text(value: str | None) -> str:
    """An incident date at its precision: "2022", "January 2022", "5 January 2022", with time.

    Incident dates carry no zone: they are the local time where it happened, so they
    are shown as written, never moved to this computer's zone.
    """
    if not value:
        return ""
    partial = _PARTIAL_DATE.match(value)
    if partial:
        year, month = partial.groups()
        if month is None:
            return year
        if 1 <= int(month) <= 12:
            return _month_text(int(year), int(month))
        return value
    return moment_text(value)


def date_range(start: str | None, end: str | None) -> str:
    """"5 January 2022 – 10 January 2022"; just the start when the end is missing or equal."""
    if not start:
        return ""
    if not end or end == start:
        return date_text(start)
    return f"{date_text(start)} – {date_text(end)}"


def moment_text(value: str | None, zone: dt.tzinfo | None = None, *,
                seconds: bool = False) -> str:
    """A date or date and time in the person's words and time zone; unreadable: unchanged."""
    if not value:
        return ""
    parsed = _parse(value)
    if parsed is None:
        return value
    if not isinstance(parsed, dt.datetime):
        return _date_text(parsed)
    moment = local_moment(value, zone) or parsed
    return _WORDS.date_and_time().format(
        date=_date_text(moment.date()), time=_time_text(moment.time(), seconds))


def moment_tooltip(value: str | None) -> str:
    """What to show on hover: the UTC value, or the value as recorded when it has no zone."""
    if not value:
        return ""
    parsed = _parse(value)
    if isinstance(parsed, dt.datetime) and parsed.tzinfo is not None:
        utc = parsed.astimezone(dt.UTC)
        return _WORDS.utc().format(
            moment=utc.strftime("%Y-%m-%d %H:%M:%S"))
    if isinstance(parsed, dt.datetime):
        return _WORDS.no_zone().format(moment=value)
    return _WORDS.as_recorded().format(moment=value)
