"""English→French sentence pairs: reading, normalising, tokenising, splitting, vocabularies.

File format (manythings.org/anki, Tatoeba): one pair per line, ``english<TAB>french``,
optionally followed by a third column with the attribution, which is ignored.

Normalisation (both languages), in this order:
  1. Unicode NFC, so "é" is always one code point;
  2. typographic apostrophes (’ ‘ ʼ) become "'", non-breaking and narrow spaces become " ";
  3. lower-case.

Tokenisation (after normalisation), a regular expression, no learned subwords:
  * English: words keep their inner apostrophes ("don't", "tom's" are one token);
  * French: elided articles and pronouns are split after the apostrophe
    ("j'ai" → "j'", "ai"; "l'homme" → "l'", "homme"), hyphenated words stay whole
    ("est-ce"), and every punctuation mark is its own token ("!" "?" "." ",").
Detokenised French (``detokenize_french``) joins the tokens with spaces except after an
elided "j'", "l'", …; it is only for display.

The split groups pairs by their (normalised) English sentence: Tatoeba repeats one English
sentence with several French translations, and all of them land on the same side, so
every held-out English sentence is truly unseen in training.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PAD, SOS, EOS, UNK = "<pad>", "<sos>", "<eos>", "<unk>"
SPECIALS = (PAD, SOS, EOS, UNK)  # ids 0, 1, 2, 3 in every vocabulary
PAD_ID, SOS_ID, EOS_ID, UNK_ID = range(len(SPECIALS))
N_SPECIAL = len(SPECIALS)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "})
_ENGLISH_TOKEN = re.compile(r"\w+(?:'\w+)*|[^\w\s]")
_FRENCH_TOKEN = re.compile(r"\w+'|\w+(?:-\w+)*|[^\w\s]")


def normalize(text: str) -> str:
    """NFC, straight apostrophes, plain spaces, lower case, collapsed whitespace."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    return " ".join(text.split())


def tokenize_english(text: str) -> list[str]:
    return _ENGLISH_TOKEN.findall(normalize(text))


def tokenize_french(text: str) -> list[str]:
    return _FRENCH_TOKEN.findall(normalize(text))


MAX_INPUT_WORDS = 40  # a translator reads at most this many source tokens (longer inputs are cut)
MAX_INPUT_CHARS = 1000  # raw text beyond this is not even tokenised


def source_tokens(text: str) -> tuple[list[str], bool]:
    """The English tokens a translator reads from raw text, and whether any were cut off
    (the text was longer than MAX_INPUT_CHARS characters or MAX_INPUT_WORDS tokens)."""
    text = text if isinstance(text, str) else ""
    tokens = tokenize_english(text[:MAX_INPUT_CHARS])
    return tokens[:MAX_INPUT_WORDS], len(tokens) > MAX_INPUT_WORDS or len(text) > MAX_INPUT_CHARS


def english_word_count(sentence: str) -> int:
    """English words in a sentence, punctuation not counted (the length BLEU is bucketed by)."""
    return sum(1 for t in tokenize_english(sentence) if any(ch.isalnum() for ch in t))


def detokenize_french(tokens: list[str]) -> str:
    """Tokens → a readable line: a space between tokens, none after an elision ("j'ai")."""
    out = ""
    for tok in tokens:
        if out and not out.endswith("'"):
            out += " "
        out += tok
    return out


@dataclass(frozen=True)
class Pair:
    english: str  # raw English sentence as in the file
    french: str  # raw French sentence as in the file


def read_pairs(path: str | Path, limit: int | None = None) -> list[Pair]:
    """Read ``english<TAB>french[<TAB>attribution]`` lines; blank or malformed lines are skipped."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
                continue
            pairs.append(Pair(cols[0].strip(), cols[1].strip()))
            if limit is not None and len(pairs) >= limit:
                break
    return pairs


def split_by_english(pairs: list[Pair], test_fraction: float = 0.1, seed: int = 0) -> tuple[list[Pair], list[Pair]]:
    """Split into (train, test) so that no normalised English sentence is on both sides.

    The distinct English sentences are shuffled with ``seed`` and the first
    ``test_fraction`` of them (with all their translations) form the test side.
    """
    groups: dict[str, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(normalize(p.english), []).append(p)
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    n_test = int(round(len(keys) * test_fraction))
    test_keys = set(keys[:n_test])
    train = [p for p in pairs if normalize(p.english) not in test_keys]
    test = [p for p in pairs if normalize(p.english) in test_keys]
    return train, test


def group_references(pairs: list[Pair]) -> list[tuple[str, list[str]]]:
    """[(english, [every French translation of it]), …] in first-seen order."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for p in pairs:
        key = normalize(p.english)
        if key not in groups:
            groups[key] = (p.english, [])
        groups[key][1].append(p.french)
    return list(groups.values())


@dataclass
class Vocab:
    """Token ↔ id. Ids 0..3 are <pad> <sos> <eos> <unk>; unknown words map to <unk>."""

    itos: list[str]
    stoi: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self):
        assert tuple(self.itos[:4]) == SPECIALS, "a vocabulary starts with the special tokens"
        self.stoi = {t: i for i, t in enumerate(self.itos)}

    @classmethod
    def build(cls, sentences: list[list[str]], min_freq: int = 1, max_size: int | None = None) -> "Vocab":
        """Words seen at least ``min_freq`` times, most frequent first (ties alphabetical)."""
        counts = Counter(tok for sent in sentences for tok in sent)
        words = sorted((w for w, c in counts.items() if c >= min_freq), key=lambda w: (-counts[w], w))
        if max_size is not None:
            words = words[: max(0, max_size - len(SPECIALS))]
        return cls(list(SPECIALS) + words)

    def __len__(self) -> int:
        return len(self.itos)

    def __contains__(self, token: str) -> bool:
        return token in self.stoi

    pad_id, sos_id, eos_id, unk_id = PAD_ID, SOS_ID, EOS_ID, UNK_ID

    def encode(self, tokens: list[str]) -> list[int]:
        return [self.stoi.get(t, self.unk_id) for t in tokens]

    def decode(self, ids: list[int]) -> list[str]:
        """Ids → tokens, stopping at <eos> and skipping <pad>/<sos>."""
        out = []
        for i in ids:
            if i == self.eos_id:
                break
            if i in (self.pad_id, self.sos_id):
                continue
            out.append(self.itos[i])
        return out
