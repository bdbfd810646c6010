# termios on a pseudo-terminal: tcgetattr/tcsetattr round trip, raw/cbreak modes (tty),
# window size, flushing, and the errors.
# (Expected output from the host CPython 3.11: the CPython 3.14 chroot has no /dev/pts.)
import os
import pty
import termios
import tty

master, slave = pty.openpty()
attrs = termios.tcgetattr(slave)
print(len(attrs), [type(x).__name__ for x in attrs], len(attrs[6]) == termios.NCCS)
print(attrs[3] & termios.ICANON != 0, attrs[3] & termios.ECHO != 0,
      attrs[6][termios.VINTR], attrs[6][termios.VEOF])
new = list(attrs)
new[3] = new[3] & ~termios.ECHO
new[6] = list(attrs[6])
termios.tcsetattr(slave, termios.TCSANOW, new)
print(termios.tcgetattr(slave)[3] & termios.ECHO)
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw[3] & termios.ICANON, raw[6][termios.VMIN], raw[6][termios.VTIME], raw[1] & termios.OPOST)
tty.setcbreak(slave)
print(termios.tcgetattr(slave)[3] & termios.ICANON)
termios.tcsetattr(slave, termios.TCSAFLUSH, attrs)
print(termios.tcgetattr(slave) == attrs)
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcdrain(slave)
termios.tcflow(slave, termios.TCOON)
with open(slave, 'rb', closefd=False) as f:
    print(termios.tcgetattr(f)[3] == attrs[3])
print(termios.TCSANOW, termios.TCSADRAIN, termios.TCSAFLUSH, termios.VMIN, termios.VTIME,
      termios.ECHO, termios.ICANON, termios.NCCS, termios.CS8, termios.TIOCGWINSZ)
print(issubclass(termios.error, Exception), termios.error.__module__)

r, w = os.pipe()
for f, a in [(termios.tcgetattr, (r,)), (termios.tcgetattr, (-1,)), (termios.tcgetattr, ('x',)),
             (termios.tcsetattr, (slave, termios.TCSANOW, [1, 2])),
             (termios.tcsetattr, (slave, termios.TCSANOW, attrs[:6] + [[1]])),
             (termios.tcsetattr, (slave, termios.TCSANOW, attrs[:6] + [['ab'] * termios.NCCS])),
             (termios.tcsetattr, (r, termios.TCSANOW, attrs)),
             (termios.tcgetwinsize, (r,))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e.args if isinstance(e, termios.error) else e)
for fd in (master, slave, r, w):
    os.close(fd)
