"""Reference plans: loading them and resolving a plan's ancestors (places: compliance.catalogue.places)."""

from compliance.references.library import ReferenceLibrary, ReferencePlan

__all__ = ["ReferenceLibrary", "ReferencePlan"]
