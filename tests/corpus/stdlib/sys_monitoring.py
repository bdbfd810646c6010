# sys.monitoring's registration interface (the events: lang/monitoring_*.py).
import sys
m = sys.monitoring
print(type(m).__name__, m.__name__, sorted(n for n in dir(m) if not n.startswith('__')))
print(type(m.events).__name__, sorted((n, getattr(m.events, n)) for n in dir(m.events) if not n.startswith('__')))
import bdb
print(m.DEBUGGER_ID, m.COVERAGE_ID, m.PROFILER_ID, m.OPTIMIZER_ID)
for a in [(6, 'x'), (0, 3), (-1, 'x')]:
    try:
        m.use_tool_id(*a)
    except Exception as e:
        print(type(e).__name__, e)
m.use_tool_id(0, 'x')
try:
    m.use_tool_id(0, 'y')
except Exception as e:
    print(type(e).__name__, e)
try:
    m.register_callback(1, 1, print)
except Exception as e:
    print(type(e).__name__, e)
try:
    m.register_callback(0, 3, print)
except Exception as e:
    print(type(e).__name__, e)
print(m.register_callback(0, 1, print), m.register_callback(0, 1, None))
try:
    m.set_events(0, 1 << 30)
except Exception as e:
    print(type(e).__name__, e)
try:
    m.set_events(1, 1)
except Exception as e:
    print(type(e).__name__, e)
m.set_events(0, 0)
print(m.get_events(0), m.get_tool(0), m.get_tool(1))
m.clear_tool_id(0)
print(m.get_tool(0))
m.free_tool_id(0)
print(m.get_tool(0))
m.free_tool_id(0)
try:
    m.get_events(7)
except Exception as e:
    print(type(e).__name__, e)
print(m.get_local_events(0, (lambda: 0).__code__))
try:
    m.set_local_events(0, 5, 0)
except Exception as e:
    print(type(e).__name__, e)
m.restart_events()
print(m.DISABLE is m.MISSING, type(m.DISABLE).__name__)
