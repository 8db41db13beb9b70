#!/usr/bin/env python3
"""The numeric core's workloads in NumPy and PyTorch, timed like `llmcourse bench`.

Prints one JSON object per line: {"peer", "name", "median_seconds", "rate", "unit"}.
Matrix products: C = A·B for n×n float32 matrices (GFLOP/s = 2n³ / seconds / 1e9).
MLP training step: 64 → 256 → 256 → 10 with ReLU, batch 256, cross-entropy, Adam(lr=1e-3),
PyTorch CPU eager. Each figure is the median of repeated timings, each timing long enough
(about 0.05–0.1 s) to swamp clock resolution.
"""
import argparse
import json
import os
import sys
import time


def median_time(body, repeats, minimum_seconds):
    calls = 1
    while True:  # warm up and size the batch of calls
        start = time.perf_counter()
        for _ in range(calls):
            body()
        elapsed = time.perf_counter() - start
        if elapsed >= minimum_seconds / 4 or calls >= 1 << 20:
            calls = max(1, int(calls * minimum_seconds / max(elapsed, 1e-9)))
            break
        calls *= 4
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            body()
        samples.append((time.perf_counter() - start) / calls)
    samples.sort()
    return samples[len(samples) // 2]


def emit(peer, name, seconds, rate, unit):
    print(json.dumps({"peer": peer, "name": name, "median_seconds": seconds, "rate": rate, "unit": unit}), flush=True)


def numpy_workloads(sizes, repeats):
    import numpy as np
    rng = np.random.default_rng(1)
    for n in sizes:
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        c = np.empty((n, n), dtype=np.float32)
        s = median_time(lambda: np.matmul(a, b, out=c), repeats, 0.05)
        emit("numpy", f"matmul {n}", s, 2 * n ** 3 / s / 1e9, "GFLOP/s")


def torch_workloads(sizes, repeats, threads):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(2)
    for n in sizes:
        a = torch.randn(n, n)
        b = torch.randn(n, n)
        c = torch.empty(n, n)
        s = median_time(lambda: torch.matmul(a, b, out=c), repeats, 0.05)
        emit("torch", f"matmul {n}", s, 2 * n ** 3 / s / 1e9, "GFLOP/s")
    model = torch.nn.Sequential(
        torch.nn.Linear(64, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 10))
    adam = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(256, 64)
    y = torch.randint(0, 10, (256,))
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        adam.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        adam.step()

    s = median_time(step, repeats, 0.1)
    emit("torch", "MLP train step", s, 1 / s, "steps/s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=int(os.environ.get("OPENBLAS_NUM_THREADS", os.cpu_count())))
    parser.add_argument("--sizes", default="128,256,512,1024")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--peer", choices=["numpy", "torch", "both"], default="both")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # Load the libraries first: threadpoolctl only sees BLAS libraries already in the process.
    import numpy  # noqa: F401
    if args.peer in ("torch", "both"):
        import torch  # noqa: F401
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
        threadpool_limits(args.threads)
        for pool in threadpool_info():
            print(json.dumps({"pool": pool.get("internal_api"), "version": pool.get("version"),
                              "architecture": pool.get("architecture"), "threads": pool.get("num_threads"),
                              "library": os.path.basename(pool.get("filepath", ""))}), file=sys.stderr)
    except ImportError:
        print("threadpoolctl not installed: kernel and thread count unverified (pip install threadpoolctl)", file=sys.stderr)
    if args.peer in ("numpy", "both"):
        numpy_workloads(sizes, args.repeats)
    if args.peer in ("torch", "both"):
        torch_workloads(sizes, args.repeats, args.threads)


if __name__ == "__main__":
    main()
