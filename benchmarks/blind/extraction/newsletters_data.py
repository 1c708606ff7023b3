"""Texts and annotations for the blind newsletter set (blind-nyhetsbrev-*).

Every newsletter is a list of blocks. Team examples are wrapped in ("ex", id) ... ("endex",)
so the build script knows which text belongs to which example. The gold metadata for each
example (team, municipalities, ...) is written by hand below the blocks, from what the text says.

Block types:
  ("masthead", small_line_or_None, big_title, sub_line)
  ("h1", text) ("h2", text) ("p", text) ("runin", bold_title, text)
  ("bullets", [items])
  ("twolists", head_left, [items], head_right, [items])
  ("table", [header], [[row], ...])           contact table
  ("sidebar", [(heading, text), ...])          box beside the body (frame / floating table)
  ("cols", n)                                  DOCX: start a continuous section with n columns
  ("toc", intro_paras, box_title, [items])     HTML: intro beside an "I detta nummer" box
  ("contact", [[name, role, email], ...])      HTML: small contact table inside an example
  ("ex", id) / ("endex",)
"""

NEWSLETTERS = []

# ---------------------------------------------------------------------------------------------
# 1. DOCX, "Januari 2023" in the masthead, headed team sections with sub-headings, contact table,
#    "Sida X av Y" footer, a context heading that looks like a team ("Nya team i nätverket").
NEWSLETTERS.append(dict(
    stem="blind-nyhetsbrev-2023-01-natverkstraff",
    producer="docx",
    title="Bästa platsen att växa upp, leva och bo på",
    date="2023-01",
    header="Bästa platsen – lärandenätverket",
    footer_pages=True,
    footer_text=None,
    blocks=[
        ("masthead", None, "Bästa platsen att växa upp, leva och bo på",
         "Nyhetsbrev från lärandenätverket · Januari 2023"),
        ("h1", "Årets första nätverksträff"),
        ("p", "I januari samlades drygt 70 deltagare från tolv kommuner i lärandenätverket på "
              "Qulturum i Jönköping. Dagen inleddes med en återblick på hösten och en genomgång av "
              "hur teamen mäter sina förbättringar. Många vittnade om att det är lättare att komma "
              "vidare när man får höra hur andra har löst samma problem."),
        ("p", "Dagens program:"),
        ("bullets", ["Välkomna och incheckning i tvärgrupper",
                     "Tre team berättar om sitt arbete",
                     "Mätning i vardagen – hur ofta och hur enkelt?",
                     "Planering av vårens tester med coacherna"]),
        ("h1", "Nya team i nätverket"),
        ("p", "Vi hälsar två nya team välkomna: familjecentralen i Mullsjö och elevhälsan på en av "
              "Eksjös grundskolor. Båda teamen är i början av sitt arbete och kommer att berätta mer "
              "om sina planer under våren. Ta gärna kontakt med dem vid nästa träff!"),

        ("ex", "tenhult"),
        ("h1", "Närvaroteamet på Tenhultsskolan"),
        ("h2", "Nuläge"),
        ("p", "Tenhultsskolan har cirka 320 elever i årskurs F–9. Läsåret innan teamet bildades "
              "hade 41 elever mer än 15 procent frånvaro. Skolan har sedan 2015 följt frånvaron "
              "månad för månad, men uppföljningen stannade ofta vid statistik. I teamet ingår rektor "
              "Helena Björk, kurator Samir Haddad och skolsköterskan Ulrika Nyström. Tillsammans har "
              "de byggt en rutin där mentor, elevhälsa och vårdnadshavare träffas redan efter tre "
              "veckor med ökad frånvaro."),
        ("h2", "Positiva lärdomar"),
        ("p", "Samtalen med eleverna har gett mest. Vi ställer frågan vad som skulle få dig att vilja "
              "komma till skolan, och svaren är ofta konkreta: en lugn plats att börja dagen på, en "
              "vuxen som hälsar vid dörren eller hjälp att komma ikapp i matematik. Av de tolv elever "
              "som följts sedan oktober har åtta ökat sin närvaro."),
        ("p", "Kurator Samir Haddad beskriver att det ofta är små saker som avgör. En elev i årskurs 8 "
              "som hade varit borta nästan en tredjedel av höstterminen började komma regelbundet igen "
              "när hon fick starta dagen i biblioteket tillsammans med en elevassistent. – Vi hade "
              "aldrig hittat den lösningen om vi inte hade frågat henne, säger han."),
        ("h2", "Utmaningar på vägen"),
        ("p", "Det tar tid att hitta mötestider där alla kan delta. Vi har också märkt att "
              "mentorerna behöver stöd i hur de inleder samtalet med hemmet, så att det inte "
              "uppfattas som kritik av föräldrarna."),
        ("h2", "Nästa steg"),
        ("p", "Under våren testar teamet en morgonträff klockan 8.00 för elever som har svårt att "
              "komma i gång. Resultatet mäts varje månad och redovisas på nästa nätverksträff."),
        ("endex",),

        ("ex", "savsjo"),
        ("h1", "Hembesök tillsammans i Sävsjö"),
        ("h2", "Nuläge"),
        ("p", "Sedan i höstas erbjuds alla förstagångsföräldrar i Sävsjö kommun ett utökat "
              "hembesöksprogram med sex besök under barnets första 15 månader. Två av besöken görs "
              "gemensamt av barnsjuksköterska och föräldrarådgivare från socialtjänsten. Idén kom "
              "efter ett studiebesök i Nässjö, där arbetssättet har funnits i flera år."),
        ("h2", "Positiva lärdomar"),
        ("p", "Familjerna tar emot oss väl. Barnsjuksköterskan Karin Åberg berättar att föräldrarna "
              "ofta tar upp frågor om sömn, ekonomi och relationen i familjen redan vid första "
              "besöket. När socialtjänsten är med från början blir steget kortare till att be om "
              "stöd senare."),
        ("h2", "Utmaningar på vägen"),
        ("p", "Att samordna kalendrar mellan vårdcentralen i Vrigstad och socialtjänsten har varit "
              "svårare än väntat. Tolk behöver dessutom bokas i god tid."),
        ("h2", "Nästa steg"),
        ("p", "Vi mäter hur stor andel av besöken som blev gemensamma och hur många familjer som "
              "sedan tog kontakt med föräldrarådgivaren. Hittills har 19 av 24 planerade gemensamma "
              "besök genomförts. Föräldrarådgivaren Jonas Ek presenterar siffrorna för "
              "socialnämnden i mars."),
        ("endex",),

        ("ex", "habo"),
        ("h1", "Rörelserika raster på Furulidskolan"),
        ("h2", "Nuläge"),
        ("p", "På Furulidskolan i Habo visade en enkät att var fjärde elev i årskurs 3–5 mest står "
              "still eller sitter inne under rasterna. Fritidspedagogen Elin Strand och "
              "idrottsläraren Oskar Mäki har därför startat rastaktiviteter som leds av elever i "
              "årskurs 6."),
        ("h2", "Positiva lärdomar"),
        ("p", "Rastledarna har fått en kort utbildning och ett schema med lekar som kräver lite "
              "material. Yngre elever som tidigare höll sig nära väggen följer med när en äldre elev "
              "bjuder in till leken."),
        ("h2", "Utmaningar på vägen"),
        ("p", "Vädret, och att rastledarna byts efter varje lov. Vi behöver en enkel rutin för att "
              "lära upp nya rastledare."),
        ("h2", "Nästa steg"),
        ("p", "I februari räknar vi hur många elever som är aktiva på tre utvalda raster per vecka "
              "och jämför med mätningen från hösten. Om det fungerar vill teamet sprida modellen "
              "till fler skolor i kommunen."),
        ("endex",),

        ("h1", "Grupparbete: mäta utan att drunkna i data"),
        ("p", "Efter teamens presentationer arbetade deltagarna i tvärgrupper med sina mätplaner. "
              "Många team mäter för mycket och för sällan. Grupperna enades om att ett bra mått ska "
              "gå att ta fram på fem minuter, helst varje vecka, och att det ska visas i ett enkelt "
              "diagram som hela teamet kan se. Coacherna delar ut en mall för sådana diagram vid "
              "nästa träff."),
        ("h1", "Kommande träffar"),
        ("p", "Vårens nätverksträffar hålls torsdag 16 mars och onsdag 24 maj, båda dagarna klockan "
              "9.00–15.30 på Qulturum. Anmälan görs till din coach senast två veckor innan."),
        ("h1", "Coacher i lärandenätverket"),
        ("table", ["Namn", "Roll", "E-post", "Telefon"], [
            ["Anna-Karin Sjöberg", "Förbättringscoach, Qulturum", "anna-karin.sjoberg@rjl.exempel.se", "010-000 11 21"],
            ["Mikael Rosén", "Utvecklingsledare, Kommunal utveckling", "mikael.rosen@rjl.exempel.se", "010-000 11 34"],
            ["Fatima Ahmadi", "Folkhälsoplanerare, Folkhälsa och sjukvård", "fatima.ahmadi@rjl.exempel.se", "010-000 11 47"],
        ]),
    ],
    context_phrases=[
        "samlades drygt 70 deltagare från tolv kommuner",
        "Vi hälsar två nya team välkomna",
        "Planering av vårens tester med coacherna",
        "Vårens nätverksträffar hålls torsdag 16 mars",
        "Mikael Rosén",
        "ett bra mått ska gå att ta fram på fem minuter",
    ],
    examples={
        "tenhult": dict(
            pages=[1],
            title="Närvaroteamet på Tenhultsskolan", team="Närvaroteamet på Tenhultsskolan",
            municipalities=["Jönköping"], places=["Tenhultsskolan"],
            focus_areas=["Fullföljda studier"],
            interventions=["närvaroarbete", "tidig upptäckt"],
            actors=["skola", "elevhälsa", "vårdnadshavare", "barn och unga"],
            persons=[{"name": "Helena Björk", "role": "rektor"},
                     {"name": "Samir Haddad", "role": "kurator"},
                     {"name": "Ulrika Nyström", "role": "skolsköterska"}],
            inspired_by=[], stage="pågående",
            anchors=["Tenhultsskolan har cirka 320 elever",
                     "vad som skulle få dig att vilja komma till skolan",
                     "började komma regelbundet igen när hon fick",
                     "mentorerna behöver stöd i hur de inleder samtalet",
                     "testar teamet en morgonträff klockan 8.00"]),
        "savsjo": dict(
            pages=[2],
            title="Hembesök tillsammans i Sävsjö",
            team="Barnhälsovården och socialtjänsten i Sävsjö",
            municipalities=["Sävsjö"], places=["Vrigstad"],
            focus_areas=["Psykisk hälsa"],
            interventions=["gemensamma hembesök", "utökat hembesöksprogram"],
            actors=["barnhälsovård", "socialtjänst", "vårdnadshavare", "vårdcentral"],
            persons=[{"name": "Karin Åberg", "role": "barnsjuksköterska"},
                     {"name": "Jonas Ek", "role": "föräldrarådgivare"}],
            inspired_by=["Nässjö"], stage="pågående",
            anchors=["erbjuds alla förstagångsföräldrar i Sävsjö kommun",
                     "Idén kom efter ett studiebesök i Nässjö",
                     "Barnsjuksköterskan Karin Åberg berättar att föräldrarna",
                     "Tolk behöver dessutom bokas i god tid",
                     "presenterar siffrorna för socialnämnden i mars"]),
        "habo": dict(
            pages=[2],
            title="Rörelserika raster på Furulidskolan", team="Furulidskolan",
            municipalities=["Habo"], places=["Furulidskolan"],
            focus_areas=["Fysisk aktivitet"],
            interventions=["rastaktiviteter", "elevledda raster"],
            actors=["skola", "barn och unga"],
            persons=[{"name": "Elin Strand", "role": "fritidspedagog"},
                     {"name": "Oskar Mäki", "role": "idrottslärare"}],
            inspired_by=[], stage="startad",
            anchors=["var fjärde elev i årskurs 3–5",
                     "Rastledarna har fått en kort utbildning",
                     "Vi behöver en enkel rutin",
                     "sprida modellen till fler skolor i kommunen"]),
    },
))

# ---------------------------------------------------------------------------------------------
# 2. DOCX with a two-column section, "Hösten 2021", run-in bold titles, "Namn, roll" and
#    "roll Namn", a speaker section whose heading looks like an example, a cited report (2017).
NEWSLETTERS.append(dict(
    stem="blind-nyhetsbrev-hosten-2021-tvaspalt",
    producer="docx",
    title="Bästa platsen att växa upp, leva och bo på",
    date="2021",
    header=None,
    footer_pages=True,
    footer_text=None,
    blocks=[
        ("masthead", None, "Bästa platsen att växa upp, leva och bo på", "Nyhetsbrev · Hösten 2021"),
        ("h1", "Äntligen ses vi igen"),
        ("p", "Efter en lång period av digitala möten kunde lärandenätverket i höstas träffas på plats "
              "i Nässjö. Drygt femtio deltagare från socialtjänst, skola, fritid och hälso- och "
              "sjukvård fick under en dag dela erfarenheter och planera nästa steg. Nätverket har "
              "funnits sedan 2015 och har i dag team i alla länets tretton kommuner."),
        ("h1", "Föreläsning: Skolans roll för psykisk hälsa"),
        ("p", "Dagens gästföreläsare, docent Ingrid Malmberg från Hälsohögskolan, talade om hur "
              "skolans vardag påverkar elevers psykiska hälsa. Hon hänvisade till en uppföljning från "
              "Folkhälsomyndigheten (2017) som visar att känslan av sammanhang i skolan är en av de "
              "starkaste skyddsfaktorerna. – Det handlar inte om fler insatser, utan om att de vuxna "
              "som redan finns runt eleven ser och agerar tidigt, sa Ingrid Malmberg."),
        ("h1", "Exempel från teamen"),
        ("cols", 2),
        ("ex", "anneberg"),
        ("runin", "Läxcafé med pensionerade lärare i Anneberg.",
         "Lena Forsberg, speciallärare på Annebergsskolan, och Gunnar Holm, pensionerad "
         "gymnasielärare, berättade om läxcaféet som startade i februari. Varje tisdag och torsdag "
         "efter skolan kan elever i årskurs 4–9 komma till skolbiblioteket och få hjälp av en grupp "
         "pensionerade lärare. Idén kom från föräldraföreningen, som såg att många barn saknade "
         "någon hemma som kunde förklara matematik och svenska."),
        ("p", "I dag är sju seniorer engagerade och i genomsnitt kommer 18 elever per tillfälle. "
              "Skolan bjuder på frukt och smörgås, och PRO Anneberg hjälper till att hitta nya "
              "volontärer. – Eleverna säger att de vågar fråga mer när det inte är deras egen lärare, "
              "berättade Gunnar Holm. Teamet följer upp hur många av deltagarna som når godkänt i "
              "matematik och vill under våren prova samma upplägg på fritidsgården."),
        ("endex",),
        ("ex", "skillingaryd"),
        ("runin", "Knattegympan är tillbaka i Skillingaryd.",
         "Under pandemin låg familjecentralens knattegympa nere, men nu är den igång igen. "
         "Förskollärare Sofia Lund på den öppna förskolan och Ahmed Yusuf, ledare i Skillingaryds "
         "gymnastikförening, leder passen varje fredagsförmiddag i Folkets hus. Barn mellan ett och "
         "fyra år kommer tillsammans med en vuxen, och passen bygger på enkla rörelser, sång och "
         "hinderbanor. Passen är gratis och kräver ingen anmälan."),
        ("p", "Redan första veckan kom 23 barn, och flera av familjerna hade aldrig tidigare besökt "
              "familjecentralen. Sofia Lund berättade att gympan har blivit en väg in till annat "
              "stöd: efter passet stannar många kvar på fika och ställer frågor till "
              "barnsjuksköterskan. Föreningen ser också en chans att nå nya medlemmar. Nästa steg är "
              "att erbjuda ett pass på lördagar för föräldrar som arbetar dagtid. Teamet ska också räkna "
              "hur många familjer som kommer tillbaka minst tre gånger."),
        ("endex",),
        ("ex", "eksjo"),
        ("runin", "Kamratstödjare på Eksjö gymnasium.",
         "Elevhälsan på Eksjö gymnasium har utbildat tolv elever till kamratstödjare. Kurator Maja "
         "Sundberg beskrev hur idén växte fram efter en enkät där var tredje elev i årskurs 1 svarade "
         "att de sällan hade någon att prata med på rasterna. Kamratstödjarna finns i "
         "uppehållsrummet två luncher i veckan, bjuder in till spelkvällar och är med när nya elever "
         "introduceras. Upplägget hämtade teamet från en gymnasieskola i Linköping, som de besökte "
         "under våren."),
        ("p", "Elias Karlsson, elev i årskurs 2 och en av kamratstödjarna, berättade att det "
              "viktigaste är att ingen ska behöva äta lunch ensam. Kamratstödjarna har handledning "
              "varannan vecka med kuratorn och vet när de ska lämna över till en vuxen. Hittills har de "
              "haft ett fyrtiotal samtal, och i fem fall har de hjälpt en kamrat att ta kontakt med "
              "elevhälsan. "
              "Ungdomsmottagningen medverkar i utbildningen. Teamet mäter upplevd trygghet med tre "
              "frågor i början och i slutet av varje termin."),
        ("endex",),
        ("cols", 1),
        ("h1", "Grupparbete: vad behöver vi av varandra?"),
        ("p", "Under eftermiddagen arbetade deltagarna i blandade grupper med frågan om vad som krävs "
              "för att ett bra exempel ska kunna spridas till fler kommuner. Grupperna lyfte tre "
              "saker: enkla beskrivningar av arbetssättet, en kontaktperson som går att ringa och att "
              "resultaten redovisas på samma sätt. Coacherna tar med sig förslagen till styrgruppen."),
        ("h1", "Dina coacher"),
        ("p", "Karin Wetterholm, förbättringscoach, Qulturum"),
        ("p", "Per-Olof Dahl, utvecklingsledare, Kommunal utveckling"),
        ("p", "Nadia Rahimi, folkhälsostrateg, Folkhälsa och sjukvård"),
        ("p", "Nästa träff: onsdag 1 december i Vaggeryd."),
    ],
    context_phrases=[
        "kunde lärandenätverket i höstas träffas på plats i Nässjö",
        "Dagens gästföreläsare, docent Ingrid Malmberg",
        "Grupperna lyfte tre saker",
        "Per-Olof Dahl, utvecklingsledare",
        "Nästa träff: onsdag 1 december i Vaggeryd.",
    ],
    examples={
        "anneberg": dict(
            pages=[1],
            title="Läxcafé med pensionerade lärare i Anneberg", team="Annebergsskolan",
            municipalities=["Nässjö"], places=["Anneberg", "Annebergsskolan"],
            focus_areas=["Fullföljda studier"],
            interventions=["läxcafé med seniorer", "läxhjälp"],
            actors=["skola", "civilsamhälle", "förening", "vårdnadshavare", "barn och unga"],
            persons=[{"name": "Lena Forsberg", "role": "speciallärare"},
                     {"name": "Gunnar Holm", "role": "pensionerad gymnasielärare"}],
            inspired_by=[], stage="pågående",
            anchors=["Lena Forsberg, speciallärare på",
                     "komma till skolbiblioteket och få hjälp av en",
                     "genomsnitt kommer 18 elever per tillfälle",
                     "deltagarna som når godkänt i matematik"]),
        "skillingaryd": dict(
            pages=[1],
            title="Knattegympan är tillbaka i Skillingaryd", team="Familjecentralen i Skillingaryd",
            municipalities=["Vaggeryd"], places=["Skillingaryd"],
            focus_areas=["Fysisk aktivitet"],
            interventions=["knattegympa", "öppen förskola", "familjecentral"],
            actors=["familjecentral", "öppen förskola", "förening", "vårdnadshavare", "barnhälsovård"],
            persons=[{"name": "Sofia Lund", "role": "förskollärare"},
                     {"name": "Ahmed Yusuf", "role": "ledare"}],
            inspired_by=[], stage="pågående",
            anchors=["Under pandemin låg familjecentralens",
                     "varje fredagsförmiddag i Folkets hus",
                     "gympan har blivit en väg in till annat",
                     "steg är att erbjuda ett pass på lördagar"]),
        "eksjo": dict(
            pages=[1, 2],
            title="Kamratstödjare på Eksjö gymnasium", team="Elevhälsan på Eksjö gymnasium",
            municipalities=["Eksjö"], places=["Eksjö gymnasium"],
            focus_areas=["Psykisk hälsa"],
            interventions=["kamratstöd"],
            actors=["skola", "elevhälsa", "barn och unga", "ungdomsmottagning"],
            persons=[{"name": "Maja Sundberg", "role": "kurator"},
                     {"name": "Elias Karlsson", "role": "elev"}],
            inspired_by=["Linköping"], stage="pågående",
            anchors=["Sundberg beskrev hur idén växte fram efter en",
                     "enkät där var tredje elev i årskurs 1",
                     "hämtade teamet från en gymnasieskola i",
                     "att ingen ska behöva äta lunch ensam",
                     "Teamet mäter upplevd trygghet"]),
    },
))

# ---------------------------------------------------------------------------------------------
# 3. ODT, "vt 2024", a text frame (BAKGRUND / SYFTE OCH MÅL / ANGREPPSSÄTT) beside the intro,
#    headed sections with Resultat, two short lists side by side followed by a paragraph,
#    "vi tog inspiration från Värnamo", a place not naming its municipality (Ekenässjön).
NEWSLETTERS.append(dict(
    stem="blind-nyhetsbrev-vt-2024-ram",
    producer="odt",
    title="Bästa platsen att växa upp, leva och bo på",
    date="2024",
    header="Nyhetsbrev vt 2024",
    footer_pages=True,
    footer_text=None,
    blocks=[
        ("masthead", None, "Bästa platsen att växa upp, leva och bo på",
         "Nyhetsbrev från lärandenätverket · vt 2024"),
        ("sidebar", [
            ("BAKGRUND", "Bästa platsen är ett samarbete mellan Region Jönköpings län och länets 13 "
                         "kommuner. Arbetet tar avstamp i SKR:s strategi för hälsa och har hämtat "
                         "idéer från Skottland och Cincinnati."),
            ("SYFTE OCH MÅL", "Barns och ungas hälsa ska förbättras med två procentenheter per år "
                              "inom fullföljda studier, psykisk hälsa och fysisk aktivitet."),
            ("ANGREPPSSÄTT", "Lokala förbättringsteam testar förändringar i liten skala, mäter och "
                             "delar med sig i ett lärandenätverk med stöd av coacher."),
        ]),
        ("h1", "Välkommen till vårterminens första träff"),
        ("p", "Terminens första nätverksträff hölls i Tranås med temat tidig upptäckt. Över sextio "
              "deltagare lyssnade på tre team och arbetade sedan i grupper med sina egna mätplaner. "
              "I det här numret kan du läsa om teamens arbete och om datumen för vårens fortsatta "
              "träffar."),
        ("p", "Många team har nu kommit förbi planeringen och testar i praktiken. Coacherna påminde "
              "om att det är bättre att testa något litet i morgon än något stort om ett halvår, och "
              "att en enkel mätning som görs varje vecka säger mer än en stor enkät en gång om året. "
              "Flera team bad om mer tid för erfarenhetsutbyte mellan kommunerna, och det tar vi med "
              "oss till nästa träff."),

        ("ex", "tranas"),
        ("h1", "Elevhälsocentralen i Tranås – en pilot"),
        ("h2", "Nuläge"),
        ("p", "När barnet börjar förskoleklass tar familjecentralens uppdrag slut, och det är lätt "
              "att kunskapen om barnet stannar kvar där. Elevhälsocentralen i Tranås startade som "
              "pilot förra läsåret och samlar skolsköterskor, psykolog, kurator och specialpedagog "
              "under samma tak. Teamet tar emot överlämningar från familjecentralen och följer "
              "barnen fram till årskurs 3."),
        ("h2", "Resultat"),
        ("p", "Skolsköterska Anneli Gustavsson berättade att 46 barn hittills har överlämnats med "
              "föräldrarnas samtycke. I elva fall har elevhälsan kunnat sätta in stöd redan under "
              "första terminen, något som tidigare ofta dröjde till årskurs 2. Petra Olsson, "
              "psykolog, betonade att de korta avstämningarna varje vecka är det som gör skillnad."),
        ("h2", "Nästa steg"),
        ("p", "Under våren ska teamet ta fram en gemensam blankett för överlämning och pröva ett "
              "samtal med vårdnadshavare före skolstarten. Målet är att alla skolor i Tranås ska "
              "ingå från hösten."),
        ("endex",),

        ("ex", "gislaved"),
        ("h1", "Föräldrastöd i grupp på Familjecentralen Ljuset"),
        ("h2", "Nuläge"),
        ("p", "Familjecentralen Ljuset i Gislaved har sedan i höstas erbjudit föräldrastöd i grupp "
              "för föräldrar med barn mellan två och fem år. Grupperna träffas sex gånger och leds "
              "av en barnsjuksköterska och en socionom från socialtjänstens förebyggande enhet. Vi "
              "tog inspiration från Värnamo, där familjecentralerna har arbetat med ett gemensamt "
              "grundpaket i flera år."),
        ("h2", "Lärdomar"),
        ("twolists", "Det här fungerade",
         ["Barnpassning under träffarna", "Träffar direkt efter förskolan", "Samma två ledare varje gång"],
         "Det här ändrar vi",
         ["Kortare teoripass", "Tolk vid varje träff", "Påminnelse per sms dagen innan"]),
        ("p", "Av 22 anmälda föräldrar fullföljde 17 hela kursen. Barnsjuksköterskan Emma Karlberg "
              "och socionomen Nermin Begić vill nu erbjuda en grupp på arabiska och en på somaliska, "
              "och familjecentralen i Anderstorp står näst på tur att börja med grupperna."),
        ("endex",),

        ("ex", "ekenassjon"),
        ("h1", "Allaktivitetshus i Ekenässjön"),
        ("h2", "Nuläge"),
        ("p", "Ekenässjöns skola och fritidsgården Gnistan, som har funnits i samhället sedan 1998, har "
              "gått ihop för att förlänga skoldagen. "
              "Tre eftermiddagar i veckan är skolans lokaler öppna till klockan 18 med läxhjälp, "
              "idrottshall och skapande verksamhet. Förebilden är en skola i Araby i Växjö, som "
              "teamet besökte under hösten."),
        ("h2", "Utmaningar på vägen"),
        ("p", "Det har krävts många samtal om vem som ansvarar för lokalerna, nycklarna och "
              "städningen. Fritidsledaren Kevin Andersson berättade att det också tog tid innan de "
              "äldre eleverna litade på att de fick stanna kvar."),
        ("h2", "Resultat"),
        ("p", "Under de första tio veckorna har i genomsnitt 34 elever deltagit per kväll, och "
              "ungefär hälften av dem är inte med i någon förening. Rektor Lisa Ekström ser redan "
              "färre konflikter på morgnarna. Teamet fortsätter att mäta deltagande och närvaro "
              "under hela våren."),
        ("endex",),

        ("h1", "Kommande datum"),
        ("bullets", ["Nätverksträff 2: tisdag 12 mars, Jönköping",
                     "Nätverksträff 3: torsdag 16 maj, Värnamo",
                     "Sista dag att skicka in posters: 26 april"]),
    ],
    context_phrases=[
        "Lokala förbättringsteam testar",
        "Terminens första nätverksträff hölls i Tranås",
        "bättre att testa något litet i morgon",
        "Sista dag att skicka in posters",
    ],
    examples={
        "tranas": dict(
            pages=[1],
            title="Elevhälsocentralen i Tranås – en pilot", team="Elevhälsocentralen i Tranås",
            municipalities=["Tranås"], places=[],
            focus_areas=["Psykisk hälsa", "Fullföljda studier"],
            interventions=["elevhälsocentral", "överlämning förskola–skola", "tidig upptäckt"],
            actors=["elevhälsa", "familjecentral", "skola", "vårdnadshavare"],
            persons=[{"name": "Anneli Gustavsson", "role": "skolsköterska"},
                     {"name": "Petra Olsson", "role": "psykolog"}],
            inspired_by=[], stage="pågående",
            anchors=["När barnet börjar förskoleklass tar familjecentralens uppdrag slut",
                     "Skolsköterska Anneli Gustavsson berättade att 46 barn",
                     "de korta avstämningarna varje vecka",
                     "alla skolor i Tranås ska ingå"]),
        "gislaved": dict(
            pages=[1, 2],
            title="Föräldrastöd i grupp på Familjecentralen Ljuset",
            team="Familjecentralen Ljuset i Gislaved",
            municipalities=["Gislaved"], places=["Familjecentralen Ljuset", "Anderstorp"],
            focus_areas=["Psykisk hälsa"],
            interventions=["föräldrastöd i grupp", "familjecentral"],
            actors=["familjecentral", "barnhälsovård", "socialtjänst", "vårdnadshavare"],
            persons=[{"name": "Emma Karlberg", "role": "barnsjuksköterska"},
                     {"name": "Nermin Begić", "role": "socionom"}],
            inspired_by=["Värnamo"], stage="pågående",
            anchors=["Grupperna träffas sex gånger och leds",
                     "tog inspiration från Värnamo",
                     "Samma två ledare varje gång",
                     "Av 22 anmälda föräldrar fullföljde 17",
                     "en grupp på arabiska och en på somaliska"]),
        "ekenassjon": dict(
            pages=[2],
            title="Allaktivitetshus i Ekenässjön", team="Ekenässjöns skola och fritidsgården Gnistan",
            municipalities=["Vetlanda"], places=["Ekenässjön", "Ekenässjöns skola", "fritidsgården Gnistan"],
            focus_areas=["Fullföljda studier", "Fysisk aktivitet"],
            interventions=["allaktivitetshus", "läxhjälp"],
            actors=["skola", "fritid", "barn och unga"],
            persons=[{"name": "Kevin Andersson", "role": "fritidsledare"},
                     {"name": "Lisa Ekström", "role": "rektor"}],
            inspired_by=["Växjö"], stage="startad",
            anchors=["gått ihop för att förlänga skoldagen",
                     "Förebilden är en skola i Araby i Växjö",
                     "vem som ansvarar för lokalerna, nycklarna och städningen",
                     "i genomsnitt 34 elever deltagit per kväll",
                     "mäta deltagande och närvaro under hela våren"]),
    },
))

# ---------------------------------------------------------------------------------------------
# 4. ODT, the year only in the footer ("Region Jönköpings län · 2022"), run-in bold titles,
#    a digital parents' evening in several languages, joint home visit told only in running
#    text, inspiration from Råslätt (Jönköping), a finished project, "år 2020" in a speaker note.
NEWSLETTERS.append(dict(
    stem="blind-nyhetsbrev-2022-sidfot",
    producer="odt",
    title="Nätverksnytt från Bästa platsen",
    date="2022",
    header=None,
    footer_pages=True,
    footer_text="Region Jönköpings län · 2022",
    blocks=[
        ("masthead", "Bästa platsen att växa upp, leva och bo på", "Nätverksnytt från Bästa platsen", None),
        ("h1", "Från träffen i Gnosjö"),
        ("p", "Drygt sextio personer kom till Gnosjö för nätverkets andra träff för året. Temat var "
              "barns delaktighet, och dagen varvade föreläsning med korta presentationer från "
              "teamen. Tack till Gnosjö kommun för ett fint värdskap!"),
        ("p", "Så här såg dagen ut:"),
        ("bullets", ["Kaffe och mingel i Gnosjö Folkets hus",
                     "Föreläsning om barns delaktighet",
                     "Tre team berättar om sitt arbete",
                     "Grupparbete: hur frågar vi barnen?",
                     "Avslutning och medskick till nästa träff"]),
        ("h1", "Föreläsning: Barns rätt att bli lyssnade på"),
        ("p", "Barnrättsstrateg Malin Hedberg gick igenom vad det innebär att barnkonventionen har "
              "blivit svensk lag och gav exempel på hur team kan fråga barnen själva innan de testar "
              "en förändring. Hon påminde om att Sverige ratificerade konventionen redan 1990, men att "
              "det dröjde till år 2020 innan den blev lag."),
        ("h1", "Teamen berättar"),
        ("ex", "anderstorp"),
        ("runin", "Digitalt föräldramöte på flera språk.",
         "Skogsgårdsskolan i Anderstorp har många vårdnadshavare som inte har svenska som "
         "förstaspråk, och till de senaste föräldramötena kom bara var femte förälder. Rektor Amra "
         "Hodžić och modersmålsläraren Tigist Bekele bestämde sig därför för att testa ett digitalt "
         "föräldramöte där samma information gavs på fyra språk: svenska, arabiska, tigrinja och "
         "bosniska. Inbjudan skickades ut både via lärplattformen och som sms, och klassföreträdarna "
         "hjälpte till att sprida den. Föräldrarna valde själva vilket språkrum de ville gå in i."),
        ("p", "– Vi fick frågor som vi aldrig har fått på ett vanligt föräldramöte, om betyg, om "
              "frånvaro och om vem man ringer när barnet är sjukt, berättade Tigist Bekele. Till det "
              "digitala mötet loggade 71 vårdnadshavare in. Teamet har nu bestämt att alla "
              "föräldramöten i årskurs 7–9 ska erbjudas både på plats och digitalt, och att elevhälsan "
              "ska vara med och presentera sig."),
        ("endex",),
        ("ex", "gnosjo"),
        ("runin", "Ett första besök – tillsammans.",
         "I Gnosjö har barnhälsovården och socialtjänsten börjat samarbeta kring familjer som "
         "väntar sitt första barn. När barnet är några veckor gammalt åker barnsjuksköterskan och en "
         "familjebehandlare från socialtjänsten hem till familjen tillsammans. Hanna Gärdekrans, "
         "barnsjuksköterska på Gnosjö vårdcentral, berättade att tanken är att föräldrarna ska få "
         "ett ansikte på socialtjänsten i ett läge där ingen oro finns. Inför besöken har teamet tagit "
         "fram ett gemensamt samtalsstöd, så att föräldrarna inte behöver svara på samma frågor två "
         "gånger."),
        ("p", "Arbetssättet har de hämtat från familjecentralen på Råslätt i Jönköping, som teamet "
              "besökte i våras. Hittills har fem familjer fått besök, och alla har tackat ja. "
              "Familjebehandlare Robert Lind tycker att samtalen blir mer avslappnade än väntat. "
              "Teamet ska räkna hur många familjer som tackar ja och hur många som själva hör av sig "
              "till socialtjänsten under barnets första år."),
        ("endex",),
        ("ex", "mullsjo"),
        ("runin", "Sommarlov i rörelse i Mullsjö.",
         "Under sommarlovet erbjöd fritidsenheten i Mullsjö tillsammans med sju föreningar gratis "
         "prova-på-veckor för barn mellan 8 och 14 år. Barnen kunde prova allt från orientering och "
         "paddling till klättring och innebandy. Fritidsledaren Johan Persson berättade att "
         "aktiviteterna lades nära bostadsområdena och att varken förkunskaper eller egen utrustning "
         "behövdes. Föreningarna fick ett litet bidrag per ledartimme, och kommunens sommarjobbare hjälpte "
         "till som extra ledare. Varje vecka avslutades med en gemensam grillkväll dit hela familjen var "
         "välkommen."),
        ("p", "Totalt deltog 212 barn, och 64 av dem hade inte tidigare varit med i någon förening. "
              "Efter sommaren har 19 barn fortsatt i en av de medverkande föreningarna. Projektet "
              "avslutades i augusti och utvärderingen är klar. Teamet lämnar nu över arbetssättet "
              "till kultur- och fritidsnämnden, som ska besluta om det ska bli en del av det "
              "ordinarie sommarlovsutbudet."),
        ("endex",),
        ("h1", "Grupparbete om delaktighet"),
        ("p", "I grupparbetet fick varje team formulera en fråga som de ska ställa till barnen innan "
              "nästa test. Många grupper valde att fråga om trygghet i skolan och på vägen dit."),
        ("h1", "Nästa träff"),
        ("p", "Nästa nätverksträff hålls i Värnamo tisdag 8 november. Inbjudan skickas ut via "
              "coacherna."),
    ],
    context_phrases=[
        "Tack till Gnosjö kommun för ett fint värdskap!",
        "Barnrättsstrateg Malin Hedberg gick igenom",
        "fick varje team formulera en fråga",
        "Nästa nätverksträff hålls i Värnamo",
        "Region Jönköpings län · 2022",
    ],
    examples={
        "anderstorp": dict(
            pages=[1],
            title="Digitalt föräldramöte på flera språk", team="Skogsgårdsskolan i Anderstorp",
            municipalities=["Gislaved"], places=["Anderstorp", "Skogsgårdsskolan"],
            focus_areas=["Fullföljda studier"],
            interventions=["digitalt föräldramöte på flera språk"],
            actors=["skola", "vårdnadshavare", "elevhälsa"],
            persons=[{"name": "Amra Hodžić", "role": "rektor"},
                     {"name": "Tigist Bekele", "role": "modersmålslärare"}],
            inspired_by=[], stage="pågående",
            anchors=["har många vårdnadshavare som inte har svenska",
                     "på fyra språk: svenska, arabiska, tigrinja",
                     "Till det digitala mötet loggade 71 vårdnadshavare in",
                     "ska erbjudas både på plats och digitalt"]),
        "gnosjo": dict(
            pages=[1],
            title="Ett första besök – tillsammans",
            team="Barnhälsovården och socialtjänsten i Gnosjö",
            municipalities=["Gnosjö"], places=["Gnosjö vårdcentral"],
            focus_areas=["Psykisk hälsa"],
            interventions=["gemensamma hembesök"],
            actors=["barnhälsovård", "socialtjänst", "vårdcentral", "vårdnadshavare"],
            persons=[{"name": "Hanna Gärdekrans", "role": "barnsjuksköterska"},
                     {"name": "Robert Lind", "role": "familjebehandlare"}],
            inspired_by=["Jönköping"], stage="startad",
            anchors=["familjer som väntar sitt första barn",
                     "hem till familjen tillsammans",
                     "hämtat från familjecentralen på Råslätt i Jönköping",
                     "hur många som själva hör av sig"]),
        "mullsjo": dict(
            pages=[1, 2],
            title="Sommarlov i rörelse i Mullsjö", team="Fritidsenheten i Mullsjö",
            municipalities=["Mullsjö"], places=[],
            focus_areas=["Fysisk aktivitet"],
            interventions=["prova-på-aktiviteter", "sommarlovsaktiviteter"],
            actors=["fritid", "förening", "barn och unga"],
            persons=[{"name": "Johan Persson", "role": "fritidsledare"}],
            inspired_by=[], stage="avslutad",
            anchors=["tillsammans med sju föreningar gratis prova-på-veckor",
                     "aktiviteterna lades nära bostadsområdena",
                     "64 av dem hade inte tidigare varit med",
                     "Projektet avslutades i augusti och utvärderingen är klar"]),
    },
))

# ---------------------------------------------------------------------------------------------
# 5. HTML e-mail (table layout, inline CSS) printed with Chromium. Full date in the intro
#    ("den 14 mars 2024"), an "I detta nummer" box beside the intro, a lived-experience speaker
#    (context), SMS at the first absence told only in running text, contact tables per example
#    with e-mail, a planned example, places without their municipality (Bodafors, Frinnaryd).
NEWSLETTERS.append(dict(
    stem="blind-nyhetsbrev-2024-03-14-epost",
    producer="html",
    title="Bästa platsen att växa upp, leva och bo på",
    date="2024-03-14",
    blocks=[
        ("masthead", "Nyhetsbrev från lärandenätverket", "Bästa platsen att växa upp, leva och bo på",
         "Region Jönköpings län och länets 13 kommuner"),
        ("toc", [
            "Hej alla i nätverket!",
            "Tack till alla som deltog på nätverksträffen den 14 mars 2024 i Eksjö. Vi var 82 "
            "deltagare från elva kommuner, och dagen bjöd på både skratt och allvar. Här kommer en "
            "sammanfattning med tre exempel från teamen.",
        ], "I detta nummer", [
            "En förälders berättelse", "Snabb kontakt med hemmet", "Trygghetscirkeln i Eksjö",
            "Cykelveckan i Frinnaryd", "Kalendarium och coacher"]),
        ("h1", "Föreläsning: En förälders berättelse"),
        ("p", "Eftermiddagen inleddes av Camilla Strand, som själv har levt med psykisk ohälsa som "
              "förälder. Hon berättade om åren då familjen hade kontakt med fem olika verksamheter "
              "som aldrig pratade med varandra. – Jag hade önskat att någon tog ett samlat grepp, sa "
              "hon. Hennes berättelse blev en bra start på grupparbetet om samverkan."),
        ("ex", "bodafors"),
        ("h1", "Snabb kontakt med hemmet på Skogsbyskolan"),
        ("p", "På Skogsbyskolan i Bodafors har frånvaron ökat sedan 2019. Teamet, som består av "
              "biträdande rektor, skolsköterska och två mentorer, har därför ändrat rutinen för hur "
              "hemmet kontaktas. I stället för att vänta tills frånvaron har blivit ett mönster "
              "skickar skolan nu ett sms till vårdnadshavaren redan samma förmiddag som eleven är "
              "borta utan anmälan. Meddelandet är kort och vänligt och avslutas med en fråga om allt "
              "är bra."),
        ("p", "Om frånvaron upprepas ringer mentorn hem inom en vecka, och vid tredje tillfället bjuds "
              "familjen in till ett samtal med elevhälsan. Sara Nilsson, biträdande rektor, berättade "
              "att många föräldrar blev förvånade över att skolan hörde av sig så snabbt, men att de "
              "flesta uppskattar det. Under de första åtta veckorna minskade den ogiltiga frånvaron i "
              "årskurs 7 från 4,1 till 2,6 procent. Teamet vill nu se om effekten håller i sig över "
              "en hel termin."),
        ("contact", [["Sara Nilsson", "biträdande rektor", "sara.nilsson@nassjo.exempel.se"],
                     ["Jenny Holmberg", "skolsköterska", "jenny.holmberg@nassjo.exempel.se"]]),
        ("endex",),
        ("ex", "eksjo_tc"),
        ("h1", "Trygghetscirkeln på familjecentralen i Eksjö"),
        ("p", "Familjecentralen i Eksjö erbjuder sedan i höstas Trygghetscirkeln, en "
              "föräldrautbildning om barnets behov av trygghet och av att få utforska. Två "
              "förskollärare från öppna förskolan och en kurator från socialtjänsten har utbildat "
              "sig till gruppledare. Grupperna träffas åtta gånger och riktar sig till föräldrar med "
              "barn mellan ett och sex år."),
        ("p", "Föräldrarna fyller i ett kort formulär före den första och efter den sista träffen. "
              "Hittills har två grupper avslutats, och de flesta föräldrar säger att de känner sig "
              "säkrare i hur de ska bemöta sitt barn när det är ledset eller argt. Kuratorn Anders "
              "Wik berättade att flera föräldrar själva har bett om en uppföljningsträff efter ett "
              "halvår. Nästa grupp startar efter påsk, och teamet vill också nå fler pappor genom en "
              "grupp på kvällstid."),
        ("contact", [["Anders Wik", "kurator", "anders.wik@eksjo.exempel.se"],
                     ["Linnéa Fransson", "förskollärare", "linnea.fransson@eksjo.exempel.se"]]),
        ("endex",),
        ("ex", "frinnaryd"),
        ("h1", "Cykelveckan i Frinnaryd"),
        ("p", "Föräldrar i Frinnaryd har länge varit oroliga för trafiken vid skolan, och de flesta "
              "barn skjutsas med bil trots att de bor nära. Skolan, föräldraföreningen och kommunens "
              "fritidsenhet planerar därför en cykelvecka i maj där alla elever i årskurs 1–6 "
              "uppmuntras att cykla eller gå till skolan. Äldre elever ska vara cykelkompisar åt de "
              "yngre, och föräldrar turas om att stå vid övergångsställena. Den lokala cykelklubben har "
              "lovat att komma till skolan och laga cyklar på måndagen."),
        ("p", "Idén kommer från Vaggeryd, där en liknande vecka har ordnats i flera år. Läraren "
              "Mattias Roos berättade att teamet ska räkna cyklarna i cykelstället varje morgon två "
              "veckor före, under och efter cykelveckan. Målet är att andelen elever som tar sig till "
              "skolan på egen hand ska öka med tio procentenheter."),
        ("contact", [["Mattias Roos", "lärare", "mattias.roos@aneby.exempel.se"],
                     ["Frida Ljung", "ordförande i föräldraföreningen", "frida.ljung@exempel.se"]]),
        ("endex",),
        ("h1", "Kalendarium"),
        ("bullets", ["Nätverksträff: torsdag 16 maj, Jönköping",
                     "Postertävling: sista dag 30 april",
                     "Webbinarium om mätning: tisdag 9 april kl. 13–14"]),
        ("h1", "Coacher"),
        ("table", ["Namn", "Roll", "E-post", "Telefon"], [
            ["Ylva Bergqvist", "Förbättringscoach, Qulturum", "ylva.bergqvist@rjl.exempel.se", "010-000 22 10"],
            ["Daniel Öhman", "Utvecklingsledare, Kommunal utveckling", "daniel.ohman@rjl.exempel.se", "010-000 22 31"],
        ]),
        ("p_small", "Du får detta nyhetsbrev eftersom du deltar i lärandenätverket Bästa platsen. "
                    "Vill du inte längre få utskicket? Svara på mejlet så tar vi bort dig."),
    ],
    context_phrases=[
        "Vi var 82 deltagare från elva kommuner",
        "som själv har levt med psykisk ohälsa som förälder",
        "Postertävling: sista dag 30 april",
        "Du får detta nyhetsbrev eftersom du deltar",
        "Ylva Bergqvist",
    ],
    examples={
        "bodafors": dict(
            pages=[1],
            title="Snabb kontakt med hemmet på Skogsbyskolan", team="Skogsbyskolan i Bodafors",
            municipalities=["Nässjö"], places=["Bodafors", "Skogsbyskolan"],
            focus_areas=["Fullföljda studier"],
            interventions=["närvaroarbete", "sms vid första frånvaron"],
            actors=["skola", "elevhälsa", "vårdnadshavare"],
            persons=[{"name": "Sara Nilsson", "role": "biträdande rektor"},
                     {"name": "Jenny Holmberg", "role": "skolsköterska"}],
            inspired_by=[], stage="pågående",
            anchors=["På Skogsbyskolan i Bodafors har frånvaron ökat",
                     "skickar skolan nu ett sms till vårdnadshavaren",
                     "vid tredje tillfället bjuds familjen in",
                     "från 4,1 till 2,6 procent",
                     "se om effekten håller i sig"]),
        "eksjo_tc": dict(
            pages=[1, 2],
            title="Trygghetscirkeln på familjecentralen i Eksjö", team="Familjecentralen i Eksjö",
            municipalities=["Eksjö"], places=[],
            focus_areas=["Psykisk hälsa"],
            interventions=["Trygghetscirkeln", "föräldrastöd i grupp"],
            actors=["familjecentral", "öppen förskola", "socialtjänst", "vårdnadshavare"],
            persons=[{"name": "Anders Wik", "role": "kurator"},
                     {"name": "Linnéa Fransson", "role": "förskollärare"}],
            inspired_by=[], stage="pågående",
            anchors=["erbjuder sedan i höstas Trygghetscirkeln",
                     "Grupperna träffas åtta gånger",
                     "säkrare i hur de ska bemöta sitt barn",
                     "nå fler pappor genom en grupp på kvällstid"]),
        "frinnaryd": dict(
            pages=[2],
            title="Cykelveckan i Frinnaryd", team="Skolan i Frinnaryd",
            municipalities=["Aneby"], places=["Frinnaryd"],
            focus_areas=["Fysisk aktivitet"],
            interventions=["aktiv skolväg", "cykelvecka"],
            actors=["skola", "vårdnadshavare", "fritid", "förening", "barn och unga"],
            persons=[{"name": "Mattias Roos", "role": "lärare"},
                     {"name": "Frida Ljung", "role": "ordförande i föräldraföreningen"}],
            inspired_by=["Vaggeryd"], stage="planerad",
            anchors=["varit oroliga för trafiken vid skolan",
                     "planerar därför en cykelvecka i maj",
                     "Idén kommer från Vaggeryd",
                     "ska öka med tio procentenheter"]),
    },
))

# ---------------------------------------------------------------------------------------------
# 6. DOCX without any date, a floating-table sidebar (SYFTE OCH MÅL / ANGREPPSSÄTT) beside the
#    intro, headed sections with sub-headings, places not naming their municipality
#    (Forsheda, Huskvarna), "sedan år 2000", coaches' contact table.
NEWSLETTERS.append(dict(
    stem="blind-nyhetsbrev-odaterat-sidoruta",
    producer="docx",
    title="Nyhetsbrev – Bästa platsen att växa upp, leva och bo på",
    date=None,
    header="Bästa platsen · Lärandenätverket",
    footer_pages=True,
    footer_text=None,
    blocks=[
        ("masthead", None, "Nyhetsbrev – Bästa platsen att växa upp, leva och bo på", None),
        ("sidebar", [
            ("SYFTE OCH MÅL", "Att barn och unga i länet ska må bättre, röra sig mer och fullfölja "
                              "sin skolgång. Förbättringen ska vara två procentenheter per år."),
            ("ANGREPPSSÄTT", "Lokala team testar förändringar i liten skala, mäter ofta och delar "
                             "med sig till andra team i lärandenätverket."),
            ("VILL DU VETA MER?", "Kontakta coacherna, se sista sidan."),
        ]),
        ("h1", "Två team berättar"),
        ("p", "Det här nyhetsbrevet ägnas åt två team som har kommit en bit på väg. Båda arbetar med "
              "att göra övergångar smidigare för familjer, det ena när familjen är ny i Sverige och "
              "det andra när barnet ska börja skolan. Läs, låt dig inspireras och hör gärna av dig "
              "till teamen direkt."),
        ("p", "Programmet bygger på en enkel idé: den som arbetar nära barnen vet ofta vad som "
              "behöver ändras, men behöver tid, stöd och ett sätt att se om förändringen gör "
              "skillnad. Därför får varje team en coach och träffar andra team flera gånger om året "
              "för att jämföra mätningar och lära av varandra."),

        ("ex", "forsheda"),
        ("h1", "Mötesplats för nyanlända mammor i Forsheda"),
        ("h2", "Nuläge"),
        ("p", "Familjecentralen i Forsheda öppnade för två år sedan ett café för nyanlända mammor en "
              "förmiddag i veckan. Kvinnorna kommer med sina barn, dricker kaffe och träffar "
              "barnmorska, barnsjuksköterska och personal från öppna förskolan i en avslappnad miljö. "
              "Församlingen lånar ut lokal och volontärer från Röda korset hjälper till med "
              "barnpassning."),
        ("h2", "Positiva lärdomar"),
        ("p", "Många av mammorna har få andra kontakter på orten. Förskolläraren Amina Osman "
              "berättade att flera har börjat komma till öppna förskolan även andra dagar, och att "
              "frågor om amning, sömn och förskoleplats nu kommer upp tidigt."),
        ("h2", "Utmaningar på vägen"),
        ("p", "Det har varit svårt att nå mammor som inte redan har kontakt med mödrahälsovården. "
              "Tolk finns inte alltid på plats, och vissa veckor kommer nästan ingen."),
        ("h2", "Nästa steg"),
        ("p", "Teamet vill bjuda in papporna till en egen träff och ta fram en enkel folder på fem "
              "språk. Barnmorskan Louise Berg ska också testa att berätta om caféet redan vid "
              "inskrivningen på mödrahälsovården."),
        ("endex",),

        ("ex", "huskvarna"),
        ("h1", "Trygg start i förskoleklass i Huskvarna"),
        ("h2", "Nuläge"),
        ("p", "I Huskvarna börjar varje år omkring 250 barn i förskoleklass. Tidigare handlade "
              "överlämningen från förskolan mest om praktiska uppgifter, och skolan fick sällan veta "
              "vilka barn som behöver extra stöd. Rutinen hade i stort sett varit densamma sedan år "
              "2000. Teamet från Hakarpsskolan och tre förskolor i området har därför tagit fram ett "
              "nytt arbetssätt med trepartssamtal mellan vårdnadshavare, förskollärare och mottagande "
              "lärare."),
        ("h2", "Resultat"),
        ("p", "Under våren hölls 38 trepartssamtal. I en enkät efter skolstarten svarade nästan alla "
              "föräldrar att de kände sig trygga med övergången. Specialpedagog Therese Månsson "
              "berättade att skolan nu kan planera stödet redan före första skoldagen i stället för "
              "efter jul."),
        ("h2", "Nästa steg"),
        ("p", "Teamet ska följa upp hur många av barnen som får stöd under höstterminen och jämföra "
              "med tidigare år. Ett besök på skolan tillsammans med förskolläraren ska också provas "
              "för de barn som har svårast med förändringar. Kontaktperson är rektor Björn "
              "Axelsson."),
        ("endex",),

        ("h1", "Kontakt till coacherna"),
        ("table", ["Namn", "Roll", "E-post", "Telefon"], [
            ["Helén Strömberg", "Förbättringscoach, Qulturum", "helen.stromberg@rjl.exempel.se", "010-000 33 05"],
            ["Tobias Lindahl", "Utvecklingsledare, Kommunal utveckling", "tobias.lindahl@rjl.exempel.se", "010-000 33 18"],
            ["Aisha Warsame", "Folkhälsoplanerare, Folkhälsa och sjukvård", "aisha.warsame@rjl.exempel.se", "010-000 33 26"],
        ]),
    ],
    context_phrases=[
        "Det här nyhetsbrevet ägnas åt två team",
        "Programmet bygger på en enkel idé",
        "Kontakta coacherna, se sista sidan.",
        "Helén Strömberg",
    ],
    examples={
        "forsheda": dict(
            pages=[1],
            title="Mötesplats för nyanlända mammor i Forsheda", team="Familjecentralen i Forsheda",
            municipalities=["Värnamo"], places=["Forsheda"],
            focus_areas=["Psykisk hälsa"],
            interventions=["mötesplats för nyanlända föräldrar", "öppen förskola", "familjecentral"],
            actors=["familjecentral", "öppen förskola", "barnhälsovård", "mödrahälsovård",
                    "civilsamhälle", "vårdnadshavare"],
            persons=[{"name": "Amina Osman", "role": "förskollärare"},
                     {"name": "Louise Berg", "role": "barnmorska"}],
            inspired_by=[], stage="pågående",
            anchors=["ett café för nyanlända mammor",
                     "volontärer från Röda korset hjälper till",
                     "frågor om amning, sömn och förskoleplats",
                     "en enkel folder på fem språk"]),
        "huskvarna": dict(
            pages=[1, 2],
            title="Trygg start i förskoleklass i Huskvarna", team="Hakarpsskolan och tre förskolor i området",
            municipalities=["Jönköping"], places=["Huskvarna", "Hakarpsskolan"],
            focus_areas=["Fullföljda studier"],
            interventions=["överlämning förskola–skola", "trepartssamtal"],
            actors=["förskola", "skola", "vårdnadshavare", "elevhälsa"],
            persons=[{"name": "Therese Månsson", "role": "specialpedagog"},
                     {"name": "Björn Axelsson", "role": "rektor"}],
            inspired_by=[], stage="pågående",
            anchors=["börjar varje år omkring 250 barn i förskoleklass",
                     "trepartssamtal mellan vårdnadshavare, förskollärare och mottagande",
                     "Under våren hölls 38 trepartssamtal",
                     "Kontaktperson är rektor Björn Axelsson"]),
    },
))
