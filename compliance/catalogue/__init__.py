"""The domain and indicator catalogues (rules/domains.yaml, rules/indicators.yaml).

    >>> from compliance.catalogue import load_catalogue
    >>> catalogue = load_catalogue()
    >>> catalogue.match_indicator("九年义务教育巩固率").id
    'compulsory_education_retention'

Importing this package reads nothing: the files are loaded on the first
`load_catalogue()` call and kept for the bundled rules directory.
"""

from compliance.catalogue.catalogue import (
    Better,
    Catalogue,
    Domain,
    Indicator,
    IndicatorKind,
    Quantity,
    load_catalogue,
    normalise_name,
)

__all__ = [
    "Better",
    "Catalogue",
    "Domain",
    "Indicator",
    "IndicatorKind",
    "Quantity",
    "load_catalogue",
    "normalise_name",
]
