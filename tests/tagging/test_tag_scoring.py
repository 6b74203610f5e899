"""`pantau eval`'s measures: how a label and the tagger's output are compared, on sentences we write ourselves,
and the command on a small fictional corpus and (when present) on ../shared/corpus."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tagging.corpus import default_corpus, is_check, load_corpus
from tagging.scoring import Overlap, pair_names, same_officer, same_organisation, score, tag_labelled
from tui.cli import main

ENGAGEMENT = ("Kapolres Serang AKBP Dimas Wiratama menemui pengurus ASPSB di Kecamatan Cikande, Kabupaten Serang, "
              "Senin (8/12/2025). Ngariung itu membahas upah minimum bersama para buruh.")
LOOKALIKE = "Satpol PP Kabupaten Serang menertibkan pedagang di Pasar Kragilan, Senin (8/12/2025)."


def write_corpus(folder: Path, rows: list[tuple[dict, dict]]) -> Path:
    folder.mkdir()
    with (folder / "articles.jsonl").open("w") as articles, (folder / "gold.jsonl").open("w") as gold:
        for article, label in rows:
            articles.write(json.dumps(article) + "\n")
            gold.write(json.dumps(label) + "\n")
    return folder


def label(article_id: str, **fields) -> dict:
    base = {"id": article_id, "engagement": False, "engagement_type_16": None, "secondary_types": [],
            "additional_engagements": [], "kabupaten_kota": [], "province": None, "event_date": None,
            "date_basis": "explicit", "police_actors": [], "police_actor_names": [], "labour_actors": [],
            "other_actors": [], "notes": ""}
    return base | fields


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", [
        ({"id": "t-1", "url": "https://example.test/2025/12/ngariung", "outlet": "example.test",
          "published": "2025-12-08", "text": ENGAGEMENT},
         label("t-1", engagement=True, engagement_type_16="dialogue", kabupaten_kota=["Kabupaten Serang"],
               province="Banten", event_date="2025-12-08", police_actor_names=["Dimas Wiratama"],
               labour_actors=["ASPSB Kabupaten Serang"])),
        ({"id": "t-2", "url": "https://example.test/pkl", "outlet": "example.test", "published": None,
          "text": LOOKALIKE}, label("t-2")),
    ])


def test_officers_match_by_name_not_by_one_shared_word():
    assert same_officer("Dimas Wiratama", "Dimas Wiratama")
    assert same_officer("Dimas Wiratama", "Muhammad Dimas Wiratama")
    assert not same_officer("Dimas Wiratama", "Dimas")
    assert not same_officer("Dimas Wiratama", "Dimas Saputra")


def test_organisations_match_on_their_distinctive_words():
    assert same_organisation("KC FSPMI", "FSPMI")
    assert same_organisation("ASPSB Kabupaten Serang", "ASPSB")
    assert same_organisation("Kabut (Komite Aksi Buruh Terpimpin)", "Komite Aksi Buruh Terpimpin")
    assert same_organisation("serikat pekerja (Kota Depok, unnamed)", "buruh")
    assert not same_organisation("FSPMI", "KSPSI")
    assert not same_organisation("Buruh Bekasi Melawan", "buruh")


def test_a_fictional_corpus_scores_what_the_tagger_got(small_corpus: Path):
    articles = load_corpus(small_corpus)
    scores = score((article, tag_labelled(article)) for article in articles)
    assert scores.articles == 2
    assert scores.lookalikes.total == 1 and scores.type.total == 1 and scores.date.total == 1
    assert scores.lookalikes.rate == 1.0
    assert scores.type.rate == 1.0, scores.misses
    assert scores.place.rate == 1.0, scores.misses
    assert scores.date.rate == 1.0, scores.misses
    assert scores.police.f1 == 1.0 and scores.labour.f1 == 1.0, scores.misses


def test_a_wrong_label_is_counted_as_a_miss(tmp_path: Path):
    folder = write_corpus(tmp_path / "corpus", [(
        {"id": "t-9", "url": "", "outlet": "x", "published": "2025-12-08", "text": ENGAGEMENT},
        label("t-9", engagement=True, engagement_type_16="clash", kabupaten_kota=["Kota Serang"],
              event_date="2025-12-01", police_actor_names=["Bayu Pratama"], labour_actors=["KSPI"]))])
    article = load_corpus(folder)[0]
    scores = score([(article, tag_labelled(article))])
    assert (scores.type.rate, scores.place.rate, scores.date.rate) == (0.0, 0.0, 0.0)
    assert scores.police.f1 == 0.0 and scores.labour.f1 == 0.0
    assert any("type: gold clash" in line for line in scores.misses)


def test_eval_prints_both_parts_and_hides_the_check_parts_misses(small_corpus: Path):
    result = CliRunner().invoke(main, ["eval", "--corpus", str(small_corpus)])
    assert result.exit_code == 0, result.output
    assert "engagement type, primary" in result.output and "check" in result.output
    check_ids = [a.id for a in load_corpus(small_corpus) if is_check(a.id)]
    for article_id in check_ids:
        assert article_id not in result.output.split("Misses on the tune part")[1]


def test_eval_json_gives_the_figures(small_corpus: Path):
    result = CliRunner().invoke(main, ["eval", "--corpus", str(small_corpus), "--json"])
    figures = json.loads(result.output[result.output.index("{"):])
    assert figures["tune"]["articles"] + figures["check"]["articles"] == 2


def test_eval_without_a_corpus_says_what_to_do(tmp_path: Path):
    result = CliRunner().invoke(main, ["eval", "--corpus", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "cannot read the corpus" in result.output


def test_the_shared_corpus_splits_into_a_fixed_check_fifth():
    folder = default_corpus()
    if folder is None:
        pytest.skip("../shared/corpus is absent: the real labelled corpus is needed for this test")
    articles = load_corpus(folder)
    check = [a for a in articles if a.in_check_fifth]
    assert len(articles) == 160
    assert len(check) == 31


def test_pairs_are_as_many_as_can_be_made_whatever_the_order():
    overlap = Overlap()
    missed, extra = pair_names(overlap, ("FSPMI", "KC FSPMI Batam"), ["KC FSPMI Batam", "FSPMI"], same_organisation)
    assert (missed, extra) == ([], [])
    assert (overlap.true_positives, overlap.false_positives, overlap.false_negatives) == (2, 0, 0)
