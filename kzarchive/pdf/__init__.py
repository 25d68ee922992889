"""The printable report: its model (``model``), its words (``labels``), its layout (``render``).

No Qt and no vault here: the service layer (``kzarchive.service.reports``) builds
the model, and this package only lays it out.
"""

# The languages a report is written in (``labels`` holds a table for each).  Here,
# not in ``labels``, so that the command line can offer them without loading any of
# the package.
LANGUAGES = ("en", "ru", "kk")
