"""ORM models: one module per model."""
