# time's calendar functions under fixed time zones (TZ set through os.environ + tzset).
import os
import time

T = 1700000000
for tz in ['UTC', 'EST+05EDT,M3.2.0,M11.1.0', 'Europe/Berlin', 'Australia/Sydney',
           'Asia/Kolkata', 'America/New_York']:
    os.environ['TZ'] = tz
    time.tzset()
    print(tz, time.timezone, time.altzone, time.daylight, time.tzname)
    for ts in (T, T + 182 * 86400, 0, -86400 * 365 * 30 - 1):
        t = time.localtime(ts)
        print(' ', t, t.tm_zone, t.tm_gmtoff)
        print('  mktime', time.mktime(t), time.mktime(tuple(t)) == ts)
        print('  ctime', time.ctime(ts), '|', time.asctime(t))
        print('  strftime', time.strftime('%Y-%m-%d %H:%M:%S %Z %z %a %A %b %B %j %U %w %p %I %y %%', t))

os.environ['TZ'] = 'UTC'
time.tzset()
g = time.gmtime(T)
print(g, g.tm_zone, g.tm_gmtoff, len(g), g[0], g[-1], list(g[1:3]))
print(time.gmtime(1.9), time.gmtime(-1.5))
print(time.gmtime(2**40))
print(type(g).__name__, type(g).__module__, time.struct_time.n_fields,
      time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0, 'XYZ', 3600))
print(s, s.tm_zone, s.tm_gmtoff, time.strftime('%Z %z', s))
print(time.strftime('a\0b%Y\0', g), repr(time.strftime('')), time.strftime('%'))
print(time.asctime((2024, 2, 29, 23, 59, 60, 3, 60, 0)))
print(time.asctime((1999, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime('%Y %m %d %j', (1999, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 14, 35, 25, 61, 61, 0, 0, -1)))
print(time.strftime('%Y', (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strptime('2024-03-05 10:20:30', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Tue Nov 14 22:13:20 2023'))
try:
    time.strptime('2024x', '%Y')
except ValueError as e:
    print('ValueError', e)

def err(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r)

err(time.gmtime, 1, 2)
err(time.gmtime, 'x')
err(time.gmtime, 1e100)
err(time.gmtime, float('nan'))
err(time.gmtime, 2**70)
err(time.localtime, 'x')
err(time.ctime, float('inf'))
err(time.gmtime, 10**17)
err(time.localtime, 10**17)
for a in [(1, 2), [2000, 1, 1, 0, 0, 0, 0, 1, 0], (2000, 1, 1, 0, 0, 0, 0, 1, 0, 5),
          (2000, 'a', 1, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 0, 0, 1, 0.5),
          (2000, 1, 1, 0, 0, 0, 0, 1, 2**40), 5]:
    for f in (time.mktime, time.asctime, lambda t: time.strftime('%c', t)):
        err(f, a)
base = [2000, 1, 1, 0, 0, 0, 0, 1, 0]
for i, v in [(1, 13), (1, -1), (2, 32), (2, -1), (3, 24), (3, -1), (4, 60), (5, 62),
             (6, -9), (7, 367), (7, -1), (8, 5), (8, -5)]:
    t = list(base)
    t[i] = v
    err(time.strftime, '%Y %m %d %H %M %S %a %j', tuple(t))
    err(time.asctime, tuple(t))
err(time.strftime, 5)
err(time.strftime, b'%Y')
err(time.struct_time, (1, 2, 3))
err(time.struct_time, tuple(range(12)))
err(time.asctime, 1, 2)
err(time.mktime)
