#!/usr/bin/env python3
"""A micrograd-style Value in Python (a closure per node, a set of children, a recursive topological sort, as
micrograd's engine.py writes it), timed on micrograd's moons demo step to measure Python's cost per graph node.

Reads JSON lines: {"setup": {"X": [...], "y": [...], "layers": [[[b, w0, ...], ...], ...]}} answers {"nodes": n,
"first_loss": loss}; {"run": k} runs k steps (forward, backward, SGD) and answers {"ms": ms per step, "nodes": n}.
"""
import json
import sys

import time

sys.setrecursionlimit(100000)


class Value:
    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,), "ReLU")

        def _backward():
            self.grad += (out.data > 0) * out.grad

        out._backward = _backward
        return out

    def backward(self):
        topo = []
        visited = set()

        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)

        build_topo(self)
        self.grad = 1
        for v in reversed(topo):
            v._backward()
        return len(topo)

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __neg__(self):
        return self * -1


state = {}


def loss():
    layers, X, y = state["layers"], state["X"], state["y"]
    scores = []
    for row in X:
        h = [Value(x) for x in row]
        for li, layer in enumerate(layers):
            out = []
            for n in layer:
                act = sum((wi * xi for wi, xi in zip(n[1:], h)), n[0])
                out.append(act.relu() if li < len(layers) - 1 else act)
            h = out
        scores.append(h[0])
    losses = [(1 + -yi * si).relu() for yi, si in zip(y, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = 1e-4 * sum((p * p for p in state["params"]))
    return data_loss + reg_loss


def step(k):
    total = loss()
    for p in state["params"]:
        p.grad = 0
    nodes = total.backward()
    lr = 1.0 - 0.9 * (k % 100) / 100
    for p in state["params"]:
        p.data -= lr * p.grad
    return nodes


for line in sys.stdin:
    msg = json.loads(line)
    if "setup" in msg:
        s = msg["setup"]
        state["X"], state["y"] = s["X"], s["y"]
        state["layers"] = [[[Value(v) for v in n] for n in layer] for layer in s["layers"]]
        # The library's parameter order: per neuron its weights, then its bias.
        state["params"] = [p for layer in state["layers"] for n in layer for p in n[1:] + n[:1]]
        state["k"] = 0
        out = {"first_loss": loss().data}
    else:
        t0 = time.perf_counter()
        for _ in range(int(msg["run"])):
            nodes = step(state["k"])
            state["k"] += 1
        out = {"ms": (time.perf_counter() - t0) * 1000 / int(msg["run"]), "nodes": nodes}
    print(json.dumps(out), flush=True)
