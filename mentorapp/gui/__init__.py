"""The Qt front end. The only package (with app.py) that imports PySide6."""
