#!/usr/bin/env python3
"""Writes Benchmarks/arithmetic-mcq.jsonl: 60 four-way questions on two-digit sums, in the
format `llmcourse evaluate --task mcq` reads. The wrong choices are the usual slips (off by
one, off by ten, the operands' digits glued together), so the lengths of the choices differ
and acc and acc_norm can disagree. Fixed seed: rerunning gives the same file.

    python3 Scripts/benchmarks/arithmetic_mcq.py > Benchmarks/arithmetic-mcq.jsonl
"""
import json, random

rng = random.Random(7)
for _ in range(60):
    a, b = rng.randint(10, 99), rng.randint(10, 99)
    right = a + b
    wrong = []
    for w in (right + 1, right - 1, right + 10, right - 10, int(f"{a}{b}")):
        if w != right and w not in wrong:
            wrong.append(w)
    choices = [right] + rng.sample(wrong, 3)
    rng.shuffle(choices)
    print(json.dumps({"question": f"{a} + {b} =", "choices": [f" {c}" for c in choices], "answer": choices.index(right)}))
