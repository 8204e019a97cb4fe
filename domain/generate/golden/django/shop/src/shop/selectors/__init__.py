"""Reads: one module per drawn repository; they return querysets and instances."""
