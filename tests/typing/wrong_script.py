"""Two mistakes a type checker must catch through compliance's annotations (py.typed): the test fails without them."""

import compliance

report = compliance.check(compliance.load_plan("plans/a.yaml"), settings="strict")
errors: str = report.summary["errors"]
