"""Texts and hand-written annotations for the blind set 4 (blind4-*), built by build_set4.py.

Everything is invented (teams, people, e-mail addresses, phone numbers, figures); the
municipalities are the real ones of Jönköpings län, schools and places are made up.

HTML documents are written as HTML; each team example sits in an element with
data-ex="<key>". The slide deck is a list of slides ("ex" names the example a slide belongs
to, None for context slides). The Word document is a list of examples (each drawn in its own
framed cell) and a sidebar of programme news.
"""

# ------------------------------------------------------------------------------------------
# 1. Newsletter in three narrow columns with picture placeholders and captions (HTML -> Chromium)

COLS_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4 portrait; margin: 12mm 12mm 14mm 12mm; }
body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; color: #222; font-size: 9.5pt;
       line-height: 1.35; }
.mast { background: #7a2e4a; color: #fff; padding: 5mm 6mm; margin-bottom: 5mm; }
.mast h1 { margin: 0; font-size: 26pt; letter-spacing: 0.5px; }
.mast p { margin: 1mm 0 0; font-size: 10.5pt; }
.cols { column-count: 3; column-gap: 6mm; column-rule: 0.5pt solid #bbb; }
h2 { font-size: 11pt; color: #7a2e4a; margin: 0 0 1.5mm; }
h3 { font-size: 12pt; color: #7a2e4a; margin: 3mm 0 1.5mm; line-height: 1.2; }
p { margin: 0 0 2mm; }
.pic { background: #c8c8c8; height: 30mm; margin: 2mm 0 1mm; break-inside: avoid; }
.cap { font-size: 8pt; font-style: italic; color: #555; margin-bottom: 3mm; }
.box { background: #f3e6ec; padding: 2.5mm 3mm; break-inside: avoid; margin-top: 3mm; }
.kontakt { font-size: 8.5pt; color: #444; }
</style></head><body>
<div class="mast"><h1>Växtkraft</h1>
<p>Nyhetsbrev från lärande nätverket · Mars 2025</p></div>
<div class="cols">
<h2>Välkommen till vårens första träff</h2>
<p>Drygt sextio deltagare från tolv kommuner samlades i Vaggeryd för en dag om små tester
och stora förändringar. Förmiddagen ägnades åt hur man mäter utan att det blir en börda.</p>
<div class="pic"></div>
<div class="cap">Bild: Deltagarna på nätverksträffen i Vaggeryd</div>

<div data-ex="gabuss">
<h3>Gåbussen till Ekhagsskolan</h3>
<p>Varje morgon klockan 7.40 går en gåbuss från torget i Skillingaryd till Ekhagsskolan.
Två föräldrar turas om att gå först, och barnen hoppar på vid fasta hållplatser längs vägen.</p>
<p>Idén fick skolan när rektor Maria Holm hörde om kampanjen Sätt Aneby i rörelse, där
föräldrar uppmanas låta barnen cykla eller gå till skolan.</p>
<div class="pic"></div>
<div class="cap">Bild: Gåbussen vid hållplatsen vid kyrkan</div>
<p>Under februari gick i snitt 23 barn med varje dag, mot 9 i starten. Antalet bilar vid
skolans grind har minskat med en tredjedel.</p>
<p>Svårast har varit att hitta vuxna till de mörka morgnarna. Nu hjälper två pensionärer
från hembygdsföreningen till på tisdagar och torsdagar.</p>
<p class="kontakt">Kontakt: Maria Holm, rektor, maria.holm@ekhagsskolan.se</p>
</div>

<div data-ex="cirkel">
<h3>Trygghetscirkeln på familjecentralen i Smålandsstenar</h3>
<p>Familjecentralen i Smålandsstenar har i höst startat sin första grupp i Trygghetscirkeln
för föräldrar med barn mellan ett och fyra år. Gruppen träffas åtta gånger på kvällstid.</p>
<p>Barnsjuksköterskan Lena Åkesson och kuratorn Omar Saleh leder träffarna tillsammans, så att
barnhälsovården och socialtjänsten möter familjerna i samma rum.</p>
<div class="pic"></div>
<div class="cap">Bild: Gruppledarna förbereder kvällens träff</div>
<p>Tio familjer anmälde sig och nio fullföljde. I utvärderingen svarade åtta av nio att de
förstår sitt barns signaler bättre än innan.</p>
<p>Nästa grupp startar efter sommaren, och då vill de erbjuda barnvakt på plats så att
fler ensamstående föräldrar kan delta.</p>
</div>

<div data-ex="narvaro">
<h3>Närvarolyftet på Fröslidaskolan</h3>
<p>På Fröslidaskolan i Hillerstorp hade var femte elev i årskurs 7–9 mer än tio procent
frånvaro förra läsåret. Skolan har därför byggt ett närvaroteam med kurator, skolsköterska och
en lärare från varje arbetslag.</p>
<p>Teamet träffas varje måndag och går igenom veckans frånvaro. Eleven får själv svara på
frågan vad som skulle göra det lättare att komma till skolan.</p>
<div class="pic"></div>
<div class="cap">Bild: Närvaroteamet på Fröslidaskolan</div>
<p>Arbetssättet är hämtat från en skola i Jönköping som visade sitt närvaroarbete på en tidigare
träff. Efter en termin har andelen elever med hög frånvaro sjunkit från 20 till 14 procent.</p>
<p class="kontakt">Kontakt: Sara Lind, kurator, sara.lind@froslidaskolan.se</p>
</div>

<div class="box"><h2>Kommande träffar</h2>
<p>Den 14 maj ses vi i Eksjö. Anmälan till er coach senast två veckor innan.</p>
<p class="kontakt">Coacher: Karin Ahlström, Qulturum · Henrik Borg, Kommunal utveckling</p></div>
</div>
</body></html>"""

COLS = {
    "stem": "blind4-nyhetsbrev-2025-03-trespalt",
    "kind": "newsletter", "title": "Växtkraft", "date": "2025-03",
    "page_size": "A4", "orientation": "portrait",
    "html": COLS_HTML,
    "examples": {
        "gabuss": {
            "title": "Gåbussen till Ekhagsskolan",
            "team": "Ekhagsskolan",
            "municipalities": ["Vaggeryd"],
            "places": ["Skillingaryd", "Ekhagsskolan"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["aktiv skolväg", "gåbuss"],
            "actors": ["skola", "vårdnadshavare", "förening", "barn och unga"],
            "persons": [{"name": "Maria Holm", "role": "rektor"}],
            "inspired_by": ["Aneby"],
            "stage": "pågående",
            "anchors": ["gåbuss från torget i Skillingaryd till", "Idén fick skolan när rektor Maria Holm", "Under februari gick i snitt 23 barn med", "vid skolans grind har minskat med en", "mörka morgnarna. Nu hjälper två"],
            "pages": [1],
        },
        "cirkel": {
            "title": "Trygghetscirkeln på familjecentralen i Smålandsstenar",
            "team": "Familjecentralen i Smålandsstenar",
            "municipalities": ["Gislaved"],
            "places": ["Smålandsstenar", "Familjecentralen i Smålandsstenar"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["Trygghetscirkeln", "föräldrastöd i grupp"],
            "actors": ["familjecentral", "barnhälsovård", "socialtjänst", "vårdnadshavare"],
            "persons": [{"name": "Lena Åkesson", "role": "barnsjuksköterska"},
                        {"name": "Omar Saleh", "role": "kurator"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["i höst startat sin första grupp i", "kuratorn Omar Saleh leder träffarna", "fullföljde. I utvärderingen svarade åtta", "och då vill de erbjuda barnvakt på plats"],
            "pages": [1],
        },
        "narvaro": {
            "title": "Närvarolyftet på Fröslidaskolan",
            "team": "Fröslidaskolan",
            "municipalities": ["Gnosjö"],
            "places": ["Hillerstorp", "Fröslidaskolan"],
            "focus_areas": ["Fullföljda studier"],
            "interventions": ["närvaroarbete", "närvaroteam"],
            "actors": ["skola", "elevhälsa", "barn och unga"],
            "persons": [{"name": "Sara Lind", "role": "kurator"}],
            "inspired_by": ["Jönköping"],
            "stage": "pågående",
            "anchors": ["var femte elev i årskurs 7–9 mer än tio", "igenom veckans frånvaro. Eleven får", "Arbetssättet är hämtat från en skola i", "en termin har andelen elever med hög"],
            "pages": [1],
        },
    },
    "context_phrases": ["Nyhetsbrev från lärande nätverket",
                        "Bild: Deltagarna på nätverksträffen i Vaggeryd",
                        "Den 14 maj ses vi i Eksjö",
                        "Karin Ahlström, Qulturum"],
}

# ------------------------------------------------------------------------------------------
# 2. Newsletter made as PowerPoint slides, A4 landscape (python-pptx -> LibreOffice)

SLIDES = {
    "stem": "blind4-nyhetsbrev-ht-2023-bildspel",
    "kind": "newsletter", "title": "Exempel från teamen", "date": "2023",
    "page_size": "A4", "orientation": "landscape",
    "cover": ("Exempel från teamen", "Lärande nätverket Bästa platsen · Nätverksträff 2, ht 2023"),
    "slides": [
        {"ex": None, "title": "Dagens träff i korthet",
         "bullets": ["Vi var 48 deltagare från elva kommuner på Stora Hotellet i Nässjö",
                     "Tema för dagen: att gå från enstaka goda exempel till koncept",
                     "Tre team visade hur långt de kommit sedan i våras",
                     "Eftermiddagen ägnades åt grupparbete om mätningar"]},
        {"ex": "hembesok", "title": "Gemensamma hembesök i Vetlanda",
         "bullets": ["Familjecentralen Navet i Vetlanda erbjuder sedan januari alla förstagångsföräldrar "
                     "ett hembesök där barnsjuksköterskan och socialtjänstens familjebehandlare kommer tillsammans",
                     "Modellen är hämtad från Nässjö, där teamet gjorde ett studiebesök i fjol",
                     "Hittills har 37 familjer fått besök, och 31 av dem var gemensamma besök",
                     "Sex familjer har efter besöket själva bokat tid hos familjebehandlaren",
                     "Utmaning: att hitta tider som passar båda yrkesgrupperna",
                     "Nästa steg: att erbjuda ett andra gemensamt besök när barnet är fyra månader"],
         "note": "Kontakt: Emma Bergqvist, barnsjuksköterska, emma.bergqvist@rjl.se, 010-241 33 17"},
        {"ex": "kamrat", "title": "Kamratstödjare på Grennaskolan",
         "bullets": ["Grennaskolan i Gränna har utbildat fjorton elever i årskurs 8 till kamratstödjare",
                     "Kamratstödjarna har fast tid i elevcaféet varje lunch och fångar upp elever som går ensamma",
                     "Kuratorn Johan Sundberg handleder gruppen varannan vecka",
                     "I trivselenkäten svarar nu 82 procent att de har någon att vara med på rasterna, mot 71 procent förra året",
                     "Lärdom: eleverna vill själva välja vilka som blir kamratstödjare",
                     "Nästa steg: kamratstödjare även i årskurs 7 från och med vårterminen"],
         "note": "Kontakt: Johan Sundberg, kurator, johan.sundberg@grennaskolan.se"},
        {"ex": "knatte", "title": "Knattegympa i Reftele",
         "bullets": ["Den öppna förskolan i Reftele och gymnastikföreningen startade knattegympa i september",
                     "Varje lördag förmiddag fylls sporthallen av barn mellan två och fem år och deras föräldrar",
                     "Ledarna kommer från föreningen, och personalen från öppna förskolan finns med för att möta nya familjer",
                     "De första fem gångerna kom mellan 14 och 22 barn",
                     "Många föräldrar hittade hit via familjecentralens anslagstavla",
                     "Nästa steg: att nå familjer som inte redan besöker öppna förskolan"],
         "note": "Kontakt: Anna Petersson, förskollärare, anna.petersson@gislaved.se"},
        {"ex": None, "title": "Kommande träffar och coacher",
         "bullets": ["Nätverksträff 3: den 7 december i Värnamo",
                     "Nätverksträff 4: i mars, plats meddelas senare",
                     "Coacher: Lotta Fransson, Qulturum, och Mikael Strand, Folkhälsa och sjukvård",
                     "Frågor om nätverket skickas till natverket@bastaplatsen.se"]},
    ],
    "examples": {
        "hembesok": {
            "title": "Gemensamma hembesök i Vetlanda",
            "team": "Familjecentralen Navet i Vetlanda",
            "municipalities": ["Vetlanda"],
            "places": ["Familjecentralen Navet"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["gemensamma hembesök"],
            "actors": ["familjecentral", "barnhälsovård", "socialtjänst", "vårdnadshavare"],
            "persons": [{"name": "Emma Bergqvist", "role": "barnsjuksköterska"}],
            "inspired_by": ["Nässjö"],
            "stage": "pågående",
            "anchors": ["erbjuder sedan januari alla förstagångsföräldrar",
                        "Hittills har 37 familjer fått besök",
                        "att hitta tider som passar båda yrkesgrupperna",
                        "ett andra gemensamt besök när barnet är fyra månader"],
            "pages": [3],
        },
        "kamrat": {
            "title": "Kamratstödjare på Grennaskolan",
            "team": "Grennaskolan",
            "municipalities": ["Jönköping"],
            "places": ["Gränna", "Grennaskolan"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["kamratstöd"],
            "actors": ["skola", "elevhälsa", "barn och unga"],
            "persons": [{"name": "Johan Sundberg", "role": "kurator"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["har utbildat fjorton elever i årskurs 8",
                        "fast tid i elevcaféet varje lunch",
                        "handleder gruppen varannan vecka",
                        "kamratstödjare även i årskurs 7"],
            "pages": [4],
        },
        "knatte": {
            "title": "Knattegympa i Reftele",
            "team": "Den öppna förskolan i Reftele och gymnastikföreningen",
            "municipalities": ["Gislaved"],
            "places": ["Reftele"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["knattegympa", "öppen förskola"],
            "actors": ["öppen förskola", "förening", "vårdnadshavare", "barn och unga"],
            "persons": [{"name": "Anna Petersson", "role": "förskollärare"}],
            "inspired_by": [],
            "stage": "startad",
            "anchors": ["startade knattegympa i september",
                        "Varje lördag förmiddag fylls sporthallen",
                        "De första fem gångerna kom",
                        "att nå familjer som inte redan besöker"],
            "pages": [5],
        },
    },
    "context_phrases": ["Vi var 48 deltagare från elva kommuner",
                        "Tema för dagen: att gå från enstaka goda exempel",
                        "Nätverksträff 3: den 7 december i Värnamo",
                        "Lotta Fransson, Qulturum"],
}

# ------------------------------------------------------------------------------------------
# 3. Joint poster of two teams with a big quote and a QR-code box (HTML -> Chromium, A3)

POSTER_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A3 portrait; margin: 0; }
body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; color: #1d2b36; }
.page { width: 297mm; height: 420mm; box-sizing: border-box; padding: 16mm; position: relative; }
.banner { background: #1f6f78; color: #fff; padding: 9mm 11mm; border-radius: 4mm; }
.banner h1 { margin: 0; font-size: 44pt; }
.banner p { margin: 3mm 0 0; font-size: 16pt; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; margin-top: 9mm; }
.box { border: 2px solid #1f6f78; border-radius: 3mm; padding: 5mm 6mm; font-size: 13pt; line-height: 1.4; }
.box h2 { margin: 0 0 3mm; font-size: 18pt; color: #1f6f78; }
.quote { grid-column: 1 / span 2; font-family: 'Liberation Serif', serif; font-size: 30pt;
         font-style: italic; color: #1f6f78; text-align: center; padding: 6mm 20mm; }
.quote span { display: block; font-size: 13pt; font-style: normal; color: #444; margin-top: 2mm;
              font-family: 'Liberation Sans', Arial, sans-serif; }
.qr { display: flex; gap: 6mm; align-items: center; }
.qrcode { width: 34mm; height: 34mm; flex: none; }
.foot { position: absolute; bottom: 12mm; left: 16mm; right: 16mm; font-size: 11pt; color: #555;
        border-top: 1px solid #999; padding-top: 3mm; }
</style></head><body><div class="page">
<div data-ex="lov">
<div class="banner"><h1>Lovkompis – ett sommarlov för alla</h1>
<p>Fritidsgården Tornet i Habo och Fritidsgården Kvarnen i Mullsjö · Sommaren 2024</p></div>
<div class="grid">
<div class="box"><h2>Bakgrund</h2>Nästan hälften av eleverna i årskurs 6–8 i våra två kommuner
gjorde ingenting organiserat under sommarlovet. Många sa att de inte visste vad som fanns, eller
att de inte hade någon att gå med.</div>
<div class="box"><h2>Syfte</h2>Att fler unga ska röra på sig och träffa kompisar under lovet,
och att utbudet i Habo och Mullsjö ska räknas som ett gemensamt program.</div>
<div class="box"><h2>Vad gjorde vi?</h2>De två fritidsgårdarna gjorde ett gemensamt lovprogram med
sju veckor av aktiviteter: paddling, utomhusbio, cykelturer och fotbollsturneringar. En buss gick
mellan orterna två gånger om dagen, och varje deltagare fick en lovkompis att gå med första gången.</div>
<div class="box"><h2>Resultat</h2>Under sommaren deltog 214 unga minst en gång, och 96 av dem kom
tillbaka fler än tre gånger. Var tredje deltagare kom från den andra kommunen än där aktiviteten var.</div>
<div class="quote">”Jag visste inte att man fick vara med fast man inte kände någon.”
<span>Deltagare, 13 år</span></div>
<div class="box"><h2>Lärdomar</h2>Lovkompisen var viktigare än vi trodde. Bussen kostade mer än
planerat, men utan den hade hälften av deltagarna från Mullsjö inte kommit.</div>
<div class="box"><h2>Nästa steg och kontakt</h2>Sommaren 2025 vill vi ta med föreningarna i båda
kommunerna. Kontakt: Linnea Brandt, fritidsledare, Habo, linnea.brandt@habo.se och
Ali Rahimi, fritidsgårdsföreståndare, Mullsjö, ali.rahimi@mullsjo.se</div>
<div class="box qr" style="grid-column: 1 / span 2;">
<svg class="qrcode" viewBox="0 0 21 21" xmlns="http://www.w3.org/2000/svg">QRCELLS</svg>
<div style="font-size: 13pt;">Skanna koden för att se hela lovprogrammet och bilder från sommaren.</div></div>
</div></div>
<div class="foot">Bästa platsen att växa upp, leva och bo på – barn och unga · Region Jönköpings
län och länets 13 kommuner</div>
</div></body></html>"""


def _qr_cells():
    """A QR-code-like pattern (finder squares and a fixed pseudo-random module pattern)."""
    import random
    rnd = random.Random(4)
    out = []
    for y in range(21):
        for x in range(21):
            finder = None
            for fx, fy in ((0, 0), (14, 0), (0, 14)):
                if fx <= x < fx + 7 and fy <= y < fy + 7:
                    dx, dy = x - fx, y - fy
                    finder = (dx in (0, 6) or dy in (0, 6)) or (2 <= dx <= 4 and 2 <= dy <= 4)
            on = finder if finder is not None else rnd.random() < 0.5
            if on:
                out.append(f'<rect x="{x}" y="{y}" width="1" height="1" fill="#000"/>')
    return "".join(out)


POSTER = {
    "stem": "blind4-affisch-lovkompis-habo-mullsjo",
    "kind": "poster", "title": "Lovkompis – ett sommarlov för alla", "date": "2024",
    "page_size": "A3", "orientation": "portrait",
    "html": POSTER_HTML.replace("QRCELLS", _qr_cells()),
    "examples": {
        "lov": {
            "title": "Lovkompis – ett sommarlov för alla",
            "team": "Fritidsgården Tornet i Habo och Fritidsgården Kvarnen i Mullsjö",
            "municipalities": ["Habo", "Mullsjö"],
            "places": ["Fritidsgården Tornet", "Fritidsgården Kvarnen"],
            "focus_areas": ["Fysisk aktivitet", "Psykisk hälsa"],
            "interventions": ["gemensamt lovprogram", "lovkompis"],
            "actors": ["fritid", "barn och unga", "förening"],
            "persons": [{"name": "Linnea Brandt", "role": "fritidsledare"},
                        {"name": "Ali Rahimi", "role": "fritidsgårdsföreståndare"}],
            "inspired_by": [],
            "stage": "avslutad",
            "anchors": ["Nästan hälften av eleverna i årskurs 6–8", "gjorde ett gemensamt lovprogram", "Under sommaren deltog 214 unga minst en gång", "Lovkompisen var viktigare än vi trodde", "Sommaren 2025 vill vi ta med föreningarna"],
            "pages": [1],
        },
    },
    "context_phrases": ["Bästa platsen att växa upp, leva och bo på",
                        "Region Jönköpings län och länets 13 kommuner"],
}

# ------------------------------------------------------------------------------------------
# 4. E-mail newsletter printed from a web mail client (HTML -> Chromium)

MAIL_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4 portrait; margin: 15mm 16mm; }
body { margin: 0; font-family: 'Segoe UI', 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt;
       color: #242424; line-height: 1.4; }
.subject { font-size: 16pt; font-weight: 600; margin: 0 0 4mm; }
.hdr { border-bottom: 1px solid #ccc; padding-bottom: 3mm; margin-bottom: 5mm; font-size: 9.5pt; }
.hdr div { margin: 0.6mm 0; }
.hdr b { display: inline-block; width: 17mm; }
ul { padding-left: 6mm; }
li { margin-bottom: 3mm; }
.sig { color: #555; font-size: 9.5pt; border-top: 1px solid #ddd; padding-top: 3mm; margin-top: 6mm; }
</style></head><body>
<div class="subject">Nyhetsbrev från nätverket, november 2025</div>
<div class="hdr">
<div><b>Från:</b> Ingrid Ekstrand &lt;ingrid.ekstrand@rjl.se&gt;</div>
<div><b>Skickat:</b> den 20 november 2025 09:14</div>
<div><b>Till:</b> Lärande nätverket Bästa platsen</div>
<div><b>Ämne:</b> Nyhetsbrev från nätverket, november 2025</div>
</div>
<p>Hej alla!</p>
<p>Tack för en givande träff i förra veckan. Här kommer en kort sammanfattning av vad teamen
berättade, så att ni som inte kunde vara med också får ta del av det.</p>
<p>Föreläsningen om sömn och skärmvanor finns inspelad och kan lånas via mig.</p>
<ul>
<li data-ex="laxhjalp"><b>Läxhjälp på biblioteket i Gislaved.</b> Biblioteket och Röda Korset har
sedan augusti öppen läxhjälp tre eftermiddagar i veckan för elever i årskurs 4–9. Volontärerna är
mest studenter och pensionerade lärare. Under hösten har i genomsnitt 27 elever kommit varje vecka,
och lärarna på Övrabyskolan märker att fler lämnar in sina uppgifter i tid. Bibliotekarien Fatima
Noori berättade att de nu vill nå fler föräldrar, och att de ska prova en kväll med läxhjälp för
hela familjen i januari.</li>
<li data-ex="elevhalsa"><b>Elevhälsocentralen i Tranås fyller ett år.</b> Piloten, där elevhälsan
tar vid när familjecentralens uppdrag slutar vid skolstarten, har nu följt 112 barn i förskoleklass.
Skolsköterskan Karl Widén beskrev hur de tidigt fångar upp barn med oro eller svårigheter att
komma till skolan, och hur familjebehandlaren finns på plats två dagar i veckan. Hittills har 19
familjer fått stöd av familjebehandlaren, och nästan alla sökte sig dit själva. Arbetet fortsätter
under hela nästa läsår.</li>
<li data-ex="cykel"><b>Cykelvecka i Bodafors planeras.</b> Bodaforsskolan planerar en cykelvecka
i april för årskurs 4–6 tillsammans med cykelklubben och föräldraföreningen. Tanken kommer från
Vaggeryd, där en cykelvecka blev en fast tradition. Rektor Helena Ståhl vill mäta hur många som
cyklar till skolan före och efter veckan, och hoppas att fler föräldrar låter barnen cykla själva.
Cykelklubben lånar ut hjälmar och cyklar till de elever som saknar egen, och polisen kommer en dag
och går igenom trafikreglerna.</li>
</ul>
<p>Nästa träff är den 5 februari 2026 i Tranås. Inbjudan kommer i januari.</p>
<div class="sig">Vänliga hälsningar<br>Ingrid Ekstrand<br>Processledare, Region Jönköpings län<br>
Tel. 010-242 18 55</div>
</body></html>"""

MAIL = {
    "stem": "blind4-nyhetsbrev-2025-11-20-webbmejl",
    "kind": "newsletter", "title": "Nyhetsbrev från nätverket, november 2025", "date": "2025-11-20",
    "page_size": "A4", "orientation": "portrait",
    "html": MAIL_HTML,
    "examples": {
        "laxhjalp": {
            "title": "Läxhjälp på biblioteket i Gislaved",
            "team": "Biblioteket och Röda Korset",
            "municipalities": ["Gislaved"],
            "places": ["Övrabyskolan"],
            "focus_areas": ["Fullföljda studier"],
            "interventions": ["läxhjälp"],
            "actors": ["bibliotek", "civilsamhälle", "skola", "barn och unga"],
            "persons": [{"name": "Fatima Noori", "role": "bibliotekarie"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["sedan augusti öppen läxhjälp tre eftermiddagar",
                        "i genomsnitt 27 elever kommit varje vecka",
                        "en kväll med läxhjälp för hela familjen"],
            "pages": [1],
        },
        "elevhalsa": {
            "title": "Elevhälsocentralen i Tranås fyller ett år",
            "team": "Elevhälsocentralen i Tranås",
            "municipalities": ["Tranås"],
            "places": [],
            "focus_areas": ["Fullföljda studier", "Psykisk hälsa"],
            "interventions": ["elevhälsocentral", "tidig upptäckt"],
            "actors": ["elevhälsa", "familjecentral", "socialtjänst", "skola"],
            "persons": [{"name": "Karl Widén", "role": "skolsköterska"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["har nu följt 112 barn i förskoleklass",
                        "tidigt fångar upp barn med oro",
                        "Arbetet fortsätter under hela nästa läsår"],
            "pages": [1],
        },
        "cykel": {
            "title": "Cykelvecka i Bodafors planeras",
            "team": "Bodaforsskolan",
            "municipalities": ["Nässjö"],
            "places": ["Bodafors", "Bodaforsskolan"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["aktiv skolväg", "cykelvecka"],
            "actors": ["skola", "förening", "vårdnadshavare", "polis", "barn och unga"],
            "persons": [{"name": "Helena Ståhl", "role": "rektor"}],
            "inspired_by": ["Vaggeryd"],
            "stage": "planerad",
            "anchors": ["planerar en cykelvecka i april",
                        "Tanken kommer från Vaggeryd",
                        "hoppas att fler föräldrar låter barnen cykla"],
            "pages": [1],
        },
    },
    "context_phrases": ["Tack för en givande träff i förra veckan",
                        "Föreläsningen om sömn och skärmvanor finns inspelad",
                        "Nästa träff är den 5 februari 2026 i Tranås",
                        "Processledare, Region Jönköpings län"],
}

# ------------------------------------------------------------------------------------------
# 5. Word newsletter: examples in framed cells beside a sidebar of programme news (DOCX)

FRAMES = {
    "stem": "blind4-nyhetsbrev-vt-2025-ramar",
    "kind": "newsletter", "title": "Nytt från Bästa platsen", "date": "2025",
    "page_size": "A4", "orientation": "portrait", "producer": "docx",
    "masthead": ("Nytt från Bästa platsen", "Våren 2025"),
    "footer_text": "Bästa platsen att växa upp, leva och bo på – barn och unga",
    "intro": "I det här numret berättar tre team om sitt arbete. I spalten till höger hittar ni "
             "nyheter från programmet och datum för vårens träffar.",
    "sidebar": [
        ("h", "PROGRAMMET JUST NU"),
        ("p", "Styrgruppen har beslutat att lärande nätverket fortsätter till och med 2027."),
        ("p", "Två nya team har anslutit: elevhälsan i Aneby och fritidsgården i Gnosjö."),
        ("h", "VÅRENS DATUM"),
        ("p", "Nätverksträff den 12 mars i Jönköping."),
        ("p", "Coachträff för teamledare den 23 april."),
        ("h", "COACHER"),
        ("p", "Sofia Lindahl, Kommunal utveckling, sofia.lindahl@rjl.se"),
        ("p", "Per Åberg, Qulturum, per.aberg@rjl.se"),
    ],
    "boxes": [
        ("bor", "Föräldragrupper på familjecentralen i Bor", [
            "Familjecentralen i Bor har under hösten haft två föräldragrupper enligt ABC, "
            "Alla Barn i Centrum, för föräldrar med barn mellan tre och tolv år. Grupperna leds av "
            "familjebehandlaren Nora Karlsson och en förskollärare från den öppna förskolan.",
            "Sammanlagt deltog sexton föräldrar, och fjorton kom till minst tre av fyra träffar. "
            "Flera berättade att de fått verktyg för att undvika bråk vid läggdags.",
            "Till våren vill teamet erbjuda en grupp på arabiska tillsammans med en tolk, "
            "eftersom många nyanlända familjer i Bor har frågat efter det.",
        ]),
        ("savsjo", "Elevhälsocentral startar i Sävsjö", [
            "Sävsjö kommun har i januari startat en elevhälsocentral för barn i förskoleklass "
            "till årskurs 3. Idén kommer från Tranås, där en liknande pilot pågått i ett år.",
            "Elevhälsocentralen samlar skolsköterska, kurator och psykolog i samma lokal på "
            "Vallsjöskolan, och familjer kan komma dit utan remiss. Samordnaren Elin Sandberg "
            "berättar att de första veckorna kom elva familjer på eget initiativ.",
            "Teamet ska mäta hur snabbt ett barn får stöd efter att oro har väckts, och jämföra "
            "med hur det var innan centralen fanns.",
        ]),
        ("ingatorp", "Rörelseraster på Ingatorps skola", [
            "På Ingatorps skola vill lärarna att eleverna ska röra på sig mer under skoldagen. "
            "Skolan planerar därför rörelseraster med lekledare från årskurs 6 från och med "
            "höstterminen.",
            "Idrottsläraren Viktor Nyström ska utbilda lekledarna tillsammans med den lokala "
            "idrottsföreningen. Eleverna har själva fått önska lekar i en enkät.",
            "Som mått vill skolan följa hur många elever som är aktiva på rasterna, med "
            "observationer en vecka före och en vecka efter starten.",
        ]),
    ],
    "examples": {
        "bor": {
            "title": "Föräldragrupper på familjecentralen i Bor",
            "team": "Familjecentralen i Bor",
            "municipalities": ["Värnamo"],
            "places": ["Bor", "Familjecentralen i Bor"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["föräldrastöd i grupp", "ABC"],
            "actors": ["familjecentral", "socialtjänst", "öppen förskola", "vårdnadshavare"],
            "persons": [{"name": "Nora Karlsson", "role": "familjebehandlare"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["har under hösten haft två föräldragrupper enligt ABC",
                        "Sammanlagt deltog sexton föräldrar",
                        "erbjuda en grupp på arabiska tillsammans med en tolk"],
            "pages": [1],
        },
        "savsjo": {
            "title": "Elevhälsocentral startar i Sävsjö",
            "team": "Elevhälsocentralen i Sävsjö",
            "municipalities": ["Sävsjö"],
            "places": ["Vallsjöskolan"],
            "focus_areas": ["Psykisk hälsa", "Fullföljda studier"],
            "interventions": ["elevhälsocentral", "tidig upptäckt"],
            "actors": ["elevhälsa", "skola", "vårdnadshavare"],
            "persons": [{"name": "Elin Sandberg", "role": "samordnare"}],
            "inspired_by": ["Tranås"],
            "stage": "startad",
            "anchors": ["har i januari startat en elevhälsocentral",
                        "samlar skolsköterska, kurator och psykolog i samma lokal",
                        "hur snabbt ett barn får stöd"],
            "pages": [1],
        },
        "ingatorp": {
            "title": "Rörelseraster på Ingatorps skola",
            "team": "Ingatorps skola",
            "municipalities": ["Eksjö"],
            "places": ["Ingatorp", "Ingatorps skola"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["rastaktiviteter", "lekledare"],
            "actors": ["skola", "förening", "barn och unga"],
            "persons": [{"name": "Viktor Nyström", "role": "idrottslärare"}],
            "inspired_by": [],
            "stage": "planerad",
            "anchors": ["Skolan planerar därför rörelseraster med lekledare",
                        "ska utbilda lekledarna tillsammans med den lokala",
                        "observationer en vecka före och en vecka efter"],
            "pages": [1],
        },
    },
    "context_phrases": ["I spalten till höger hittar ni nyheter från programmet",
                        "Styrgruppen har beslutat att",
                        "Nätverksträff den 12 mars i Jönköping",
                        "Per Åberg, Qulturum"],
}

DOCS = [COLS, SLIDES, POSTER, MAIL, FRAMES]
