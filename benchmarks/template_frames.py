"""The data of the template corpus (``template_corpus.py``): 30 news sentence frames and the
word lists its names, places, numbers and dates are made of."""

from __future__ import annotations

# name: (S kind, X kind, N kind, templates); [a|b] is a choice of synonyms, _ a space
FRAMES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "job cuts": ("company", "country", "count", (
        "{S} will [cut|slash|eliminate] {N} jobs in {X}, the company [announced|said|unveiled] {T}",
        "{T}, {S} [announced|said|unveiled] it would [cut|slash|eliminate] {N} jobs in {X}",
        "{S} [plans|intends] to [cut|shed] {N} jobs in {X}, it [announced|said] {T}")),
    "acquisition": ("company", "company", "money", (
        "{S} [agreed|has_agreed] to [buy|acquire] {X} for {N}, the companies [said|announced] {T}",
        "{S} will [buy|acquire|take_over] {X} in a deal worth {N}, it [said|announced] {T}",
        "{T}, {S} [announced|said] a {N} deal to [buy|acquire] {X}")),
    "election": ("party", "city", "percent", (
        "{S} [won|took|secured] {N} of the vote in {X}, the electoral board [said|announced] {T}",
        "the electoral board [said|announced] {T} that {S} had won {N} of the vote in {X}")),
    "attack deaths": ("group", "city", "small", (
        "{N} people were killed in an attack by {S} in {X} {T}, [officials|police] said",
        "an attack by {S} [killed|claimed_the_lives_of] {N} people in {X} {T}")),
    "arrests": ("group", "city", "small", (
        "police [arrested|detained] {N} suspected members of {S} in {X} {T}",
        "{N} suspected members of {S} were [arrested|detained] in {X} {T}, police said")),
    "earnings": ("company", "quarter", "earnings", (
        "{S} reported {X}-quarter net income of {N}, the company [said|announced] {T}",
        "{S} [posted|reported] net income of {N} for the {X} quarter, it said {T}",
        "{T}, {S} [said|reported] its {X}-quarter net income was {N}")),
    "troops statement": ("person", "country", "count", (
        "{S} said {X} will [send|deploy|dispatch] {N} troops to the region, speaking {T}",
        "{X} will [send|deploy] {N} troops to the region, {S} [said|told_reporters] {T}",
        "{T}, {S} [said|announced] that {X} would [send|deploy] {N} troops to the region")),
    "protest": ("party", "city", "count", (
        "{N} supporters of {S} [protested|demonstrated|rallied] in {X} {T}, police said",
        "{T}, {N} backers of {S} [took_to_the_streets|marched] in {X}, according to police")),
    "ministry denial": ("country", "city", "small", (
        "{S}'s defence ministry [denied|rejected] reports that {N} of its troops died near {X} {T}",
        "{T}, the defence ministry of {S} [denied|disputed] that {N} troops died near {X}")),
    "kidnapping": ("group", "city", "small", (
        "gunmen from {S} [kidnapped|abducted|seized] {N} foreign workers in {X} {T}",
        "{N} foreign workers were [kidnapped|abducted] in {X} by {S} {T}, officials said")),
    "investment": ("company", "country", "money", (
        "{S} will invest {N} in a new [plant|factory] in {X}, the company [said|announced] {T}",
        "{S} [announced|unveiled] plans {T} to invest {N} in a new [plant|factory] in {X}")),
    "fine": ("company", "country", "money", (
        "regulators in {X} [fined|penalised] {S} {N} {T} for breaching competition rules",
        "{S} was [fined|penalised] {N} by {X} regulators {T} over competition rules")),
    "recall": ("company", "country", "count", (
        "{S} [will_recall|is_recalling] {N} vehicles in {X} over faulty airbags, it said {T}",
        "{T}, {S} [said|announced] a recall of {N} vehicles in {X} over faulty airbags")),
    "airstrike": ("country", "city", "small", (
        "{S} warplanes [struck|bombed|hit] {X} {T}, killing {N} people, activists said",
        "{N} people were killed when {S} jets [bombed|struck] {X} {T}, according to activists")),
    "prisoners freed": ("group", "city", "small", (
        "{S} [released|freed] {N} prisoners in {X} {T}, a spokesman said",
        "{N} prisoners were [freed|released] by {S} in {X} {T}")),
    "ceasefire": ("country", "group", "small", (
        "{S} accused {X} of [violating|breaching] the ceasefire {N} times {T}",
        "{X} [violated|breached] the truce {N} times, {S} said {T}")),
    "floods": ("country", "city", "small", (
        "{S}'s disaster agency said {N} people died in floods in {X} {T}",
        "floods in {X} killed {N} people, {S}'s disaster agency [said|reported] {T}")),
    "shares": ("company", "city", "pct_small", (
        "shares of {S} [rose|jumped|climbed] {N} in {X} trading {T}",
        "{S} shares [rose|gained] {N} in {X} {T}")),
    "contract": ("company", "country", "money", (
        "{S} [won|was_awarded|secured] a {N} contract from the government of {X}, it said {T}",
        "the government of {X} [awarded|gave] {S} a {N} contract {T}")),
    "sanctions": ("country", "country", "small", (
        "{S} [imposed|announced] sanctions on {N} officials from {X} {T}",
        "{T}, {S} [sanctioned|blacklisted] {N} officials of {X}")),
    "refugees": ("country", "country", "count", (
        "{N} refugees from {S} [arrived|landed] in {X} {T}, the UN [said|reported]",
        "the UN [said|reported] {T} that {N} refugees from {S} had arrived in {X}")),
    "poll": ("person", "country", "percent", (
        "{S} [leads|is_ahead] with {N} in a new poll in {X} published {T}",
        "a poll in {X} published {T} [puts|gives] {S} {N} of the vote")),
    "drug seizure": ("group", "city", "count", (
        "police [seized|confiscated] {N} kilograms of cocaine belonging to {S} in {X} {T}",
        "{N} kg of cocaine linked to {S} were [seized|confiscated] in {X} {T}, police said")),
    "strike": ("company", "city", "count", (
        "{N} workers at {S} [went_on_strike|walked_out] in {X} {T}, the union said",
        "the union said {T} that {N} {S} workers had [walked_out|gone_on_strike] in {X}")),
    "revenue": ("company", "country", "pct_small", (
        "{S} said its revenue in {X} [rose|grew|increased] {N}, reporting results {T}",
        "{S}'s revenue in {X} [rose|grew] {N}, the company said {T}")),
    "aid pledge": ("country", "country", "money", (
        "{S} [pledged|promised] {N} in aid to {X} {T}",
        "{X} will receive {N} in aid from {S}, officials [said|announced] {T}")),
    "rockets": ("group", "city", "small", (
        "{S} [fired|launched] {N} rockets at {X} {T}, the military said",
        "the military said {N} rockets were [fired|launched] by {S} at {X} {T}")),
    "clashes": ("group", "city", "small", (
        "{N} fighters of {S} were killed in clashes in {X} {T}, a monitoring group said",
        "clashes in {X} killed {N} fighters of {S} {T}, according to a monitoring group")),
    "ipo": ("company", "city", "money", (
        "{S} raised {N} in its [initial_public_offering|IPO] in {X} {T}",
        "{T}, {S} [priced|completed] an IPO in {X} that raised {N}")),
    "deportations": ("country", "country", "count", (
        "{X} [deported|expelled] {N} citizens of {S} {T}, the interior ministry said",
        "the interior ministry said {T} that {N} nationals of {S} were [deported|expelled] "
        "from {X}")),
    "cholera": ("country", "city", "count", (
        "{S}'s health ministry [reported|confirmed] {N} new cholera cases in {X} {T}",
        "{N} new cholera cases were [reported|confirmed] in {X} {T}, {S}'s health ministry said")),
}  # fmt: skip

SYLLABLES = "al ba ka ra sha mi dor tan vel qu zar ne lo fi ha jo lan mur sem ti wa yus ek".split()
_COUNTRIES = """France Mexico Brazil India Germany Japan Egypt Nigeria Kenya Iraq Syria Yemen Libya
Pakistan Afghanistan Iran Russia Ukraine Poland Spain Italy Canada Chile Peru Colombia Argentina
Indonesia Vietnam Thailand Malaysia China Australia Sweden Norway Morocco Algeria Tunisia Sudan
Somalia Ethiopia Mali Niger Ghana Senegal Lebanon Jordan Qatar Bangladesh Greece Portugal Romania
Hungary Belgium Austria"""
# every country with its other names, if any
COUNTRIES: list[tuple[str, ...]] = [(c,) for c in _COUNTRIES.split()] + [
    ("Myanmar", "Burma"), ("Ivory Coast", "Cote d'Ivoire"), ("Turkey", "Turkiye"),
    ("the Netherlands", "Holland"), ("Saudi Arabia", "the Saudi kingdom"),
]  # fmt: skip
FIRST_NAMES = """John Maria Ahmed Mohammad Omar Yusuf Hussein Abu_Bakr Abdel_Aziz Fatima Ali Hassan
Ibrahim Anna Peter Elena Luis Chen Kenji Olga Ivan Sarah David Abu_Omar""".split()
# spelling variants of a name: every pattern found is replaced by each of its alternatives
VARIANTS = [
    ("al-", ("el-", "al ", "")), ("Abu ", ("Abou ",)), ("Mohammad", ("Mohamed", "Muhammad")),
    ("Qaeda", ("Qaida",)), ("Hussein", ("Husayn", "Hussain")), ("Yusuf", ("Youssef",)),
    ("Omar", ("Umar",)), ("Abdel ", ("Abdul ", "Abd al-")), (" Corp", (" Corporation", "")),
]  # fmt: skip
COMPANY_SUFFIXES = ["", "", " Corp", " Group", " Holdings", " Motors", " Airlines", " Bank"]
GROUPS = ["Jabhat al-{}", "Ansar al-{}", "the {} Front", "al-{} Brigades", "al-Qaeda in {}",
          "the {} Movement", "Harakat al-{}"]  # fmt: skip
PARTIES = ["the {} Party", "the {} Alliance", "the Democratic {} Party"]
CITIES = ["{}", "{}", "{}abad", "{}pur", "San {}", "al-{}", "{} City"]
QUARTERS: list[tuple[str, ...]] = [("first",), ("second",), ("third",), ("fourth",)]
FRAMINGS = ["according to officials, ", "Reuters reported that ", "sources said ", "BREAKING: ",
            ", Reuters reported", ", according to officials", ", state media reported",
            ", AFP said"]  # fmt: skip
NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = """January February March April May June July August September October November
December""".split()
