#!/usr/bin/env python3
"""micrograd's moons demo in PyTorch tensors, timed on request: the benchmark's side-by-side peer.

Reads JSON lines from stdin. {"setup": {"X": [[x0, x1], ...], "y": [...], "layers": [[[b, w0, w1, ...], ...], ...]}}
loads the data and the starting weights (the TypeScript model's, so first-step losses can be compared) and
answers {"torch": version, "default_threads": n}. {"run": "float64-1", "steps": k} runs k training steps of
that configuration (dtype and thread count) and answers {"ms": seconds per step * 1000, "loss": last loss}.
"""
import json
import sys
import time

import torch

from torch_layers import demo_step, layer_params

DEFAULT_THREADS = torch.get_num_threads()
state = {}


def setup(msg):
    state["X"] = msg["X"]
    state["y"] = msg["y"]
    state["layers"] = msg["layers"]
    state["models"] = {}
    return {"torch": torch.__version__, "default_threads": DEFAULT_THREADS}


def model_for(config):
    """Fresh tensors per configuration, all starting from the same weights."""
    if config not in state["models"]:
        dtype = torch.float64 if config.startswith("float64") else torch.float32
        params = layer_params(state["layers"], dtype)
        X = torch.tensor(state["X"], dtype=dtype)
        y = torch.tensor(state["y"], dtype=dtype).reshape(-1, 1)
        state["models"][config] = {"params": params, "X": X, "y": y, "k": 0}
    return state["models"][config]


def step(m):
    """One step of micrograd's demo with the repeating schedule 1.0 -> 0.1 over 100 steps."""
    lr = 1.0 - 0.9 * (m["k"] % 100) / 100
    m["k"] += 1
    return demo_step(m["params"], m["X"], m["y"], lr)


def run(msg):
    config = msg["run"]
    threads = DEFAULT_THREADS if config.endswith("-default") else int(config.split("-")[1])
    torch.set_num_threads(threads)
    m = model_for(config)
    steps = int(msg["steps"])
    t0 = time.perf_counter()
    for _ in range(steps):
        loss = step(m)
    ms = (time.perf_counter() - t0) * 1000 / steps
    return {"ms": ms, "loss": float(loss)}


def first_loss(msg):
    """The loss before any training step, for checking that both sides compute the same demo."""
    m = model_for(msg["first_loss"])
    params, X, y = m["params"], m["X"], m["y"]
    with torch.no_grad():
        h = X
        for i in range(0, len(params), 2):
            h = h @ params[i] + params[i + 1]
            if i + 2 < len(params):
                h = torch.relu(h)
        loss = torch.relu(1 - y * h).mean() + 1e-4 * sum((p * p).sum() for p in params)
    return {"loss": float(loss)}


for line in sys.stdin:
    msg = json.loads(line)
    if "setup" in msg:
        out = setup(msg["setup"])
    elif "first_loss" in msg:
        out = first_loss(msg)
    else:
        out = run(msg)
    print(json.dumps(out), flush=True)
