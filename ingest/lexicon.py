"""Swedish words the reader, the search and the web pages share, kept in one place.

Calendar words (months, weekdays, seasons), the headings of newsletters and posters, stop and
filler words, and the county with its 13 municipalities. Plain tuples and frozensets only, so
every layer (ingest, search, web, corpus) can import them. Words are lowercase unless a list
says otherwise; tuples keep the order their users depend on.
"""

from __future__ import annotations

# --- calendar ----------------------------------------------------------------------------------

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)
# Abbreviations written in dates ("8 feb. 2024", "sept 2023"); "sept" before "sep" for regexes.
MONTH_ABBREVIATIONS = (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "okt", "nov", "dec",
)
# The first three letters of every month: "12 sep", "3 maj", "14 februari" all start with one.
MONTH_STEMS = tuple(month[:3] for month in MONTHS)
# Month name or abbreviation → month number (1–12).
MONTH_NUMBERS: dict[str, int] = {
    **{month: number for number, month in enumerate(MONTHS, start=1)},
    **{
        abbr: next(n for n, month in enumerate(MONTHS, start=1) if month.startswith(abbr))
        for abbr in MONTH_ABBREVIATIONS
    },
}

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")

SEASONS = ("vår", "sommar", "höst", "vinter")
# "hösten 2024", "Våren"
SEASONS_DEFINITE = ("våren", "hösten", "sommaren", "vintern")
# School terms written before a year: "vårterminen 2024", "vt 2024", "ht 2023", "VT24".
TERMS = ("vårterminen", "höstterminen", "vårtermin", "hösttermin")
TERM_ABBREVIATIONS = ("vt", "ht")
# Words before a date or a year in running text, never in a masthead or footer: "sedan 2019",
# "till våren 2024", "i mars 2023", "år 2000".
TIME_PREPOSITIONS = frozenset({
    "i", "till", "från", "sedan", "under", "efter", "före", "inför", "innan", "mellan", "om",
    "år", "och", "samt", "eller", "än", "per", "tom", "t.o.m.", "fr.o.m.", "senast", "fram",
    "ca", "cirka", "runt", "över", "drygt", "nästan", "totalt", "för", "på", "av", "med", "vid",
    "startade", "började", "sen",
})
# A line that names a coming meeting: its date is not the document's ("Nästa träff 5 februari").
COMING_WORDS = ("nästa", "kommande", "save the date", "boka", "anmäl", "anmälan", "sista dag")
# A line that credits a picture or cites a source: its year is not the document's.
CREDIT_WORDS = ("foto", "bild", "illustration", "källa", "källor", "referens", "referenser")
# The header of an e-mail printed from a mail client ("Från: …", "Skickat: den 20 november 2025
# 09:14", "Till: …", "Ämne: …"): the line of the sending dates the newsletter, with its day.
MAIL_SENT_LABELS = ("skickat", "datum", "sent", "date")
MAIL_HEADER_LABELS = ("från", "till", "ämne", "kopia", "from", "to", "subject", "cc")
# Whose meetings a heading lists: "Höstens träffar", "Terminens lärandeseminarier".
PERIOD_GENITIVES = ("höstens", "vårens", "terminens", "årets")

# --- headings ----------------------------------------------------------------------------------

# Headings inside one team's example: they start a section of it ("Nuläge", "Nästa steg").
SECTION_HEADINGS = (
    "nuläge", "nulägesanalys", "positiva lärdomar", "lärdomar", "utmaningar", "utmaning",
    "nästa steg", "bakgrund", "syfte", "mål", "målsättning", "metod", "metoder", "resultat",
    "mätning", "mätningar", "vad gjorde vi", "vad har vi gjort", "så gjorde vi", "genomförande",
    "erfarenheter", "framgångsfaktorer", "hinder", "tips", "målgrupp", "aktiviteter",
    "förändringsidé", "förändringsidéer", "förbättringsidé", "uppföljning", "slutsats",
    "slutsatser", "effekter", "vad har vi lärt oss", "det här har vi lärt oss", "planering",
    "status", "framåt", "kommentar", "insats", "arbetssätt", "team", "teamet", "deltagare",
    "problem", "analys", "idé", "plan", "utvärdering", "förutsättningar", "samverkan", "vinster",
)
# The headings nearly every example uses, on posters and in the newsletters' status reports.
COMMON_HEADINGS = (
    "bakgrund", "syfte", "mål", "metod", "resultat", "lärdomar",
    "nuläge", "positiva lärdomar", "utmaningar", "nästa steg",
)
# Headings of a poster's panels: three of them on one page make it a poster.
POSTER_HEADINGS = (
    "bakgrund", "syfte", "mål", "metod", "vad gjorde vi", "mätning", "resultat", "lärdomar",
    "nästa steg", "kontakt", "genomförande", "förändringsidé", "slutsats", "teamet",
)
# Headings of what comes next in an example: plans there are not the example's stage.
FUTURE_HEADINGS = (
    "nästa steg", "framåt", "fortsättning", "planer framåt", "det här gör vi härnäst",
    "vad händer nu?", "vad gör vi nu?",
)
CONTACT_HEADINGS = ("kontakt", "kontakter", "kontaktuppgifter", "kontaktpersoner", "kontaktperson")
# Headings of the document's own parts, not of an example: meetings, contacts, greetings.
CONTEXT_HEADINGS = (
    "kommande träff", "kommande lärandeseminarier", "kommande", "nästa träff",
    "nästa nätverksträff", "nästa lärandeseminarium", "datum", "kontakt", "kontakter",
    "kontaktuppgifter", "kontaktpersoner", "välkommen", "välkomna", "hälsningar", "processledare",
    "processledning", "coacher", "coachstöd", "våra coacher", "inledning", "om bästa platsen",
    "om nätverket", "om lärandenätverket", "dagens program", "program", "agenda", "save the date",
    "boka in", "anmälan", "mer information", "läs mer", "länkar", "tack", "redaktion",
    "ansvarig utgivare", "frågor", "har du frågor", "till sist", "avslutning",
    "sammanfattning av dagen", "vill du veta mer", "fokusområden", "fakta", "om satsningen",
    "visste du att", "träffar", "nätverksträffar", "lärandeseminarier", "kalender", "kalendarium",
    "möten", "viktiga datum", "innehåll", "innehållsförteckning", "i detta nummer",
    "i det här numret",
    # over the teams' own sections, and the parts of a meeting's minutes
    "exempel från teamen", "teamen berättar", "teamen presenterar", "presentationer",
    "teamens presentationer", "diskussion", "gruppdiskussion", "grupparbete", "grupparbetet",
    "övrigt", "närvarande", "nästa möte", "gruppdiskussioner", "diskussioner",
)
# Parts of a meeting (its minutes' headings) whose own sub-headings are the meeting's too: the
# groups of a discussion ("Diskussion i smågrupper" over "Grupp 1", "Grupp 2"), the items of
# "Övrigt". A heading over the teams' own sections ("Presentationer") is not one.
MEETING_PART_HEADINGS = (
    "inledning", "diskussion", "diskussioner", "gruppdiskussion", "gruppdiskussioner",
    "grupparbete", "grupparbetet", "övrigt", "närvarande", "nästa möte", "nästa träff",
    "kommande träff", "dagens program", "program", "agenda", "sammanfattning av dagen",
    "avslutning",
)
# The day's meeting summed up ("Dagens träff i korthet", "Från dagens nätverksträff",
# "Sammanfattning av dagen", "Träffen i korthet"): a heading over the meeting's notes, never a
# team's. The meeting as "dagens …", in its definite form, and the words that sum it up.
MEETING_NOUNS = (
    "träff", "nätverksträff", "lärandeträff", "möte", "nätverksmöte", "seminarium",
    "lärandeseminarium", "nätverksdag", "lärandedag", "workshop",
)
MEETING_NOUNS_DEFINITE = (
    "dagen", "träffen", "nätverksträffen", "lärandeträffen", "mötet", "nätverksmötet",
    "seminariet", "lärandeseminariet", "nätverksdagen", "lärandedagen", "workshopen",
)
# The meeting's own moments, by their definite forms ("Samtalen efter presentationerna",
# "Efter föreläsningen"): a heading that names one is about the meeting, never a team's title.
MEETING_MOMENTS = (
    "presentationerna", "föreläsningen", "föreläsningarna", "föredraget", "workshopen",
    "gruppsamtalen", "bikuporna",
)
SUMMARY_WORDS = (
    "sammanfattning", "summering", "återblick", "anteckningar", "minnesanteckningar", "noteringar",
    "glimtar", "intryck", "rapport", "reflektioner", "kort", "nytt",
)
# A discussion group named by a number or a letter ("Grupp 2", "Bikupa B", "Bord 3"): a heading
# or run-in label of a meeting's group notes, never a team's title.
DISCUSSION_GROUPS = (
    "grupp", "smågrupp", "samtalsgrupp", "diskussionsgrupp", "bikupa", "bord", "gruppdiskussion",
)
# --- who acts: the programme or a team -----------------------------------------------------------

# Word beginnings of the programme telling about itself: its network and meetings, coaches,
# speakers, greetings and dates ("lärandenätverket", "nätverksträffen", "coacherna",
# "föreläsningen", "välkomna"). Words a team's own text also uses for its groups ("träffen",
# "deltagarna", "anmälan") are left out.
PROGRAMME_WORDS = (
    "lärandenätverk", "nätverksträff", "nätverket", "nätverkets", "lärandeseminari", "coach",
    "processledar", "processledning", "processtöd", "föreläs", "dagordning", "agenda", "välkom",
    "kommande datum", "kommande träff", "nästa träff", "alla team", "teamen", "nya team",
    "grupparbete", "bikupor", "workshop", "bästa platsen", "dagens program", "dagens tema",
    "programledning", "styrgrupp",
    # speakers and the coaches' organisations
    "föreläsare", "inspirationsföreläs", "gästföreläs", "gästa", "talare", "talade om", "moderator",
    "forskare vid", "doktorand", "docent", "professor", "qulturum", "kommunal utveckling",
    "folkhälsa och sjukvård",
)
# "vi …" that is the programme's voice, not a team's: "vi välkomnar", "vi ses".
PROGRAMME_VOICE = ("välkomnar", "ses", "hälsar", "önskar", "tackar", "påminner", "hoppas")
# Verbs (word beginnings) of a team telling what it does: "vi testar", "vi har mätt".
TEAM_VERBS = (
    "test", "prov", "mät", "erbjud", "start", "inför", "börja", "ring", "skick", "följ", "arbet",
    "jobb", "gör", "gjort", "gjorde", "ser", "såg", "märk", "utbild", "samarbet", "planer",
    "kartl", "genomför", "bjud", "fått", "fick", "ordn", "öppn", "anställ", "kallar", "lärt",
)
# Auxiliaries between "vi" and the verb: "vi har testat", "vi kommer att börja".
TEAM_AUXILIARIES = ("har", "hade", "ska", "skulle", "kommer att", "vill", "kan", "har nu",
                    "har också", "började", "fortsätter att", "har redan", "har just")
# Units that act, in the definite form a team's text names them ("skolan", "familjecentralen");
# also the end of a named unit ("Hagaskolan", "Närvaroteamet").
# Words after which a verb stands in its base form ("att klara", "kan stötta", "vill träna"): a
# word there that the lemma table has as a verb's base form is the verb, whatever else the table
# reads it as alone ("klara": klar; search.analysis.infinitives).
INFINITIVE_MARKERS = frozenset({
    "att", "kan", "kunna", "kunde", "ska", "skall", "skulle", "vill", "ville", "måste", "får",
    "fick", "bör", "borde", "brukar", "behöver", "behövde", "hinner", "orkar", "vågar",
    "slipper", "lär", "tänker", "låt", "låta", "låter",
})
# The subject between a marker and its verb in a question ("kan vi stötta", "ska man träna").
SUBJECT_PRONOUNS = frozenset({"vi", "ni", "man", "de", "dom", "jag", "du", "han", "hon", "den",
                              "det"})

TEAM_UNITS = (
    "teamet", "skolan", "förskolan", "familjecentralen", "vårdcentralen", "socialtjänsten",
    "elevhälsan", "elevhälsocentralen", "fritidsgården", "biblioteket", "barnhälsovården",
    "mödrahälsovården", "föreningen", "klubben", "ungdomsmottagningen", "habiliteringen",
    "fritidsgårdarna", "förskolorna", "skolorna", "enheten", "mottagningen",
)
# Roles of the people in a team's work (word beginnings): "rektorn", "kuratorn", "lärarna".
TEAM_ROLES = (
    "rektor", "kurator", "skolsköterska", "barnsjuksköterska", "distriktssköterska",
    "socialsekreterar", "familjebehandlar", "fritidsledar", "pedagog", "lärare", "lärarna",
    "mentor", "specialpedagog", "barnmorska", "elevhälsoteam", "förskollär",
)
# What a team counts in its measurements: "42 elever", "33 av 41 familjer", "9 procent".
TEAM_COUNTED = (
    "familjer", "elever", "barn", "föräldrar", "procent", "vårdnadshavare", "besök",
    "hembesök", "ungdomar", "pappor", "mammor", "flickor", "pojkar", "samtal",
)

# Column heads of a contact table ("Namn | Roll | E-post | Telefon").
CONTACT_COLUMNS = (
    "namn", "roll", "e-post", "epost", "mejl", "mail", "telefon", "tel", "mobil", "organisation",
    "funktion", "titel",
)
# Run-in labels of the document's own parts ("Datum: 5 februari", "E-post: …").
CONTEXT_LABELS = (
    "kontakt", "kontaktperson", "kontaktpersoner", "datum", "tid", "plats", "nästa träff",
    "anmälan", "obs", "e-post", "mejl", "telefon", "tel", "webb", "läs mer", "länk",
)

# A talk or group work at the meeting, reported: the programme's own part, whatever its heading.
# Words (beginnings) that name such a part of the day: "Föreläsning: …", "I grupparbetet …".
TALK_EVENTS = (
    "föreläs", "grupparbet", "gruppdiskussion", "workshop", "bikup", "i blandade grupper",
    "i mindre grupper", "i grupperna", "paneldebatt", "panelsamtal", "gästföreläs", "key note",
    "keynote", "inspirationsföreläs", "egen erfarenhet", "egna erfarenheter",
    "erfarenhetsexpert", "brukarröst", "efter lunch", "på förmiddagen", "på eftermiddagen",
    "under förmiddagen", "under eftermiddagen", "dagen inleddes", "dagen avslutades",
)
# Who is reported speaking ("Hon berättade …", "föreläsaren lyfte …") and the verbs they use.
SPEAKER_SUBJECTS = (
    "hon", "han", "hen", "föreläsaren", "talaren", "forskaren", "gästen", "föreläsningen",
)
SPEAKER_VERBS = (
    "berättade", "lyfte", "menade", "betonade", "visade", "pratade", "talade", "beskrev",
    "poängterade", "underströk", "förklarade", "påminde", "inledde", "avslutade", "gav",
    "tog upp", "delade med sig", "konstaterade", "framhöll", "resonerade", "handlade om",
)
# A speaker's title beside a name ("docent Karin Berg", "Maja Lind, leg. psykolog").
SPEAKER_TITLES = (
    "docent", "professor", "forskare", "doktorand", "leg. psykolog", "legitimerad psykolog",
    "leg psykolog", "fil. dr", "fil.dr", "med. dr", "med.dr", "universitetslektor",
    "universitetsadjunkt", "författare", "föreläsare",
)
# The network speaking as "we" in its group work ("diskuterade vi", "vi delade erfarenheter",
# "deltagarna delades in"): the verbs.
NETWORK_WE_VERBS = (
    "diskuterade", "samtalade", "reflekterade", "delade", "fick diskutera", "fick samtala",
    "fick reflektera", "pratade", "resonerade", "jämförde", "delades in", "fick jämföra",
)
# The teams told of in the third person at group work ("fick varje team formulera …", "flera
# grupper valde …"): the subjects, and the verbs of a task given or a choice made.
NETWORK_TEAM_SUBJECTS = (
    "varje team", "alla team", "flera team", "många team", "samtliga team", "varje grupp",
    "alla grupper", "flera grupper", "många grupper", "samtliga grupper", "de flesta grupper",
    "de flesta team",
)
NETWORK_TASK_VERBS = ("fick", "valde", "formulerade", "skrev", "tog fram", "enades", "landade")
# New teams joining the network, announced: "Två nya team har anslutit till nätverket".
NEW_TEAM_NOUNS = ("nya team", "nytt team", "nya förbättringsteam", "nytt förbättringsteam")
NEW_TEAM_VERBS = ("anslutit", "ansluter", "anslutits", "gått med", "går med", "välkomna",
                  "välkomnar", "börjat i", "börjar i", "kommit med", "tillkommit")


# --- stop and filler words ---------------------------------------------------------------------

# Swedish function words, question words among them (the Snowball stop list without "sitta").
FUNCTION_WORDS = frozenset({
    "alla", "allt", "att", "av", "blev", "bli", "blir", "blivit", "de", "dem", "den", "denna",
    "deras", "dess", "dessa", "det", "detta", "dig", "din", "dina", "ditt", "du", "där", "då",
    "efter", "ej", "eller", "en", "er", "era", "ert", "ett", "från", "för", "ha", "hade", "han",
    "hans", "har", "henne", "hennes", "hon", "honom", "hur", "här", "i", "icke", "ingen", "inom",
    "inte", "jag", "ju", "kan", "kunde", "man", "med", "mellan", "men", "mig", "min", "mina",
    "mitt", "mot", "mycket", "ni", "nu", "när", "någon", "något", "några", "och", "om", "oss", "på",
    "samma", "sedan", "sig", "sin", "sina", "själv", "skulle", "som", "så", "sådan",
    "sådana", "sådant", "till", "under", "upp", "ut", "utan", "vad", "var", "vara", "varför",
    "varit", "varje", "vars", "vart", "vem", "vi", "vid", "vilka", "vilkas", "vilken", "vilket",
    "vår", "våra", "vårt", "än", "är", "åt", "över",
})
# Words that say "not" as "inte" does: a label with "inte" also reads them ("går aldrig till
# skolan" is "går inte till skolan", not a way to school).
NEGATIONS = frozenset({"aldrig", "ej", "icke"})
# Words that carry no meaning in a search ("hur ökar vi närvaron i skolan", "tips på …").
SEARCH_FILLER_WORDS = frozenset({
    "ska", "vill", "kunna", "göra", "gör", "gjorde", "får", "fick", "också", "ni", "mer",
    "dom", "sen", "bara", "hos", "genom", "både", "bör", "the", "and", "of", "to",
    "finns", "sätt", "tips", "exempel",
    # adverbs that say how, when or which way, not what ("titta in", "ofta", "nästan"); "in"
    # would read as the preposition "i", "bort" as the verb "böra"
    "in", "bort", "fram", "ner", "iväg", "igen", "lite", "ofta", "alltid", "aldrig", "nästan",
    "redan", "ibland", "kanske", "gärna", "ganska", "väldigt",
    # the forms of the filler verbs above that were missing
    "gjort", "vilja", "velat", "haft", "sånt", "verkar",
    "sitt",  # the possessive ("sitt barn"), which Snowball's list lacks: not the verb "sitta"
})
# Dropped from the search index and from queries.
SEARCH_STOPWORDS = FUNCTION_WORDS | SEARCH_FILLER_WORDS
# Articles, pronouns and conjunctions after a name: never the start of a role.
NAME_BREAK_WORDS = frozenset({"en", "ett", "den", "det", "de", "sin", "sitt", "sina", "att", "och",
                              "som"})
CLOSED_CLASS_WORDS = frozenset({
    # closed word classes spaCy's stop words (and the lemma table: "nyss", "nog", "ute") lack:
    # conjunctions, adverbs of degree, time, place and attitude, and the forms of modal and
    # auxiliary verbs ("stöd medan", "ville nästan"); words of Swedish, never misspelled ones
    "nyss", "nog", "ute", "uppe", "nere", "framme",
    "medan", "trots", "fast", "fastän", "innan", "tills", "ifall", "huruvida", "såvida",
    "respektive", "nästan", "ganska", "väldigt", "fortfarande", "dessutom", "särskilt",
    "ungefär", "knappt", "snarare", "endast", "enbart", "främst", "ofta", "sällan", "alltid",
    "aldrig", "ibland", "snart", "genast", "egentligen", "faktiskt", "kanske", "troligen",
    "förmodligen", "verkligen", "tyvärr", "äntligen", "plötsligt", "återigen", "ändå",
    "ville", "velat", "vilja", "borde", "bör", "kunde", "kunnat", "kunna", "skulle", "måste",
    "behöver", "behövde", "behövt", "brukar", "brukade", "brukat", "verkar", "verkade",
})
# Never part of a new key phrase (on top of spaCy's Swedish stop words).
PHRASE_STOPWORDS = CLOSED_CLASS_WORDS | frozenset({
    "också", "mycket", "många", "nya", "ny", "nytt", "bra", "olika", "flera", "ökat", "sätt",
    "gör", "göra", "får", "få", "kommer", "samt", "via", "bl.a.", "t.ex.", "ca", "år", "vill",
    "ska", "kan", "hur", "vad", "nu", "redan", "genom", "tillsammans", "arbetet", "arbete",
    "hela", "hel", "helt", "kort", "korta", "extra", "första", "andra", "sista", "övriga",
})
# English function words that are Swedish nouns too ("by": a village, "make": a husband): an
# English stop word is no head of a key phrase unless it is one of these.
SWEDISH_ENGLISH_HOMOGRAPHS = frozenset({
    "back", "by", "former", "front", "get", "is", "last", "make", "must", "not", "part", "show",
})
# Lemmas of time, quantity and the programme itself: never a key phrase of their own.
FILLER_LEMMAS = frozenset({
    "vecka", "gång", "tid", "kväll", "dag", "år", "månad", "termin", "genomsnitt", "andel",
    "procent", "antal", "eftermiddag", "förmiddag", "morgon", "lärandenätverk", "team",
    "exempel", "kommun", "resultat", "mätning", "deltagare",
    # the programme's own meetings, where teams present their work ("lärandeseminariet")
    "lärandeseminarium", "lärandeträff", "lärandedag", "nätverksträff", "nätverksdag",
    "varannan", "varje", "per", "hälft", "början", "slut", "del",
}) | frozenset(SEASONS)

# --- key phrases of an example ------------------------------------------------------------------

# Headings of the parts of an example that say what the team does.
METHOD_HEADINGS = (
    "metod", "metoder", "vad gjorde vi", "vad har vi gjort", "så gjorde vi", "genomförande",
    "arbetssätt", "insats", "insatser", "aktiviteter", "förändringsidé", "förändringsidéer",
    "förbättringsidé", "vad gör vi", "så här gör vi", "så arbetar vi", "idé",
)
# Verbs (lemmas) whose object names what a team does: "vi startade ett läxcafé".
ACTION_VERB_LEMMAS = frozenset({
    "starta", "införa", "erbjuda", "ordna", "driva", "anordna", "testa", "prova", "pröva",
    "skicka", "arrangera", "öppna", "bjuda", "hålla", "genomföra", "använda", "skapa", "bygga",
    "utveckla", "dra", "köra", "sätta", "organisera",
})
# Nouns (lemmas) too general to name a practice on their own.
GENERIC_NOUN_LEMMAS = frozenset({
    "arbete", "verksamhet", "möjlighet", "behov", "problem", "fråga", "sätt", "syfte", "mål",
    "idé", "utmaning", "lärdom", "erfarenhet", "barn", "elev", "förälder", "familj", "skola",
    "plan", "material", "information", "kunskap", "samarbete", "samverkan", "insats",
    "aktivitet", "projekt", "grupp", "träff", "möte", "förändring", "förbättring", "steg",
    "nuläge", "bakgrund", "metod", "vecka", "termin", "personal", "medarbetare", "kollega",
    "hjälp", "stöd", "fokus", "början", "slut", "start", "del", "tanke", "bild", "frågor",
    "område", "kommun", "region", "län", "ledning", "uppdrag", "ansvar",
    "tillsammans", "ofta", "direkt", "snart", "sedan", "också", "lokal", "plats", "rum",
    "svar", "enkät", "siffra", "data", "mätning", "effekt", "utvärdering", "rutin", "person",
    "vuxen", "ungdom", "kvinna", "man", "mamma", "pappa", "vårdnadshavare", "representant",
    "pilot", "test", "försök", "lärandenätverk", "nätverk", "nyhetsbrev", "poster", "exempel",
    "telefon", "mejl", "kontakt", "gång", "tid", "klass", "årskurs", "halvdag", "halvtimme",
    "timme", "minut", "klocka", "pass", "form", "besök", "ung", "studiebesök",
    "förbättringsteam", "lärandeseminarium", "coach", "pdsa", "nästan", "allra", "ungefär",
    "numera", "själva", "kvalitet", "program",
    # people by age or sex, a school year by its number, a school holiday: whom and when
    "tjej", "kille", "flicka", "pojke", "tonåring", "bebis", "etta", "tvåa", "trea", "fyra",
    "femma", "sexa", "sjua", "åtta", "nia", "lov", "sportlov", "sommarlov", "höstlov", "jullov",
    "påsklov", "vinterlov",
}) | frozenset(SEASONS) | frozenset(MONTHS) | frozenset(WEEKDAYS)

# --- tagging: inspiration, acting units, words written with a hyphen ---------------------------

# Words between two places named after an inspiration expression that keep them one list of
# sources ("från Araby i Växjö", "från Mullsjö och Tranås"); any other word ends the list, so
# "efter ett studiebesök i Linköping startade skolan i Gnosjö" leaves Gnosjö the team's own.
INSPIRATION_LIST_WORDS = frozenset({
    "i", "och", ",", "samt", "eller", "på", "kommun", "kommuns", "kommunen", "stad", "–", "-",
    "/", "respektive", "län", "även", "också",
})
# A second source may also follow "och"/"samt" a few words on ("på Råslätt och på de gemensamma
# hembesöken i Nässjö"), unless a new clause starts ("från Mullsjö, och nu startar vi i Habo").
INSPIRATION_AND_WORDS = frozenset({"och", "samt", ","})
INSPIRATION_CLAUSE_WORDS = frozenset({
    "vi", "han", "hon", "teamet", "nu", "här", "sedan", "men", "där", "som", "när", "ska",
})
# After a verb of visiting, these objects make it a home visit, not a study visit ("besökte
# familjen i Nässjö").
VISITED_AT_HOME = frozenset({
    "familjen", "familjerna", "familjer", "föräldrarna", "föräldrar", "hemmet", "hem",
    "hemma", "barnet", "barnen", "eleven", "eleverna", "dem", "henne", "honom", "mamman",
    "pappan", "mammor", "pappor", "nyblivna", "alla",
})

# Words the taxonomy's rules compare as themselves, though the lemma table gives them the lemma
# of another word ("fler" → "mången": "fler hembesök" is not "hur många").
RULE_LEMMAS = {"fler": "fler", "flera": "flera"}

# Units whose intervention is the team's own when they act or are the people's workplace
# (ingest/tagging/acting.py), and the words before "på/vid/för" that make a workplace.
ACTING_UNIT_LEMMAS = frozenset({"familjecentral"})
WORKPLACE_LEMMAS = frozenset({
    "arbeta", "jobba", "vi", "personal", "medarbetare", "anställd", "team", "kollega",
    "samordnare", "verksam",
})

# --- the county ----------------------------------------------------------------------------------

COUNTY = "Jönköpings län"
# Its 13 municipalities in alphabetical order (ingest/data/municipalities.tsv agrees).
COUNTY_MUNICIPALITIES = (
    "Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö",
    "Nässjö", "Sävsjö", "Tranås", "Vaggeryd", "Vetlanda", "Värnamo",
)
# Which of them share a border (within the county; each pair is named once, both ways apply).
_COUNTY_BORDERS = (
    ("Aneby", "Eksjö"), ("Aneby", "Jönköping"), ("Aneby", "Nässjö"), ("Aneby", "Tranås"),
    ("Eksjö", "Nässjö"), ("Eksjö", "Tranås"), ("Eksjö", "Vetlanda"),
    ("Gislaved", "Gnosjö"), ("Gislaved", "Värnamo"),
    ("Gnosjö", "Jönköping"), ("Gnosjö", "Vaggeryd"), ("Gnosjö", "Värnamo"),
    ("Habo", "Jönköping"), ("Habo", "Mullsjö"),
    ("Jönköping", "Mullsjö"), ("Jönköping", "Nässjö"), ("Jönköping", "Vaggeryd"),
    ("Nässjö", "Sävsjö"), ("Nässjö", "Vaggeryd"), ("Nässjö", "Vetlanda"),
    ("Sävsjö", "Vaggeryd"), ("Sävsjö", "Vetlanda"), ("Sävsjö", "Värnamo"),
    ("Vaggeryd", "Värnamo"),
)
COUNTY_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    name: tuple(sorted({b for a, b in _COUNTY_BORDERS if a == name}
                       | {a for a, b in _COUNTY_BORDERS if b == name}))
    for name in COUNTY_MUNICIPALITIES
}

# --- team posters ---------------------------------------------------------------------------------

# Panel headings teams write in their own words on a poster ("Så gör vi", "Så här gick det"):
# sections of the one example, and, like the usual ones, signs that one page is a poster.
TEAM_PANEL_HEADINGS = (
    "så gör vi", "så här gör vi", "det här gör vi", "så gjorde vi", "så här gjorde vi",
    "det här har vi gjort", "det här gjorde vi", "vad vi gjort", "vad vi har gjort",
    "så här gick det", "så gick det", "hur gick det", "det här hände", "vad hände",
    "vad vi lärt oss", "vad vi har lärt oss", "det här lärde vi oss", "vi har lärt oss",
    "framåt", "vägen framåt", "så går vi vidare", "hur går vi vidare",
)
POSTER_HEADINGS = (*POSTER_HEADINGS, *TEAM_PANEL_HEADINGS)
SECTION_HEADINGS = (*SECTION_HEADINGS, *TEAM_PANEL_HEADINGS)
# A poster's line naming the coach or process lead who supports the team ("Coach: Eva Ek,
# Qulturum"): the programme's, not the team's.
COACH_LINE_LABELS = (
    "coach", "coacher", "förbättringscoach", "processledare", "processledning", "processtöd",
    "processtödjare", "processtödjande", "coachstöd",
)

# --- The search's words: what a query says beside its content -------------------------------

# Words of a question or request that say nothing about the work itself ("hur får vi fler
# elever att …", "finns det någon som jobbar med …"): on top of the lexicon's search stop words,
# so that only the content words of a question are searched and counted.
QUESTION_WORDS = frozenset({
    "få", "fler", "flera", "mera", "många", "fått", "kunnat", "måste", "behöver", "brukar",
    "borde", "jobbar", "jobba", "jobbat", "lyckas", "lyckats", "hitta", "hittar", "någonstans",
    "hänt", "händer", "hände", "hända", "bra", "bättre", "olika", "andra", "annan", "annat",
    "idéer", "idé",
    "förslag", "tipsa", "vet", "veta", "tycker", "tror", "undrar", "eller", "ens", "väl",
    "liksom", "typ", "nån", "nåt", "nåra", "hos", "kring", "angående", "gällande",
    "nå", "når", "nått", "nådde",  # "hur når vi papporna": whom, not reaching, is the content
    # "finns det någon verksamhet för pappor": any activity at all; for whom is the content
    "verksamhet", "verksamheten", "verksamheter", "verksamheterna",
})

# A query that says who asks and where (search/query_asker.py): a team speaks as "vi"; a
# parent's "jag" and "mitt barn" ask for what is near them
ASKER_TEAM_WORDS = frozenset({"vi", "oss", "vår", "vårt", "våra"})
ASKER_IN_A_PLACE = frozenset({"i", "på", "från"})  # "vi är BVC i Värnamo", "vi från Vaggeryd"
ASKER_LIVING = frozenset({"bor", "bo", "bodde"})  # "vi bor i Anderstorp": a place wanted

# Prepositions typed onto the next word without a space ("pårasten", "iskolan")
GLUED_PREPOSITIONS = ("på", "i", "för", "med", "till", "om", "av", "vid", "från", "hos",
                      "mot", "utan", "efter", "under", "över")

# Everyday Swedish clips a word to its first syllable and adds -is ("dagis" for daghem,
# "fritis" for fritidshem, "gympis"): an unknown word with that ending stands for the index
# word its stem begins that most examples write.
CLIPPED_ENDINGS = ("isarna", "isar", "isen", "is")


# --- A concept sheet's checklist (search/sheet_checklist.py): stems and phrases it looks for ---

EQUITY_WORDS = ("jämlik", "utsatt", "nyanlän", "socioekonom", "alla barn", "funktionsnedsätt",
                "tolk", "modersmål", "riskgrupp", "särskilt stöd", "behöver det mest",
                "ensamstående", "flickor och pojkar", "hög frånvaro", "förstagångsföräldrar")
PARTICIPATION_WORDS = ("delaktig", "elevråd", "barnens röst", "ungas röst", "enkät", "intervju",
                       "dialog", "frågade", "fråga elev", "fråga barn", "medskap",
                       "inflytande", "egen erfarenhet", "önskemål", "kartlägg")
PARTICIPATING_ACTORS = ("barn och unga", "vårdnadshavare")
MEASURE_HEADINGS = ("mät", "resultat", "så här gick det", "vad hände", "utvärder")
START_HEADINGS = ("nuläge", "bakgrund", "därför", "började", "syfte")
