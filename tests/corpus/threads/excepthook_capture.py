import sys
import threading

def boom():
    raise ValueError("bad value")

class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def getvalue(self):
        return "".join(self.parts)

buf = Buf()
old = sys.stderr
sys.stderr = buf
t = threading.Thread(target=boom, name="Boomer")
t.start()
t.join()
sys.stderr = old
lines = buf.getvalue().splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])
print("main continues")
