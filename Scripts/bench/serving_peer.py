"""Hugging Face transformers' batched greedy `generate` on the serving benchmark's checkpoint:
B prompts of P tokens, exactly N new tokens each (min_new_tokens = max_new_tokens), float32.
Prints one JSON line per batch size: output tokens per second (median of the repeats).

    python3 Scripts/bench/serving_peer.py CHECKPOINT --batches 8,32 --prompt 32 --new 64 --threads 2
"""
import argparse
import json
import statistics
import time

import torch
from transformers import AutoModelForCausalLM

parser = argparse.ArgumentParser()
parser.add_argument("checkpoint")
parser.add_argument("--batches", default="8,32")
parser.add_argument("--prompt", type=int, default=32)
parser.add_argument("--new", type=int, default=64)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--repeats", type=int, default=2)
args = parser.parse_args()

torch.set_num_threads(args.threads)
model = AutoModelForCausalLM.from_pretrained(args.checkpoint, torch_dtype=torch.float32).eval()
generator = torch.Generator().manual_seed(0)
for batch in [int(b) for b in args.batches.split(",")]:
    ids = torch.randint(1, 8192, (batch, args.prompt), generator=generator)
    times = []
    with torch.inference_mode():
        model.generate(ids, max_new_tokens=4, min_new_tokens=4, do_sample=False, pad_token_id=0)  # warm-up
        for _ in range(args.repeats):
            start = time.perf_counter()
            out = model.generate(ids, max_new_tokens=args.new, min_new_tokens=args.new, do_sample=False, pad_token_id=0)
            times.append(time.perf_counter() - start)
            assert out.shape == (batch, args.prompt + args.new)
    seconds = statistics.median(times)
    print(json.dumps({"batch": batch, "tokens_per_s": batch * args.new / seconds, "seconds": seconds}), flush=True)
