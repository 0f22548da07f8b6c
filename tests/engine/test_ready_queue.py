"""The backward walk's ready queue pops nodes in the order of PyTorch's std::priority_queue (libstdc++), ties
included: that order decides which leaf's hooks print first."""
import random
import shutil
import subprocess
import textwrap

import pytest

from tensorsh.engine.autograd import ReadyQueue

REFERENCE = textwrap.dedent("""
    #include <cstdio>
    #include <queue>
    #include <vector>
    struct Task { long seq; int id; };
    struct BySeq { bool operator()(Task const& a, Task const& b) const { return a.seq < b.seq; } };
    int main() {
        std::priority_queue<Task, std::vector<Task>, BySeq> q;
        char op; long seq; int id;
        while (std::scanf(" %c", &op) == 1) {
            if (op == 'u') { std::scanf("%ld %d", &seq, &id); q.push({seq, id}); }
            else { std::printf("%d\\n", q.top().id); q.pop(); }
        }
    }
""")


class Node:
    def __init__(self, seq, ident):
        self.seq, self.ident = seq, ident


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs a C++ compiler for the reference queue")
def test_pops_in_the_order_of_libstdcxx_priority_queue(tmp_path):
    source, program = tmp_path / "pq.cpp", tmp_path / "pq"
    source.write_text(REFERENCE)
    subprocess.run(["g++", "-O1", str(source), "-o", str(program)], check=True)
    rng = random.Random(0)
    for _ in range(200):
        ops, queue, popped, size = [], ReadyQueue(), [], 0
        for k in range(rng.randint(1, 40)):
            if size and rng.random() < 0.4:
                ops.append("o")
                popped.append(queue.pop().ident)
                size -= 1
            else:  # many equal keys: AccumulateGrad nodes all have the largest sequence number
                seq = rng.choice([5, 7, 1 << 62, 1 << 62, 1 << 62, rng.randint(0, 20)])
                ops.append(f"u {seq} {k}")
                queue.push(Node(seq, k))
                size += 1
        while size:
            ops.append("o")
            popped.append(queue.pop().ident)
            size -= 1
        reference = subprocess.run([str(program)], input="\n".join(ops), capture_output=True, text=True, check=True)
        assert [int(v) for v in reference.stdout.split()] == popped, ops
