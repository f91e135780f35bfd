"""Test set-up: Qt offscreen before anything imports it; no QThread may outlive a test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
