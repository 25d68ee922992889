"""Panels and controls that windows and dialogs are built from."""
