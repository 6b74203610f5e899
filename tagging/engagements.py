"""Labour-police engagements: typed by strong triggers, grouped into events by date, kept only with both a
labour and a police actor taking part (tagging/parties.py), each with the confidence its evidence earns
(tagging/confidence.py).

Weak triggers (kondusif, sinergi, aksi, demo ...) never propose a type; they raise confidence. Caveats of
engagement_types.json are rules here: 'ancam mogok' is a threat, 'mengamankan jalannya aksi' is security,
PKB is a union-employer agreement, an audiensi with officials only needs police to count, Disnaker
mediation is not police mediation. The most severe type is primary, but a protest comes after any other type:
a peaceful protest the police secure is protest_security, protest primary only when the police have no role
(DOMAIN.md). An earlier event recalled with its own date ('pasca aksi unjuk rasa ... pada Kamis (27/11) lalu')
becomes a second engagement.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import cache
from itertools import islice

from core import vocabulary
from core.tags import Actor, Engagement, EventDate, Place, Span
from core.vocabulary import AcledCoding
from tagging import learned, lexicon
from tagging.dates import weekday_of
from tagging.confidence import Evidence, confidence_of
from tagging.parties import (ACTION_AFTER_RE, DETAINED_RE, WORKER_RE, ordinary_crime, other_guards,
                             police_at_the_protest, takes_part, worker_mentions, workers_acting)
from tagging.places import PlaceFindings, best_kabupaten_kota, body_start, make_place
from tagging.text import Layout, PhraseIndex, Token, first_ignoring_case, led_matches, lowered, lowers_in_place

ACTION_TYPES = frozenset({"clash", "dispersal", "arrest", "blockade", "protest", "strike", "protest_security"})
NEGATION_RE = re.compile(r"\b(?:tidak ada|tanpa|tidak|tak|bukan|belum ada|belum|nihil|hindari|menghindari|mencegah|"
                         r"cegah|jangan|antisipasi|mengantisipasi|potensi)\s+(?!(?:hanya|sekadar|sekedar|cuma|saja)\b)"
                         r"(?:\w+\s+){0,2}$", re.IGNORECASE)
"""A trigger denied or warded off ('tidak ada pembubaran', 'belum menerima pemberitahuan'), not 'tidak hanya'
('not only')."""
NEGATION_LEAD_RE = re.compile(r"tidak|tanpa|tak|bukan|belum|nihil|hindari|menghindari|mencegah|cegah|jangan|antisipasi|"
                              r"mengantisipasi|potensi")
"""NEGATION_RE's words in lower case, to find where it may match (text.first_ignoring_case): it is searched for
before every trigger, and its opening word boundary made a search try all its words at every offset."""
FUTURE_AFTER_RE = re.compile(r"\s+(?:(?!yang\b)\S+\s+)?(?:akan|bakal)\b|\s+yang\s+(?:akan|bakal|rencananya)\s+di\w+"
                             r"|\s+(?:\S+\s+){0,2}?(?:pekan depan|minggu depan|besok|lusa|mendatang)\b", re.IGNORECASE)
"""'surat pemberitahuan aksi akan segera dikirim', 'unjuk rasa akan digelar', 'berunjuk rasa pekan depan', 'May
Day yang akan digelar' (a passive verb: the trigger is what is to be held, not 'massa yang akan menggelar'): the
trigger's own event to come."""
PLAN_RE = re.compile(r"\b(?:akan|rencana|(?:me|di)?rencanakan|pemberitahuan|berencana|rencananya|dijadwalkan|"
                     r"bakal|hendak|berjanji|jika|apabila|bila|kalau|ancam|"
                     r"mengancam|ancaman|berpotensi|siap|setiap|tiap|menjamin|memastikan|selalu|agar|supaya|boleh|bisa|"
                     r"dapat|jangan|persiapan|menyiapkan|koordinasi|menjelang|jelang)\s+(?:\S+\s+){0,3}$",
                     re.IGNORECASE)
PLAN_LEAD_RE = re.compile(r"akan|rencana|merencanakan|direncanakan|pemberitahuan|berencana|dijadwalkan|bakal|hendak|"
                          r"berjanji|jika|apabila|bila|kalau|ancam|mengancam|berpotensi|siap|setiap|tiap|menjamin|"
                          r"memastikan|selalu|agar|supaya|boleh|bisa|dapat|jangan|persiapan|menyiapkan|koordinasi|"
                          r"menjelang|jelang")
"""PLAN_RE's words in lower case, as NEGATION_LEAD_RE is NEGATION_RE's."""
OTHERS_ANNIVERSARY_RE = re.compile(r"\s+(?:ke-?\s*\d+\s+)?(?:Kota|Kabupaten|Kab\.?|Provinsi|RI|Republik|Kemerdekaan|"
                                   r"TNI|Korpri|PGRI|Pemkab|Pemkot|Pemprov|Desa|Kecamatan|Wali ?[Kk]ota|Walikota|"
                                   r"Wakil|Bupati|Gubernur|Pj\.?|Penjabat|pejabat|anggota DPRD|DPRD|Kepala Desa|"
                                   r"Kades|Camat|Lurah)\b")
"""'HUT Kota Serang', 'HUT ke-80 RI', 'pelantikan Wali Kota': a place's, the state's or an official's occasion, no
union's or police's ceremony."""
OCCASION_OWNER_RE = re.compile(r"\s+(?:ke-?\s*\d+\s+)?(?:(?:pengurus|anggota|dewan|pimpinan|ketua|organisasi)\s+)?"
                               r"(?P<owner>[A-Z]{2,}\w*)\b")
"""The body a ceremony is named for, written as an acronym ('pelantikan pengurus KNPI', 'HUT ke-50 PGRI')."""
AKSI_RE = re.compile(r"\baksi\b", re.IGNORECASE)
NOT_A_PROTEST_RE = re.compile(r"\s+(?:sosial|donor|bersih|tanam|kemanusiaan|peduli|berbagi|bagi|penghijauan|"
                              r"solidaritas kemanusiaan|nyata)\b", re.IGNORECASE)
SERVICE_BEFORE_RE = re.compile(r"\b(?:posko|nomor|layanan|kanal|saluran|hotline|memperkenalkan|sosialisasi)\s+"
                               r"(?:\S+\s+){0,1}$", re.IGNORECASE)
QUOTE_RE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
POLICE_DESK = (r"(?:Mapolres\w*|Mapolda|Mapolsek|Polres\w*|Polda|Polsek|polisi|pihak kepolisian|kepolisian|"
               r"Satreskrim|Ditreskrim\w*|Bareskrim|SPKT|Propam|Desk Ketenagakerjaan|Desk Tenaga Kerja)")
REPORT_TO_POLICE_RE = re.compile(
    rf"(?:melaporkan|melapor|dilaporkan|laporan|pengaduan|mengadukan|diadukan|mengadu|aduan)\b[^.\n]{{0,80}}?"
    rf"\b(?:ke|kepada|di)\s+{POLICE_DESK}\b", re.IGNORECASE)
"""A report filed with the police ('melaporkan perusahaan ke Polres', 'dilaporkan ke polisi'): the weak 'melapor'
family becomes a legal complaint."""
AT_THE_POLICE_RE = re.compile(rf"\b(?:ke|di|mendatangi|menyambangi|mengunjungi|menggeruduk)\s+{POLICE_DESK}\b",
                              re.IGNORECASE)
"""A report made where the police are ('mendatangi Polres X untuk mengadukan ...', 'di SPKT Polda melaporkan')."""
SUMMONS_RE = re.compile(
    r"(?:pemanggilan|panggilan|memanggil|dipanggil|memeriksa|diperiksa|pemeriksaan)\s+(?:terhadap\s+\S+|"
    r"(?:[^\s.,;]+\s+){0,6}?sebagai\s+(?:saksi|tersangka|terlapor)|"
    r"oleh\s+(?:polisi|penyidik|Polres\w*|Polda|Polsek|Satreskrim|Ditreskrim\w*|Bareskrim))", re.IGNORECASE)
"""A summons or questioning of named people ('pemanggilan terhadap mereka', 'diperiksa sebagai tersangka'): the
weak 'dipanggil' family becomes an arrest-type act (engagement_types.json: arrest covers summons)."""
SUSPECT_RE = re.compile(r"\b(?:menetapkan|ditetapkan|penetapan|menjadikan|dijadikan|berstatus|status)\s+"
                        r"(?:[^\s.,;]+\s+){0,6}?(?:sebagai\s+|menjadi\s+)?$", re.IGNORECASE)
"""'menetapkan ketua serikat pekerja PT X sebagai tersangka': naming someone a suspect, whoever stands between."""
HEARD_RE = re.compile(r"\bditerima\s+(?:langsung\s+)?(?:oleh\s+)?(?:Kapol\w+|Wakapol\w+|Kasat\w*|Kabag\w*|"
                      r"Kasubbag\w*|Kanit\w*|pihak kepolisian|jajaran Pol\w+|Pol(?:res|sek|da)\w*)")
"""'Perwakilan buruh diterima Wakapolda ...': a delegation received by the police, a hearing."""
DELEGATION_RE = re.compile(r"\b(?:perwakilan|delegasi|utusan|pengurus|pimpinan|serikat|buruh|pekerja)\b",
                           re.IGNORECASE)
PRONOUN_SUBJECT_RE = re.compile(r"\s*(?:mereka|rombongan|rombongan tersebut|keduanya|ketiganya|kedatangan mereka)"
                                r"(?:\s+(?:pun|lalu|kemudian|akhirnya|langsung))?\s+", re.IGNORECASE)
"""'Mereka diterima Wakapolres': a clause whose subject is a pronoun speaks of the sentence before."""
THANKED_FOR_RE = re.compile(r"\b(?:atas|berkat)\s+(?:\S+\s+){0,1}$", re.IGNORECASE)
"""'terima kasih atas pengawalan aksi buruh', 'penghargaan atas pengamanan': security praised, a deed of another
day that supports the event but is not it."""
SECURED_ACTION_RE = re.compile(r"\s+(?:(?:jalannya|kegiatan|pelaksanaan|proses|rangkaian)\s+)?(?:aksi|demo|demonstrasi|"
                               r"unjuk rasa|unras|mogok|long ?march|konvoi|massa aksi|massa buruh)\b", re.IGNORECASE)
"""'mengawal jalannya aksi', 'pengamanan demo': deployment words with the action they secure as object."""
FIGURATIVE_OBJECT_RE = re.compile(
    r"\s+(?:\S+\s+)?(?:proses|penetapan|kebijakan|kasus|keputusan|sidang|pembahasan|regulasi|aturan|RUU|"
    r"undang-undang|peraturan|program|pemilu|pilkada|anggaran|dana|investasi|pembangunan|perkara|putusan|"
    r"kesepakatan|tuntutan|aspirasi|isu)\b", re.IGNORECASE)
"""'mengawal proses penetapan UMK', 'mengawal kasus': overseeing a process or a cause (unions do it as often as
anyone), no security of an action."""
TAKES_REPORT_RE = re.compile(r"\b(?:menerima|mengusut|menangani|menindaklanjuti|memproses|menyelidiki|menyidik|"
                             r"memeriksa|memanggil)\s+(?:\S+\s+){0,2}$|\b(?:terkait|atas|berdasarkan|menindaklanjuti)\s+$",
                             re.IGNORECASE)
"""'Polda menerima laporan ...', 'Satreskrim memeriksa manajemen PT X terkait laporan buruh': the police taking up
a report (with a police word before it in the sentence)."""
POLICE_FORCE_RE = re.compile(
    r"\b(?:dipukul|dipukuli|pukulan|ditendang|diinjak|diseret|dianiaya|dikeroyok|dipentung|pentungan|"
    r"digebuki?)\s+(?:\S+\s+){0,2}?(?:polisi|aparat|petugas|anggota polres|oknum polisi|oknum aparat)\b",
    re.IGNORECASE)
"""Force by the police on protesters told as what was done to them ('luka akibat pukulan oknum polisi',
'diseret petugas'): a dispersal, the police's force against a protest."""
POLICE_STRIKES_RE = re.compile(
    r"\b(?:polisi|aparat|petugas|anggota Pol\w+|personel|Brimob)\s+(?:\S+\s+){0,2}?(?:memukul|memukuli|menendang|"
    r"menginjak|menyeret|menganiaya|mengeroyok|memiting|membanting|menggebuk|menggebuki|mementung)\s+"
    r"(?:(?:seorang|sejumlah|beberapa|para|\d+)\s+)?(?:orang\s+)?(?:buruh|pekerja|karyawan|demonstran|pendemo|"
    r"pengunjuk rasa|peserta aksi|massa|korlap|orator)\b", re.IGNORECASE)
"""The same force told as what the police did ('oknum polisi memukul seorang buruh saat aksi', 'aparat menyeret
massa'): a dispersal, the police's force against a protest."""
WORKERS_ACTIONS = frozenset({"protest", "strike", "blockade", "dispersal", "clash", "mediation", "legal_complaint",
                             "hearing", "agreement", "pre_protest_coordination"})
"""The types whose triggers tell what workers do, in a labour action or a labour dispute: workers named in their
sentence are a party (the police's securing tells what the police do; aid, ceremonies and arrests can name
workers as recipients, onlookers or suspects of ordinary crime)."""
POLICE_SIDE_RE = re.compile(r"\b(?:polisi|kepolisian|aparat|petugas|Polres\w*|Polsek\w*|Polda|Brimob)\b",
                            re.IGNORECASE)
"""The police as a side of a fight: 'kericuhan antara buruh dan aparat kepolisian' is a clash without a protest
word."""
ESCORTED_BEFORE_RE = re.compile(r"\b(?:mengawal|mengamankan|memantau|menjaga|mengawasi)\s+(?:proses\s+)?$",
                                re.IGNORECASE)
"""'mengawal pembubaran buruh': the police escort the workers' own dispersing, no force."""
REFLEXIVE_RE = re.compile(r"\s+diri\b", re.IGNORECASE)
"""'membubarkan diri' (a crowd leaving of itself), 'menahan diri' (restraint): no dispersal, no arrest."""
THINGS = (r"(?:ijazah|gaji|upah|THR|pesangon|dokumen|paspor|KTP|sertifikat|surat|uang|dana|kendaraan|mobil|motor|"
          r"barang|laju|arus|harga|iuran|BPJS|pembayaran|tagihan|setoran|gerak|tangis|emosi|napas|nafas)")
THING_AFTER_RE = re.compile(rf"\s+(?:\S+\s+)?{THINGS}\b", re.IGNORECASE)
THING_BEFORE_RE = re.compile(rf"\b{THINGS}\s+(?:\S+\s+){{0,2}}$", re.IGNORECASE)
"""'menahan ijazah buruh', 'gaji mereka ditahan': withholding things, no arrest."""
DEMAND_RE = re.compile(r"\b(?:meminta|menuntut|mendesak|minta|tuntut|desak|agar|supaya)\s+(?:agar\s+|supaya\s+)?"
                       r"(?:pihak\s+)?(?:polisi|kepolisian|aparat|penegak hukum|Polres\w*|Polda|Polsek\w*|Kapol\w+|"
                       r"penyidik)\s+(?:\S+\s+){0,1}$", re.IGNORECASE)
"""'meminta polisi menangkap direktur': what workers ask of the police, not what the police did."""
FUTURE_BEFORE_RE = re.compile(r"\b(?:akan|bakal|berencana|rencananya|rencana|(?:me|di)?rencanakan|hendak|berjanji|jika|"
                              r"apabila|bila|kalau)\s+"
                              r"(?:\S+\s+){0,3}$", re.IGNORECASE)
"""A meeting, agreement or ceremony still to come ('berencana menemui pengurus serikat'): a plan, no event."""
PREPARED_RE = re.compile(r"\b(?:persiapan|kesiapan|kesiapsiagaan|menjelang|jelang|menyambut|antisipasi|"
                         r"mengantisipasi)\s+(?:\S+\s+){0,1}$|\bapel\s+(?:pengamanan|kesiapan|siaga|gelar pasukan)\s+$",
                         re.IGNORECASE)
"""'persiapan May Day', 'jelang HUT KSPSI', 'apel kesiapan pengamanan Hari Buruh', 'apel pengamanan May Day': a
ceremony being prepared or prepared for, not held (the police's own roll call before May Day is no ceremony with
labour)."""
CROWDS = frozenset({"massa aksi", "peserta aksi"})
CROWD_TO_COME_RE = re.compile(r"\s+(?:\S+\s+){0,4}?(?:yang\s+)?(?:akan|bakal|hendak|rencananya|dijadwalkan)\b|"
                              r"\s+(?:\S+\s+){0,6}?(?:besok|lusa|mendatang|pekan depan|minggu depan)\b", re.IGNORECASE)
"""'massa aksi buruh KSPI yang akan datang besok', 'massa buruh dijadwalkan berkumpul': a protest's crowd still to
come, no protest (nor an action a deployment beside it secures)."""
HUNGER_RE = re.compile(r"\s+makan\b", re.IGNORECASE)
"""'melakukan mogok makan': a hunger strike, no strike (engagement_types.json)."""
PERSON_OBJECT_RE = re.compile(
    r"\s+(?:(?:sejumlah|beberapa|puluhan|belasan|ratusan|para|seorang|dua|tiga|empat|lima|\d+)\s+)?(?:orang\s+)?"
    r"(?:orang|buruh|pekerja|karyawan|massa|demonstran|pendemo|pengunjuk rasa|peserta|pelajar|"
    r"remaja|mahasiswa|pemuda|anggota|provokator|pelaku|tersangka|korlap|koordinator|warga|oknum)\b", re.IGNORECASE)
"""'mengamankan sejumlah orang', 'amankan anggota ormas': people held, no securing of an action."""
POLICE_AGENT_RE = re.compile(r"\s+(?:oleh\s+)?(?:\S+\s+)?(?:polisi|kepolisian|petugas|aparat|personel|Polres\w*|"
                             r"Polsek\w*|Polda|Brimob)\b", re.IGNORECASE)
"""'diblokade petugas Polres': a road closed by the police is their redirecting of an action, not a blockade."""
DEED_RE = re.compile(r"\b(?:lakukan|melakukan|sudah|telah|tadi|sempat|setelah|usai|seusai)\s+(?:\S+\s+){0,2}$",
                     re.IGNORECASE)
PERFECTIVE_RE = re.compile(r"\b(?:sempat|telah|sudah)\b", re.IGNORECASE)
RECALL_RE = re.compile(r"\b(?:pasca|pascapelaksanaan|setelah|usai|seusai|sebelumnya|menyusul|terkait|saat|ketika)\b",
                       re.IGNORECASE)
RECALL_REACH = 3
AFTER_BEFORE_RE = re.compile(r"\b(?:pasca|usai|seusai|setelah|sesudah)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
PAST_AFTER_RE = re.compile(r"(?:\s+\S+){0,6}?\s+(?:(?:se)?(?:pekan|minggu|bulan|tahun) lalu|"
                           r"beberapa (?:hari|pekan|minggu|bulan|waktu) (?:lalu|silam)|sebelumnya)\b", re.IGNORECASE)
"""Past times without a date ('bulan lalu', 'beberapa waktu lalu', 'sebelumnya') after an action in its sentence."""
COUNT = r"(?:\d+|se(?:orang|jumlah)|beberapa|puluhan|belasan|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)"
ARREST_OBJECT_RE = re.compile(
    rf"(?:\b(?:{COUNT}|ratusan)\s+(?:orang\s+)?"
    r"(?:buruh|pekerja|orang|massa|demonstran|pendemo|pengunjuk rasa|peserta aksi|korlap|pengurus)\b[^.]{0,40}"
    rf"\bdiamankan\b|\bmengamankan\s+{COUNT}\s+"
    r"(?:orang|buruh|pekerja|demonstran|pendemo|pengunjuk rasa|peserta aksi|korlap|pengurus)|\bdiamankan\s+(?:ke|di)\s+"
    r"Mapol)", re.IGNORECASE)
CUSTODY_RE = re.compile(r"\b(?:dibawa|digiring|diangkut)\s+(?:\S+\s+){0,2}?ke\s+"
                        r"(?:Ma)?Pol(?:res|resta|restabes|sek|da)\w*", re.IGNORECASE)
"""'dibawa ke Polrestabes Medan', 'digiring petugas ke Mapolsek': taken into custody at a police station."""
DEPLOYED_RE = re.compile(r"\b(?:menurunkan|diturunkan|menempatkan|ditempatkan|menyebar|menyebarkan|disebar|"
                         r"disebarkan|melibatkan|dilibatkan)\s+(?:\S+\s+){0,3}?personel\b", re.IGNORECASE)
"""'pihaknya menurunkan 80 personel', 'ditempatkan ratusan personel gabungan': police deployed, which secures a
labour action named beside it (a generic deployment word, as 'mengerahkan')."""
WITH_THE_CROWD_RE = re.compile(
    r"\b(?:menemui|menenangkan|mengimbau|mengarahkan|menertibkan|mengevakuasi|membujuk|bernegosiasi dengan|"
    r"berdialog dengan|bernegosiasi|bertemu dengan)\s+(?:(?:para|ratusan|ribuan|puluhan|sejumlah)\s+)?"
    r"(?:massa|pengunjuk rasa|demonstran|pendemo|peserta aksi)\b", re.IGNORECASE)
"""The police dealing with a protest's crowd ('Kapolres menemui massa', 'petugas menenangkan massa', 'bernegosiasi
dengan pengunjuk rasa'): a role in the protest, so it is secured (protest_security), not a protest the police only
attend (corpus README)."""
REMOTE_RE = re.compile(r"mengimbau", re.IGNORECASE)
"""Of the police's dealings with a crowd, only an appeal can be made from afar (to a crowd still to come): the
others ('menemui', 'menenangkan', 'mengarahkan massa') put the police with a crowd that is there, a labour action
under way."""
HELD_BY_POLICE_RE = re.compile(r"\s+(?:oleh\s+)?(?:pihak\s+|anggota\s+|petugas\s+|aparat\s+)?(?:polisi|kepolisian|"
                               r"petugas|aparat|Polres\w*|Polsek\w*|Polda|Brimob|Satreskrim|Reskrim)\b", re.IGNORECASE)
"""'diamankan polisi', 'diamankan oleh petugas Polsek': held by the police, when a worker is held
(CLAUSE_SUBJECT_RE)."""
CLAUSE_SUBJECT_RE = re.compile(
    r"\b(?:(?P<worker>buruh|pekerja|karyawan|demonstran|pendemo|pengunjuk rasa|peserta aksi|korlap|koordinator|orator|"
    r"pengurus|ketua|aktivis)|(?P<other>remaja|pemuda|mahasiswa|pelajar|warga|pria|wanita|pelaku|provokator|orang)"
    r"|(?P<action>aksi|demo|demonstrasi|unjuk rasa|unras|kegiatan|jalannya|acara|lokasi|situasi|kawasan|mogok))\b",
    re.IGNORECASE)
"""The first person or action word of a clause: 'Seorang buruh ... diamankan polisi' holds a worker (a labour
arrest), 'Sejumlah remaja ... diamankan' someone else, 'Aksi buruh ... diamankan polisi' secures an action."""
UNION_PEOPLE_RE = re.compile(r"\b(?:ketua|pengurus|sekretaris|bendahara|anggota|aktivis|pimpinan|koordinator)\s+"
                             r"(?:\S+\s+){0,2}?(?:serikat|buruh|pekerja|PUK|DPC|PC|federasi|konfederasi)\b",
                             re.IGNORECASE)
"""A union's people ('ketua serikat pekerja PT X', 'aktivis buruh'): their arrest is a labour arrest even when no
labour action or union name is in the article."""
WORK_STOPPAGE_RE = re.compile(r"\bmogok\s+(?:kerja|bekerja|produksi)\b|\b(?:stop|menghentikan|penghentian)\s+produksi\b",
                              re.IGNORECASE)
"""'aksi mogok kerja', 'menghentikan produksi': a stoppage of work names its labour side in its own words."""
VICTIM_RE = re.compile(r"\b(?:tewas|meninggal|tertimpa|tertabrak|terjepit|tersengat|kecelakaan|korban|jenazah)\b",
                       re.IGNORECASE)
"""A report about workers who died or were hurt ('laporan keluarga pekerja yang tewas tertimpa mesin'): workers as
victims, no labour dispute's party (corpus README)."""
OTHER_STRIKERS_RE = re.compile(r"\b(?:sopir|supir|angkot|angkutan|ojek|ojol|taksi|pedagang|nelayan|petani|"
                               r"mahasiswa|pelajar|siswa|dokter|bidan|perawat|guru|honorer|apoteker)\b", re.IGNORECASE)
"""Who else a 'mogok' is told of (drivers, traders, students, doctors, teachers): no workers' strike by itself."""
UNION_WORD_RE = re.compile(r"\bserikat\b(?!\s+(?:petani|tani|nelayan|guru|mahasiswa|pelajar|pedagang|warga|"
                           r"honorer)\b)", re.IGNORECASE)
"""'pemberangusan serikat', 'serikat pekerja': a union named in the sentence of what workers do is its labour side
even when no body is named; a farmers', fishers', teachers' or students' union is none (corpus README)."""
TEAM_RE = re.compile(r"\b(?:tim|satgas|satuan tugas|posko|patroli)\b", re.IGNORECASE)
RANGE_RE = re.compile(r"\s*(?:hingga|sampai|s\.?\s?d\.?|-|–)\s*", re.IGNORECASE)
EMPLOYER_RE = re.compile(r"\b(?:perusahaan|manajemen|managemen|management|pengusaha|direksi|pabrik|PT|HRD|"
                         r"pemberi kerja|majikan)\b", re.IGNORECASE)
GOVERNMENT_SIDE_RE = re.compile(r"\b(?:pemerintah daerah|pemerintah kabupaten|pemerintah kota|pemerintah provinsi|"
                                r"pemda|pemkab|pemkot|pemprov|bupati|wali ?kota|gubernur|DPRD)\b", re.IGNORECASE)
"""Police bridging workers and the government, with no employer beside it, is a hearing or a dialogue, not a
mediation (engagement_types.json: mediation is between workers and an employer, or between unions)."""
PKB_RE = re.compile(r"\b(?:PKB|Perjanjian Kerja Bersama)\b")
DISNAKER_RE = re.compile(r"\b(?:Disnaker\w*|Dinas (?:Tenaga Kerja|Ketenagakerjaan)|mediator hubungan industrial|"
                         r"mediator Disnaker|Kemnaker|Kemenaker)\b", re.IGNORECASE)
POLICE_WORD_RE = re.compile(r"\b(?=[aAbBdDiIkKmMpPsSwW])(?:Polri|Polres\w*|Polsek\w*|Polda|Mapol\w+|Kapol\w+|"
                            r"Wakapol\w+|Kasat\w*|polisi|kepolisian|Satintelkam|Bhabinkamtibmas|Brimob|Sabhara|"
                            r"Desk Ketenagakerjaan|AKBP|AKP|Kompol|Kombes|Iptu|Ipda|Aiptu|Aipda|Bripka|Brigpol|Briptu|"
                            r"Bripda|Irjen Pol|Brigjen Pol|Komjen Pol)\b", re.IGNORECASE)
"""A word that names the police, or a rank only the police hold ('Iptu Dedi berbincang dengan buruh'). The
lookahead, their first letters written in both cases (a lower-case class under IGNORECASE does not speed the
search), lets a search skip every word that cannot start one: it halves the cost of a pattern run on many sentences
of every article."""
POLICE_LEAD_RE = re.compile(r"pol|mapol|kapol|wakapol|kasat|kepolisian|satintelkam|bhabinkamtibmas|brimob|sabhara|"
                            r"desk ketenagakerjaan|akbp|akp|kompol|kombes|iptu|ipda|aiptu|aipda|bripka|brigpol|briptu|"
                            r"bripda|irjen pol|brigjen pol|komjen pol")
"""POLICE_WORD_RE's words in lower case, as far as they are written out, to find where it may match (names_police)."""
OTHER_AGENCY_RE = re.compile(r"\b(?:Dishub|Dinas Perhubungan|Linmas|Banser|ormas|organisasi masyarakat)\b",
                             re.IGNORECASE)
"""Who else secures, guards or redirects a crowd and is no Polri ('petugas Dishub mengalihkan arus lalu lintas'): a
securing act told of them alone, with no police word in its sentence, is no police role."""
HOAX_RE = re.compile(r"\bhoa(?:ks|x)\b|\bberita bohong\b|\bdisinformasi\b", re.IGNORECASE)
STANCE_BEFORE_RE = re.compile(r"\b(?:mengecam|kecam|mengutuk|mengkritik|menyesalkan|menyayangkan|menyoroti)\s+"
                              r"(?:\S+\s+){0,3}$", re.IGNORECASE)
TALK_WORDS = ("hoaks", "hoax", "bohong", "disinformasi", "mengecam", "kecam ", "kutuk", "kritik", "sesalkan",
              "sayangkan", "soroti")
"""The lowered words without one of which no sentence of an article can be talk about events (`not_an_event`)."""
HABITUAL_RE = re.compile(r"\b(?:selama ini|berbagai aksi|kerap|seringkali|sering kali|acap kali|setiap kali|"
                         r"berulang kali)\b", re.IGNORECASE)
"""A hoax denied, a stance taken before a trigger, a habit rather than an act: what makes a sentence talk about
events (`not_an_event`)."""
POLICE_SITE_RE = re.compile(r"\b(?:Mapol(?:res|resta|restabes|sek|da)\w*|Markas (?:Polres|Polda|Polsek|Besar Polri)\w*|"
                            r"Mabes Polri)\b")
"""A protest held at a police station ('berunjuk rasa di depan Mapolda Jatim'): the police are its target, present
whether or not an officer is named in that sentence."""
INJURY_RE = re.compile(r"\b(?:luka berat|luka-luka|dirawat di rumah sakit|dilarikan ke rumah sakit|tewas|meninggal|"
                       r"kritis|patah)\b", re.IGNORECASE)
PHYSICAL_DISPERSAL = {"gas air mata", "water cannon", "disemprot", "semprotan air", "peluru karet",
                      "tembakan peringatan", "dihalau", "didorong mundur", "dipukul mundur", "dibubarkan paksa",
                      "represif", "tindakan represif"}
GENERIC_SECURITY = {"pengamanan", "mengawal", "pengawalan", "dikawal", "mengerahkan", "kerahkan", "dikerahkan",
                    "menerjunkan", "terjunkan", "diterjunkan", "menyiagakan", "siagakan", "disiagakan", "pengerahan",
                    "diturunkan", "penjagaan", "berjaga", "personel gabungan", "dihadang", "menghadang", "penyekatan",
                    "disekat", "pengaturan lalu lintas", "rekayasa lalu lintas", "pengalihan arus",
                    "mengamankan kegiatan", "mengamankan jalannya", "dijaga", "dijaga ketat", "memantau jalannya",
                    "pemantauan", "apel pengamanan"}
PASSIVE_GUARD = {"dijaga", "dijaga ketat"}
"""'Aksi dijaga ketat aparat …' says who guards only when the sentence names the police."""
MEETING_WORDS = frozenset({"diskusi", "berdiskusi", "kunjungan", "berkunjung", "mengunjungi", "pertemuan", "ngobrol",
                           "mengobrol", "berbincang", "bincang-bincang", "bertemu", "menemui", "ditemui",
                           "duduk bersama"})
"""Weak words of a meeting: a dialogue when the police and workers or a union are named in their sentence
('Kapolres mengunjungi sekretariat DPC SPN'), never on their own."""
MEETING_FORMS = MEETING_WORDS | {w + "nya" for w in MEETING_WORDS}
GENERIC_BESIDE_OTHERS = {
    "dialogue": {"dialog", "dialogis", "tatap muka"} | MEETING_FORMS,
    "joint_security": {"posko", "satgas", "satuan tugas", "pos pengamanan"},
}
MAY_DAY = {"may day", "hari buruh", "hari buruh internasional"}
APPEAL_RE = re.compile(r"\b(?:tolak|menolak|jangan|tidak|tak|tanpa|hindari|menghindari|cegah|mencegah|antisipasi|"
                       r"mengantisipasi|imbau|mengimbau|himbau|menghimbau|agar|supaya|potensi|\w*khawatir\w*|rawan|"
                       r"meminimalisir|meredam)\b", re.IGNORECASE)
"""Words that make violence named later in the sentence an appeal or a fear, not an event ('menolak aksi yang
anarkis', 'mengimbau agar tidak ricuh', 'mengantisipasi potensi kericuhan')."""
ACTION_WORDS = r"(?:aksi|demo|demonstrasi|unjuk rasa|unras|mogok|long march|konvoi)"
PLANNED_ACTION_RE = re.compile(
    rf"\b(?:menjelang|jelang|antisipasi|mengantisipasi|rencana|rencananya|merencanakan|persiapan)\s+(?:\S+\s+){{0,3}}?"
    rf"{ACTION_WORDS}\b|\b{ACTION_WORDS}\s+(?:\S+\s+){{0,2}}?(?:nanti|mendatang|besok|yang akan)\b"
    rf"|\b(?:pimpinan|koordinator|korlap)\s+{ACTION_WORDS}\b"
    rf"|\b(?:rute|jalur|titik kumpul|teknis)\s+(?:\S+\s+){{0,1}}?{ACTION_WORDS}\b"
    r"|\bakan\s+(?:menggelar|melakukan|berunjuk rasa|berdemo|mogok)\b",
    re.IGNORECASE)
"""A labour action still to come: 'menjelang aksi', 'rencana unjuk rasa', 'aksi nanti', 'pimpinan aksi' (not May
Day alone, which is a celebration as often as a protest)."""
MEETING_RE = re.compile(r"\b(?:berkoordinasi|berkordinasi|koordinasi|konsolidasi|berkonsolidasi|rakor|mengumpulkan|"
                        r"duduk bersama|pertemuan|mengimbau|menghimbau|imbauan|himbauan)\b", re.IGNORECASE)
LABOUR_ACTION_TYPES = frozenset({"protest", "strike", "blockade", "dispersal", "protest_security"})
LABOUR_ACTION_RE = re.compile(r"\b(?:demo|berdemo|unjuk rasa|berunjuk rasa|unras|demonstrasi|demonstran|"
                              r"pengunjuk rasa|mogok|massa aksi|massa buruh|aksi buruh|orasi|long march)\b")
"""Words of a labour action, in lower case: searched in the lowered text (several times faster than ignoring
case)."""
FUTURE_RE = re.compile(r"\b(?:akan|bakal|berencana|rencananya|hendak|siap|dijadwalkan|terjadwal)\b", re.IGNORECASE)
RELATIVE_RE = re.compile(r"\byang\s+$", re.IGNORECASE)
LATER_RE = re.compile(r"\b(?:besok|lusa|mendatang|pekan depan|minggu depan|bulan depan|nanti)\b", re.IGNORECASE)
"""A day still to come: workers 'yang hendak berdemo' stopped on their way are there now (a convoy the police
halt), workers 'yang akan berdemo besok' are not."""
NEAR_ACTION_RE = re.compile(r"\b(?:aksi|demo|berdemo|unjuk rasa|berunjuk rasa|unras|demonstrasi|demonstran|"
                            r"pengunjuk rasa|pendemo|mogok|massa|orasi|berorasi|long march|longmarch|konvoi|berkonvoi|"
                            r"tuntutan)\b")
"""A labour action named beside a deployment word, however weakly ('Aparat berjaga-jaga hingga massa
membubarkan diri'): the deployment secures it. Lower case, for the lowered text."""


@dataclass(frozen=True)
class TriggerHit:
    """A trigger found in the text. `generic`: a police deployment word ('mengerahkan', 'berjaga') that is the
    securing of a labour action only when one is named beside it."""

    type: str
    strong: bool
    span: Span
    sentence: int
    phrase: str
    generic: bool = False


@dataclass
class Event:
    date: EventDate | None
    recalled: bool
    until: EventDate | None = None
    hits: list[TriggerHit] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)

    @property
    def types(self) -> list[str]:
        """Types proposed by strong triggers, most severe first. A phrase listed under two types
        ('Desk Ketenagakerjaan') proposes one only beside another trigger of it, else the milder; a bare
        'pengamanan' or 'mengawal' is security of an action only when the event has that action."""
        ranks = type_ranks()
        strong = [h for h in self.hits if h.strong]
        own = {h.type for h in strong if h.phrase not in shared_phrases()}
        found = set(own)
        for h in strong:
            if h.phrase in shared_phrases():
                holders = shared_phrases()[h.phrase]
                if not holders & own:
                    found.add(max(holders, key=lambda t: ranks[t]))
                elif h.type in own:
                    found.add(h.type)
        generic_only = all(h.generic for h in strong if h.type == "protest_security")
        if "protest_security" in found and generic_only and not found & (ACTION_TYPES - {"protest_security"}):
            found.discard("protest_security")
        for type_id, generic in GENERIC_BESIDE_OTHERS.items():
            if type_id in found and len(found) > 1 and all(
                    h.phrase in generic for h in strong if h.type == type_id):
                found.discard(type_id)
        return order_types(found)


def order_types(found: set[str]) -> list[str]:
    """Most severe first (ranks of engagement_types.json), except that a protest is primary only when the police
    have no described role in it: beside any other type it comes last (DOMAIN.md: a secured peaceful protest is
    protest_security with protest secondary)."""
    ranks = type_ranks()
    return sorted(found, key=lambda t: (t == "protest", ranks[t]))


@cache
def type_ranks() -> dict[str, int]:
    return {t.id: t.rank for t in lexicon.load().types}


@cache
def shared_phrases() -> dict[str, frozenset[str]]:
    """Strong trigger phrases that engagement_types.json lists under more than one type."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in vocabulary.engagement_types().values():
        for phrase in entry.triggers:
            owners[phrase.lower()].add(entry.id)
    return {k: frozenset(v) for k, v in owners.items() if len(v) > 1}


@cache
def trigger_index() -> PhraseIndex[tuple[tuple[str, bool], ...]]:
    """The taxonomy's phrases and every form of the trigger families (lexicon.trigger_families); a phrase both
    strong and weak for one type is strong."""
    table: dict[str, dict[str, bool]] = defaultdict(dict)
    for entry in vocabulary.engagement_types().values():
        for phrase in entry.triggers:
            table[phrase.lower()][entry.id] = True
        for phrase in entry.weak_triggers:
            table[phrase.lower()].setdefault(entry.id, False)
    for form in lexicon.trigger_families():
        strong = form.strength != "weak"
        table[form.phrase][form.type] = table[form.phrase].get(form.type, False) or strong
    return PhraseIndex(((k, tuple(v.items())) for k, v in table.items()), key=lowered)


@cache
def generic_security() -> frozenset[str]:
    """Police deployment words that secure a labour action only beside one (GENERIC_SECURITY and the families
    marked 'security')."""
    return frozenset(GENERIC_SECURITY | {f.phrase for f in lexicon.trigger_families() if f.strength == "security"})


@cache
def cue_patterns() -> dict[str, re.Pattern[str] | None]:
    return {t.id: t.cues for t in lexicon.load().types}


@cache
def cue_leads() -> dict[str, re.Pattern[str]]:
    """Each type's cue words in lower case, to find where its cue pattern may match (text.first_ignoring_case): the
    pattern opens with a lookbehind and ignores case, which made a search try all its words at every offset."""
    return {entry.id: re.compile(lexicon.alternation([w.lower() for w in entry.cues]))
            for entry in vocabulary.engagement_types().values() if entry.cues}


def find_triggers(text: str, tokens: list[Token], lay: Layout) -> list[TriggerHit]:
    """Trigger hits with the caveats applied: negated, planned and threatened actions are dropped;
    'diamankan' with a person object becomes an arrest."""
    out = []
    low = text.lower()
    talk = any(word in low for word in TALK_WORDS)
    for hit in trigger_index().find(tokens, text):
        phrase = text[hit.start:hit.end]
        sentence = lay.sentence_of(hit.start)
        sentence_start = lay.sentence_starts[sentence]
        before = text[max(sentence_start, hit.start - 40):hit.start]
        for type_id, strong in hit.payload:
            if type_id == "arrest" and not strong and (ARREST_OBJECT_RE.search(lay.sentence_span(sentence).text)
                                                       or SUMMONS_RE.match(text, hit.start)):
                strong = True
            if type_id == "arrest" and not strong and phrase.lower() == "diamankan" \
                    and police_agent(HELD_BY_POLICE_RE.match(text, hit.end), text, lay, sentence) \
                    and worker_held(text, sentence_start, hit.start):
                strong = True
            if type_id == "arrest" and not strong and phrase.lower() == "tersangka" \
                    and SUSPECT_RE.search(text, sentence_start, hit.start):
                strong = True
            if type_id == "legal_complaint" and not strong and (
                    REPORT_TO_POLICE_RE.match(text, hit.start) or police_takes_report(text, lay, sentence, hit.start)
                    or AT_THE_POLICE_RE.search(text, sentence_start, hit.start)):
                strong = True
            if strong and (negated(before) or FUTURE_AFTER_RE.match(text, hit.end)):
                continue
            if strong and type_id == "protest_security" and still_to_come(text, sentence_start, hit.start):
                continue
            if strong and type_id == "protest_security" and THANKED_FOR_RE.search(before):
                strong = False
            if strong and talk and type_id in ACTION_TYPES and not_an_event(text, lay, sentence, before):
                strong = False
            if strong and type_id in ACTION_TYPES | {"legal_complaint"} and planned(before):
                continue
            if strong and type_id == "clash" and APPEAL_RE.search(text, sentence_start, hit.start):
                continue
            if type_id in ("dispersal", "arrest") and REFLEXIVE_RE.match(text, hit.end):
                continue
            if type_id == "arrest" and (THING_AFTER_RE.match(text, hit.end) or THING_BEFORE_RE.search(before)):
                continue
            if strong and type_id in ("arrest", "legal_complaint") and DEMAND_RE.search(before):
                continue
            if strong and type_id not in ACTION_TYPES and (
                    FUTURE_BEFORE_RE.search(before) or type_id == "ceremony" and PREPARED_RE.search(before)):
                continue
            if type_id == "protest" and phrase.lower() in CROWDS and CROWD_TO_COME_RE.match(text, hit.end):
                continue
            if type_id == "strike" and HUNGER_RE.match(text, hit.end):
                continue
            if type_id == "dispersal" and ESCORTED_BEFORE_RE.search(before):
                continue
            if type_id == "protest_security" and phrase.lower().endswith(("amankan", "amankannya")) \
                    and PERSON_OBJECT_RE.match(text, hit.end):
                continue
            if type_id == "blockade" and phrase.lower().startswith("di") \
                    and police_agent(POLICE_AGENT_RE.match(text, hit.end), text, lay, sentence):
                type_id = "protest_security"
            if type_id == "protest" and "aksi" in phrase.lower() and NOT_A_PROTEST_RE.match(text, hit.end):
                continue
            if type_id == "ceremony" and OTHERS_ANNIVERSARY_RE.match(text, hit.end):
                continue
            if type_id in ("legal_complaint", "mediation") and SERVICE_BEFORE_RE.search(before):
                continue
            generic = type_id == "protest_security" and phrase.lower() in generic_security()
            if generic and FIGURATIVE_OBJECT_RE.match(text, hit.end):
                continue
            secured = SECURED_ACTION_RE.match(text, hit.end) if generic else None
            if secured:
                phrase, generic = text[hit.start:secured.end()], False
            out.append(TriggerHit(type_id, strong, Span(hit.start, hit.start + len(phrase), phrase), sentence,
                                  phrase.lower(), generic))
    for m in HEARD_RE.finditer(text) if "diterima" in text else ():
        sentence = lay.sentence_of(m.start())
        start = lay.sentence_starts[sentence]
        back = PRONOUN_SUBJECT_RE.fullmatch(text, start, m.start()) and sentence > 0
        if DELEGATION_RE.search(text, lay.sentence_starts[sentence - 1] if back else start, m.start()):
            out.append(TriggerHit("hearing", True, Span(m.start(), m.end(), m.group()), sentence, m.group().lower()))
    for m in scan(DEPLOYED_RE, text, low, ("personel",)):
        sentence = lay.sentence_of(m.start())
        sentence_start = lay.sentence_starts[sentence]
        before = text[max(sentence_start, m.start() - 40):m.start()]
        if not negated(before) and not still_to_come(text, sentence_start, m.start()):
            out.append(TriggerHit("protest_security", True, Span(m.start(), m.end(), m.group()), sentence,
                                  m.group().lower(), generic=True))
    for m in scan(WITH_THE_CROWD_RE, text, low, ("massa", "rasa", "demonstran", "pendemo", "peserta")):
        sentence = lay.sentence_of(m.start())
        sentence_start = lay.sentence_starts[sentence]
        before = text[max(sentence_start, m.start() - 40):m.start()]
        if POLICE_WORD_RE.search(text, sentence_start, m.start()) and not negated(before) \
                and not still_to_come(text, sentence_start, m.start()):
            out.append(TriggerHit("protest_security", True, Span(m.start(), m.end(), m.group()), sentence,
                                  m.group().lower(), generic=REMOTE_RE.match(m.group()) is not None))
    for m in scan(CUSTODY_RE, text, low, ("dibawa", "digiring", "diangkut")):
        sentence = lay.sentence_of(m.start())
        before = text[max(lay.sentence_starts[sentence], m.start() - 40):m.start()]
        if not negated(before) and not planned(before):
            out.append(TriggerHit("arrest", True, Span(m.start(), m.end(), m.group()), sentence, m.group().lower()))
    strikes = scan(POLICE_STRIKES_RE, text, low, ("memukul", "menendang", "menginjak", "menyeret", "menganiaya",
                                                   "mengeroyok", "memiting", "membanting", "menggebuk", "mementung"))
    forced = scan(POLICE_FORCE_RE, text, low, ("dipukul", "pukulan", "ditendang", "diinjak", "diseret", "dianiaya",
                                              "dikeroyok", "dipentung", "pentungan", "digebuk"))
    for m in (*forced, *strikes):
        sentence = lay.sentence_of(m.start())
        before = text[max(lay.sentence_starts[sentence], m.start() - 40):m.start()]
        if not negated(before) and not plan_word(before) and police_agent(m, text, lay, sentence):
            out.append(TriggerHit("dispersal", True, Span(m.start(), m.end(), m.group()), sentence, m.group().lower()))
    return out


def not_an_event(text: str, lay: Layout, sentence: int, before: str) -> bool:
    """A trigger in a sentence that denies the event as a hoax ('memastikan video bentrokan buruh dan polisi
    adalah hoaks') or condemns a habit rather than reports an act ('mengecam tindakan represif aparat dalam
    berbagai aksi selama ini'): talk about such events, none of them."""
    said = lay.sentence_span(sentence).text
    return bool(HOAX_RE.search(said)) or bool(STANCE_BEFORE_RE.search(before) and HABITUAL_RE.search(said))


def names_police(text: str) -> bool:
    """Whether `text` holds a POLICE_WORD_RE word, looked for from its lead in the lowered text
    (text.first_ignoring_case): the pattern is searched for in several sentences of every article, and a search
    from the lead costs ~2 us a sentence against ~3."""
    return first_ignoring_case(POLICE_LEAD_RE, POLICE_WORD_RE, text) is not None


def police_agent(agent: re.Match[str] | None, text: str, lay: Layout, sentence: int) -> bool:
    """Whether the agent a pattern found is the police: a police word in it ('petugas Polsek', 'oknum polisi'),
    or a bare 'petugas', 'aparat' or 'personel' in a sentence that, with the one before, names the police and no
    one else who guards ('Seorang buruh diamankan petugas' after 'Satpam pabrik ...' is no police act)."""
    if agent is None:
        return False
    if names_police(agent.group()):
        return True
    around = text[lay.sentence_starts[max(0, sentence - 1)]:lay.sentence_span(sentence).end]
    return names_police(around) and not other_guards().search(around) \
        and not OTHER_AGENCY_RE.search(around)


def worker_held(text: str, sentence_start: int, at: int) -> bool:
    """Whether the clause before a passive 'diamankan' begins with a worker, protester or union officer ('Seorang
    buruh yang ikut aksi diamankan'), not someone else ('Sejumlah remaja ... di antara buruh diamankan') nor an
    action ('Aksi unjuk rasa buruh diamankan ...', which secures it)."""
    start = max(sentence_start, text.rfind(",", sentence_start, at) + 1, text.rfind(";", sentence_start, at) + 1)
    first = CLAUSE_SUBJECT_RE.search(text, start, at)
    return first is not None and first.group("worker") is not None


SCAN_LEADS = {
    DEPLOYED_RE: re.compile(r"menurunkan|diturunkan|menempatkan|ditempatkan|menyebar|disebar|melibatkan|dilibatkan"),
    WITH_THE_CROWD_RE: re.compile(r"menemui|menenangkan|mengimbau|mengarahkan|menertibkan|mengevakuasi|membujuk|"
                                  r"bernegosiasi|berdialog|bertemu"),
    CUSTODY_RE: re.compile(r"dibawa|digiring|diangkut"),
    POLICE_STRIKES_RE: re.compile(r"polisi|aparat|petugas|anggota pol|personel|brimob"),
    POLICE_FORCE_RE: re.compile(r"dipukul|pukulan|ditendang|diinjak|diseret|dianiaya|dikeroyok|dipentung|pentungan|"
                                r"digebuk"),
    MEETING_RE: re.compile(r"berkoordinasi|berkordinasi|koordinasi|konsolidasi|berkonsolidasi|rakor|mengumpulkan|"
                           r"duduk bersama|pertemuan|mengimbau|menghimbau|imbauan|himbauan"),
}
"""The words each pattern `scan` runs starts with (after its word boundary), in lower case: looked for in the lowered text, they
find where the pattern, which ignores case, may match (text.led_matches)."""


def scan(pattern: re.Pattern[str], text: str, low: str, cues: tuple[str, ...]) -> list[re.Match[str]]:
    """The matches of a pattern ignoring case, looked for only when one of the words it needs (`cues`, lower case)
    is in the lowered text `low`: most articles have none, and the substring test costs far less than the scan."""
    if not any(cue in low for cue in cues):
        return []
    lead = SCAN_LEADS.get(pattern)
    if lead is not None and lowers_in_place(text, low):
        return led_matches(lead, pattern, text, low)
    return list(pattern.finditer(text))


def negated(before: str) -> bool:
    """A denial or warding-off word in the words before a trigger (NEGATION_RE, looked for from its lead)."""
    return first_ignoring_case(NEGATION_LEAD_RE, NEGATION_RE, before) is not None


def plan_word(before: str) -> bool:
    """A plan, threat or condition word in the words before a trigger (PLAN_RE, looked for from its lead)."""
    return first_ignoring_case(PLAN_LEAD_RE, PLAN_RE, before) is not None


def planned(before: str) -> bool:
    """A plan, threat or condition word shortly before a trigger ('akan menggelar aksi'), unless a word of a deed
    done stands between ('yang hendak ke Surabaya sempat diblokade')."""
    plan = first_ignoring_case(PLAN_LEAD_RE, PLAN_RE, before)
    return plan is not None and not PERFECTIVE_RE.search(before, plan.start())


def police_takes_report(text: str, lay: Layout, sentence: int, start: int) -> bool:
    """'Polda Banten menerima laporan …', 'akan mengusut laporan …': the police receiving or pursuing a report."""
    sentence_start = lay.sentence_starts[sentence]
    return bool(TAKES_REPORT_RE.search(text, max(sentence_start, start - 30), start)) \
        and bool(POLICE_WORD_RE.search(text, sentence_start, start))


def apply_caveats(hits: list[TriggerHit], text: str, lay: Layout, unions: tuple[Span, ...] = ()) -> list[TriggerHit]:
    """Sentence- and paragraph-level caveats of engagement_types.json; a labour organisation named near a trigger
    (`unions`: its mentions) is as good a cue as the cue words. Damage or a fight is a clash only during a
    labour action, an arrest a labour arrest only during one or of a union's people: workers as suspects of
    ordinary crime are no engagement (corpus README). The searches for a clash's sides and for ordinary crime run
    only where their answer can count, not for every strong trigger."""
    cues = cue_patterns()
    leads = cue_leads()
    crime: bool | None = None
    union_named = bool(unions)
    union_near = {lay.sentence_of(s.start) + k for s in unions for k in range(-2, 3)}
    union_paragraphs = {lay.paragraph_of(s.start) for s in unions}
    labour_action = any(h.strong and h.type in LABOUR_ACTION_TYPES - {"clash"} for h in hits) \
        or bool(LABOUR_ACTION_RE.search(text.lower())) \
        or any(h.strong and h.type in ("clash", "arrest") for h in hits) and workers_in_an_action(text, lay)
    workers_fought = any(h.strong and h.type == "clash" and WORKER_RE.search(lay.sentence_span(h.sentence).text)
                         for h in hits)
    kept = []
    for h in hits:
        if not h.strong and h.type == "dialogue" and h.phrase.removesuffix("nya") in MEETING_WORDS:
            sentence = lay.sentence_span(h.sentence)
            before = text[max(sentence.start, h.span.start - 40):h.span.start]
            to_come = FUTURE_BEFORE_RE.search(before) or FUTURE_AFTER_RE.match(text, h.span.end)
            if names_police(sentence.text) and not to_come and (WORKER_RE.search(sentence.text) or any(
                    sentence.start <= s.start < sentence.end for s in unions)):
                h = replace(h, strong=True)
        if h.generic and action_beside(h, text, lay):
            h = replace(h, generic=False)
        if not h.strong:
            kept.append(h)
            continue
        sentence = lay.sentence_span(h.sentence).text
        if (h.type == "clash" and not labour_action
                and not (WORKER_RE.search(sentence) and POLICE_SIDE_RE.search(sentence))) \
                or (h.type == "arrest" and not labour_action and not union_named and not workers_fought
                    and not UNION_PEOPLE_RE.search(sentences_around(text, lay, h.sentence, 1))):
            kept.append(replace(h, strong=False))
            continue
        paragraph = paragraph_text(text, lay, h.span.start)
        around = sentences_around(text, lay, h.sentence, 2)
        beside = sentences_around(text, lay, h.sentence, 1)
        if h.type == "agreement" and (not names_police(beside) or PKB_RE.search(sentence)):
            continue
        if h.type == "ceremony" and others_occasion(text, h, unions):
            continue
        if h.type == "joint_security" and not names_police(sentence) and not police_in_team(text, lay):
            continue
        if h.type == "hearing" and not names_police(paragraph):
            continue
        guarded = sentence if h.type == "protest_security" else text[lay.sentence_starts[max(0, h.sentence - 1)]:
                                                                          lay.sentence_span(h.sentence).end]
        if h.type in ("protest_security", "dispersal", "arrest") and not names_police(guarded) and (
                other_guards().search(guarded) or OTHER_AGENCY_RE.search(guarded)
                or h.type == "protest_security" and h.phrase in PASSIVE_GUARD):
            continue
        if h.type == "mediation" and (DISNAKER_RE.search(sentence) or not names_police(around)) \
                and not names_police(sentence):
            continue
        if h.type == "mediation" and GOVERNMENT_SIDE_RE.search(beside) and not EMPLOYER_RE.search(beside):
            continue
        cue = cues.get(h.type)
        near = h.sentence in union_near or lay.paragraph_of(h.span.start) in union_paragraphs
        own_cue = h.type == "strike" and WORK_STOPPAGE_RE.search(sentence)
        if cue is not None and not (near or own_cue or first_ignoring_case(leads[h.type], cue, paragraph)
                                    or first_ignoring_case(leads[h.type], cue, around)):
            continue
        if h.type in ("legal_complaint", "arrest"):
            crime = ordinary_crime(text) if crime is None else crime
            if crime:
                continue
        if h.type == "arrest" and not DETAINED_RE.search(text, lay.sentence_starts[max(0, h.sentence - 1)],
                                                         lay.sentence_span(h.sentence).end):
            continue
        kept.append(h)
    kept = outside_quotes(kept, text)
    protest_sentences = {h.sentence for h in kept if h.strong and h.type == "protest"}
    if protest_sentences:
        kept = [h for h in kept if not (h.type == "ceremony" and h.phrase in MAY_DAY and protest_sentences)]
    return kept


def others_occasion(text: str, h: TriggerHit, unions: tuple[Span, ...]) -> bool:
    """A ceremony named for a body that is neither a union nor the police ('pelantikan pengurus KNPI', 'HUT
    PGRI'): someone else's occasion, which police and union people only attend side by side."""
    owner = OCCASION_OWNER_RE.match(text, h.span.end)
    if owner is None or POLICE_WORD_RE.match(owner.group("owner")):
        return False
    start, end = owner.span("owner")
    return not any(s.start < end and start < s.end for s in unions)


def workers_in_an_action(text: str, lay: Layout) -> bool:
    """Workers named in a sentence with an 'aksi' that is no social or charity one ('lima orang buruh ... usai
    aksi di depan pabrik'): a labour action, though 'aksi' alone proposes no protest."""
    for m in AKSI_RE.finditer(text):
        sentence = lay.sentence_span(lay.sentence_of(m.start())).text
        if not NOT_A_PROTEST_RE.match(text, m.end()) and WORKER_RE.search(sentence):
            return True
    return False


def still_to_come(text: str, start: int, end: int) -> bool:
    """A future word in text[start:end] that governs what follows ('Polda berencana menyiagakan 13.000 personel'),
    not a relative clause's ('massa yang akan menggelar aksi ... sempat dihentikan') nor one a deed word follows."""
    last = None
    for m in FUTURE_RE.finditer(text, start, end):
        last = m
    return last is not None and not RELATIVE_RE.search(text, max(start, last.start() - 5), last.start()) \
        and not PERFECTIVE_RE.search(text, last.end(), end)


def action_beside(h: TriggerHit, text: str, lay: Layout) -> bool:
    """A labour action named in the sentence of a deployment word or the next or previous one, neither still
    to come ('berencana menggelar aksi', 'akan mengerahkan personel'), or workers acting as workers there
    ('Ratusan karyawan mendatangi kantor perusahaan ... Personel Polsek berjaga di lokasi'). The deployment's own
    words are no such action ('mengimbau massa' beside a protest planned for next week)."""
    if still_to_come(text, lay.sentence_starts[h.sentence], h.span.start):
        return False
    around = sentences_around(text, lay, h.sentence, 1)
    offset = lay.sentence_starts[max(0, h.sentence - 1)]
    for m in WORKER_RE.finditer(around):
        act = ACTION_AFTER_RE.match(around, m.end())
        future = FUTURE_RE.search(around, m.end(), act.end()) if act else None
        on_the_way = future is not None and RELATIVE_RE.search(around, max(0, future.start() - 5), future.start()) \
            and not LATER_RE.search(around, act.end())
        to_come = act is None or (future is not None and not on_the_way)
        if not to_come and not planned(around[max(0, m.start() - 40):m.start()]):
            return True
    for m in NEAR_ACTION_RE.finditer(around.lower()):
        at = offset + m.start()
        if h.span.start <= at < h.span.end:
            continue
        if not planned(text[max(lay.sentence_starts[lay.sentence_of(at)], at - 40):at]) \
                and not CROWD_TO_COME_RE.match(text, offset + m.end()):
            return True
    return False


def police_in_team(text: str, lay: Layout) -> bool:
    """The police named as members of a team, post or patrol anywhere in the text ('Setiap tim terdiri atas
    unsur serikat pekerja, Apindo, kepolisian'): a joint team is theirs even when its forming names no police."""
    return any(TEAM_RE.search(span.text) and names_police(span.text)
               for span in map(lay.sentence_span, range(lay.sentence_count())))


def coordination(hits: list[TriggerHit], text: str, lay: Layout) -> list[TriggerHit]:
    """Police and unions meeting or coordinating ahead of a labour action still to come, said in one sentence
    ('Mengantisipasi rencana unjuk rasa ..., Kapolres mengumpulkan 26 serikat buruh'), is pre-protest
    coordination; the meeting itself stays dialogue, its secondary."""
    if any(h.strong and h.type == "pre_protest_coordination" for h in hits):
        return hits
    meetings = {h.sentence: h.span for h in reversed(hits) if h.strong and h.type in ("dialogue", "hearing")}
    for m in scan(MEETING_RE, text, text.lower(), ("koordinasi", "kordinasi", "konsolidasi", "rakor", "mengumpulkan",
                                                   "duduk bersama", "pertemuan", "imbau")):
        meetings.setdefault(lay.sentence_of(m.start()), Span(m.start(), m.end(), m.group()))
    for sentence in sorted(meetings):
        span = lay.sentence_span(sentence)
        if PLANNED_ACTION_RE.search(text, span.start, span.end):
            meeting = meetings[sentence]
            return hits + [TriggerHit("pre_protest_coordination", True, meeting, sentence, meeting.text.lower())]
    return hits


def outside_quotes(hits: list[TriggerHit], text: str) -> list[TriggerHit]:
    """A type whose strong triggers all sit inside direct speech ('kami siap mengawal setiap aksi') is talk,
    not an event; its triggers become support only, unless the speaker tells a deed done ('kita lakukan blokade
    jalan', 'kami sudah mogok')."""
    quotes = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]

    def stated(h: TriggerHit) -> bool:
        quote = next(((a, b) for a, b in quotes if a <= h.span.start < b), None)
        return quote is None or bool(DEED_RE.search(text, max(quote[0], h.span.start - 30), h.span.start))

    stated_types: set[str] = set()
    for h in hits:
        if h.strong and h.type not in stated_types and stated(h):
            stated_types.add(h.type)
    quoted_only = {h.type for h in hits if h.strong} - stated_types
    return [replace(h, strong=False) if h.type in quoted_only else h for h in hits]


def sentences_around(text: str, lay: Layout, sentence: int, reach: int) -> str:
    """The text of a sentence with `reach` sentences either side."""
    first = max(0, sentence - reach)
    last = min(lay.sentence_count() - 1, sentence + reach)
    end = lay.sentence_starts[last + 1] if last + 1 < lay.sentence_count() else len(text)
    return text[lay.sentence_starts[first]:end]


def paragraph_text(text: str, lay: Layout, offset: int) -> str:
    index = lay.paragraph_of(offset)
    start = lay.paragraph_starts[index]
    end = lay.paragraph_starts[index + 1] if index + 1 < len(lay.paragraph_starts) else len(text)
    return text[start:end]


def group_events(hits: list[TriggerHit], dates: list[EventDate], text: str, lay: Layout) -> list[Event]:
    """One event for the article's own date; one more for each earlier date recalled with its own triggers."""
    body_dates = [d for d in dates if not d.metadata and not d.announced]
    strong = [h for h in hits if h.strong]
    if not strong:
        return []
    main_date = own_date(strong, body_dates, text, lay)
    main = Event(main_date, recalled=False, until=range_end(main_date, body_dates, text))
    recalled: list[tuple[Event, int, int]] = []
    for d in body_dates:
        if main_date is None or d is main_date or d.date >= main_date.date:
            continue
        sentence = lay.sentence_of(d.span.start)
        start = clause_start(text, lay, sentence, d)
        if start is None and not d.recalled:
            continue
        span = lay.sentence_span(sentence)
        clause = (start if start is not None else span.start, recalled_end(lay, sentence, d, body_dates))
        if not any(clause[0] <= h.span.start < clause[1] for h in strong):
            continue
        recalled.append((Event(d, recalled=True), clause[0], clause[1]))
    stated = [h for h in strong if h.phrase not in MEETING_FORMS] or strong
    lead = lead_sentences(stated, main_date, lay)
    stated_in_lead = [h for h in stated if h.sentence in lead]
    past = {h.span.start for h in stated_in_lead if h.type in ACTION_TYPES and told_as_past(text, lay, h)} \
        if any(h.type not in ACTION_TYPES for h in stated_in_lead) else set()
    core = {h.type for h in stated_in_lead if h.span.start not in past}
    meeting = bool(core) and not (core & ACTION_TYPES)
    recalled_actions = {h.type for h in strong for _, a, b in recalled if a <= h.span.start < b}
    for h in hits:
        target = next((e for e, a, b in recalled if a <= h.span.start < b), None)
        if target is None and recalled and h.type in ACTION_TYPES and (meeting or h.type in recalled_actions):
            target = recalled[0][0]
        if target is None and not recalled and meeting and h.strong and h.type in ACTION_TYPES \
                and (h.sentence not in lead or h.span.start in past):
            h = replace(h, strong=False)
        (target or main).hits.append(h)
        (target or main).sentences.add(h.sentence)
    events = [main] + [e for e, _, _ in recalled]
    return [e for e in events if e.types]


def told_as_past(text: str, lay: Layout, h: TriggerHit) -> bool:
    """An action told as an earlier one with no date of its own: after 'usai', 'setelah', 'pasca' in its clause
    ('Audiensi Usai Rekan Ditangkap') or followed by a past time ('ditangkap saat aksi mogok bulan lalu')."""
    start = lay.sentence_starts[h.sentence]
    clause = max(start, text.rfind(",", start, h.span.start) + 1)
    return bool(AFTER_BEFORE_RE.search(text, clause, h.span.start)) \
        or bool(PAST_AFTER_RE.match(text, h.span.end, lay.sentence_span(h.sentence).end))


def own_date(strong: list[TriggerHit], dates: list[EventDate], text: str, lay: Layout) -> EventDate | None:
    """The date of the article's own event, in this order of evidence: a day in the first sentence with a strong
    trigger (one written with its weekday before a plain date); a day written with its weekday, as news writes the
    day of what it reports ('Sabtu (2/12/2023)'); a plain date in another sentence with a strong trigger; a
    statement's day ('kata Kapolres, Senin (8/12)', a dateline's), the day of the report; only then a plain date in a sentence
    that tells no act ('disahkan pada 5 Oktober 2020', 'upah tertunggak sejak 1 Agustus 2025'), more often a
    background fact's; else the first date. Recalled days never. The body starts at the
    dateline: a photo caption above it dates the photo, often an earlier day."""
    start = body_start(text)
    body = [d for d in dates if d.span.start >= start] or dates
    first_sentence = next((h.sentence for h in strong if h.span.start >= start), strong[0].sentence)
    acts = {h.sentence for h in strong}
    own = [d for d in body if not d.recalled]
    own = [d for d in own if not plan_date(text, lay, d)] or own
    days = [d for d in own if d.precision == 1]
    first = sorted((d for d in own if not d.said and lay.sentence_of(d.span.start) == first_sentence),
                   key=lambda d: weekday_of(d) is None)
    found = next(iter(first), None) \
        or next((d for d in days if not d.said and weekday_of(d) is not None), None) \
        or next((d for d in days if not d.said and lay.sentence_of(d.span.start) in acts), None) \
        or next((d for d in own if d.said and lay.sentence_of(d.span.start) == first_sentence), None) \
        or next((d for d in days if d.said), None) \
        or next(iter(days), None)
    return found or next(iter(body), None)


def plan_date(text: str, lay: Layout, d: EventDate) -> bool:
    """A date a plan word governs ('Jelang aksi buruh pada Kamis (4/12)', 'menjelang rencana mogok nasional Kamis
    (4/12)'): the day of what is planned, not of the article's event, even when the text writes it first."""
    start = lay.sentence_starts[lay.sentence_of(d.span.start)]
    return planned(text[max(start, d.span.start - 40):d.span.start])


def range_end(start: EventDate | None, dates: list[EventDate], text: str) -> EventDate | None:
    """'Rabu (24/9) hingga Kamis (25/9/2025)': the last day of a multi-day event (ACLED: one event per day)."""
    if start is None:
        return None
    for d in dates:
        if d.span.start > start.span.end and RANGE_RE.fullmatch(text, start.span.end, d.span.start) \
                and 0 < (d.date - start.date).days <= 7:
            return d
    return None


def recalled_end(lay: Layout, sentence: int, d: EventDate, dates: list[EventDate]) -> int:
    """Where the telling of a recalled event ends: a paragraph tells one event, so the recalled clause runs on
    through the next sentences of its paragraph ('... pada Rabu (5/11) lalu berujung ricuh. Massa merusak pos
    ... Polisi membalas dengan gas air mata.'), at most RECALL_REACH of them, up to one that gives another
    date."""
    paragraph = lay.paragraph_of(lay.sentence_starts[sentence])
    last = sentence
    for k in range(sentence + 1, min(lay.sentence_count(), sentence + 1 + RECALL_REACH)):
        span = lay.sentence_span(k)
        if not span.text:
            continue
        if lay.paragraph_of(span.start) != paragraph \
                or any(e is not d and span.start <= e.span.start < span.end for e in dates):
            break
        last = k
    return max(d.span.end, lay.sentence_span(last).end)


def clause_start(text: str, lay: Layout, sentence: int, d: EventDate) -> int | None:
    """Where a recalled clause begins: the last 'pasca', 'setelah', 'usai' ... before the date."""
    start = lay.sentence_starts[sentence]
    found = None
    for m in RECALL_RE.finditer(text, start, d.span.start):
        found = m.start()
    return found


def lead_sentences(strong: list[TriggerHit], main_date: EventDate | None, lay: Layout) -> set[int]:
    """The sentences that state the article's own event: the first with a trigger and the one with its date."""
    out = {strong[0].sentence}
    if main_date is not None:
        out.add(lay.sentence_of(main_date.span.start))
    return out


def event_actors(event: Event, actors: list[Actor], lay: Layout) -> tuple[list[Actor], list[Actor], list[Actor]]:
    """Police, labour and other actors of an event: those mentioned in its sentences, else the article's."""
    def mentioned(actor: Actor) -> bool:
        return any(lay.sentence_of(s.start) in event.sentences for s in actor.spans)

    sides = []
    for kinds in (("police",), ("labour",), ("government", "company", "person")):
        pool = [a for a in actors if a.kind in kinds]
        near = [a for a in pool if mentioned(a)]
        sides.append(near if near and event.recalled else pool)
    return sides[0], sides[1], sides[2]


def acting_sentences(hits: list[TriggerHit], text: str, lay: Layout) -> set[int]:
    """The sentences where workers act as workers: placed so by their words (parties.worker_mentions), named
    in a sentence that states what workers do (a protest, strike, blockade, or its dispersal), a strike's own
    sentence (only workers strike: 'Polisi membubarkan paksa aksi mogok di depan pabrik PT X'; not drivers',
    traders' or students' 'mogok'; a report about workers who died or were hurt is none), or named as the
    police's partners in a sentence where the police do what a trigger says ('Kapolres menggelar Jumat Curhat
    bersama buruh', 'penengah antara buruh dan manajemen'; not 'sembako kepada warga, termasuk buruh')."""
    action = {h.sentence for h in hits if h.strong and h.type in WORKERS_ACTIONS
              and not (h.type == "legal_complaint" and VICTIM_RE.search(lay.sentence_span(h.sentence).text))}
    with_police = {h.sentence for h in hits if h.strong and names_police(lay.sentence_span(h.sentence).text)}
    out = {k for k in action if UNION_WORD_RE.search(lay.sentence_span(k).text)}
    out |= {h.sentence for h in hits if h.strong and h.type == "strike"
            and not OTHER_STRIKERS_RE.search(lay.sentence_span(h.sentence).text)}
    for mention in worker_mentions(text):
        sentence = lay.sentence_of(mention.start)
        if TOPIC_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start):
            continue
        if mention.acting or sentence in action or (mention.partner and sentence in with_police):
            out.add(sentence)
    return out


TOPIC_BEFORE_RE = re.compile(r"\b(?:kesejahteraan|nasib|hak|hak-hak|upah|perlindungan|kepentingan|pembelaan|"
                             r"membela|bela|untuk|bagi|terhadap)\s+(?:para\s+|kaum\s+)?$", re.IGNORECASE)
"""Workers as what a protest is about ('mahasiswa menuntut kesejahteraan buruh', 'aksi solidaritas untuk buruh'),
not who protests."""


def labour_protests(event: Event, labour: list[Actor], acting: set[int], lay: Layout) -> bool:
    """Whether the protesters of a protest (secured or not) are labour: a labour body or workers acting named in
    a sentence that states the protest or next to one, or in a sentence of its security (next to one when no
    protest word is written: 'Ratusan karyawan mendatangi kantor perusahaan ... Personel Polsek berjaga'). 'Ratusan
    warga berunjuk rasa ... Aksi dikawal personel Polsek. Sejumlah karyawan menonton dari balik pagar' is a
    residents' protest, the workers only onlookers."""
    protest = {h.sentence for h in event.hits if h.strong and h.type == "protest"}
    security = {h.sentence for h in event.hits if h.strong and h.type == "protest_security"}
    near = {k + step for k in (protest or security) for step in (-1, 0, 1)} | security
    return bool(near & acting) or any(lay.sentence_of(s.start) in near for a in labour for s in a.spans)


def protest_sentences(event: Event) -> set[int]:
    return {h.sentence for h in event.hits if h.strong and h.type == "protest"}


def event_place(event: Event, places: PlaceFindings, lay: Layout) -> Place | None:
    """The kab/kota named in the event's sentences, else the article's main place; precision 1 when one of its
    kecamatan is named."""
    local = Counter(m.code.split(".")[0] + "." + m.code.split(".")[1] for m in places.mentions
                    if m.code.count(".") >= 1 and lay.sentence_of(m.span.start) in event.sentences
                    and m.basis not in ("police_unit", "dateline"))
    code = local.most_common(1)[0][0] if local and event.recalled else (places.main.code if places.main else None)
    site = event_site(event, places, lay)
    if site is not None and not event.recalled:
        code = site
    if code is None:
        return None
    base = places.place_for(code)
    span = base.span if base else next(m.span for m in places.mentions if m.code.startswith(code))
    place = make_place(code, span, base.basis if base else "explicit")
    if any(p.level == "kecamatan" and p.parent_code == code for p in places.places):
        return Place(place.name, place.code, place.level, place.province, 1, place.span, place.basis,
                     place.confidence, None)
    return place


def event_site(event: Event, places: PlaceFindings, lay: Layout) -> str | None:
    """The kab/kota the event's own sentences place it in with 'di' ('berunjuk rasa di depan Gedung Sate, Kota
    Bandung'): where it happened outweighs where its people come from or whose name carries a place."""
    lead = lead_sentences([h for h in event.hits if h.strong], event.date, lay)
    return best_kabupaten_kota([m for m in places.mentions if m.role == "site" and m.code.count(".") >= 1
                                and m.basis not in ("police_unit", "dateline")
                                and lay.sentence_of(m.span.start) in lead])


def acled_of(types: list[str], event: Event, lay: Layout) -> AcledCoding | None:
    """ACLED's coding of the event's types (core.vocabulary), read closer for a dispersal: injuries near it are
    excessive force against protesters, and without physical force the protest stayed peaceful."""
    coding = vocabulary.acled_coding(types[0], types[1:])
    if types[0] == "dispersal" and coding is not None:
        near = {k for s in event.sentences for k in range(s - 1, s + 3) if 0 <= k < lay.sentence_count()}
        sentences = " ".join(lay.sentence_span(s).text for s in sorted(near))
        if INJURY_RE.search(sentences):
            return replace(coding, sub_event_type="Excessive force against protesters")
        if not any(h.phrase in PHYSICAL_DISPERSAL for h in event.hits if h.type == "dispersal"):
            return replace(coding, sub_event_type="Peaceful protest")
    return coding


def event_notes(event: Event, text: str, lay: Layout) -> tuple[str, ...]:
    notes = []
    sentences = " ".join(lay.sentence_span(s).text for s in sorted(event.sentences))
    if "legal_complaint" in event.types:
        if re.search(r"\b(?:perusahaan|pengusaha|manajemen)\b[^.]{0,40}\bmelaporkan\b|\bdilaporkan oleh perusahaan",
                     sentences, re.IGNORECASE):
            notes.append("direction: employer -> police")
        elif re.search(r"\b(?:buruh|serikat|pekerja)\b[^.]{0,60}\b(?:melaporkan|melapor|mengadu|pengaduan)\b",
                       sentences, re.IGNORECASE):
            notes.append("direction: union -> police")
        else:
            notes.append("direction: police-initiated")
        if re.search(r"\bPropam\b", sentences):
            notes.append("complaint against police officers (Propam)")
    if any(h.phrase == "saling dorong" for h in event.hits):
        notes.append("wording: saling dorong (borderline clash)")
    if "mogok makan" in sentences.lower() and re.search(r"\bmogok makan\b", sentences, re.IGNORECASE):
        notes.append("hunger strike mentioned (not a strike)")
    return tuple(notes)


def weigh_evidence(event: Event, primary: str, police: list[Actor], labour: list[Actor], acting: set[int],
                   lay: Layout) -> Evidence:
    """The evidence of an engagement of type `primary`: workers acting count as its labour side when no body is
    named."""
    strong = [h for h in event.hits if h.strong]
    own = {h.sentence for h in strong if h.type == primary}
    rivals = {h.type for h in strong if h.type not in (primary, "protest")}
    rival_support = max((len({h.sentence for h in strong if h.type == t}) for t in rivals), default=0)
    police_sentences = {lay.sentence_of(s.start) for a in police for s in a.spans}
    labour_sentences = {lay.sentence_of(s.start) for a in labour for s in a.spans}
    labour_sentences |= acting
    paragraph = {lay.paragraph_of(lay.sentence_starts[k]) for k in own}
    lead = lead_of(lay)

    def paragraphs(sentences: set[int]) -> set[int]:
        return {lay.paragraph_of(lay.sentence_starts[k]) for k in sentences}

    return Evidence(
        together_sentence=any(k in police_sentences and (k in labour_sentences or k - 1 in labour_sentences
                                                         or k + 1 in labour_sentences) for k in own),
        together_paragraph=bool(paragraph & paragraphs(police_sentences) & paragraphs(labour_sentences)),
        support=len(own),
        rival_support=rival_support,
        in_lead=bool(own & lead),
        lead_sides=lead_names_both(lay, lead, police_sentences, labour_sentences),
        rivals=bool(rivals),
        action_named=primary != "protest_security" or any(
            h.type in ACTION_TYPES - {"protest_security"} or NEAR_ACTION_RE.search(h.phrase) for h in strong),
        named_police=any(a.name or a.unit != "Polri" for a in police),
        named_labour=bool(labour),
        dated=event.date is not None and event.date.precision == 1 and not event.date.year_inferred,
        recalled=event.recalled,
        protest_only=primary == "protest",
    )


def lead_of(lay: Layout, sentences: int = 3) -> set[int]:
    """The first sentences with words in them (headline and lead), where an article states its own event. Only
    those sentences are cut out of the text (cutting every one was ~50 spans an article, for three)."""
    return set(islice((k for k in range(lay.sentence_count()) if lay.sentence_span(k).text), sentences))


def lead_names_both(lay: Layout, lead: set[int], police: set[int], labour: set[int]) -> bool:
    """Whether the headline and lead name the police and labour, by actor or by word ('personel Polres',
    'massa buruh'): an article that states its engagement up front, the plainest evidence a reader has."""
    texts = [lay.sentence_span(k).text for k in lead]
    return (bool(lead & police) or any(names_police(t) for t in texts)) \
        and (bool(lead & labour) or any(WORKER_RE.search(t) or UNION_WORD_RE.search(t) for t in texts))


def event_days(event: Event) -> list[EventDate | None]:
    """The dates of an event: one per day of a multi-day event; none ("date unknown") when the text names none,
    never the publication or tagging day."""
    if event.date is None:
        return [None]
    if event.until is None:
        return [event.date]
    days = (event.until.date - event.date.date).days
    return [event.date] + [replace(event.until, date=event.date.date + timedelta(days=k)) for k in range(1, days + 1)]


def find_engagements(text: str, tokens: list[Token], lay: Layout, actors: list[Actor], places: PlaceFindings,
                     dates: list[EventDate]) -> list[Engagement]:
    """Zero or more engagements, the article's own event first. Workers acting with no body named ('ratusan
    buruh') make the labour side of an engagement but are not listed among its labour actors, which name
    organisations (the corpus README's labour_actors)."""
    unions = tuple(s for a in actors if a.kind == "labour" for s in a.spans)
    hits = coordination(apply_caveats(find_triggers(text, tokens, lay), text, lay, unions), text, lay)
    acting = acting_sentences(hits, text, lay)
    quotes = [m.span() for m in QUOTE_RE.finditer(text)]
    out = []
    for event in group_events(hits, dates, text, lay):
        police, labour, others = event_actors(event, actors, lay)
        police = [a for a in police if takes_part(a, text, quotes)]
        if not police:
            continue
        if not labour and not workers_acting(acting, event.sentences, event.recalled):
            continue
        types = event.types
        if set(types) <= {"protest", "protest_security"} and not labour_protests(event, labour, acting, lay):
            continue
        if types == ["protest"] and not police_at_the_protest(protest_sentences(event), police, lay) \
                and not any(POLICE_SITE_RE.search(lay.sentence_span(k).text) for k in protest_sentences(event)):
            continue
        types = learned.rank(types, event, lay)
        primary = types[0]
        evidence_hit = next(h for h in event.hits if h.strong and h.type == primary)
        for when in event_days(event):
            out.append(Engagement(
                type=primary,
                secondary_types=tuple(types[1:]),
                date=when,
                place=event_place(event, places, lay),
                police_actors=tuple(dict.fromkeys(a.label for a in police)),
                labour_actors=tuple(dict.fromkeys(a.label for a in labour)),
                other_actors=tuple(dict.fromkeys(a.label for a in others if a.label)),
                evidence=lay.sentence_span(evidence_hit.sentence),
                confidence=confidence_of(weigh_evidence(event, primary, police, labour, acting, lay)),
                triggers=tuple(h.span for h in event.hits if h.strong),
                acled=acled_of(types, event, lay),
                notes=event_notes(event, text, lay),
            ))
    return out
