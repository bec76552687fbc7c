"""PySide6 views of the invigilator review tool (logic lives in ``client.review_core``)."""
