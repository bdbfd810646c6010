# list methods.
lst = [3, 1, 4]
lst.append(1)
lst.append([5, 9])
print(lst)
lst.pop()
lst.extend([2, 6])
lst.extend("ab")
lst.extend(range(2))
lst.extend(())
print(lst)
lst.insert(0, "first")
lst.insert(-1, "before-last")
lst.insert(100, "end")
lst.insert(-100, "start")
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(2), lst.pop(-2))
print(lst)
lst.remove("a")
lst.remove(1)
print(lst)
for bad in [lambda: lst.remove("zzz"), lambda: [].pop(), lambda: [1].pop(5), lambda: lst.index("zzz")]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)

nums = [5, 3, 5, 1, 5, 2]
print(nums.index(5), nums.index(5, 1), nums.index(5, 3), nums.index(1, 0, 4), nums.count(5), nums.count(7))
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["pear", "Fig", "apple", "date", "kiwi"]
words.sort(key=len)
print(words)
words.sort(key=str.lower, reverse=True)
print(words)
words.sort(key=lambda w: (len(w), w))
print(words)
words.reverse()
print(words)

c = words.copy()
c.append("extra")
print(len(words), len(c), c is words, c[:-1] == words)
c.clear()
print(c, words)

# list operators
a = [1, 2]
b = a * 3
a += [3]
print(a, b, [0] * 5, [[0]] * 2, a + b[:2], 3 in a, a == [1, 2, 3], a < [1, 3])

# stack and queue usage
stack = []
for ch in "([{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        opener = stack.pop()
        print("matched", opener, ch)
print("balanced:", not stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)

# methods return None
r = [3, 2, 1]
print(r.sort(), r.reverse(), r.append(0), r.extend([9]), r.insert(0, 8), r.clear(), r)

# sorting mixed int/float and nested lists
mixed = [3, 1.5, -2, 0.0, 2 ** 40]
mixed.sort()
print(mixed)
nested = [[2, "b"], [1, "z"], [2, "a"]]
nested.sort()
print(nested)
