PKG = __spec__.parent
from . import leaf
