# The stdlib modules used together with builtins and the dict/list/str methods: word
# statistics, grouping, ranking and a small memoised search.
from collections import defaultdict, Counter, OrderedDict, deque, namedtuple
from functools import reduce, partial, lru_cache, cmp_to_key
from itertools import groupby, chain, product, islice, count, accumulate, zip_longest, permutations

text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog"""
words = text.split()
by_len = defaultdict(list)
for w in words:
    by_len[len(w)].append(w)
print(sorted(by_len.items())[:3], by_len.get(99), len(by_len))
letters = defaultdict(int)
for ch in text.replace("\n", " ").replace(" ", ""):
    letters[ch] += 1
print(max(letters, key=letters.get), sum(letters.values()), sorted(letters)[:5])
freq = Counter(words)
print(freq.most_common(3), freq["the"], freq["cat"], sorted(freq.elements())[:5])
print(", ".join(f"{w}={n}" for w, n in freq.most_common(4)))
lines = [Counter(line.split()) for line in text.splitlines()]
print(reduce(lambda a, b: a + b, lines) == freq, (lines[0] & lines[1]).most_common(), sorted((lines[0] - lines[1]).keys()))
order = OrderedDict((w, i) for i, w in enumerate(dict.fromkeys(words)))
order.move_to_end("the")
print(list(order)[:4], list(order.items())[-1], order.popitem(last=False))

Word = namedtuple("Word", "text count first")
table = sorted((Word(w, n, words.index(w)) for w, n in freq.items()), key=lambda t: (-t.count, t.first))
print(table[:3], [t.text for t in table if t.count == 1][:3])
print("%s appears %d times (first at %d)" % table[0], "{0.text}/{0.count}".format(table[1]))
by_count = [(k, [t.text for t in g]) for k, g in groupby(table, key=lambda t: t.count)]
print(by_count)

recent = deque(maxlen=3)
for w in words:
    recent.append(w)
print(list(recent), " ".join(reversed(recent)), recent.index("brown"))
print(sorted(words, key=cmp_to_key(lambda a, b: len(b) - len(a) or (a > b) - (a < b)))[:4])
print(list(islice(zip(count(1), words), 3)), list(accumulate(len(w) for w in words))[-1])
print(list(chain.from_iterable(product("ab", repeat=2))), ["".join(p) for p in permutations("xyz", 2)][:4])
print(list(zip_longest(words[:2], "12345", fillvalue="?")))

@lru_cache(maxsize=None)
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])

print(ways(100), ways.cache_info().currsize > 100)
fmt = partial("{}: {:>5}".format)
print(fmt("total", sum(freq.values())))
