# faulthandler: enable/disable/is_enabled, dump_traceback of this program's frames, and a
# fatal signal in a child process with the handler enabled.
import faulthandler
import os
import signal
import subprocess
import sys
import tempfile

print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

def inner(f):
    faulthandler.dump_traceback(f, all_threads=False)

def outer(f):
    inner(f)

with tempfile.TemporaryFile('w+') as f:
    outer(f)
    f.seek(0)
    for line in f.read().splitlines():
        print(line.replace(__file__, 'THIS').replace(os.path.basename(__file__), 'THIS'))

with tempfile.TemporaryFile('w+') as f:
    faulthandler.dump_traceback(f.fileno(), all_threads=True)
    f.seek(0)
    lines = f.read().splitlines()
    print(lines[0].startswith('Current thread 0x'), lines[0].endswith('(most recent call first):'))
    print(lines[1].replace(__file__, 'THIS'))

for bad in ['x', -1]:
    try:
        faulthandler.enable(bad)
    except Exception as e:
        print(type(e).__name__)
try:
    faulthandler.dump_traceback_later(-1)
except ValueError as e:
    print('ValueError', e)
faulthandler.cancel_dump_traceback_later()

code = 'import faulthandler, os, signal; faulthandler.enable(); os.kill(os.getpid(), signal.SIGSEGV)'
p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
print(p.returncode, p.stderr.splitlines()[0])
code = 'import os, signal; os.kill(os.getpid(), signal.SIGABRT)'
p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
print(p.returncode, repr(p.stderr))
