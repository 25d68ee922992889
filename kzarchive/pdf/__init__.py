"""The printable report: its model (``model``), its words (``labels``), its layout (``render``).

No Qt and no vault here: the service layer (``kzarchive.service.reports``) builds
the model, and this package only lays it out.
"""
