"""Qt-free logic of the invigilator review tool (``emtihan-review``).

Bundle opening and verification, the session timeline, signed decisions and
CSV export. Nothing here imports PySide6; ``client.ui.review`` wraps it.
"""
