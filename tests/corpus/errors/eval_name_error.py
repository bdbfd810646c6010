# A NameError inside eval'd code, with a locals mapping that lacks the name.
print(eval("a + 1", {}, {"a": 1}))
eval("a + b", {}, {"a": 1})
