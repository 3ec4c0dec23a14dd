"""Files attached to records: projects, organisations, delegations, activities, grants, chapters,
agreements."""
