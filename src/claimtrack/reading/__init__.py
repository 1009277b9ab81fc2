"""Reading corpora: folders of articles and saved web pages with their metadata, and tables
of articles (CSV, JSON Lines), into sources.

The first stage of the flow: nothing here knows about claims beyond those a person recorded
in a sidecar.
"""

from claimtrack.reading.folder import Document, read_folder, read_source, read_table

__all__ = ["Document", "read_folder", "read_source", "read_table"]
