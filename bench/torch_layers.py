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
