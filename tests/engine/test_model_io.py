"""Model files: exact round trips, and a precise ModelFileError for every malformed file."""

import copy
import json

import numpy as np
import pytest

from nnviz.engine import ModelFileError, Network, load_model, save_model


def random_network(seed=0):
    net = Network([3, 5, 4, 2], activations=["relu", "tanh", "sigmoid"], loss="bce", seed=seed,
                  optimizer="adam", l2=0.003, lr=0.0375)
    rng = np.random.default_rng(seed)
    scale = 10.0 ** rng.integers(-8, 4, net.theta.size)  # many magnitudes
    net.theta[:] = rng.normal(0.0, 1.0, net.theta.size) * scale
    net.theta[0] = 0.1 + 0.2  # a float whose shortest repr has 17 digits
    net.freeze("b1", "W3")
    return net


def assert_same_network(a, b):
    np.testing.assert_array_equal(a.theta, b.theta)
    assert a.sizes == b.sizes and a.activations == b.activations and a.loss == b.loss
    assert a.frozen == b.frozen and a.l2 == b.l2 and a.lr == b.lr
    assert a.optimizer.name == b.optimizer.name and a.seed == b.seed


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_to_dict_from_dict_round_trip_is_exact(seed):
    net = random_network(seed)
    back = Network.from_dict(net.to_dict())
    assert_same_network(back, net)
    assert back.frozen == {"b1", "W3"}
    X = np.random.default_rng(seed).normal(size=(3, 4))
    np.testing.assert_array_equal(back.predict(X), net.predict(X))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_save_load_round_trip_is_exact(tmp_path, seed):
    net = random_network(seed)
    net.input_names = ["a", "b", "c"]
    net.output_names = ["yes", "no"]
    path = tmp_path / "model.json"
    save_model(net, path)
    back = load_model(path)
    assert_same_network(back, net)
    assert back.input_names == ["a", "b", "c"] and back.output_names == ["yes", "no"]
    save_model(back, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text() == path.read_text()  # stable, byte for byte


def test_load_accepts_a_string_path_and_keeps_settings(tmp_path):
    net = Network([2, 2, 1], activations="tanh", loss="half_sse", seed=9, optimizer="momentum",
                  l2=0.25, lr=1.5)
    save_model(net, str(tmp_path / "m.json"))
    back = load_model(str(tmp_path / "m.json"))
    assert (back.l2, back.lr, back.optimizer.name, back.seed) == (0.25, 1.5, "momentum", 9)


def test_saved_file_follows_the_documented_format(tmp_path):
    net = Network([2, 2, 2], activations="sigmoid", loss="half_sse", seed=0)
    net.W[1] = [[0.15, 0.20], [0.25, 0.30]]
    net.b[1] = [[0.35], [0.35]]
    save_model(net, tmp_path / "m.json")
    d = json.loads((tmp_path / "m.json").read_text())
    assert d["format"] == "nnviz-model" and d["version"] == 1 and d["layers"] == [2, 2, 2]
    assert d["W"][0] == [[0.15, 0.2], [0.25, 0.3]]  # W[1][j][k]: row j = neuron of layer 1
    assert d["b"][0] == [0.35, 0.35]


def test_minimal_file_uses_defaults():
    d = {"format": "nnviz-model", "version": 1, "layers": [1, 1], "activations": ["linear"],
         "loss": "mse", "W": [[[2.0]]], "b": [[-1]]}
    net = Network.from_dict(d)
    assert net.predict([[3.0]])[0, 0] == 5.0
    assert net.frozen == frozenset() and net.optimizer.name == "sgd" and net.l2 == 0.0


# --- malformed files ---------------------------------------------------------------------------
BASE = Network([2, 3, 1], activations=["tanh", "sigmoid"], loss="bce", seed=0).to_dict()


def edited(**changes):
    d = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is KeyError:
            del d[key]
        else:
            d[key] = value
    return d


W_OK = BASE["W"]
MALFORMED = {
    "wrong format": (edited(format="keras"),
                     "not an nnviz model: 'format' is 'keras', expected 'nnviz-model'"),
    "no format": (edited(format=KeyError), "'format' is None"),
    "wrong version": (edited(version=2), "model format version 2 is not supported"),
    "version as text": (edited(version="1"), "model format version '1' is not supported"),
    "version true": (edited(version=True), "model format version True is not supported"),
    "missing layers": (edited(layers=KeyError), "the model has no 'layers' entry"),
    "missing W": (edited(W=KeyError), "the model has no 'W' entry"),
    "missing b": (edited(b=KeyError), "the model has no 'b' entry"),
    "missing loss": (edited(loss=KeyError), "the model has no 'loss' entry"),
    "missing activations": (edited(activations=KeyError), "the model has no 'activations'"),
    "one layer": (edited(layers=[2]), "'layers' must be a list of at least 2 positive whole"),
    "zero size": (edited(layers=[2, 0, 1]), "at least 2 positive whole numbers, got \\[2, 0, 1\\]"),
    "float size": (edited(layers=[2, 3.0, 1]), "positive whole numbers"),
    "bool size": (edited(layers=[2, True, 1]), "positive whole numbers"),
    "layers not a list": (edited(layers="2,3,1"), "'layers' must be a list"),
    "too few W": (edited(W=W_OK[:1]),
                  "'W' must be a list of 2 entries \\(one per layer 1..2\\), got 1 entries"),
    "too many b": (edited(b=[*BASE["b"], [0.0]]), "'b' must be a list of 2 entries .*got 3"),
    "too many activations": (edited(activations=["tanh", "tanh", "sigmoid"]),
                             "'activations' must be a list of 2 entries"),
    "activations not a list": (edited(activations="tanh"), "'activations' must be a list"),
    "W transposed": (edited(W=[np.array(W_OK[0]).T.tolist(), W_OK[1]]),
                     "W\\[1\\] must have shape \\(3, 2\\), got \\(2, 3\\)"),
    "W flat": (edited(W=[W_OK[0], W_OK[1][0]]),
               "W\\[2\\] must have shape \\(1, 3\\), got \\(3,\\)"),
    "b as column": (edited(b=[[[0.0], [0.0], [0.0]], [0.0]]),
                    "b\\[1\\] must have shape \\(3,\\), got \\(3, 1\\)"),
    "ragged W": (edited(W=[[[0.1, 0.2], [0.3], [0.4, 0.5]], W_OK[1]]),
                 "W\\[1\\] must contain only numbers.*shape \\(3, 2\\)"),
    "text in W": (edited(W=[[[0.1, "x"], [0.3, 0.1], [0.4, 0.5]], W_OK[1]]),
                  "W\\[1\\] must contain only numbers"),
    "numeric text in W": (edited(W=[[[0.1, "0.5"], [0.3, 0.1], [0.4, 0.5]], W_OK[1]]),
                          "W\\[1\\] contains '0.5' where a number is expected"),
    "null in b": (edited(b=[[0.0, None, 0.0], [0.0]]),
                  "b\\[1\\] contains None where a number is expected"),
    "object in W": (edited(W=[W_OK[0], [[{}, 1, 2]]]), "W\\[2\\] must contain only numbers"),
    "bool in W": (edited(W=[W_OK[0], [[True, 0.5, 0.5]]]),
                  "W\\[2\\] contains true/false where numbers are expected"),
    "bool in b": (edited(b=[[0.0, 0.0, 0.0], [False]]), "b\\[2\\] contains true/false"),
    "overflowing number": (edited(b=[[0.0, 0.0, 1e400], [0.0]]),
                           "b\\[1\\] contains a value that is not a finite number"),
    "unknown activation": (edited(activations=["tanh", "sigmoidal"]),
                           "unknown activation 'sigmoidal'; choose one of"),
    "softmax hidden": (edited(activations=["softmax", "sigmoid"]),
                       "softmax is allowed in the output layer only"),
    "unknown loss": (edited(loss="hinge"), "unknown loss 'hinge'; choose one of"),
    "loss not text": (edited(loss=["mse"]), "unknown loss \\['mse'\\]"),
    "invalid pair": (edited(activations=["tanh", "tanh"]),
                     "loss 'bce' needs a sigmoid output layer, not 'tanh'"),
    "bad frozen group": (edited(frozen=["W3"]), "unknown parameter group 'W3'"),
    "frozen number": (edited(frozen=[1]), "unknown parameter group 1"),
    "frozen not a list": (edited(frozen="b1"), "'frozen' must be a list of group names"),
    "unknown optimizer": (edited(optimizer="lbfgs"), "unknown optimizer 'lbfgs'"),
    "l2 text": (edited(l2="0.1"), "'l2' must be a finite number, got '0.1'"),
    "lr bool": (edited(lr=True), "'lr' must be a finite number, got True"),
    "seed text": (edited(seed="abc"), "'seed' must be a whole number ≥ 0 or null, got 'abc'"),
    "seed negative": (edited(seed=-3), "'seed' must be a whole number ≥ 0 or null, got -3"),
    "seed float": (edited(seed=1.5), "'seed' must be a whole number"),
    "input names": (edited(input_names=["x"]), "'input_names' must be a list of 2 strings"),
    "output names": (edited(output_names=[1]), "'output_names' must be a list of 1 strings"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_dict_gives_a_precise_error(case):
    d, message = MALFORMED[case]
    with pytest.raises(ModelFileError, match=message):
        Network.from_dict(d)


@pytest.mark.parametrize("case", [c for c in MALFORMED if c != "overflowing number"])
def test_malformed_file_gives_the_same_error_with_the_file_name(tmp_path, case):
    d, message = MALFORMED[case]
    path = tmp_path / "bad-model.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(ModelFileError, match=message) as info:
        load_model(path)
    assert str(info.value).startswith(f"{path}: ")


def test_model_file_error_is_a_value_error():
    assert issubclass(ModelFileError, ValueError)


def test_not_json_reports_line_and_column(tmp_path):
    path = tmp_path / "m.json"
    text = json.dumps(BASE, indent=1).replace('"loss": "bce",', '"loss": "bce"')
    path.write_text(text)
    line = next(i for i, s in enumerate(text.splitlines(), start=1) if '"loss"' in s) + 1
    with pytest.raises(ModelFileError, match=f"not valid JSON at line {line}, column \\d+: "
                                             "Expecting ',' delimiter"):
        load_model(path)


@pytest.mark.parametrize("text", ["", "nnviz", "{'format': 'nnviz-model'}", "{\"a\": 1,}"])
def test_other_non_json_texts(tmp_path, text):
    path = tmp_path / "m.json"
    path.write_text(text)
    with pytest.raises(ModelFileError, match="not valid JSON at line 1, column \\d+"):
        load_model(path)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_tokens_are_rejected(tmp_path, token):
    text = json.dumps(BASE).replace('"l2": 0.0', f'"l2": {token}')
    assert token in text
    path = tmp_path / "m.json"
    path.write_text(text)
    with pytest.raises(ModelFileError, match=f"the file contains {token}, which is not a finite"):
        load_model(path)


def test_number_too_large_for_a_float_is_rejected(tmp_path):
    text = json.dumps(BASE).replace('"b": [[0.0, 0.0, 0.0]', '"b": [[0.0, 0.0, 1e400]')
    assert "1e400" in text
    path = tmp_path / "m.json"
    path.write_text(text)
    with pytest.raises(ModelFileError, match="b\\[1\\] contains a value that is not a finite"):
        load_model(path)


@pytest.mark.parametrize("text", ["[1, 2, 3]", "42", "\"nnviz-model\"", "null"])
def test_top_level_must_be_an_object(tmp_path, text):
    path = tmp_path / "m.json"
    path.write_text(text)
    with pytest.raises(ModelFileError, match="must hold a JSON object at the top level"):
        load_model(path)
    with pytest.raises(ModelFileError, match="must hold a JSON object"):
        Network.from_dict(json.loads(text))


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.json"
    with pytest.raises(ModelFileError, match=f"cannot read {path}: No such file or directory"):
        load_model(path)


def test_directory_instead_of_file(tmp_path):
    with pytest.raises(ModelFileError, match=f"{tmp_path} is a folder, not a file"):
        load_model(tmp_path)


def test_binary_file(tmp_path):
    path = tmp_path / "m.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(ModelFileError, match="is not a text \\(UTF-8 JSON\\) file"):
        load_model(path)
