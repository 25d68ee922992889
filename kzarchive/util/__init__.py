"""Leaf helpers with no knowledge of vaults or bundles: canonical JSON, the stream
pipeline, progress and cancellation, private plain files.
"""
