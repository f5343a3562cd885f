#!/usr/bin/env python3
"""Where a request's CPU goes, by layer, from an async-profiler collapsed-stack file (bench/profile.sh).

    bench/layers.py PROFILE.collapsed CPU_US_PER_REQUEST [TOP]

Input: one stack a line, frames from the thread's root to the leaf separated by ';', then a space and the
sample count (async-profiler's `collapsed` output; `_[k]` marks kernel frames). CPU_US_PER_REQUEST is the
process's CPU time per request over the profiled run, in microseconds.
Output (Markdown on stdout): each layer's share of the samples and that share of CPU_US_PER_REQUEST, largest
first, then the TOP (default 15) hottest leaf frames. A sample belongs to the innermost frame that names a
layer: a JDK or Spring utility (java/util, org/springframework/core, ...) counts for the layer that called it,
the kernel's socket work for the JDK socket call above it. Exits 2 with one line on stderr on bad arguments.
"""
import collections
import re
import sys

# (layer, pattern on a frame), first match wins for one frame; the innermost matching frame names the sample.
LAYERS = [
    ("logging (the access log line, structured JSON)",
     r"ch/qos/logback|org/slf4j|org/springframework/boot/logging|org/springframework/boot/json"),
    ("tracing and metrics (observation filter, OpenTelemetry, Micrometer)",
     r"io/micrometer|io/opentelemetry|org/springframework/web/filter/ServerHttpObservationFilter"
     r"|org/springframework/http/server/observation|org/springframework/boot/micrometer"
     r"|org/springframework/boot/data/metrics"),
    ("JSON writing (Jackson)", r"tools/jackson|com/fasterxml/jackson"),
    ("MVC message conversion",
     r"org/springframework/http/converter|org/springframework/web/servlet/mvc/method/annotation/"
     r"(AbstractMessageConverterMethodProcessor|RequestResponseBodyMethodProcessor|RequestResponseBodyAdviceChain)"),
    ("MVC argument resolution",
     r"org/springframework/web/method/annotation|org/springframework/web/method/support/HandlerMethodArgumentResolver"
     r"|org/springframework/web/method/support/InvocableHandlerMethod\.getMethodArgumentValues"
     r"|org/springframework/web/bind|org/springframework/validation"),
    ("MVC dispatch and handler mapping",
     r"org/springframework/web/servlet|org/springframework/web/method|org/springframework/web/context"
     r"|org/springframework/web/util|org/springframework/web/cors|org/springframework/web/accept"),
    ("servlet filters (request id, body limit, Spring's)",
     r"org/springframework/web/filter|org/springframework/boot/web|org/springframework/boot/tomcat|forum/platform/web"),
    ("the forum's controllers and services", r"^forum/"),
    ("data mapping (Spring Data JDBC, JdbcTemplate, repository proxies)",
     r"org/springframework/data|org/springframework/jdbc|org/springframework/transaction|org/springframework/aop"
     r"|org/springframework/dao|jdk/proxy"),
    ("JDBC driver and database (H2 runs in the JVM)", r"org/h2|org/postgresql"),
    ("connection pool (Hikari)", r"com/zaxxer/hikari"),
    ("Tomcat (HTTP parsing, servlet container)", r"org/apache/catalina|org/apache/coyote|org/apache/tomcat"),
    ("socket I/O (JDK NIO, the kernel's loopback TCP)", r"sun/nio/ch|java/nio/channels|sun/net"),
    ("virtual-thread scheduling", r"java/lang/VirtualThread|java/util/concurrent/ForkJoin|jdk/internal/vm/Continuation"),
]
JIT = re.compile(r"CompileBroker|C2Compiler|Compiler::compile|Compilation::")
GC = re.compile(r"GCTaskThread|VMThread|DefNewGeneration|SerialHeap|G1|ParallelGC|GenCollect|TenuredGeneration")


def layer_of(frames):
    for frame in reversed(frames):
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    root = ";".join(frames[:6])
    if JIT.search(root):
        return "JIT compiler"
    if GC.search(";".join(frames)):
        return "garbage collector"
    return "other (JVM, kernel, unattributed)"


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: bench/layers.py PROFILE.collapsed CPU_US_PER_REQUEST [TOP]\n")
        return 2
    try:
        cpu_us = float(argv[2])
        top = int(argv[3]) if len(argv) == 4 else 15
        lines = open(argv[1], encoding="utf-8", errors="replace").read().splitlines()
    except (ValueError, OSError) as e:
        sys.stderr.write(f"bench/layers.py: {e}\n")
        return 2
    by_layer, leaves, total = collections.Counter(), collections.Counter(), 0
    for line in lines:
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        by_layer[layer_of(frames)] += int(count)
        leaves[frames[-1]] += int(count)
        total += int(count)
    if total == 0:
        sys.stderr.write(f"bench/layers.py: no samples in {argv[1]}\n")
        return 2
    print(f"| layer | share of CPU | µs/request (of {cpu_us:.0f}) |")
    print("|---|---:|---:|")
    for name, n in by_layer.most_common():
        print(f"| {name} | {100 * n / total:.1f} % | {cpu_us * n / total:.1f} |")
    print()
    print(f"| hottest leaf frame (of {total} samples) | share |")
    print("|---|---:|")
    for frame, n in leaves.most_common(top):
        print(f"| `{frame.replace('|', '/')}` | {100 * n / total:.1f} % |")
    return 0


COMPILED = [(name, re.compile(pattern)) for name, pattern in LAYERS]

if __name__ == "__main__":
    sys.exit(main(sys.argv))
