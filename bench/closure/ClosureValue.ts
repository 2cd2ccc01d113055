// The baseline users know: a line-for-line micrograd port as JavaScript ports write it.
//
// A closure per node for its backward, a Set of children, a recursive topological sort (which overflows
// the call stack a few thousand nodes deep). Kept only as the benchmark's reference point.

export class ClosureValue {
  data: number;
  grad = 0;
  _backward: () => void = () => {};
  _prev: Set<ClosureValue>;
  _op: string;

  constructor(data: number, children: ClosureValue[] = [], op = '') {
    this.data = data;
    this._prev = new Set(children);
    this._op = op;
  }

  add(other: ClosureValue | number): ClosureValue {
    const o = other instanceof ClosureValue ? other : new ClosureValue(other);
    const out = new ClosureValue(this.data + o.data, [this, o], '+');
    out._backward = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: ClosureValue | number): ClosureValue {
    const o = other instanceof ClosureValue ? other : new ClosureValue(other);
    const out = new ClosureValue(this.data * o.data, [this, o], '*');
    out._backward = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  relu(): ClosureValue {
    const out = new ClosureValue(this.data < 0 ? 0 : this.data, [this], 'ReLU');
    out._backward = () => {
      this.grad += (out.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  backward(): void {
    const topo: ClosureValue[] = [];
    const visited = new Set<ClosureValue>();
    const build = (v: ClosureValue): void => {
      if (!visited.has(v)) {
        visited.add(v);
        for (const child of v._prev) build(child);
        topo.push(v);
      }
    };
    build(this);
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i]!._backward();
  }
}
