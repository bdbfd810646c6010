# At exit the interpreter calls sys.stdout.flush() and sys.stderr.flush(), after the atexit
# callbacks: a replacement stream that buffers loses nothing.
import atexit
import sys


class Buffered:
    def __init__(self, target):
        self.target = target
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.target.write("".join(self.parts))
        self.parts = []


sys.stdout = Buffered(sys.__stdout__)
atexit.register(print, "from atexit")
print("kept until the final flush")
sys.exit(2)
