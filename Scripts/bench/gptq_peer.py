"""GPTQ in PyTorch (CPU, float32), the peer for Scripts/bench/gptq.

The same algorithm as the course's Swift GPTQ (Sources/Quantization/GPTQ): H = 2/n XᵀX, dead
inputs, dampening, upper Cholesky factor of H⁻¹, lazy block updates, per-row min/max groups
found when a group starts. Written for this benchmark; prints one JSON line.
"""
import argparse, json, time
import torch


def quantize(w, scale, zero, maxq):
    q = torch.clamp(torch.round(w / scale) + zero, 0, maxq)
    return scale * (q - zero)


def grid(w, bits):
    maxq = 2 ** bits - 1
    lo = torch.clamp(w.min(dim=1).values, max=0)
    hi = torch.clamp(w.max(dim=1).values, min=0)
    both_zero = (lo == 0) & (hi == 0)
    lo[both_zero], hi[both_zero] = -1, 1
    scale = (hi - lo) / maxq
    return scale.unsqueeze(1), torch.round(-lo / scale).unsqueeze(1), maxq


def gptq(w, x, bits, group, block=128, damp=0.01):
    rows, columns = w.shape
    h = (2 / x.shape[0]) * (x.t() @ x)
    w = w.clone()
    dead = torch.diag(h) == 0
    h[dead, dead] = 1
    w[:, dead] = 0
    scale, zero, maxq = grid(w, bits)
    h += damp * torch.mean(torch.diag(h)) * torch.eye(columns)
    u = torch.linalg.cholesky(torch.cholesky_inverse(torch.linalg.cholesky(h)), upper=True)
    q = torch.zeros_like(w)
    loss = torch.zeros(())
    for i1 in range(0, columns, block):
        i2 = min(i1 + block, columns)
        w1 = w[:, i1:i2].clone()
        err = torch.zeros_like(w1)
        u1 = u[i1:i2, i1:i2]
        for i in range(i2 - i1):
            if group > 0 and (i1 + i) % group == 0:
                scale, zero, maxq = grid(w[:, i1 + i:i1 + i + group], bits)
            col = w1[:, i]
            d = u1[i, i]
            qc = quantize(col.unsqueeze(1), scale, zero, maxq).flatten()
            q[:, i1 + i] = qc
            e = (col - qc) / d
            loss += ((col - qc) ** 2).sum() / d ** 2 / 2
            w1[:, i:] -= e.unsqueeze(1) @ u1[i, i:].unsqueeze(0)
            err[:, i] = e
        w[:, i2:] -= err @ u[i1:i2, i2:]
    return q, float(loss)


def main():
    p = argparse.ArgumentParser()
    for name, default in [("rows", 2048), ("columns", 2048), ("samples", 1024), ("threads", 1), ("repeats", 3), ("bits", 4), ("group", 128)]:
        p.add_argument("--" + name, type=int, default=default)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    g = torch.Generator().manual_seed(1)
    w = torch.randn(a.rows, a.columns, generator=g) * 0.02
    x = torch.randn(a.samples, a.columns, generator=g)
    x[:, ::97] *= 20
    times, loss = [], 0.0
    for _ in range(a.repeats):
        start = time.perf_counter()
        _, loss = gptq(w, x, a.bits, a.group)
        times.append(time.perf_counter() - start)
    print(json.dumps({"impl": "pytorch", "threads": a.threads, "best_seconds": min(times), "loss": loss,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
