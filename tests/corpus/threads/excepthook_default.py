import threading

def boom():
    raise ValueError("bad value")

t = threading.Thread(target=boom, name="Boomer")
t.start()
t.join()
print("main continues")
