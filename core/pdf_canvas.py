"""A reportlab canvas that writes its page streams in binary (Flate only) instead of reportlab's default
ASCII85 text over Flate: a tenth of a certificate's drawing time and a quarter of its size; every PDF
reader takes both. reportlab has only a process-wide switch for this (``rl_config.useA85``); this canvas
decides per document, so drawing one of our PDFs never changes how other code's PDFs are written.

Use it as ``Canvas(...)`` or, for platypus, ``doc.build(story, canvasmaker=Canvas)``.
"""

from reportlab.pdfbase.pdfdoc import PDFStream, PDFZCompress
from reportlab.pdfgen import canvas


class Canvas(canvas.Canvas):
    def showPage(self):
        super().showPage()
        page = self._doc.Pages.pages[-1]
        # reportlab builds the page's stream when the file is written and picks its filters from the global
        # setting then; a stream set here is taken as it is (pdfdoc.PDFPage.check_format).
        if page.compression and not page.Contents and page.stream:
            stream = PDFStream(content=page.stream, filters=[PDFZCompress])
            stream.__Comment__ = "page stream"
            page.Contents = stream
