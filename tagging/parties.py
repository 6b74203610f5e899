"""Who takes part in an engagement: the rules that keep look-alikes out (corpus README).

Workers count without a named body only when they act as workers ('ratusan buruh berunjuk rasa'), not as the
topic of a new service or the recipients of aid; a bare 'polisi' named as a possibility ('buruh bisa lapor ke
polisi') is no party; security by Satpol PP, TNI or company guards is no police role; a theft or assault with
no labour dispute makes workers suspects or victims of ordinary crime, not parties to a labour engagement; a
protest with no police role needs the police beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from core.tags import Actor
from tagging import lexicon
from tagging.text import Layout, matches_ignoring_case

WORKER_RE = re.compile(r"\b(?:buruh|pekerja|karyawan|pegawai pabrik)\b(?!\s+(?:tani|nelayan)\b)", re.IGNORECASE)
"""Worker words; a 'buruh tani' is a farmhand, of the farmers the corpus keeps apart from workers."""
WORKER_LEAD_RE = re.compile(r"buruh|pekerja|karyawan|pegawai pabrik")
"""WORKER_RE's words in lower case, to find where it may match (text.matches_ignoring_case)."""
GROUP_BEFORE_RE = re.compile(
    r"\b(?:massa|ribuan|ratusan|puluhan|belasan|sejumlah|seratusan|seribuan|para|kaum|perwakilan|rekan-rekan|"
    r"kawan-kawan|teman-teman|rekan|kawan|teman|gabungan|aliansi|serikat|\d[\d.,]*)(?:\s+(?:ribu|ratus|puluh))?"
    r"(?:\s+orang)?\s+$"
    r"|\b(?:aksi|demo|demonstrasi|unjuk rasa|unras|mogok(?:\s+kerja)?|pengunjuk rasa|massa aksi|orasi|protes)\s+"
    r"(?:para\s+)?$", re.IGNORECASE)
ACTION_AFTER_RE = re.compile(
    r"\s+(?:(?:\S+\s+){0,4}?|(?:[^\s,.;]+\s+){5,6}?)(?:berunjuk rasa|berdemo|berdemonstrasi|mogok|menggelar|"
    r"melakukan aksi|berorasi|menuntut|menyuarakan|memprotes|mendesak|menagih|"
    r"menyampaikan (?:tuntutan|aspirasi|protes)|demo|unjuk rasa|"
    r"menggeruduk|geruduk|mendatangi|memblokade|memblokir|menduduki|turun ke jalan|berkumpul|bergerak|long march|"
    r"konvoi)", re.IGNORECASE)
RECIPIENT_BEFORE_RE = re.compile(r"\b(?:bantuan|sembako|paket|bingkisan|santunan|sumbangan|donasi|beras|takjil|"
                                 r"bansos|sedekah)\b[^.]{0,60}\b(?:kepada|bagi|untuk|termasuk)\s+(?:\S+\s+){0,2}$",
                                 re.IGNORECASE)
"""'sembako kepada ratusan buruh', 'bantuan ... termasuk para buruh': workers as recipients of aid."""
RECIPIENT_REACH = 100
ACTING_REACH = 40
PARTNER_BEFORE_RE = re.compile(r"\b(?:bersama|dengan|antara)\s+(?:para\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WorkerMention:
    """A worker word ('buruh', 'pekerja', 'karyawan') and how it is placed."""

    start: int
    acting: bool
    partner: bool


def worker_mentions(text: str) -> list[WorkerMention]:
    """The worker words of a text: `acting` where workers act as workers with no body named ('ratusan buruh',
    'demo karyawan PT X', 'buruh menggelar aksi'; not 'persoalan pekerja', 'pekerja yang ter-PHK'), `partner`
    where they are named as someone's counterpart ('bersama buruh', 'antara buruh dan manajemen'). Each word is
    looked at in its own reach, not the whole text at every offset."""
    out = []
    for m in matches_ignoring_case(WORKER_LEAD_RE, WORKER_RE, text):
        before = max(0, m.start() - ACTING_REACH)
        acting = bool(GROUP_BEFORE_RE.search(text, before, m.start()) or ACTION_AFTER_RE.match(text, m.end())) \
            and not RECIPIENT_BEFORE_RE.search(text, max(0, m.start() - RECIPIENT_REACH), m.start())
        partner = bool(PARTNER_BEFORE_RE.search(text, before, m.start()))
        out.append(WorkerMention(m.start(), acting, partner))
    return out


HYPOTHETICAL_BEFORE_RE = re.compile(r"\b(?:bisa|dapat|boleh|jika|apabila|bila|kalau|akan|harus|perlu|silakan|"
                                    r"hendaknya|sebaiknya)\s+(?:\S*[^\s.!?]\s+){0,3}$", re.IGNORECASE)
"""'buruh bisa lapor ke polisi': a possibility within the police word's own sentence (a word that ends a sentence
breaks the reach: '... tidak bisa keluar, Senin (1/12/2025). Polisi berjaga' is no possibility)."""
HYPOTHETICAL_AFTER_RE = re.compile(r"\s*,?\s*(?:jika|bila|apabila|kalau)\s+(?:diperlukan|perlu|dibutuhkan)",
                                   re.IGNORECASE)
ORDINARY_CRIME_RE = re.compile(r"\b(?:pencurian|mencuri|curi|dicuri|pencuri|penganiayaan|dianiaya|penyiksaan|"
                               r"perampasan|perampokan|narkoba|narkotika|sabu|pembunuhan|dibunuh|pencabulan|"
                               r"pemerkosaan|penipuan|judi|perjudian|begal|jambret)\b")
CRIME_CUES = ("curi", "aniaya", "penyiksaan", "perampasan", "perampokan", "narkoba", "narkotika", "sabu", "bunuh",
              "pencabulan", "pemerkosaan", "penipuan", "judi", "begal", "jambret")
"""A part of every word ORDINARY_CRIME_RE knows: most articles hold none, and testing for them costs a tenth of the
search."""
LABOUR_DISPUTE_RE = re.compile(r"\b(?:upah|gaji|pesangon|phk|bpjs|thr|lembur|union busting|pemberangusan|"
                               r"ketenagakerjaan|hak normatif|serikat|mogok|demo|unjuk rasa)\b")
PROTESTERS_RE = re.compile(r"\b(?:buruh|pekerja|karyawan|massa|pengunjuk rasa|demonstran|pendemo|peserta aksi|"
                           r"aksi|unjuk rasa|demo|serikat|hadir|memantau|meninjau|menyaksikan|di lokasi|personel|"
                           r"pengamanan)\b",
                           re.IGNORECASE)
"""A sentence about the protesters or the police being there ('Kapolres hadir', 'memantau di lokasi', 'pihaknya
menurunkan 80 personel')."""
PRESENCE_RE = re.compile(r"\b(?:hadir|di lokasi|berada|terlihat|tampak|memantau|meninjau|menyaksikan|"
                         r"di sekitar|turun langsung|berjaga)\b", re.IGNORECASE)
"""The police said to be at the scene ('Kasat Intelkam juga hadir di lokasi', 'anggota Polres terlihat berada di
sekitar lokasi'): a protest told a few sentences before or after is one they were present at."""
PRESENCE_REACH = 3
DETAINED_RE = re.compile(r"\b(?:buruh|pekerja|karyawan|massa|demonstran|pendemo|pengunjuk rasa|peserta aksi|korlap|"
                         r"koordinator|orator|pengurus|ketua|sekretaris|anggota serikat|aktivis)\b", re.IGNORECASE)
"""Who an arrest of a labour engagement holds, in its sentence or the one before: workers, protesters or union
officers, not the teenagers or thieves of the same article."""


@cache
def other_guards() -> re.Pattern[str]:
    """Security that is not Polri (police_units.csv's look-alikes: Satpol PP, TNI, company satpam), or a
    company's own guards: securing an action with them alone is no police role."""
    extra = r"|petugas keamanan (?:perusahaan|pabrik)|keamanan perusahaan"
    return re.compile(lexicon.load().non_police_re.pattern + extra, re.IGNORECASE)


def ordinary_crime(text: str) -> bool:
    """A theft, assault or drug case in an article that names no labour dispute at all: workers as suspects or
    victims of ordinary crime, no labour engagement (corpus README)."""
    lowered = text.lower()  # the two patterns are lower case: searching them so is several times faster
    crime_word = any(cue in lowered for cue in CRIME_CUES)
    return crime_word and bool(ORDINARY_CRIME_RE.search(lowered)) and not LABOUR_DISPUTE_RE.search(lowered)


def takes_part(police: Actor, text: str, quotes: list[tuple[int, int]] = ()) -> bool:
    """A bare 'polisi', 'Polri' or 'kepolisian' named only in a hypothetical ('buruh bisa lapor ke polisi',
    'koordinasi dengan pihak kepolisian jika diperlukan') or only inside someone's words (`quotes`: '"TNI bersama
    Polri siap menjaga Serang," kata Dandim') takes no part in the event; a unit or an officer named in a quote
    does ('"Sempat diblokade petugas Polres Sidoarjo," jelasnya')."""
    if police.name or police.unit != "Polri":
        return True
    if quotes and all(any(a <= s.start < b for a, b in quotes) for s in police.spans):
        return False
    return any(not HYPOTHETICAL_BEFORE_RE.search(text, max(0, s.start - 40), s.start)
               and not HYPOTHETICAL_AFTER_RE.match(text, s.end) for s in police.spans)


def police_at_the_protest(protest: set[int], police: list[Actor], lay: Layout) -> bool:
    """A protest in which the police have no described role is a labour-police engagement only when the police
    are in a sentence that states it, or in the sentence before or after that speaks of the protesters or of
    the police being there (the protest's target or witness), or, said to be at the scene, within PRESENCE_REACH
    sentences of it; not elsewhere in the article ('"Bawa dulu ke Mapolres," ujar Kasatreskrim' beside a
    protest is about someone else)."""
    for actor in police:
        for span in actor.spans:
            k = lay.sentence_of(span.start)
            if k in protest:
                return True
            said = lay.sentence_span(k).text
            if PROTESTERS_RE.search(said) and protest & neighbours(lay, k):
                return True
            if PRESENCE_RE.search(said) and protest & neighbours(lay, k, PRESENCE_REACH):
                return True
    return False


def neighbours(lay: Layout, sentence: int, reach: int = 1) -> set[int]:
    """The `reach` nearest sentences with words in them before and after `sentence` (a line break after a full
    stop leaves an empty one between)."""
    out = set()
    for step in (-1, 1):
        k = sentence + step
        found = 0
        while 0 <= k < lay.sentence_count() and found < reach:
            if lay.sentence_span(k).text:
                out.add(k)
                found += 1
            k += step
    return out


def workers_acting(acting: set[int], sentences: set[int], recalled: bool) -> bool:
    """Workers acting as workers (`acting`: the sentences that say so) in an event's sentences (a recalled
    event) or the article (its own event)."""
    return bool(acting & sentences) if recalled else bool(acting)
