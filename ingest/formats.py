"""What kind of file an upload is, decided from its bytes, never from its name.

Exempelbanken reads PDFs and the office files coordinators make them from: Word (DOCX),
PowerPoint (PPTX) and their OpenDocument counterparts (ODT, ODP). An office file is a ZIP
archive whose content-type list (OOXML) or ``mimetype`` entry (OpenDocument) names what it is; a
PDF renamed ``.docx`` is still a PDF, and a ZIP of anything else is refused. The archive's own
directory is checked before LibreOffice opens it (entries, unpacked size), so a ZIP bomb costs
nothing. The checks are few and specific to the formats we accept, which is why they are written
here rather than taken from a file-type library (those guess from names or need libmagic).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ingest.errors import CorruptOfficeError, EncryptedPdfError, NotPdfError, ResourceLimitError

MAX_ENTRIES = 5000
MAX_UNPACKED = 512 * 1024 * 1024
MAX_PART = 4 * 1024 * 1024  # the content-type list and manifest are small XML files
ACCEPTED_SV = "PDF, Word (.docx), PowerPoint (.pptx) eller OpenDocument (.odt, .odp)"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FileFormat:
    """A readable format: ``name`` (pdf, docx, pptx, odt, odp), its file ending, its MIME type
    and how a Swedish message names a file of it."""

    name: str
    suffix: str
    mimetype: str
    noun_sv: str

    @property
    def is_office(self) -> bool:
        return self.name != "pdf"


PDF = FileFormat("pdf", ".pdf", "application/pdf", "PDF-filen")
DOCX = FileFormat(
    "docx", ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word-dokumentet")
PPTX = FileFormat(
    "pptx", ".pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PowerPoint-presentationen")
ODT = FileFormat("odt", ".odt", "application/vnd.oasis.opendocument.text", "OpenDocument-texten")
ODP = FileFormat("odp", ".odp", "application/vnd.oasis.opendocument.presentation",
                 "OpenDocument-presentationen")
FORMATS = {f.name: f for f in (PDF, DOCX, PPTX, ODT, ODP)}
UPLOAD_SUFFIXES = tuple(f.suffix for f in FORMATS.values())

# the main part's content type in [Content_Types].xml
_OOXML_MAIN = {
    b"wordprocessingml.document.main+xml": DOCX,
    b"presentationml.presentation.main+xml": PPTX,
}
_OOXML_REFUSED = {
    b"macroEnabled": "Filen innehåller makron (.docm, .pptm) och läses inte in av säkerhetsskäl. "
                     "Spara den som .docx, .pptx eller PDF och ladda upp den igen.",
    b"spreadsheetml": "Kalkylblad (Excel) kan inte läsas in; exempelbanken läser nyhetsbrev och "
                      "affischer som " + ACCEPTED_SV + ".",
}
# names of parts that open an office archive: seen in its first bytes even when it is cut off
_OFFICE_PARTS = (b"[Content_Types].xml", b"mimetypeapplication/vnd.oasis", b"word/", b"ppt/")
_ODF_MIMETYPES = {ODT.mimetype.encode(): ODT, ODP.mimetype.encode(): ODP}


def detect(data: bytes) -> FileFormat:
    """The format of ``data``; ``NotPdfError`` (and kin) with a Swedish reason for anything
    Exempelbanken cannot read."""
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(OLE_MAGIC):
        raise NotPdfError(
            "Filen är i ett äldre Office-format (.doc, .ppt) eller lösenordsskyddad. Spara den "
            "som .docx, .pptx eller PDF utan lösenord och ladda upp den igen.")
    if data.startswith(b"PK\x03\x04"):
        return _office_format(data)
    raise NotPdfError(
        f"Filen är varken PDF eller ett Office-dokument som kan läsas ({ACCEPTED_SV}).")


def _office_format(data: bytes) -> FileFormat:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        if any(marker in data[:4096] for marker in _OFFICE_PARTS):  # a cut-off office file
            raise CorruptOfficeError("Office-dokumentet är skadat eller ofullständigt och kan "
                                     "inte läsas.") from exc
        raise NotPdfError(f"Filen är varken PDF eller ett Office-dokument som kan läsas "
                          f"({ACCEPTED_SV}).") from exc
    _check_size(entries)
    names = {entry.filename: entry for entry in entries}
    if "[Content_Types].xml" in names:
        fmt = _ooxml(_part(archive, names["[Content_Types].xml"]))
    elif "mimetype" in names:
        fmt = _odf(_part(archive, names["mimetype"]).strip())
        manifest = names.get("META-INF/manifest.xml")
        if manifest is not None and b"encryption-data" in _part(archive, manifest):
            raise EncryptedPdfError(f"{fmt.noun_sv} är lösenordsskyddat och kan inte läsas. "
                                    "Ta bort lösenordet och ladda upp filen igen.")
    else:
        raise NotPdfError(f"Filen är ett ZIP-arkiv men inget Office-dokument ({ACCEPTED_SV}).")
    return fmt


def _check_size(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
        raise ResourceLimitError(
            "Office-dokumentet packas upp till mer än "
            f"{MAX_UNPACKED // (1024 * 1024)} MB eller {MAX_ENTRIES} delar och läses inte in.")


def _part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    if entry.file_size > MAX_PART:
        raise CorruptOfficeError("Office-dokumentets innehållsförteckning är onormalt stor.")
    try:
        return archive.read(entry)[:MAX_PART]
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise CorruptOfficeError("Office-dokumentet är skadat och kan inte läsas.") from exc


def _ooxml(types: bytes) -> FileFormat:
    for marker, message in _OOXML_REFUSED.items():
        if marker in types:
            raise NotPdfError(message)
    for marker, fmt in _OOXML_MAIN.items():
        if marker in types:
            return fmt
    raise NotPdfError(f"Office-dokumentet är av ett slag som inte kan läsas in ({ACCEPTED_SV}).")


def _odf(mimetype: bytes) -> FileFormat:
    fmt = _ODF_MIMETYPES.get(mimetype)
    if fmt is None:
        raise NotPdfError(
            f"OpenDocument-filen är av ett slag som inte kan läsas in ({ACCEPTED_SV}).")
    return fmt
