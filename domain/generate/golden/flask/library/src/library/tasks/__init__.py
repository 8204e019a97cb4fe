"""Background tasks: one module per worker."""
