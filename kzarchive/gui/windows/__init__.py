"""Top-level windows: welcome, unlock, the main window and the tool windows beside it."""
