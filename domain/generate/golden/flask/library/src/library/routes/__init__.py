"""Blueprints: one module per router."""
