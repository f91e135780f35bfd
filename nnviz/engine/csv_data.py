"""Datasets from CSV files: a header row, then one example per row.

    x1,x2,label          classification: a column named 'label' (integers or strings)
    0.5,-1.2,cat
    1.0,0.3,dog

    x,y                  regression: a column 'y', or several 'y1'…'yk' (multi-output)

Every other column is an input, named by its header. Row i becomes column i of X (n_x, m) and
of Y (n_y, m). Class names are sorted naturally (numbers by value, then strings
alphabetically), and class c is the c-th name; labels that are numbers of equal value ("1",
"01", "1.0") are one class. Values are plain decimal numbers (1.5, -2e3; not 1_000 or 1,5). All
rows go to the training split (m_test = 0):
callers split with `Dataset.with_split`. Any problem raises DataFileError, naming the line as a
text editor numbers it, the column and what is wrong.
"""

from __future__ import annotations

import csv
import decimal
import io
import math
import os
import re
from pathlib import Path

import numpy as np

from .datasets import Dataset, classification_data, regression_data

LABEL = "label"
_Y_NAME = re.compile(r"y\d*", re.IGNORECASE)
_DELIMITERS = (",", ";", "\t")
#: What a CSV number may look like (float() also takes 1_000, non-ASCII digits and "infinity").
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|infinity|nan)",
                           re.IGNORECASE | re.ASCII)


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the line and the problem."""


def load_csv(path_or_file, name: str | None = None) -> Dataset:
    """The examples of a CSV file (a path, or an open text or binary file), all for training.

    DataFileError messages start with the file's name when it has one."""
    try:
        return _load(path_or_file, name)
    except DataFileError as exc:
        source = _source(path_or_file)
        if isinstance(source, str | os.PathLike) and not str(exc).startswith(str(source)):
            raise DataFileError(f"{source}: {exc}") from None
        raise


def _load(path_or_file, name: str | None) -> Dataset:
    text = _read_text(path_or_file)
    rows = _rows(text)
    header_line, header = next(rows, (0, None))
    if header is None:
        raise DataFileError("the file is empty")
    header = _check_header(header_line, header)
    inputs, targets = _columns(header)
    X, T = [], []
    for line, row in rows:
        if len(row) != len(header):
            raise DataFileError(f"line {line}: expected {len(header)} values (like the header), "
                                f"found {len(row)}")
        X.append([_number(line, header[j], row[j]) for j in inputs])
        T.append([_target(line, header[j], row[j]) for j in targets])
    if not X:
        raise DataFileError("no data rows: the file has a header but no examples")
    name = name or _default_name(path_or_file)
    X = np.array(X, dtype=np.float64).T
    input_names = tuple(header[j] for j in inputs)
    description = f"{X.shape[1]} examples from {name}"
    if header[targets[0]].lower() == LABEL:
        labels, class_names = _classes(header[targets[0]], [t[0] for t in T])
        return classification_data(name, X, labels, class_names, input_names, description)
    return regression_data(name, X, np.array(T, dtype=np.float64).T, input_names,
                           tuple(header[j] for j in targets), description)


# --- reading -----------------------------------------------------------------------------------
def _read_text(path_or_file) -> str:
    """The whole file as text (UTF-8, an optional BOM removed)."""
    source = _source(path_or_file)
    if not hasattr(path_or_file, "read") and Path(path_or_file).is_dir():
        raise DataFileError(f"{source} is a folder, not a file")
    try:
        if hasattr(path_or_file, "read"):
            data = path_or_file.read()
        else:
            data = Path(path_or_file).read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read {source}: {exc.strerror or exc}") from exc
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise DataFileError(f"line {line}: the file is not UTF-8 text (byte "
                                f"0x{data[exc.start]:02x}); save it as CSV UTF-8") from exc
    if "\0" in data:
        line = data.count("\n", 0, data.index("\0")) + 1
        raise DataFileError(f"line {line}: the file is not text (it contains a NUL byte)")
    return data.removeprefix("\ufeff")


def _rows(text: str):
    """(line number, stripped values) for every non-blank row; the line is where a row starts."""
    first = next((s for s in text.splitlines() if s.strip()), "")
    delimiter = max(_DELIMITERS, key=first.count) if first.count(",") == 0 else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for row in reader:
            values = [v.strip() for v in row]
            if any(values) or len(values) > 1:
                yield line, values
            line = reader.line_num + 1
    except csv.Error as exc:
        raise DataFileError(f"line {reader.line_num}: {exc}") from exc


def _source(path_or_file):
    """The path, or an open file's name (which may be a path, or not)."""
    if isinstance(path_or_file, str | os.PathLike):
        return path_or_file
    return getattr(path_or_file, "name", None)


def _default_name(path_or_file) -> str:
    source = _source(path_or_file)
    if isinstance(source, str | os.PathLike) and Path(source).stem:
        return Path(source).stem
    return "data"


# --- columns -----------------------------------------------------------------------------------
def _check_header(line: int, header: list[str]) -> list[str]:
    if all(_is_number(name) for name in header):
        raise DataFileError(f"line {line}: the first row must be a header that names the "
                            f"columns, like x1,x2,y; found only numbers")
    seen = set()
    for j, name in enumerate(header):
        if not name:
            raise DataFileError(f"line {line}: column {j + 1} of the header has no name")
        if name in seen:
            raise DataFileError(f"line {line}: the column name '{name}' appears twice")
        seen.add(name)
    return header


def _columns(header: list[str]) -> tuple[list[int], list[int]]:
    """Indices of the input columns and of the target columns ('label', or 'y'/'y1'…'yk')."""
    labels = [j for j, h in enumerate(header) if h.lower() == LABEL]
    ys = [j for j, h in enumerate(header) if _Y_NAME.fullmatch(h)]
    if labels and ys:
        raise DataFileError(f"both '{header[labels[0]]}' and '{header[ys[0]]}' are present: "
                            f"use 'label' for classes or 'y', 'y1'…'yk' for values, not both")
    if len(labels) > 1:
        raise DataFileError(f"more than one label column: {', '.join(header[j] for j in labels)}")
    if not (labels or ys):
        raise DataFileError("no target column: name one column 'y', 'y1'…'yk' or 'label'")
    targets = labels or ys
    target_set = set(targets)
    inputs = [j for j in range(len(header)) if j not in target_set]
    if not inputs:
        raise DataFileError("no input column: every column other than the target is an input, "
                            "and there is none")
    return inputs, targets


# --- values ------------------------------------------------------------------------------------
def _number(line: int, column: str, text: str) -> float:
    where = f"line {line}, column '{column}'"
    if not text:
        raise DataFileError(f"{where}: the value is missing (fill it in or remove the row)")
    try:
        if not _PLAIN_NUMBER.fullmatch(text):
            raise ValueError(text)
        value = float(text)
    except ValueError:
        hint = " (write decimals with a point: 1.5)" if _is_number(text.replace(",", ".")) else ""
        raise DataFileError(f"{where}: '{_clip(text)}' is not a number{hint}") from None
    if math.isnan(value):
        raise DataFileError(f"{where}: NaN is not allowed (remove or fill the missing value)")
    if math.isinf(value):
        raise DataFileError(f"{where}: '{_clip(text)}' is too large (or infinite); only "
                            f"finite numbers are allowed")
    return value


def _target(line: int, column: str, text: str):
    """A number for 'y' columns; the stripped text for 'label' (checked for missing values)."""
    if column.lower() != LABEL:
        return _number(line, column, text)
    if not text or text.lower() == "nan":
        raise DataFileError(f"line {line}, column '{column}': the label is missing "
                            f"(fill it in or remove the row)")
    return text


def _classes(column: str, texts: list[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class indices (m,) and the class names, sorted naturally; numeric labels by value."""
    by_value: dict = {}  # a number's exact value → its class name
    canonical: dict[str, str] = {}  # label text → class name
    for t in set(texts):
        value = _label_value(t)
        if value is None:
            canonical[t] = t
        else:
            integral = value == value.to_integral_value() and value.adjusted() < 30
            canonical[t] = by_value.setdefault(value, str(int(value)) if integral else t)
    texts = [canonical[t] for t in texts]
    names = tuple(sorted(set(texts), key=_natural_key))
    if len(names) < 2:
        raise DataFileError(f"only one class in '{column}' ({names[0]!r}): classification "
                            f"needs at least two")
    index = {c: i for i, c in enumerate(names)}
    return np.array([index[t] for t in texts], dtype=np.int64), names


def _label_value(text: str) -> decimal.Decimal | None:
    """The exact value of a numeric label ("01", "1.0" and "1e0" are all 1), else None."""
    if not _PLAIN_NUMBER.fullmatch(text) or text.lstrip("+-")[:1].isalpha():
        return None
    return decimal.Decimal(text)


def _natural_key(name: str):
    """Numbers first, by value; then strings, alphabetically (case-insensitive)."""
    try:
        value = float(name)
    except ValueError:
        value = math.nan
    if math.isfinite(value):
        return (0, value, "", name)
    return (1, 0.0, name.casefold(), name)


def _clip(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:18]}…{text[-18:]} ({len(text)} characters)"


def _is_number(text: str) -> bool:
    if not _PLAIN_NUMBER.fullmatch(text):
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True
