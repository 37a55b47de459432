"""Shared test set-up.

Tests read messages in English whatever the machine's locale, so that a
developer with LANG=zh_CN.UTF-8 sees the same results as CI. Tests of the
language choice pass their own environment (tests/test_messages.py).
"""

import os

os.environ["COMPLIANCE_LANG"] = "en"
