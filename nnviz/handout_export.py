"""The worked example as a file a lecturer can print: Markdown, HTML or PDF, with a diagram of
the network for each phase.

The text is `nnviz.lesson.handout` (pure Python); this module adds what needs Qt: the diagrams,
drawn offscreen by the app's own `NetworkView` from the phase values `StepThrough` prepares, and
the PDF (QTextDocument printed on a QPdfWriter). The words are in the language whose translator
is installed (`nnviz.app.install_translation`).

    write_handout(trace, "pass.pdf", example=0, digits=4)      # .md, .html or .pdf
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

from .engine.atomic import atomic_write_bytes, atomic_write_text
from .lesson.handout import handout_html, handout_markdown

FORMATS = (".md", ".html", ".pdf")
#: The diagram's size in pixels before `export_png`'s 2× scale.
DIAGRAM_SIZE = (760, 420)


def _application():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _base_snapshot(trace):
    """A snapshot carrying `trace`, with the weights before the step (what the GUI holds)."""
    import numpy as np

    from .engine import Network
    from .engine.snapshot import make_snapshot

    net = Network(trace.sizes, activations=list(trace.activations), loss=trace.loss)
    np.copyto(net.theta, trace.find("update")["theta_before"])
    net.lr = trace.lr
    return make_snapshot(net, trace=trace, batch_size=trace.X.shape[1])


def phase_pngs(trace, example: int = 0, digits: int = 4, snapshot=None) -> list[bytes]:
    """One PNG (bytes) per phase of `trace`: the network drawn as the step-through mode shows
    that phase, with its numbers for `example`. `snapshot`: the GUI's snapshot carrying the
    trace (for the input and output names); by default one is made from the trace."""
    from PySide6.QtCore import QCoreApplication

    from .ui.network_view import NetworkView
    from .ui.step_through import StepThrough

    _application()
    snapshot = _base_snapshot(trace) if snapshot is None else snapshot
    if snapshot.trace is not trace:
        import dataclasses

        snapshot = dataclasses.replace(snapshot, trace=trace)
    st, view = StepThrough(), NetworkView()
    view.resize(*DIAGRAM_SIZE)
    view.show()
    st.digits = digits
    st.set_trace(snapshot)
    st.example = example
    caption = QCoreApplication.translate("MainWindow", "cost:  J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾)")
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "phase.png")
        for index in range(len(trace.phases)):
            if index:
                st.next()
            view.show_phase(st.diagram_snapshot(), *st.diagram_phase(), *st.diagram_texts(),
                            caption=caption if st.phase.kind == "cost" else None)
            view.export_png(path, scale=1.25)
            images.append(Path(path).read_bytes())
    view.close()
    view.deleteLater()
    st.deleteLater()
    return images


def write_handout(trace, path, example: int = 0, digits: int = 4, summary: bool = False,
                  snapshot=None, images: bool = True, lang: str = "en") -> Path:
    """Write the worked example of `trace` to `path` (.md, .html or .pdf, by its suffix).

    Markdown gets its diagrams as PNG files in a folder `<name>_images` beside it; HTML embeds
    them; the PDF is A4, one flowing document. `lang` only labels the HTML (the words follow the
    installed translator). Raises ValueError for another suffix, OSError when writing fails."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"the handout is written as Markdown, HTML or PDF ({', '.join(FORMATS)})"
                         f"; got {path.name!r}")
    pngs = phase_pngs(trace, example, digits, snapshot) if images else []
    if suffix == ".md":
        links = {}
        if pngs:
            folder = path.with_name(path.stem + "_images")
            folder.mkdir(parents=True, exist_ok=True)
            for i, png in enumerate(pngs):
                atomic_write_bytes(folder / f"phase-{i + 1}.png", png)
                links[i] = f"{folder.name}/phase-{i + 1}.png"
        atomic_write_text(path, handout_markdown(trace, example, digits, summary, links))
    elif suffix == ".html":
        links = {i: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
                 for i, png in enumerate(pngs)}
        atomic_write_text(path, handout_html(trace, example, digits, summary, links, lang))
    else:
        _write_pdf(trace, path, example, digits, summary, pngs, lang)
    return path


def _write_pdf(trace, path: Path, example, digits, summary, pngs, lang) -> None:
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QUrl
    from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    _application()
    doc = QTextDocument()
    names = {}
    for i, png in enumerate(pngs):
        image = QImage()
        image.loadFromData(png, "PNG")
        names[i] = f"phase-{i + 1}.png"
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(names[i]), image)
    font = QFont("DejaVu Serif")
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setHtml(handout_html(trace, example, digits, summary, names, lang))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("nnviz")
    doc.print_(writer)
    del writer  # ends the PDF
    data = bytes(buffer.data())
    if not data.startswith(b"%PDF"):
        raise OSError(f"could not make the PDF {path}")
    atomic_write_bytes(path, data)  # all or nothing: a previous file survives a failure
