"""Printed documents: the pair workbook's content, its fonts, styles and PDF rendering.

Nothing here imports Qt; reportlab is imported only by the rendering modules, so loading the
content (or the services) stays cheap.
"""
