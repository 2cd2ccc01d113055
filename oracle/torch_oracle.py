#!/usr/bin/env python3
"""PyTorch oracle for micrograd-ts: reads JSON requests, one per line, and answers each on one line.

Request:  {"id": 7, "kind": "graph", ...}      Response: {"id": 7, "ok": true, "result": {...}}
                                                 or        {"id": 7, "ok": false, "error": "..."}
Non-finite floats travel as the strings "NaN", "Infinity", "-Infinity" (JSON has no literal for them);
the client sends -0.0 as "-0" (JavaScript's JSON.stringify drops its sign), answers carry it as -0.0.
Every tensor is float64, made with torch.tensor(v, dtype=torch.float64) so nothing rounds through float32.
New kinds of request register a handler in HANDLERS.
"""
import json
import math
import sys

import torch

from nn_oracle import NN_HANDLERS
from functional import handle_functional
from second_order import handle_second_order

torch.set_num_threads(1)
F64 = torch.float64


def dec(x):
    """A JSON number or one of the non-finite strings, as a Python float."""
    if isinstance(x, str):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "-0": -0.0}[x]
    return float(x)


def enc(x):
    """A Python float for JSON: non-finite values become strings."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def leaf(v):
    return torch.tensor(dec(v), dtype=F64, requires_grad=True)


class Softplus(torch.autograd.Function):
    """The parity suite's unary defineOp op (test/parity/customOps.ts) as a torch.autograd.Function with the
    same rules: forward log1p(exp(x)), derivative (exp(-x) + 1)^-1, itself differentiable (second order)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        ctx.save_for_forward(x)
        e = torch.exp(x)
        # PyTorch 1.13's log1p returns inf for arguments above about 1.0e307 (log1p(1.05e307) = inf; the
        # answer is 706.94, as Math.log1p and Python's math.log1p give). There log1p(e) and log(e) are the
        # same double (1 is below e's last bit), so the op's rule is computed without the defect.
        return torch.where(e > 1e307, torch.log(e), torch.log1p(e))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * torch.pow(torch.exp(-x) + 1, -1)

    @staticmethod
    def jvp(ctx, t):
        (x,) = ctx.saved_tensors
        return t * torch.pow(torch.exp(-x) + 1, -1)


class Hypot(torch.autograd.Function):
    """The parity suite's binary defineOp op as a torch.autograd.Function with the same rules: forward
    torch.hypot, derivatives a/out and b/out, itself differentiable. A custom op's rule gives its local
    derivative, which the engine then multiplies by the incoming gradient, g * (a/out); torch.hypot's own
    backward computes g * a / out, which overflows to ±inf when g * a passes 1.8e308 although the answer
    is finite (hypot(0, -1e200) squared: ∂/∂b = -2e200, torch.hypot says -inf)."""

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        ctx.save_for_forward(a, b)
        return torch.hypot(a, b)

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        out = torch.hypot(a, b)
        return g * (a / out), g * (b / out)

    @staticmethod
    def jvp(ctx, ta, tb):
        a, b = ctx.saved_tensors
        out = torch.hypot(a, b)
        return ta * (a / out) + tb * (b / out)


# One entry per op of src/engine/ops.ts (OP_NAMES), then the parity suite's defineOp ops. k is the op's
# numeric constant (pow's exponent).
OPS = {
    "add": lambda a, b, k: a + b,
    "mul": lambda a, b, k: a * b,
    "pow": lambda a, b, k: torch.pow(a, k),
    "tanh": lambda a, b, k: torch.tanh(a),
    "exp": lambda a, b, k: torch.exp(a),
    "relu": lambda a, b, k: torch.relu(a),
    "log": lambda a, b, k: torch.log(a),
    "sigmoid": lambda a, b, k: torch.sigmoid(a),
    "sqrt": lambda a, b, k: torch.sqrt(a),
    "abs": lambda a, b, k: torch.abs(a),
    "sin": lambda a, b, k: torch.sin(a),
    "cos": lambda a, b, k: torch.cos(a),
    "powValue": lambda a, b, k: torch.pow(a, b),
    "softplus": lambda a, b, k: Softplus.apply(a),
    "hypot": lambda a, b, k: Hypot.apply(a, b),
}


def build_graph(nodes):
    """Build the nodes [{op: 'leaf', value} | {op, inputs: [i, j?], k?}] in order; returns the tensors."""
    ts = []
    for n in nodes:
        op = n["op"]
        if op == "leaf":
            t = leaf(n["value"])
        else:
            ins = [ts[i] for i in n["inputs"]]
            a = ins[0]
            b = ins[1] if len(ins) > 1 else None
            t = OPS[op](a, b, dec(n.get("k", 0)))
            t.retain_grad()
        ts.append(t)
    return ts


def handle_graph(req):
    """Every node's value and its gradient of the root (0 for nodes the root does not depend on)."""
    ts = build_graph(req["nodes"])
    root = ts[req.get("root", len(ts) - 1)]
    root.backward()
    return {
        "values": [enc(t.item()) for t in ts],
        "grads": [enc(t.grad.item()) if t.grad is not None else 0.0 for t in ts],
    }


def handle_version(_req):
    return {"torch": torch.__version__, "python": sys.version.split()[0]}


HANDLERS = {"graph": handle_graph, "version": handle_version}
HANDLERS.update(NN_HANDLERS)
HANDLERS["second_order"] = lambda req: handle_second_order(req, OPS, dec, enc)
HANDLERS["functional"] = lambda req: handle_functional(req, OPS, dec, enc)


def main():
    out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        try:
            result = HANDLERS[req["kind"]](req)
            resp = {"id": req.get("id"), "ok": True, "result": result}
        except Exception as e:  # the client shows the message with the request that caused it
            resp = {"id": req.get("id"), "ok": False, "error": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(resp, allow_nan=False) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
