"""Performance indicators (begroting, jaarstukken); filled by the indicators issue."""
