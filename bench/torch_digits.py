#!/usr/bin/env python3
"""The digits epoch in PyTorch tensors, timed on request: the benchmark's peer for `micrograd train --dataset digits`.

Reads JSON lines. {"setup": {"batches": [{"X": [[...64]], "y": [...]}, ...], "layers": [[[b, w0, ...], ...], ...]}}
loads one epoch's minibatches (the TypeScript Trainer's, in its order) and the starting weights. {"first_loss": cfg}
answers the first minibatch's loss before any step; {"run": "float64-1", "epochs": k} trains k epochs (ReLU MLP,
cross-entropy + 1e-4 * sum(p^2), Adam lr 0.01, the same minibatches) and answers {"ms": ms per epoch}.
"""
import json
import sys
import time

import torch

from torch_layers import layer_params

state = {}


def model_for(config):
    if config not in state["models"]:
        dtype = torch.float64 if config.startswith("float64") else torch.float32
        params = layer_params(state["layers"], dtype)
        batches = [(torch.tensor(b["X"], dtype=dtype), torch.tensor(b["y"], dtype=torch.long)) for b in state["batches"]]
        opt = torch.optim.Adam(params, lr=0.01)
        state["models"][config] = {"params": params, "batches": batches, "opt": opt}
    return state["models"][config]


def loss_of(params, X, y):
    h = X
    for i in range(0, len(params), 2):
        h = h @ params[i] + params[i + 1]
        if i + 2 < len(params):
            h = torch.relu(h)
    return torch.nn.functional.cross_entropy(h, y) + 1e-4 * sum((p * p).sum() for p in params)


def run(msg):
    config = msg["run"]
    torch.set_num_threads(int(config.split("-")[1]))
    m = model_for(config)
    t0 = time.perf_counter()
    for _ in range(int(msg["epochs"])):
        for X, y in m["batches"]:
            loss = loss_of(m["params"], X, y)
            m["opt"].zero_grad()
            loss.backward()
            m["opt"].step()
    return {"ms": (time.perf_counter() - t0) * 1000 / int(msg["epochs"])}


for line in sys.stdin:
    msg = json.loads(line)
    if "setup" in msg:
        state.update(batches=msg["setup"]["batches"], layers=msg["setup"]["layers"], models={})
        out = {"torch": torch.__version__}
    elif "first_loss" in msg:
        m = model_for(msg["first_loss"])
        X, y = m["batches"][0]
        with torch.no_grad():
            out = {"loss": float(loss_of(m["params"], X, y))}
    else:
        out = run(msg)
    print(json.dumps(out), flush=True)
