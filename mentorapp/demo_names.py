"""Invented people, employers and careers for the demo programme (see ``mentorapp.demo``).

Kept apart from the logic because it is plain data. Every name is made up; the mix of
origins and letters (Ł, ő, ş, ă, đ, ı, å, ä, ö …) is deliberate, so that sorting, searching,
exports and PDFs meet real-world names from the first minute.
"""

from __future__ import annotations

from typing import NamedTuple


class Name(NamedTuple):
    first: str
    last: str
    gender: str  # "kvinna", "man" or "" (not stated)


class AdeptProfile(NamedTuple):
    """What an adept did before coming to Sweden and where they want to work now."""

    occupation: str
    level: str
    field: str  # SUN 2020 code
    field_text: str
    industry: str  # SNI 2007 section
    industry_text: str
    goal: str
    weight: int


class MentorProfile(NamedTuple):
    job_title: str
    level: str
    field: str
    field_text: str


class Employer(NamedTuple):
    name: str
    contact_name: str
    note: str
    industry: str
    industry_text: str
    profiles: tuple[MentorProfile, ...]


class Retiree(NamedTuple):
    profile: MentorProfile
    industry: str
    industry_text: str


ADEPT_NAMES: tuple[Name, ...] = (
    Name("Rania", "Haddad", "kvinna"),
    Name("Omar", "Al-Khatib", "man"),
    Name("Lina", "Mansour", "kvinna"),
    Name("Yousef", "Darwish", "man"),
    Name("Farid", "Ahmadzai", "man"),
    Name("Mariam", "Rahimi", "kvinna"),
    Name("Ahmad", "Wardak", "man"),
    Name("Hamid", "Noori", "man"),
    Name("Shirin", "Karimi", "kvinna"),
    Name("Reza", "Mohammadi", "man"),
    Name("Niloufar", "Tehrani", "kvinna"),
    Name("Kaveh", "Jafari", "man"),
    Name("Fatemeh", "Hosseini", "kvinna"),
    Name("Zainab", "Al-Jabouri", "kvinna"),
    Name("Mustafa", "Kareem", "man"),
    Name("Senait", "Tesfay", "kvinna"),
    Name("Yonas", "Ghebremedhin", "man"),
    Name("Helen", "Berhane", "kvinna"),
    Name("Tigist", "Alemu", "kvinna"),
    Name("Hodan", "Warsame", "kvinna"),
    Name("Abdirahman", "Farah", "man"),
    Name("Fadumo", "Jama", "kvinna"),
    Name("Olena", "Kovalenko", "kvinna"),
    Name("Dmytro", "Shevchuk", "man"),
    Name("Iryna", "Bondarenko", "kvinna"),
    Name("Oleksandr", "Melnyk", "man"),
    Name("Hanna", "Lysenko", ""),
    Name("Łukasz", "Wiśniewski", "man"),
    Name("Agnieszka", "Kowalczyk", "kvinna"),
    Name("Małgorzata", "Nowak", "kvinna"),
    Name("Zoltán", "Hőgyes", "man"),
    Name("Erzsébet", "Szőke", "kvinna"),
    Name("Réka", "Szabó", "kvinna"),
    Name("Şükrü", "Çelik", "man"),
    Name("Işıl", "Yıldız", "kvinna"),
    Name("Ayşe", "Demir", "kvinna"),
    Name("Mehmet", "Arslan", "man"),
    Name("Ștefan", "Năstase", "man"),
    Name("Ioana", "Dumitrescu", "kvinna"),
    Name("Bogdan", "Popescu", "man"),
    Name("Thu Trang", "Đặng", "kvinna"),
    Name("Minh Đức", "Trần", "man"),
    Name("Priya", "Raghunathan", "kvinna"),
    Name("Arjun", "Mehta", "man"),
    Name("Sneha", "Kulkarni", "kvinna"),
    Name("Lei", "Wang", "man"),
    Name("Xiaoyu", "Chen", "kvinna"),
    Name("Jing", "Zhou", ""),
    Name("Andrés Felipe", "Rodríguez", "man"),
    Name("Valentina", "Ospina", "kvinna"),
    Name("Santiago", "Herrera", "man"),
    Name("Catalina", "Muñoz", "kvinna"),
    Name("Joaquín", "Fuentes", ""),
    Name("Chinedu", "Okafor", "man"),
    Name("Oluwaseun", "Adeyemi", ""),
    Name("Ngozi", "Eze", "kvinna"),
    Name("Amra", "Đurđević", "kvinna"),
    Name("Emir", "Hodžić", "man"),
    Name("Karim", "Nassar", "man"),
    Name("Samira", "Benali", "kvinna"),
)

MENTOR_NAMES: tuple[Name, ...] = (
    Name("Anna", "Lindström", "kvinna"),
    Name("Erik", "Johansson", "man"),
    Name("Karin", "Åberg", "kvinna"),
    Name("Lars", "Söderberg", "man"),
    Name("Maria", "Ekström", "kvinna"),
    Name("Johan", "Nyström", "man"),
    Name("Eva", "Björklund", "kvinna"),
    Name("Per", "Öhman", "man"),
    Name("Sofia", "Håkansson", "kvinna"),
    Name("Magnus", "Wåhlin", "man"),
    Name("Ingrid", "Sjöström", "kvinna"),
    Name("Anders", "Löfgren", "man"),
    Name("Helena", "Strömqvist", "kvinna"),
    Name("Mikael", "Ågren", "man"),
    Name("Camilla", "Dahlström", "kvinna"),
    Name("Fredrik", "Bäckström", "man"),
    Name("Ulrika", "Forsberg", "kvinna"),
    Name("Jonas", "Hägglund", "man"),
    Name("Malin", "Östlund", "kvinna"),
    Name("Henrik", "Sandström", "man"),
    Name("Åsa", "Lundqvist", "kvinna"),
    Name("Björn", "Engström", "man"),
    Name("Lena", "Karlsson", "kvinna"),
    Name("Cecilia", "Nordén", "kvinna"),
    Name("Mats", "Åkesson", "man"),
    Name("Kerstin", "Hedlund", "kvinna"),
    Name("Oskar", "Wennerström", "man"),
    Name("Sara", "Blomqvist", "kvinna"),
    Name("Kim", "Sandberg", ""),
    Name("Robin", "Eklund", ""),
    Name("Leyla", "Ahmadi", "kvinna"),
    Name("Tomasz", "Kowalski", "man"),
    Name("Mirela", "Hadžić", "kvinna"),
    Name("Samuel", "Kebede", "man"),
    Name("Ana María", "Castro", "kvinna"),
    Name("Rahul", "Sharma", "man"),
    Name("Elif", "Aydın", "kvinna"),
    Name("Viktor", "Petrenko", "man"),
)

P = AdeptProfile
ADEPT_PROFILES: tuple[AdeptProfile, ...] = (
    P(
        "Ekonom",
        "Master",
        "3",
        "Ekonomi",
        "K",
        "Bank och finans",
        "Få ett arbete som ekonom inom bank eller finans.",
        6,
    ),
    P(
        "Revisor",
        "Kandidat",
        "3",
        "Företagsekonomi",
        "M",
        "Redovisning och revision",
        "Förstå hur svensk redovisning och revision fungerar i praktiken.",
        3,
    ),
    P(
        "Jurist",
        "Master",
        "3",
        "Juridik",
        "O",
        "Offentlig sektor",
        "Hitta en väg in i svensk förvaltning med min juristexamen.",
        3,
    ),
    P(
        "Systemutvecklare",
        "Kandidat",
        "4",
        "Data och IT",
        "J",
        "IT och telekom",
        "Få mitt första uppdrag som utvecklare i Sverige.",
        6,
    ),
    P(
        "Dataanalytiker",
        "Master",
        "4",
        "Statistik",
        "J",
        "IT",
        "Bygga ett nätverk inom dataanalys och AI.",
        3,
    ),
    P(
        "Maskiningenjör",
        "Ingenjör",
        "5",
        "Maskinteknik",
        "C",
        "Industri",
        "Få ett ingenjörsjobb inom svensk tillverkningsindustri.",
        5,
    ),
    P(
        "Byggingenjör",
        "Ingenjör",
        "5",
        "Byggteknik",
        "F",
        "Bygg",
        "Lära mig svenska byggregler och arbeta som byggingenjör.",
        3,
    ),
    P(
        "Arkitekt",
        "Master",
        "5",
        "Arkitektur",
        "M",
        "Arkitektbyrå",
        "Komma in på en arkitektbyrå och förstå den svenska planprocessen.",
        2,
    ),
    P(
        "Elingenjör",
        "Ingenjör",
        "5",
        "Elektroteknik",
        "D",
        "Energi",
        "Arbeta med elnät eller förnybar energi.",
        2,
    ),
    P(
        "Läkare",
        "Läkarexamen",
        "7",
        "Medicin",
        "Q",
        "Vård",
        "Förbereda mig för legitimation och få en tjänst som läkare.",
        4,
    ),
    P(
        "Sjuksköterska",
        "Kandidat",
        "7",
        "Omvårdnad",
        "Q",
        "Vård och omsorg",
        "Få min legitimation och arbeta som sjuksköterska.",
        3,
    ),
    P(
        "Tandläkare",
        "Master",
        "7",
        "Odontologi",
        "Q",
        "Tandvård",
        "Förstå vägen till svensk tandläkarlegitimation.",
        1,
    ),
    P(
        "Apotekare",
        "Master",
        "7",
        "Farmaci",
        "C",
        "Läkemedelsindustri",
        "Hitta ett arbete inom läkemedelsindustrin.",
        2,
    ),
    P(
        "Gymnasielärare",
        "Kandidat",
        "1",
        "Lärarutbildning",
        "P",
        "Skola",
        "Få lärarlegitimation och undervisa i matematik.",
        3,
    ),
    P(
        "Förskollärare",
        "Kandidat",
        "1",
        "Pedagogik",
        "P",
        "Förskola",
        "Arbeta som förskollärare och lära mig svensk förskolepedagogik.",
        1,
    ),
    P(
        "Journalist",
        "Kandidat",
        "3",
        "Journalistik",
        "J",
        "Media",
        "Skriva för en svensk redaktion igen.",
        1,
    ),
    P(
        "Agronom",
        "Master",
        "6",
        "Agronomi",
        "A",
        "Jordbruk",
        "Arbeta med hållbart jordbruk i Sverige.",
        1,
    ),
    P(
        "Veterinär",
        "Master",
        "6",
        "Veterinärmedicin",
        "M",
        "Djursjukvård",
        "Få svensk veterinärlegitimation.",
        1,
    ),
    P("Kemist", "Doktor", "4", "Kemi", "C", "Industri", "Hitta ett labbjobb inom industrin.", 2),
    P(
        "Biolog",
        "Doktor",
        "4",
        "Biologi",
        "P",
        "Universitet",
        "Fortsätta forska inom biologi vid ett svenskt universitet.",
        2,
    ),
    P(
        "Socionom",
        "Kandidat",
        "7",
        "Socialt arbete",
        "O",
        "Kommun",
        "Arbeta som socialsekreterare i en kommun.",
        2,
    ),
    P(
        "Psykolog",
        "Master",
        "3",
        "Psykologi",
        "Q",
        "Vård",
        "Få min utbildning bedömd och arbeta kliniskt.",
        1,
    ),
    P(
        "Marknadsförare",
        "Kandidat",
        "3",
        "Marknadsföring",
        "G",
        "Handel",
        "Få ett jobb inom marknadsföring i handeln.",
        2,
    ),
    P(
        "Logistiker",
        "Kandidat",
        "3",
        "Logistik",
        "H",
        "Transport och logistik",
        "Arbeta med logistik och inköp.",
        2,
    ),
    P(
        "Hotellchef",
        "Kandidat",
        "8",
        "Turism",
        "I",
        "Hotell och restaurang",
        "Komma tillbaka till en chefsroll inom besöksnäringen.",
        1,
    ),
    P(
        "Översättare",
        "Master",
        "2",
        "Språk",
        "M",
        "Översättning",
        "Bli auktoriserad translator.",
        1,
    ),
    P(
        "Statistiker",
        "Master",
        "4",
        "Matematik",
        "O",
        "Myndighet",
        "Arbeta med statistik på en myndighet.",
        2,
    ),
    P(
        "Miljöingenjör",
        "Master",
        "4",
        "Miljövetenskap",
        "E",
        "Avfall och återvinning",
        "Arbeta med miljöfrågor och återvinning.",
        1,
    ),
)

GENERIC_GOALS: tuple[str, ...] = (
    "Förstå den svenska arbetsmarknaden och hur man söker jobb här.",
    "Bygga ett professionellt nätverk i Sverige.",
    "Öva på intervjuer och förbättra mitt CV.",
    "Bli tryggare i att tala svenska på jobbet.",
)

M = MentorProfile
EMPLOYERS: tuple[Employer, ...] = (
    Employer(
        "Norrviks kommun",
        "Karin Lindqvist",
        "Samverkansavtal om mentorer och lokaler.",
        "O",
        "Kommun",
        (
            M("HR-specialist", "Kandidat", "3", "Personalvetenskap"),
            M("Controller", "Master", "3", "Ekonomi"),
            M("Planarkitekt", "Master", "5", "Arkitektur"),
            M("Enhetschef", "Kandidat", "7", "Socialt arbete"),
        ),
    ),
    Employer(
        "Region Västerslätt",
        "Göran Västberg",
        "Mentorer från sjukhusen och regionkontoret.",
        "Q",
        "Hälso- och sjukvård",
        (
            M("Överläkare", "Läkarexamen", "7", "Medicin"),
            M("Vårdenhetschef", "Kandidat", "7", "Omvårdnad"),
            M("Verksamhetsutvecklare", "Master", "3", "Företagsekonomi"),
        ),
    ),
    Employer(
        "Sjöstads Sparbank",
        "",
        "",
        "K",
        "Bank",
        (
            M("Kreditanalytiker", "Master", "3", "Nationalekonomi"),
            M("Kontorschef", "Kandidat", "3", "Ekonomi"),
        ),
    ),
    Employer(
        "Kronhjort Bank AB",
        "Pernilla Ström",
        "Vill gärna ha adepter med ekonomibakgrund.",
        "K",
        "Bank och finans",
        (
            M("Riskanalytiker", "Master", "4", "Matematik"),
            M("Compliance-specialist", "Master", "3", "Juridik"),
        ),
    ),
    Employer(
        "Kodsmedjan IT-konsult AB",
        "Sara Nilsson",
        "",
        "J",
        "IT",
        (
            M("Systemutvecklare", "Master", "4", "Datavetenskap"),
            M("Lösningsarkitekt", "Ingenjör", "4", "Data och IT"),
            M("Projektledare IT", "Kandidat", "4", "Systemvetenskap"),
        ),
    ),
    Employer(
        "Brofors Ingenjörer AB",
        "",
        "",
        "M",
        "Teknikkonsult",
        (
            M("Uppdragsledare", "Ingenjör", "5", "Väg- och vattenbyggnad"),
            M("Konstruktör", "Ingenjör", "5", "Maskinteknik"),
            M("Elkonstruktör", "Ingenjör", "5", "Elektroteknik"),
        ),
    ),
    Employer(
        "Mälarstrands universitet",
        "Per Ekdahl",
        "Lånar ut aulan till avslutningen.",
        "P",
        "Universitet",
        (
            M("Universitetslektor", "Doktor", "4", "Kemi"),
            M("Forskningssamordnare", "Doktor", "2", "Historia"),
            M("Studie- och karriärvägledare", "Kandidat", "1", "Pedagogik"),
        ),
    ),
    Employer(
        "Akademikerförbundet Framtid",
        "Leila Amini",
        "Sprider annonsen i sitt nyhetsbrev.",
        "S",
        "Fackförbund",
        (M("Ombudsman", "Master", "3", "Juridik"), M("Karriärcoach", "Kandidat", "3", "Psykologi")),
    ),
    Employer(
        "Ljusdala Energi AB",
        "",
        "",
        "D",
        "Energi",
        (
            M("Nätplanerare", "Ingenjör", "5", "Elteknik"),
            M("Energiingenjör", "Master", "5", "Energiteknik"),
        ),
    ),
    Employer(
        "Handelshuset Runa AB",
        "Jenny Falk",
        "",
        "G",
        "Handel",
        (
            M("Inköpschef", "Kandidat", "3", "Företagsekonomi"),
            M("Logistikchef", "Kandidat", "3", "Logistik"),
            M("E-handelsansvarig", "Kandidat", "3", "Marknadsföring"),
        ),
    ),
)

RETIREES: tuple[Retiree, ...] = (
    Retiree(M("Pensionerad civilingenjör", "Ingenjör", "5", "Maskinteknik"), "C", "Industri"),
    Retiree(M("Pensionerad gymnasielärare", "Kandidat", "1", "Lärarutbildning"), "P", "Skola"),
    Retiree(M("Pensionerad läkare", "Läkarexamen", "7", "Medicin"), "Q", "Vård"),
)

CITIES: tuple[tuple[str, int], ...] = (
    ("Stockholm", 9),
    ("Göteborg", 6),
    ("Malmö", 5),
    ("Uppsala", 3),
    ("Linköping", 2),
    ("Umeå", 1),
    ("Örebro", 2),
    ("Västerås", 2),
    ("Lund", 2),
    ("Norrköping", 2),
)

# Notes on the guide's checklist, on a stage's first item (or its first open one), keyed by
# ("" for the programme's own stages, or "finished" / "running" for the rounds) and stage.
CHECKLIST_NOTES: dict[tuple[str, str], str] = {
    ("", "idea"): "Behovet lyftes av Norrviks kommun och Akademikerförbundet Framtid.",
    ("", "resources"): "Bidrag beviljat ur kommunens integrationsfond för två omgångar.",
    ("finished", "recruitment"): "Flest ansökningar kom via förbundets nyhetsbrev.",
    ("finished", "evaluation"): "78 % svarade på slutenkäten.",
    ("running", "kickoff"): "Kick-off på stadsbiblioteket, 46 deltagare.",
    ("running", "running"): "Två par har inte bokat sin andra träff – påminn dem.",
}

# The coordinator's own items in the running round: (stage, text, done how many days after
# the round's start, or None while still open).
OWN_CHECKLIST_ITEMS: tuple[tuple[str, str, int | None], ...] = (
    ("kickoff", "Beställ fika och namnskyltar till kick-off", -2),
    ("closing", "Boka lokal för avslutningsträffen", None),
)

# Reasons a coordinator writes when an application takes a turn, per (status, role).
STATUS_REASONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("waitlisted", "adept"): (
        "Ingen ledig mentor inom samma bransch den här omgången.",
        "Reserv – erbjuds plats om någon hoppar av.",
        "Vill hellre vänta på en mentor i Göteborg.",
    ),
    ("declined", "adept"): (
        "Har redan ett arbete som motsvarar utbildningen.",
        "Saknar eftergymnasial utbildning.",
    ),
    ("declined", "mentor"): ("För kort tid på svensk arbetsmarknad ännu; välkommen nästa år.",),
    ("withdrawn", "adept"): (
        "Har fått jobb inom sitt område – grattis!",
        "Flyttar till en annan ort.",
    ),
    ("withdrawn", "mentor"): ("Hinner inte på grund av nya arbetsuppgifter.",),
}
