"""Blocks in reading order → team examples and the document's context.

One module per concern: `programme` tells the programme's own voice from a team's, `blocks`
prepares blocks (bold run-in titles, headings cut in pieces, table heads, two columns), `rows`
says what each row of a table of examples is, `newsletter` and `poster` segment the two kinds
of documents into `drafts`, and `doubts` says why a coordinator should check an example. The
rules are general, not tied to one layout.
"""

from ingest.segment.blocks import (
    block_text,
    join_heading_fragments,
    side_by_side_columns,
    stack_title_lines,
    table_heads_as_text,
)
from ingest.segment.doubts import block_doubts
from ingest.segment.drafts import Segmented
from ingest.segment.newsletter import segment_newsletter
from ingest.segment.poster import segment_poster
from ingest.segment.programme import is_meeting_list

__all__ = [
    "Segmented",
    "block_doubts",
    "block_text",
    "is_meeting_list",
    "join_heading_fragments",
    "segment_newsletter",
    "segment_poster",
    "side_by_side_columns",
    "stack_title_lines",
    "table_heads_as_text",
]
