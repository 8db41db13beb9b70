#!/usr/bin/env python3
"""The Python side of Scripts/bench/retrieval: faiss (HNSW and IndexFlatIP) and bm25s on the files
RetrievalBench wrote, one JSON line per measurement, the same fields as the Swift side.

    pip install faiss-cpu bm25s
    python3 Scripts/bench/retrieval_peer.py vectors <dir> --m 16 --ef-construction 100 --ef 16,32,64 --threads 1
    python3 Scripts/bench/retrieval_peer.py bm25 <dir> --threads 1
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np


def emit(**fields):
    print(json.dumps(dict(impl="python", **fields), sort_keys=True), flush=True)


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def vectors(args):
    import faiss
    faiss.omp_set_num_threads(args.threads)
    shape = json.load(open(os.path.join(args.dir, "shape.json")))
    n, d, nq = shape["count"], shape["dimension"], shape["queries"]
    data = np.fromfile(os.path.join(args.dir, "vectors.f32"), dtype="<f4").reshape(n, d)
    queries = np.fromfile(os.path.join(args.dir, "queries.f32"), dtype="<f4").reshape(nq, d)
    k = 10

    flat = faiss.IndexFlatIP(d)
    flat.add(data)
    times = []
    for _ in range(args.repeats):
        (_, truth), t = timed(lambda: flat.search(queries, k))
        times.append(t)
    emit(workload="exact-batch", qps=nq / statistics.median(times))
    times = []
    for _ in range(args.repeats):
        _, t = timed(lambda: [flat.search(queries[i:i + 1], k) for i in range(nq)])
        times.append(t)
    emit(workload="exact-single", qps=nq / statistics.median(times))

    hnsw = faiss.IndexHNSWFlat(d, args.m, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = args.ef_construction
    _, build = timed(lambda: hnsw.add(data))
    emit(workload="hnsw-build", seconds=build, m=args.m, ef_construction=args.ef_construction)
    for ef in [int(x) for x in args.ef.split(",")]:
        hnsw.hnsw.efSearch = ef
        times, found = [], 0
        for r in range(args.repeats):
            # One query per call, as the Swift side searches: the same unit of work.
            results, t = timed(lambda: [hnsw.search(queries[i:i + 1], k)[1][0] for i in range(nq)])
            times.append(t)
            if r == 0:
                found = sum(len(set(got.tolist()) & set(want.tolist())) for got, want in zip(results, truth))
        emit(workload="hnsw-search", ef_search=ef, recall_at_10=found / (nq * k), qps=nq / statistics.median(times))


def bm25(args):
    import bm25s
    corpus = [line.split() for line in open(os.path.join(args.dir, "corpus.txt"), encoding="utf-8")]
    queries = [line.split() for line in open(os.path.join(args.dir, "bm25-queries.txt"), encoding="utf-8")]
    times, retriever = [], None
    for _ in range(args.repeats):
        def build():
            r = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
            r.index(corpus, show_progress=False)
            return r
        retriever, t = timed(build)
        times.append(t)
    emit(workload="bm25-index", docs_per_second=len(corpus) / statistics.median(times))
    times = []
    for _ in range(args.repeats):
        # bm25s takes token lists, maps them to its vocabulary, then scores in one batched call.
        _, t = timed(lambda: retriever.retrieve(queries, k=10, show_progress=False, n_threads=args.threads))
        times.append(t)
    emit(workload="bm25-query", qps=len(queries) / statistics.median(times))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["vectors", "bm25"])
    parser.add_argument("dir")
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=100)
    parser.add_argument("--ef", default="16,32,64,128,256")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    vectors(args) if args.what == "vectors" else bm25(args)


if __name__ == "__main__":
    sys.exit(main())
