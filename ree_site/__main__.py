"""``python -m ree_site check``: the same as the ``ree-site`` command."""

from __future__ import annotations

import sys

from .engines.cli import main

sys.exit(main())
