"""Embeddings page."""

EN = {
    "embeddings.title": "Embeddings",
    "embeddings.heading": "Text → tokens → vectors",
    "embeddings.intro": "A language model never sees letters. The tokenizer cuts the text into "
    "tokens from a fixed vocabulary, each token is a number (its id), and "
    "each id picks one row of a large learned matrix: the token's "
    "embedding. Everything below is read from the loaded model.",
    "embeddings.tokens": "1. Tokens",
    "embeddings.prompt": "Text",
    "embeddings.default": "Data visualization empowers users to",
    "embeddings.try": "Try a rare word, a number like 1234567, Korean (안녕하세요) or an emoji "
    "(🚀): whatever is not in the vocabulary as a whole is split into "
    "pieces, down to single bytes.",
    "embeddings.chars": "Characters",
    "embeddings.n_tokens": "Tokens",
    "embeddings.vocab": "Vocabulary size",
    "embeddings.tokens_caption": "␣ marks a leading space: “␣users” and “users” are different "
    "tokens. A piece shown as [안 1-2/3] holds bytes 1–2 of the 3 "
    "bytes of 안: byte-level BPE splits characters that are not "
    "common enough to get a token of their own.",
    "embeddings.col.position": "Position",
    "embeddings.col.token": "Token",
    "embeddings.col.id": "Token id",
    "embeddings.col.bytes": "UTF-8 bytes",
    "embeddings.matrix": "2. The embedding matrix",
    "embeddings.shape": "Shape (tokens × width)",
    "embeddings.params": "Parameters",
    "embeddings.share": "Share of the model",
    "embeddings.matrix_text": "One row for each of the {v:,} tokens, {d:,} numbers per row. "
    "Looking up a token is just taking row number id — no "
    "arithmetic at all. The numbers were learned during training "
    "like every other weight.",
    "embeddings.tied": "This model reuses the same matrix at the very end to score every "
    "possible next token (tied weights), so it is counted once.",
    "embeddings.dims": "Dimensions shown",
    "embeddings.col.dimension": "Dimension",
    "embeddings.col.value": "Value",
    "embeddings.rows_caption": "Each line is the row of one token of your text (first {n} of "
    "{d} numbers). The same token always gets the same row, "
    "wherever it appears: type a word twice and compare.",
    "embeddings.cosine": "3. Which words are close?",
    "embeddings.cosine_text": "Rows are directions in a space with hundreds of dimensions. "
    "Cosine similarity measures the angle between two of them: "
    "1 = same direction, 0 = unrelated (at right angles), "
    "−1 = opposite. Length doesn't matter, only direction.",
    "embeddings.words": "Words, separated by commas",
    "embeddings.words_default": "play, game, orange, apple, king, queen, man, woman, Paris, France",
    "embeddings.words_capped": "Only the first {n} of your {total} words are used.",
    "embeddings.split": "Each word is read as it appears mid-sentence, after a space. Not a "
    "single token, so the rows of its pieces are averaged: {words}",
    "embeddings.need_two": "Type at least two words to compare.",
    "embeddings.col.cosine": "Cosine similarity",
    "embeddings.cosine_caption": (
        "Among these words, the closest pair is {a} and {b} (cosine {hi:.3f}), the "
        "farthest {c} and {d} ({lo:.3f}) — in this model's embedding rows. "
        "Hover for every value."
    ),
    "embeddings.neighbours": "4. Nearest neighbours in the whole vocabulary",
    "embeddings.probe": "Word",
    "embeddings.probe_default": "king",
    "embeddings.k": "How many",
    "embeddings.probe_empty": "Type a word to see its neighbours.",
    "embeddings.probe_split": "“{word}” is not one token ({pieces}); its neighbours are those "
    "of the average of its pieces' rows.",
    "embeddings.neighbours_caption": "Cosine similarity against all {v:,} rows at once. A "
    "single-token word finds itself first (cosine 1); next "
    "come spellings of itself and related words.",
    "embeddings.projection": "5. A map of your words",
    "embeddings.need_three": "Type at least three words for a map.",
    "embeddings.axis": "Principal axis {n} ({p:.0%} of the variance)",
    "embeddings.projection_caption": "Principal component analysis squeezes your {n} words' "
    "{d}-number vectors onto the two directions along which "
    "they differ most. These two axes keep {kept:.0%} of "
    "their spread; the rest is lost, so trust the cosine "
    "table over distances here.",
    "embeddings.context": "6. Context changes the vector",
    "embeddings.context_text": "The embedding row of a word is the same in every sentence. "
    "Each Transformer block then mixes in information from the "
    "other tokens, so deeper in the network “bank” by a river and "
    "“bank” with money become different vectors.",
    "embeddings.target": "Word",
    "embeddings.target_default": "bank",
    "embeddings.sentences": "Sentences, one per line",
    "embeddings.sentences_default": "I deposited money at the bank\nWe sat on the river bank\n"
    "The bank approved my loan",
    "embeddings.sentences_capped": "Only the first {n} of {total} sentences are used.",
    "embeddings.target_empty": "Type the word to follow.",
    "embeddings.not_found": "“{word}” is not in sentence {n} (“{sentence}”) as the same "
    "tokens. Matching is exact and case-sensitive; the sentence is "
    "skipped.",
    "embeddings.need_two_sentences": "“{word}” must appear in at least two sentences to compare them.",
    "embeddings.col.point": "Where in the network",
    "embeddings.col.pair": "Sentences",
    "embeddings.point.token": "token row",
    "embeddings.point.position": "+ position",
    "embeddings.point.block": "block {n}",
    "embeddings.context_caption_learned": "Cosine similarity between the word's vectors in "
    "two sentences. At the token row it is exactly 1: "
    "same token, same row. Adding the position vector "
    "already moves it a little when the word sits at "
    "a different position; after each block the "
    "context pulls the vectors further apart. The last "
    "point is after the final layer norm.",
    "embeddings.context_caption_rotary": "Cosine similarity between the word's vectors in "
    "two sentences. At the token row it is exactly 1: "
    "same token, same row (this model adds no position "
    "vector; it rotates q and k inside attention). "
    "After each block the context pulls the vectors "
    "apart. The last point is after the final norm.",
    "embeddings.example_help": "The lecture notes' example.",
    "embeddings.bank_example": "“bank” by the river and at the bank",
    "embeddings.tradeoff": "Words, characters or subwords?",
    "embeddings.tradeoff_text": (
        "The same text cut three ways, each with a vocabulary read off the same "
        "model. Whole words: one entry per word, so any word that is not on the "
        "list becomes <unk> and its meaning is lost — however long the list. "
        "Single characters (here the 256 bytes every text is written in): nothing "
        "is ever unknown, but sequences get long. Subwords: frequent words stay "
        "whole, rare ones are spelled from pieces — nothing unknown, and far "
        "shorter sequences."
    ),
    "embeddings.tradeoff_here": (
        "On this text: **words** — {wv:,} entries, and still {wu:.0%} of the "
        "tokens are unknown; **bytes** — {bv} entries, nothing unknown, {bn} "
        "tokens ({ratio:.1f}× the subwords'); **subwords** — {sv:,} entries, "
        "{su:.0%} unknown, {sn} tokens."
    ),
    "embeddings.scheme.words": "Words (the whole words in {name}'s vocabulary)",
    "embeddings.scheme.characters": "Characters (the 256 bytes of UTF-8)",
    "embeddings.scheme.subwords": "Subwords ({name}'s tokenizer)",
    "embeddings.col.scheme": "Tokens are",
    "embeddings.col.vocabulary": "Vocabulary size",
    "embeddings.col.tokens": "Tokens in this text",
    "embeddings.col.per_sentence": "Tokens per sentence",
    "embeddings.col.unknown": "Out of vocabulary",
    "embeddings.col.first": "The first tokens",
    "embeddings.tradeoff_caption": (
        "Words: the text split at spaces and punctuation, a word known if the model's "
        "vocabulary holds it whole (case counts). Characters: the text's UTF-8 bytes — "
        "a Korean syllable is three, an emoji four."
    ),
    "embeddings.col.word": "Word",
    "embeddings.col.rank": "Rank",
    # the same sentence in Korean, English and French (core.korean_tokens)
    "embeddings.korean": "Korean, English, French: the same sentence, how many tokens?",
    "embeddings.korean_text": (
        "A tokenizer cuts the languages it saw most in training into few tokens, and the "
        "others into many. Below, one sentence said three ways goes through {name}'s "
        "own tokenizer. Edit any of them, or write your own."
    ),
    "embeddings.korean_box.ko": "Korean",
    "embeddings.korean_box.en": "English",
    "embeddings.korean_box.fr": "French",
    "embeddings.korean_need": "Type the Korean and the English sentence: the ratios are to English.",
    "embeddings.korean_here": "Korean takes **{ko:.1f}×** as many tokens as English here, French **{fr:.1f}×**.",
    "embeddings.korean_here_ko": "Korean takes **{ko:.1f}×** as many tokens as English here.",
    "embeddings.kcol.lang": "Language",
    "embeddings.kcol.chars": "Characters",
    "embeddings.kcol.bytes": "UTF-8 bytes",
    "embeddings.kcol.tokens": "Tokens",
    "embeddings.kcol.per_char": "Tokens per character",
    "embeddings.kcol.ratio": "× English",
    "embeddings.kcol.pieces": "Tokens holding part of a character",
    "embeddings.kcol.shown": "The tokens (the first 40)",
    "embeddings.korean_why": (
        "**Why.** The tokenizer starts from UTF-8 bytes: an English letter is one byte, a "
        "Hangul syllable three, so the Korean sentence is {chars} characters but {bytes} "
        "bytes. Its merges join byte pairs that were frequent in its training text; the "
        "vocabulary holds {whole} of the sentence's {syllables} different syllables whole "
        "({share:.0%}). The others are spelled from byte pieces: {pieces} of the {tokens} "
        "Korean tokens "
        "hold only part of a syllable (shown as [날 1-2/3]: bytes 1–2 of its 3)."
    ),
    "embeddings.korean_whole": "Syllables the vocabulary holds whole: {syllables}",
    "embeddings.kiwi": "A Korean-aware split: Kiwi's morphemes",
    "embeddings.kiwi_text": (
        "Kiwi (kiwipiepy), a Korean morphological analyser, cuts the Korean sentence into "
        "{n} morphemes — nouns, particles, verb stems, endings — where the model's "
        "tokenizer made {tokens} tokens. A morpheme carries meaning; a third of a syllable "
        "does not."
    ),
    "embeddings.kiwi_caption": (
        "Tags (Sejong tag set): NNG noun, NNP proper noun, JKS subject particle, JKO "
        "object particle, JKB adverbial particle, JX topic particle, JC conjunctive "
        "particle, VV verb, VA adjective, EP/EF/EC endings, MAG adverb, SF/SP "
        "punctuation."
    ),
    "embeddings.kiwi_loading": "Loading Kiwi's model (once per server, a few seconds)…",
    "embeddings.kiwi_missing": "Kiwi cannot run here: {reason}. The rest of this section does not need it.",
    "embeddings.kcol.morpheme": "Morpheme",
    "embeddings.kcol.tag": "Tag",
    "embeddings.korean_cost": "What the extra tokens cost",
    "embeddings.korean_context": (
        "**Context length.** {name} reads at most {ctx:,} tokens at once. The Korean "
        "sentence fills {ko_share:.1%} of it ({ko_fits:,} such sentences fit), the "
        "English {en_share:.1%} ({en_fits:,})."
    ),
    "embeddings.korean_time": (
        "**Time.** One generated token takes {ms:.2f} ms on {name} on this machine "
        "(measured now, the median of 5 steps). Written out token by token, the Korean "
        "sentence takes about {ko_s:.3f} s, the English {en_s:.3f} s."
    ),
    "embeddings.korean_price": (
        "**Price, as an example.** At an illustrative US$ {price:.0f} per million tokens "
        "(not any provider's price), 1,000 such sentences cost US$ {ko:.2f} in Korean "
        "and US$ {en:.2f} in English."
    ),
    "embeddings.korean_reference": (
        "Reference (published, not measured here): Petrov et al. (NeurIPS 2023) found "
        "that GPT-2's tokenizer needs about {ko:.0f}× as many tokens for Korean as for "
        "the same text in English, and about {fr:.0f}× for French."
    ),
}

KO = {
    "embeddings.title": "임베딩",
    "embeddings.heading": "텍스트 → 토큰 → 벡터",
    "embeddings.intro": "언어 모델은 글자를 직접 보지 않습니다. 토크나이저가 텍스트를 정해진 "
    "어휘의 토큰으로 자르고, 각 토큰은 번호(id)가 됩니다. 이 id로 학습된 큰 "
    "행렬에서 행 하나를 꺼내는데, 이것이 그 토큰의 임베딩입니다. 아래의 값은 "
    "모두 지금 불러온 모델에서 읽어 온 것입니다.",
    "embeddings.tokens": "1. 토큰",
    "embeddings.prompt": "텍스트",
    "embeddings.default": "Data visualization empowers users to",
    "embeddings.try": "드문 단어, 1234567 같은 숫자, 한국어(안녕하세요), 이모지(🚀)도 "
    "넣어 보세요. 어휘에 통째로 들어 있지 않은 것은 조각으로, 심하면 바이트 "
    "단위까지 쪼개집니다.",
    "embeddings.chars": "글자 수",
    "embeddings.n_tokens": "토큰 수",
    "embeddings.vocab": "어휘 크기",
    "embeddings.tokens_caption": "␣는 앞에 붙은 공백을 나타냅니다. “␣users”와 “users”는 서로 "
    "다른 토큰입니다. [안 1-2/3]처럼 보이는 조각은 ‘안’을 이루는 "
    "3바이트 중 1~2번째 바이트만 담고 있다는 뜻입니다. 바이트 "
    "수준 BPE는 자기만의 토큰을 받을 만큼 자주 나오지 않는 글자를 "
    "이렇게 쪼갭니다.",
    "embeddings.col.position": "위치",
    "embeddings.col.token": "토큰",
    "embeddings.col.id": "토큰 ID",
    "embeddings.col.bytes": "UTF-8 바이트",
    "embeddings.matrix": "2. 임베딩 행렬",
    "embeddings.shape": "크기 (토큰 × 너비)",
    "embeddings.params": "파라미터 수",
    "embeddings.share": "모델 전체 중 비중",
    "embeddings.matrix_text": "토큰 {v:,}개마다 행이 하나씩 있고, 행마다 숫자가 {d:,}개 "
    "있습니다. 토큰의 임베딩을 찾는 일은 id번째 행을 꺼내는 것뿐이며, "
    "계산은 전혀 없습니다. 이 숫자들도 다른 가중치와 마찬가지로 "
    "학습으로 정해진 값입니다.",
    "embeddings.tied": "이 모델은 맨 마지막에 다음 토큰 후보마다 점수를 매길 때도 같은 행렬을 "
    "다시 씁니다(가중치 공유). 그래서 파라미터는 한 번만 셉니다.",
    "embeddings.dims": "보여 줄 차원 수",
    "embeddings.col.dimension": "차원",
    "embeddings.col.value": "값",
    "embeddings.rows_caption": "한 줄이 입력한 텍스트의 토큰 하나에 해당하는 행입니다({d}개 "
    "중 앞의 {n}개). 같은 토큰은 어디에 나오든 늘 같은 행을 "
    "받습니다. 같은 단어를 두 번 써서 비교해 보세요.",
    "embeddings.cosine": "3. 어떤 단어들이 가까울까?",
    "embeddings.cosine_text": "각 행은 수백 차원 공간의 한 방향입니다. 코사인 유사도는 두 "
    "벡터 사이의 각도를 잽니다. 1이면 같은 방향, 0이면 서로 무관"
    "(직각), −1이면 정반대입니다. 길이는 상관없고 방향만 봅니다.",
    "embeddings.words": "단어 (쉼표로 구분)",
    "embeddings.words_default": "play, game, orange, apple, king, queen, man, woman, Paris, France",
    "embeddings.words_capped": "입력한 단어 {total}개 중 앞의 {n}개만 사용합니다.",
    "embeddings.split": "단어는 문장 중간에 나올 때처럼 앞에 공백을 붙여 읽습니다. 토큰 "
    "하나로 되지 않는 단어는 조각들의 행을 평균해서 씁니다: {words}",
    "embeddings.need_two": "비교하려면 단어를 두 개 이상 입력하세요.",
    "embeddings.col.cosine": "코사인 유사도",
    "embeddings.cosine_caption": (
        "이 단어들 가운데 가장 가까운 쌍은 {a}와(과) {b}(코사인 {hi:.3f}), 가장 먼 쌍은 "
        "{c}와(과) {d}({lo:.3f})입니다. 이 모델의 임베딩 행으로 잰 값이며, 마우스를 "
        "올리면 모든 값을 볼 수 있습니다."
    ),
    "embeddings.neighbours": "4. 전체 어휘에서 가장 가까운 이웃",
    "embeddings.probe": "단어",
    "embeddings.probe_default": "king",
    "embeddings.k": "개수",
    "embeddings.probe_empty": "이웃을 보려면 단어를 입력하세요.",
    "embeddings.probe_split": "“{word}”은(는) 토큰 하나가 아닙니다({pieces}). 조각들의 행을 "
    "평균한 벡터의 이웃을 보여 줍니다.",
    "embeddings.neighbours_caption": "행 {v:,}개 전체와 한 번에 코사인 유사도를 계산했습니다. "
    "토큰 하나짜리 단어라면 자기 자신이 1위(코사인 1)로 "
    "나오고, 그다음으로 같은 단어의 다른 표기와 관련 단어들이 "
    "나옵니다.",
    "embeddings.projection": "5. 단어 지도",
    "embeddings.need_three": "지도를 그리려면 단어를 세 개 이상 입력하세요.",
    "embeddings.axis": "주성분 {n} (분산의 {p:.0%})",
    "embeddings.projection_caption": "주성분 분석(PCA)으로 단어 {n}개의 {d}차원 벡터를 서로 "
    "가장 크게 달라지는 두 방향 위에 펼쳤습니다. 이 두 축에 "
    "남는 것은 전체 분산의 {kept:.0%}뿐이고 나머지는 "
    "사라지므로, 여기서의 거리보다 코사인 표를 더 믿으세요.",
    "embeddings.context": "6. 문맥에 따라 달라지는 벡터",
    "embeddings.context_text": "단어의 임베딩 행은 어느 문장에서나 똑같습니다. 그런데 "
    "트랜스포머 블록을 하나 지날 때마다 다른 토큰의 정보가 "
    "섞여 들어오기 때문에, 깊이 들어갈수록 ‘강둑’의 bank와 "
    "‘은행’의 bank는 서로 다른 벡터가 됩니다.",
    "embeddings.target": "단어",
    "embeddings.target_default": "bank",
    "embeddings.sentences": "문장 (한 줄에 하나씩)",
    "embeddings.sentences_default": "I deposited money at the bank\nWe sat on the river bank\n"
    "The bank approved my loan",
    "embeddings.sentences_capped": "문장 {total}개 중 앞의 {n}개만 사용합니다.",
    "embeddings.target_empty": "따라가 볼 단어를 입력하세요.",
    "embeddings.not_found": "{n}번 문장(“{sentence}”)에서 “{word}”을(를) 같은 토큰으로 찾지 "
    "못해 이 문장은 건너뜁니다. 대소문자까지 정확히 일치해야 합니다.",
    "embeddings.need_two_sentences": "비교하려면 “{word}”이(가) 두 문장 이상에 들어 있어야 합니다.",
    "embeddings.col.point": "네트워크 속 위치",
    "embeddings.col.pair": "문장 쌍",
    "embeddings.point.token": "토큰 행",
    "embeddings.point.position": "+ 위치",
    "embeddings.point.block": "블록 {n}",
    "embeddings.context_caption_learned": "두 문장에서 같은 단어의 벡터가 이루는 코사인 "
    "유사도입니다. 토큰 행에서는 같은 토큰이 같은 행을 "
    "받으므로 정확히 1입니다. 단어의 위치가 다르면 위치 "
    "벡터를 더하는 순간 벌써 조금 달라지고, 블록을 지날수록 "
    "문맥 때문에 더 멀어집니다. 마지막 점은 최종 레이어 "
    "정규화를 거친 값입니다.",
    "embeddings.context_caption_rotary": "두 문장에서 같은 단어의 벡터가 이루는 코사인 "
    "유사도입니다. 토큰 행에서는 같은 토큰이 같은 행을 "
    "받으므로 정확히 1입니다(이 모델은 위치 벡터를 더하지 "
    "않고, 어텐션 안에서 q와 k를 회전시킵니다). 블록을 "
    "지날수록 문맥 때문에 멀어집니다. 마지막 점은 최종 "
    "정규화를 거친 값입니다.",
    "embeddings.example_help": "강의 노트에 나오는 예입니다.",
    "embeddings.bank_example": "강둑의 “bank”와 은행의 “bank”",
    "embeddings.tradeoff": "단어, 문자, 서브워드 가운데 무엇으로 자를까?",
    "embeddings.tradeoff_text": (
        "같은 텍스트를 세 가지 방식으로 잘라 봅니다. 세 어휘 모두 같은 모델에서 "
        "읽어 왔습니다. 단어 단위는 단어마다 항목이 하나씩 필요해서, 목록에 없는 "
        "단어는 목록이 아무리 길어도 <unk>가 되어 뜻을 잃습니다. 문자 단위(여기서는 "
        "모든 텍스트를 이루는 256개의 바이트)는 모르는 것이 전혀 없지만 시퀀스가 "
        "길어집니다. 서브워드는 자주 쓰는 단어를 통째로 두고 드문 단어는 조각으로 "
        "씁니다. 모르는 것이 없으면서 시퀀스도 훨씬 짧습니다."
    ),
    "embeddings.tradeoff_here": (
        "이 텍스트에서는 **단어** — 항목이 {wv:,}개인데도 모르는 단어가 "
        "토큰의 {wu:.0%}입니다. **바이트** — 항목 {bv}개, 모르는 것 없음, 토큰 "
        "{bn}개(서브워드의 {ratio:.1f}배). **서브워드** — 항목 {sv:,}개, 모르는 "
        "토큰 {su:.0%}, 토큰 {sn}개."
    ),
    "embeddings.scheme.words": "단어 ({name} 어휘에 통째로 있는 단어)",
    "embeddings.scheme.characters": "문자 (UTF-8의 256개 바이트)",
    "embeddings.scheme.subwords": "서브워드 ({name}의 토크나이저)",
    "embeddings.col.scheme": "토큰 단위",
    "embeddings.col.vocabulary": "어휘 크기",
    "embeddings.col.tokens": "이 텍스트의 토큰 수",
    "embeddings.col.per_sentence": "문장당 토큰 수",
    "embeddings.col.unknown": "어휘 밖 비율",
    "embeddings.col.first": "앞쪽 토큰들",
    "embeddings.tradeoff_caption": (
        "단어: 공백과 문장 부호에서 나눈 단어가 모델 어휘에 통째로 있으면 아는 "
        "단어입니다(대소문자 구분). 문자: 텍스트의 UTF-8 바이트입니다. 한글 한 "
        "글자는 세 개, 이모지 하나는 네 개입니다."
    ),
    "embeddings.col.word": "단어",
    "embeddings.col.rank": "순위",
    # the same sentence in Korean, English and French (core.korean_tokens)
    "embeddings.korean": "한국어, 영어, 프랑스어: 같은 문장은 토큰 몇 개일까?",
    "embeddings.korean_text": (
        "토크나이저는 학습 데이터에 많이 나온 언어는 적은 토큰으로, 드물게 나온 언어는 "
        "많은 토큰으로 자릅니다. 아래에서는 같은 뜻의 문장 하나를 세 언어로 써서 "
        "{name}의 토크나이저에 넣어 봅니다. 문장을 고치거나 직접 써 보세요."
    ),
    "embeddings.korean_box.ko": "한국어",
    "embeddings.korean_box.en": "영어",
    "embeddings.korean_box.fr": "프랑스어",
    "embeddings.korean_need": "한국어 문장과 영어 문장을 모두 입력하세요. 비율은 영어를 기준으로 잽니다.",
    "embeddings.korean_here": "이 문장에서 한국어는 영어보다 토큰이 **{ko:.1f}배**, 프랑스어는 **{fr:.1f}배** 듭니다.",
    "embeddings.korean_here_ko": "이 문장에서 한국어는 영어보다 토큰이 **{ko:.1f}배** 듭니다.",
    "embeddings.kcol.lang": "언어",
    "embeddings.kcol.chars": "글자 수",
    "embeddings.kcol.bytes": "UTF-8 바이트",
    "embeddings.kcol.tokens": "토큰 수",
    "embeddings.kcol.per_char": "글자당 토큰",
    "embeddings.kcol.ratio": "영어 대비",
    "embeddings.kcol.pieces": "글자의 일부만 담은 토큰",
    "embeddings.kcol.shown": "토큰(앞의 40개)",
    "embeddings.korean_why": (
        "**왜 그럴까요?** 토크나이저는 UTF-8 바이트에서 출발합니다. 영어 알파벳 한 "
        "글자는 1바이트, 한글 한 음절은 3바이트라서, 이 한국어 문장은 {chars}글자이지만 "
        "{bytes}바이트입니다. 병합 규칙은 학습 텍스트에 자주 나온 바이트 쌍을 합친 것이라, "
        "문장에 나온 서로 다른 음절 {syllables}개 가운데 어휘에 통째로 든 것은 "
        "{whole}개({share:.0%})입니다. 나머지 음절은 바이트 조각을 이어 붙여 씁니다. "
        "한국어 토큰 {tokens}개 가운데 {pieces}개는 음절의 일부만 담고 있습니다"
        "([날 1-2/3]은 세 바이트 중 1–2번째 바이트라는 뜻입니다)."
    ),
    "embeddings.korean_whole": "어휘에 통째로 든 음절: {syllables}",
    "embeddings.kiwi": "한국어를 아는 분석기는 어떻게 자를까: Kiwi의 형태소",
    "embeddings.kiwi_text": (
        "한국어 형태소 분석기 Kiwi(kiwipiepy)는 이 한국어 문장을 형태소 {n}개로 "
        "나눕니다. 명사, 조사, 용언의 어간, 어미로 나누는 것입니다. 모델의 토크나이저는 "
        "같은 문장을 토큰 {tokens}개로 잘랐습니다. 형태소는 뜻을 지닌 가장 작은 "
        "단위이지만, 음절의 3분의 1은 그 자체로 아무 뜻도 없습니다."
    ),
    "embeddings.kiwi_caption": (
        "품사 태그(세종 품사 태그): NNG 일반 명사, NNP 고유 명사, JKS 주격 조사, "
        "JKO 목적격 조사, JKB 부사격 조사, JX 보조사, JC 접속 조사, VV 동사, VA 형용사, "
        "EP·EF·EC 어미, MAG 부사, SF·SP 문장 부호."
    ),
    "embeddings.kiwi_loading": "Kiwi 모델을 불러오는 중입니다(서버마다 한 번, 몇 초)…",
    "embeddings.kiwi_missing": "여기서는 Kiwi를 실행할 수 없습니다: {reason}. 이 절의 나머지는 Kiwi 없이도 보입니다.",
    "embeddings.kcol.morpheme": "형태소",
    "embeddings.kcol.tag": "품사 태그",
    "embeddings.korean_cost": "토큰이 많으면 무엇이 드는가",
    "embeddings.korean_context": (
        "**컨텍스트 길이.** {name}은(는) 한 번에 토큰을 최대 {ctx:,}개까지 읽습니다. "
        "한국어 문장은 그중 {ko_share:.1%}을(를) 차지하고(이런 문장이 {ko_fits:,}개 "
        "들어갑니다), 영어 문장은 {en_share:.1%}을(를) 차지합니다({en_fits:,}개)."
    ),
    "embeddings.korean_time": (
        "**시간.** 이 컴퓨터에서 {name}이(가) 토큰 하나를 생성하는 데 {ms:.2f} ms가 "
        "걸립니다(지금 잰 값, 5번 잰 중앙값). 토큰을 하나씩 써 나가면 한국어 문장은 "
        "약 {ko_s:.3f}초, 영어 문장은 약 {en_s:.3f}초가 걸립니다."
    ),
    "embeddings.korean_price": (
        "**비용(예시).** 토큰 100만 개에 {price:.0f}달러라는 예시 가격(어느 회사의 실제 "
        "가격도 아닙니다)으로 치면, 이런 문장 1,000개는 한국어로 {ko:.2f}달러, 영어로 "
        "{en:.2f}달러입니다."
    ),
    "embeddings.korean_reference": (
        "참고(발표된 수치, 여기서 잰 값이 아님): Petrov 외(NeurIPS 2023)에 따르면 "
        "GPT-2의 토크나이저는 같은 내용의 텍스트에 영어보다 한국어에서 약 {ko:.0f}배, "
        "프랑스어에서 약 {fr:.0f}배의 토큰을 씁니다."
    ),
}
