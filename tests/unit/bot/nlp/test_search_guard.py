"""How the search guard reads a message beside the classifier (no model): a request with
a place is a search, a question about the trip is a question, "anywhere" in a long
question is not a wish to search nationwide."""

from __future__ import annotations

from bot.nlp.search_guard import MORE_INTENT, SEARCH_INTENT, _reading


def test_a_request_with_a_place_is_a_search_whatever_the_classifier_said() -> None:
    assert _reading("can you find me a cancer center near Tulsa", "faq", True) == SEARCH_INTENT


def test_a_question_about_the_trip_is_not_a_search_the_classifier_imagined() -> None:
    said = "vale la pena irme a St. Louis o a Kansas City a un centro mas grande?"
    assert _reading(said, SEARCH_INTENT, True) == "faq"
    assert _reading(said, SEARCH_INTENT, False) is None


def test_anywhere_in_a_long_question_keeps_the_question() -> None:
    said = "how many of these should the doc have treated before i trust them, not common in the US"
    assert _reading(said, "inform", True) is None
    assert _reading("anywhere in the US is fine", "inform", False) == MORE_INTENT


def test_too_weak_to_go_anywhere_is_no_national_search() -> None:
    said = "could someone just look at his records? hes way too weak to go anywhere"
    assert _reading(said, "nlu_fallback", False) is None
