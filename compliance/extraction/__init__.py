"""Extraction: from a plan document (.txt, .md, .docx, .xlsx) to plans in the plan format.

    >>> from compliance.extraction import extract, dump_plans
    >>> plans = extract("examples/texts/xinping-county-women-children-2021-2030.txt")  # doctest: +SKIP
    >>> print(dump_plans(plans))  # doctest: +SKIP

- (below this package) `compliance.reading`: a document as numbered lines in document order (the line model of each format).
- `structure`: noise, repeated copies, plans in a notice, parts, domains and sections, plan information.
- `tables`: indicator tables (a header with an indicator and a target column), one target per row.
- `targets`: targets of the text sections (the phrase parser on joined lines) and unparsed numbers.
- `writer`: YAML for a person to review; it loads back to the same plan.

The vocabulary of documents (headings, noise, non-target numbers) is data: rules/extraction.yaml.
"""

from compliance.extraction.extract import extract
from compliance.extraction.writer import dump_plan, dump_plans

__all__ = ["dump_plan", "dump_plans", "extract"]
