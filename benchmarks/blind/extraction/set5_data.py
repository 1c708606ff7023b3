"""Texts and hand-written annotations for the blind set 5 (blind5-*), built by build_set5.py.

Everything is invented (teams, people, e-mail addresses, phone numbers, figures); the
municipalities are the real ones of Jönköpings län, and schools, family centres, youth centres,
health centres, villages and districts are made up. An invented place is always told together
with its municipality somewhere in the example, since a reader could not know it otherwise.

HTML documents are written as HTML; every element that belongs to a team example carries
data-ex="<key>" (the Google-Docs-like document has no wrapper elements, as a Docs export has
none, so each heading, paragraph and list of an example carries the key). The Word documents
are lists of blocks; ("ex", key) ... ("endex",) mark an example. The PowerPoint poster is a
list of coloured boxes and a chart table. The gold annotations are in "examples" (key ->
annotation) and "context_phrases".
"""

# ------------------------------------------------------------------------------------------
# 1. Newsletter written in Google Docs with a two-level numbered outline (HTML -> Chromium)
#
# As Docs exports it: class-styled spans, the headings inside numbered list items
# (<ol class="lst-kix_..."><li><h2 style="display:inline">), the numbers "1." / "2.1." made by
# CSS counters (so they are in the PDF but not part of the heading text), a linked table of
# contents, a Docs table for the coaches. Section 2.4 is under "Exempel från teamen" but is the
# group discussion, not an example.

GDOCS_HTML = """<!doctype html><html lang="sv"><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">
@page { size: A4 portrait; margin: 72pt 72pt 60pt 72pt; }
body { counter-reset: lst-ctn-kix_h-0 lst-ctn-kix_h-1; }
ol { margin: 0; padding: 0; }
ol.lst-kix_h-0, ol.lst-kix_h-1 { list-style-type: none; }
.lst-kix_h-0 > li { counter-increment: lst-ctn-kix_h-0; counter-set: lst-ctn-kix_h-1 0; }
.lst-kix_h-1 > li { counter-increment: lst-ctn-kix_h-1; }
.lst-kix_h-0 > li:before { content: "" counter(lst-ctn-kix_h-0, decimal) ". "; }
.lst-kix_h-1 > li:before { content: "" counter(lst-ctn-kix_h-0, decimal) "." counter(lst-ctn-kix_h-1, decimal) ". "; }
li.li-bullet-0:before { white-space: nowrap; display: inline-block; min-width: 30pt; }
li.li-bullet-1:before { white-space: nowrap; display: inline-block; min-width: 46pt; }
ul.lst-kix_b-0 { list-style-type: none; }
.lst-kix_b-0 > li:before { content: "\\25cf   "; }
.c0 { margin-left: 0; padding-left: 0; }
.c1 { margin-left: 0; padding-left: 0; }
.c2 { padding-top: 20pt; padding-bottom: 6pt; line-height: 1.15; page-break-after: avoid; font-size: 20pt; font-family: "Arial"; }
.c3 { padding-top: 18pt; padding-bottom: 6pt; line-height: 1.15; page-break-after: avoid; font-size: 16pt; font-family: "Arial"; }
.c4 { color: #000000; font-weight: 400; font-size: 20pt; font-family: "Arial"; }
.c5 { color: #000000; font-weight: 400; font-size: 16pt; font-family: "Arial"; }
.c6 { padding-top: 0; padding-bottom: 0; line-height: 1.15; }
.c7 { color: #000000; font-weight: 400; font-size: 11pt; font-family: "Arial"; }
.c8 { font-weight: 700; }
.c9 { color: #1155cc; text-decoration: underline; }
.c10 { margin-left: 18pt; }
.c11 { border-collapse: collapse; margin-right: auto; }
.c12 { border: 1pt solid #000000; padding: 5pt 5pt; vertical-align: top; }
.c13 { padding-top: 0; padding-bottom: 8pt; line-height: 1.15; }
.c14 { font-style: italic; }
.c15 { color: #666666; font-size: 15pt; font-family: "Arial"; }
.c16 { font-size: 26pt; font-family: "Arial"; }
.c17 { margin-left: 36pt; padding-left: 0; }
.c18 { background-color: #f3f3f3; }
body { font-family: "Arial", "Liberation Sans", sans-serif; font-size: 11pt; color: #000; margin: 0; }
p { margin: 0; }
h1, h2 { margin: 0; display: inline; font-weight: 400; }
.title { padding-top: 0; padding-bottom: 3pt; line-height: 1.15; }
.subtitle { padding-top: 0; padding-bottom: 16pt; line-height: 1.15; }
</style></head><body class="doc-content">
<p class="title"><span class="c16">Nätverksbrevet</span></p>
<p class="subtitle"><span class="c15">Från nätverksträffen i Eksjö den 26 september 2024</span></p>
<p class="c13"><span class="c7 c14">Till alla team i lärande nätverket Bästa platsen. Sammanställt av Maria Lund, processledare.</span></p>
<p class="c13"><span class="c7 c8">Innehåll</span></p>
<p class="c6"><span class="c7"><a class="c9" href="#h.om">Om träffen</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.prog">Dagens program</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.fore">Föreläsning: Varför kommer inte alla elever till skolan?</a></span></p>
<p class="c6"><span class="c7"><a class="c9" href="#h.ex">Exempel från teamen</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.ankaret">Läxhjälp på Fritidsgården Ankaret</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.linden">Gemensamma hembesök på Linden</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.vreta">Välkommen tillbaka-samtal på Vretagymnasiet</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.samtal">Samtalen efter presentationerna</a></span></p>
<p class="c6"><span class="c7"><a class="c9" href="#h.infor">Inför nästa träff</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.datum">Datum</a></span></p>
<p class="c6 c10"><span class="c7"><a class="c9" href="#h.coach">Coacher och kontakt</a></span></p>

<ol class="c0 lst-kix_h-0 start" start="1"><li class="c2 li-bullet-0"><h1 id="h.om"><span class="c4">Om träffen</span></h1></li></ol>
<p class="c13"><span class="c7">Tack till alla som kom till Eksjö! Vi var 54 deltagare från tolv av länets kommuner, och för första gången fanns alla tre fokusområden med bland dagens presentationer. Här nedan har vi samlat det viktigaste från dagen. Presentationerna finns i den delade mappen under Nätverket/2024.</span></p>
<ol class="c1 lst-kix_h-1 start" start="1"><li class="c3 li-bullet-1"><h2 id="h.prog"><span class="c5">Dagens program</span></h2></li></ol>
<ul class="c17 lst-kix_b-0 start">
<li class="c6"><span class="c7">09.30 Kaffe och mingel</span></li>
<li class="c6"><span class="c7">10.00 Välkommen och läget i programmet</span></li>
<li class="c6"><span class="c7">10.30 Föreläsning om skolfrånvaro</span></li>
<li class="c6"><span class="c7">11.45 Lunch</span></li>
<li class="c6"><span class="c7">12.45 Tre team berättar</span></li>
<li class="c6"><span class="c7">14.15 Samtal i smågrupper</span></li>
<li class="c13"><span class="c7">15.00 Avslutning</span></li>
</ul>
<ol class="c1 lst-kix_h-1" start="2"><li class="c3 li-bullet-1"><h2 id="h.fore"><span class="c5">Föreläsning: Varför kommer inte alla elever till skolan?</span></h2></li></ol>
<p class="c13"><span class="c7">Psykologen Annika Berglöv från barn- och ungdomspsykiatrin talade om problematisk skolfrånvaro. Hon visade att frånvaron ofta börjar smygande redan på mellanstadiet, och att de tidiga signalerna är lättast att göra något åt. Hennes viktigaste råd var att fråga eleven och inte bara föräldern, och att inte vänta tills frånvaron har blivit hög. Hon hänvisade till en kartläggning från 2019, där nästan var tionde elev i länet hade mer än 15 procent frånvaro.</span></p>

<ol class="c0 lst-kix_h-0" start="2"><li class="c2 li-bullet-0"><h1 id="h.ex"><span class="c4">Exempel från teamen</span></h1></li></ol>
<p class="c13"><span class="c7">Efter lunch berättade tre team om sitt arbete. Här är en kort sammanfattning av varje presentation.</span></p>

<ol class="c1 lst-kix_h-1 start" start="1" data-ex="ankaret"><li class="c3 li-bullet-1"><h2 id="h.ankaret"><span class="c5">Läxhjälp på Fritidsgården Ankaret</span></h2></li></ol>
<p class="c13" data-ex="ankaret"><span class="c7">Fritidsledaren Dragan Petrović och specialläraren Karin Hultgren från Lunnaskolan berättade om läxhjälpen som sedan i våras finns på Fritidsgården Ankaret i Gislaved. Två eftermiddagar i veckan, tisdag och torsdag, kommer en lärare från skolan till fritidsgården och hjälper elever i årskurs 6–9 med läxor och inför prov. Fritidsledarna är med hela tiden och bjuder på mellanmål.</span></p>
<p class="c13" data-ex="ankaret"><span class="c7">– Många av våra ungdomar skulle aldrig gå på skolans läxhjälp, men hit kommer de ändå, sa Dragan.</span></p>
<p class="c13" data-ex="ankaret"><span class="c7">Under vårterminen kom i snitt 14 elever per tillfälle, och i höst har det ökat till 19. Teamet följer också hur många av deltagarna som får godkänt i matematik. Det är för tidigt att säga något säkert, men lärarna ser att fler lämnar in sina uppgifter i tid.</span></p>
<p class="c6" data-ex="ankaret"><span class="c7 c8">Nästa steg:</span></p>
<ul class="c17 lst-kix_b-0" data-ex="ankaret">
<li class="c6"><span class="c7">Prova läxhjälp på arabiska och somaliska med hjälp av skolans studiehandledare.</span></li>
<li class="c13"><span class="c7">Bjuda in föräldrarna till en öppen kväll på fritidsgården i november.</span></li>
</ul>

<ol class="c1 lst-kix_h-1" start="2" data-ex="linden"><li class="c3 li-bullet-1"><h2 id="h.linden"><span class="c5">Gemensamma hembesök på Linden</span></h2></li></ol>
<p class="c13" data-ex="linden"><span class="c7">Barnsjuksköterskan Therese Alm och familjebehandlaren Jonas Wikström berättade om de gemensamma hembesök som Familjecentralen Linden i Eksjö startade i augusti. Alla familjer som får sitt första barn erbjuds nu ett besök hemma, där barnhälsovården och socialtjänsten kommer tillsammans när barnet är ungefär åtta veckor gammalt.</span></p>
<p class="c13" data-ex="linden"><span class="c7">Idén fick de vid ett studiebesök hos familjecentralen Solrosen i Jönköping i våras. Där har man arbetat på det här sättet i flera år och ser att familjerna lättare tar kontakt med socialtjänsten när de redan har träffat någon därifrån.</span></p>
<p class="c13" data-ex="linden"><span class="c7">Hittills har elva familjer erbjudits besök och nio har tackat ja. Teamet räknar hur många besök som blir gemensamma och hur många familjer som sedan själva hör av sig till familjebehandlaren. Det svåraste har varit att få ihop två kalendrar.</span></p>
<p class="c13" data-ex="linden"><span class="c7">– Vi trodde att familjerna skulle tycka att det var konstigt att socialtjänsten kom med, men ingen har ens frågat, sa Therese.</span></p>

<ol class="c1 lst-kix_h-1" start="3" data-ex="vreta"><li class="c3 li-bullet-1"><h2 id="h.vreta"><span class="c5">Välkommen tillbaka-samtal på Vretagymnasiet</span></h2></li></ol>
<p class="c13" data-ex="vreta"><span class="c7">Kuratorn Elin Sjöholm och biträdande rektorn Mats Fors berättade hur Vretagymnasiet i Värnamo tar emot elever som har varit borta länge. Förra läsåret hade 38 elever på skolan mer än fyra veckors sammanhängande frånvaro, och många av dem hoppade av under våren.</span></p>
<p class="c13" data-ex="vreta"><span class="c7">Nu får varje elev som kommer tillbaka efter minst två veckors frånvaro ett välkommen tillbaka-samtal med sin mentor och kuratorn redan första dagen. Tillsammans gör de en plan för vilka uppgifter som ska prioriteras och vilka som kan strykas. Eleven får också en kontaktperson som hör av sig varje fredag de första fyra veckorna.</span></p>
<p class="c13" data-ex="vreta"><span class="c7">Upplägget har skolan hämtat från en gymnasieskola i Borås, som Elin läste om i en rapport och sedan ringde upp.</span></p>
<p class="c13" data-ex="vreta"><span class="c7">Sedan starten i januari har 23 elever fått samtalet, och 19 av dem gick kvar i skolan när terminen slutade. Mentorerna tycker att samtalen tar tid, men säger också att de slipper många svårare samtal längre fram.</span></p>

<ol class="c1 lst-kix_h-1" start="4"><li class="c3 li-bullet-1"><h2 id="h.samtal"><span class="c5">Samtalen efter presentationerna</span></h2></li></ol>
<p class="c13"><span class="c7">I smågrupperna diskuterade vi vad som krävs för att ett arbetssätt ska leva kvar när projektpengarna tar slut. Flera grupper lyfte att det måste finnas en rutin som inte hänger på en enda person. Tranås berättade att deras elevhälsocentral ingår i den ordinarie budgeten från 2025, och Habo funderar på att prova Eksjös modell för hembesök.</span></p>

<ol class="c0 lst-kix_h-0" start="3"><li class="c2 li-bullet-0"><h1 id="h.infor"><span class="c4">Inför nästa träff</span></h1></li></ol>
<ol class="c1 lst-kix_h-1 start" start="1"><li class="c3 li-bullet-1"><h2 id="h.datum"><span class="c5">Datum</span></h2></li></ol>
<ul class="c17 lst-kix_b-0 start">
<li class="c6"><span class="c7">Nätverksträff 5: torsdag 28 november 2024 i Gnosjö</span></li>
<li class="c6"><span class="c7">Digital coachträff: 14 januari 2025 kl. 13–15</span></li>
<li class="c13"><span class="c7">Vårkonferens: 3 april 2025 i Jönköping</span></li>
</ul>
<ol class="c1 lst-kix_h-1" start="2"><li class="c3 li-bullet-1"><h2 id="h.coach"><span class="c5">Coacher och kontakt</span></h2></li></ol>
<table class="c11"><tbody>
<tr class="c18"><td class="c12"><p class="c6"><span class="c7 c8">Namn</span></p></td><td class="c12"><p class="c6"><span class="c7 c8">Uppdrag</span></p></td><td class="c12"><p class="c6"><span class="c7 c8">E-post</span></p></td><td class="c12"><p class="c6"><span class="c7 c8">Telefon</span></p></td></tr>
<tr><td class="c12"><p class="c6"><span class="c7">Sanna Öberg</span></p></td><td class="c12"><p class="c6"><span class="c7">Coach, Qulturum</span></p></td><td class="c12"><p class="c6"><span class="c7">sanna.oberg@rjl.se</span></p></td><td class="c12"><p class="c6"><span class="c7">010-243 55 10</span></p></td></tr>
<tr><td class="c12"><p class="c6"><span class="c7">Peter Lindh</span></p></td><td class="c12"><p class="c6"><span class="c7">Coach, Kommunal utveckling</span></p></td><td class="c12"><p class="c6"><span class="c7">peter.lindh@rjl.se</span></p></td><td class="c12"><p class="c6"><span class="c7">010-243 61 02</span></p></td></tr>
<tr><td class="c12"><p class="c6"><span class="c7">Maria Lund</span></p></td><td class="c12"><p class="c6"><span class="c7">Processledare</span></p></td><td class="c12"><p class="c6"><span class="c7">maria.lund@rjl.se</span></p></td><td class="c12"><p class="c6"><span class="c7">010-242 90 44</span></p></td></tr>
</tbody></table>
</body></html>"""

GDOCS = {
    "stem": "blind5-nyhetsbrev-2024-09-26-gdocs-disposition",
    "kind": "newsletter", "title": "Nätverksbrevet", "date": "2024-09-26",
    "page_size": "A4", "orientation": "portrait",
    "html": GDOCS_HTML,
    "examples": {
        "ankaret": {
            "title": "Läxhjälp på Fritidsgården Ankaret",
            "team": "Fritidsgården Ankaret och Lunnaskolan",
            "municipalities": ["Gislaved"],
            "places": ["Fritidsgården Ankaret", "Lunnaskolan"],
            "focus_areas": ["Fullföljda studier"],
            "interventions": ["läxhjälp", "läxhjälp på fritidsgården"],
            "actors": ["fritid", "skola", "barn och unga"],
            "persons": [{"name": "Dragan Petrović", "role": "fritidsledare"},
                        {"name": "Karin Hultgren", "role": "speciallärare"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["Två eftermiddagar i veckan, tisdag och torsdag",
                        "Många av våra ungdomar skulle aldrig gå",
                        "Under vårterminen kom i snitt 14 elever",
                        "arabiska och somaliska med hjälp av skolans studiehandledare",
                        "en öppen kväll på fritidsgården i november"],
            "pages": [2],
        },
        "linden": {
            "title": "Gemensamma hembesök på Linden",
            "team": "Familjecentralen Linden i Eksjö",
            "municipalities": ["Eksjö"],
            "places": ["Familjecentralen Linden"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["gemensamma hembesök"],
            "actors": ["familjecentral", "barnhälsovård", "socialtjänst", "vårdnadshavare"],
            "persons": [{"name": "Therese Alm", "role": "barnsjuksköterska"},
                        {"name": "Jonas Wikström", "role": "familjebehandlare"}],
            "inspired_by": ["Jönköping"],
            "stage": "startad",
            "anchors": ["Alla familjer som får sitt första barn",
                        "Idén fick de vid ett studiebesök",
                        "Hittills har elva familjer erbjudits besök",
                        "men ingen har ens frågat"],
            "pages": [2],
        },
        "vreta": {
            "title": "Välkommen tillbaka-samtal på Vretagymnasiet",
            "team": "Vretagymnasiet",
            "municipalities": ["Värnamo"],
            "places": ["Vretagymnasiet"],
            "focus_areas": ["Fullföljda studier"],
            "interventions": ["närvaroarbete", "välkommen tillbaka-samtal"],
            "actors": ["skola", "elevhälsa", "barn och unga"],
            "persons": [{"name": "Elin Sjöholm", "role": "kurator"},
                        {"name": "Mats Fors", "role": "biträdande rektor"}],
            "inspired_by": ["Borås"],
            "stage": "pågående",
            "anchors": ["hade 38 elever på skolan mer än fyra veckors",
                        "Tillsammans gör de en plan för vilka uppgifter",
                        "hämtat från en gymnasieskola i Borås",
                        "slipper många svårare samtal längre fram"],
            "pages": [2, 3],
        },
    },
    "context_phrases": ["Vi var 54 deltagare från tolv av länets kommuner",
                        "Psykologen Annika Berglöv från barn- och ungdomspsykiatrin",
                        "vad som krävs för att ett arbetssätt ska leva kvar",
                        "Habo funderar på att prova Eksjös modell för hembesök",
                        "Nätverksträff 5: torsdag 28 november 2024 i Gnosjö",
                        "sanna.oberg@rjl.se"],
}

# ------------------------------------------------------------------------------------------
# 2. PowerPoint poster, A3 portrait: six coloured boxes in a 2 x 3 grid, and a bar chart
#    drawn as a table (shaded cells as bars) inside the measurement box (python-pptx)

GRID = {
    "stem": "blind5-affisch-rutnat-frukost-vetlanda",
    "kind": "poster", "title": "Frukostklubben – en bra start på skoldagen", "date": "2025",
    "page_size": "A3", "orientation": "portrait",
    "programme": "Lärande nätverket Bästa platsen – barn och unga",
    "banner": ("Frukostklubben – en bra start på skoldagen",
               "Elevhälsan och fritidshemmet på Stensåsskolan, Vetlanda kommun · Vt 2025"),
    "boxes": [
        ("Bakgrund", "DCE9F5", [
            "Lärarna i årskurs 4–6 märkte att många elever kom för sent och var hungriga och "
            "trötta redan på förmiddagen.",
            "I vår elevenkät hösten 2024 svarade 31 procent att de sällan äter frukost hemma. "
            "Flest sena ankomster hade vi på måndagar."]),
        ("Syfte och mål", "DDEFD9", [
            "Att fler elever ska komma i tid och orka hela förmiddagen.",
            "Mål: minst 85 procent av eleverna i årskurs 4–6 ska komma i tid till första "
            "lektionen före sommarlovet."]),
        ("Så gjorde vi", "FBE5D0", [
            "Från januari serveras frukost i matsalen kl. 7.45–8.10 alla skoldagar. "
            "Fritidspersonalen och kuratorn tar emot eleverna, och köket bjuder på gröt, "
            "smörgås och frukt.",
            "Alla är välkomna och ingen anmälan behövs. Vi skickade ett brev hem till "
            "vårdnadshavarna på fem språk."]),
        ("Mätningar", "E6DDF0", [
            "Mentorerna för in sena ankomster varje dag. Vi räknar ut andelen elever som kom "
            "i tid till första lektionen varje månad."]),
        ("Lärdomar", "FFF2C2", [
            "Det viktigaste var inte maten, utan att en vuxen sa god morgon och frågade hur det "
            "var. Flera elever som förut kom sent kommer nu först av alla.",
            "Det tog tid att hitta personal till de tidiga passen."]),
        ("Nästa steg", "E7E7E7", [
            "Vi fortsätter nästa läsår och vill låta elever i årskurs 6 hjälpa till med "
            "serveringen.",
            "Kontakt: Hanna Sjöstrand, kurator, hanna.sjostrand@stensasskolan.se, "
            "0383-970 12 · Roger Lundin, fritidspedagog"]),
    ],
    # the chart: label, value in percent; drawn as a row of 10 cells, one per 10 percent
    "chart_title": "Andel elever i tid till första lektionen, åk 4–6",
    "chart": [("ht 2024", 72), ("jan", 76), ("feb", 81), ("mar", 84), ("apr", 87)],
    "chart_note": "I snitt åt 46 elever frukost hos oss varje morgon.",
    "footer": "Region Jönköpings län och Vetlanda kommun",
    "examples": {
        "frukost": {
            "title": "Frukostklubben – en bra start på skoldagen",
            "team": "Elevhälsan och fritidshemmet på Stensåsskolan",
            "municipalities": ["Vetlanda"],
            "places": ["Stensåsskolan"],
            "focus_areas": ["Fullföljda studier"],
            "interventions": ["frukostklubb", "närvaroarbete"],
            "actors": ["skola", "elevhälsa", "barn och unga"],
            "persons": [{"name": "Hanna Sjöstrand", "role": "kurator"},
                        {"name": "Roger Lundin", "role": "fritidspedagog"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["procent att de sällan äter frukost hemma",
                        "Från januari serveras frukost i matsalen",
                        "I snitt åt 46 elever frukost",
                        "Det viktigaste var inte maten, utan att en",
                        "Vi fortsätter nästa läsår och vill låta"],
            "pages": [1],
        },
    },
    "context_phrases": ["Lärande nätverket Bästa platsen – barn och unga",
                        "Region Jönköpings län och Vetlanda kommun"],
}

# ------------------------------------------------------------------------------------------
# 3. Word newsletter whose examples are interviews of three kinds (python-docx)
#    - a transcript with speaker labels ("Nyhetsbrevet:", "Lena:", "Josef:"),
#    - a reportage with dash quotes and a pull quote that repeats a sentence of the text,
#    - "three voices": bold name-and-role lines, each followed by a quote;
#    and before them a Q&A with the programme's new process leader that is not an example.

VOICES = {
    "stem": "blind5-nyhetsbrev-2023-12-intervjuer-roster",
    "producer": "docx", "kind": "newsletter",
    "title": "Röster från nätverket", "date": "2023-12",
    "page_size": "A4", "orientation": "portrait",
    "footer_text": "Röster från nätverket · december 2023",
    "page_numbers": True,
    "blocks": [
        ("masthead", "Röster från nätverket",
         "Nyhetsbrev för lärande nätverket Bästa platsen · December 2023"),
        ("p", "Det här numret är lite annorlunda. I stället för att skriva om teamen har vi låtit "
              "dem berätta själva. Tack till alla som ställde upp och svarade på våra frågor mitt "
              "i den mörkaste tiden på året!"),
        ("h1", "Fyra frågor till Jenny Alm, ny processledare"),
        ("p", "Jenny Alm började som processledare för lärande nätverket i oktober. Hon kommer "
              "närmast från elevhälsan i Habo."),
        ("q", "Vad gör en processledare?"),
        ("a", "Jag håller ihop nätverksträffarna, stöttar coacherna och ser till att goda exempel "
              "sprids mellan kommunerna."),
        ("q", "Vad har du sett hittills?"),
        ("a", "Att det händer otroligt mycket ute i kommunerna, men att många team inte vet om "
              "varandra."),
        ("q", "Vad vill du förändra?"),
        ("a", "Jag vill att vi blir bättre på att gå från enstaka goda exempel till koncept som "
              "fler kan ta efter."),
        ("q", "Hur når man dig?"),
        ("a", "Enklast på jenny.alm@rjl.se eller 010-242 77 31."),

        ("ex", "buss"),
        ("h1", "Förskolebussen rullar i Sävsjö"),
        ("p", "Sedan mars kör familjecentralen i Sävsjö ut Förskolebussen till fyra byar i "
              "kommunen: Lövsjö, Ramshult, Hägnaby och Västra Torp. Vi pratade med förskolläraren "
              "Lena Kvist och familjebehandlaren Josef Haddad, som turas om att åka med."),
        ("qa", "Nyhetsbrevet:", "Vad är Förskolebussen?"),
        ("qa", "Lena:", "Det är en ombyggd buss med lekhörna, böcker och ett litet pysselbord. Vi "
                        "stannar två timmar i taget vid skolan eller bygdegården, en by per "
                        "veckodag. Det är helt enkelt en öppen förskola på hjul."),
        ("qa", "Nyhetsbrevet:", "Varför behövs den?"),
        ("qa", "Josef:", "Många småbarnsföräldrar på landsbygden har långt till familjecentralen "
                         "inne i Sävsjö och har inte alltid tillgång till bil. De som var hemma "
                         "med små barn kände sig ofta ensamma. Nu kommer vi till dem i stället."),
        ("qa", "Nyhetsbrevet:", "Var fick ni idén?"),
        ("qa", "Lena:", "Vi åkte till Ljungby förra hösten och tittade på deras lekbuss. Sedan "
                        "lånade vi deras checklista för hur man planerar turerna."),
        ("qa", "Nyhetsbrevet:", "Hur vet ni att det gör skillnad?"),
        ("qa", "Josef:", "Vi räknar besökare vid varje stopp. I våras kom i snitt sex familjer per "
                         "stopp, nu i höst är det nio. Sju familjer har bokat tid hos mig efter "
                         "att vi pratat i bussen, och det hade de nog inte gjort annars."),
        ("qa", "Nyhetsbrevet:", "Vad händer nu?"),
        ("qa", "Lena:", "Från januari följer barnsjuksköterskan från BVC med en gång i månaden. "
                        "Och så måste vi hitta ett sätt att hålla värmen i bussen på vintern!"),
        ("endex",),

        ("ex", "tjej"),
        ("kicker", "REPORTAGE"),
        ("h1", "Tjejkvällarna på Lyktan gav mer än vi trodde"),
        ("p", "Under hösten har Fritidsgården Lyktan i Nässjö haft tjejkväll varje onsdag. "
              "Kvällarna är bara för tjejer i årskurs 7–9, och det är tjejerna själva som "
              "bestämmer vad som ska hända."),
        ("p", "– Vi såg att nästan bara killar kom hit. När vi frågade tjejerna i skolan sa många "
              "att de inte kände sig hemma på fritidsgården, säger fritidsledaren Amanda Ekholm."),
        ("p", "Amanda och hennes kollega, fritidsledaren Sofie Rask, började därför med ett "
              "tjejråd som fick planera terminen. Det blev allt från matlagning och dans till "
              "samtal om kropp och relationer. Två gånger kom en barnmorska från "
              "ungdomsmottagningen och svarade på anonyma frågor som tjejerna skrivit på lappar."),
        ("pull", "”Här får vi bestämma själva, och ingen skrattar åt en.”"),
        ("p", "– Här får vi bestämma själva, och ingen skrattar åt en, säger Nora, 14 år, som kom "
              "till fritidsgården första gången i september."),
        ("p", "Sammanlagt har 41 olika tjejer varit med under terminens tolv kvällar, och i snitt "
              "kom 17 per kväll. I en enkät efter sista kvällen svarade nästan alla att de vill "
              "fortsätta. Flera säger också att de nu vågar gå till fritidsgården andra kvällar."),
        ("p", "Nu är höstens kvällar slut, och satsningen ska utvärderas av kommunens "
              "fritidsnämnd i januari. Amanda hoppas att tjejkvällarna blir en fast del av "
              "verksamheten."),
        ("p", "– Vi har lärt oss att det inte räcker att säga att alla är välkomna. Man måste "
              "fråga vilka som inte kommer, och varför."),
        ("endex",),

        ("ex", "para"),
        ("h1", "Tre röster om parasport för barn"),
        ("p", "I november startade barn- och ungdomshabiliteringen och föreningen IK Vätterlyft "
              "prova på-träffar i parasport varannan lördag i Skogslyckehallen i Jönköping. "
              "Träffarna är till för barn och unga med funktionsnedsättning. Vi bad tre personer "
              "berätta hur de tre första träffarna har gått."),
        ("voice", "Sara Lindgren, fysioterapeut på barn- och ungdomshabiliteringen",
         "– Många av barnen vi träffar rör sig för lite, och föräldrarna vet inte vilka "
         "föreningar som kan ta emot dem. Här får de prova boccia, innebandy i rullstol och "
         "klättring med ledare som vet hur man anpassar. Vi bjöd in 60 familjer, och 23 barn har "
         "varit med minst en gång."),
        ("voice", "Ola Brink, ordförande i IK Vätterlyft",
         "– För oss i föreningen är det ett sätt att hitta nya medlemmar. Fyra barn tränar redan "
         "hos oss på vardagarna. Vi behövde hjälp med tillgängligheten i hallen, och där har "
         "habiliteringen varit ett stort stöd. Vi har också fått frågor från Habo och Mullsjö om "
         "hur man gör."),
        ("voice", "Maryam Said, förälder",
         "– Min son har aldrig velat vara med på idrotten i skolan. Här var det ingen som tittade "
         "konstigt på honom. Nu frågar han varje fredag om det är parasport i morgon."),
        ("p", "Träffarna fortsätter under våren. Nästa steg är att bjuda in idrottslärarna från "
              "skolorna i kommunen till en lördag, så att de kan ta med sig övningar till "
              "skolidrotten."),
        ("endex",),

        ("h1", "God jul och tack för i år!"),
        ("p", "Tack för allt arbete ni har lagt ner under 2023. Ett extra tack till alla som "
              "ställde upp i det här numret. Vi ses igen i februari!"),
        ("h1", "Datum våren 2024"),
        ("bullets", ["Nätverksträff den 8 februari i Vaggeryd",
                     "Nätverksträff den 25 april i Tranås",
                     "Coachträff för teamledare den 14 mars, digitalt"]),
        ("h1", "Coacher"),
        ("p", "Erik Sandell, Qulturum, erik.sandell@rjl.se, 010-241 20 87"),
        ("p", "Malin Hjort, Kommunal utveckling, malin.hjort@rjl.se, 010-241 35 60"),
    ],
    "examples": {
        "buss": {
            "title": "Förskolebussen rullar i Sävsjö",
            "team": "Familjecentralen i Sävsjö",
            "municipalities": ["Sävsjö"],
            "places": ["Lövsjö", "Ramshult", "Hägnaby", "Västra Torp"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["öppen förskola", "mobil öppen förskola"],
            "actors": ["familjecentral", "öppen förskola", "socialtjänst", "vårdnadshavare"],
            "persons": [{"name": "Lena Kvist", "role": "förskollärare"},
                        {"name": "Josef Haddad", "role": "familjebehandlare"}],
            "inspired_by": ["Ljungby"],
            "stage": "pågående",
            "anchors": ["kör familjecentralen i Sävsjö ut Förskolebussen",
                        "en öppen förskola på hjul",
                        "Vi åkte till Ljungby förra hösten",
                        "Sju familjer har bokat tid hos mig",
                        "hålla värmen i bussen på vintern"],
            "pages": [1],
        },
        "tjej": {
            "title": "Tjejkvällarna på Lyktan gav mer än vi trodde",
            "team": "Fritidsgården Lyktan i Nässjö",
            "municipalities": ["Nässjö"],
            "places": ["Fritidsgården Lyktan"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["tjejkvällar", "tjejråd"],
            "actors": ["fritid", "ungdomsmottagning", "barn och unga"],
            "persons": [{"name": "Amanda Ekholm", "role": "fritidsledare"},
                        {"name": "Sofie Rask", "role": "fritidsledare"}],
            "inspired_by": [],
            "stage": "avslutad",
            "anchors": ["Kvällarna är bara för tjejer i årskurs 7–9",
                        "började därför med ett tjejråd",
                        "säger Nora, 14 år",
                        "41 olika tjejer varit med",
                        "fråga vilka som inte kommer"],
            "pages": [2],
        },
        "para": {
            "title": "Tre röster om parasport för barn",
            "team": "Barn- och ungdomshabiliteringen och IK Vätterlyft",
            "municipalities": ["Jönköping"],
            "places": ["Skogslyckehallen"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["prova-på-aktiviteter", "parasport"],
            "actors": ["habilitering", "förening", "barn och unga", "vårdnadshavare"],
            "persons": [{"name": "Sara Lindgren", "role": "fysioterapeut"},
                        {"name": "Ola Brink", "role": "ordförande"}],
            "inspired_by": [],
            "stage": "startad",
            "anchors": ["prova på-träffar i parasport varannan lördag",
                        "prova boccia, innebandy i rullstol",
                        "Fyra barn tränar redan hos oss",
                        "aldrig velat vara med på idrotten",
                        "bjuda in idrottslärarna från skolorna"],
            "pages": [2],
        },
    },
    "context_phrases": ["I stället för att skriva om teamen har vi låtit dem berätta själva",
                        "Jenny Alm började som processledare",
                        "Att det händer otroligt mycket ute i kommunerna",
                        "Tack för allt arbete ni har lagt ner under 2023",
                        "Nätverksträff den 8 februari i Vaggeryd",
                        "Erik Sandell, Qulturum"],
}

# ------------------------------------------------------------------------------------------
# 4. A short bulletin with six very short examples in a row (python-docx): each has a place
#    label in capitals above its bold title, 60-120 words, a contact line, and a rule after it;
#    then a "KOM IHÅG" item of the same look that is programme news, not an example.

SHORT = {
    "stem": "blind5-nyhetsbrev-2025-02-18-kortnytt",
    "producer": "docx", "kind": "newsletter",
    "title": "Kortnytt från teamen", "date": "2025-02-18",
    "page_size": "A4", "orientation": "portrait",
    "footer_text": "Kortnytt ges ut av lärande nätverket Bästa platsen, Region Jönköpings län",
    "accent": "1F5E8C",
    "short_words": (60, 120),
    "blocks": [
        ("masthead", "Kortnytt från teamen",
         "Bästa platsen – barn och unga · Utskick 2025-02-18 · Nr 1/2025"),
        ("p", "Sex korta nyheter från teamen runt om i länet. Vill du veta mer? Hör av dig direkt "
              "till kontaktpersonen."),
        ("rule",),

        ("ex", "cykel"),
        ("kicker", "GNOSJÖ"),
        ("h2", "Nu kan alla i trean cykla"),
        ("p", "En enkät hösten 2024 visade att var femte elev i årskurs 3 på Töllstorpsskolan i "
              "Gnosjö inte kunde cykla. Skolan ordnade därför en cykelskola på åtta lektioner "
              "tillsammans med Gnosjö cykelklubb, som lånade ut cyklar och hjälmar. Upplägget är "
              "taget från Gislaveds cykelskola, som idrottsläraren Petra Hallin fick höra om på "
              "en nätverksträff. När kursen slutade i december kunde alla 47 elever cykla själva "
              "på skolgården."),
        ("contact", "Kontakt: Petra Hallin, idrottslärare, petra.hallin@tollstorpsskolan.se"),
        ("endex",),
        ("rule",),

        ("ex", "sommar"),
        ("kicker", "HABO"),
        ("h2", "Sommarskola inför högstadiet"),
        ("p", "Inför övergången till årskurs 7 planerar Hagabergsskolan i Habo en sommarskola den "
              "sista veckan på sommarlovet. Eleverna ska få träffa sina nya mentorer, hitta i "
              "skolan och läsa ikapp i svenska och matematik. Fritidsgården ordnar aktiviteter på "
              "eftermiddagarna. Studie- och yrkesvägledaren Anders Nyqvist säger att de särskilt "
              "vill nå elever som haft hög frånvaro i sexan. Inbjudan går ut till familjerna i maj."),
        ("contact", "Kontakt: Anders Nyqvist, studie- och yrkesvägledare, "
                    "anders.nyqvist@hagabergsskolan.se"),
        ("endex",),
        ("rule",),

        ("ex", "somn"),
        ("kicker", "TRANÅS"),
        ("h2", "Sömnskola för småbarnsföräldrar"),
        ("p", "Barnhälsovården på Norrmalms vårdcentral i Tranås har startat en sömnskola för "
              "föräldrar med barn mellan sex månader och tre år. Sömn är det som föräldrarna "
              "oftast frågar om på BVC, och trötta föräldrar orkar mindre. Gruppen träffas tre "
              "gånger och leds av barnsjuksköterskorna Ida Lönn och Malin Järv. Den första "
              "gruppen startade i januari med sju familjer, och teamet frågar föräldrarna om "
              "deras egen sömn före och efter."),
        ("contact", "Kontakt: Ida Lönn, barnsjuksköterska, ida.lonn@rjl.se"),
        ("endex",),
        ("rule",),

        ("ex", "lov"),
        ("kicker", "MULLSJÖ"),
        ("h2", "Prova på-vecka på sportlovet"),
        ("p", "Under sportlovet vecka 9 ordnar fritidsenheten i Mullsjö en prova på-vecka "
              "tillsammans med sex föreningar. Varje dag kan barn i årskurs 3–6 prova två nya "
              "idrotter, från bordtennis till orientering. Allt är gratis och lunch ingår. Tanken "
              "kommer från Vetlanda, där en liknande lovvecka lockade över hundra barn förra året. "
              "Fritidskonsulenten Lina Boström vill särskilt nå barn som inte redan är med i en "
              "förening."),
        ("contact", "Kontakt: Lina Boström, fritidskonsulent, lina.bostrom@mullsjo.se"),
        ("endex",),
        ("rule",),

        ("ex", "rad"),
        ("kicker", "ANEBY"),
        ("h2", "Ungdomsrådet tycker till"),
        ("p", "Sedan i höstas har Fritidsgården Kulan i Aneby ett ungdomsråd med åtta unga mellan "
              "13 och 17 år. Rådet träffas varannan vecka och har redan ändrat öppettiderna och "
              "köpt in nya spel. Nu gör rådet en enkät till alla elever i årskurs 7–9 om vad som "
              "skulle få fler att komma. Målet är att fler unga ska ha en trygg plats att vara "
              "på efter skolan. Fritidsledaren Emir Kovač berättar att besöken har ökat med en "
              "fjärdedel sedan rådet började."),
        ("contact", "Kontakt: Emir Kovač, fritidsledare, emir.kovac@aneby.se"),
        ("endex",),
        ("rule",),

        ("ex", "vagn"),
        ("kicker", "JÖNKÖPING"),
        ("h2", "Barnvagnspromenader från familjecentralen"),
        ("p", "Familjecentralen i Kärrabo i Jönköping har i januari börjat med "
              "barnvagnspromenader varje tisdag förmiddag. Promenaden är fyra kilometer och "
              "slutar med fika på öppna förskolan. Barnmorskan Karin Dahl på mödrahälsovården "
              "tipsar blivande och nyblivna föräldrar om promenaderna. Målet är att fler föräldrar "
              "ska röra på sig och få kontakt med andra, särskilt de som är nya i området. De "
              "första fyra gångerna kom mellan fem och tolv föräldrar."),
        ("contact", "Kontakt: Karin Dahl, barnmorska, karin.dahl@rjl.se"),
        ("endex",),
        ("rule",),

        ("kicker", "KOM IHÅG"),
        ("h2", "Affischer till vårkonferensen"),
        ("p", "Alla team är välkomna att visa sitt arbete på vårkonferensen. Skicka in er affisch "
              "till processledaren senast den 14 mars, gärna som pdf."),
        ("rule",),
        ("h2", "Kalendarium"),
        ("bullets", ["6 mars: Coachträff, digitalt",
                     "3 april: Vårkonferens i Jönköping",
                     "22 maj: Nätverksträff i Sävsjö"]),
    ],
    "examples": {
        "cykel": {
            "title": "Nu kan alla i trean cykla",
            "team": "Töllstorpsskolan",
            "municipalities": ["Gnosjö"],
            "places": ["Töllstorpsskolan"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["cykelskola"],
            "actors": ["skola", "förening", "barn och unga"],
            "persons": [{"name": "Petra Hallin", "role": "idrottslärare"}],
            "inspired_by": ["Gislaved"],
            "stage": "avslutad",
            "anchors": ["var femte elev i årskurs 3",
                        "taget från Gislaveds cykelskola",
                        "kunde alla 47 elever cykla"],
            "pages": [1],
        },
        "sommar": {
            "title": "Sommarskola inför högstadiet",
            "team": "Hagabergsskolan",
            "municipalities": ["Habo"],
            "places": ["Hagabergsskolan"],
            "focus_areas": ["Fullföljda studier"],
            "interventions": ["sommarskola inför årskurs 7"],
            "actors": ["skola", "fritid", "barn och unga"],
            "persons": [{"name": "Anders Nyqvist", "role": "studie- och yrkesvägledare"}],
            "inspired_by": [],
            "stage": "planerad",
            "anchors": ["Inför övergången till årskurs 7",
                        "läsa ikapp i svenska och matematik",
                        "Inbjudan går ut till familjerna i maj"],
            "pages": [1],
        },
        "somn": {
            "title": "Sömnskola för småbarnsföräldrar",
            "team": "Barnhälsovården på Norrmalms vårdcentral",
            "municipalities": ["Tranås"],
            "places": ["Norrmalms vårdcentral"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["sömnskola", "föräldrastöd i grupp"],
            "actors": ["barnhälsovård", "vårdcentral", "vårdnadshavare"],
            "persons": [{"name": "Ida Lönn", "role": "barnsjuksköterska"},
                        {"name": "Malin Järv", "role": "barnsjuksköterska"}],
            "inspired_by": [],
            "stage": "startad",
            "anchors": ["har startat en sömnskola för föräldrar",
                        "trötta föräldrar orkar mindre",
                        "deras egen sömn före och efter"],
            "pages": [1],
        },
        "lov": {
            "title": "Prova på-vecka på sportlovet",
            "team": "Fritidsenheten i Mullsjö",
            "municipalities": ["Mullsjö"],
            "places": [],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["prova-på-aktiviteter", "lovaktiviteter"],
            "actors": ["fritid", "förening", "barn och unga"],
            "persons": [{"name": "Lina Boström", "role": "fritidskonsulent"}],
            "inspired_by": ["Vetlanda"],
            "stage": "planerad",
            "anchors": ["tillsammans med sex föreningar",
                        "Tanken kommer från Vetlanda",
                        "inte redan är med i en förening"],
            "pages": [1],
        },
        "rad": {
            "title": "Ungdomsrådet tycker till",
            "team": "Fritidsgården Kulan",
            "municipalities": ["Aneby"],
            "places": ["Fritidsgården Kulan"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["ungdomsråd"],
            "actors": ["fritid", "barn och unga"],
            "persons": [{"name": "Emir Kovač", "role": "fritidsledare"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["ett ungdomsråd med åtta unga",
                        "ändrat öppettiderna och köpt in nya spel",
                        "besöken har ökat med en fjärdedel"],
            "pages": [2],
        },
        "vagn": {
            "title": "Barnvagnspromenader från familjecentralen",
            "team": "Familjecentralen i Kärrabo",
            "municipalities": ["Jönköping"],
            "places": ["Kärrabo", "Familjecentralen i Kärrabo"],
            "focus_areas": ["Fysisk aktivitet", "Psykisk hälsa"],
            "interventions": ["barnvagnspromenader"],
            "actors": ["familjecentral", "mödrahälsovård", "öppen förskola", "vårdnadshavare"],
            "persons": [{"name": "Karin Dahl", "role": "barnmorska"}],
            "inspired_by": [],
            "stage": "startad",
            "anchors": ["börjat med barnvagnspromenader varje tisdag",
                        "tipsar blivande och nyblivna föräldrar",
                        "kom mellan fem och tolv föräldrar"],
            "pages": [2],
        },
    },
    "context_phrases": ["Sex korta nyheter från teamen runt om i länet",
                        "Alla team är välkomna att visa sitt arbete",
                        "senast den 14 mars, gärna som pdf",
                        "3 april: Vårkonferens i Jönköping",
                        "Kortnytt ges ut av lärande nätverket"],
}

# ------------------------------------------------------------------------------------------
# 5. Family-centre poster, A3 landscape, with a photo placeholder and a long contact box
#    (HTML -> Chromium)

FAMILY_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A3 landscape; margin: 0; }
body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; color: #2b2b2b; }
.page { width: 420mm; height: 297mm; box-sizing: border-box; padding: 12mm 14mm 16mm; position: relative;
        background: #fffaf3; display: flex; flex-direction: column; }
.top { display: flex; justify-content: space-between; align-items: flex-end;
       border-bottom: 3px solid #c4622d; padding-bottom: 4mm; }
.top h1 { margin: 0; font-size: 48pt; color: #c4622d; }
.top .team { margin: 2mm 0 0; font-size: 19pt; }
.top .prog { font-size: 12pt; color: #777; text-align: right; white-space: nowrap; }
.main { display: grid; grid-template-columns: 1.15fr 1fr 1fr; gap: 10mm; margin-top: 7mm; flex: 1; }
.photo { background: #bfbfbf; height: 92mm; border-radius: 2mm; display: flex; align-items: center;
         justify-content: center; color: #f4f4f4; font-size: 30pt; letter-spacing: 4px; }
.cap { font-size: 11.5pt; font-style: italic; color: #666; margin: 1.5mm 0 5mm; }
.sec { margin-bottom: 6mm; font-size: 15pt; line-height: 1.4; }
.sec h2 { margin: 0 0 2mm; font-size: 21pt; color: #c4622d; }
.contact { margin-top: 2mm; background: #f3e2d3; border-radius: 3mm; padding: 5mm 7mm; font-size: 13pt;
           line-height: 1.35; }
.contact h2 { margin: 0 0 3mm; font-size: 21pt; color: #c4622d; }
.people { display: grid; grid-template-columns: repeat(5, 1fr); gap: 5mm; }
.people b { display: block; font-size: 14pt; }
.info { margin-top: 4mm; display: flex; gap: 14mm; }
.quote { font-family: 'Liberation Serif', serif; font-size: 21pt; font-style: italic; color: #8a4a25;
         margin: 2mm 0 7mm; line-height: 1.3; }
.quote span { display: block; font-family: 'Liberation Sans', Arial, sans-serif; font-size: 12pt;
              font-style: normal; color: #555; margin-top: 2mm; }
.foot { position: absolute; bottom: 6mm; left: 14mm; right: 14mm; font-size: 11pt; color: #777;
        text-align: center; }
</style></head><body><div class="page">
<div class="top">
<div data-ex="unga"><h1>Unga föräldrar – en egen träffpunkt</h1>
<p class="team">Familjecentralen Gläntan, Vaggeryds kommun · April 2024</p></div>
<div class="prog">Lärande nätverket Bästa platsen – barn och unga</div>
</div>
<div class="main" data-ex="unga">
<div>
<div class="photo">FOTO</div>
<div class="cap">Onsdagsträff på Gläntan. Bilden publiceras med föräldrarnas tillstånd.</div>
<div class="sec"><h2>Bakgrund</h2>I vår kommun är ungefär var tionde förstagångsförälder under
25 år. Vi såg att de unga föräldrarna sällan kom till öppna förskolan, och flera kände sig
utanför bland äldre föräldrar. Många berättade för barnmorskan att de var ensamma under
föräldraledigheten.</div>
</div>
<div>
<div class="sec"><h2>Vad gör vi?</h2>Sedan september 2023 har vi en egen träff för föräldrar
under 25 år varje onsdag kl. 13–15. Barnmorskan från mödrahälsovården och en familjebehandlare
från socialtjänsten är med varannan gång. Föräldrarna väljer själva teman, till exempel ekonomi,
sömn, relationer och hur man söker jobb eller studier.</div>
<div class="sec">Upplägget lånade vi av familjecentralen Boken i Värnamo efter ett studiebesök
hösten 2023.</div>
<div class="sec"><h2>Så har det gått</h2>Från september till mars har 19 unga föräldrar varit
med minst en gång, och i snitt kommer sju föräldrar per träff. Fem av dem går nu också till
öppna förskolan andra dagar. I en enkät i februari svarade 14 av 16 att de har fått en ny vän
genom träffarna.</div>
</div>
<div>
<div class="sec"><h2>Det här har vi lärt oss</h2>Det fungerar bäst när personalen inte har en
färdig plan. Ett sms dagen innan gör stor skillnad för hur många som kommer. Team från Sävsjö
och Aneby har varit här och tittat på hur vi gör.</div>
<div class="quote">”Här är alla i samma sits som jag. Ingen tittar snett när min son skriker.”
<span>Mamma, 21 år</span></div>
<div class="sec"><h2>Nästa steg</h2>Till hösten vill vi starta en kvällsgrupp för unga pappor,
och två föräldrar som har gått i gruppen ska bli värdar.</div>
</div>
</div>
<div class="contact" data-ex="unga"><h2>Kontakta oss</h2>
<div class="people">
<div><b>Johanna Eklöf</b>samordnare, familjecentralen<br>johanna.eklof@vaggeryd.se<br>0393-780 40</div>
<div><b>Sanna Virtanen</b>barnmorska, mödrahälsovården<br>sanna.virtanen@rjl.se<br>010-243 81 20</div>
<div><b>Ahmad Karimi</b>familjebehandlare, socialtjänsten<br>ahmad.karimi@vaggeryd.se<br>0393-780 52</div>
<div><b>Lisa Ström</b>förskollärare, öppna förskolan<br>lisa.strom@vaggeryd.se<br>0393-780 47</div>
<div><b>Helena Persson</b>barnsjuksköterska, BVC<br>helena.persson@rjl.se<br>010-243 81 25</div>
</div>
<div class="info">
<div><b>Besöksadress:</b> Familjecentralen Gläntan, Smedjegatan 14, Vaggeryd</div>
<div><b>Unga föräldrar:</b> onsdagar 13–15</div>
<div><b>Instagram:</b> @familjecentralen.glantan</div>
</div>
<p style="margin: 3mm 0 0;">Välkommen att höra av dig till någon av oss, eller kom förbi en onsdag!</p>
</div>
<div class="foot">Region Jönköpings län · Vaggeryds kommun · Bästa platsen att växa upp, leva och bo på</div>
</div></body></html>"""

FAMILY = {
    "stem": "blind5-affisch-familjecentral-vaggeryd",
    "kind": "poster", "title": "Unga föräldrar – en egen träffpunkt", "date": "2024-04",
    "page_size": "A3", "orientation": "landscape",
    "html": FAMILY_HTML,
    "examples": {
        "unga": {
            "title": "Unga föräldrar – en egen träffpunkt",
            "team": "Familjecentralen Gläntan",
            "municipalities": ["Vaggeryd"],
            "places": ["Familjecentralen Gläntan"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["träffpunkt för unga föräldrar", "föräldrastöd i grupp"],
            "actors": ["familjecentral", "mödrahälsovård", "socialtjänst", "öppen förskola",
                       "barnhälsovård", "vårdnadshavare"],
            "persons": [{"name": "Johanna Eklöf", "role": "samordnare"},
                        {"name": "Sanna Virtanen", "role": "barnmorska"},
                        {"name": "Ahmad Karimi", "role": "familjebehandlare"},
                        {"name": "Lisa Ström", "role": "förskollärare"},
                        {"name": "Helena Persson", "role": "barnsjuksköterska"}],
            "inspired_by": ["Värnamo"],
            "stage": "pågående",
            "anchors": ["Vi såg att de unga föräldrarna sällan kom till",
                        "Sedan september 2023 har vi en egen träff för",
                        "Från september till mars har 19 unga föräldrar",
                        "Till hösten vill vi starta en kvällsgrupp för unga",
                        "Välkommen att höra av dig till någon av oss"],
            "pages": [1],
        },
    },
    "context_phrases": ["Lärande nätverket Bästa platsen – barn och unga",
                        "Region Jönköpings län · Vaggeryds kommun"],
}

DOCS = [GDOCS, GRID, VOICES, SHORT, FAMILY]
