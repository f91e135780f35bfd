"""The README's `nnviz compare` and `nnviz train` examples print what the README shows."""

import re
import shlex
from pathlib import Path

from nnviz.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def _examples():
    """(commands, shown output lines) of each ```sh block followed by a ``` output block in the
    README's comparing section."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Comparing runs"):text.index("## The slope")]
    pairs = re.findall(r"```sh\n(.*?)```\n.*?```\n(.*?)```", section, re.S)
    return [([shlex.split(c) for c in cmds.replace("\\\n", " ").strip().splitlines()],
             out.strip().splitlines()) for cmds, out in pairs]


def test_the_readme_shows_what_the_commands_print(capsys, tmp_path, monkeypatch, qapp):
    monkeypatch.chdir(tmp_path)  # --csv and --plot write here
    examples = _examples()
    assert len(examples) == 3
    for commands, shown in examples:
        printed = []
        for argv in commands:
            assert argv[:3] == ["uv", "run", "nnviz"]
            assert main(argv[3:]) == 0
            out, err = capsys.readouterr()
            printed += err.splitlines() + out.splitlines()
        assert printed == shown, commands
    # the sentence on nnviz train's numbers for α = 0.01
    text = " ".join(README.read_text(encoding="utf-8").split())
    claim = re.search(r"`uv run nnviz train ([^`]*)` ends in `([^`]*)`", text)
    assert main(["train", *shlex.split(claim.group(1))]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split() == claim.group(2).split()
