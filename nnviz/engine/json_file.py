"""Reading JSON that may be anything: every problem becomes one clear message naming the file.

`parse_json(text, source, error)` is `json.loads` that raises `error(message)` (a ValueError
subclass of the caller's: ModelFileError, SetupError, …) for: text that is not JSON, NaN or
Infinity (not finite numbers), nesting too deep for the parser (RecursionError), and integers
with more digits than Python converts. `read_json(path, error)` also reads the file (UTF-8, an
optional BOM removed) and says when it is a folder, missing or not text.
"""

from __future__ import annotations

import json
import reprlib
from pathlib import Path


def read_json(path, error):
    """The JSON value in the file at `path`; `error` (an exception class) says what is wrong."""
    path = Path(path)
    if path.is_dir():
        raise error(f"{path} is a folder, not a file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise error(f"{path} is not a text (UTF-8 JSON) file") from None
    return parse_json(text, str(path), error)


def parse_json(text: str, source: str, error):
    """json.loads(text), or `error` with a message that starts with `source`."""
    def reject_constant(name: str):
        raise error(f"{source}: the file contains {name}, which is not a finite number")

    try:
        return json.loads(text.removeprefix("\ufeff"), parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        raise error(f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: "
                    f"{exc.msg}") from None
    except RecursionError:
        raise error(f"{source}: not valid JSON for nnviz: lists or objects nested too deeply"
                    ) from None
    except error:
        raise
    except ValueError as exc:  # e.g. an integer with more than 4300 digits
        reason = str(exc).split(";")[0]
        raise error(f"{source}: not valid JSON for nnviz: {reason}") from None


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict = 2, 5, 4
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlong = 40, 40, 40


def short(value) -> str:
    """repr(value), cut short for messages (safe for huge or deeply nested values)."""
    return _SHORT.repr(value)
