# A traceback through several function frames with position markers.
def parse_record(line):
    name, age = line.split(",")
    return {"name": name, "age": int(age)}
def load(lines):
    return [parse_record(l) for l in lines]
def main():
    people = load(["ann,31", "bob,x"])
    print(people)
print("loading")
main()
