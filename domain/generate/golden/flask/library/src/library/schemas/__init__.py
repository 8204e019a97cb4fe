"""Pydantic schemas of the models."""
