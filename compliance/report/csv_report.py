"""The CSV report: one row per finding, the columns of the Excel 问题清单 sheet.

Written to a file it starts with a UTF-8 byte-order mark, so that Excel opens
the Chinese text correctly; inputs that could not be read are on stderr (and
in the other reports), not in this table of findings.
"""

from __future__ import annotations

import csv
from typing import Any

from compliance.report.formats import DocumentWriter
from compliance.report.rows import finding_rows, headers


class CsvWriter(DocumentWriter):
    """`--format csv`."""

    def write(self, document: dict[str, Any]) -> None:
        if self.options.to_file:
            self.out.write("\ufeff")
        writer = csv.writer(self.out, lineterminator="\r\n")
        writer.writerow(headers())
        writer.writerows(finding_rows(document))
