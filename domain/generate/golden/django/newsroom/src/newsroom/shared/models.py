"""This app draws no model."""
