import threading

def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name, args.exc_traceback is not None)

threading.excepthook = hook

def boom():
    raise ValueError("bad value")

t = threading.Thread(target=boom, name="Boomer")
t.start()
t.join()
print("main continues", t.is_alive())

class T(threading.Thread):
    def run(self):
        raise KeyError("k")
t = T(name="Sub")
t.start(); t.join()

def sysexit():
    raise SystemExit(3)
t = threading.Thread(target=sysexit, name="Exiter")
t.start(); t.join()
print("SystemExit in thread is silent")
print(threading.__excepthook__ is not hook)
threading.excepthook = threading.__excepthook__
print("done")
