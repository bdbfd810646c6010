# hashlib over the builtin hash modules (no OpenSSL): digests, copy, update, SHAKE lengths,
# BLAKE2 parameters, hmac.
import hashlib

names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
         "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]
for n in names:
    h = hashlib.new(n, b"abc")
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest())
    c = h.copy()
    c.update(b"def")
    print(" ", h.hexdigest()[:16], c.hexdigest()[:16], getattr(hashlib, n)(b"abcdef").hexdigest()[:16])
for n in ["shake_128", "shake_256"]:
    h = hashlib.new(n, b"abc")
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(length=4))
print(hashlib.md5(b"").hexdigest(), hashlib.sha256(string=b"x").hexdigest()[:8])
print(hashlib.sha256(memoryview(b"mv")).hexdigest()[:8], hashlib.sha1(bytearray(b"ba")).hexdigest()[:8])
h = hashlib.sha256()
for i in range(1000):
    h.update(str(i).encode())
print(h.hexdigest())
print(hashlib.sha512(b"x" * 1000000).hexdigest()[:32])
print(hashlib.blake2b(b"data", digest_size=16, key=b"key", salt=b"salt", person=b"me").hexdigest())
print(hashlib.blake2s(b"data", digest_size=8, key=b"k", fanout=2, depth=3, leaf_size=4096,
                      node_offset=5, node_depth=1, inner_size=16, last_node=True).hexdigest())
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2s.PERSON_SIZE, hashlib.blake2s.MAX_KEY_SIZE)
print(sorted(hashlib.algorithms_guaranteed))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: hashlib.md5("abc"))
t(lambda: hashlib.md5(b"a", string=b"b"))
t(lambda: hashlib.sha256().update("x"))
t(lambda: hashlib.new("nope"))
t(lambda: hashlib.blake2b(digest_size=0))
t(lambda: hashlib.blake2b(digest_size=65))
t(lambda: hashlib.blake2s(key=b"x" * 33))
t(lambda: hashlib.blake2s(salt=b"x" * 9))
t(lambda: hashlib.blake2s(person=b"x" * 9))
t(lambda: hashlib.blake2s(fanout=256))
t(lambda: hashlib.blake2s(depth=0))
t(lambda: hashlib.blake2s(leaf_size=2**32))
t(lambda: hashlib.blake2s(node_offset=2**48))
t(lambda: hashlib.blake2s(node_depth=256))
t(lambda: hashlib.blake2s(inner_size=33))
