"""Puts a benchmark's section into docs/benchmarks.md: bench-section.py NAME TEXT.

TEXT is the whole section, between <!-- bench:NAME --> and <!-- /bench:NAME -->. A section
already there is replaced, a new one appended, every other section is left as it is.
"""
import re
import sys

name, section = sys.argv[1], sys.argv[2]
path = "docs/benchmarks.md"
text = open(path, encoding="utf-8").read()
pattern = re.compile(rf"<!-- bench:{name} -->.*?<!-- /bench:{name} -->", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: section, text)
else:
    text = text.rstrip() + "\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
