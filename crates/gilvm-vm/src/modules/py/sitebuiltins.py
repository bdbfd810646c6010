# gilvm's stand-in for the `exit` and `quit` objects that CPython's `site` puts in
# builtins (until gilvm runs CPython's own site.py): their repr tells how to leave the
# interactive prompt, and calling one raises SystemExit.


class Quitter:
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return "Use %s() or %s to exit" % (self.name, self.eof)

    def __call__(self, code=None):
        raise SystemExit(code)
