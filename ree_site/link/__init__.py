"""Link: the catalog of records with every reference resolved and the backlinks computed (``catalog``), the
figures computed across records (``stats``: shares, world totals, concentration), the rules that values valid
one by one must meet together (``plausibility``, with a record's series in ``series``), the URL of every page
(``pages``) and the tables of the downloads (``tables``). Imports only the data layer and the errors.
"""

from __future__ import annotations

from .catalog import Catalog, title_of

__all__ = ["Catalog", "title_of"]
