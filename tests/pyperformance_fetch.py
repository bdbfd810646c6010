"""Downloads pyperformance's sdist from PyPI (the version and checksum the Makefile pins),
checks its SHA-256 and unpacks its benchmark scripts (data-files/benchmarks) into DEST.

    python3 tests/pyperformance_fetch.py VERSION SHA256 DEST

Only the benchmark scripts are used: they run unchanged on gilvm with
benches/pyperformance/pyperf.py standing in for pyperf (no pip install, no build step).
"""
import hashlib
import io
import re
import os
import shutil
import sys
import tarfile
import urllib.request


def main():
    version, sha256, dest = sys.argv[1:4]
    # PyPI's simple index (PEP 503), as pip reads it: the sdist's link.
    with urllib.request.urlopen("https://pypi.org/simple/pyperformance/", timeout=60) as r:
        page = r.read().decode()
    name = re.escape(f"pyperformance-{version}.tar.gz")
    m = re.search(r'href="([^"#]*/' + name + r')[#"]', page)
    if not m:
        sys.exit(f"pyperformance {version}: no sdist on PyPI's index")
    with urllib.request.urlopen(m.group(1), timeout=120) as r:
        data = r.read()
    got = hashlib.sha256(data).hexdigest()
    if got != sha256:
        sys.exit(f"pyperformance {version}: sha256 {got}, expected {sha256}")
    prefix = f"pyperformance-{version}/pyperformance/data-files/benchmarks/"
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for m in tar.getmembers():
            if not m.name.startswith(prefix) or not m.isfile():
                continue
            rel = m.name[len(prefix):]
            if rel.startswith("/") or ".." in rel.split("/"):
                continue
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with tar.extractfile(m) as src, open(path, "wb") as out:
                shutil.copyfileobj(src, out)
    shutil.rmtree(dest, ignore_errors=True)
    os.rename(tmp, dest)
    print(f"pyperformance {version}: benchmarks in {dest}")


main()
