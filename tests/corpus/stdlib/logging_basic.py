# logging on time: basicConfig, Formatter with %(asctime)s (localtime/strftime under a
# fixed TZ and a fixed record time), handlers, levels, LoggerAdapter.
# (logger.exception is left out: formatting a traceback needs ast.parse.)
import io
import logging
import os
import time

os.environ['TZ'] = 'Europe/Berlin'
time.tzset()

stream = io.StringIO()
logging.basicConfig(stream=stream, level=logging.DEBUG,
                    format='%(asctime)s %(levelname)s %(name)s: %(message)s')
log = logging.getLogger('app')
log.debug('debug %d', 1)
log.info('info %s', 'x')
log.warning('warn')
log.error('error')
log.critical('critical')
lines = stream.getvalue().splitlines()
print(len(lines), [l.split(' ', 2)[2] for l in lines])
print(all(len(l.split(' ')[0]) == 10 and l[13] == ':' and l[19] == ',' for l in lines))

class FixedTime(logging.Formatter):
    pass

rec = logging.LogRecord('fixed', logging.INFO, '/x/mod.py', 42, 'hello %s', ('world',), None,
                        func='fn')
rec.created = 1700000000.25
rec.msecs = 250.0
for fmt, datefmt in [('%(asctime)s|%(message)s', None),
                     ('%(asctime)s|%(levelno)d|%(lineno)d|%(funcName)s|%(module)s', '%d/%m/%Y %H:%M:%S %Z'),
                     ('{asctime} {levelname:>8} {message}', '%H:%M')]:
    style = '{' if fmt.startswith('{') else '$' if fmt.startswith('$') else '%'
    f = logging.Formatter(fmt, datefmt, style=style)
    print(f.format(rec))
f = logging.Formatter('%(asctime)s %(message)s')
f.converter = time.gmtime
print(f.format(rec))
print(f.formatTime(rec, '%Y'), logging.Formatter().formatTime(rec))

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
h.setLevel(logging.WARNING)
lg = logging.getLogger('other')
lg.propagate = False
lg.addHandler(h)
lg.setLevel(logging.INFO)
lg.info('dropped')
lg.warning('kept %r', [1, 2])
lg.error('boom %s', 'again')
text = out.getvalue()
print(text.splitlines()[0], text.splitlines()[1], text.splitlines()[-1])

class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))

c = Collect()
c.setFormatter(logging.Formatter('%(name)s|%(levelname)s|%(message)s|%(asctime)s'))
lg.addHandler(c)
lg.error('collected')
print(len(c.records), c.records[0].rsplit('|', 1)[0], len(c.records[0].rsplit('|', 1)[1]))
lg.removeHandler(c)

adapter = logging.LoggerAdapter(lg, {'user': 'ann'})
h.setFormatter(logging.Formatter('%(user)s %(message)s'))
adapter.warning('from adapter')
print(out.getvalue().splitlines()[-1])
print(logging.getLevelName(logging.WARNING), logging.getLevelName(15), logging.getLevelName('ERROR'))
logging.shutdown()
