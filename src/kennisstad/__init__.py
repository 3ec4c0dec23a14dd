"""Kennisstad: the working system of a municipality's international-affairs team."""

__version__ = "0.1.0"
