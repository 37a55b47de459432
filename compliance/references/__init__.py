"""Reference plans: loading them, resolving a plan's ancestors, matching jurisdictions."""

from compliance.references.jurisdictions import Gazetteer, load_gazetteer
from compliance.references.library import ReferenceLibrary, ReferencePlan, configured_reference_paths

__all__ = ["Gazetteer", "ReferenceLibrary", "ReferencePlan", "configured_reference_paths", "load_gazetteer"]
