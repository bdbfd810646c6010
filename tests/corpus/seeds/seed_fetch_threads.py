# Seed article "GIL doesn't matter: I/O-bound code": one thread per URL.
# requests.get(url) is replaced by time.sleep(0.05) (no network in tests).
import threading
import time

responses = {}

def fetch(url):
    time.sleep(0.05)
    responses[url] = "response for " + url
    return responses[url]

# This WILL benefit from threading
# because the GIL is released during network I/O
urls = ["https://api.example.com/1", "https://api.example.com/2"]
threads = [threading.Thread(target=fetch, args=(url,)) for url in urls]
for t in threads:
    t.start()
for t in threads:
    t.join()

for url in urls:
    print(url, "->", responses[url])
print("fetched", len(responses), "urls")
