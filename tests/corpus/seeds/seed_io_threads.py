# Seed article "I/O-Bound Example (GIL works well)": ten threads doing blocking I/O.
# The network download (requests.get("https://example.com")) is replaced by a
# blocking sleep, which releases the GIL the same way.
import threading
import time

finished = []

def download():
    time.sleep(0.05)
    finished.append(1)

threads = [threading.Thread(target=download) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("downloads finished:", len(finished))
print("any alive:", any(t.is_alive() for t in threads))

# a second batch, with the thread index recorded
done = []

def download_numbered(i):
    time.sleep(0.05)
    done.append(i)

batch = [threading.Thread(target=download_numbered, args=(i,)) for i in range(10)]
for t in batch:
    t.start()
for t in batch:
    t.join()
print("second batch:", sorted(done))
