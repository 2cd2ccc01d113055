"""torch.autograd.functional answers for micrograd-ts (registered in torch_oracle.HANDLERS as "functional").

Request: a graph spec (as for "graph") plus "inputs", the indices of the leaves that vary (every other leaf
is a constant), "outputs", the indices of the nodes f returns, "v", one number per output, "root", the node
whose Hessian-vector product is taken, and "hv", one number per input. Answer, all float64: the outputs'
values, vjp (functional.vjp with v), jacobian (functional.jacobian, one row per output) and hvp
(functional.hvp of the root along hv), and hvpHessian, H·hv from functional.hessian: hvp's double-backward
trick passes zeros through 0·∞ into NaN where the Hessian's own entries are finite, so the two can differ;
and every node's value ("values", in spec order, for the check that separates amplified rounding from
wrong rules).
"""
import torch

from second_order import build_nodes

F64 = torch.float64


def handle_functional(req, ops, dec, enc):
    nodes = req["nodes"]
    inputs = req["inputs"]
    outputs = req["outputs"]
    root = req["root"]
    point = [dec(nodes[i]["value"]) for i in inputs]
    v = [dec(x) for x in req["v"]]
    hv = [dec(x) for x in req["hv"]]

    def build(xs):
        return build_nodes(nodes, dict(zip(inputs, xs)), ops, dec)

    def f(*xs):
        ts = build(xs)
        return tuple(ts[o] for o in outputs)

    def g(*xs):
        return build(xs)[root]

    def fresh():
        return tuple(torch.tensor(x, dtype=F64) for x in point)

    def vec(xs):
        return tuple(torch.tensor(x, dtype=F64) for x in xs)

    values, vjp = torch.autograd.functional.vjp(f, fresh(), vec(v))
    jac = torch.autograd.functional.jacobian(f, fresh())
    value, hvp = torch.autograd.functional.hvp(g, fresh(), vec(hv))
    hess = torch.autograd.functional.hessian(g, fresh())
    hvp_hessian = [sum((hess[i][j] * hv[j] for j in range(len(hv))), torch.tensor(0.0, dtype=F64)) for i in range(len(hv))]
    return {
        "outputs": [enc(y.item()) for y in values],
        "vjp": [enc(x.item()) for x in vjp],
        "jacobian": [[enc(x.item()) for x in row] for row in jac],
        "value": enc(value.item()),
        "hvp": [enc(x.item()) for x in hvp],
        "hvpHessian": [enc(x.item()) for x in hvp_hessian],
        "values": [enc(t.item()) for t in build(fresh())],
    }
