"""The documents-signed stage: which sentences sign what, in the text's words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopatlas.doc import Doc
from coopatlas.extract.contract import to_contract
from coopatlas.extract.signed import signed_stage
from coopatlas.extract.signed_clauses import object_end, subject_start
from coopatlas.extract.signed_filters import (
    about_ru_kz,
    consent_use,
    plausible,
    same_document,
)
from coopatlas.gazetteer.countries import foreign_countries
from coopatlas.model import Document, Span
from test_forums_support import make_doc

GOLDEN = Path(__file__).parent / "golden" / "events"
KZ = "Russia and Kazakhstan held talks. "


def titles(text: str, prefix: str = KZ) -> list[tuple[str, str, str]]:
    doc = signed_stage(make_doc(prefix + text))
    return [(c.fact.title, c.fact.kind, c.fact.status) for c in doc.claims]


@pytest.mark.parametrize("text,expected", [
    ("The ministers signed a memorandum of understanding on tourism.",
     [("memorandum of understanding on tourism", "memorandum", "signed")]),
    ("An agreement on water use was adopted.",
     [("agreement on water use", "agreement", "adopted")]),
    ("A joint statement on energy, an agreement on rail transit and a protocol on customs "
     "will be signed tomorrow.",
     [("joint statement on energy", "statement", "planned"),
      ("agreement on rail transit", "agreement", "planned"),
      ("protocol on customs", "protocol", "planned")]),
    ("A treaty on fisheries or, rather, a framework programme on fisheries is being drafted.",
     [("framework programme on fisheries", "programme", "drafted")]),
    ("A concept of the tourism programme was drafted and will be adopted today.",
     [("concept of the tourism programme", "concept", "drafted")]),
    ("The Customs Declaration to be signed at the summit is ready.",
     [("Customs Declaration", "declaration", "planned")]),
    ("Eight documents were signed at the forum, in particular on energy, education, health.",
     [("documents on energy", "document", "signed"),
      ("documents on education", "document", "signed"),
      ("documents on health", "document", "signed")]),
    ("A roadmap for the two programmes was proposed.", []),
    ("We support the plans for the new reserve.", []),
    ("Over 300 agreements have been signed between the regions.", []),
    # one event's batch names the documents; a running total is a figure
    ("Fourteen documents were signed during the visit.",
     [("documents", "document", "signed")]),
    ("The presidents will sign today.", []),
    # "endorse" signs off a document too; "entrusted with drafting" drafts one
    ("Today the council endorsed the concept for fighting smuggling.",
     [("concept for fighting smuggling", "concept", "adopted")]),
    ("The commission was entrusted with drafting a statute on observer states.",
     [("statute on observer states", "document", "drafted")]),
    # a collective's adjectives are no count against the title
    ("They will witness the signing of a package of interstate, intergovernmental, "
     "interregional and commercial documents.",
     [("package of interstate, intergovernmental, interregional and commercial documents",
       "document", "planned")]),
    # a relative adverb and praise before the title are trimmed
    ("We met at the summit, where an extremely important convention on the sea was signed.",
     [("convention on the sea", "agreement", "signed")]),
    # documents left unnamed are no title
    ("We endorsed the plan on water use and a number of other important documents.",
     [("plan on water use", "plan", "adopted")]),
    # a grouping Kazakhstan belongs to signs with a third country
    ("The Eurasian Economic Union signed a free trade agreement with Serbia.",
     [("free trade agreement with Serbia", "agreement", "signed")]),
])
def test_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert titles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a semicolon list keeps its last item
    ("The ministers signed a treaty on river navigation; a protocol on veterinary checks; "
     "and a memorandum on grain exports.",
     ["treaty on river navigation", "protocol on veterinary checks",
      "memorandum on grain exports"]),
    # a long comma list: a date's comma and an inner "of" list do not cut it
    ("The sides signed a plan of joint events for 2025–2027, an agreement on the protection "
     "of lakes, wetlands and forests, a protocol on customs data dated March 3, 2001, as well "
     "as a memorandum on credit lines between two banks.",
     ["plan of joint events for 2025–2027",
      "agreement on the protection of lakes, wetlands and forests",
      "protocol on customs data dated March 3, 2001",
      "memorandum on credit lines between two banks"]),
    # a name in apposition to a bare "document" is its title; an aside is left out
    ("Today we will adopt an important document, the Basic Principles of Water Policy "
     "through 2030.", ["document, the Basic Principles of Water Policy through 2030"]),
    ("The ministers signed a treaty, the first in ten years, and a protocol on dams.",
     ["treaty", "protocol on dams"]),
    ("We signed a memorandum on trade, investment, and farming.",
     ["memorandum on trade, investment, and farming"]),
    # coordinated modifiers belong to the one noun after them
    ("The delegations will sign interstate, municipal and private agreements.",
     ["interstate, municipal and private agreements"]),
    ("We have signed or will sign several bilateral treaties and trade contracts.",
     ["bilateral treaties and trade contracts"]),
    # a topic list inside "documents on X, Y and Z" is one title per outer item
    ("Nine documents were signed, in particular on prevention of floods, fires and droughts, "
     "on tourism, health, and road building.",
     ["documents on prevention of floods, fires and droughts", "documents on tourism",
      "documents on health", "documents on road building"]),
])
def test_lists(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a collective head announces the items after "including", "among them" or a colon
    ("The ministers signed a number of documents, including an agreement on grain storage, "
     "an agreement on river ports and a memorandum on tourism.",
     ["agreement on grain storage", "agreement on river ports", "memorandum on tourism"]),
    ("Several other interregional agreements were also signed, among them a treaty on the "
     "joint use of pastures, a memorandum between the two customs services on data exchange, "
     "and a protocol on veterinary checks.",
     ["treaty on the joint use of pastures",
      "memorandum between the two customs services on data exchange",
      "protocol on veterinary checks"]),
    ("The following documents were adopted: a plan of cultural events for 2026; a programme "
     "of student exchanges; and a statement on water use.",
     ["plan of cultural events for 2026", "programme of student exchanges",
      "statement on water use"]),
    ("The sides signed three documents: a treaty on fisheries, a roadmap for rail freight "
     "and a memorandum on loans.",
     ["treaty on fisheries", "roadmap for rail freight", "memorandum on loans"]),
    ("Several documents, including an accord on air links and a protocol on customs data, "
     "were signed.",
     ["accord on air links", "protocol on customs data"]),
    # an item keeps its own inner list; the clause after it is not part of it
    ("Many documents have been signed, including the Treaty on friendship, good "
     "neighbourliness and mutual aid, and since then trade has grown every year.",
     ["Treaty on friendship, good neighbourliness and mutual aid"]),
    # items that name no document: topics of a counted head, else the head alone
    ("Five documents were signed, in particular on customs, on health care, and on rail "
     "freight.",
     ["documents on customs", "documents on health care", "documents on rail freight"]),
    ("A large package of agreements was signed, including by the governors of border "
     "regions.", ["package of agreements"]),
    ("Dedicated programmes were adopted for the ten towns with the worst air, including "
     "Ridder.", ["Dedicated programmes for the ten towns with the worst air"]),
    ("The leaders adopted a declaration on a new association — the Caspian Council.",
     ["declaration on a new association — the Caspian Council"]),
    ("The governors signed two agreements: on fish farming and on rail freight.",
     ["agreements on fish farming", "agreements on rail freight"]),
    # the list follows the verb of a reduced relative or an inverted passive
    ("The documents signed include an accord on fish stocks and a protocol on quarantine.",
     ["accord on fish stocks", "protocol on quarantine"]),
    ("Also signed were a treaty on fish stocks and a memorandum on river ports.",
     ["treaty on fish stocks", "memorandum on river ports"]),
])
def test_list_markers(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a bare passive subject takes the complement that says what the document is about
    ("A memorandum was also signed to set up a joint laboratory of two universities.",
     ["memorandum to set up a joint laboratory of two universities"]),
    ("A programme was adopted for the preservation of steppe wetlands, as agreed.",
     ["programme for the preservation of steppe wetlands"]),
    ("An agreement was signed between the two rail companies.",
     ["agreement between the two rail companies"]),
    ("An agreement was signed on Monday.", ["agreement"]),
    ("A protocol was signed for the first time.", ["protocol"]),
    ("A treaty on river shipping was signed to general applause.",
     ["treaty on river shipping"]),
    # a list of topics, each with its preposition, is one document per topic
    ("Agreements were signed on grain exports, on rail tariffs and on student grants.",
     ["Agreements on grain exports", "Agreements on rail tariffs", "Agreements on student grants"]),
    ("Agreements were signed on trade and investment.", ["Agreements on trade and investment"]),
])
def test_passive_complement(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # every verb of a coordination has its own object
    ("The governors also signed a memorandum on youth exchanges and adopted a joint "
     "communique on the results of the forum.",
     [("memorandum on youth exchanges", "signed"),
      ("joint communique on the results of the forum", "adopted")]),
    ("The sides signed an agreement on air links and a protocol on customs data.",
     [("agreement on air links", "signed"), ("protocol on customs data", "signed")]),
    ("The president signed a law ratifying the treaty on dams and a protocol to it.", []),
    ("They signed a treaty on dams and did not sign the protocol.",
     [("treaty on dams", "signed")]),
    ("The ministers signed the plan of joint inspections and held a press conference.",
     [("plan of joint inspections", "signed")]),
    ("The presidents signed a joint statement, and the ministers signed an accord on dams.",
     [("joint statement", "signed"), ("accord on dams", "signed")]),
    ("A treaty on lakes was signed, and a memorandum on ports was adopted.",
     [("treaty on lakes", "signed"), ("memorandum on ports", "adopted")]),
    ("The two leaders signed a treaty on lakes in 2010, which is still in force.",
     [("treaty on lakes", "signed")]),
    # the gerund after a preposition
    ("The visit ended by signing an agreement on the joint use of the river.",
     [("agreement on the joint use of the river", "signed")]),
    ("After signing the protocol, the ministers met the press.", [("protocol", "signed")]),
    ("We will start by signing a memorandum on trade.",
     [("memorandum on trade", "planned")]),
    # counts: one event's batch, or a running total
    ("During the fair, the companies signed 37 contracts worth $2 billion.",
     [("contracts", "signed")]),
    ("The firms signed twelve contracts for 3 billion roubles.", [("contracts", "signed")]),
    ("More than 200 contracts have been signed since 2015.", []),
    ("We have signed 27 agreements over the past five years.", []),
    ("Dozens of agreements were signed.", []),
])
def test_coordination_gerunds_and_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, _, s in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # the subject of a passive starts after a clause of its own or an introductory phrase
    ("Our ties are strong, many documents have been signed, and trade keeps growing.",
     ["documents"]),
    ("Relations are well established, several agreements were signed in the spring.",
     ["agreements"]),
    ("By the way, the programmes mentioned by the minister are being drafted.",
     ["programmes mentioned by the minister"]),
    ("I am sure that during the next visit, important documents on energy will be signed.",
     ["documents on energy"]),
    ("An agreement on gas, which we discussed at length, was signed.", ["agreement on gas"]),
])
def test_clause_boundaries(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text", [
    # documents merely discussed or mentioned
    "The ministers discussed the draft treaty on fisheries and a programme of joint research.",
    "The signed agreements are being implemented well.",
    "We did not sign the treaty on the canal.",
    "We are not going to sign any contract on that route.",
    # what may be done, not what was or will be
    "Under the new law, border regions can conclude agreements on trade with their neighbours.",
    "Cities may also sign twinning agreements of their own.",
    # "agreement" as consent, "agreed that"
    "By agreement of the parties, the talks were moved to May and no documents signed.",
    "The sides reached an agreement that the border posts will be signposted.",
    "The presidents agreed that the governments should prepare proposals on energy.",
    "There is full agreement between us on these plans, and we signed off on the budget.",
    # "sign" as a noun
    "This is a good sign for our agreements on trade.",
])
def test_no_document_signed(text: str) -> None:
    assert titles(text) == []


@pytest.mark.parametrize("phrase,consent", [
    ("agreement of the parties", False), ("by agreement of the parties", True),
    ("reached an agreement on prices", True), ("mutual agreement", True),
    ("agreements on prices", False), ("the agreement on prices", False),
])
def test_consent_use(phrase: str, consent: bool) -> None:
    assert consent_use(phrase) is consent


@pytest.mark.parametrize("sentence,verb,subject", [
    ("At the end of the forum, a number of regional documents were signed.",
     " were signed", "a number of regional documents"),
    ("Ties are good, many documents have been signed.", " have been signed",
     "many documents"),
    ("In particular, a concept, two plans and a treaty were adopted.", " were adopted",
     "a concept, two plans and a treaty"),
    ("An agreement on X, which we discussed, was signed.", " was signed",
     "An agreement on X, which we discussed,"),
])
def test_subject_start(sentence: str, verb: str, subject: str) -> None:
    at = sentence.index(verb)
    assert sentence[subject_start(sentence, Span(0, len(sentence)), at):at] == subject


@pytest.mark.parametrize("obj,kept", [
    ("a treaty on dams in the presence of the presidents", "a treaty on dams"),
    ("a memorandum on trade and adopted a statement", "a memorandum on trade"),
    ("41 contracts for a total of $3 billion", "41 contracts"),
    ("a plan for 2024–2030", "a plan for 2024–2030"),
    ("the treaty on rivers, and since then our trade has grown", "the treaty on rivers"),
    ("an agreement on ports, lakes and rivers", "an agreement on ports, lakes and rivers"),
    ("the agreements if they were ready", "the agreements"),
    ("the treaty, for example, on rivers", "the treaty"),
])
def test_object_end(obj: str, kept: str) -> None:
    assert obj[:object_end(obj, 0, len(obj))] == kept


@pytest.mark.parametrize("text,expected", [
    ("The governors worked yesterday on five inter-regional agreements.",
     [("inter-regional agreements", "drafted")]),
    ("The president instructed the government to prepare a treaty that would simplify border "
     "crossings for students.",
     [("treaty that would simplify border crossings for students", "drafted")]),
    ("The ministries are drafting a programme of joint geological surveys.",
     [("programme of joint geological surveys", "drafted")]),
    ("A customs protocol will be submitted for signing next month.",
     [("customs protocol", "planned")]),
    ("The regions will sign another six cooperation agreements.",
     [("cooperation agreements", "planned")]),
    ("Business leaders are expected to sign about 25 joint contracts.",
     [("joint contracts", "planned")]),
])
def test_drafting_and_planned_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, _, s in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Russian regions have signed agreements with Armenia.", []),
    ("An Armenian-Russian treaty on science was signed.", []),
    ("Russia and Uzbekistan signed a treaty on water.", []),
    ("Russia and Kazakhstan signed a treaty on transit to China.",
     ["treaty on transit to China"]),
])
def test_third_country_documents_are_left_out(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The following documents were signed:\n"
     "A memorandum on grain exports between the Russian and Kazakh farm ministries;\n"
     "– an agreement between Omsk Region and Pavlodar Region on school exchanges;\n"
     "3) Protocol on customs checks at the Petropavl crossing.\n"
     "The presidents then spoke to the press.\n",
     [("memorandum on grain exports between the Russian and Kazakh farm ministries", "signed"),
      ("agreement between Omsk Region and Pavlodar Region on school exchanges", "signed"),
      ("Protocol on customs checks at the Petropavl crossing", "signed")]),
    ("Tomorrow the ministers will sign the following:\n"
     "Agreement on rail tariffs;\nThe talks will last two days.\n",
     [("Agreement on rail tariffs", "planned")]),
    # no colon-announced list: the lines after are not items
    ("A memorandum on tourism was signed.\nAgreement on rail tariffs is in force.\n",
     [("memorandum on tourism", "signed")]),
])
def test_a_list_announced_before_its_lines(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, _, s in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The President signed a law that ratifies the Agreement between Russia and Kazakhstan "
     "on Joint Air Patrols.\nThe Agreement was signed in Omsk on May 2, 2012.\n",
     ["Agreement between Russia and Kazakhstan on Joint Air Patrols"]),
    ("The President submitted the Protocol on Border Rivers to the State Duma. "
     "The Protocol was signed in Oral in 2015.",
     ["Protocol on Border Rivers"]),
    # lower case: a common noun, not an official title, is left as it stands
    ("We discussed the programme on grain; thank you for adopting the programme at that time.",
     ["programme"]),
    ("The Treaty was signed in Astana in 2013.", ["Treaty"]),
])
def test_the_agreement_is_the_one_named_before(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # the participle after a long official title: the outermost document, a date's comma
    ("The President sent to the Duma the Protocol Amending the Protocol to the Agreement on "
     "Fishing in the Ural River of May 3, 1999, signed in Oral on June 1, 2016.",
     ["Protocol Amending the Protocol to the Agreement on Fishing in the Ural River of May 3, "
      "1999"]),
    # coordination is not nesting: the nearest document is the one signed
    ("We keep to the treaty on borders and the agreement on rail transit signed last year.",
     ["agreement on rail transit"]),
])
def test_a_participle_after_a_nested_title(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


def test_a_publication_not_naming_kazakhstan_has_no_documents() -> None:
    assert titles("Russia and Armenia signed a treaty on energy.", prefix="") == []


@pytest.mark.parametrize("text,country", [
    ("talks with Azerbaijan", ["Azerbaijan"]),
    ("Syrian and Chinese firms", ["Syrian", "Chinese"]),
    ("Uzbek and Belarusian regions", ["Uzbek", "Belarusian"]),
    ("the United States", ["United States"]),
    ("Dutch and Turkish firms", ["Dutch", "Turkish"]),  # adjectives no suffix derives
    ("the Omsk Region and North Kazakhstan", []), ("Russian and Kazakh citizens", []),
])
def test_foreign_countries(text: str, country: list[str]) -> None:
    assert foreign_countries(text) == country


def test_sentence_about_another_country_only() -> None:
    assert not about_ru_kz("agreement on gas", "Russia and Georgia signed an agreement on gas.")
    assert about_ru_kz("agreement on gas", "Kazakhstan and Russia signed an agreement on gas.")


@pytest.mark.parametrize("phrase,ok", [
    ("interstate, inter-governmental, regional and commercial agreements", True),
    ("agreement that would let students travel", True),
    ("in spring we set out our plans", False),
    ("each of us will then move on to the documents", False),
    ("documents have been drafted and initialled", False),
    ("leaders of the five states met, although no final declaration", False),
    # a document noun inside another phrase, or a clause with a pronoun
    ("approach towards concluding supply contracts", False),
    ("meeting by signing agreements", False),
    ("documents to enrol him in the academy", False),
    ("package of bilateral documents", True), ("agreements with four of them", True),
])
def test_plausible_titles(phrase: str, ok: bool) -> None:
    assert plausible(phrase) is ok


def test_a_clause_is_not_a_title() -> None:
    text = "All the documents have been drafted and initialled to be signed next week."
    assert [(t, s) for t, _, s in titles(text)] == [("documents", "drafted")]


def test_same_document_twice_is_listed_once() -> None:
    text = ("A joint action programme for border crossing points was signed. "
            "The Joint Action Programme on Border Crossing Points to be signed is ambitious.")
    assert [t for t, _, _ in titles(text)] == ["joint action programme for border crossing points"]


def test_a_concept_renamed_is_listed_once() -> None:
    text = ("A Concept for the Russia-Kazakhstan Cross-Border Fisheries Programme was adopted. "
            "A concept of the programme for bilateral cross-border fisheries will be adopted "
            "today.")
    assert [t for t, _, _ in titles(text)] == [
        "Concept for the Russia-Kazakhstan Cross-Border Fisheries Programme"]


@pytest.mark.parametrize("a,b,same", [
    ("concept of the programme for bilateral cross-border fisheries",
     "Concept for the Russia-Kazakhstan Cross-Border Fisheries Programme", True),
    ("documents on energy", "documents on the environment", False),
    ("agreement on school exchanges", "programme of school exchanges", False),
    # a generic "document called ..." is the document it names, of whatever kind
    ("document called Main Lines of the Digital Agenda until 2030",
     "Resolution On the Main Lines of the Digital Agenda until 2030", True),
    ("document called Main Lines of the Digital Agenda until 2030",
     "Resolution On the Honorary Chairman of the Council", False),
])
def test_same_document(a: str, b: str, same: bool) -> None:
    assert same_document(a, b) is same


def test_the_named_kind_is_kept_over_a_generic_document() -> None:
    text = ("We approved a document called Main Lines of the Digital Agenda until 2030. "
            "The Resolution On the Main Lines of the Digital Agenda until 2030 was signed.")
    assert [t for t, _, _ in titles(text)] == [
        "Resolution On the Main Lines of the Digital Agenda until 2030"]


def test_summary_phrase_restating_listed_documents_is_dropped() -> None:
    text = ("An agreement on school exchanges and a plan of museum exhibitions were signed. "
            "A large package of school and museum agreements will be signed as well.")
    assert [t for t, _, _ in titles(text)] == [
        "agreement on school exchanges", "plan of museum exhibitions"]


def test_package_naming_new_parties_is_kept() -> None:
    text = ("An agreement on school exchanges was signed. A package of agreements between the "
            "Omsk Region and the Pavlodar Region will be signed as well.")
    assert len(titles(text)) == 2


def test_parties_are_the_regions_named_in_the_title() -> None:
    doc = signed_stage(make_doc(
        KZ + "The governors signed an agreement between the Omsk Region and the Pavlodar Region "
        "on grain trade."))
    (claim,) = doc.claims
    assert claim.fact.parties == ("RU-OMS", "KZ-55")
    assert claim.span.of(doc.text) == claim.fact.title


@pytest.mark.parametrize("case", sorted(p.stem for p in GOLDEN.glob("signed_*.txt")))
def test_golden(case: str) -> None:
    expected = json.loads((GOLDEN / f"{case}.json").read_text())
    doc = signed_stage(make_doc((GOLDEN / f"{case}.txt").read_text(), expected["published"]))
    assert to_contract(doc)["documents_signed"] == expected["documents_signed"]


@pytest.mark.parametrize("text,expected", [
    # the noun of the act: its "of" object is the document
    ("The talks ended with the signing of an agreement on the joint use of water resources.",
     [("agreement on the joint use of water resources", "signed")]),
    ("The ceremony followed the signing of documents on trade.",
     [("documents on trade", "signed")]),
    ("The sides discussed the preparation of a memorandum on rail freight.",
     [("memorandum on rail freight", "drafted")]),
    ("The leaders will attend the signing of a protocol on customs data.",
     [("protocol on customs data", "planned")]),
    # an anniversary of a signing, or an anaphor, tells no signing
    ("They marked the tenth anniversary of the signing of the Treaty on Good Neighbourliness.",
     []),
    ("Nothing stood in the way of the signing of these documents.", []),
    # a participle after the noun phrase (a reduced relative) signs it
    ("The memorandum on grain exports signed last month by the two ministers already works.",
     [("memorandum on grain exports", "signed")]),
    ("An agreement on the lease of the test range, signed in 1996, remains in force.",
     [("agreement on the lease of the test range", "signed")]),
    ("He believes the statement on grain trade signed recently by the leaders of Russia, "
     "Kazakhstan and Belarus will steady prices.", [("statement on grain trade", "signed")]),
    ("Documents signed during the visit included a programme of cultural exchanges for "
     "2026-2028.", [("programme of cultural exchanges for 2026-2028", "signed")]),
    ("Under the document signed, the field will be developed jointly.", []),
    ("The number of agreements signed between the regions has reached 300.", []),
    # "that" after a preposition is a determiner, not a relative: the title goes on
    ("We had signed an intergovernmental agreement with that country on simpler visas.",
     [("intergovernmental agreement with that country on simpler visas", "signed")]),
])
def test_nominal_and_relative(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, _, s in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a plural head's topics: one document each; a bare item takes the preposition before it
    ("The ministers signed agreements on energy, transport, education and health.",
     ["agreements on energy", "agreements on transport", "agreements on education",
      "agreements on health"]),
    ("We are preparing bilateral agreements in the banking sector, on nuclear fuel, grain.",
     ["bilateral agreements in the banking sector", "bilateral agreements on nuclear fuel",
      "bilateral agreements on grain"]),
    ("The governors signed agreements on fish farming and on river ports.",
     ["agreements on fish farming", "agreements on river ports"]),
    # coordinated adjectives, an "of" complement's own list and an aside stay in one item
    ("The ministers signed agreements on trade, economic and cultural cooperation.",
     ["agreements on trade", "agreements on economic and cultural cooperation"]),
    ("The parties signed agreements on the prevention of floods, fires and droughts, and on "
     "tourism.", ["agreements on the prevention of floods, fires and droughts",
                  "agreements on tourism"]),
    ("The ministers signed documents on cooperation in the gas sector, a traditional area "
     "for both.", ["documents on cooperation in the gas sector"]),
    # a singular head is one document whatever its list
    ("The ministers signed an agreement on energy, transport and health.",
     ["agreement on energy, transport and health"]),
])
def test_topic_lists(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The two presidents approved a plan of joint actions for 2026–2028.",
     [("plan of joint actions for 2026–2028", "adopted")]),
    ("The resolution On the Digital Agenda until 2030 and the convention On Fisheries have "
     "been signed.",
     [("resolution On the Digital Agenda until 2030", "signed"),
      ("convention On Fisheries", "signed")]),
    # a time adjunct with no comma opens the sentence; a trilateral title names Kazakhstan
    ("By December 2025 twelve documents on customs cooperation between Russia, Kazakhstan and "
     "Belarus are to be signed.",
     [("documents on customs cooperation between Russia, Kazakhstan and Belarus", "planned")]),
    # a plural subject's complement list: one document per topic
    ("Besides, documents were signed on the launch of the Tariff Code of the Union, rules "
     "of competition in cross-border markets, and measures to stop dumping.",
     [("documents on the launch of the Tariff Code of the Union", "signed"),
      ("documents on rules of competition in cross-border markets", "signed"),
      ("documents on measures to stop dumping", "signed")]),
    # what the documents signed concern: their topics
    ("Other documents signed concern the exchange of data on goods in transit; the sharing of "
     "import duties; and a common power market.",
     [("documents on the exchange of data on goods in transit", "signed"),
      ("documents on the sharing of import duties", "signed"),
      ("documents on a common power market", "signed")]),
    # a verb's bare object after "the" points back; a bare noun beside a named one is it
    ("We will give the floor to the minister and sign the documents.", []),
    ("Let us sign the approved documents.", []),
    ("We signed an agreement. The agreement on water use was signed in the morning.",
     [("agreement on water use", "signed")]),
])
def test_kinds_subjects_and_anaphors(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, _, s in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a topic naming a third country is that country's document; the others stay
    ("Other documents signed concern transit of goods with China; a free trade zone with "
     "Serbia; and the sharing of import duties.", ["documents on the sharing of import duties"]),
    # the parties outside the list rule for all its topics
    ("Russia and Belarus signed agreements on energy, transport and health.", []),
])
def test_topic_parties(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text, prefix="Kazakhstan was not there. ")] == expected


@pytest.mark.parametrize("text,expected", [
    # a signing that preparations lead to is planned, a year between verb and object or not
    ("The progress lays the groundwork for signing in 2027 a treaty on the Caspian shelf.",
     [("treaty on the Caspian shelf", "planned")]),
    ("The talks moved towards concluding an agreement on grain transit.",
     [("agreement on grain transit", "planned")]),
    # a gerund phrase opening the sentence ends at its comma
    ("Before signing the accord on water, the ministers met farmers.",
     [("accord on water", "signed")]),
    ("After signing the protocol on fish, grain and salt, they left.",
     [("protocol on fish, grain and salt", "signed")]),
])
def test_gerunds_ahead_and_fronted(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, _, s in titles(text)] == expected


def _titled_signed(title: str, text: str) -> list[str]:
    doc = Doc(Document("t", "test", text, "h", title=title))
    return [c.fact.title for c in signed_stage(doc).claims]


# Our own text: talks with another country, in a publication that names Kazakhstan once.
_TALKS = ("We spoke about Kazakhstan and the Caspian region.\n"
          "Today we signed an agreement on cooperation in fisheries.\n"
          "Earlier the CIS members signed an agreement on a free trade zone.\n")


@pytest.mark.parametrize(("title", "expected"), [
    # in a publication about another country, a document that names neither Kazakhstan nor
    # a grouping it belongs to is that country's
    ("Talks with President of Chile", ["agreement on a free trade zone"]),
    ("Russian-Kazakhstani talks",
     ["agreement on cooperation in fisheries", "agreement on a free trade zone"]),
    ("Meeting with business leaders",
     ["agreement on cooperation in fisheries", "agreement on a free trade zone"]),
])
def test_documents_of_a_publication_about_another_country(
        title: str, expected: list[str]) -> None:
    assert _titled_signed(title, _TALKS) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministries are working on a cooperation programme for 2025-2030.",
     [("cooperation programme for 2025-2030", "programme", "drafted")]),
    ("Our engineers are working hard on the Mars programme.", []),  # an activity
])
def test_working_on_a_programme(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert titles(text) == expected

