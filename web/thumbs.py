"""Page thumbnails: one PNG per document page, rendered with pypdfium2 and cached on disk."""

from __future__ import annotations

import os
import re
import tempfile
import threading
from pathlib import Path

DOCUMENT_ID = re.compile(r"^[0-9a-f]{16}$")
_lock = threading.Lock()  # pdfium is not thread-safe


def thumb_path(data_dir: Path, document_id: str, page: int, width: int) -> Path:
    if not DOCUMENT_ID.match(document_id):
        raise ValueError("bad document id")
    return data_dir / "thumbs" / f"{document_id}-{page}-{width}.png"


def render_thumb(pdf: Path, page: int, width: int, target: Path) -> Path:
    """Render page ``page`` (1-based) of ``pdf`` to ``width`` pixels wide, written atomically."""
    if target.exists():
        return target
    import pypdfium2 as pdfium

    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock:
        if target.exists():
            return target
        document = pdfium.PdfDocument(str(pdf))
        try:
            if page < 1 or page > len(document):
                raise IndexError(page)
            pdf_page = document[page - 1]
            try:
                scale = width / pdf_page.get_width()
                bitmap = pdf_page.render(scale=scale)
                image = bitmap.to_pil()
            finally:
                pdf_page.close()
        finally:
            document.close()
        fd, tmp = tempfile.mkstemp(suffix=".png", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                image.save(handle, format="PNG", optimize=True)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return target


def drop_thumbs(data_dir: Path, document_id: str) -> None:
    """Forget cached pages of a removed or replaced document."""
    if not DOCUMENT_ID.match(document_id):
        return
    for path in (data_dir / "thumbs").glob(f"{document_id}-*.png"):
        path.unlink(missing_ok=True)
