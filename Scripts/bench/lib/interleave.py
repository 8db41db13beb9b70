#!/usr/bin/env python3
"""Runs benchmark commands interleaved over several rounds and reports medians with their
range, so a busy moment of a shared machine lands on both sides instead of on one.

Each command prints one JSON line holding `best_seconds` (the fastest of its own repeats);
this script runs every command once per round, in a rotating order, for `--rounds` rounds,
and prints the machine, each side's median (min–max) of its per-round best, the CPU seconds
each side used per round, and the ratio of medians against the first command.

    interleave.py --rounds 5 --name swift -- ./bench --threads 2 \
                             --name pytorch -- python3 peer.py --threads 2
"""
import json, os, platform, resource, statistics, subprocess, sys, time


def machine():
    """CPU model, cores, the BLAS the Swift side links and the kernel it picked."""
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    flags = ""
    try:
        text = open("/proc/cpuinfo").read()
        flags = " ".join(f for f in ("avx2", "avx512f", "fma") if f" {f} " in text)
    except OSError:
        pass
    return f"{model} · {os.cpu_count()} cores · {platform.machine()} · {flags or 'no AVX'}"


def run(command, env):
    """One run: its JSON line, wall seconds and CPU seconds (children's user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    line = next((l for l in reversed(done.stdout.splitlines()) if l.startswith("{")), None)
    if line is None:
        sys.exit(f"{' '.join(command)} printed no JSON line:\n{done.stdout}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(line), wall, cpu, done.stderr


def main(argv):
    rounds, names, commands = 5, [], []
    i = 0
    while i < len(argv):
        if argv[i] == "--rounds":
            rounds = int(argv[i + 1]); i += 2
        elif argv[i] == "--name":
            names.append(argv[i + 1])
            j = argv.index("--", i) + 1
            k = argv.index("--name", j) if "--name" in argv[j:] else len(argv)
            commands.append(argv[j:k]); i = k
        else:
            sys.exit(f"unexpected argument {argv[i]}; see the usage at the top of this file")
    if len(commands) < 2:
        sys.exit("give at least two commands: --name NAME -- COMMAND …")
    env = dict(os.environ, OPENBLAS_VERBOSE="2")
    best = {n: [] for n in names}
    last = {}
    cpu = {n: [] for n in names}
    kernel = ""
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]  # rotate who goes first
        for name in order:
            record, wall, used, stderr = run(commands[names.index(name)], env)
            best[name].append(record["best_seconds"])
            last[name] = record
            cpu[name].append(used)
            for line in stderr.splitlines():
                if line.startswith("Core:"):
                    kernel = line.split(":", 1)[1].strip()
        print(f"round {r + 1}/{rounds}: " + ", ".join(f"{n} {best[n][-1]:.3f} s" for n in names), file=sys.stderr)
    print(f"machine: {machine()}" + (f" · OpenBLAS kernel {kernel}" if kernel else ""))
    reference = statistics.median(best[names[0]])
    print(f"{'':<10} {'median s':>9}  {'min–max':>15}  {'CPU s/round':>11}  {'ratio':>6}")
    for n in names:
        m = statistics.median(best[n])
        print(f"{n:<10} {m:>9.3f}  {min(best[n]):>6.3f}–{max(best[n]):<7.3f}  {statistics.median(cpu[n]):>11.2f}  {m / reference:>5.2f}×")
    extras = [k for k in last[names[0]] if k not in ("best_seconds", "impl", "threads") and all(k in last[n] for n in names)]
    for k in extras:
        print(f"{k}: " + ", ".join(f"{n} {last[n][k]:.6g}" if isinstance(last[n][k], float) else f"{n} {last[n][k]}" for n in names))
    print(f"({rounds} interleaved rounds; each value is that round's best of the command's own repeats;"
          f" ratio = median ÷ {names[0]}'s median, > 1 = slower than {names[0]})")


main(sys.argv[1:])
