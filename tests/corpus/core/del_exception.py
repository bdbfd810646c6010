# An exception in __del__ is reported ("Exception ignored while calling deallocator ...")
# and does not propagate.
class Boom:
    def __repr__(self):
        return "<Boom>"
    def __call__(self):
        raise ValueError("boom in __del__")

class E:
    __del__ = Boom()

E()
print("after E")

class G:
    def __del__(self):
        print("G del runs")

x = G()
x = 1
print("end")
