"""Printable handouts: Markdown, HTML and PDF files with a diagram per phase, in English or
Spanish, and the `nnviz handout` command that writes them headless."""

import re
from html.parser import HTMLParser

import pytest

from nnviz.app import install_translation
from nnviz.cli import main
from nnviz.handout_export import write_handout
from nnviz.lesson.handout import build_handout
from nnviz.training.presets import get_preset
from nnviz.training.setup import build_trainer

from .test_handout import _net_trace, plain


@pytest.fixture(scope="module")
def mazur():
    return build_trainer(get_preset("mazur").setup).trace_step()


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def test_markdown_html_and_pdf_are_written(qapp, mazur, tmp_path):
    md = write_handout(mazur, tmp_path / "pass.md", digits=9)
    text = md.read_text(encoding="utf-8")
    images = sorted((tmp_path / "pass_images").glob("phase-*.png"))
    assert len(images) == len(mazur.phases)
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in images)
    assert "![Forward · layer 1 of 2](pass_images/phase-1.png)" in text
    assert "0.593269992" in text

    page = write_handout(mazur, tmp_path / "pass.html", digits=9).read_text(encoding="utf-8")
    starts = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            starts.append((tag, dict(attrs)))

    Parser().feed(page)
    imgs = [a for t, a in starts if t == "img"]
    assert len(imgs) == len(mazur.phases)
    assert all(a["src"].startswith("data:image/png;base64,") for a in imgs)

    pdf = write_handout(mazur, tmp_path / "pass.pdf", digits=9).read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert 3 <= _pdf_pages(pdf) <= 20


def test_unknown_format_is_refused(qapp, mazur, tmp_path):
    with pytest.raises(ValueError, match="Markdown, HTML or PDF"):
        write_handout(mazur, tmp_path / "pass.docx")


# words that must not survive in the Spanish handout
ENGLISH = ["the", "of", "and", "with", "layer", "weight", "neuron", "input", "example",
           "examples", "forward", "backward", "update", "cost", "loss", "learning", "rate",
           "batch", "step", "frozen", "not", "updated", "applied", "computed", "later",
           "network", "notation", "numbers", "rounded", "significant", "digits", "parameters",
           "after", "before", "targets", "inputs", "rule", "velocity", "average", "gradients",
           "course", "form", "correction", "start", "joins", "indices", "matrix", "whose",
           "columns", "same", "sum", "taken", "apart", "gradient", "descent", "shown", "number",
           "is", "are", "its", "share", "used", "an", "it", "has", "more", "way"]


@pytest.mark.parametrize("case", ["mazur", "momentum", "adam-l2-batch", "momentum_ema"])
def test_spanish_handout_has_no_english_words(qapp, mazur, case):
    trace = {"mazur": lambda: mazur,
             "momentum": lambda: _net_trace("momentum", steps_before=1),
             "adam-l2-batch": lambda: _net_trace("adam", l2=0.1, m=3, steps_before=1),
             "momentum_ema": lambda: _net_trace("momentum_ema", m=2, steps_before=1)}[case]()
    translator = install_translation(qapp, "es")
    try:
        text = plain(build_handout(trace, example=trace.X.shape[1] - 1))
    finally:
        qapp.removeTranslator(translator)
    words = set(re.findall(r"[A-Za-záéíóúñ]+", text.replace("PyTorch", "")))
    found = sorted(w for w in words if w.lower() in ENGLISH)
    assert not found, found
    assert "Costo" in text and "Actualización" in text


@pytest.mark.parametrize("ext", ["md", "html", "pdf"])
def test_cli_writes_each_format(qapp, tmp_path, ext, capsys):
    out = tmp_path / f"mazur.{ext}"
    assert main(["handout", "--preset", "mazur", "--digits", "9", "--lang", "es",
                 "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data
    if ext == "pdf":
        assert data.startswith(b"%PDF")
    else:
        text = data.decode("utf-8")
        assert "Costo" in text and "0.593269992" in text
    assert "handout written" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    ["--preset", "nope", "--out", "x.pdf"], ["--preset", "mazur", "--out", "x.docx"],
    ["--preset", "mazur", "--example", "2", "--out", "x.md"], ["--out", "x.md"],
    ["--preset", "mazur", "--dataset", "moons", "--out", "x.md"],
])
def test_cli_errors_are_one_line_and_exit_2(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc_info:
        raise SystemExit(main(["handout", *argv]))
    assert exc_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err and len(err.splitlines()) == 1 and "error" in err
