"""Runtime hook: ``pkg_resources.resource_filename`` without bundling setuptools.

face_recognition_models only asks ``pkg_resources`` where its model files are; in the
bundle they sit under ``sys._MEIPASS``. setuptools (and its vendored packages) stay out.
"""

import os
import sys
import types

if "pkg_resources" not in sys.modules:
    _module = types.ModuleType("pkg_resources")

    def resource_filename(package: str, name: str) -> str:
        return os.path.join(sys._MEIPASS, *package.split("."), name)  # type: ignore[attr-defined]

    _module.resource_filename = resource_filename  # type: ignore[attr-defined]
    sys.modules["pkg_resources"] = _module
