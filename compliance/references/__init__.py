"""Reference plans: loading them, resolving a plan's ancestors, matching jurisdictions."""

from compliance.references.jurisdictions import Gazetteer, load_gazetteer
from compliance.references.library import ReferenceLibrary, ReferencePlan

__all__ = ["Gazetteer", "ReferenceLibrary", "ReferencePlan", "load_gazetteer"]
