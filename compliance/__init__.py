"""compliance: check Chinese local women's and children's development plans against their parents."""

__version__ = "0.1.0"
