"""A site named in a topic ("Tiefgarage Hamburg") is where someone works, not what they know:
a question whose subject others know does not reach them through the site alone."""

from __future__ import annotations

from bot.domain.routing import ExpertProfile, ExpertRouter
from bot.domain.routing.places import site_words
from bot.domain.routing.text import stem

GARAGE = ExpertProfile(
    "w.garage",
    "Werner Garage",
    "Facility Management",
    "Hausverwaltung",
    "Hamburg, Haus Alster, UG (Tiefgarage)",
    topics=("Tiefgarage Hamburg", "Parkausweise"),
)
ROOMS = ExpertProfile(
    "k.raum",
    "Kerstin Raum",
    "Facility Management",
    "Empfang",
    "Hamburg, Haus Alster, EG",
    topics=("Raumplanung Hamburg", "Besucheranmeldung"),
)
POST_A = ExpertProfile(
    "p.post", "Paula Post", "Zentrale Dienste", "Poststelle", "Poststelle, EG",
    topics=("Poststelle", "Kurierdienste"),
)  # fmt: skip
POST_B = ExpertProfile(
    "q.post", "Quirin Post", "Zentrale Dienste", "Poststelle", "Poststelle, EG",
    topics=("Poststelle", "Frankierung"),
)  # fmt: skip
HEALTH = ExpertProfile(
    "t.arzt",
    "Tanja Arzt",
    "Personal",
    "Gesundheitsmanagement",
    "Köln, Deutz-Campus",
    topics=("Betriebsarzt", "Gesundheitstage"),
)
EXPERTS = [GARAGE, ROOMS, POST_A, POST_B, HEALTH]


def test_site_words_are_where_several_sit_more_often_than_what_they_describe() -> None:
    sites = site_words(EXPERTS)
    assert {stem("hamburg"), stem("haus"), stem("alster")} <= sites
    # Where two sit, but also what both list as their topic: a subject, not a site.
    assert stem("poststelle") not in sites
    # One expert's office in the garage says nothing about a site.
    assert stem("tiefgarage") not in sites and stem("koln") not in sites


def test_a_question_sharing_only_the_site_with_a_topic_is_not_routed() -> None:
    router = ExpertRouter(EXPERTS, [])
    # "Zahnarzt" is close to Tanja's "Betriebsarzt" (Köln), too weakly to route; the Hamburg
    # topics of Werner and Kerstin say nothing about dentists.
    assert router.rank("Kennt jemand einen guten Zahnarzt in Hamburg?").candidates == ()


def test_where_nobody_knows_the_subject_a_topic_naming_the_site_may_take_it() -> None:
    # Nobody wrote about room booking: Hamburg's site topics are all there is to go by.
    router = ExpertRouter(EXPERTS, [])
    [first, *_] = router.rank("Wer hilft bei der Raumbuchung in Hamburg?").candidates
    assert first.reason.topic is not None and "Hamburg" in first.reason.topic


def test_the_subject_still_finds_the_expert_whose_topic_names_the_site() -> None:
    router = ExpertRouter(EXPERTS, [])
    [first, *_] = router.rank("Wer vergibt Plätze in der Tiefgarage in Hamburg?").candidates
    assert first.expert_id == "w.garage"
    [first, *_] = router.rank("Wer kümmert sich um die Raumplanung in Hamburg?").candidates
    assert first.expert_id == "k.raum"
    # A subject that is also where its experts sit stays a subject.
    ranked = router.rank("Wann kommt die Poststelle vorbei?").candidates
    assert {c.expert_id for c in ranked[:2]} == {"p.post", "q.post"}
