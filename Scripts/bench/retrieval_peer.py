#!/usr/bin/env python3
"""The Python side of Scripts/bench/retrieval: faiss (IndexFlatIP, IndexScalarQuantizer 8-bit,
IndexHNSWFlat) and bm25s on the files RetrievalBench wrote. One workload per run, one JSON line
with `best_seconds` (the fastest of --repeats timings) for Scripts/bench/lib/interleave.py, and
the same extra fields as the Swift side. Times are this thread's CPU seconds unless
BENCH_CLOCK=wall (every workload runs on one thread: faiss with omp_set_num_threads(1)).

    pip install faiss-cpu bm25s numpy
    python3 Scripts/bench/retrieval_peer.py hnsw-search <dir> --m 16 --ef-construction 100 --ef 64
    python3 Scripts/bench/retrieval_peer.py bm25-query <dir>

Workloads: exact-batch, exact-single, int8, hnsw-build (saves the index), hnsw-search (loads
it), bm25-index, bm25-query.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

K = 10


CLOCK = os.environ.get("BENCH_CLOCK", "cpu")


def emit(**fields):
    print(json.dumps(dict(impl="python", clock=CLOCK, **fields), sort_keys=True), flush=True)


def timed(fn):
    """Seconds fn took: this thread's CPU time (BENCH_CLOCK=cpu, the default) or wall time."""
    clock = time.thread_time if CLOCK == "cpu" else time.perf_counter
    start = clock()
    value = fn()
    return value, clock() - start


def best(fn, repeats, truth=None):
    """Fastest of `repeats` runs of fn (which returns [queries, K] ids), and its recall@10."""
    times, recall = [], None
    for r in range(repeats):
        ids, t = timed(fn)
        times.append(t)
        if r == 0 and truth is not None:
            found = sum(len(set(got.tolist()) & set(want.tolist())) for got, want in zip(ids, truth))
            recall = found / truth.size
    return min(times), recall


def serialized_bytes_per_vector(faiss, index, n):
    return faiss.serialize_index(index).nbytes / n


def vectors(args):
    import faiss
    faiss.omp_set_num_threads(args.threads)
    shape = json.load(open(os.path.join(args.dir, "shape.json")))
    n, d, nq = shape["count"], shape["dimension"], shape["queries"]
    data = np.fromfile(os.path.join(args.dir, "vectors.f32"), dtype="<f4").reshape(n, d)
    queries = np.fromfile(os.path.join(args.dir, "queries.f32"), dtype="<f4").reshape(nq, d)
    truth = np.fromfile(os.path.join(args.dir, "truth.i32"), dtype="<i4").reshape(nq, K)
    index_file = os.path.join(args.dir, f"hnsw-faiss-m{args.m}-efc{args.ef_construction}.index")
    one_at_a_time = lambda index, count=nq: (lambda: np.vstack([index.search(queries[i:i + 1], K)[1] for i in range(count)]))
    w = args.workload
    if w in ("exact-batch", "exact-single", "int8"):
        if w == "int8":
            index = faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
            _, build = timed(lambda: (index.train(data), index.add(data)))
        else:
            index = faiss.IndexFlatIP(d)
            _, build = timed(lambda: index.add(data))
        if w == "exact-batch":
            run, asked = (lambda: index.search(queries, K)[1]), nq
        else:
            # exact-single reads every stored vector per query: the first --single-queries only.
            asked = nq if w == "int8" else min(args.single_queries, nq)
            run = one_at_a_time(index, asked)
        seconds, recall = best(run, args.repeats, truth[:asked])
        emit(workload=w, best_seconds=seconds, qps=asked / seconds, recall_at_10=recall, build_seconds=build,
             bytes_per_vector=serialized_bytes_per_vector(faiss, index, n))
    elif w == "hnsw-build":
        index = faiss.IndexHNSWFlat(d, args.m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = args.ef_construction
        _, build = timed(lambda: index.add(data))
        faiss.write_index(index, index_file)
        per_vector = os.path.getsize(index_file) / n
        emit(workload=w, best_seconds=build, bytes_per_vector=per_vector, file_bytes_per_vector=per_vector)
    elif w == "hnsw-search":
        index = faiss.read_index(index_file)
        index.hnsw.efSearch = args.ef
        # One query per call, as the Swift side searches: the same unit of work.
        seconds, recall = best(one_at_a_time(index), args.repeats, truth)
        emit(workload=w, ef_search=args.ef, best_seconds=seconds, qps=nq / seconds, recall_at_10=recall)
    else:
        sys.exit(f"unknown workload {w}")


def bm25(args):
    import bm25s
    corpus = [line.split() for line in open(os.path.join(args.dir, "corpus.txt"), encoding="utf-8")]
    queries = [line.split() for line in open(os.path.join(args.dir, "bm25-queries.txt"), encoding="utf-8")]

    def build():
        r = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
        r.index(corpus, show_progress=False)
        return r
    if args.workload == "bm25-index":
        seconds = min(timed(build)[1] for _ in range(args.repeats))
        emit(workload="bm25-index", best_seconds=seconds, docs_per_second=len(corpus) / seconds)
    else:
        retriever = build()
        # bm25s takes token lists, maps them to its vocabulary, then scores in one batched call.
        seconds = min(timed(lambda: retriever.retrieve(queries, k=10, show_progress=False, n_threads=args.threads))[1]
                      for _ in range(args.repeats))
        emit(workload="bm25-query", best_seconds=seconds, qps=len(queries) / seconds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workload", choices=["exact-batch", "exact-single", "int8", "hnsw-build", "hnsw-search",
                                             "bm25-index", "bm25-query"])
    parser.add_argument("dir")
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=100)
    parser.add_argument("--ef", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--single-queries", type=int, default=200)
    args = parser.parse_args()
    bm25(args) if args.workload.startswith("bm25") else vectors(args)


if __name__ == "__main__":
    sys.exit(main())
