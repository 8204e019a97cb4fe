"""full: exported from a Strata diagram."""
