"""The service layer: a vault session and the services built over it.

See docs/architecture.md for the layers and which may import which.
"""
