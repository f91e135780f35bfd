"""CSV data files: good files load as datasets; every mistake names its line and problem."""

import io

import numpy as np
import pytest

from nnviz.engine.csv_data import DataFileError, load_csv


def write(tmp_path, content, name="data.csv"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --- good files ----------------------------------------------------------------------------------
def test_regression_file(tmp_path):
    d = load_csv(write(tmp_path, "x1,x2,y\n1,2,3\n4,5,6.5\n-1e-3,0,7\n"))
    assert d.task == "regression" and d.name == "data" and d.n_classes == 0
    np.testing.assert_array_equal(d.X_train, [[1, 4, -1e-3], [2, 5, 0]])
    np.testing.assert_array_equal(d.Y_train, [[3, 6.5, 7]])
    assert d.input_names == ("x1", "x2") and d.output_names == ("y",)
    assert d.m_test == 0 and d.X_test.shape == (2, 0) and d.Y_test.shape == (1, 0)
    assert d.X_train.dtype == np.float64 and not d.X_train.flags.writeable


def test_multi_output_file_and_target_in_the_middle(tmp_path):
    d = load_csv(write(tmp_path, "y1,height,y2,weight\n1,2,3,4\n5,6,7,8\n"), name="body")
    assert d.name == "body" and d.input_names == ("height", "weight")
    assert d.output_names == ("y1", "y2")
    np.testing.assert_array_equal(d.X_train, [[2, 6], [4, 8]])
    np.testing.assert_array_equal(d.Y_train, [[1, 5], [3, 7]])


def test_integer_labels_sort_by_value(tmp_path):
    d = load_csv(write(tmp_path, "a,b,label\n0,0,10\n0,1,2\n1,0,1\n1,1,2\n2,2,01\n"))
    assert d.task == "classification" and d.class_names == ("1", "2", "10")
    np.testing.assert_array_equal(d.labels_train, [2, 1, 0, 1, 0])
    assert d.Y_train.shape == (3, 5) and d.output_names == ("1", "2", "10")
    np.testing.assert_array_equal(d.Y_train.argmax(axis=0), d.labels_train)


def test_string_labels_keep_their_names_alphabetically(tmp_path):
    d = load_csv(write(tmp_path, "x,label\n1,dog\n2,cat\n3,Ant\n4,cat\n"))
    assert d.class_names == ("Ant", "cat", "dog")
    np.testing.assert_array_equal(d.labels_train, [2, 1, 0, 1])


def test_two_classes_give_one_target_row(tmp_path):
    d = load_csv(write(tmp_path, "x,label\n1,yes\n2,no\n3,yes\n"))
    assert d.class_names == ("no", "yes") and d.Y_train.shape == (1, 3)
    np.testing.assert_array_equal(d.Y_train, [[1, 0, 1]])
    assert d.encoded_for("cross_entropy").Y_train.shape == (2, 3)


def test_bom_blank_lines_whitespace_and_crlf(tmp_path):
    text = "\ufeff x1 , y \r\n\r\n 1 , 2 \r\n   \r\n3,4\r\n\r\n"
    d = load_csv(write(tmp_path, text.encode("utf-8")))
    assert d.input_names == ("x1",) and d.output_names == ("y",)
    np.testing.assert_array_equal(d.X_train, [[1, 3]])
    np.testing.assert_array_equal(d.Y_train, [[2, 4]])


def test_semicolons_and_tabs_work_too(tmp_path):
    for sep in (";", "\t"):
        d = load_csv(write(tmp_path, f"x1{sep}x2{sep}y\n1{sep}2{sep}3\n"))
        np.testing.assert_array_equal(d.X_train, [[1], [2]])


def test_open_files_text_and_binary():
    d = load_csv(io.StringIO("x,y\n1,2\n"))
    assert d.name == "data" and d.m_train == 1
    d = load_csv(io.BytesIO(b"\xef\xbb\xbfx,y\n1,2\n"), name="b")
    assert d.name == "b" and d.input_names == ("x",)


def test_loaded_data_can_be_split(tmp_path):
    rows = "".join(f"{i},{i % 2}\n" for i in range(20))
    d = load_csv(write(tmp_path, "x,label\n" + rows)).with_split(0.25, seed=0)
    assert (d.m_train, d.m_test) == (15, 5)
    np.testing.assert_array_equal(d.X_train[0] % 2, d.labels_train)


# --- bad files -----------------------------------------------------------------------------------
BAD = [
    ("", ["the file is empty"]),
    ("\n  \n\n", ["the file is empty"]),
    ("x1,x2,y\n", ["no data rows"]),
    ("x1,x2\n1,2\n", ["no target column", "'y'", "'label'"]),
    ("x1,x2,y\n1,2,3\n\n1,2\n", ["line 4", "expected 3 values (like the header), found 2"]),
    ("x1,x2,y\n1,2,3,4\n", ["line 2", "expected 3 values", "found 4"]),
    ("x1,x2,y\n1,2,3\n4,abc,6\n", ["line 3, column 'x2'", "'abc' is not a number"]),
    ("x1,y\n1,2\n\nnan,3\n", ["line 4, column 'x1'", "NaN is not allowed"]),
    ("x1,y\n1,NaN\n", ["line 2, column 'y'", "NaN is not allowed"]),
    ("x1,y\ninf,1\n", ["line 2, column 'x1'", "infinite"]),
    ("x1,x2,y\n1,,3\n", ["line 2, column 'x2'", "missing"]),
    ("x,label\n1,a\n2,\n", ["line 3, column 'label'", "missing"]),
    ("x,label\n1,a\n2,a\n", ["only one class in 'label'"]),
    ("x,label,y\n1,a,2\n", ["both 'label' and 'y'"]),
    ("x,x,y\n1,2,3\n", ["line 1", "'x' appears twice"]),
    ("\n\nx,,y\n1,2,3\n", ["line 3", "column 2", "no name"]),
    ("y\n1\n", ["no input column"]),
    ("1,2,3\n4,5,6\n", ["line 1", "header"]),
    ("x;y\n1,5;2\n", ["line 2, column 'x'", "'1,5' is not a number", "point"]),
    ("x1,x2,label\n1,2,a\n3,b,c\n", ["line 3", "'b' is not a number"]),
    ('x,label\n1,"two\nlines"\n2,b\n3\n', ["line 5", "found 1"]),
]


@pytest.mark.parametrize("content, parts", BAD)
def test_a_bad_file_says_where_and_what(tmp_path, content, parts):
    with pytest.raises(DataFileError) as info:
        load_csv(write(tmp_path, content))
    for part in parts:
        assert part in str(info.value)


def test_not_utf8_names_the_line(tmp_path):
    path = write(tmp_path, b"x,y\n1,2\n\xff\xfe,3\n")
    with pytest.raises(DataFileError, match="line 3: the file is not UTF-8"):
        load_csv(path)


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(DataFileError, match="not text"):
        load_csv(write(tmp_path, b"x,y\n\x00\x01\x02,3\n"))


def test_unreadable_paths(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        load_csv(tmp_path / "missing.csv")
    with pytest.raises(DataFileError, match="is a folder, not a file"):
        load_csv(tmp_path)


def test_data_file_error_is_a_value_error():
    assert issubclass(DataFileError, ValueError)


# --- issue 11 ----------------------------------------------------------------------------------
def csv_file(tmp_path, text, name="d.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_numeric_labels_of_equal_value_are_one_class(tmp_path):
    d = load_csv(csv_file(tmp_path, "x,label\n1,1\n2,1.0\n3,01\n4,2\n"))
    assert d.class_names == ("1", "2")
    assert list(d.labels_train) == [0, 0, 0, 1]


def test_a_5000_digit_label_is_a_class_and_errors_name_the_file(tmp_path):
    d = load_csv(csv_file(tmp_path, "x,label\n1," + "1" * 5000 + "\n2,2\n"))
    assert d.n_classes == 2
    path = csv_file(tmp_path, "x,y\n" + "9" * 5000 + ",2\n")
    with pytest.raises(DataFileError, match=f"{path}: line 2, column 'x': .*too large"):
        load_csv(path)


@pytest.mark.parametrize("value", ["1_000", "١٢", "0x10"])
def test_values_that_are_not_plain_numbers_are_refused(tmp_path, value):
    with pytest.raises(DataFileError, match=f"line 2, column 'x': '{value}' is not a number"):
        load_csv(csv_file(tmp_path, f"x,y\n{value},2\n3,4\n"))


def test_many_columns_are_read_in_linear_time(tmp_path):
    import time

    n = 20_000
    header = ",".join(f"x{j}" for j in range(n)) + ",y\n"
    path = csv_file(tmp_path, header + ",".join(["1"] * (n + 1)) + "\n")
    start = time.process_time()
    assert load_csv(path).n_inputs == n
    assert time.process_time() - start < 2.0  # the quadratic check took ~3 s for 20 000
