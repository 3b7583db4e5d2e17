"""The structure of the interview page (docs/interview.md).

Every question opens with a short answer (the paragraph marked ``{ .answer-short }``) of at
most three sentences and about 60 words; the seven questions of the cheatsheet source are
there and marked; the questions a 2026 interviewer asks are there; the property words are
the glossary's. The page's numbers are checked elsewhere: its snippets by the doctest run, its
longer claims in test_claims.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[1] / "docs" / "interview.md"
SHORT_MARK = "{ .answer-short }"
MAX_SENTENCES = 3
MAX_WORDS = 70  # "about 60 words": formulas and code spans count as one word each

# The source cheatsheet's seven questions (003, section 6), as the page words them.
CHEATSHEET_QUESTIONS = (
    "What is an activation function, and why is it important",
    "What is the difference between a linear and a non-linear activation function?",
    "What is the vanishing gradient problem, and how do activation functions contribute",
    "Explain the dying ReLU problem and how Leaky ReLU and ELU address it.",
    "Why is softmax used in the output layer for multi-class classification?",
    "When would you choose ReLU over sigmoid or tanh, and vice versa?",
    "What factors do you consider when choosing an activation function?",
)

# Topics a 2026 interviewer asks about: (what the question is about, words its text contains).
NEW_TOPICS = (
    ("attention scaling", ("1/√d_k",)),
    ("logit soft-capping", ("soft-capping",)),
    ("temperature", ("temperature",)),
    ("mixed precision", ("mixed precision", "bfloat16")),
    ("initialisation gains and defaults", ("calculate_gain", "by default")),
    ("activation memory", ("memory", "checkpointing")),
    ("activation and normalisation", ("normalisation", "residual")),
    ("Gumbel-softmax", ("Gumbel-softmax", "straight-through")),
)

_QUESTION = re.compile(r'^\?\?\? question "(?P<title>.+)"\s*$')
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|et al|vs|cf|Fig|Eq|approx)\.", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S|\s*$)")


def questions() -> list[tuple[str, list[str]]]:
    """(title, body lines with the 4-space indent removed) for every question block."""
    found: list[tuple[str, list[str]]] = []
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        match = _QUESTION.match(line)
        if match:
            found.append((match["title"], []))
        elif found and (line.startswith("    ") or not line.strip()):
            found[-1][1].append(line[4:])
        elif found and line.strip():
            found.append(("", []))  # a line outside any block ends the current one
    return [(title, body) for title, body in found if title]


def short_answer(body: list[str]) -> str:
    """The first paragraph of a question's body, which must carry the short-answer mark."""
    lines = list(body)
    while lines and not lines[0].strip():
        lines.pop(0)
    paragraph = []
    for line in lines:
        if not line.strip():
            break
        paragraph.append(line.strip())
    assert paragraph and paragraph[-1] == SHORT_MARK, "first paragraph is not the short answer"
    return " ".join(paragraph[:-1])


def _masked(text: str) -> str:
    """Formulas and code spans become one token each, so they count as one word and their
    dots do not end sentences."""
    text = re.sub(r"\$[^$]+\$", "FORMULA", text)
    text = re.sub(r"`[^`]+`", "CODE", text)
    return _ABBREVIATIONS.sub("ABBR", text)


def count_words(text: str) -> int:
    return len(_masked(text).split())


def count_sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(_masked(text)))


QUESTIONS = questions()
IDS = [f"q{i:02d}" for i in range(1, len(QUESTIONS) + 1)]


def test_the_page_has_its_questions():
    titles = [title for title, _ in QUESTIONS]
    assert len(titles) >= 80
    assert len(set(titles)) == len(titles), "a question appears twice"


@pytest.mark.parametrize(("title", "body"), QUESTIONS, ids=IDS)
def test_every_answer_opens_with_a_short_answer(title, body):
    text = short_answer(body)
    assert 1 <= count_sentences(text) <= MAX_SENTENCES, (title, text)
    assert count_words(text) <= MAX_WORDS, (title, count_words(text))
    assert "```" not in text


def test_the_counters_count_what_a_reader_sees():
    text = (
        "It is $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$, e.g. at 0.25. Yes, `np.exp` overflows."
    )
    assert count_sentences(text) == 2
    assert count_words(text) == 9


def test_the_seven_cheatsheet_questions_are_present_and_marked():
    titles = [title for title, _ in QUESTIONS]
    for wording in CHEATSHEET_QUESTIONS:
        matching = [t for t in titles if wording in t]
        assert len(matching) == 1, wording
        assert matching[0].endswith("*(cheatsheet)*"), matching[0]
    marked = [t for t in titles if "*(cheatsheet)*" in t]
    assert len(marked) == len(CHEATSHEET_QUESTIONS), marked


@pytest.mark.parametrize(("topic", "words"), NEW_TOPICS, ids=[t for t, _ in NEW_TOPICS])
def test_the_questions_a_2026_interviewer_asks_are_present(topic, words):
    assert any(all(word in title for word in words) for title, _ in QUESTIONS), topic


def test_the_practice_mode_has_its_anchor_on_the_page():
    text = PAGE.read_text(encoding="utf-8")
    assert text.count('id="atlas-practice"') == 1


def test_the_property_words_are_the_glossarys():
    """One definition per word: the page links to the glossary's and writes none of its own."""
    text = PAGE.read_text(encoding="utf-8")
    for anchor in ("zero-centred", "dead-units", "saturating"):
        assert f"(glossary.md#{anchor})" in text, anchor
    own = re.compile(r"\*\*(?:zero-centred|dead units?|saturating)\*\*\s*:", re.I)
    assert not own.search(text), own.search(text)
