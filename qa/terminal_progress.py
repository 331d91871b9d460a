"""Progress on stderr for a person watching a ``zhen`` run, and nothing for a script.

When stderr is a terminal each long stage (embedding, aligning, checks) gets a tqdm bar
with its rate and ETA, cleared when the stage ends, and the run ends with one summary
line of where the time went.  A stage that ends within ``delay`` seconds never shows a
bar, so short inputs stay quiet.  ``-q`` silences all of it; ``-v`` adds the notes
(detected encoding, counts), as lines when stderr is no terminal.  When stderr is not
a terminal and ``-v`` is off nothing is written: the results summary goes to stdout,
and warnings and errors are written by the CLI itself.
"""

from __future__ import annotations

import io
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from align.progress import Tick

#: what a bar shows: stage, share done, bar, count, elapsed, ETA, rate
BAR_FORMAT = ("zhen: {desc} {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} {unit} "
              "[{elapsed}, ETA {remaining}, {rate_fmt}]")


class TerminalProgress:
    """An ``align.progress.Progress`` writing to a terminal (see the module docstring)."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False,
                 stream: TextIO | None = None, delay: float = 0.5) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.bars = not quiet and bool(isatty and isatty())
        self.notes = verbose
        self.delay = delay
        self.started = time.monotonic()
        #: seconds and units per stage name, for the summary line
        self.seconds: Counter[str] = Counter()
        self.units: Counter[str] = Counter()
        self.unit_names: dict[str, str] = {}
        self._depth = 0
        self._lock = threading.Lock()  # the embedder ticks from worker threads

    def _columns(self) -> int | None:
        """None to follow the terminal's width, or 80 when it reports none (a bare
        pseudo-terminal says 0 columns, and tqdm would draw nothing)."""
        try:
            return None if os.get_terminal_size(self.stream.fileno()).columns else 80
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            return 80

    def __call__(self, message: str) -> None:
        if not self.notes:
            return
        line = f"zhen: {message}"
        if self.bars:
            from tqdm import tqdm

            tqdm.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    @contextmanager
    def stage(self, name: str, total: int, unit: str) -> Iterator[Tick]:
        bar = None
        if self.bars and total > 0:
            from tqdm import tqdm

            width = self._columns()
            bar = tqdm(total=total, desc=name, unit=unit, file=self.stream, leave=False,
                       delay=self.delay, position=self._depth, ncols=width,
                       dynamic_ncols=width is None, bar_format=BAR_FORMAT)
        self.unit_names.setdefault(name, unit)
        start = time.monotonic()
        self._depth += 1

        def tick(n: int) -> None:
            with self._lock:
                self.units[name] += n
                if bar is not None:
                    bar.update(n)

        try:
            yield tick
        finally:
            self._depth -= 1
            self.seconds[name] += time.monotonic() - start
            if bar is not None:
                bar.close()

    def summary(self) -> str:
        """``zhen: done in 24.3 s (embedding: 1,296 texts in 12.1 s; aligning: 3.0 s; …)``.

        Stages nest (the aligner embeds), so their times add up to more than the total.
        """
        parts = []
        for name, secs in self.seconds.items():
            unit, n = self.unit_names.get(name, ""), self.units[name]
            count = f"{n:,} {unit}{'' if n == 1 else 's'} in " if unit not in ("step", "") else ""
            parts.append(f"{name}: {count}{secs:.1f} s")
        inner = f" ({'; '.join(parts)})" if parts else ""
        return f"zhen: done in {time.monotonic() - self.started:.1f} s{inner}"

    def finish(self) -> None:
        """The one line a watched run ends with (nothing when no one watches)."""
        if self.bars or self.notes:
            print(self.summary(), file=self.stream, flush=True)
