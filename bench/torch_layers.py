"""The benchmark peers' shared start: the TypeScript model's weights as PyTorch tensors."""
import torch


def layer_params(layers, dtype):
    """[W0, b0, W1, b1, ...] from layers[l][j] = [b, w0, w1, ...] of neuron j (W[i][j] = w_i of neuron j)."""
    params = []
    for layer in layers:
        w = torch.tensor([[n[1 + i] for n in layer] for i in range(len(layer[0]) - 1)], dtype=dtype)
        b = torch.tensor([n[0] for n in layer], dtype=dtype)
        params += [w.requires_grad_(), b.requires_grad_()]
    return params


def demo_step(params, X, y, lr):
    """One step of micrograd's demo: forward, max-margin loss + 1e-4 * sum(p^2), backward, SGD at lr."""
    h = X
    for i in range(0, len(params), 2):
        h = h @ params[i] + params[i + 1]
        if i + 2 < len(params):
            h = torch.relu(h)
    losses = torch.relu(1 - y * h)
    data_loss = losses.mean()
    reg_loss = 1e-4 * sum((p * p).sum() for p in params)
    loss = data_loss + reg_loss
    for p in params:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
    return loss
