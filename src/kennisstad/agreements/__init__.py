"""Agreements with partner cities and regions: memoranda of understanding, city links,
trilateral agreements and letters of intent, their parties, term, renewal and expiry."""
