"""The shared feature."""
