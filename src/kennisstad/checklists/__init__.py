"""Preparation checklists: templates per kind of work, applied to delegations and activities."""
