#!/usr/bin/env python3
"""Inclusive shares of the frames that match a pattern, from an async-profiler collapsed-stack file
(bench/profile.sh --keep FILE): what bench/layers.py cannot tell, the cost of one call and everything below it.

    bench/frames.py PROFILE.collapsed REGEX [TOP]

Input: one stack a line, frames from the thread's root to the leaf separated by ';', then a space and the sample
count. REGEX (Python syntax) is searched in each frame's name, e.g. 'Filter\\.doFilter|DispatcherServlet\\.doService'.
Output (stdout): the TOP (default 40) matching frames by inclusive share, one a line: the share of all samples in
whose stack the frame appears (once per stack, however deep the recursion), then the frame. Reading two nested
frames' shares side by side gives the outer one's own cost: a filter's share minus the next filter's is what the
filter itself spends. Exits 2 with one line on stderr on bad arguments.
"""
import collections
import re
import sys


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: bench/frames.py PROFILE.collapsed REGEX [TOP]\n")
        return 2
    try:
        pattern = re.compile(argv[2])
        top = int(argv[3]) if len(argv) == 4 else 40
        lines = open(argv[1], encoding="utf-8", errors="replace").read().splitlines()
    except (re.error, ValueError, OSError) as e:
        sys.stderr.write(f"bench/frames.py: {e}\n")
        return 2
    inclusive, total = collections.Counter(), 0
    for line in lines:
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        total += int(count)
        for frame in set(f for f in stack.split(";") if pattern.search(f)):
            inclusive[frame] += int(count)
    if total == 0:
        sys.stderr.write(f"bench/frames.py: no samples in {argv[1]}\n")
        return 2
    for frame, count in inclusive.most_common(top):
        print(f"{100 * count / total:5.1f} %  {frame}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
