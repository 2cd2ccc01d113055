"""Second-order PyTorch answers for micrograd-ts (registered in torch_oracle.HANDLERS as "second_order").

Request: a graph spec (as for "graph") plus "inputs", the indices of the leaves to differentiate by (every
other leaf is a constant), and "tangent", one number per input. Answer: the root's value, its gradient
(torch.autograd.grad), its Hessian (torch.autograd.functional.hessian) and its directional derivative
along the tangent (torch.autograd.functional.jvp, and by forward-mode AD as "jvpForward"), and every
node's value ("values", in spec order, for the check that separates amplified rounding from wrong rules),
all float64.
"""
import torch
import torch.autograd.forward_ad as fwAD

F64 = torch.float64



def build_nodes(nodes, given, ops, dec):
    """The spec's nodes as tensors, in order: leaf i is given[i] where given has it, else a constant."""
    ts = []
    for i, n in enumerate(nodes):
        if n["op"] == "leaf":
            t = given.get(i)
            ts.append(torch.tensor(dec(n["value"]), dtype=F64) if t is None else t)
        else:
            ins = [ts[j] for j in n["inputs"]]
            ts.append(ops[n["op"]](ins[0], ins[1] if len(ins) > 1 else None, dec(n.get("k", 0))))
    return ts

def handle_second_order(req, ops, dec, enc):
    nodes = req["nodes"]
    root = req.get("root", len(nodes) - 1)
    inputs = req["inputs"]
    point = [dec(nodes[i]["value"]) for i in inputs]
    tangent = [dec(t) for t in req["tangent"]]
    if len(tangent) != len(inputs):
        raise ValueError(f"tangent has {len(tangent)} entries for {len(inputs)} inputs")

    last = []  # the nodes of f's latest call

    def f(*xs):
        last[:] = build_nodes(nodes, dict(zip(inputs, xs)), ops, dec)
        return last[root]

    def fresh():
        return tuple(torch.tensor(x, dtype=F64, requires_grad=True) for x in point)

    xs = fresh()
    y = f(*xs)
    grads = torch.autograd.grad(y, xs, allow_unused=True) if y.requires_grad else [None] * len(xs)
    hess = torch.autograd.functional.hessian(f, fresh())
    _, jv = torch.autograd.functional.jvp(f, fresh(), tuple(torch.tensor(t, dtype=F64) for t in tangent))
    # PyTorch's own forward mode too: functional.jvp runs a double backward, whose zeros_like for pow(·, 0)
    # cuts the path a forward tangent still travels (0 · NaN downstream), so the two can differ.
    with fwAD.dual_level():
        duals = [fwAD.make_dual(torch.tensor(x, dtype=F64), torch.tensor(t, dtype=F64)) for x, t in zip(point, tangent)]
        out = fwAD.unpack_dual(f(*duals)).tangent
        jv_forward = 0.0 if out is None else out.item()
    f(*fresh())  # once more: `last` now holds every node of a plain forward pass
    values = [enc(t.item()) for t in last]
    return {
        "value": enc(y.item()),
        "values": values,
        "grad": [enc(g.item()) if g is not None else 0.0 for g in grads],
        "hessian": [[enc(h.item()) for h in row] for row in hess],
        "jvp": enc(jv.item()),
        "jvpForward": enc(jv_forward),
    }
