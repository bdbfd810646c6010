"""In-memory text and binary streams (gilvm's io module): StringIO and BytesIO, the
SEEK_* constants, UnsupportedOperation, and io.open (the builtin open)."""

import builtins as _builtins

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = _builtins.open


class UnsupportedOperation(OSError, ValueError):
    pass


class _MemoryStream:
    """What StringIO and BytesIO share. The contents are kept as a list of pieces while a
    program only appends (the usual use: collect output, then getvalue()), and joined into
    one value when it reads, seeks back or overwrites."""

    _empty = None  # '' or b''

    def _setup(self, initial):
        self._pieces = [initial] if initial else []
        self._size = len(initial)
        self._pos = 0
        self._closed = False

    def _value(self):
        if len(self._pieces) > 1:
            self._pieces = [self._empty.join(self._pieces)]
        return self._pieces[0] if self._pieces else self._empty

    def _check_open(self):
        if self._closed:
            raise ValueError(self._closed_message)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def tell(self):
        self._check_open()
        return self._pos

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        if self._pos == self._size:
            self._pieces.append(s)
            self._size += n
            self._pos += n
            return n
        v = self._value()
        if self._pos > self._size:
            v = v + self._pad(self._pos - self._size)
        v = v[:self._pos] + s + v[self._pos + n:]
        self._pieces = [v]
        self._size = len(v)
        self._pos += n
        return n

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)

    def _read(self, size):
        v = self._value()
        if size is None or size < 0:
            end = self._size
        else:
            end = min(self._size, self._pos + size)
        if self._pos >= end:
            return self._empty
        r = v[self._pos:end]
        self._pos = end
        return r

    def _readline(self, size, nl):
        v = self._value()
        if self._pos >= self._size:
            return self._empty
        i = v.find(nl, self._pos)
        end = self._size if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = v[self._pos:end]
        self._pos = end
        return r

    def readlines(self, hint=-1):
        self._check_open()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._size:
            self._pieces = [self._value()[:size]]
            self._size = size
        return size

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_MemoryStream):
    """A text stream kept in memory."""

    _empty = ''
    _closed_message = "I/O operation on closed file"

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(
                f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is None:
            initial_value = ''
        elif not isinstance(initial_value, str):
            raise TypeError(
                "initial_value must be str or None, not "
                f"{type(initial_value).__name__}")
        self._newline = newline
        self._setup(self._translate(initial_value))

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if nl in ('\r', '\r\n'):
            return s.replace('\n', nl)
        return s

    def _pad(self, n):
        return '\0' * n

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    def getvalue(self):
        self._check_open()
        return self._value()

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        self._write(self._translate(s))
        return n

    def read(self, size=-1):
        self._check_open()
        return self._read(size)

    def readline(self, size=-1):
        self._check_open()
        return self._readline(size, '\r' if self._newline == '\r' else '\n')

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._size
        else:
            raise ValueError(
                f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


class BytesIO(_MemoryStream):
    """A binary stream kept in memory."""

    _empty = b''
    _closed_message = "I/O operation on closed file."

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        elif not isinstance(initial_bytes, bytes):
            raise TypeError(
                "a bytes-like object is required, not "
                f"'{type(initial_bytes).__name__}'")
        self._setup(initial_bytes)

    def _pad(self, n):
        return b'\0' * n

    def getvalue(self):
        self._check_open()
        return self._value()

    def write(self, b):
        self._check_open()
        if not isinstance(b, bytes):
            raise TypeError(
                f"a bytes-like object is required, not '{type(b).__name__}'")
        return self._write(b)

    def read(self, size=-1):
        self._check_open()
        return self._read(size)

    read1 = read

    def readline(self, size=-1):
        self._check_open()
        return self._readline(size, b'\n')

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError(
                f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def __repr__(self):
        return f"<_io.BytesIO object at {hex(id(self))}>"
