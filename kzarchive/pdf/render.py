"""The report model as a PDF: reportlab's platypus, real text, fonts embedded.

DejaVu Sans carries every Russian and Kazakh letter; it and DejaVu Sans Mono
(for hashes, ids and commands) ship in ``resources/fonts`` and are embedded as
subsets, so the text stays selectable and searchable on any reader.  Long
tables repeat their header row on every page and break only between rows; an
item is one row, so it never splits.  Every page ends with the report's id,
"page x of y" (a second pass, once the page count is known), the page hash
and a QR code of it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
    XPreformatted,
)

from kzarchive.errors import ReportUnavailable
from kzarchive.pdf import model as m
from kzarchive.pdf.labels import Labels
from kzarchive.resources import resource_path

SANS, BOLD, MONO = "KzSans", "KzSans-Bold", "KzMono"
_FONT_FILES = {SANS: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
FOOTER = 27 * mm  # room at the bottom of every page for the id, page number, hash and QR
QR_SIZE = 21 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN

_GRID = colors.HexColor("#9aa3ad")
_HEADER_BACKGROUND = colors.HexColor("#e6e9ed")
_VERDICT_COLOURS = {
    m.VERDICT_OK: (colors.HexColor("#e3f4e6"), colors.HexColor("#1e7b34")),
    m.VERDICT_UNTRUSTED: (colors.HexColor("#fff3d6"), colors.HexColor("#9a6500")),
    m.VERDICT_FAILED: (colors.HexColor("#fbe1e1"), colors.HexColor("#b3261e")),
}


def register_fonts() -> None:
    """Registers the shipped fonts with reportlab once (its own registry keeps them)."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, file in _FONT_FILES.items():
        if name in known:
            continue
        path = resource_path("fonts", file)
        if not path.is_file():
            raise ReportUnavailable(what=f"the font {file} is missing")
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except TTFError as error:
            raise ReportUnavailable(what=f"the font {file} cannot be read ({error})") from None


def _style(name: str, font: str = SANS, size: float = 8.5, leading: float | None = None,
           **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size,
                          leading=leading if leading is not None else size * 1.25,
                          alignment=TA_LEFT, **extra)


TITLE = _style("title", BOLD, 16, 20, spaceAfter=4)
# A heading is never the last line of a page: it moves on with what follows it.
HEADING = _style("heading", BOLD, 11.5, 15, spaceBefore=9, spaceAfter=4, keepWithNext=1)
SUBHEADING = _style("subheading", BOLD, 9.5, 12, spaceBefore=5, spaceAfter=3, keepWithNext=1)
BODY = _style("body", SANS, 8.5)
SMALL = _style("small", SANS, 7.5)
NAME = _style("name", BOLD, 8.5, wordWrap="CJK")
# CJK wrapping breaks anywhere, so a hash or fingerprint that does not fit a cell
# goes on to the next line instead of being clipped.
HASH = _style("hash", MONO, 7.8, 9.6, wordWrap="CJK")
CODE = _style("code", MONO, 7.2, 9.2)
VERDICT = _style("verdict", BOLD, 13, 16)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """A plain table cell wrapped to ``width``: much faster than a Paragraph per cell."""
    return "\n".join(simpleSplit(text, font, size, width)) or ""


def _table(rows: list[list[Any]], widths: Sequence[float], header: bool = True,
           mono_columns: Sequence[int] = (), size: float = 7.5) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, size, size * 1.25),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    style += [("FONT", (column, 1 if header else 0), (column, -1), MONO, size - 0.6,
               size * 1.25) for column in mono_columns]
    if header:
        style += [("FONT", (0, 0), (-1, 0), BOLD, size, size * 1.25),
                  ("BACKGROUND", (0, 0), (-1, 0), _HEADER_BACKGROUND)]
    table.setStyle(TableStyle(style))
    return table


def _pairs(pairs: Sequence[tuple[str, Flowable | str]]) -> Table:
    """A two-column table of labels and values."""
    rows = [[_p(label, SMALL), value if isinstance(value, Flowable) else _p(value)]
            for label, value in pairs]
    return _table(rows, [WIDTH * 0.27, WIDTH * 0.73], header=False)


class _Renderer:
    def __init__(self, report: m.ReportModel):
        self.report = report
        self.t = Labels(report.language)

    # -- the whole document ------------------------------------------------------------

    def story(self) -> list[Flowable]:
        report, t = self.report, self.t
        story: list[Flowable] = [
            _p(t("title.incidents" if report.kind == m.INCIDENTS else "title.bundle"), TITLE),
            self._meta(), Spacer(1, 5), self._verdict(), Spacer(1, 2)]
        story += self._signer()
        if report.checks:
            story += self._checks()
        for incident in report.incidents:
            story += self._incident(incident)
        story += self._checkpoint()
        story += self._records(
            "section.timestamps", [t("col.time"), t("col.authority"), t("col.tree_size"),
                                   t("col.status")],
            [[r.time, r.authority, str(r.tree_size), t.optional("stamp_status", r.status)]
             for r in report.timestamps],
            [0.22, 0.46, 0.12, 0.20])
        story += self._records(
            "section.receipts", [t("col.partner"), t("col.fingerprint"), t("col.time"),
                                 t("col.result")],
            [[r.partner, r.fingerprint, r.time, t.optional("receipt_result", r.result)]
             for r in report.receipts],
            [0.2, 0.44, 0.18, 0.18])
        story += self._recheck()
        return story

    def _meta(self) -> Table:
        report, t = self.report, self.t
        left_out = [t("privacy.names")] if not report.include_names else []
        if not report.include_gps:
            left_out.append(t("privacy.gps"))
        pairs: list[tuple[str, Flowable | str]] = [(t("meta.created"), report.created)]
        if report.bundle_id:
            pairs.append((t("meta.bundle"), Paragraph(escape(report.bundle_id), HASH)))
        if report.checkpoint is not None:
            pairs.append((t("meta.vault"), Paragraph(escape(report.checkpoint.vault_id), HASH)))
        pairs.append((t("meta.privacy"), ", ".join(left_out) or t("privacy.nothing")))
        return _pairs(pairs)

    def _verdict(self) -> Table:
        verdict, t = self.report.verdict, self.t
        background, ink = _VERDICT_COLOURS[verdict.status]
        word = {m.VERDICT_OK: "status.ok", m.VERDICT_UNTRUSTED: "status.untrusted",
                m.VERDICT_FAILED: "status.failed"}[verdict.status]
        cell: list[Flowable] = [
            Paragraph(escape(f"{t('section.verdict')}: {t(word)}"),
                      _style("verdict-ink", BOLD, 13, 16, textColor=ink)),
            Spacer(1, 3), _p(t(verdict.reason, **verdict.params))]
        if verdict.technical:
            cell += [Spacer(1, 2), _p(f"{t('verdict.technical')}: {verdict.technical}", SMALL)]
        box = Table([[cell]], colWidths=[WIDTH])
        box.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), SANS, 8.5),  # never reportlab's Helvetica, not embedded
            ("BACKGROUND", (0, 0), (-1, -1), background),
            ("BOX", (0, 0), (-1, -1), 1.4, ink),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
        return box

    def _signer(self) -> list[Flowable]:
        signer, t = self.report.signer, self.t
        pairs: list[tuple[str, Flowable | str]] = [
            (t("signer.fingerprint"),
             Paragraph(escape(signer.fingerprint or t("item.unknown")), HASH))]
        if signer.minisign_key_id:
            pairs.append((t("signer.key_id"), Paragraph(escape(signer.minisign_key_id), HASH)))
        if signer.contact_name:
            pairs.append((t("signer.contact"), signer.contact_name))
        if signer.verified_at:
            pairs.append((t("signer.verified_at"), signer.verified_at))
        pairs.append((t("signer.how"), t(signer.how)))
        return [_p(t("section.signer"), HEADING), _pairs(pairs)]

    def _checks(self) -> list[Flowable]:
        t = self.t
        widths = [WIDTH * 0.3, WIDTH * 0.13, WIDTH * 0.57]
        rows: list[list[Any]] = [[_fit(text, BOLD, 7.5, width - 6) for text, width in zip(
            (t("col.check"), t("col.result"), t("col.detail")), widths, strict=True)]]
        for check in self.report.checks:
            rows.append([_fit(t.optional("check", check.name), SANS, 7.5, widths[0] - 6),
                         t(f"status.{check.status}"),
                         _fit(check.technical, SANS, 7.5, widths[2] - 6)])
        return [_p(t("section.checks"), HEADING), _table(rows, widths)]

    # -- incidents ---------------------------------------------------------------------

    def _incident(self, incident: m.IncidentSection) -> list[Flowable]:
        t = self.t
        pairs: list[tuple[str, Flowable | str]] = [
            (t("field.id"), Paragraph(escape(incident.id), HASH))]
        if incident.occurred:
            pairs.append((t("field.occurred"), incident.occurred))
        if incident.place:
            pairs.append((t("field.place"), incident.place))
        if incident.coordinates:
            pairs.append((t("field.coordinates"), incident.coordinates))
        pairs.append((t("field.status"), t.optional("incident_status", incident.status)))
        if incident.violations:
            pairs.append((t("field.violations"),
                          ", ".join(t.optional("violation", v) for v in incident.violations)))
        story: list[Flowable] = [
            _p(t("section.incident", title=incident.title), HEADING), _pairs(pairs)]
        story += self._people(incident.people)
        story += self._items(incident)
        story += self._custody(incident.custody)
        return story

    def _people(self, people: Sequence[m.PersonRow]) -> list[Flowable]:
        t = self.t
        story: list[Flowable] = [_p(t("section.people"), SUBHEADING)]
        if not self.report.include_names:
            story.append(_p(t("people.names_left_out"), SMALL))
        if not people:
            return [*story, _p(t("none"))]
        header = [t("col.role"), t("col.pseudonym")]
        if self.report.include_names:
            header.append(t("col.real_name"))
        header.append(t("col.consent"))
        rows: list[list[Any]] = [header]
        for person in people:
            row = [t.optional("role", person.role), _p(person.pseudonym)]
            if self.report.include_names:
                row.append(_p(person.real_name))
            row.append(t("yes") if person.consent_given else t("no"))
            rows.append(row)
        share = [0.2, 0.35, 0.3, 0.15] if self.report.include_names else [0.25, 0.55, 0.2]
        return [*story, _table(rows, [WIDTH * s for s in share])]

    def _items(self, incident: m.IncidentSection) -> list[Flowable]:
        t = self.t
        story: list[Flowable] = [_p(t("section.items", count=len(incident.items)), SUBHEADING)]
        rows: list[list[Any]] = [[t("col.no"), t("col.item")]]
        for number, item in enumerate(incident.items, 1):
            rows.append([str(number), self._item_cell(item)])
        if len(rows) > 1:
            story.append(_table(rows, [WIDTH * 0.06, WIDTH * 0.94]))
        else:
            story.append(_p(t("none")))
        if incident.withheld:
            story.append(Spacer(1, 3))
            story.append(_p(t("items.withheld"), SMALL))
            story += [Paragraph(escape(sha), HASH) for sha in incident.withheld]
        return story

    def _item_cell(self, item: m.ItemRow) -> list[Flowable]:
        t = self.t
        unknown = t("item.unknown")
        facts = [f"{t('item.kind')}: {t.optional('kind', item.kind)} ({item.mime})",
                 f"{t('item.size')}: {t('item.bytes', size=f'{item.size:,}')}",
                 f"{t('item.captured')}: {item.captured_at or unknown}",
                 f"{t('item.collected')}: {item.collected_at or unknown}"]
        cell: list[Flowable] = [
            Paragraph(escape(item.name), NAME),
            Paragraph(f"SHA-256 {escape(item.sha256)}", HASH),
            _p("  ·  ".join(facts), SMALL),
            Paragraph(f"{escape(t('item.collector'))}: <font name='{MONO}'>"
                      f"{escape(item.collector or unknown)}</font>", SMALL)]
        more = []
        if item.sent:
            more.append(f"{t('item.sent')}: {t('sent.' + item.sent)}")
        if item.derivation or item.derived_from:
            key = {"redaction": "derivation.redaction", "sanitized": "derivation.sanitized"}.get(
                item.derivation, "derivation.copy")
            more.append(f"{t('item.derivation')}: "
                        + t(key, original=item.derived_from or unknown, boxes=item.redacted_boxes))
        if item.gps:
            more.append(f"{t('item.gps')}: {item.gps}")
        if more:
            cell.append(_p("  ·  ".join(more), SMALL))
        if item.original_sha256 and item.original_sha256 != item.sha256:
            cell.append(Paragraph(f"{escape(t('item.original_sha256'))} "
                                  f"{escape(item.original_sha256)}", HASH))
        return cell

    def _custody(self, custody: Sequence[m.CustodyRow]) -> list[Flowable]:
        t = self.t
        story: list[Flowable] = [_p(t("section.custody"), SUBHEADING)]
        if not custody:
            return [*story, _p(t("none"))]
        # Fingerprints are 60 digits: each appears once, above the table, and the table
        # names it by a short mark, so that a row stays one or two lines.
        marks: dict[str, str] = {}
        for row in custody:
            for who in (row.chain, row.actor):
                if who and who not in marks:
                    marks[who] = f"V{len(marks) + 1}"
        story += [Paragraph(f"{escape(mark)} = <font name='{MONO}'>{escape(who)}</font>", SMALL)
                  for who, mark in marks.items()]
        story.append(Spacer(1, 3))
        # The last column holds a whole leaf hash on one line in the monospace font.
        widths = [WIDTH * share for share in (0.07, 0.18, 0.18, 0.05, 0.52)]
        header = [t("col.seq"), t("col.time"), t("col.action"), t("col.actor"), t("col.subject")]
        rows: list[list[Any]] = [[_fit(text, BOLD, 7, width - 6)
                                  for text, width in zip(header, widths, strict=True)]]
        for row in custody:
            action = t.optional("action", row.action)
            seq = str(row.seq) if row.chain == custody[0].chain else \
                f"{row.seq} ({marks.get(row.chain, '')})"
            rows.append([seq, row.ts, _fit(action, SANS, 7, widths[2] - 6),
                         marks.get(row.actor, row.actor),
                         f"{row.item_id}\n{row.leaf_hash}" if row.item_id else row.leaf_hash])
        story.append(_table(rows, widths, mono_columns=(4,), size=7))
        return story

    # -- proofs, trusted time, receipts, re-checking -----------------------------------

    def _checkpoint(self) -> list[Flowable]:
        point, t = self.report.checkpoint, self.t
        story: list[Flowable] = [_p(t("section.checkpoint"), HEADING)]
        if point is None:
            return [*story, _p(t("checkpoint.none"))]
        story.append(_pairs([
            (t("checkpoint.vault"), Paragraph(escape(point.vault_id), HASH)),
            (t("checkpoint.size"), str(point.size)),
            (t("checkpoint.root"), Paragraph(escape(point.root), HASH)),
            (t("checkpoint.signature"),
             t("checkpoint.signed") if point.signed else t("checkpoint.unsigned"))]))
        story.append(Spacer(1, 3))
        story.append(_p(t(point.inclusion, included=point.included)))
        story.append(_p(t(point.consistency, size=point.consistency_from)))
        return story

    def _records(self, title: str, header: list[str], rows: list[list[str]],
                 shares: list[float]) -> list[Flowable]:
        story: list[Flowable] = [_p(self.t(title), HEADING)]
        if not rows:
            return [*story, _p(self.t("none"))]
        widths = [WIDTH * share for share in shares]
        body = [[_fit(value, SANS, 7.5, width - 6) for value, width in zip(row, widths,
                                                                          strict=True)]
                for row in rows]
        head = [_fit(text, BOLD, 7.5, width - 6) for text, width in zip(header, widths,
                                                                         strict=True)]
        return [*story, _table([head, *body], widths)]

    def _recheck(self) -> list[Flowable]:
        report, t = self.report, self.t
        bag = report.bundle_id or "<bundle id>"
        steps = [
            (t("recheck.age"), "age -d -i my-key.txt BUNDLE.kzb | tar -x"),
            (t("recheck.minisign"),
             f"minisign -V -p {bag}/sender.pub \\\n  -m {bag}/tagmanifest-sha256.txt"),
            (t("recheck.bagit"), f"bagit.py --validate {bag}"),
            (t("recheck.bundle_hash"), f"sha256sum {bag}/tagmanifest-sha256.txt"),
            (t("recheck.openssl"),
             f"openssl ts -verify -CAfile tsa-ca.pem \\\n"
             f"  -in {bag}/data/custody/stamps/SIZE.tsr \\\n"
             f"  -data {bag}/data/custody/stamps/SIZE.txt"),
            (t("recheck.item"), f"sha256sum {bag}/data/files/ITEM-ID.*"),
        ]
        intro = "recheck.bundle_intro" if report.kind == m.BUNDLE else "recheck.incidents_intro"
        blocks = [[Spacer(1, 3), _p(f"{number}. {what}"), XPreformatted(escape(command), CODE)]
                  for number, (what, command) in enumerate(steps, 1)]
        # The heading stays with its first step.
        story: list[Flowable] = [KeepTogether([_p(t("section.recheck"), HEADING), _p(t(intro)),
                                               *blocks[0]])]
        story += [KeepTogether(block) for block in blocks[1:]]
        if report.anchor == m.ANCHOR_CONTENT:
            story += [Spacer(1, 4), _p(t("recheck.content_hash"))]
        return story


class _Footer:
    """Draws the footer of every page once the page count is known."""

    def __init__(self, report: m.ReportModel):
        t = Labels(report.language)
        self.t = t
        self.report_id = t("footer.report", id=report.report_id)
        self.anchor_label = t(f"footer.anchor.{report.anchor}")
        # A bundle that failed before its tag manifest was read has no hash to show.
        self.anchor = report.anchor_sha256 or "—"
        self.qr = segno.make(self.anchor or report.report_id, error="m")

    def draw(self, pdf: canvas.Canvas, page: int, pages: int) -> None:
        top = FOOTER - 4 * mm
        pdf.saveState()
        pdf.setStrokeColor(_GRID)
        pdf.setLineWidth(0.5)
        pdf.line(MARGIN, top, PAGE_WIDTH - MARGIN, top)
        pdf.setFillColor(colors.black)
        pdf.setFont(SANS, 7.5)
        pdf.drawString(MARGIN, top - 10, self.report_id)
        pdf.drawRightString(PAGE_WIDTH - MARGIN - QR_SIZE - 4 * mm, top - 10,
                            self.t("footer.page", page=page, pages=pages))
        pdf.drawString(MARGIN, top - 21, self.anchor_label)
        pdf.setFont(MONO, 7.5)
        pdf.drawString(MARGIN, top - 31, self.anchor)
        self._draw_qr(pdf, PAGE_WIDTH - MARGIN - QR_SIZE, top - QR_SIZE - 2)
        pdf.restoreState()

    def _draw_qr(self, pdf: canvas.Canvas, x: float, y: float) -> None:
        rows = list(self.qr.matrix_iter(scale=1, border=2))
        cell = QR_SIZE / len(rows)
        pdf.setFillColor(colors.black)
        for r, row in enumerate(rows):
            for c, dark in enumerate(row):
                if dark:
                    pdf.rect(x + c * cell, y + QR_SIZE - (r + 1) * cell, cell, cell,
                             stroke=0, fill=1)


def _canvas_maker(footer: _Footer) -> Callable[..., canvas.Canvas]:
    class NumberedCanvas(canvas.Canvas):
        """Keeps each finished page until the end, when "of y" is known."""

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own, untyped

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                footer.draw(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(report: m.ReportModel, out: BinaryIO) -> int:
    """Writes the report as a PDF to ``out``; returns its page count.

    Raises ReportUnavailable when the shipped fonts are missing.
    """
    register_fonts()
    t = Labels(report.language)
    title = t("title.incidents" if report.kind == m.INCIDENTS else "title.bundle")
    document = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=FOOTER, title=f"{title} {report.report_id}", author="",
        subject="", creator="kzarchive", lang=report.language,
        # Otherwise every page names Helvetica, a font that is not embedded.
        initialFontName=SANS, initialFontSize=8.5)
    footer = _Footer(report)
    maker = _canvas_maker(footer)
    pages: list[int] = []

    def count(pdf: canvas.Canvas, _document: Any) -> None:
        pages.append(pdf.getPageNumber())

    document.build(_Renderer(report).story(), onFirstPage=count, onLaterPages=count,
                   canvasmaker=maker)
    return len(pages)


def render_bytes(report: m.ReportModel) -> bytes:
    """The PDF in memory (for tests and previews)."""
    buffer = io.BytesIO()
    render(report, buffer)
    return buffer.getvalue()
