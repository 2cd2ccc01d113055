"""PyTorch handlers for the neural-network checks of micrograd-ts (registered in torch_oracle.HANDLERS).

Models travel in MLP.toJSON() form: {"nin", "layers": [{"activation", "weights": [[...]], "biases": [...]}]}.
Parameters come back in micrograd's parameters() order: layer by layer, neuron by neuron, weights then bias.
Each neuron sums as micrograd does, b + w0*x0 + w1*x1 + ..., one input at a time, so forward values match
bit for bit; every tensor is float64.
"""


import torch
import torch.nn.functional as F

F64 = torch.float64

ACT = {
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "linear": lambda t: t,
}


def model_tensors(model):
    """[(W, b, activation)] with W of shape (nout, nin), as leaf tensors that require grad."""
    out = []
    for layer in model["layers"]:
        W = torch.tensor(layer["weights"], dtype=F64, requires_grad=True)
        b = torch.tensor(layer["biases"], dtype=F64, requires_grad=True)
        out.append((W, b, layer["activation"]))
    return out


def forward(layers, X):
    """Outputs (N, nout) for inputs X (N, nin), summing each neuron from its bias as micrograd does."""
    h = X
    for W, b, act in layers:
        a = b.expand(h.shape[0], -1)
        for i in range(W.shape[1]):
            a = a + W[:, i] * h[:, i : i + 1]
        h = ACT[act](a)
    return h


def flat_params(layers):
    """Every parameter as one vector, in parameters() order (weights of neuron j, then its bias)."""
    return torch.cat([torch.cat([W, b.unsqueeze(1)], dim=1).reshape(-1) for W, b, _ in layers])


def flat_grads(layers):
    return torch.cat([torch.cat([W.grad, b.grad.unsqueeze(1)], dim=1).reshape(-1) for W, b, _ in layers])


def seq_sum(t):
    """Left-to-right sum from 0, as Python's sum() over Values (cumsum accumulates in order)."""
    return torch.cumsum(t.reshape(-1), 0)[-1]


def micrograd_loss(layers, X, y, alpha):
    """micrograd's demo loss: mean(relu(1 - y*score)) + alpha * sum(p*p), summed in micrograd's order."""
    scores = forward(layers, X)[:, 0]
    losses = torch.relu(scores * (-y) + 1)
    data_loss = seq_sum(losses) * (1.0 / losses.shape[0])
    p = flat_params(layers)
    total = data_loss + seq_sum(p * p) * alpha if alpha != 0 else data_loss
    acc = ((y > 0) == (scores > 0)).double().mean()
    return total, acc


def floats(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def handle_mlp(req):
    """Outputs of the model on each input, and every parameter's gradient of the sum of all outputs."""
    layers = model_tensors(req["model"])
    X = torch.tensor(req["X"], dtype=F64)
    out = forward(layers, X)
    out.sum().backward()
    return {"outputs": out.detach().tolist(), "grads": floats(flat_grads(layers))}


def handle_loss(req):
    """A loss from torch.nn.functional (or its plain formula) and its gradient with respect to the scores."""
    name = req["loss"]
    s = torch.tensor(req["scores"], dtype=F64, requires_grad=True)
    y = torch.tensor(req.get("labels", []), dtype=F64)
    if name == "max-margin":
        loss = torch.relu(1 - y * s).mean()
    elif name == "mse":
        loss = F.mse_loss(s, y)
    elif name == "bce":
        loss = F.binary_cross_entropy_with_logits(s, y)
    elif name == "cross-entropy":
        loss = F.cross_entropy(s, y.long())
    elif name == "l2":
        loss = req["alpha"] * (s * s).sum()
    else:
        raise ValueError(f"unknown loss {name!r}")
    loss.backward()
    return {"value": float(loss), "grad": s.grad.tolist()}


def make_optimizer(params, spec):
    kind = spec["kind"]
    if kind == "sgd":
        return torch.optim.SGD(params, lr=spec["lr"], momentum=spec.get("momentum", 0),
                               weight_decay=spec.get("weightDecay", 0), nesterov=spec.get("nesterov", False))
    if kind in ("adam", "adamw"):
        cls = torch.optim.AdamW if kind == "adamw" else torch.optim.Adam
        return cls(params, lr=spec["lr"], betas=tuple(spec.get("betas", (0.9, 0.999))),
                   eps=spec.get("eps", 1e-8), weight_decay=spec.get("weightDecay", 0))
    raise ValueError(f"unknown optimizer {kind!r}")


def handle_optim(req):
    """Steps of torch.optim on micrograd's loss from the given model; parameters after every step."""
    layers = model_tensors(req["model"])
    X = torch.tensor(req["X"], dtype=F64)
    y = torch.tensor(req["y"], dtype=F64)
    params = [t for W, b, _ in layers for t in (W, b)]
    opt = make_optimizer(params, req["optimizer"])
    lrs = req.get("lrs")
    after = []
    for k in range(req["steps"]):
        if lrs is not None:
            for g in opt.param_groups:
                g["lr"] = lrs[k]
        loss, _ = micrograd_loss(layers, X, y, req["alpha"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        after.append(floats(flat_params(layers)))
    return {"params": after}


def handle_demo(req):
    """micrograd's demo loop: full batch, SGD with lr 1.0 - 0.9*k/steps; loss and accuracy at every step."""
    layers = model_tensors(req["model"])
    X = torch.tensor(req["X"], dtype=F64)
    y = torch.tensor(req["y"], dtype=F64)
    steps = req["steps"]
    losses, accs = [], []
    for k in range(steps):
        loss, acc = micrograd_loss(layers, X, y, req["alpha"])
        for W, b, _ in layers:
            W.grad = None
            b.grad = None
        loss.backward()
        lr = 1.0 - 0.9 * k / steps
        with torch.no_grad():
            for W, b, _ in layers:
                W -= lr * W.grad
                b -= lr * b.grad
        losses.append(float(loss))
        accs.append(float(acc))
    return {"losses": losses, "accuracies": accs, "params": floats(flat_params(layers))}


NN_HANDLERS = {
    "nn_mlp": handle_mlp,
    "nn_loss": handle_loss,
    "nn_optim": handle_optim,
    "nn_demo": handle_demo,
}


