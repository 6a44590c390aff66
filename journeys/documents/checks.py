"""What an uploaded file really is, and a clean copy of it to keep.

The type is read from the content, never the name. Nothing is passed through as uploaded:
- PDF: read with pypdf, refused when encrypted, broken or absurdly long, and re-written page
  by page into a new file, so the document's JavaScript, open action, embedded files,
  forms and every annotation's action (launch, JavaScript, submit...) are left behind;
- JPEG and PNG: opened by Pillow under a pixel limit (a decompression bomb is refused before
  it is decoded), turned upright and re-encoded, which also drops EXIF (a phone photo's GPS);
- DOCX: a ZIP with a Word document in it, within size limits when unpacked, without macros.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError
from pypdf.generic import NameObject

MAX_BYTES = 20 * 1024 * 1024  # what one upload may be (settings.EVIDENCE_MAX_BYTES agrees)
MAX_PAGES = 500  # more pages than any real report: a file claiming more is refused
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is fine; a bomb is thousands of times that
DOCX_MAX_UNPACKED = 100 * 1024 * 1024
DOCX_MAX_ENTRIES = 2000

PDF, JPEG, PNG, DOCX = "pdf", "jpeg", "png", "docx"
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx"}
# Annotations that are only there to act (play, attach, run): dropped whole.
ACTIVE_ANNOTATIONS = {"/Widget", "/Screen", "/Movie", "/Sound", "/FileAttachment", "/RichMedia"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm", "/GoToE"}


class DocumentRefused(ValueError):
    """The file cannot be kept; the message says why in plain English, for beside the field."""


@dataclass(frozen=True)
class CleanDocument:
    kind: str  # PDF, JPEG, PNG or DOCX
    content: bytes  # the clean copy: what is stored
    pages: int | None  # None for DOCX: known once converted (its own count is an estimate)
    pages_estimate: int | None = None


def sniff(content: bytes) -> str | None:
    """The kind of file the bytes are, from their content, or None."""
    if content[:1024].lstrip(b"\0\t\n\r ").startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"PK\x03\x04"):
        return DOCX  # checked properly in _clean_docx
    return None


def document_clean(content: bytes, *, max_bytes: int = MAX_BYTES) -> CleanDocument:
    """A clean copy of an uploaded document; raise DocumentRefused with the reason."""
    if not content:
        raise DocumentRefused("The selected file is empty")
    if len(content) > max_bytes:
        size = f"{max_bytes // (1024 * 1024)} MB" if max_bytes >= 1024 * 1024 else "the limit"
        raise DocumentRefused(f"The file must be smaller than {size}")
    kind = sniff(content)
    if kind is None:
        raise DocumentRefused("The file must be a PDF, JPEG, PNG or Word document (DOCX)")
    return {PDF: _clean_pdf, JPEG: _clean_image, PNG: _clean_image, DOCX: _clean_docx}[kind](
        content
    )


# -- PDF ------------------------------------------------------------------------------------


def pdf_reader(content: bytes) -> PdfReader:
    """A reader for a PDF that is not encrypted and not absurdly long; else DocumentRefused."""
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise DocumentRefused(
                "The PDF is protected with a password. Save a copy without the password "
                "(print it to PDF) and upload that"
            )
        # The page tree's own count first: refusing from it costs nothing, where walking a
        # tree that claims millions of pages would take the worker's time and memory.
        tree = reader.trailer["/Root"]["/Pages"]
        declared = tree.get("/Count")
        if isinstance(declared, int) and declared > MAX_PAGES:
            raise DocumentRefused(_too_many_pages(declared))
        _walk_page_tree(tree)  # a tree that lists one page a million times, cheaply refused
        count = len(reader.pages)
    except DocumentRefused:
        raise
    except LimitReachedError:  # pypdf's own limit on a page tree's entries
        raise DocumentRefused(_too_many_pages(None)) from None
    except (
        PyPdfError,
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        OSError,
    ):
        raise DocumentRefused("The PDF cannot be opened: it may be damaged") from None
    if count == 0:
        raise DocumentRefused("The PDF has no pages")
    if count > MAX_PAGES:
        raise DocumentRefused(_too_many_pages(count))
    return reader


def _walk_page_tree(root) -> None:
    """Visit the page tree, refusing it as soon as it reaches more than MAX_PAGES pages (or
    a few times that many entries), before pypdf builds its list of every page."""
    stack, pages, visited = [root], 0, 0
    while stack:
        node = stack.pop().get_object()
        visited += 1
        if visited > 4 * MAX_PAGES:
            raise DocumentRefused(_too_many_pages(None))
        kids = node.get("/Kids") if node.get("/Type") != "/Page" else None
        if kids is None:
            pages += 1
            if pages > MAX_PAGES:
                raise DocumentRefused(_too_many_pages(None))
        else:
            kids = kids.get_object()
            if len(kids) > 4 * MAX_PAGES:
                raise DocumentRefused(_too_many_pages(None))
            stack.extend(kids)


def _too_many_pages(count: int | None) -> str:
    says = f"The PDF says it has {count:,} pages" if count else "The PDF has far too many pages"
    return (
        f"{says}. A document of more than {MAX_PAGES} pages cannot be kept: upload the parts "
        "you rely on"
    )


def _clean_pdf(content: bytes) -> CleanDocument:
    reader = pdf_reader(content)
    writer = PdfWriter()
    try:
        for page in reader.pages:
            added = writer.add_page(page)
            _strip_page(added)
        buffer = io.BytesIO()
        writer.write(buffer)
    except (
        PyPdfError,
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        OSError,
    ):
        raise DocumentRefused("The PDF cannot be opened: it may be damaged") from None
    return CleanDocument(kind=PDF, content=buffer.getvalue(), pages=len(writer.pages))


def _strip_page(page) -> None:
    """Drop a page's own actions and every annotation that acts rather than shows."""
    for key in ("/AA",):
        if key in page:
            del page[NameObject(key)]
    annotations = page.get("/Annots")
    if annotations is None:
        return
    kept = []
    for ref in annotations.get_object():
        annotation = ref.get_object()
        if annotation.get("/Subtype") in ACTIVE_ANNOTATIONS:
            continue
        if "/AA" in annotation:
            del annotation[NameObject("/AA")]
        action = annotation.get("/A")
        if action is not None and action.get_object().get("/S") in ACTIVE_ACTIONS:
            del annotation[NameObject("/A")]
        kept.append(ref)
    if kept:
        from pypdf.generic import ArrayObject

        page[NameObject("/Annots")] = ArrayObject(kept)
    else:
        del page[NameObject("/Annots")]


# -- images -----------------------------------------------------------------------------------


def image_open(content: bytes) -> Image.Image:
    """A decoded image within the pixel limit; else DocumentRefused (a decompression bomb is
    refused from its header, before its pixels are decoded)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(content))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise DocumentRefused(
                    f"The picture is too large ({width:,} by {height:,} pixels). "
                    "Upload a smaller copy"
                )
            image.load()
    except DocumentRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DocumentRefused("The picture is too large. Upload a smaller copy") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise DocumentRefused("The picture cannot be opened: it may be damaged") from None
    return image


def _clean_image(content: bytes) -> CleanDocument:
    image = image_open(content)
    kind = JPEG if image.format == "JPEG" else PNG
    upright = ImageOps.exif_transpose(image)
    buffer = io.BytesIO()
    if kind == JPEG:
        upright.convert("RGB").save(buffer, "JPEG", quality=90, optimize=True)
    else:
        if upright.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
            upright = upright.convert("RGBA")
        upright.save(buffer, "PNG", optimize=False)
    return CleanDocument(kind=kind, content=buffer.getvalue(), pages=1)


# -- DOCX ------------------------------------------------------------------------------------


def _clean_docx(content: bytes) -> CleanDocument:
    refused = DocumentRefused("The file must be a PDF, JPEG, PNG or Word document (DOCX)")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise refused
            if len(entries) > DOCX_MAX_ENTRIES or (
                sum(entry.file_size for entry in entries) > DOCX_MAX_UNPACKED
            ):
                raise DocumentRefused("The Word document is too large once unpacked")
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise DocumentRefused(
                    "The Word document contains macros. Save it as a plain .docx and upload that"
                )
            if archive.testzip() is not None:
                raise DocumentRefused("The Word document cannot be opened: it may be damaged")
            estimate = _docx_pages(archive)
    except DocumentRefused:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        OSError,
        ValueError,
    ):
        raise DocumentRefused("The Word document cannot be opened: it may be damaged") from None
    return CleanDocument(kind=DOCX, content=content, pages=None, pages_estimate=estimate)


def _docx_pages(archive: zipfile.ZipFile) -> int | None:
    """The page count Word saved in docProps/app.xml (an estimate: it may be out of date)."""
    try:
        info = archive.getinfo("docProps/app.xml")
    except KeyError:
        return None
    if info.file_size > 1024 * 1024:
        return None
    found = re.search(rb"<(?:\w+:)?Pages>(\d{1,6})</", archive.read(info))
    return int(found.group(1)) if found else None
