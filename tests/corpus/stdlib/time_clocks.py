# time's clocks, clock_* functions, get_clock_info and sleep's argument checks.
import time

for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    f = getattr(time, name)
    f_ns = getattr(time, name + '_ns')
    a, b = f(), f_ns()
    print(name, type(a).__name__, type(b).__name__, a >= 0, b >= 0)
    info = time.get_clock_info(name)
    print(' ', info.implementation, info.monotonic, info.adjustable,
          0 < info.resolution <= 1.0, type(info).__name__)
m1 = time.monotonic_ns()
time.sleep(0.01)
m2 = time.monotonic_ns()
print('slept', m2 - m1 >= 10_000_000)
time.sleep(0)
time.sleep(True)
print(abs(time.time() - time.clock_gettime(time.CLOCK_REALTIME)) < 1)
print(time.clock_gettime_ns(time.CLOCK_MONOTONIC) > 0, time.clock_getres(time.CLOCK_MONOTONIC) > 0)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID,
      time.CLOCK_THREAD_CPUTIME_ID, time.CLOCK_MONOTONIC_RAW, time.CLOCK_BOOTTIME, time.CLOCK_TAI)
import threading
clk = time.pthread_getcpuclockid(threading.get_ident())
print(type(clk).__name__, time.clock_gettime(clk) >= 0)
t0 = time.process_time()
x = 0
for i in range(200000):
    x += i
print(time.process_time() >= t0, time.thread_time() > 0)

def err(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r)

for a in [-1, -0.5, 'x', None, float('inf'), float('-inf'), float('nan'), 2**80, 10**10]:
    err(time.sleep, a)
err(time.sleep)
err(time.get_clock_info, 'x')
err(time.get_clock_info, 1)
err(time.clock_gettime, 12345)
err(time.clock_gettime, 'x')
err(time.clock_gettime, 2**40)
err(time.clock_getres, -2**40)
err(time.clock_settime, time.CLOCK_MONOTONIC, 0)
err(time.time, 1)
