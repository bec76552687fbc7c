"""The student window's style sheet: calm, high contrast, large enough to read."""

STYLE = """
QWidget { font-size: 14px; }
QLabel#pageTitle { font-size: 22px; font-weight: 600; margin: 4px 0 2px 0; }
QLabel#intro { color: #444; margin-bottom: 8px; }
QWidget#steps { background: #f1f4f8; border-radius: 6px; }
QLabel#step { padding: 6px 10px; border-radius: 12px; color: #667; }
QLabel#step[state="current"] { background: #1f5fbf; color: white; font-weight: 600; }
QLabel#step[state="ok"] { color: #1c7c3a; }
QLabel#step[state="done"] { color: #333; }
QLabel#step[state="fail"] { color: #b3261e; }
QLabel#message[state="ok"], QLabel#decision[state="ok"] { color: #1c7c3a; font-weight: 600; }
QLabel#message[state="fail"], QLabel#decision[state="fail"] { color: #b3261e; font-weight: 600; }
QLabel#message[state="warn"], QLabel#decision[state="warn"] { color: #8a5a00; font-weight: 600; }
QLabel[state="fail"] { color: #b3261e; }
QLabel[state="ok"] { color: #1c7c3a; }
QLabel#preview { background: #20242a; color: #ccc; border-radius: 6px; }
QLabel#countdown { font-size: 24px; font-weight: 700; font-family: monospace;
                   padding: 2px 10px; border: 2px solid #1f5fbf; border-radius: 6px; }
QLabel#countdown[urgent="true"] { color: #b3261e; border-color: #b3261e; }
QLabel#warningBanner { background: #fff4d6; border: 1px solid #e0b341; padding: 8px;
                       border-radius: 4px; font-weight: 600; }
QLabel#questionPosition { font-weight: 600; color: #1f5fbf; }
QLabel#questionText { font-size: 16px; }
QLabel#hint { color: #667; }
QFrame#confirmBar { background: #eef3fb; border: 1px solid #1f5fbf; border-radius: 4px; }
QPushButton { padding: 6px 14px; }
QPushButton:focus, QLineEdit:focus, QComboBox:focus, QListWidget:focus,
QPlainTextEdit:focus, QCheckBox:focus, QRadioButton:focus { outline: 2px solid #1f5fbf; }
QPushButton:focus { border: 2px solid #1f5fbf; }
QPushButton#navButton { min-width: 0px; padding: 4px 2px; font-weight: 600; }
QPushButton#navButton[answered="true"] { background: #e3f2e7; }
QPushButton#navButton[current="true"] { background: #1f5fbf; color: white; }
QPushButton:checked { background: #fff4d6; }
QPlainTextEdit#receipt { font-family: monospace; }
"""
