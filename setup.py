"""Only what pyproject.toml cannot say: the package list with the mapped data package.

The shipped resources live in the top-level ``resources/`` folder (data, not
code); the wheel carries them as ``kzarchive/_resources/``, where
``kzarchive.resources.resource_path`` looks in an installed copy.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["kzarchive*"]), "kzarchive._resources"])
