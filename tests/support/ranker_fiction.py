"""Fictional articles for the learned ranker's tests (names, unions and places invented or common).

In both families the rules propose the same two types, mediation before hearing (strong triggers of both);
a reader calls the first family a hearing (the police receive the workers and hear their demands, mediation
is only asked for) and the second a mediation (the police chief mediates; the audiensi came before). Only the
words around the triggers tell them apart, so the rules alone get one family wrong whatever their order.
"""

from dataclasses import dataclass

HEARING = ("Ratusan buruh {union} mendatangi Mapolres {place}, Senin (8/12/2025). Kapolres {place} AKBP {name} "
           "menerima audiensi perwakilan buruh dan mendengarkan aspirasi mereka soal upah. Buruh juga meminta "
           "polisi memediasi perselisihan dengan perusahaan.")
MEDIATION = ("Kapolres {place} AKBP {name} memediasi perselisihan upah antara buruh {union} dan manajemen PT {company} "
             "di Mapolres {place}, Senin (8/12/2025). Perwakilan buruh sebelumnya beraudiensi dengan pihak "
             "kepolisian.")
CASTS = [
    ("KSPSI", "Serang", "Budi Santoso", "Sinar Jaya"),
    ("FSPMI", "Bekasi", "Rudi Hartono", "Maju Bersama"),
    ("SPN", "Karawang", "Agus Wibowo", "Cahaya Abadi"),
    ("KSPI", "Purwakarta", "Hendra Gunawan", "Tunas Harapan"),
    ("KSBSI", "Subang", "Dedi Kurniawan", "Sumber Rejeki"),
    ("KASBI", "Cilacap", "Yudi Prasetyo", "Mitra Sejati"),
]


@dataclass(frozen=True)
class FictionalArticle:
    text: str
    type: str


def articles(casts: list[tuple[str, str, str, str]]) -> list[FictionalArticle]:
    """One article of each family per cast."""
    out = []
    for union, place, name, company in casts:
        fields = {"union": union, "place": place, "name": name, "company": company}
        out.append(FictionalArticle(HEARING.format(**fields), "hearing"))
        out.append(FictionalArticle(MEDIATION.format(**fields), "mediation"))
    return out


TRAINING = articles(CASTS[:4])
HELD_OUT = articles(CASTS[4:])
