"""Data access: one class per repository."""
