"""Reading corpora: folders of articles with their metadata, into sources.

The first stage of the flow: nothing here knows about claims beyond those a person recorded
in a sidecar.
"""

from claimtrack.reading.folder import Document, read_folder, read_source

__all__ = ["Document", "read_folder", "read_source"]
