"""Everything stored, and the way to search it: ``search.library.Library`` is the facade.

Modules: catalogue (SQLite, the source of truth), index (Whoosh generations, always
rebuildable), schema and analysis (Swedish), query and fastrank (searching), edits
(corrections, merges, splits), concepts (interventions across municipalities), users, pages
(page pictures), files (stored files handed out opened), ids (document ids), secret (the web's
session key).
"""
