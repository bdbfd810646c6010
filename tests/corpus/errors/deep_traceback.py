# Ends with an uncaught exception raised three function calls deep.
def parse_record(line):
    name, age = line.split(",")
    return {"name": name.strip(), "age": int(age)}

def load_records(lines):
    records = []
    for line in lines:
        records.append(parse_record(line))
    return records

def summarize(lines):
    records = load_records(lines)
    total = sum(r["age"] for r in records)
    return total / len(records)

good = ["ann, 30", "bob, 40", "cat, 50"]
print(load_records(good))
print("average age", summarize(good))

try:
    summarize(["dan, old"])
except ValueError as e:
    print("caught:", e)

# records can also be summarised in smaller groups
for group in [good[:1], good[1:]]:
    print(len(group), "records, average", summarize(group))

more = good + ["eve, 20", "frank, thirty", "gus, 60"]
print("processing", len(more), "records")
print(summarize(more))
print("never printed")
