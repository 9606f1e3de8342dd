"""Predict first: the questions core/quiz.py builds from the model, their options and
explanations, and the switch, picks and score around them."""

EN = {
    # the switch, a question on a page, the score
    "quiz.switch": "Predict first",
    "quiz.switch_help": "Each question appears before the chart that answers it: pick an answer, "
    "then see what the model computed.",
    "quiz.label": "🤔 Predict first",
    "quiz.pick_first": "Pick an answer to see the model's — the page goes on after it.",
    "quiz.right": "✅ Right: the model's answer is **{answer}**.",
    "quiz.wrong": "❌ You picked {picked}; the model's answer is **{answer}**.",
    "quiz.another": "Another question",
    "quiz.score": "Predictions on this page: **{right} of {n}** right",
    "quiz.cannot_ask": "No question here: {reason}",
    "quiz.literal": "{text}",
    # why a question can't be asked
    "quiz.cannot.four_words": "it needs at least four different words in the box.",
    "quiz.cannot.tie": "the candidates are too close to call (a tie).",
    "quiz.cannot.post_norm": "this model normalises after each sublayer (post-norm): its logit does not "
    "split into one share per part.",
    "quiz.cannot.one_word": "the prompt needs a second word.",
    "quiz.cannot.positions": "it needs at least five positions.",
    "quiz.cannot.three_tokens": "the prompt needs at least three tokens.",
    "quiz.cannot.no_clear_head": "no head is clearly a previous-token, first-token or spread-out head on this prompt.",
    "quiz.cannot.no_reference": "this sentence has no reference translation (pick one of the held-out examples).",
    "quiz.cannot.two_right": "exactly two translators get it right, which these options can't say.",
    "quiz.cannot.short_sentence": "the sentence needs at least three source words and a translation.",
    "quiz.cannot.greedy": "greedy decoding always keeps exactly one token.",
    "quiz.cannot.few_kept": "fewer than {n} tokens survive these settings: count them on the chart below.",
    # 1. embeddings
    "quiz.embeddings.nearest": "Which of these words is nearest to “{word}” — the highest cosine "
    "similarity between their rows of the embedding matrix?",
    "quiz.embeddings.nearest.why": "cos({word}, {best}) = {hi:.3f}, the highest of the options; "
    "the runner-up, {second}, has {lo:.3f}.",
    "quiz.embeddings.split": "Into how many tokens does the model cut “{word}”, written after a "
    "space as in the prompt?",
    "quiz.embeddings.split.why": "“{word}” → {pieces}: {n} token(s).",
    "quiz.option.tokens": "{n}",
    "quiz.option.tokens_more": "{n} or more",
    # 2. positional encoding
    "quiz.posenc.nearest.sinusoidal": "Sinusoidal encoding at this model's width: which of these "
    "positions is most similar (cosine) to position {p}?",
    "quiz.posenc.nearest.learned": "This model's own learned position vectors: which of these "
    "positions is most similar (cosine) to position {p}?",
    "quiz.posenc.nearest.rotary": "This model's rotary encoding (one vector turned at two "
    "positions): which of these positions is most similar to "
    "position {p}?",
    "quiz.posenc.nearest.why": "Position {p} and position {best}: {hi:.3f}; next, position {second}: {lo:.3f}.",
    "quiz.option.position": "position {p}",
    # 3. attention
    "quiz.attention.top_key": "Layer {layer}, head {head}: from the last token “{token}”, which "
    "token does it attend to most?",
    "quiz.attention.top_key.why": "Layer {layer}, head {head} puts {hi:.1%} of the last token's "
    "attention on {best}; the runner-up, {second}, gets {lo:.1%}.",
    "quiz.attention.head_kind": "Layer {layer}, head {head}: what kind of head is it on this prompt?",
    "quiz.attention.head_kind.why": "Mean weight on the previous token {previous:.2f}, on the first "
    "token {first:.2f}; entropy {entropy:.2f} bits, where evenly "
    "spread rows would have {most:.2f}.",
    "quiz.option.head.previous": "a previous-token head: it looks at the token just before",
    "quiz.option.head.first": "a first-token head: it parks its attention on the first token",
    "quiz.option.head.spread": "a spread-out head: it looks at many tokens about evenly",
    # 4. inside one block
    "quiz.block.top_writer": "The model predicts “{token}” next. Which part wrote the most into "
    "that token's logit (direct logit attribution)?",
    "quiz.block.top_writer.why": "{best} wrote {hi:+.3f} of the logit ({logit:.3f}); next, {second} with {lo:+.3f}.",
    "quiz.option.part.embed": "the embedding",
    "quiz.option.part.attn": "attention in layer {layer}",
    "quiz.option.part.mlp": "the MLP in layer {layer}",
    "quiz.block.units_firing": "Layer {layer}, token {position}: how many of the MLP's {m:,} units "
    "fire (pre-activation above 0)?",
    "quiz.block.units_firing.why": "{n:,} of {m:,} units fire ({share:.1%}).",
    "quiz.option.units": "{lo:,}–{hi:,} of {m:,}",
    # 5. RNN → attention → Transformer
    "quiz.rnn.right_translator": "“{sentence}”: which translator gets it exactly right (one of "
    "Tatoeba's reference translations)?",
    "quiz.rnn.right_translator.why": "LSTM: {plain} · LSTM + attention: {attention} · Transformer: "
    "{transformer} — references: {reference}",
    "quiz.option.translator.plain": "only the LSTM with one context vector",
    "quiz.option.translator.attention": "only the LSTM with attention",
    "quiz.option.translator.transformer": "only the Transformer",
    "quiz.option.translator.all": "all three",
    "quiz.option.translator.none": "none of them",
    "quiz.rnn.attended_word": "Writing word {n}, “{word}”, which source word does the attention decoder look at most?",
    "quiz.rnn.attended_word.why": "{best} gets {hi:.1%} of the weight; the runner-up, {second}, {lo:.1%}.",
    # 6. sampling
    "quiz.sampling.next_token": "Which of these tokens does the model find most likely to come next?",
    "quiz.sampling.next_token.why": "“{best}” has probability {hi:.1%}; the runner-up, “{second}”, {lo:.1%}.",
    "quiz.sampling.tokens_kept": "Temperature {t:.2f}, top-k {k} (0 = off), top-p {p:.2f}: how many "
    "tokens can the sampler still draw?",
    "quiz.sampling.tokens_kept.why": "{n:,} of {v:,} tokens survive; before renormalizing they held "
    "{mass:.1%} of the probability.",
    "quiz.option.kept": "{lo:,}–{hi:,}",
    "quiz.option.kept_one": "exactly {n}",
    # what a question shows of a common wrong intuition (its explanation's last sentence)
    "quiz.why_and_myth": "{why} {myth}",
    "quiz.embeddings.split_word": "Into how many tokens does the model cut “{word}”, written after a space "
    "(as a word in the middle of a sentence)?",
    "quiz.embeddings.split_word.why": "“{word}” → {pieces}: {n} token(s).",
    "quiz.embeddings.split.myth": "Most people guess one word, one token: of the {all} words this question "
    "draws from, {multi} are cut into more than one.",
    "quiz.posenc.myth.holds": "The usual guess, that the nearest position is the most similar, holds here "
    "(position {near}).",
    "quiz.posenc.myth.fails": "The usual guess, that the nearest position (here {near}) is the most "
    "similar in every model, is wrong here: position {best} is.",
    "quiz.attention.top_key.myth": "Most expect a head to look at the word that matters most; on this "
    "prompt {first} of the {all} heads put most of the last token's attention "
    "on the first token.",
    "quiz.block.top_writer_of": "Take “{token}”, one of the tokens the model might write next "
    "(probability {p:.1%}). Which of these parts wrote the most into its "
    "logit (direct logit attribution)?",
    "quiz.block.top_writer.myth": "Most guess the last layer writes the prediction: its attention and MLP "
    "together wrote {last:+.3f} of the {logit:.3f}.",
    "quiz.rnn.right_translator.myth": "Most expect the Transformer to get right whatever an LSTM gets "
    "right; over the whole held-out set the exact-match rates are "
    "{plain:.1%} (one context vector), {attention:.1%} (attention) and "
    "{transformer:.1%} (Transformer), and single sentences go every way.",
    "quiz.sampling.temperature_myth": "A higher temperature does not make the top token more likely, as "
    "many guess: it flattens the distribution. The top token has "
    "{one:.1%} at T = 1 and {hot:.1%} at T = {t:.2f} (before any cut).",
}

KO = {
    "quiz.switch": "먼저 예측하기",
    "quiz.switch_help": "각 질문이 그 답을 보여 주는 차트보다 먼저 나옵니다. 답을 고른 다음 모델이 "
    "계산한 결과를 확인합니다.",
    "quiz.label": "🤔 먼저 예측하기",
    "quiz.pick_first": "답을 고르면 모델의 답이 나오고, 페이지가 이어집니다.",
    "quiz.right": "✅ 맞았습니다. 모델의 답은 **{answer}**입니다.",
    "quiz.wrong": "❌ 고른 답은 {picked}입니다. 모델의 답은 **{answer}**입니다.",
    "quiz.another": "다른 질문",
    "quiz.score": "이 페이지의 예측: **{n}개 중 {right}개** 정답",
    "quiz.cannot_ask": "여기서는 질문을 만들 수 없습니다: {reason}",
    "quiz.literal": "{text}",
    "quiz.cannot.four_words": "입력란에 서로 다른 단어가 네 개 이상 있어야 합니다.",
    "quiz.cannot.tie": "후보들의 값이 너무 가까워서 정답을 가릴 수 없습니다(동점).",
    "quiz.cannot.post_norm": "이 모델은 각 부분층 뒤에 정규화합니다(사후 정규화, post-norm). 그래서 로짓이 "
    "구성 요소마다 몫으로 나뉘지 않습니다.",
    "quiz.cannot.one_word": "프롬프트에 두 번째 단어가 있어야 합니다.",
    "quiz.cannot.positions": "위치가 다섯 개 이상 있어야 합니다.",
    "quiz.cannot.three_tokens": "프롬프트에 토큰이 세 개 이상 있어야 합니다.",
    "quiz.cannot.no_clear_head": "이 프롬프트에서는 이전 토큰 헤드, 첫 토큰 헤드, 고르게 퍼진 헤드 중 "
    "어느 쪽이라고 분명히 말할 수 있는 어텐션 헤드가 없습니다.",
    "quiz.cannot.no_reference": "이 문장에는 참조 번역이 없습니다(평가용 예문 중 하나를 고르세요).",
    "quiz.cannot.two_right": "정확히 두 번역기가 맞혔는데, 이 선택지로는 그 경우를 표현할 수 없습니다.",
    "quiz.cannot.short_sentence": "원문 단어가 세 개 이상이고 번역 결과가 있어야 합니다.",
    "quiz.cannot.greedy": "그리디 디코딩은 언제나 토큰을 정확히 하나만 남깁니다.",
    "quiz.cannot.few_kept": "이 설정에서는 남는 토큰이 {n}개보다 적습니다. 아래 차트에서 직접 세어 보세요.",
    "quiz.embeddings.nearest": "아래 단어 가운데 “{word}”에 가장 가까운 것은 무엇입니까? 임베딩 행렬에서 "
    "두 행의 코사인 유사도가 가장 높은 단어를 고르세요.",
    "quiz.embeddings.nearest.why": "cos({word}, {best}) = {hi:.3f}, 선택지 중 가장 높습니다. 그다음은 "
    "{second}, {lo:.3f}입니다.",
    "quiz.embeddings.split": "프롬프트에서처럼 앞에 공백을 두고 “{word}”을(를) 쓰면, 모델은 이 단어를 "
    "토큰 몇 개로 자릅니까?",
    "quiz.embeddings.split.why": "“{word}” → {pieces}: 토큰 {n}개입니다.",
    "quiz.option.tokens": "{n}개",
    "quiz.option.tokens_more": "{n}개 이상",
    "quiz.posenc.nearest.sinusoidal": "이 모델의 너비로 만든 사인파 위치 인코딩에서, 다음 위치 중 "
    "위치 {p}에 가장 비슷한(코사인) 위치는 어디입니까?",
    "quiz.posenc.nearest.learned": "이 모델이 학습한 위치 벡터에서, 다음 위치 중 위치 {p}에 가장 "
    "비슷한(코사인) 위치는 어디입니까?",
    "quiz.posenc.nearest.rotary": "이 모델의 회전 위치 인코딩(RoPE)에서(같은 벡터를 두 위치에서 "
    "회전), 다음 위치 중 위치 {p}에 가장 비슷한 위치는 어디입니까?",
    "quiz.posenc.nearest.why": "위치 {p}와(과) 위치 {best}: {hi:.3f}. 그다음은 위치 {second}: {lo:.3f}입니다.",
    "quiz.option.position": "위치 {p}",
    "quiz.attention.top_key": "{layer}번 층, {head}번 어텐션 헤드: 마지막 토큰 “{token}”에서 가장 많이 "
    "주목하는 토큰은 무엇입니까?",
    "quiz.attention.top_key.why": "{layer}번 층의 {head}번 어텐션 헤드는 마지막 토큰의 어텐션 가중치 중 "
    "{hi:.1%}을(를) {best}에 둡니다. 그다음인 {second}은(는) {lo:.1%}입니다.",
    "quiz.attention.head_kind": "{layer}번 층, {head}번 어텐션 헤드: 이 프롬프트에서 어떤 종류의 헤드입니까?",
    "quiz.attention.head_kind.why": "이전 토큰에 주는 평균 가중치 {previous:.2f}, 첫 토큰에 주는 평균 가중치 "
    "{first:.2f}, 엔트로피 {entropy:.2f}비트입니다(고르게 퍼진 행이라면 "
    "{most:.2f}비트).",
    "quiz.option.head.previous": "이전 토큰 헤드: 바로 앞 토큰을 봅니다",
    "quiz.option.head.first": "첫 토큰 헤드: 어텐션을 첫 토큰에 모아 둡니다",
    "quiz.option.head.spread": "고르게 퍼진 헤드: 여러 토큰을 비슷하게 봅니다",
    "quiz.block.top_writer": "모델은 다음 토큰으로 “{token}”을(를) 예측합니다. 그 토큰의 로짓에 가장 "
    "많이 써 넣은 구성 요소는 무엇입니까(직접 로짓 기여도)?",
    "quiz.block.top_writer.why": "{best}이(가) 로짓({logit:.3f}) 중 {hi:+.3f}을(를) 썼습니다. 그다음은 "
    "{second}, {lo:+.3f}입니다.",
    "quiz.option.part.embed": "임베딩",
    "quiz.option.part.attn": "{layer}번 층의 어텐션",
    "quiz.option.part.mlp": "{layer}번 층의 MLP",
    "quiz.block.units_firing": "{layer}번 층, {position}번 토큰: MLP의 유닛 {m:,}개 중 몇 개가 "
    "활성화됩니까(활성화 함수 입력이 0보다 큼)?",
    "quiz.block.units_firing.why": "유닛 {m:,}개 중 {n:,}개가 활성화됩니다({share:.1%}).",
    "quiz.option.units": "{m:,}개 중 {lo:,}–{hi:,}개",
    "quiz.rnn.right_translator": "“{sentence}”: 어느 번역기가 정확히 맞힙니까(Tatoeba 참조 번역 중 하나와 같음)?",
    "quiz.rnn.right_translator.why": "컨텍스트 벡터 모델: {plain} · 어텐션 모델: {attention} · 트랜스포머: "
    "{transformer} — 참조 번역: {reference}",
    "quiz.option.translator.plain": "컨텍스트 벡터 모델만",
    "quiz.option.translator.attention": "어텐션 모델만",
    "quiz.option.translator.transformer": "트랜스포머만",
    "quiz.option.translator.all": "셋 모두",
    "quiz.option.translator.none": "셋 다 틀림",
    "quiz.rnn.attended_word": "{n}번째 단어 “{word}”을(를) 쓸 때, 어텐션 디코더가 가장 많이 보는 원문 "
    "단어는 무엇입니까?",
    "quiz.rnn.attended_word.why": "{best}이(가) 가중치 {hi:.1%}을(를) 받습니다. 그다음인 {second}은(는) "
    "{lo:.1%}입니다.",
    "quiz.sampling.next_token": "아래 토큰 가운데 모델이 바로 다음에 올 가능성이 가장 높다고 보는 것은 무엇입니까?",
    "quiz.sampling.next_token.why": "“{best}”의 확률은 {hi:.1%}입니다. 그다음인 “{second}”은(는) {lo:.1%}입니다.",
    "quiz.sampling.tokens_kept": "온도 {t:.2f}, top-k {k}(0은 끔), top-p {p:.2f}: 샘플러가 아직 뽑을 수 "
    "있는 토큰은 몇 개입니까?",
    "quiz.sampling.tokens_kept.why": "토큰 {v:,}개 중 {n:,}개가 남습니다. 다시 정규화하기 전에 이 토큰들의 "
    "확률 합은 {mass:.1%}였습니다.",
    "quiz.option.kept": "{lo:,}–{hi:,}개",
    "quiz.option.kept_one": "정확히 {n}개",
    "quiz.why_and_myth": "{why} {myth}",
    "quiz.embeddings.split_word": "문장 중간의 단어처럼 앞에 공백을 붙여 쓴 “{word}”. 모델은 이 단어를 "
    "토큰 몇 개로 자릅니까?",
    "quiz.embeddings.split_word.why": "“{word}” → {pieces}: 토큰 {n}개입니다.",
    "quiz.embeddings.split.myth": "흔히 단어 하나가 토큰 하나라고 생각하지만, 이 질문이 고르는 단어 "
    "{all}개 중 {multi}개는 토큰 두 개 이상으로 잘립니다.",
    "quiz.posenc.myth.holds": "가장 가까운 위치가 가장 비슷하다는 흔한 예상이 여기서는 맞습니다(위치 {near}).",
    "quiz.posenc.myth.fails": "가장 가까운 위치(여기서는 {near})가 어느 모델에서나 가장 비슷하다는 "
    "흔한 예상은 여기서 틀립니다. 가장 비슷한 위치는 {best}입니다.",
    "quiz.attention.top_key.myth": "흔히 어텐션 헤드가 가장 중요한 단어를 본다고 예상하지만, 이 "
    "프롬프트에서는 헤드 {all}개 중 {first}개가 마지막 토큰의 어텐션을 "
    "가장 많이 첫 토큰에 둡니다.",
    "quiz.block.top_writer_of": "모델이 다음에 쓸 수 있는 토큰 가운데 “{token}”(확률 {p:.1%})에 대해 묻습니다. "
    "아래 구성 요소 가운데 이 토큰의 로짓에 가장 많이 써 넣은 것은 무엇입니까"
    "(직접 로짓 기여도)?",
    "quiz.block.top_writer.myth": "흔히 마지막 층이 예측을 쓴다고 예상하지만, 마지막 층의 어텐션과 "
    "MLP가 함께 쓴 값은 로짓 {logit:.3f} 중 {last:+.3f}입니다.",
    "quiz.rnn.right_translator.myth": "흔히 LSTM이 맞히는 문장은 트랜스포머도 맞힌다고 예상하지만, 평가용 "
    "데이터 전체에서 정확히 일치하는 비율은 컨텍스트 벡터 모델 "
    "{plain:.1%}, 어텐션 LSTM {attention:.1%}, 트랜스포머 "
    "{transformer:.1%}이고, 문장 하나하나의 결과는 제각각입니다.",
    "quiz.sampling.temperature_myth": "흔한 예상과 달리 온도를 높이면 1위 토큰의 확률이 커지지 않고, "
    "분포가 평평해집니다. 1위 토큰의 확률은 T = 1에서 {one:.1%}, "
    "T = {t:.2f}에서 {hot:.1%}입니다(잘라 내기 전).",
}

# the questions the lessons ask (core/quiz.py, section 7)
EN.update(
    {
        "quiz.attention.causal_mask": "A prompt of {n} tokens: which of these cells (query → key) does the causal "
        "mask hide?",
        "quiz.attention.causal_mask.why": "Query {q} may not read key {k}: that token comes later. The mask hides "
        "{hidden} of the {cells} cells, every one to the right of the diagonal.",
        "quiz.attention.unscaled_top": "Leave out the division by √d_k (d_k = {dk}): would this row's largest "
        "attention weight be higher, the same or lower?",
        "quiz.option.unscaled.higher": "higher: the softmax gets sharper",
        "quiz.option.unscaled.same": "the same, within {margin:.1%}",
        "quiz.option.unscaled.lower": "lower: the softmax gets flatter",
        "quiz.attention.unscaled_top.why": "Divided by √{dk}: {scaled:.1%}; not divided: {unscaled:.1%}.",
        "quiz.rnn.bleu_drop": "On the held-out sentences, whose BLEU falls furthest from the shortest ({short} "
        "words) to the longest ({long} words)?",
        "quiz.rnn.bleu_drop.why": "{best} loses {hi:.1f} BLEU points from {short} to {long} words; {second} "
        "loses {lo:.1f}.",
        "quiz.option.model.plain": "the LSTM with one context vector",
        "quiz.option.model.attention": "the LSTM with attention",
        "quiz.option.model.transformer": "the Transformer",
        "quiz.rnn.encoder_looks": "The Transformer's encoder, layer {layer}, head {head}: which English word does "
        "word {n}, “{word}”, look at most?",
        "quiz.rnn.encoder_looks.why": "“{word}” puts {hi:.1%} of its attention on {best}; next comes {second} "
        "with {lo:.1%}.",
    }
)

KO.update(
    {
        "quiz.attention.causal_mask": "토큰 {n}개짜리 프롬프트에서 인과 마스크가 가리는 칸(Query → Key)은 "
        "어느 것일까요?",
        "quiz.attention.causal_mask.why": "{q}번 Query는 {k}번 Key를 읽을 수 없습니다. 그 토큰이 뒤에 오기 "
        "때문입니다. 마스크는 {cells}칸 가운데 대각선 오른쪽의 {hidden}칸을 "
        "모두 가립니다.",
        "quiz.attention.unscaled_top": "√d_k(d_k = {dk})로 나누는 단계를 빼면 이 행에서 가장 큰 어텐션 가중치는 "
        "커질까요, 그대로일까요, 작아질까요?",
        "quiz.option.unscaled.higher": "커집니다: 소프트맥스가 더 날카로워집니다",
        "quiz.option.unscaled.same": "그대로입니다: 차이가 {margin:.1%} 안쪽입니다",
        "quiz.option.unscaled.lower": "작아집니다: 소프트맥스가 더 평평해집니다",
        "quiz.attention.unscaled_top.why": "√{dk}(으)로 나누면 {scaled:.1%}, 나누지 않으면 {unscaled:.1%}입니다.",
        "quiz.rnn.bleu_drop": "평가용 문장에서 가장 짧은 문장({short}단어)부터 가장 긴 문장({long}단어)까지 "
        "BLEU가 가장 많이 떨어지는 모델은 무엇일까요?",
        "quiz.rnn.bleu_drop.why": "{best}: {short}단어에서 {long}단어로 가며 BLEU가 {hi:.1f}점 떨어집니다. "
        "다음은 {second}: {lo:.1f}점입니다.",
        "quiz.option.model.plain": "컨텍스트 벡터 모델",
        "quiz.option.model.attention": "어텐션을 쓰는 LSTM",
        "quiz.option.model.transformer": "트랜스포머",
        "quiz.rnn.encoder_looks": "트랜스포머 인코더의 {layer}번 층, {head}번 헤드에서 {n}번째 단어 “{word}”이(가) "
        "가장 많이 보는 영어 단어는 무엇일까요?",
        "quiz.rnn.encoder_looks.why": "“{word}”은(는) {best}에 어텐션의 {hi:.1%}을(를) 둡니다. 다음은 {second}, "
        "{lo:.1%}입니다.",
    }
)

EN.update(
    {
        "quiz.cannot.no_lab_run": "the lab has no finished run with these settings yet (press its button first).",
        "quiz.cannot.no_timing": "no training steps have been timed yet (press the button first).",
        "quiz.rnn.lab_keeps": "The lab's longest inputs ({n} symbols): which LSTM keeps more of its exact-sequence "
        "accuracy?",
        "quiz.option.lab.attention": "the LSTM with attention",
        "quiz.option.lab.plain": "the LSTM with one context vector",
        "quiz.option.lab.same": "both the same, within {margin:.1%}",
        "quiz.rnn.lab_keeps.why": "At {n} symbols: with attention {attention:.0%} exactly right, with one context "
        "vector {plain:.0%}.",
        "quiz.rnn.cheaper_step": "One training step on targets of {T} words: which is cheaper, the LSTM with "
        "attention or the Transformer?",
        "quiz.option.step.attention": "the LSTM with attention",
        "quiz.option.step.transformer": "the Transformer",
        "quiz.option.step.same": "about the same (within {share:.0%})",
        "quiz.rnn.cheaper_step.why": "At {T} target words one step took {lstm:.1f} ms for the LSTM and "
        "{transformer:.1f} ms for the Transformer, on this machine.",
        "quiz.rnn.lab_keeps.why_recorded": "At {n} symbols: with attention {attention:.0%} exactly right, with one "
        "context vector {plain:.0%}, in the recorded run on {machine}.",
        "quiz.rnn.cheaper_step.why_recorded": "At {T} target words one step took {lstm:.1f} ms for the LSTM and "
        "{transformer:.1f} ms for the Transformer, in the recorded timing on {machine}.",
    }
)

KO.update(
    {
        "quiz.cannot.no_lab_run": "이 설정으로 끝난 실험실 실행이 아직 없습니다(먼저 버튼을 누르세요).",
        "quiz.cannot.no_timing": "아직 잰 학습 스텝이 없습니다(먼저 버튼을 누르세요).",
        "quiz.rnn.lab_keeps": "실험실의 가장 긴 입력(기호 {n}개)에서 시퀀스 전체를 맞히는 정확도를 더 잘 지키는 LSTM은 "
        "어느 것일까요?",
        "quiz.option.lab.attention": "어텐션을 쓰는 LSTM",
        "quiz.option.lab.plain": "컨텍스트 벡터 모델",
        "quiz.option.lab.same": "둘이 같습니다({margin:.1%} 안쪽)",
        "quiz.rnn.lab_keeps.why": "기호 {n}개에서 어텐션 LSTM은 {attention:.0%}, 컨텍스트 벡터 모델은 {plain:.0%}을(를) "
        "정확히 맞힙니다.",
        "quiz.rnn.cheaper_step": "목표 문장이 {T}단어일 때 학습 스텝 하나의 비용이 더 적은 쪽은 어텐션 LSTM과 트랜스포머 "
        "가운데 어느 것일까요?",
        "quiz.option.step.attention": "어텐션을 쓰는 LSTM",
        "quiz.option.step.transformer": "트랜스포머",
        "quiz.option.step.same": "거의 같습니다({share:.0%} 안쪽)",
        "quiz.rnn.cheaper_step.why": "목표 {T}단어에서 스텝 하나에 LSTM은 {lstm:.1f} ms, 트랜스포머는 "
        "{transformer:.1f} ms가 걸렸습니다(이 컴퓨터에서).",
        "quiz.rnn.lab_keeps.why_recorded": "{machine}에서 기록해 둔 실행에서, 기호 {n}개일 때 어텐션 LSTM은 "
        "{attention:.0%}, 컨텍스트 벡터 모델은 {plain:.0%}을(를) 정확히 맞혔습니다.",
        "quiz.rnn.cheaper_step.why_recorded": "{machine}에서 기록해 둔 측정에서, 목표 {T}단어일 때 스텝 하나에 "
        "LSTM은 {lstm:.1f} ms, 트랜스포머는 {transformer:.1f} ms가 걸렸습니다.",
    }
)
