"""The Transformers benchmark workloads in Hugging Face transformers on PyTorch CPU.

Same models (randomly initialized, same shapes), same prompt length, same number of new tokens
and the same greedy loop as Scripts/bench/transformers-swift; prints JSON lines.
"""
import argparse, json, statistics, time

import torch
from transformers import GPT2Config, GPT2LMHeadModel, LlamaConfig, LlamaForCausalLM


def make_model(name):
    if name == "smollm-135m":
        config = LlamaConfig(vocab_size=49152, hidden_size=576, intermediate_size=1536, num_hidden_layers=30,
                             num_attention_heads=9, num_key_value_heads=3, rms_norm_eps=1e-5, rope_theta=10000.0,
                             max_position_embeddings=2048, tie_word_embeddings=True)
        return LlamaForCausalLM(config)
    if name == "llama-tiny":
        return LlamaForCausalLM(LlamaConfig(vocab_size=384, hidden_size=64, intermediate_size=160, num_hidden_layers=2,
                                            num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=128))
    if name == "gpt2-tiny":
        return GPT2LMHeadModel(GPT2Config(vocab_size=384, n_positions=128, n_embd=48, n_layer=2, n_head=4))
    raise SystemExit(f"unknown model {name}")


def seconds(body):
    start = time.perf_counter()
    body()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--model", default="smollm-135m")
    parser.add_argument("--prompt", type=int, default=32)
    parser.add_argument("--new", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workload", default="inference", choices=["inference", "train"])
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.workload == "train":
        return train(args)
    torch.manual_seed(1)
    model = make_model(args.model).eval()
    generator = torch.Generator().manual_seed(7)
    prompt = torch.randint(0, model.config.vocab_size, (1, args.prompt), generator=generator)

    def emit(workload, tokens, elapsed):
        print(json.dumps({"impl": "pytorch", "model": args.model, "workload": workload, "tokens": tokens,
                          "seconds": elapsed, "tokens_per_second": tokens / elapsed}), flush=True)

    with torch.inference_mode():
        model(prompt, use_cache=False)  # warm-up
        times = [seconds(lambda: model(prompt, use_cache=False)) for _ in range(args.repeats)]
        emit("forward", args.prompt, statistics.median(times))

        times = []
        for _ in range(args.repeats):
            out = model(prompt, use_cache=True)
            cache, next_id = out.past_key_values, out.logits[:, -1].argmax(-1, keepdim=True)

            def decode():
                nonlocal cache, next_id
                for _ in range(args.new):
                    out = model(next_id, past_key_values=cache, use_cache=True)
                    cache, next_id = out.past_key_values, out.logits[:, -1].argmax(-1, keepdim=True)
            times.append(seconds(decode))
        emit("decode-cache", args.new, statistics.median(times))

        steps = max(1, args.new // 4)
        times = []
        for _ in range(max(1, args.repeats - 1)):
            sequence = prompt
            sequence = torch.cat([sequence, model(sequence, use_cache=False).logits[:, -1].argmax(-1, keepdim=True)], 1)

            def decode_uncached():
                nonlocal sequence
                for _ in range(steps):
                    logits = model(sequence, use_cache=False).logits
                    sequence = torch.cat([sequence, logits[:, -1].argmax(-1, keepdim=True)], 1)
            times.append(seconds(decode_uncached))
        emit("decode-no-cache", steps, statistics.median(times))


def train(args):
    """Training steps of the tiny addition GPT (TransformersBench --workload pretrain): same
    config, batch 16 × window 48, AdamW with gradient clipping; random token windows."""
    torch.manual_seed(3)
    config = GPT2Config(vocab_size=300, n_positions=64, n_embd=64, n_layer=2, n_head=4,
                        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)
    model = GPT2LMHeadModel(config).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    batch, window = 16, 48
    data = torch.randint(0, 300, (100_000,))

    def step():
        starts = torch.randint(0, len(data) - window - 1, (batch,))
        x = torch.stack([data[s:s + window] for s in starts])
        y = torch.stack([data[s + 1:s + window + 1] for s in starts])
        logits = model(x).logits
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, 300), y.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()

    for _ in range(10):
        step()
    # Median of `repeats` timed blocks of `steps` steps, as TransformersBench --workload train.
    # Also CPU-seconds of the process (all threads), which a busy machine disturbs much less.
    times, cpu_times = [], []
    for _ in range(max(1, args.repeats)):
        cpu_start = time.process_time()
        times.append(seconds(lambda: [step() for _ in range(args.steps)]))
        cpu_times.append(time.process_time() - cpu_start)
    elapsed, cpu = statistics.median(times), statistics.median(cpu_times)
    tokens = args.steps * batch * window
    print(json.dumps({"impl": "pytorch", "model": "gpt2-train", "workload": "train", "steps": args.steps,
                      "repeats": len(times), "seconds": elapsed, "tokens_per_second": tokens / elapsed,
                      "cpu_seconds": cpu, "tokens_per_cpu_second": tokens / cpu}), flush=True)


if __name__ == "__main__":
    main()
