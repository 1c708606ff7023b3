"""Texts and hand-written annotations for the blind set 3 (blind3-*), built by build_set3.py.

Everything is invented (teams, people, e-mail addresses, phone numbers, figures); the
municipalities are the real ones of Jönköpings län, schools and places are made up.

HTML documents are written as HTML; each team example sits in an element with
data-ex="<key>", so the build script knows which text belongs to which example. DOCX/ODT
documents are lists of blocks; ("ex", key) ... ("endex",) mark an example.
The gold annotations are in "examples" (key -> annotation) and "context_phrases".
"""

# ------------------------------------------------------------------------------------------
# 1. Scanned poster (HTML -> Chromium -> 200 dpi greyscale image, rotated, noisy -> image PDF)

SCAN_POSTER_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4 portrait; margin: 0; }
body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; color: #222; }
.page { width: 210mm; height: 297mm; box-sizing: border-box; padding: 14mm 14mm; }
.banner { background: #d9ead3; border: 2px solid #4a7a3a; padding: 6mm 8mm; }
.banner h1 { margin: 0; font-size: 30pt; color: #2d5a1e; }
.banner p { margin: 2mm 0 0; font-size: 13pt; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; margin-top: 6mm; }
.box { border: 1.5px solid #4a7a3a; padding: 3mm 4mm; font-size: 11.5pt; line-height: 1.35; }
.box h2 { margin: 0 0 2mm; font-size: 14pt; color: #2d5a1e; }
.wide { grid-column: 1 / span 2; }
.foot { margin-top: 6mm; font-size: 10pt; color: #555; text-align: center; }
</style></head><body><div class="page">
<div data-ex="spring">
<div class="banner"><h1>Spring i benen på fritids</h1>
<p>Fritidshemmet på Alseda skola, Vetlanda kommun · Hösten 2023</p></div>
<div class="grid">
<div class="box"><h2>Bakgrund</h2>Många av barnen på fritids satt stilla stora delar av eftermiddagen,
ofta med en skärm. I elevenkäten svarade bara hälften av barnen i årskurs 3 att de rör sig
minst en timme varje dag.</div>
<div class="box"><h2>Syfte</h2>Att alla barn på fritidshemmet ska få minst 30 minuter pulshöjande
lek varje eftermiddag, och att det ska vara roligt även för dem som inte gillar idrott.</div>
<div class="box"><h2>Vad gjorde vi?</h2>Vi införde ett rörelsepass varje dag klockan 14.30 med
stafetter, dans och lekar som barnen själva röstar fram. Vi lånade idén från fritidshemmen i
Gnosjö, som visade sina lekkort på en nätverksträff.</div>
<div class="box"><h2>Mätningar</h2>Vi räknar varje vecka hur många barn som är med hela passet.
Under september var 41 av 52 barn med, i november 47 av 52. Barnen fick också rita hur det kändes.</div>
<div class="box"><h2>Lärdomar</h2>Det fungerar bäst när en vuxen leker med och när barnen får
bestämma lekarna. Regnväder var svårt tills vi fick låna gympasalen.</div>
<div class="box"><h2>Nästa steg</h2>Vi fortsätter under våren och vill prova rörelsepass även på
lovdagarna tillsammans med fritidsgården.</div>
<div class="box wide"><h2>Kontakt</h2>Petra Lindqvist, fritidspedagog, petra.lindqvist@alseda-fritids.se,
0383-55 21 90 · Jonas Eriksson, rektor</div>
</div></div>
<div class="foot">Bästa platsen att växa upp, leva och bo på – barn och unga · Region Jönköpings län</div>
</div></body></html>"""

SCAN_POSTER = {
    "stem": "blind3-affisch-skannad-fritids-alseda",
    "kind": "poster", "title": "Spring i benen på fritids", "date": "2023",
    "page_size": "A4", "orientation": "portrait", "rotation": -1.1, "seed": 11,
    "html": SCAN_POSTER_HTML,
    "examples": {
        "spring": {
            "title": "Spring i benen på fritids",
            "team": "Fritidshemmet på Alseda skola",
            "municipalities": ["Vetlanda"],
            "places": ["Alseda", "Alseda skola"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["rörelsepass på fritids"],
            "actors": ["skola", "fritid", "barn och unga"],
            "persons": [{"name": "Petra Lindqvist", "role": "fritidspedagog"},
                        {"name": "Jonas Eriksson", "role": "rektor"}],
            "inspired_by": ["Gnosjö"],
            "stage": "pågående",
            "anchors": ["Många av barnen på fritids satt stilla",
                        "Vi införde ett rörelsepass varje dag",
                        "Under september var 41 av 52 barn med",
                        "Regnväder var svårt tills vi fick låna gympasalen",
                        "vill prova rörelsepass även på lovdagarna"],
            "pages": [1],
        },
    },
    "context_phrases": ["Bästa platsen att växa upp, leva och bo på",
                        "Region Jönköpings län"],
}

# ------------------------------------------------------------------------------------------
# 2. Scanned two-page newsletter

SCAN_NEWS_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4 portrait; margin: 18mm 20mm; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 12pt; line-height: 1.4; color: #111; }
.mast { border-top: 4px solid #333; border-bottom: 1px solid #333; padding: 3mm 0; margin-bottom: 5mm; }
.mast h1 { margin: 0; font-size: 26pt; font-family: 'Liberation Sans', Arial, sans-serif; }
.mast p { margin: 1mm 0 0; font-size: 12pt; }
h2 { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 15pt; margin: 6mm 0 2mm; }
h3 { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 12.5pt; margin: 4mm 0 1mm; }
p { margin: 0 0 2.5mm; }
.brk { break-before: page; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; }
td { border: 1px solid #555; padding: 1.5mm 2mm; vertical-align: top; }
</style></head><body>
<div class="mast"><h1>Nätverksbladet</h1><p>Bästa platsen – barn och unga · Nr 2 · Maj 2025</p></div>
<h2>Från träffen i Aneby</h2>
<p>Den här gången samlades drygt sextio deltagare i Aneby församlingshem. Förmiddagen handlade om
hur teamen mäter sina förändringar, och efter lunch fick fyra team berätta om sitt arbete.
Tack till Aneby kommun för god mat och ett varmt mottagande!</p>
<p>Som vanligt skickar vi med korta sammanfattningar av några av teamens arbete. Presentationerna
finns på nätverkets gemensamma yta.</p>
<div data-ex="samtal">
<h2>Samtalsgrupper om oro och stress</h2>
<p>Elevhälsan på Holavedsgymnasiet i Tranås har tillsammans med ungdomsmottagningen startat
samtalsgrupper för elever som känner oro inför prov och framtiden. Kuratorn Sofia Nyberg och
barnmorskan Linnea Holm leder grupperna, som träffas sex gånger under en termin.</p>
<p>Idén kom när elevhälsan såg att allt fler elever sökte enskilda samtal för samma sak. I en grupp
får eleverna höra att de inte är ensamma, och de lär sig enkla sätt att hantera stress. Grupperna är
frivilliga och eleverna anmäler sig själva via skolans app.</p>
<p>Under våren har två grupper med sammanlagt nitton elever gått klart. Sexton av dem svarade i
utvärderingen att de sover bättre och vågar be lärare om hjälp. Nästa läsår vill teamet erbjuda en
grupp redan i årskurs ett, och de ska pröva att låta en elev som gått gruppen vara med som stöd.</p>
</div>
<div data-ex="oppna">
<h2 class="brk">Öppna förskolan flyttar in på biblioteket</h2>
<p>I Bredaryd hade den öppna förskolan länge svårt att nå nya familjer. Lokalen låg i källaren under
skolan, och många föräldrar visste inte ens att den fanns. I januari flyttade verksamheten därför in
på Bredaryds bibliotek, där den nu håller öppet tisdagar och torsdagar.</p>
<p>Förskolläraren Maria Sandell berättar att de tog inspiration från Mullsjö, där den öppna
förskolan sedan länge delar lokal med biblioteket. Bibliotekarien läser sagor varje torsdag, och
barnhälsovårdens sjuksköterska kommer en gång i månaden och svarar på frågor om sömn, mat och
språk.</p>
<p>Besöken har ökat från i snitt sju familjer per tillfälle till femton. Flera av de nya familjerna
har kommit till Sverige de senaste åren. Teamet räknar nu också hur många som kommer tillbaka en
andra gång, och i höst vill de starta en språkgrupp för föräldrar.</p>
</div>
<h2>Kommande träffar</h2>
<p>Nästa nätverksträff hålls den 18 september i Vaggeryd. Anmälan senast en vecka före till
nätverkets samordnare.</p>
<h3>Coacher</h3>
<table>
<tr><td>Helena Brandt</td><td>förbättringscoach, Qulturum</td><td>070-318 44 62</td></tr>
<tr><td>Mattias Ek</td><td>folkhälsoplanerare, Region Jönköpings län</td><td>070-552 17 08</td></tr>
</table>
</body></html>"""

SCAN_NEWS = {
    "stem": "blind3-nyhetsbrev-skannat-maj-2025",
    "kind": "newsletter", "title": "Nätverksbladet", "date": "2025-05",
    "page_size": "A4", "orientation": "portrait", "rotation": 0.7, "seed": 23,
    "html": SCAN_NEWS_HTML,
    "examples": {
        "samtal": {
            "title": "Samtalsgrupper om oro och stress",
            "team": "Elevhälsan på Holavedsgymnasiet i Tranås och ungdomsmottagningen",
            "municipalities": ["Tranås"],
            "places": ["Holavedsgymnasiet"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["samtalsgrupper om stress"],
            "actors": ["skola", "elevhälsa", "ungdomsmottagning", "barn och unga"],
            "persons": [{"name": "Sofia Nyberg", "role": "kurator"},
                        {"name": "Linnea Holm", "role": "barnmorska"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["startat samtalsgrupper för elever som känner oro",
                        "allt fler elever sökte enskilda samtal",
                        "två grupper med sammanlagt nitton elever",
                        "erbjuda en grupp redan i årskurs ett"],
            "pages": [1],
        },
        "oppna": {
            "title": "Öppna förskolan flyttar in på biblioteket",
            "team": "Öppna förskolan i Bredaryd",
            "municipalities": ["Värnamo"],
            "places": ["Bredaryd", "Bredaryds bibliotek"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["öppen förskola", "öppen förskola på biblioteket"],
            "actors": ["öppen förskola", "bibliotek", "barnhälsovård", "vårdnadshavare"],
            "persons": [{"name": "Maria Sandell", "role": "förskollärare"}],
            "inspired_by": ["Mullsjö"],
            "stage": "pågående",
            "anchors": ["hade den öppna förskolan länge svårt att nå",
                        "de tog inspiration från Mullsjö",
                        "Besöken har ökat från i snitt sju familjer",
                        "vill de starta en språkgrupp för föräldrar"],
            "pages": [2],
        },
    },
    "context_phrases": ["samlades drygt sextio deltagare i Aneby församlingshem",
                        "Tack till Aneby kommun för god mat",
                        "Nästa nätverksträff hålls den 18 september i Vaggeryd",
                        "förbättringscoach, Qulturum"],
}

# ------------------------------------------------------------------------------------------
# 3. Canva-style poster: absolutely positioned boxes, decorative title over three lines

CANVA_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: 210mm 297mm; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'DejaVu Sans', sans-serif; }
.page { position: relative; width: 210mm; height: 296mm; overflow: hidden;
        background: linear-gradient(160deg, #0b6e99 0%, #0b6e99 38%, #e8f6fb 38%); }
.blob { position: absolute; border-radius: 50%; }
.t { position: absolute; color: #fff; font-family: 'DejaVu Serif', serif; font-weight: bold;
     text-shadow: 3px 3px 0 #064a68; line-height: 1; }
.sub { position: absolute; left: 14mm; top: 88mm; color: #fff; font-size: 12.5pt; width: 120mm; }
.card { position: absolute; background: #fff; border-radius: 6mm; padding: 4mm 5mm;
        box-shadow: 0 1mm 3mm rgba(0,0,0,.25); font-size: 10pt; line-height: 1.35; color: #123; }
.card h3 { margin: 0 0 1.5mm; font-size: 12pt; color: #0b6e99; letter-spacing: .5px; }
.pill { position: absolute; background: #ffcc29; color: #123; border-radius: 20mm; padding: 3mm 6mm;
        font-weight: bold; font-size: 11pt; }
.foot { position: absolute; left: 0; right: 0; bottom: 6mm; text-align: center; font-size: 8.5pt; color: #456; }
</style></head><body><div class="page">
<div class="blob" style="left:150mm;top:-20mm;width:90mm;height:90mm;background:#ffcc29;opacity:.85"></div>
<div class="blob" style="left:-25mm;top:230mm;width:70mm;height:70mm;background:#7fd1ef"></div>
<div data-ex="simma">
<div class="t" style="left:14mm;top:12mm;font-size:54pt;">Simma</div>
<div class="t" style="left:40mm;top:36mm;font-size:40pt;transform:rotate(-4deg);">med</div>
<div class="t" style="left:70mm;top:52mm;font-size:60pt;">oss!</div>
<div class="sub">Simskolan för nyanlända barn i Hillerstorp · Gnosjö kommun · Sommaren 2025</div>
<div class="pill" style="left:150mm;top:48mm;transform:rotate(8deg);">FYSISK AKTIVITET</div>
<div class="card" style="left:12mm;top:108mm;width:82mm;">
<h3>VARFÖR?</h3>Vid skolstarten i höstas kunde bara fyra av tio nyanlända elever i årskurs 4–6 på
Hillerstorps skola simma 200 meter. Många familjer har aldrig haft tillgång till en simhall.</div>
<div class="card" style="left:104mm;top:104mm;width:88mm;">
<h3>VAD GJORDE VI?</h3>Skolan, fritidsgården och Hillerstorps simsällskap ordnade simskola två
kvällar i veckan under juni. Barnen fick badkläder att låna och en förälder fick följa med i
vattnet första gången.</div>
<div class="card" style="left:18mm;top:160mm;width:78mm;">
<h3>SÅ GICK DET</h3>Trettiotvå barn deltog. Efter fyra veckor klarade tjugoen av dem 200 meter,
och nio föräldrar anmälde sig själva till vuxensim.</div>
<div class="card" style="left:104mm;top:164mm;width:88mm;">
<h3>DET HÄR LÄRDE VI OSS</h3>Tolkar på plats första kvällen gjorde stor skillnad. Att träffas vid
skolan och gå till simhallen tillsammans sänkte tröskeln.</div>
<div class="card" style="left:40mm;top:214mm;width:130mm;">
<h3>FRAMÅT</h3>Simskolan fortsätter sommaren 2026 och ska även erbjudas under höstlovet.
Kontakt: Samira Haddad, lärare i idrott och hälsa, samira.haddad@hillerstorp-skola.se, 0370-68 12 40</div>
</div>
<div class="foot">Ett förbättringsarbete inom Bästa platsen att växa upp · Gnosjö kommun &amp; Region Jönköpings län</div>
</div></body></html>"""

CANVA = {
    "stem": "blind3-affisch-canva-simskola-hillerstorp",
    "kind": "poster", "title": "Simma med oss!", "date": "2025",
    "page_size": "A4", "orientation": "portrait",
    "html": CANVA_HTML,
    "examples": {
        "simma": {
            "title": "Simma med oss!",
            "team": "Simskolan för nyanlända barn i Hillerstorp",
            "municipalities": ["Gnosjö"],
            "places": ["Hillerstorp", "Hillerstorps skola"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["simskola för nyanlända barn"],
            "actors": ["skola", "fritid", "förening", "vårdnadshavare", "barn och unga"],
            "persons": [{"name": "Samira Haddad", "role": "lärare i idrott och hälsa"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["Vid skolstarten i höstas kunde bara fyra av tio",
                        "ordnade simskola två kvällar i veckan",
                        "Trettiotvå barn deltog. Efter fyra veckor",
                        "Simskolan fortsätter sommaren 2026"],
            "pages": [1],
        },
    },
    "context_phrases": ["Ett förbättringsarbete inom Bästa platsen att växa upp",
                        "Gnosjö kommun & Region Jönköpings län"],
}

# ------------------------------------------------------------------------------------------
# 4. Poster with title and section headings as pictures (no text layer for them)
#    The PNGs are drawn by build_set3.py from IMAGE_TEXTS.

OUTLINE_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: 297mm 420mm; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Sans', Arial, sans-serif; color: #202020; }
.page { position: relative; width: 297mm; height: 419mm; overflow: hidden; background: #fdf6ec; }
.band { position: absolute; left: 0; top: 0; width: 297mm; height: 78mm; background: #8c2f39; }
img { display: block; }
.lead { position: absolute; left: 18mm; top: 60mm; color: #fff; font-size: 15pt; }
.col { position: absolute; width: 124mm; font-size: 14pt; line-height: 1.4; }
.col p { margin: 2mm 0 6mm; }
.foot { position: absolute; left: 18mm; bottom: 10mm; font-size: 11pt; color: #666; }
</style></head><body><div class="page">
<div class="band"></div>
<div data-ex="falt">
<img src="title.png" style="position:absolute;left:18mm;top:14mm;width:250mm" alt="">
<div class="lead">Fältassistenterna och Östra skolan i Vaggeryd · Våren 2025</div>
<div class="col" style="left:18mm;top:92mm;">
<img src="h-bakgrund.png" style="width:60mm" alt="">
<p>Under hösten ökade bråken på skolgården vid lunchrasten, och flera elever i årskurs 7 slutade
gå ut överhuvudtaget. Skolans trygghetsenkät visade att lunchrasten var den tid på dagen då
eleverna kände sig minst trygga.</p>
<img src="h-vad.png" style="width:80mm" alt="">
<p>Från februari är två fältassistenter från socialtjänsten ute på skolgården varje tisdag och
torsdag under lunchrasten. De spelar pingis, pratar med eleverna och fångar upp den som går
ensam. Kuratorn Elin Strand träffar fältarna varje fredag och går igenom veckan.</p>
<p>Fältarna finns också på fritidsgården på kvällarna, så eleverna möter samma vuxna i skolan
och på fritiden.</p>
</div>
<div class="col" style="left:155mm;top:92mm;">
<img src="h-resultat.png" style="width:60mm" alt="">
<p>Efter tio veckor har antalet incidenter som rapporterats från lunchrasten minskat från i snitt
elva till fyra i månaden. I en kort enkät svarade 68 procent av eleverna att det känns tryggare
ute, mot 49 procent i höstas.</p>
<img src="h-larde.png" style="width:80mm" alt="">
<p>Det tog några veckor innan eleverna vågade prata med fältarna. Att de var ute på fasta tider
gjorde att eleverna visste var de fanns.</p>
<img src="h-kontakt.png" style="width:50mm" alt="">
<p>Ahmed Yusuf, fältassistent, ahmed.yusuf@vaggeryd-falt.se, 0393-67 40 12<br>
Elin Strand, kurator, elin.strand@ostraskolan-vaggeryd.se</p>
</div>
</div>
<div class="foot">Bästa platsen – barn och unga · Lärande nätverk i Jönköpings län</div>
</div></body></html>"""

# name -> (text, font size px, colour, width px, height px)
IMAGE_TEXTS = {
    "title.png": ("Fältarna på skolgården", 150, (255, 255, 255), 2000, 260, (140, 47, 57)),
    "h-bakgrund.png": ("Bakgrund", 64, (140, 47, 57), 480, 96, (253, 246, 236)),
    "h-vad.png": ("Vad gjorde vi?", 64, (140, 47, 57), 640, 96, (253, 246, 236)),
    "h-resultat.png": ("Resultat", 64, (140, 47, 57), 480, 96, (253, 246, 236)),
    "h-larde.png": ("Vad lärde vi oss?", 64, (140, 47, 57), 640, 96, (253, 246, 236)),
    "h-kontakt.png": ("Kontakt", 64, (140, 47, 57), 400, 96, (253, 246, 236)),
}

OUTLINE = {
    "stem": "blind3-affisch-rubrik-som-bild-vaggeryd",
    "kind": "poster", "title": "Fältarna på skolgården", "date": "2025",
    "page_size": "A3", "orientation": "portrait",
    "html": OUTLINE_HTML, "images": IMAGE_TEXTS,
    "title_in_text_layer": False,
    "examples": {
        "falt": {
            "title": "Fältarna på skolgården",
            "team": "Fältassistenterna och Östra skolan i Vaggeryd",
            "municipalities": ["Vaggeryd"],
            "places": ["Östra skolan"],
            "focus_areas": ["Psykisk hälsa", "Fullföljda studier"],
            "interventions": ["fältassistenter på skolgården", "rastaktiviteter"],
            "actors": ["socialtjänst", "skola", "elevhälsa", "fritid", "barn och unga"],
            "persons": [{"name": "Ahmed Yusuf", "role": "fältassistent"},
                        {"name": "Elin Strand", "role": "kurator"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["Under hösten ökade bråken på skolgården vid",
                        "Från februari är två fältassistenter från socialtjänsten ute",
                        "eleverna möter samma vuxna i skolan",
                        "I en kort enkät svarade 68 procent av",
                        "Att de var ute på fasta tider"],
            "pages": [1],
        },
    },
    "context_phrases": ["Bästa platsen – barn och unga",
                        "Lärande nätverk i Jönköpings län"],
}

# ------------------------------------------------------------------------------------------
# 5. DOCX newsletter, examples as interviews (Q&A), plus a Q&A with a coach that is context

INTERVIEW = {
    "stem": "blind3-nyhetsbrev-2024-10-intervjuer",
    "producer": "docx", "kind": "newsletter",
    "title": "Bästa platsen – nyhetsbrev",
    "date": "2024-10",
    "footer_text": "Nyhetsbrev oktober 2024",
    "blocks": [
        ("masthead", "Bästa platsen – nyhetsbrev", "Oktober 2024 · Lärande nätverk barn och unga"),
        ("p", "I det här numret har vi intervjuat två team som berättade om sitt arbete på "
              "höstens nätverksträff i Nässjö. Vi ställde samma frågor till båda."),
        ("ex", "pappa"),
        ("h1", "Fem frågor till familjecentralen i Landsbro"),
        ("p", "Barnsjuksköterskan Oskar Wiklund och familjebehandlaren Nadia Rahimi på "
              "familjecentralen i Landsbro svarar."),
        ("q", "Vad gjorde ni?"),
        ("a", "Vi startade en pappagrupp för pappor med barn under ett år. Gruppen träffas fem "
              "kvällar på familjecentralen och pratar om sömn, lek, relationen och hur det är att "
              "bli förälder. Vi använder samma grundpaket för föräldrastöd i grupp som de andra "
              "familjecentralerna i länet."),
        ("q", "Varför just pappor?"),
        ("a", "Nästan alla som kom till våra föräldragrupper var mammor. Papporna sa att de inte "
              "kände sig välkomna en vardag mitt på dagen, så vi flyttade träffarna till kvällstid."),
        ("q", "Hur vet ni att det blev bättre?"),
        ("a", "Första omgången kom nio pappor, och åtta var med på minst fyra av fem träffar. Vi "
              "frågar också vid tolvmånadersbesöket på BVC om pappan har varit med."),
        ("q", "Vad har varit svårast?"),
        ("a", "Att nå pappor som inte pratar svenska. Nu provar vi att bjuda in personligen vid "
              "hembesöket i stället för med en lapp."),
        ("q", "Vad händer nu?"),
        ("a", "En ny grupp startar i januari, och vi ska berätta om modellen för familjecentralen "
              "i Vetlanda tätort."),
        ("endex",),
        ("ex", "natt"),
        ("h1", "Vi frågade fritidsgården i Hestra"),
        ("p", "Fritidsledaren Kevin Öberg på fritidsgården Pulsen i Hestra svarar på frågorna."),
        ("q", "Vad gjorde ni?"),
        ("a", "Vi öppnar sporthallen varje fredag mellan klockan 21 och 24 för unga mellan 13 och "
              "18 år. Det blir fotboll, basket och innebandy, och det finns alltid två vuxna från "
              "fritidsgården och en ledare från Hestra IF på plats."),
        ("q", "Var kom idén ifrån?"),
        ("a", "Vi var på studiebesök i Värnamo och såg deras sena fredagar. Där fick vi idén och "
              "tips om hur man samarbetar med föreningarna."),
        ("q", "Hur vet ni att det blev bättre?"),
        ("a", "Vi räknar besökare varje kväll. I snitt kommer 34 ungdomar, och ungefär en tredjedel "
              "är inte med i någon förening i vanliga fall."),
        ("q", "Vad händer nu?"),
        ("a", "Till våren vill vi låta ungdomarna själva planera en fredag i månaden. Vi söker "
              "också fler föreningar som vill vara med."),
        ("endex",),
        ("h1", "Fråga coachen"),
        ("p", "Varje nummer svarar en av nätverkets coacher på en fråga från teamen."),
        ("q", "Hur ofta ska vi mäta?"),
        ("a", "Mät ofta men lite, svarar förbättringscoachen Anders Malm på Qulturum. Hellre en "
              "enkel siffra varje vecka än en stor enkät en gång om året."),
        ("h1", "Nästa träff"),
        ("p", "Nästa nätverksträff är den 4 december i Jönköping, på Campus Hälsa."),
    ],
    "examples": {
        "pappa": {
            "title": "Fem frågor till familjecentralen i Landsbro",
            "team": "Familjecentralen i Landsbro",
            "municipalities": ["Vetlanda"],
            "places": ["Landsbro", "Familjecentralen i Landsbro"],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["föräldrastöd i grupp", "pappagrupp"],
            "actors": ["familjecentral", "barnhälsovård", "socialtjänst", "vårdnadshavare"],
            "persons": [{"name": "Oskar Wiklund", "role": "barnsjuksköterska"},
                        {"name": "Nadia Rahimi", "role": "familjebehandlare"}],
            "inspired_by": [],
            "stage": "pågående",
            "anchors": ["Vi startade en pappagrupp för pappor",
                        "Nästan alla som kom till våra föräldragrupper",
                        "åtta var med på minst fyra av fem träffar",
                        "bjuda in personligen vid hembesöket",
                        "En ny grupp startar i januari"],
            "pages": [1],
        },
        "natt": {
            "title": "Vi frågade fritidsgården i Hestra",
            "team": "Fritidsgården Pulsen i Hestra",
            "municipalities": ["Gislaved"],
            "places": ["Hestra", "Pulsen"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["öppen sporthall fredag kväll"],
            "actors": ["fritid", "förening", "barn och unga"],
            "persons": [{"name": "Kevin Öberg", "role": "fritidsledare"}],
            "inspired_by": ["Värnamo"],
            "stage": "pågående",
            "anchors": ["öppnar sporthallen varje fredag mellan klockan 21",
                        "Vi var på studiebesök i Värnamo",
                        "en tredjedel är inte med i någon förening",
                        "låta ungdomarna själva planera en fredag"],
            "pages": [1],
        },
    },
    "context_phrases": ["I det här numret har vi intervjuat två team",
                        "Mät ofta men lite, svarar förbättringscoachen",
                        "Hur ofta ska vi mäta?",
                        "Nästa nätverksträff är den 4 december i Jönköping"],
}

# ------------------------------------------------------------------------------------------
# 6. DOCX newsletter, examples as rows of a table (Team | Vad gör ni? | Kontakt)

TABLE_NL = {
    "stem": "blind3-nyhetsbrev-ht-2024-tabell",
    "producer": "docx", "kind": "newsletter",
    "title": "Lägesrapport från teamen",
    "date": "2024",
    "footer_text": "Bästa platsen · ht 2024",
}
# TABLE_NL is filled in below (rows refer to examples)

TABLE_ROWS = [
    ("cykel",
     "Ingaryds skola, Nässjö",
     "Cykeltåg till skolan. Varje morgon samlas eleverna i årskurs 3–6 vid tre mötesplatser i byn och "
     "cyklar tillsammans till skolan med en vuxen först och en sist. Föräldrar turas om att leda "
     "tåget. Under september cyklade 38 av 61 elever minst tre dagar i veckan, mot 12 i våras. Nu "
     "planerar vi vinterdäck och reflexvästar så att tåget kan rulla även i november.",
     "Lena Karlsson, lärare\nlena.karlsson@ingaryd-skola.se"),
    ("chatt",
     "Ungdomsmottagningen i Habo",
     "Chatt med kurator kvällstid. Unga mellan 13 och 25 år kan chatta anonymt med en kurator "
     "måndag och onsdag kväll. Vi startade i augusti efter att ha sett hur Jönköpings "
     "ungdomsmottagning arbetar med sin chatt. Hittills har 57 samtal förts, de flesta om oro och "
     "relationer. Vi följer hur många som sedan bokar ett besök på mottagningen.",
     "Josefin Ahl, kurator\n036-413 70 25"),
    ("mentor",
     "Gymnasieskolan Nova, Eksjö",
     "Närvarocoacher i årskurs 1. Två lärare har fått tid att följa upp alla elever med mer än "
     "15 procent frånvaro redan efter fyra veckor. Coachen ringer hem samma dag och bokar ett "
     "möte med eleven och vårdnadshavare. Av 23 elever med hög frånvaro i september hade 14 "
     "minskat den till oktober. Vi utvärderar efter jul och vill sedan ta med årskurs 2.",
     "Mikael Berg, närvarocoach\nmikael.berg@nova-eksjo.se"),
    ("bvc",
     "Barnhälsovården, Aneby vårdcentral",
     "Språkfika på BVC. Varannan onsdag bjuder BVC och biblioteket in föräldrar med barn 1–3 år "
     "till sagostund och fika. Sjuksköterskan pratar om språkutveckling och skärmtid, och "
     "bibliotekarien lånar ut böcker på flera språk. Första träffen planeras i januari och vi "
     "hoppas nå familjer som sällan kommer till öppna förskolan.",
     "Ulrika Fransson, distriktssköterska\n0380-51 62 30"),
]

TABLE_NL["blocks"] = [
    ("masthead", "Lägesrapport från teamen", "Bästa platsen att växa upp – ht 2024"),
    ("p", "Inför terminens sista nätverksträff bad vi alla team att kort skriva vad de arbetar "
          "med just nu. Här är sammanställningen. Team som inte hann svara kommer med i nästa "
          "rapport."),
    ("h1", "Teamen berättar"),
    ("extable", ["Team", "Vad gör ni?", "Kontakt"], TABLE_ROWS),
    ("h1", "Från styrgruppen"),
    ("p", "Styrgruppen har beslutat att nätverket fortsätter under 2025 med fyra träffar per år. "
          "Region Jönköpings län och länets kommuner delar på kostnaden som tidigare."),
    ("h1", "Datum våren 2025"),
    ("bullets", ["13 februari – nätverksträff i Gislaved", "10 april – digital träff om mätningar",
                 "5 juni – nätverksträff i Tranås"]),
]
TABLE_NL["examples"] = {
    "cykel": {
        "title": "Cykeltåg till skolan",
        "team": "Ingaryds skola",
        "municipalities": ["Nässjö"],
        "places": ["Ingaryd", "Ingaryds skola"],
        "focus_areas": ["Fysisk aktivitet"],
        "interventions": ["aktiv skolväg", "cykeltåg"],
        "actors": ["skola", "vårdnadshavare", "barn och unga"],
        "persons": [{"name": "Lena Karlsson", "role": "lärare"}],
        "inspired_by": [],
        "stage": "pågående",
        "anchors": ["vid tre mötesplatser i byn",
                    "Föräldrar turas om att leda tåget",
                    "38 av 61 elever minst tre dagar",
                    "så att tåget kan rulla även i november"],
        "pages": [1],
    },
    "chatt": {
        "title": "Chatt med kurator kvällstid",
        "team": "Ungdomsmottagningen i Habo",
        "municipalities": ["Habo"],
        "places": [],
        "focus_areas": ["Psykisk hälsa"],
        "interventions": ["chatt med kurator"],
        "actors": ["ungdomsmottagning", "barn och unga"],
        "persons": [{"name": "Josefin Ahl", "role": "kurator"}],
        "inspired_by": ["Jönköping"],
        "stage": "startad",
        "anchors": ["kan chatta anonymt med en kurator",
                    "hur Jönköpings ungdomsmottagning arbetar med sin chatt",
                    "Hittills har 57 samtal förts",
                    "bokar ett besök på mottagningen"],
        "pages": [1],
    },
    "mentor": {
        "title": "Närvarocoacher i årskurs 1",
        "team": "Gymnasieskolan Nova",
        "municipalities": ["Eksjö"],
        "places": ["Gymnasieskolan Nova"],
        "focus_areas": ["Fullföljda studier"],
        "interventions": ["närvaroarbete", "närvarocoacher"],
        "actors": ["skola", "vårdnadshavare", "barn och unga"],
        "persons": [{"name": "Mikael Berg", "role": "närvarocoach"}],
        "inspired_by": [],
        "stage": "pågående",
        "anchors": ["följa upp alla elever med mer än",
                    "och bokar ett möte med eleven",
                    "Av 23 elever med hög frånvaro",
                    "vill sedan ta med årskurs 2"],
        "pages": [1],
    },
    "bvc": {
        "title": "Språkfika på BVC",
        "team": "Barnhälsovården, Aneby vårdcentral",
        "municipalities": ["Aneby"],
        "places": ["Aneby vårdcentral"],
        "focus_areas": ["Psykisk hälsa", "Fullföljda studier"],
        "interventions": ["språkfika", "sagostund"],
        "actors": ["barnhälsovård", "vårdcentral", "bibliotek", "vårdnadshavare"],
        "persons": [{"name": "Ulrika Fransson", "role": "distriktssköterska"}],
        "inspired_by": [],
        "stage": "planerad",
        "anchors": ["Språkfika på BVC. Varannan onsdag bjuder BVC",
                    "sagostund och fika. Sjuksköterskan pratar om",
                    "lånar ut böcker på flera språk",
                    "Första träffen planeras i januari"],
        "pages": [1],
    },
}
TABLE_NL["context_phrases"] = ["bad vi alla team att kort skriva",
                               "Styrgruppen har beslutat att nätverket fortsätter",
                               "13 februari – nätverksträff i Gislaved",
                               "5 juni – nätverksträff i Tranås"]

# ------------------------------------------------------------------------------------------
# 7. ODT newsletter: numbered two-level headings (outline numbering), footnotes, long agenda

FOOTNOTES = {
    "stem": "blind3-nyhetsbrev-2025-10-09-fotnoter",
    "producer": "odt", "kind": "newsletter",
    "title": "Nätverksnytt 3/2025",
    "date": "2025-10-09",
    "footer_text": "Nätverksnytt 3/2025",
    "blocks": [
        ("title", "Nätverksnytt 3/2025"),
        ("p", "Minnesanteckningar och nyheter från nätverksträffen den 9 oktober 2025 i Sävsjö."),
        ("h", 1, "Inledning"),
        ("pn", "Träffen samlade 74 deltagare från tolv av länets kommuner",
         "Deltagarlistan finns hos nätverkets samordnare Karin Åström.",
         ". Temat var hur vi går från enstaka goda exempel till arbetssätt som sprids."),
        ("h", 2, "Dagens program"),
        ("numlist", ["09.00 Kaffe och registrering", "09.30 Välkommen – kommundirektören i Sävsjö",
                     "09.45 Läget i nätverket – Qulturum",
                     "10.15 Föreläsning: Från exempel till koncept",
                     "11.00 Bensträckare", "11.15 Teamen presenterar, del 1",
                     "12.00 Lunch", "13.00 Teamen presenterar, del 2",
                     "13.45 Grupparbete: Vem kan sprida vad?", "14.30 Fika",
                     "14.45 Redovisning av grupparbetet", "15.15 Nästa steg och avslutning"]),
        ("h", 2, "Föreläsningen"),
        ("pn", "Folkhälsoplaneraren Sara Lund visade hur länets familjecentraler tagit fram ett "
               "gemensamt grundpaket",
         "Se även nyhetsbrev 1/2024 om grundpaketet för föräldrastöd.",
         ". Hon betonade att ett koncept behöver en beskrivning, en ägare och ett sätt att mäta."),
        ("h", 1, "Exempel från teamen"),
        ("ex", "sprak"),
        ("h", 2, "Familjecentralen i Mariannelund"),
        ("p", "Familjecentralen i Mariannelund har under året arbetat med Bokstart, där alla familjer "
              "får en bokpåse vid BVC-besöket när barnet är sex månader. Barnbibliotekarien Eva "
              "Lundgren och BVC-sjuksköterskan Anna Kjellberg berättade hur de nu också gör "
              "hembesök tillsammans hos familjer som inte kommer till biblioteket."),
        ("pn", "Målet är att fler barn ska få höra språket läsas högt tidigt",
         "Läsfrämjande insatser för de minsta beskrivs i Kulturrådets rapport från 2018.",
         ". Hittills har 48 familjer fått bokpåsen, och 19 av dem har sedan lånat böcker på "
         "biblioteket. Teamet har inspirerats av Bokstart i Gislaved, som var först i länet."),
        ("p", "Nästa år vill familjecentralen erbjuda sagostunder på arabiska och somaliska, och "
              "följa upp hur många familjer som kommer tillbaka."),
        ("endex",),
        ("ex", "stress"),
        ("h", 2, "Elevhälsan i Sävsjö"),
        ("p", "Elevhälsan på Hofgårdsskolan i Sävsjö har prövat en kurs i stresshantering för alla "
              "elever i årskurs 9. Skolsköterskan Jenny Moberg leder fyra lektioner om sömn, "
              "återhämtning och hur man planerar sina studier inför proven."),
        ("p", "Kursen bygger på ett upplägg som elevhälsan i Jönköping tagit fram, och det var efter "
              "ett besök där som teamet bestämde sig för att prova. Skolans lärare hjälper till att "
              "sprida ut proven så att de inte hamnar samma vecka."),
        ("p", "I utvärderingen svarade 71 procent att de fått minst ett verktyg de använder. "
              "Kursen är nu avslutad för i år och elevhälsan ska besluta om den blir ordinarie."),
        ("endex",),
        ("ex", "lordag"),
        ("h", 2, "Spontanidrott i Bottnaryd"),
        ("p", "I Bottnaryd har Bottnaryds IK och fritidsgården öppnat idrottshallen på lördagar för "
              "spontanidrott. Vem som helst mellan 10 och 16 år får komma, utan att vara medlem. "
              "Föreningsledaren Tobias Hellström säger att målet är att nå de barn som slutat i "
              "föreningarna."),
        ("p", "Hallen har varit öppen åtta lördagar, med i snitt 22 barn. Efter önskemål från "
              "flickorna har en timme avsatts för dans. Teamet har precis börjat och vill nu mäta "
              "hur många som är nya i hallen varje gång."),
        ("endex",),
        ("h", 1, "Grupparbetet"),
        ("p", "I grupparbetet diskuterade vi vilka arbetssätt som är mogna att spridas. Flest röster "
              "fick Bokstart och lördagsöppna hallar."),
        ("h", 1, "Kommande datum"),
        ("p", "Nästa nätverksträff hålls den 4 december 2025 i Gnosjö."),
    ],
    "examples": {
        "sprak": {
            "title": "Familjecentralen i Mariannelund",
            "team": "Familjecentralen i Mariannelund",
            "municipalities": ["Eksjö"],
            "places": ["Mariannelund", "Familjecentralen i Mariannelund"],
            "focus_areas": ["Fullföljda studier", "Psykisk hälsa"],
            "interventions": ["bokstart", "bokpåse till småbarnsfamiljer"],
            "actors": ["familjecentral", "barnhälsovård", "bibliotek", "vårdnadshavare"],
            "persons": [{"name": "Eva Lundgren", "role": "barnbibliotekarie"},
                        {"name": "Anna Kjellberg", "role": "BVC-sjuksköterska"}],
            "inspired_by": ["Gislaved"],
            "stage": "pågående",
            "anchors": ["alla familjer får en bokpåse vid BVC-besöket",
                        "hos familjer som inte kommer till biblioteket",
                        "Hittills har 48 familjer fått bokpåsen",
                        "erbjuda sagostunder på arabiska och somaliska"],
            "pages": [1],
        },
        "stress": {
            "title": "Elevhälsan i Sävsjö",
            "team": "Elevhälsan på Hofgårdsskolan i Sävsjö",
            "municipalities": ["Sävsjö"],
            "places": ["Hofgårdsskolan"],
            "focus_areas": ["Psykisk hälsa", "Fullföljda studier"],
            "interventions": ["kurs i stresshantering"],
            "actors": ["elevhälsa", "skola", "barn och unga"],
            "persons": [{"name": "Jenny Moberg", "role": "skolsköterska"}],
            "inspired_by": ["Jönköping"],
            "stage": "avslutad",
            "anchors": ["en kurs i stresshantering för alla",
                        "ett upplägg som elevhälsan i Jönköping tagit fram",
                        "71 procent att de fått minst ett verktyg"],
            "pages": [1, 2],
        },
        "lordag": {
            "title": "Spontanidrott i Bottnaryd",
            "team": "Bottnaryds IK och fritidsgården",
            "municipalities": ["Jönköping"],
            "places": ["Bottnaryd"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["spontanidrott", "öppen idrottshall"],
            "actors": ["förening", "fritid", "barn och unga"],
            "persons": [{"name": "Tobias Hellström", "role": "föreningsledare"}],
            "inspired_by": [],
            "stage": "startad",
            "anchors": ["öppnat idrottshallen på lördagar för spontanidrott",
                        "nå de barn som slutat i föreningarna",
                        "en timme avsatts för dans"],
            "pages": [2],
        },
    },
    "context_phrases": ["Träffen samlade 74 deltagare från tolv av länets kommuner",
                        "Deltagarlistan finns hos nätverkets samordnare",
                        "13.45 Grupparbete: Vem kan sprida vad?",
                        "ett koncept behöver en beskrivning, en ägare",
                        "Nästa nätverksträff hålls den 4 december 2025 i Gnosjö"],
}

# ------------------------------------------------------------------------------------------
# 8. Google-Docs-like export (HTML, Arial, Title / Heading 1 / Heading 2), meeting summary

GDOCS_HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4 portrait; margin: 25mm 25mm; }
body { font-family: Arial, 'Liberation Sans', sans-serif; font-size: 11pt; line-height: 1.15; color: #000; }
.title { font-size: 26pt; margin: 0 0 3pt; }
.subtitle { font-size: 15pt; color: #666; margin: 0 0 16pt; }
h1 { font-size: 20pt; font-weight: normal; margin: 20pt 0 6pt; }
h2 { font-size: 16pt; font-weight: normal; margin: 18pt 0 6pt; }
h3 { font-size: 14pt; font-weight: normal; color: #434343; margin: 16pt 0 4pt; }
p { margin: 0 0 8pt; }
ul { margin: 0 0 8pt; padding-left: 36pt; }
li { margin: 0 0 2pt; }
</style></head><body>
<p class="title">Minnesanteckningar lärande nätverk</p>
<p class="subtitle">Digital träff 12 februari 2025</p>
<p><b>Närvarande:</b> representanter för team från Aneby, Jönköping, Nässjö, Tranås, Gnosjö och
Värnamo, samt coacherna Lisa Engström och Peter Nord.</p>
<p><b>Antecklare:</b> Lisa Engström</p>
<h1>1. Inledning</h1>
<p>Peter inledde med en kort återblick på höstens träffar. Flera team har svårt att hitta tid för
mätningar, och vi kom överens om att nästa träff ska handla om enkla mått. Dagens pass var
digitalt, med tre korta presentationer och diskussion i smågrupper.</p>
<h1>2. Presentationer</h1>
<div data-ex="rorelse">
<h2>Daglig rörelse på Bankeryds skola</h2>
<p>Idrottsläraren Malin Sjögren berättade att Bankeryds skola sedan januari har tjugo minuter
rörelse varje skoldag för alla klasser i årskurs 1–6. Passen leds av klasslärarna med hjälp av
färdiga rörelsekort som idrottslärarna tagit fram.</p>
<ul><li>Passen ligger direkt efter första rasten, så att de inte krockar med annan undervisning.</li>
<li>Lärarna tyckte först att det tog tid från lektionerna, men flera säger nu att eleverna är lugnare efteråt.</li>
<li>Skolan mäter hur många dagar i veckan passen faktiskt blir av. I januari var det i snitt 3,6 av 5.</li></ul>
<p>Nästa steg är att låta elever i årskurs 6 leda passen för de yngre.</p>
</div>
<div data-ex="team06">
<h2>Aneby: samverkansteam för barn 0–6 år</h2>
<p>Socialsekreteraren Hanna Borg och förskolechefen Tomas Lind presenterade Anebys nya
samverkansteam. BVC, förskolan och socialtjänsten träffas en gång i månaden för att tidigt
uppmärksamma barn där man känner oro, med vårdnadshavarnas samtycke.</p>
<ul><li>Teamet har hittills träffats tre gånger och tagit upp sju familjer.</li>
<li>Modellen kommer från Tranås, där teamet gjorde ett studiebesök i höstas.</li>
<li>Svårast har varit att få till samtycket. Nu frågar BVC redan vid 18-månadersbesöket.</li></ul>
<p>Teamet vill följa hur lång tid det tar från första oro till att familjen får stöd.</p>
</div>
<div data-ex="skarm">
<h2>Gnosjö vårdcentral: samtal om skärmvanor</h2>
<p>Distriktssköterskan Emma Petrén på Gnosjö vårdcentral berättade om ett nytt samtalsstöd om
skärmvanor, sömn och rörelse som BVC använder vid fyraårsbesöket. Föräldrarna fyller i ett kort
formulär i väntrummet och sköterskan tar upp det som föräldern själv markerat.</p>
<ul><li>Stödet testas av två sköterskor under våren innan alla använder det.</li>
<li>Av de första 25 familjerna ville 11 ha ett uppföljande samtal.</li></ul>
<p>Emma tog gärna emot tips från andra vårdcentraler som arbetar med samma frågor.</p>
</div>
<h1>3. Diskussion i smågrupper</h1>
<h3>Grupp 1</h3>
<p>Gruppen med Tranås och Nässjö pratade om hur man håller i ett arbete när eldsjälen slutar.
Nässjö berättade att deras gemensamma hembesök fortsätter trots att två sjuksköterskor bytt jobb,
eftersom rutinen nu är skriven. Tranås tipsade om att ha en ersättare i varje team.</p>
<h3>Grupp 2</h3>
<p>Jönköping och Värnamo diskuterade mätningar. Värnamos familjecentral i Rydaholm räknar besökare
med streck på en lapp, vilket alla tyckte var ett bra exempel på att det får vara enkelt.</p>
<h1>4. Att göra</h1>
<ul><li>Lisa skickar ut mallen för enkla mått före 1 mars.</li>
<li>Alla team tar med en mätning till nästa träff.</li>
<li>Nästa träff: 3 april 2025 i Nässjö, kl. 9–15.</li></ul>
<h1>5. Övrigt</h1>
<p>Habo har fått en ny samordnare för sina team och Mullsjös familjecentral flyttar till nya
lokaler i vår; båda återkommer med mer på nästa träff. Vaggeryd och Sävsjö deltog inte i dag.</p>
<p>Länk till presentationerna finns i den gemensamma mappen under Nätverk/2025.</p>
</body></html>"""

GDOCS = {
    "stem": "blind3-minnesanteckningar-2025-02-12-gdocs",
    "kind": "newsletter", "title": "Minnesanteckningar lärande nätverk", "date": "2025-02-12",
    "page_size": "A4", "orientation": "portrait",
    "html": GDOCS_HTML,
    "examples": {
        "rorelse": {
            "title": "Daglig rörelse på Bankeryds skola",
            "team": "Bankeryds skola",
            "municipalities": ["Jönköping"],
            "places": ["Bankeryd", "Bankeryds skola"],
            "focus_areas": ["Fysisk aktivitet"],
            "interventions": ["daglig rörelse i skolan", "rörelsepass"],
            "actors": ["skola", "barn och unga"],
            "persons": [{"name": "Malin Sjögren", "role": "idrottslärare"}],
            "inspired_by": [],
            "stage": "startad",
            "anchors": ["tjugo minuter rörelse varje skoldag",
                        "Passen ligger direkt efter första rasten",
                        "I januari var det i snitt 3,6 av 5",
                        "låta elever i årskurs 6 leda passen"],
            "pages": [1],
        },
        "team06": {
            "title": "Aneby: samverkansteam för barn 0–6 år",
            "team": "Samverkansteamet för barn 0–6 år i Aneby",
            "municipalities": ["Aneby"],
            "places": [],
            "focus_areas": ["Psykisk hälsa"],
            "interventions": ["samverkansteam", "tidig upptäckt"],
            "actors": ["barnhälsovård", "förskola", "socialtjänst", "vårdnadshavare"],
            "persons": [{"name": "Hanna Borg", "role": "socialsekreterare"},
                        {"name": "Tomas Lind", "role": "förskolechef"}],
            "inspired_by": ["Tranås"],
            "stage": "startad",
            "anchors": ["BVC, förskolan och socialtjänsten träffas en gång",
                        "tagit upp sju familjer",
                        "Modellen kommer från Tranås",
                        "hur lång tid det tar från första oro"],
            "pages": [1],
        },
        "skarm": {
            "title": "Gnosjö vårdcentral: samtal om skärmvanor",
            "team": "Gnosjö vårdcentral",
            "municipalities": ["Gnosjö"],
            "places": ["Gnosjö vårdcentral"],
            "focus_areas": ["Fysisk aktivitet", "Psykisk hälsa"],
            "interventions": ["samtalsstöd om skärmvanor", "tidig upptäckt"],
            "actors": ["barnhälsovård", "vårdcentral", "vårdnadshavare"],
            "persons": [{"name": "Emma Petrén", "role": "distriktssköterska"}],
            "inspired_by": [],
            "stage": "startad",
            "anchors": ["nytt samtalsstöd om skärmvanor, sömn och rörelse",
                        "fyller i ett kort formulär i väntrummet",
                        "Av de första 25 familjerna",
                        "tog gärna emot tips från andra vårdcentraler"],
            "pages": [1, 2],
        },
    },
    "context_phrases": ["nästa träff ska handla om enkla mått",
                        "deras gemensamma hembesök fortsätter",
                        "räknar besökare med streck på en lapp",
                        "Lisa skickar ut mallen för enkla mått",
                        "Nästa träff: 3 april 2025 i Nässjö",
                        "Habo har fått en ny samordnare"],
}

DOCS = [SCAN_POSTER, SCAN_NEWS, CANVA, OUTLINE, INTERVIEW, TABLE_NL, FOOTNOTES, GDOCS]
