# An unknown __future__ feature is a SyntaxError.
from __future__ import nonsense
