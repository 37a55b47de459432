"""Reference plans and official texts: build a reference from its text, verify a reference against one.

    >>> from compliance.verification import build_references, verify_reference  # doctest: +SKIP
    >>> built = build_references("浙江省妇女发展十四五规划.docx", source_url="https://…")  # doctest: +SKIP
    >>> result = verify_reference(library.find("national/women-2021-2030"), "gov-cn-text.txt")  # doctest: +SKIP

This layer sits above extraction (it reads documents through
`compliance.extraction.extract`) and the reference library, below the CLI.
"""

from compliance.verification.build import BuiltReference, build_references
from compliance.verification.files import OfficialDocument, write_new

__all__ = ["BuiltReference", "OfficialDocument", "build_references", "write_new"]
