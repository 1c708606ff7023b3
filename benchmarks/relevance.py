"""Search relevance on the bundled corpus: nDCG@5 and recall@10.

The corpus (corpus/pdf/*.pdf) is ingested into a fresh temporary data directory, then every
query below is run as a new team would type it. Judgements are graded 0–3 and defined by rules
over the gold annotations (corpus/gold/*.json): a rule names interventions, municipalities,
places, focus areas and/or example titles, and every example that satisfies all parts of a rule
gets its grade (the highest rule wins). Ingested examples are matched to gold examples by the
gold anchors (verbatim phrases) they contain, so the judgements stay valid across re-ingestion.

Metrics: nDCG@5 with gain 2^g − 1 and the ideal ranking over all judged gold examples;
recall@10 = relevant (grade ≥ 2) in the top 10 / min(10, number relevant).

Two sets, scored per category: the queries below (category ``ämnesord``, written with the
search; ``vardag-egen`` and ``fraga-egen``, everyday words and questions written and graded from
the gold before they were run) and the blind queries in benchmarks/blind/relevance/queries*.yaml
(categories ``vardag``, ``fraga``, ``stavfel``, and those of later rounds with the round's number:
everyday words, questions and typos, written and graded from the gold alone before they were
ever run; see its README). The exit code follows
the ``ämnesord`` queries only.

    .venv/bin/python benchmarks/relevance.py [--verbose] [--data-dir DIR] [--json] [--aggregate]

``--aggregate`` shows the blind categories as totals only (no queries named): for working on
the search without learning the blind queries.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from search.library import Library  # noqa: E402

R = dict[str, Any]  # a judgement rule: conditions plus "grade"
BLIND_DIR = ROOT / "benchmarks" / "blind" / "relevance"  # queries*.yaml, one file per round
OWN_CATEGORY = "ämnesord"  # the exit code follows this category


def rule(grade: int, **cond: Any) -> R:
    return {"grade": grade, **cond}


# (query, rules). Keys: i = interventions (any), m = municipalities (any), p = places (any),
# f = focus areas (any), t = titles (any). All given keys must hold.
QUERIES: list[tuple[str, list[R]]] = [
    ("skolnärvaro", [rule(3, i=["närvaroarbete"])]),
    ("hur ökar vi närvaron i skolan", [rule(3, i=["närvaroarbete"])]),
    ("elever med hög frånvaro", [rule(3, i=["närvaroarbete"])]),
    ("narvaro", [rule(3, i=["närvaroarbete"])]),
    ("närvaroarbete Gnosjö", [rule(3, i=["närvaroarbete"], m=["Gnosjö"]),
                              rule(1, i=["närvaroarbete"])]),
    ("hembesök socialtjänst", [rule(3, i=["gemensamma hembesök"]),
                               rule(2, i=["utökat hembesöksprogram"])]),
    ("gemensamma hembesök", [rule(3, i=["gemensamma hembesök"]),
                             rule(2, i=["utökat hembesöksprogram"])]),
    ("hembesk", [rule(3, i=["gemensamma hembesök"]), rule(2, i=["utökat hembesöksprogram"])]),
    ("hembesok nassjo", [rule(3, i=["gemensamma hembesök", "utökat hembesöksprogram"],
                              m=["Nässjö"]),
                         rule(1, i=["gemensamma hembesök"])]),
    ("besök hos förstagångsföräldrar", [rule(3, i=["gemensamma hembesök"]),
                                        rule(1, i=["utökat hembesöksprogram"])]),
    ("få barn att röra på sig", [rule(2, f=["Fysisk aktivitet"]),
                                 rule(3, i=["prova-på-aktiviteter", "aktiv skolväg"])]),
    ("cykla till skolan", [rule(3, i=["aktiv skolväg"])]),
    ("cykelbuss", [rule(3, t=["Cykelbussen i Skillingaryd – aktiv skolväg för låg- och "
                              "mellanstadiet"]),
                   rule(1, i=["aktiv skolväg"])]),
    ("aktiv skolväg", [rule(3, i=["aktiv skolväg"])]),
    ("prova på idrott", [rule(3, i=["prova-på-aktiviteter"])]),
    ("barn som inte är med i någon förening", [rule(3, i=["prova-på-aktiviteter"])]),
    ("föräldrastöd", [rule(3, i=["föräldrastöd i grupp"]), rule(2, i=["Trygghetscirkeln"])]),
    ("stöd till föräldrar i grupp", [rule(3, i=["föräldrastöd i grupp"]),
                                     rule(2, i=["Trygghetscirkeln"])]),
    ("trygghetscirkeln", [rule(3, i=["Trygghetscirkeln"])]),
    ("familjecentral", [rule(3, i=["familjecentral"])]),
    ("öppen förskola", [rule(3, i=["öppen förskola"]), rule(1, i=["familjecentral"])]),
    ("oppen forskola", [rule(3, i=["öppen förskola"]), rule(1, i=["familjecentral"])]),
    ("knattegympa", [rule(3, i=["knattegympa"])]),
    ("kafé för nyanlända mammor", [rule(3, i=["mötesplats för nyanlända föräldrar"])]),
    ("nyanlända föräldrar", [rule(3, i=["mötesplats för nyanlända föräldrar"])]),
    ("allaktivitetshus", [rule(3, i=["allaktivitetshus"])]),
    ("förlängd skoldag med fritidsgården", [rule(3, i=["allaktivitetshus"])]),
    ("läxhjälp", [rule(3, i=["läxhjälp"])]),
    ("laxhjalp bibliotek", [rule(3, t=["Läxhjälp på biblioteket i Anderstorp",
                                       "Läxhjälp på biblioteket i Värnamo"]),
                            rule(1, i=["läxhjälp"])]),
    ("elevhälsocentral", [rule(3, i=["elevhälsocentral"])]),
    ("elevhalsocentral", [rule(3, i=["elevhälsocentral"])]),
    ("kamratstödjare", [rule(3, i=["kamratstöd"])]),
    ("rastaktiviteter", [rule(3, i=["rastaktiviteter"])]),
    ("ingen ska vara ensam på rasten", [rule(3, i=["rastaktiviteter"])]),
    ("rastvärdar", [rule(3, i=["rastaktiviteter"])]),
    ("samverkansteam", [rule(3, i=["samverkansteam"])]),
    ("förälder med egen erfarenhet av psykisk ohälsa", [
        rule(3, t=["En förälders erfarenhet i Eksjö"]), rule(1, i=["brukarmedverkan"])]),
    ("överlämning förskola skola", [rule(3, i=["överlämning förskola–skola"])]),
    ("overgang till forskoleklass", [rule(3, i=["överlämning förskola–skola"])]),
    ("pappagrupp", [rule(3, t=["Pappagruppen i Mullsjö"]), rule(3, i=["pappagrupp"])]),
    ("vad vill föräldrarna ha av familjecentralen", [
        rule(3, t=["Mullsjös nya familjecentral frågar föräldrarna",
                   "Vad vill föräldrar i Mullsjö ha av sin familjecentral?"]),
        rule(1, i=["familjecentral"])]),
    ("Rydaholm", [rule(3, p=["Rydaholm"])]),
    ("allaktivitetshus i Araby Växjö", [rule(3, i=["allaktivitetshus"], m=["Växjö"]),
                                        rule(2, i=["allaktivitetshus"])]),
    ("skolskjuts", [rule(3, t=["Skolskjuts till prova på i Skillingaryd"])]),
    ("Vetlanda", [rule(3, m=["Vetlanda"])]),
    ("nassjo", [rule(3, m=["Nässjö"])]),
    ("Trygghetscirkeln Eksjö", [rule(3, i=["Trygghetscirkeln"], m=["Eksjö"]),
                                rule(1, i=["Trygghetscirkeln"])]),
    ("elevhälsocentral tidig upptäckt", [rule(3, i=["elevhälsocentral"]),
                                         rule(1, i=["tidig upptäckt"])]),
]

# Everyday words, as a new team types them before it knows the programme's words (written from
# the programme's description and the gold annotations, graded before they were run).
EVERYDAY: list[tuple[str, list[R]]] = [
    ("skolk", [rule(3, i=["närvaroarbete"])]),
    ("hemmasittare", [rule(3, i=["närvaroarbete"]), rule(1, i=["samverkansteam"])]),
    ("sms till föräldrar när barnet är borta", [rule(3, i=["sms vid första frånvaron"]),
                                               rule(2, i=["närvaroarbete"])]),
    ("må dåligt", [rule(2, i=["tidig upptäckt", "elevhälsocentral", "kamratstöd"]),
                   rule(1, f=["Psykisk hälsa"])]),
    ("bvc och soc hembesök", [rule(3, i=["gemensamma hembesök"]),
                              rule(2, i=["utökat hembesöksprogram"])]),
    ("sjuksköterska och socialsekreterare hos nyblivna föräldrar", [
        rule(3, i=["gemensamma hembesök"]), rule(2, i=["utökat hembesöksprogram"])]),
    ("bebisgympa", [rule(3, i=["knattegympa"])]),
    ("gympa för småbarn", [rule(3, i=["knattegympa"])]),
    ("föräldrakurs", [rule(3, i=["föräldrastöd i grupp"]), rule(2, i=["Trygghetscirkeln"])]),
    ("mobbning", [rule(2, i=["kamratstöd", "rastaktiviteter"])]),
    ("ensam på rasten", [rule(3, i=["rastaktiviteter"]), rule(2, i=["kamratstöd"])]),
    ("föräldrataxi", [rule(3, i=["aktiv skolväg"])]),
    ("idrott för barn utan förening", [rule(3, i=["prova-på-aktiviteter"])]),
    ("läxläsning efter skolan", [rule(3, i=["läxhjälp"]), rule(2, i=["allaktivitetshus"])]),
    ("fritidsgård och skola under samma tak", [rule(3, i=["allaktivitetshus"])]),
    ("mammor från andra länder", [rule(3, i=["mötesplats för nyanlända föräldrar"])]),
    ("börja skolan", [rule(3, i=["överlämning förskola–skola"]),
                      rule(1, i=["elevhälsocentral"])]),
    ("föräldrarnas röst", [rule(3, i=["brukarmedverkan"])]),
    ("elevhälsa", [rule(3, i=["elevhälsocentral"])]),
    ("rörelse i förskolan", [rule(3, t=["Rörelsepass varje förmiddag"]),
                             rule(2, i=["knattegympa"])]),
    ("oro för ett barn", [rule(3, i=["tidig upptäckt"]), rule(2, i=["samverkansteam"])]),
    ("lekledare", [rule(3, i=["rastaktiviteter"])]),
    ("elever som stannar hemma", [rule(3, i=["närvaroarbete"]), rule(1, i=["samverkansteam"])]),
    ("bråk på skolgården", [rule(3, i=["rastaktiviteter"]), rule(2, i=["kamratstöd"])]),
    ("pensionärer hjälper elever med läxor", [rule(3, i=["läxhjälp"])]),
    ("språkcafé", [rule(3, i=["mötesplats för nyanlända föräldrar"])]),
    ("gå till skolan tillsammans", [rule(3, i=["aktiv skolväg"])]),
    ("anknytning", [rule(3, i=["Trygghetscirkeln"]), rule(2, i=["föräldrastöd i grupp"])]),
    ("mötesplats för småbarnsföräldrar", [rule(3, i=["öppen förskola"]),
                                          rule(2, i=["familjecentral"])]),
    ("möte med alla som jobbar kring ett barn", [rule(3, i=["samverkansteam"]),
                                                 rule(1, i=["tidig upptäckt"])]),
    ("fritidsgården i skolan", [rule(3, i=["allaktivitetshus"])]),
    ("idrottsföreningar besöker skolan", [rule(3, i=["prova-på-aktiviteter"])]),
    # a second round, written and graded from the gold before it was run
    ("ströfrånvaro", [rule(3, i=["närvaroarbete"])]),
    ("skolfrånvaro", [rule(3, i=["närvaroarbete"])]),
    ("ringa hem när eleven inte kommer", [rule(3, i=["sms vid första frånvaron"]),
                                         rule(2, i=["närvaroarbete"])]),
    ("seniorer läxor", [rule(3, i=["läxcafé med seniorer", "läxcafé med pensionerade lärare"]),
                        rule(2, i=["läxhjälp"])]),
    ("föräldrar som inte kan svenska", [
        rule(3, i=["mötesplats för nyanlända föräldrar", "digital föräldrakväll på flera språk"])]),
    ("träffar för föräldrar med bebisar", [rule(3, i=["öppen förskola"]),
                                           rule(2, i=["knattegympa"])]),
    ("sportlov", [rule(3, t=["Sportlov för alla i Gislaved"]),
                  rule(1, i=["prova-på-aktiviteter"])]),
    ("äldre elever som faddrar", [rule(3, i=["kamratstöd"])]),
    ("samarbete mellan skola och socialtjänst", [rule(3, i=["samverkansteam"]),
                                                 rule(2, i=["tidig upptäckt"])]),
    ("fritidsgård", [rule(3, i=["allaktivitetshus"])]),
    ("öppet på helgen för småbarnsfamiljer", [rule(3, i=["lördagsöppet"]),
                                              rule(2, i=["öppen förskola"])]),
    ("tonårsföräldrar", [rule(3, i=["samtalsgrupp för tonårsföräldrar"]),
                         rule(2, i=["föräldrastöd i grupp"])]),
    ("skolsköterska kurator och psykolog tillsammans", [rule(3, i=["elevhälsocentral"])]),
    ("barnhälsovården", [rule(3, i=["gemensamma hembesök", "utökat hembesöksprogram"]),
                         rule(1, i=["familjecentral"])]),
    ("simma", [rule(3, i=["simskola för familjer"]), rule(1, f=["Fysisk aktivitet"])]),
    ("lekar på rasten", [rule(3, i=["rastaktiviteter"]), rule(1, i=["kamratstöd"])]),
    ("nyinflyttade familjer", [rule(3, i=["mötesplats för nyanlända föräldrar"]),
                               rule(2, i=["fadderföräldrar"])]),
    ("cykelhjälm", [rule(3, i=["aktiv skolväg", "cykelskola"])]),
    ("föräldrar med egen erfarenhet", [rule(3, i=["brukarmedverkan"])]),
    # a third round (focus areas in everyday words), graded from the gold before it was run
    ("motion för barn", [rule(2, f=["Fysisk aktivitet"])]),
    ("barns psykiska hälsa", [rule(2, f=["Psykisk hälsa"])]),
    ("klara skolan", [rule(2, f=["Fullföljda studier"])]),
    ("barn som rör sig för lite", [rule(3, i=["aktiv skolväg", "rastaktiviteter",
                                              "prova-på-aktiviteter", "knattegympa"]),
                                   rule(2, f=["Fysisk aktivitet"])]),
]

# Whole questions, as a new team asks them (same provenance as EVERYDAY).
QUESTIONS: list[tuple[str, list[R]]] = [
    ("hur får vi fler elever att komma till skolan", [rule(3, i=["närvaroarbete"])]),
    ("vad kan skolan göra åt hög frånvaro", [rule(3, i=["närvaroarbete"])]),
    ("hur når vi föräldrar som inte pratar svenska", [
        rule(3, i=["mötesplats för nyanlända föräldrar",
                   "digital föräldrakväll på flera språk"])]),
    ("hur kan bvc och socialtjänsten samarbeta kring nyblivna föräldrar", [
        rule(3, i=["gemensamma hembesök"]), rule(2, i=["utökat hembesöksprogram"])]),
    ("hur får vi barnen att leka mer på rasten", [rule(3, i=["rastaktiviteter"])]),
    ("hur kan vi få fler barn att cykla till skolan", [rule(3, i=["aktiv skolväg"])]),
    ("vad gör man för barn som inte är med i någon idrottsförening", [
        rule(3, i=["prova-på-aktiviteter"])]),
    ("hur stödjer vi föräldrar till små barn", [
        rule(3, i=["föräldrastöd i grupp", "Trygghetscirkeln"]), rule(1, i=["familjecentral"])]),
    ("är det någon kommun som har startat en familjecentral", [rule(3, i=["familjecentral"])]),
    ("hur gör man en bra överlämning från förskolan till skolan", [
        rule(3, i=["överlämning förskola–skola"])]),
    ("vad kan vi göra så att ingen elev är ensam på rasten", [
        rule(3, i=["rastaktiviteter"]), rule(2, i=["kamratstöd"])]),
    ("hur kan äldre elever stötta yngre elever", [rule(3, i=["kamratstöd"]),
                                                   rule(2, i=["rastaktiviteter"])]),
    ("hur hjälper vi elever med läxorna", [rule(3, i=["läxhjälp"])]),
    ("hur upptäcker vi tidigt barn som behöver stöd", [
        rule(3, i=["tidig upptäckt"]), rule(2, i=["elevhälsocentral"]),
        rule(1, i=["samverkansteam"])]),
    ("vad händer när familjecentralens uppdrag tar slut vid skolstart", [
        rule(3, i=["elevhälsocentral"]), rule(1, i=["överlämning förskola–skola"])]),
    ("hur kan olika verksamheter samverka kring barn som far illa", [
        rule(3, i=["samverkansteam"]), rule(2, i=["tidig upptäckt"]),
        rule(1, i=["gemensamma hembesök"])]),
    ("hur kan skolan och fritidsgården förlänga skoldagen", [rule(3, i=["allaktivitetshus"])]),
    ("hur lockar vi pappor till föräldragrupper", [
        rule(3, t=["Pappagruppen i Mullsjö", "Pappagrupp på familjecentralen i Gnosjö"]),
        rule(1, i=["föräldrastöd i grupp"])]),
    ("hur får vi de minsta barnen att röra på sig", [
        rule(3, i=["knattegympa"]), rule(3, t=["Rörelsepass varje förmiddag"])]),
    ("hur får vi nyanlända mammor att komma till familjecentralen", [
        rule(3, i=["mötesplats för nyanlända föräldrar"]), rule(1, i=["familjecentral"])]),
    ("vad kan vi göra när en elev är borta mycket från skolan", [
        rule(3, i=["närvaroarbete"]), rule(1, i=["samverkansteam"])]),
    ("hur kan pensionärer hjälpa till med läxhjälp", [rule(3, i=["läxhjälp"])]),
    ("hur kan vi fånga upp barn som far illa tidigt", [rule(3, i=["tidig upptäckt"]),
                                                       rule(2, i=["samverkansteam"])]),
    ("hur får vi fler familjer att hitta till öppna förskolan", [
        rule(3, i=["öppen förskola"]), rule(1, i=["familjecentral"])]),
    ("vad gör man för att rasterna ska bli lugnare", [rule(3, i=["rastaktiviteter"]),
                                                      rule(2, i=["kamratstöd"])]),
    ("hur kan föräldrar vara med och påverka verksamheten", [rule(3, i=["brukarmedverkan"])]),
    ("hur får vi tonårsföräldrar att komma på föräldraträffar", [
        rule(3, i=["föräldrastöd i grupp"])]),
    # a second round, written and graded from the gold before it was run
    ("hur kan vi jobba med frånvaro", [rule(3, i=["närvaroarbete"])]),
    ("hur kan biblioteket hjälpa elever med läxorna", [
        rule(3, t=["Läxhjälp på biblioteket i Anderstorp", "Läxhjälp på biblioteket i Värnamo"]),
        rule(2, i=["läxhjälp"])]),
    ("hur kan förskolan och skolan samarbeta när barnen börjar förskoleklass", [
        rule(3, i=["överlämning förskola–skola"]), rule(1, i=["elevhälsocentral"])]),
    ("hur når vi papporna", [
        rule(3, t=["Pappagruppen i Mullsjö", "Pappagrupp på familjecentralen i Gnosjö"]),
        rule(1, i=["föräldrastöd i grupp"])]),
    ("vilka kommuner gör hembesök tillsammans med socialtjänsten", [
        rule(3, i=["gemensamma hembesök"]), rule(2, i=["utökat hembesöksprogram"])]),
    ("hur startar man en elevhälsocentral", [rule(3, i=["elevhälsocentral"])]),
    ("hur kan vi göra rasterna roligare", [rule(3, i=["rastaktiviteter"]),
                                           rule(2, i=["kamratstöd"])]),
    ("finns det något för barn som aldrig har provat en idrott", [
        rule(3, i=["prova-på-aktiviteter"])]),
    ("hur kan vi fråga föräldrarna vad de behöver", [rule(3, i=["brukarmedverkan"])]),
    ("var kan ungdomar få hjälp med skolarbetet efter skolan", [
        rule(3, i=["läxhjälp"]), rule(2, i=["allaktivitetshus"])]),
    ("hur kan familjecentralen nå mammor som är nya i sverige", [
        rule(3, i=["mötesplats för nyanlända föräldrar"]), rule(1, i=["familjecentral"])]),
    ("hur kan vi hjälpa elever som har mycket frånvaro och ångest", [
        rule(3, i=["närvaroarbete"]), rule(1, i=["tidig upptäckt"])]),
    ("vad gör kommunerna för att barn ska röra sig mer", [
        rule(3, i=["aktiv skolväg", "prova-på-aktiviteter", "rastaktiviteter", "knattegympa"]),
        rule(2, f=["Fysisk aktivitet"])]),
    ("hur kan skolan upptäcka tidigt att ett barn mår dåligt", [
        rule(3, i=["tidig upptäckt"]), rule(2, i=["elevhälsocentral"]),
        rule(1, i=["kamratstöd"])]),
    ("hur ordnar man läxhjälp med pensionärer", [
        rule(3, i=["läxcafé med seniorer", "läxcafé med pensionerade lärare"]),
        rule(2, i=["läxhjälp"])]),
    ("hur kan elevhälsan jobba mer förebyggande", [rule(3, i=["elevhälsocentral"]),
                                                   rule(2, i=["tidig upptäckt"])]),
    ("hur kan socialtjänsten och skolan hjälpa en familj tillsammans", [
        rule(3, i=["samverkansteam"]), rule(2, i=["tidig upptäckt"]),
        rule(1, i=["gemensamma hembesök"])]),
]


OWN_SETS = {OWN_CATEGORY: QUERIES, "vardag-egen": EVERYDAY, "fraga-egen": QUESTIONS}


def load_queries() -> list[tuple[str, list[R], str]]:
    """(query, rules, category): the queries above, then the blind ones."""
    own = [(text, rules, category) for category, queries in OWN_SETS.items()
           for text, rules in queries]
    blind = [q for path in sorted(BLIND_DIR.glob("queries*.yaml"))
             for q in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    return own + [(q["query"], q["rules"], q["category"]) for q in blind]


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for ex in data["examples"]:
            out.append({**ex, "file": data["file"]})
    return out


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def grade(rules: list[R], gold: dict[str, Any]) -> int:
    best = 0
    for r in rules:
        ok = True
        for key, field in (("i", "interventions"), ("m", "municipalities"), ("p", "places"),
                           ("f", "focus_areas")):
            if key in r and not set(r[key]) & set(gold.get(field) or []):
                ok = False
        if "t" in r and gold["title"] not in r["t"]:
            ok = False
        if ok:
            best = max(best, r["grade"])
    return best


def match_gold(library: Library, gold: list[dict[str, Any]]) -> dict[str, str]:
    """Ingested example id → gold title, by the anchors each example contains."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    mapping: dict[str, str] = {}
    for doc in library.documents():
        candidates = by_file.get(doc.filename, [])
        for ex in doc.examples:
            text = _norm(ex.title + " " + ex.text)
            scored = [(sum(_norm(a) in text for a in g["anchors"]), g) for g in candidates]
            scored = [s for s in scored if s[0] > 0]
            if scored:
                mapping[ex.id] = max(scored, key=lambda s: s[0])[1]["title"]
            else:
                same = [g for g in candidates if _norm(g["title"]) == _norm(ex.title)]
                if same:
                    mapping[ex.id] = same[0]["title"]
    return mapping


def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def evaluate(library: Library, gold: list[dict[str, Any]],
             queries: list[tuple[str, list[R], str]], verbose: bool = False,
             aggregate: bool = False) -> dict:
    mapping = match_gold(library, gold)
    by_title = {g["title"]: g for g in gold}
    rows = []
    latencies = []
    library.search("skola")  # load the lemma tables before timing
    for text, rules, category in queries:
        t0 = time.perf_counter()
        result = library.search(text, per_page=10)
        latencies.append((time.perf_counter() - t0) * 1000)
        ranked: list[int] = []
        seen: set[str] = set()
        shown = []
        for hit in result.hits:
            title = mapping.get(hit["id"])
            if title is None or title in seen:
                ranked.append(0)
                shown.append(f"? {hit['title'][:50]}")
                continue
            seen.add(title)
            ranked.append(grade(rules, by_title[title]))
            shown.append(f"{ranked[-1]} {title[:60]}")
        ideal = sorted((grade(rules, g) for g in gold), reverse=True)
        idcg = dcg(ideal[:5])
        ndcg = dcg(ranked[:5]) / idcg if idcg else 1.0
        relevant = {g["title"] for g in gold if grade(rules, g) >= 2}
        found = relevant & set(mapping.get(h["id"], "") for h in result.hits[:10])
        recall = len(found) / min(10, len(relevant)) if relevant else 1.0
        rows.append({"query": text, "category": category, "ndcg5": ndcg, "recall10": recall,
                     "total": result.total, "suggestion": result.suggestion})
        if verbose and not (aggregate and category not in OWN_SETS):
            print(f"\n{text!r}  nDCG@5={ndcg:.3f} recall@10={recall:.2f} total={result.total}"
                  f" suggestion={result.suggestion!r}")
            for line in shown[:10]:
                print("   ", line)
            missing = relevant - found
            if missing:
                print("    missing:", sorted(missing))
    latencies.sort()
    categories = {name: summarise([r for r in rows if r["category"] == name])
                  for name in dict.fromkeys(r["category"] for r in rows)}
    if aggregate:
        for name, cat in categories.items():
            if name not in OWN_SETS:
                cat["worst"] = []
    return {
        "categories": categories,
        "matched_examples": len(mapping),
        "gold_examples": len(gold),
        "p50_ms": latencies[len(latencies) // 2],
        "max_ms": latencies[-1],
    }


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "queries": len(rows),
        "ndcg@5": sum(r["ndcg5"] for r in rows) / len(rows),
        "recall@10": sum(r["recall10"] for r in rows) / len(rows),
        "worst": sorted(rows, key=lambda r: r["ndcg5"])[:5],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--data-dir", type=Path, help="reuse an already ingested store")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--aggregate", action="store_true",
                        help="blind categories as totals only")
    args = parser.parse_args(argv)
    gold = load_gold(args.corpus / "gold")
    with tempfile.TemporaryDirectory(prefix="relevance-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        t0 = time.perf_counter()
        with Library(data_dir) as library:
            if args.data_dir is None or library.example_count() == 0:
                report = library.ingest_paths([args.corpus / "pdf"])
                if report.errors:
                    print("ingest errors:", report.errors, file=sys.stderr)
            ingest_s = time.perf_counter() - t0
            result = evaluate(library, gold, load_queries(), verbose=args.verbose,
                              aggregate=args.aggregate)
    result["ingest_s"] = round(ingest_s, 1)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_report(result)
    own = result["categories"][OWN_CATEGORY]
    ok = own["ndcg@5"] >= 0.85 and own["recall@10"] >= 0.95
    return 0 if ok else 1


def print_report(result: dict[str, Any]) -> None:
    print(f"examples matched to gold: {result['matched_examples']}/{result['gold_examples']}  "
          f"ingest: {result['ingest_s']} s")
    print(f"{'category':<11} {'queries':>7} {'nDCG@5':>7} {'recall@10':>9}  weakest")
    for name, cat in result["categories"].items():
        weakest = ", ".join(f"{r['query']!r} {r['ndcg5']:.2f}" for r in cat["worst"][:3])
        print(f"{name:<11} {cat['queries']:>7} {cat['ndcg@5']:>7.3f} {cat['recall@10']:>9.3f}"
              f"  {weakest}")
    print(f"query latency p50 {result['p50_ms']:.1f} ms, max {result['max_ms']:.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
