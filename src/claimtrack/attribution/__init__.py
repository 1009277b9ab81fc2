"""Who said what: attributed statements, their speakers and when they were said.

Extraction reads a source's text and returns claims; it knows nothing of clustering or
conflicts, which come after it in the flow.
"""

from claimtrack.attribution.extract import extract

__all__ = ["extract"]
