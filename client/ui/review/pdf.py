"""Print the session report to PDF with Qt's own printing (QPdfWriter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from exam_packages.errors import InputError


def write_pdf(html: str, images: dict[str, bytes], path: Path, title: str,
              creator: str = "Emtihan review") -> None:
    """Render ``html`` (with ``emtihan:`` image resources) to an A4 PDF at ``path``."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator(creator)
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    for name, data in images.items():
        image = QImage()
        if image.loadFromData(data):
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    del writer  # flushes and closes the file
    if not Path(path).exists() or Path(path).stat().st_size == 0:
        raise InputError(f"The PDF could not be written to {path}.", code="pdf_failed")
