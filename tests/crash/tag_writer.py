"""Tag through the storage calls the desk's tagging thread makes, as fast as they go.

    python tests/crash/tag_writer.py DB_URL USER ARTICLE_IDS ROUNDS [RUN]

ARTICLE_IDS is comma-separated. Each round, on the next article in turn: a new free tag
"USER-RUN-NNNNN" (`add_tag`, what `t` stores) and an engagement type (`set_type`, what the number
keys store), so two writers on one article race for the same single value every round. ROUNDS 0
means until killed. The last line is "DONE <rounds> RETRIES <n>": how often a write lost a race
for the database and was run again (storage.retry). Any error ends the process with it.
"""

import logging
import sys
from itertools import count

from storage.engine import make_engine
from storage.manual_tags import add_tag, set_type

TYPES = ("strike", "protest", "arrest", "dialogue", "mediation")


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.seen += 1


def main(url: str, user: str, article_ids: list[int], rounds: int, run: int) -> None:
    retries = Counter()
    logging.getLogger("storage.retry").addHandler(retries)
    engine = make_engine(url)
    print("READY", flush=True)
    for number in count(1) if rounds == 0 else range(1, rounds + 1):
        article_id = article_ids[number % len(article_ids)]
        add_tag(engine, article_id, f"{user}-{run:02d}-{number:05d}", user)
        set_type(engine, article_id, TYPES[number % len(TYPES)], user)
    print(f"DONE {rounds} RETRIES {retries.seen}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3].split(",")], int(sys.argv[4]),
         int(sys.argv[5]) if len(sys.argv) > 5 else 0)
