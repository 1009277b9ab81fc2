"""Presenting an analysis: the terminal report, HTML with timelines, exports and DataFrames.

The top of the flow: it reads the model and never changes it.  Modules needing an extra
(``html``, ``pandas``) import it when called, with an error naming the extra.
"""
