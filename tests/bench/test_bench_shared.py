"""bench/shared.py on both backends with tiny settings: what it measures must be there to measure.

Not a timing test: it checks that the poller and two analyst processes, writing at once, lose
nothing (every change the analysts were told of is in the audit log, every free tag on its
article), that no locking or serialisation error reached them, and that each analyst's watcher
was told of every article the poller stored and of the other analyst's tags.
"""

from bench.shared import latencies, read_back, run_desk
from tests.backends import backend, backend_url  # noqa: F401  (fixtures)

ANALYSTS = 2


def test_shared_desk_loses_nothing_and_every_watcher_hears(backend, backend_url):
    run = run_desk(backend, backend_url, seconds=2.0, analysts=ANALYSTS)

    audited, made, on_article, added = read_back(run)
    assert made > 0 and audited == made
    assert added > 0 and on_article == added
    assert [dict(report.errors) for report in run.analysts] == [{}] * ANALYSTS

    found = latencies(run)
    assert run.poller.writes, "the poller stored no article while the analysts worked"
    assert not found["article"].unseen
    assert len(found["article"].seen) == len(run.poller.writes) * ANALYSTS
    # Every type and kabupaten change reaches the other analyst; on PostgreSQL only writes no trigger
    # announces go unseen (free tags; an actor edit that changed nothing).
    coded = sum(write.op in ("type", "kabupaten") for report in run.analysts for write in report.writes)
    assert len(found["tag"].seen) >= coded * (ANALYSTS - 1)
    assert set(found["tag"].unseen) <= ({"tag", "actor"} if backend == "postgres" else set())
