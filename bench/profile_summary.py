"""Summarise py-spy collapsed stacks (``--format raw``): top functions by self and total time.

    python -m bench.profile_summary /tmp/prof/ours-run1.collapsed [--top 25] [--thread main]

Each line of the input is ``frame;frame;...;leaf COUNT`` (root first). Frames look like
``function (path/to/file.py:123)``; ``--by-function`` folds the line numbers away.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

_LINE_NUMBER = re.compile(r":\d+\)$")
_SITE = re.compile(r"/(?:site|dist)-packages/")


def _short(frame: str, by_function: bool) -> str:
    frame = _SITE.sub("/…/", frame)
    frame = frame.replace(str(Path.cwd()) + "/", "")
    return _LINE_NUMBER.sub(")", frame) if by_function else frame


def summarise(
    lines: list[str], *, by_function: bool, thread: str | None
) -> tuple[int, Counter[str], Counter[str]]:
    """Total samples, self samples per frame, inclusive samples per frame."""
    total = 0
    self_samples: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    for raw in lines:
        stack, _, count_text = raw.rstrip("\n").rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        frames = stack.split(";")
        if thread is not None and thread not in frames[0]:
            continue
        count = int(count_text)
        total += count
        names = [_short(f, by_function) for f in frames]
        self_samples[names[-1]] += count
        for name in set(names):
            inclusive[name] += count
    return total, self_samples, inclusive


def main() -> int:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--by-function", action="store_true")
    parser.add_argument("--thread", help="only stacks whose root frame contains this")
    parser.add_argument("--match", help="inclusive table: only frames containing this")
    args = parser.parse_args()
    lines = args.path.read_text("utf-8", errors="replace").splitlines()
    total, self_samples, inclusive = summarise(
        lines, by_function=args.by_function, thread=args.thread
    )
    if not total:
        print("no samples", file=sys.stderr)
        return 1
    print(f"{total} samples\n\nself %  frame")
    for name, count in self_samples.most_common(args.top):
        print(f"{100 * count / total:6.1f}  {name}")
    print("\ntotal %  frame")
    shown = 0
    for name, count in inclusive.most_common():
        if args.match and args.match not in name:
            continue
        print(f"{100 * count / total:7.1f}  {name}")
        shown += 1
        if shown >= args.top:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
