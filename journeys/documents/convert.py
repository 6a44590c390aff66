"""A kept document as PDF pages: PDFs as they are (already re-written when uploaded), images
fitted to an A4 page by img2pdf (no re-compression), Word documents by LibreOffice headless.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import img2pdf
from PIL import Image

from journeys.documents.checks import DOCX, JPEG, PDF, PNG, DocumentRefused, image_open

A4 = (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))
MARGIN = img2pdf.mm_to_pt(15)
SOFFICE_TIMEOUT = 120  # seconds for one document


class ConversionUnavailable(RuntimeError):
    """LibreOffice is not installed here, so a Word document cannot become PDF pages."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def document_pdf(*, kind: str, content: bytes, name: str = "document") -> bytes:
    """The document's pages as a PDF. Raises DocumentRefused (with `name`) when a Word
    document cannot be converted, ConversionUnavailable without LibreOffice."""
    if kind == PDF:
        return content
    if kind in (JPEG, PNG):
        return _image_pdf(kind=kind, content=content)
    if kind == DOCX:
        return _docx_pdf(content, name=name)
    raise ValueError(f"unknown document kind {kind!r}")


def _image_pdf(*, kind: str, content: bytes) -> bytes:
    if kind == PNG:
        image = image_open(content)
        if image.mode not in ("RGB", "L", "1"):  # img2pdf refuses transparency: flatten
            flat = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            buffer = io.BytesIO()
            flat.save(buffer, "PNG")
            content = buffer.getvalue()
    layout = img2pdf.get_layout_fun(
        pagesize=A4, border=(MARGIN, MARGIN), fit=img2pdf.FitMode.into, auto_orient=False
    )
    return img2pdf.convert(content, layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)


def _docx_pdf(content: bytes, *, name: str) -> bytes:
    soffice = soffice_path()
    if soffice is None:
        raise ConversionUnavailable(
            "LibreOffice is not installed, so Word documents cannot be turned into PDF "
            "(install libreoffice-writer, which provides soffice)"
        )
    with tempfile.TemporaryDirectory(prefix="ehcp-docx-") as work:
        folder = Path(work)
        source = folder / "document.docx"
        source.write_bytes(content)
        # A profile of its own: two conversions at once must not share (and lock) one.
        profile = (folder / "profile").as_uri()
        try:
            subprocess.run(  # noqa: S603 (fixed arguments, no shell)
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=SOFFICE_TIMEOUT,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise DocumentRefused(f"{name}: the Word document could not be converted") from None
        result = folder / "document.pdf"
        if not result.exists():
            raise DocumentRefused(f"{name}: the Word document could not be converted")
        return result.read_bytes()
