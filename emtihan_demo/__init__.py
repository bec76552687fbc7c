"""``emtihan-demo``: the whole product on one machine (author, server, student, invigilator).

The demo sits above the client and the server: it may import both, while ``client`` never
imports ``server_stub``.  ``emtihan_demo.world`` owns the demo's data directory,
``emtihan_demo.demo`` the command line, ``emtihan_demo.flow`` the scripted (headless) student
and invigilator, ``emtihan_demo.review`` the review tool opened after the student window.
"""

from __future__ import annotations

from .world import CODE, NAME, PASSPHRASE, STUDENT, DemoWorld, default_data_dir, setup_world

__all__ = ["CODE", "NAME", "PASSPHRASE", "STUDENT", "DemoWorld", "default_data_dir",
           "setup_world"]
