# A class pattern may not name one attribute twice.
class P:
    pass

match P():
    case P(x=1, y=2, x=3):
        pass
