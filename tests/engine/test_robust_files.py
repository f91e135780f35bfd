"""Issue 11 for files: atomic saves survive a full disk; model files refuse absurd or deep
content with a clear ModelFileError, before allocating anything."""

import errno
import json
import time

import pytest

import nnviz.engine.atomic as atomic
from nnviz.engine import ModelFileError, Network, load_model, save_model
from nnviz.engine.atomic import atomic_write_text, check_writable


def model_dict(**changes):
    d = Network([2, 2, 1], activations="tanh", loss="mse", seed=0).to_dict()
    d.update(changes)
    return d


def write(tmp_path, d, name="m.json", prefix=""):
    path = tmp_path / name
    path.write_text(prefix + json.dumps(d), encoding="utf-8")
    return path


def test_a_full_disk_leaves_the_previous_file_byte_identical(tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    save_model(Network([2, 3, 1], seed=0), path)
    before = path.read_bytes()

    def full_disk(f, data):
        f.write(data[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full_disk)
    with pytest.raises(OSError, match="No space left"):
        save_model(Network([2, 5, 1], seed=1), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]  # no temporary file left


def test_atomic_write_replaces_and_refuses_a_folder(tmp_path):
    path = tmp_path / "a.txt"
    atomic_write_text(path, "one")
    atomic_write_text(path, "two")
    assert path.read_text() == "two"
    with pytest.raises(IsADirectoryError):
        atomic_write_text(tmp_path, "x")
    with pytest.raises(FileNotFoundError, match="no such folder"):
        check_writable(tmp_path / "missing" / "m.json")
    check_writable(tmp_path / "new.json")
    assert not (tmp_path / "new.json").exists()


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, model_dict(), prefix="\ufeff")
    assert load_model(path).sizes == (2, 2, 1)


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1"
                                  + "}" * 50_000, "1" * 5000])
def test_deep_or_huge_json_is_not_valid_json(tmp_path, text):
    path = tmp_path / "deep.json"
    path.write_text(text)
    with pytest.raises(ModelFileError, match=f"{path}: not valid JSON"):
        load_model(path)


@pytest.mark.parametrize("layers", [[2, 1_000_000_000, 1], [2, 30_000_000, 1]])
def test_absurd_layers_are_refused_at_once(tmp_path, layers):
    path = write(tmp_path, model_dict(layers=layers))
    start = time.process_time()
    with pytest.raises(ModelFileError, match="too large"):
        load_model(path)
    assert time.process_time() - start < 1.0


def test_wrong_shapes_are_refused_before_the_network_is_built(tmp_path, monkeypatch):
    import nnviz.engine.network as network

    def no_network(*args, **kwargs):
        raise AssertionError("a Network was allocated")

    monkeypatch.setattr(network, "Network", no_network)
    with pytest.raises(ModelFileError, match=r"W\[1\] must have shape \(5, 2\)"):
        load_model(write(tmp_path, model_dict(layers=[2, 5, 1])))


@pytest.mark.parametrize(("changes", "message"), [
    ({"version": True}, "version True is not supported"),
    ({"lr": -1}, "learning rate"), ({"lr": 1e6}, "learning rate"),
    ({"l2": -0.5}, "L2 rate"), ({"lr": 10**400}, "'lr' must be a finite number"),
    ({"seed": 2**64}, "'seed' must be at most"),
])
def test_bad_settings_are_refused(tmp_path, changes, message):
    with pytest.raises(ModelFileError, match=message):
        load_model(write(tmp_path, model_dict(**changes)))
