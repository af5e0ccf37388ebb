"""Files of the build cache, replaced whole or not at all.

Job: write one file that a later build reads back (the address record,
the slug book, the template analyses, the record of rendered pages, the
build record, the template checks' result), so that a build killed while
writing, or two builds at once, never leave half a file in its place.

The data goes to a temporary file beside the target (``.<name>.<pid>``,
so two processes never share one) and is renamed over it with
`os.replace`, which POSIX and Windows both make atomic within one folder.
A cache that cannot be written is not an error: every reader of these
files treats a missing or damaged one as empty, and the next build only
does more work. So a failure here is reported by the return value, never
raised, and the temporary file is removed.

May import: the standard library only.
"""

from __future__ import annotations

import os
from pathlib import Path


def replace_file(path: Path, data: str | bytes) -> bool:
    """Make ``path`` hold exactly ``data``; True when it does, False when the file could not be written.

    Takes the file's path (its folder is made when missing) and its
    contents: text is written as UTF-8 (the encoding every reader of the
    cache uses), bytes as they are. Text that UTF-8 cannot hold (a lone
    surrogate, from a file name the system could not decode) is not
    written either. On False the file is as it was before (absent, or the
    old contents) and no temporary file is left behind. Raises nothing
    for a file system error (`OSError`).
    """
    try:
        payload = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError:
        return False
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(payload)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
