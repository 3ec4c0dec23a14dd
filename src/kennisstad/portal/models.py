"""The public bilingual showcase; it reads other apps through their selectors and has no tables."""
