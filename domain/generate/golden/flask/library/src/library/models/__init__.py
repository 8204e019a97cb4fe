"""Flask-SQLAlchemy models: one module per model."""
