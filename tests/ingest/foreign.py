"""Reports in English, French and Swedish, made in the test with WeasyPrint from texts written
for it rather than committed: documents in another language than Swedish."""

from __future__ import annotations

from pathlib import Path

ENGLISH = {
    "Reading club at the Riverside school": (
        "The school library started a reading club for pupils in year four who seldom read in "
        "their spare time. Every Tuesday the librarian reads the first chapter aloud and the "
        "pupils choose how to go on. After one term the pupils borrow twice as many books and "
        "the teachers report that the reading benchmark results have improved."),
    "Open gym on Friday evenings": (
        "The sports hall is open for young people every Friday evening, with adults from the "
        "local clubs on hand. Attendance is recorded at the entrance and the appendix lists "
        "the activities that were most popular during the autumn."),
}
SWEDISH = {
    "Digital föräldrakväll på flera språk": (
        "Familjecentralen i Tranås bjuder in till en digital föräldrakväll en gång i månaden. "
        "Kvällen tolkas till arabiska, somaliska och tigrinja så att fler kan delta hemifrån. "
        "Vi sänder via Teams och tolkarna sitter i var sin kanal."),
}
FRENCH = {
    "Un club de lecture à l'école": (
        "La bibliothèque de l'école a lancé un club de lecture pour les élèves qui lisent peu "
        "pendant leur temps libre. Chaque mardi, la bibliothécaire lit le premier chapitre à "
        "voix haute et les élèves choisissent la suite. Après un trimestre, les élèves "
        "empruntent deux fois plus de livres et les résultats de lecture sont bonifiés."),
}


def report(path: Path, title: str, sections: dict[str, str], lang: str) -> Path:
    """A report with a title and a headed section per text (each text twice: long enough to
    be read as examples)."""
    from weasyprint import HTML

    body = "".join(f"<h2>{head}</h2><p>{text} {text}</p>" for head, text in sections.items())
    HTML(string=f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>
    @page {{ size: A4; margin: 18mm 15mm }}
    body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 10pt }}
    h1 {{ font-size: 22pt }} h2 {{ font-size: 14pt }}</style></head>
    <body><h1>{title}</h1>{body}</body></html>""").write_pdf(str(path))
    return path
