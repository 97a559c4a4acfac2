"""Hypothesis runs derandomized: CI on a fresh clone passes or fails the same way every run, and a
property test that fails names an example anyone can replay. To explore with fresh random examples
locally: HYPOTHESIS_EXPLORE=1 pytest tests/test_properties.py"""

import os

from hypothesis import settings

settings.register_profile("replayable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("HYPOTHESIS_EXPLORE") else "replayable")
