"""Test support: the fake student backend and the screenshot driver (never installed)."""
