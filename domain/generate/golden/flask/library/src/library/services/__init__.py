"""Business logic: one class per service."""
