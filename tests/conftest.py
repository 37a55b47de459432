"""Shared test set-up.

Tests read messages in English whatever the machine's locale, so that a
developer with LANG=zh_CN.UTF-8 sees the same results as CI. Tests of the
language choice pass their own environment (tests/test_messages.py).
"""

import os

os.environ["COMPLIANCE_LANG"] = "en"

# The cache of compliance.cache goes to a folder of this test run, never the developer's ~/.cache:
# every run starts from an empty cache and builds it (tests/test_cache.py tests the cache itself).
if not os.environ.get("COMPLIANCE_CACHE_DIR"):
    import atexit
    import shutil
    import tempfile

    _cache = tempfile.mkdtemp(prefix="compliance-test-cache-")
    os.environ["COMPLIANCE_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, True)
