NAME = __name__
PARENT = __spec__.parent
