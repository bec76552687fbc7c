"""The client's version: shown by ``emtihan-student --version``, sent at sign-in.

pyproject.toml reads it from here (``[tool.setuptools.dynamic]``), so the package, the
bundle's file name and what the server compares with ``min_client_version`` agree.
"""

__version__ = "0.1.0"
