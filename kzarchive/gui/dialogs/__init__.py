"""Dialogs: a task with a start and an end (create, export, open a bundle, settings, ...)."""
