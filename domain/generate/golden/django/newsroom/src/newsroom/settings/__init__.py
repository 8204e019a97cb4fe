"""Settings split by environment: base, development, production and test."""
