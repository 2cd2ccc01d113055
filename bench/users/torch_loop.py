#!/usr/bin/env python3
"""The notebook loop's PyTorch twin for the users' table: a fresh process, float64, one thread, 100 steps.

argv[1] is a JSON file {"X", "y", "layers"} (the TypeScript model's data and starting weights). Prints one
JSON line {"msPerStep": [...], "totalMs": t, "torch": version} at the end.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import torch  # noqa: E402

from torch_layers import demo_step, layer_params  # noqa: E402

torch.set_num_threads(1)
with open(sys.argv[1]) as f:
    demo = json.load(f)
params = layer_params(demo["layers"], torch.float64)
X = torch.tensor(demo["X"], dtype=torch.float64)
y = torch.tensor(demo["y"], dtype=torch.float64).reshape(-1, 1)
ms = []
t0 = time.perf_counter()
for k in range(100):
    start = time.perf_counter()
    loss = demo_step(params, X, y, 1.0 - 0.9 * k / 100)
    ms.append((time.perf_counter() - start) * 1000)
    print(f"step {k} loss {float(loss)}")
print(json.dumps({"msPerStep": ms, "totalMs": (time.perf_counter() - t0) * 1000, "torch": torch.__version__}))
