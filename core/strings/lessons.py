"""The lessons' own words (core/lessons/catalog.py): each lesson's title, every step's title,
text and lecturer's notes, what to notice (filled by core/lessons/notices.py), and the concepts
of the lecture notes (core/lessons/concepts.py). Written in the app's own words, not the notes'.

Kept as (English, Korean) pairs so a step's two languages sit side by side; EN and KO below.
"""

_PAIRS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ the lessons
    "lessons.explainer.title": (
        "A walk through GPT-2 (after Transformer Explainer)",
        "GPT-2 따라 걷기(Transformer Explainer를 따라서)",
    ),
    "lessons.transformer.title": ("The Transformer, piece by piece", "트랜스포머를 한 조각씩"),
    "lessons.how.title": ("How does a Transformer work? Part 1", "트랜스포머는 어떻게 동작할까요? 1편"),
    "lessons.seq2seq.title": ("From Seq2Seq to Bahdanau attention", "Seq2Seq에서 Bahdanau 어텐션까지"),
    # the lecture note each lesson follows (shared/lecture-notes/), as a lesson list names it
    "lessons.explainer.note": (
        "Notes on Transformer Explainer (poloclub, Georgia Tech): GPT-2 small, part by part",
        "Transformer Explainer(poloclub, 조지아 공대) 정리: GPT-2 small을 구성 요소별로",
    ),
    "lessons.transformer.note": (
        "Notes on the Transformer model: from RNN limits to the paper's architecture",
        "트랜스포머 모델 정리: RNN의 한계에서 논문의 구조까지",
    ),
    "lessons.how.note": (
        "\u201cHow does the Transformer work? Part 1\u201d: RNN limits, self-attention, inputs and positions",
        "\u201c트랜스포머는 어떻게 동작할까? 1편\u201d: RNN의 한계, 셀프 어텐션, 입력과 위치",
    ),
    "lessons.seq2seq.note": (
        "LLM basics 2-1: Seq2Seq and attention (Bahdanau et al. 2015)",
        "LLM 동작원리 2-1: Seq2Seq와 어텐션(Bahdanau 등 2015)",
    ),
    # ------------------------------------------------------------------ concepts (one line each)
    "lessons.concept.next_token": (
        "A text-generating Transformer scores every token of its vocabulary as the next one.",
        "텍스트를 만드는 트랜스포머는 어휘의 모든 토큰에 다음 토큰이 될 점수를 매깁니다.",
    ),
    "lessons.concept.three_parts": (
        "Three stages: embedding, a stack of Transformer blocks, output probabilities.",
        "세 단계: 임베딩, 여러 층으로 쌓은 트랜스포머 블록, 출력 확률.",
    ),
    "lessons.concept.subword_tokens": (
        "Text is cut into tokens: whole words or pieces of words.",
        "텍스트는 토큰으로 나뉩니다. 단어 전체일 수도, 단어의 조각일 수도 있습니다.",
    ),
    "lessons.concept.vocabulary": (
        "The vocabulary is fixed before training; every token has one id in it.",
        "어휘는 학습 전에 정해지고, 모든 토큰은 그 안에서 ID 하나를 가집니다.",
    ),
    "lessons.concept.embedding_matrix": (
        "The token-embedding matrix holds one learned row per vocabulary entry.",
        "토큰 임베딩 행렬은 어휘 항목마다 학습된 행 하나를 담습니다.",
    ),
    "lessons.concept.learned_positions": (
        "GPT-2 learns one position vector per position, like a second embedding table.",
        "GPT-2는 위치마다 위치 벡터 하나를 학습합니다. 두 번째 임베딩 표와 같습니다.",
    ),
    "lessons.concept.final_embedding": (
        "What enters the first block is the token vector plus the position vector.",
        "첫 블록에 들어가는 것은 토큰 벡터와 위치 벡터의 합입니다.",
    ),
    "lessons.concept.qkv_search": (
        "Query, key and value work like a search: what I look for, what I offer, what I pass on.",
        "Query, Key, Value는 검색처럼 동작합니다: 찾는 것, 내보이는 것, 넘겨주는 것.",
    ),
    "lessons.concept.multi_head": (
        "Attention runs in several heads at once, each on its own slice of the width.",
        "어텐션은 여러 헤드에서 동시에 돌고, 헤드마다 너비의 한 조각을 맡습니다.",
    ),
    "lessons.concept.causal_mask": (
        "The causal mask sets every score for a later token to −∞ before the softmax.",
        "인과 마스크는 소프트맥스 전에 뒤쪽 토큰의 스코어를 모두 −∞로 만듭니다.",
    ),
    "lessons.concept.softmax_rows": (
        "After the softmax each query's row of weights is positive and sums to 1.",
        "소프트맥스를 거치면 Query마다 가중치 행이 양수가 되고 합이 1이 됩니다.",
    ),
    "lessons.concept.concat_project": (
        "The heads' outputs are laid side by side and mixed back to the width by W_O.",
        "헤드들의 출력을 나란히 이어 붙인 뒤 W_O로 다시 너비에 맞춰 섞습니다.",
    ),
    "lessons.concept.mlp_expand": (
        "The MLP widens each token's vector (about 4×), applies a nonlinearity, and narrows it back.",
        "MLP는 토큰 벡터를 넓히고(약 4배) 비선형 함수를 거친 뒤 다시 좁힙니다.",
    ),
    "lessons.concept.logits": (
        "The last layer gives one logit per vocabulary entry; softmax turns them into probabilities.",
        "마지막 층은 어휘 항목마다 로짓 하나를 내고, 소프트맥스가 이를 확률로 바꿉니다.",
    ),
    "lessons.concept.temperature": (
        "Temperature divides the logits: below 1 sharpens the distribution, above 1 flattens it.",
        "온도는 로짓을 나눕니다. 1보다 작으면 분포가 날카로워지고, 크면 평평해집니다.",
    ),
    "lessons.concept.top_k_top_p": (
        "Top-k keeps the k likeliest tokens; top-p keeps the fewest whose probabilities reach p.",
        "top-k 샘플링은 가장 그럴듯한 k개를, top-p 샘플링은 확률 합이 p에 닿는 가장 작은 집합을 남깁니다.",
    ),
    "lessons.concept.layer_norm": (
        "Normalisation rescales each token's vector before attention and before the MLP.",
        "정규화는 어텐션 앞과 MLP 앞에서 토큰 벡터마다 크기를 다시 맞춥니다.",
    ),
    "lessons.concept.dropout": (
        "Dropout zeroes random units during training only; inference runs without it.",
        "드롭아웃은 학습 중에만 무작위 유닛을 0으로 만들고, 추론에서는 쓰지 않습니다.",
    ),
    "lessons.concept.residual": (
        "A residual connection adds a sub-layer's input to its output, so information and gradients pass "
        "straight through.",
        "잔차 연결은 하위 층의 입력을 출력에 더해 정보와 기울기가 곧바로 지나가게 합니다.",
    ),
    "lessons.concept.rnn_sequential": (
        "An RNN computes h_t from h_{t−1}: its steps run one after another, never in parallel.",
        "RNN은 h_{t−1}에서 h_t를 계산하므로 스텝이 하나씩 차례로 돌고 병렬로 돌 수 없습니다.",
    ),
    "lessons.concept.rnn_forgetting": (
        "In a long input the first tokens fade from an RNN's state, and their gradients vanish.",
        "긴 입력에서는 앞쪽 토큰이 RNN의 상태에서 흐려지고 기울기도 사라집니다.",
    ),
    "lessons.concept.tokenization_tradeoff": (
        "Token size is a trade-off: big units need a huge vocabulary and miss rare words; small units make "
        "long sequences.",
        "토큰 크기는 맞바꿈입니다. 단위가 크면 어휘가 커지고 드문 단어를 놓치며, 단위가 작으면 시퀀스가 길어집니다.",
    ),
    "lessons.concept.embedding_training": (
        "Embedding rows start random; training moves related tokens close together.",
        "임베딩 행은 무작위로 시작하고, 학습이 관련 있는 토큰들을 가깝게 모읍니다.",
    ),
    "lessons.concept.order_lost": (
        "Attention reads all tokens at once, so without positions a sentence is a bag of words.",
        "어텐션은 모든 토큰을 한꺼번에 읽으므로 위치 정보가 없으면 문장은 단어 주머니가 됩니다.",
    ),
    "lessons.concept.absolute_relative": (
        "Absolute positions (a formula or a learned table) against relative ones (offsets, rotary).",
        "절대 위치(수식이나 학습된 표)와 상대 위치(거리, 회전 위치 인코딩)의 비교.",
    ),
    "lessons.concept.dot_similarity": (
        "A dot product measures how well a query matches a key.",
        "내적은 Query가 Key와 얼마나 잘 맞는지 잽니다.",
    ),
    "lessons.concept.weighted_values": (
        "Attention's output is the weighted sum of the value vectors.",
        "어텐션의 출력은 Value 벡터들의 가중합입니다.",
    ),
    "lessons.concept.why_projections": (
        "Without W_Q and W_K a token would mostly match itself; the projections let it look elsewhere.",
        "W_Q와 W_K가 없으면 토큰은 주로 자기 자신과 맞습니다. 투영이 있어야 다른 곳을 봅니다.",
    ),
    "lessons.concept.scaling": (
        "Dividing by √d_k keeps the scores' spread near 1, so the softmax does not saturate.",
        "√d_k로 나누면 스코어의 퍼짐이 1 근처로 유지되어 소프트맥스가 포화되지 않습니다.",
    ),
    "lessons.concept.head_width": (
        "Each head works in d_model / h dimensions; together the heads cost about one full-width attention.",
        "헤드마다 d_model / h 차원에서 일하므로 헤드를 모두 합쳐도 전체 너비의 어텐션 하나와 비슷한 비용입니다.",
    ),
    "lessons.concept.cross_attention": (
        "Cross-attention: the decoder's queries read the encoder's keys and values.",
        "크로스 어텐션: 디코더의 Query가 인코더의 Key와 Value를 읽습니다.",
    ),
    "lessons.concept.encoder_decoder": (
        "The original Transformer is an encoder stack and a decoder stack of identical layers.",
        "원래의 트랜스포머는 똑같은 층을 쌓은 인코더 묶음과 디코더 묶음으로 이루어집니다.",
    ),
    "lessons.concept.ffn_relu": (
        "The paper's feed-forward network: max(0, xW₁ + b₁)W₂ + b₂, the same for every position.",
        "논문의 피드포워드 네트워크: max(0, xW₁ + b₁)W₂ + b₂, 모든 위치에 똑같이 적용합니다.",
    ),
    "lessons.concept.masked_training": (
        "In training the decoder reads the whole target at once, under a causal mask (teacher forcing).",
        "학습 때 디코더는 인과 마스크 아래에서 정답 문장 전체를 한 번에 읽습니다. 이것이 교사 강요(teacher "
        "forcing)입니다.",
    ),
    "lessons.concept.context_bottleneck": (
        "An RNN encoder squeezes the whole source into one context vector: the bottleneck.",
        "RNN 인코더는 원문 전체를 컨텍스트 벡터 하나에 눌러 담습니다. 이것이 병목입니다.",
    ),
    "lessons.concept.word_in_context": (
        "The same word needs a different vector in different contexts (\u201cbank\u201d by a river, at a desk).",
        "같은 단어도 맥락이 다르면 다른 벡터가 필요합니다(강가의 \u201cbank\u201d, 창구의 \u201cbank\u201d).",
    ),
    "lessons.concept.token_ids": (
        "A sentence enters the model as a list of vocabulary indices.",
        "문장은 어휘 인덱스의 목록으로 모델에 들어갑니다.",
    ),
    "lessons.concept.cosine_similarity": (
        "Cosine similarity compares directions: 1 the same way, 0 unrelated, −1 opposite.",
        "코사인 유사도는 방향을 비교합니다. 1은 같은 방향, 0은 무관, −1은 반대 방향입니다.",
    ),
    "lessons.concept.sinusoidal": (
        "Sinusoidal encoding: dimension 2i holds a sine and 2i+1 a cosine of one frequency, at every position.",
        "사인·코사인 위치 인코딩: 모든 위치에서 2i번 차원은 사인, 2i+1번 차원은 같은 주파수의 코사인입니다.",
    ),
    "lessons.concept.linear_qkv": (
        "Q, K and V come from three linear layers (no activation) applied to the same input.",
        "Q, K, V는 같은 입력에 활성화 함수 없는 선형 층 셋을 적용해 얻습니다.",
    ),
    "lessons.concept.seq2seq": (
        "Sequence to sequence: an encoder reads the input, a decoder writes the output word by word.",
        "시퀀스에서 시퀀스로: 인코더가 입력을 읽고 디코더가 출력을 한 단어씩 씁니다.",
    ),
    "lessons.concept.fixed_context": (
        "The context vector has the same size for a three-word sentence and a thirty-word one.",
        "컨텍스트 벡터는 세 단어 문장이든 서른 단어 문장이든 크기가 같습니다.",
    ),
    "lessons.concept.soft_alignment": (
        "Soft alignment: while writing each word the decoder weighs every source word.",
        "소프트 정렬: 디코더는 단어를 하나 쓸 때마다 원문의 모든 단어에 가중치를 줍니다.",
    ),
    "lessons.concept.bidirectional": (
        "A bidirectional encoder reads left to right and right to left and joins both states.",
        "양방향 인코더는 왼쪽에서 오른쪽으로, 오른쪽에서 왼쪽으로 읽고 두 상태를 이어 붙입니다.",
    ),
    "lessons.concept.additive_score": (
        "Bahdanau's score e_ij = a(s_{i−1}, h_j) is a small feed-forward network, not a dot product.",
        "Bahdanau의 스코어 e_ij = a(s_{i−1}, h_j)는 내적이 아니라 작은 피드포워드 네트워크입니다.",
    ),
    "lessons.concept.context_per_step": (
        "With attention the context c_i = Σ_j α_ij h_j is recomputed for every output word.",
        "어텐션을 쓰면 컨텍스트 c_i = Σ_j α_ij h_j를 출력 단어마다 새로 계산합니다.",
    ),
    "lessons.concept.bleu_by_length": (
        "Attention pays most on long sentences: BLEU by length separates the models.",
        "어텐션의 효과는 긴 문장에서 가장 큽니다. 길이별 BLEU가 모델들을 갈라놓습니다.",
    ),
    "lessons.concept.parallel_training": (
        "Recurrence forces one step after another; attention trains every position at once.",
        "순환 구조는 스텝을 하나씩 밟게 하지만, 어텐션은 모든 위치를 한 번에 학습합니다.",
    ),
}

_PAIRS.update(
    {
        # ------------------------------------------------------------------ lesson 1: the explainer walk (000)
        "lessons.explainer.next_word.title": ("One token at a time", "한 번에 토큰 하나"),
        "lessons.explainer.next_word.text": (
            "A model like GPT-2 does one thing: given the text so far, it scores every token it knows as the next "
            "one. Generation repeats that step, appending the chosen token each time. Guess the next token first, "
            "then watch the model choose it.",
            "GPT-2 같은 모델이 하는 일은 하나입니다. 지금까지의 텍스트를 보고 아는 모든 토큰에 다음 토큰이 될 점수를 "
            "매깁니다. 생성은 이 스텝을 되풀이하며 고른 토큰을 하나씩 덧붙이는 일입니다. 먼저 다음 토큰을 맞혀 보고, "
            "모델이 고르는 모습을 보세요.",
        ),
        "lessons.explainer.next_word.notes": (
            "The note opens with the three parts (embedding, blocks, probabilities); keep that map on the board for "
            "the whole lesson. Students often think the model plans a sentence; stress that each step sees only "
            "the prefix.",
            "노트는 세 구성 요소(임베딩, 블록, 확률)로 시작합니다. 이 지도를 수업 내내 칠판에 두세요. 학생들은 모델이 "
            "문장 전체를 미리 계획한다고 여기기 쉬우니, 스텝마다 지금까지의 텍스트만 본다는 점을 강조하세요.",
        ),
        "lessons.explainer.tokens.title": ("From text to tokens", "텍스트에서 토큰으로"),
        "lessons.explainer.tokens.text": (
            "Before any arithmetic the prompt is cut into tokens, and each token becomes its id in a fixed "
            "vocabulary. Common words are one token; rarer words are split into pieces. Count the tokens of one "
            "word before the split appears.",
            "계산에 앞서 프롬프트를 토큰으로 자르고, 토큰마다 정해진 어휘 속 ID로 바꿉니다. 흔한 단어는 토큰 하나, "
            "드문 단어는 조각으로 나뉩니다. 나뉜 결과를 보기 전에 한 단어의 토큰 수를 세어 보세요.",
        ),
        "lessons.explainer.tokens.notes": (
            "The note's example splits \u201cempowers\u201d in two for GPT-2; other tokenizers (SmolLM2's) may keep it "
            "whole, so read the split on screen. Students confuse tokens with words and with characters.",
            "노트의 예에서는 GPT-2가 \u201cempowers\u201d를 둘로 나눕니다. 다른 토크나이저(SmolLM2)는 통째로 둘 수도 "
            "있으니 화면의 결과를 읽으세요. 학생들은 토큰을 단어나 글자와 혼동하곤 합니다.",
        ),
        "lessons.explainer.matrix.title": ("The embedding matrix", "임베딩 행렬"),
        "lessons.explainer.matrix.text": (
            "Each token id picks one row of the token-embedding matrix: a vector as wide as the model. The matrix "
            "has one row for every entry of the vocabulary, which makes it one of the model's largest parts.",
            "토큰 ID마다 토큰 임베딩 행렬의 행 하나를 고릅니다. 모델의 너비만큼 긴 벡터입니다. 행렬에는 어휘 항목마다 "
            "행이 하나씩 있어서 모델에서 가장 큰 구성 요소 가운데 하나가 됩니다.",
        ),
        "lessons.explainer.matrix.notes": (
            "For GPT-2 small the note gives 50,257 × 768, about 39 M numbers; the notice computes the model on "
            "screen. A lookup is not a multiplication by a one-hot vector in practice, though it equals one.",
            "GPT-2 small이라면 노트대로 50,257 × 768, 약 3,900만 개입니다. 알아챌 점은 화면의 모델로 계산합니다. "
            "행을 꺼내는 일은 원-핫 벡터를 곱한 것과 같지만 실제로는 곱셈 없이 바로 꺼냅니다.",
        ),
        "lessons.explainer.positions.title": ("Where a token stands", "토큰이 서 있는 자리"),
        "lessons.explainer.positions.text": (
            "A token's row says what it is, not where it is. GPT-2 adds a learned vector per position; the paper "
            "used fixed sine waves; Llama-family models rotate queries and keys instead. Compare how alike nearby "
            "and distant positions are in each.",
            "토큰의 행은 무엇인지를 말할 뿐 어디에 있는지는 말하지 않습니다. GPT-2는 위치마다 학습된 벡터를 더하고, "
            "논문은 고정된 사인파를 썼으며, Llama 계열 모델은 대신 Query와 Key를 회전시킵니다. 가까운 위치와 먼 위치가 "
            "각각 얼마나 닮았는지 비교해 보세요.",
        ),
        "lessons.explainer.positions.notes": (
            "The note says GPT-2 learns its position matrix during training: true for GPT-2, not for the offline "
            "default (rotary). Ask which scheme can handle a position it never saw in training.",
            "노트는 GPT-2가 위치 행렬을 학습한다고 말합니다. GPT-2에는 맞지만 오프라인 기본 모델(회전 위치 인코딩)에는 "
            "해당하지 않습니다. 학습 때 본 적 없는 위치를 어느 방식이 다룰 수 있는지 물어보세요.",
        ),
        "lessons.explainer.sum.title": ("Token plus position", "토큰 더하기 위치"),
        "lessons.explainer.sum.text": (
            "In GPT-2 the vector that enters the first block is the token's row plus its position's vector. Swap two "
            "words and the same rows come in, only at other positions: the position part is what tells the two "
            "sentences apart.",
            "GPT-2에서 첫 블록에 들어가는 벡터는 토큰의 행에 위치 벡터를 더한 것입니다. 두 단어의 자리를 바꾸면 같은 "
            "행들이 다른 위치로 들어올 뿐입니다. 두 문장을 구별하는 것은 위치 쪽입니다.",
        ),
        "lessons.explainer.sum.notes": (
            "This is the note's fourth embedding step. For a rotary model nothing is added at the input: the "
            "position enters inside attention, which is worth saying when SmolLM2 is on screen.",
            "노트의 임베딩 넷째 단계입니다. 회전 위치 인코딩 모델은 입력에서 아무것도 더하지 않고 어텐션 안에서 위치가 "
            "들어가니, SmolLM2가 화면에 있으면 이 점을 말해 주세요.",
        ),
        "lessons.explainer.qkv.title": ("Query, key, value", "Query, Key, Value"),
        "lessons.explainer.qkv.text": (
            "Every token makes three vectors from its own: a query (what it is looking for), a key (what it can be "
            "found by) and a value (what it hands over). A query scores every key it may see; the best matches "
            "pass on the most of their values.",
            "토큰마다 자기 벡터에서 세 벡터를 만듭니다. Query(찾는 것), Key(찾아지는 단서), Value(넘겨주는 내용)입니다. "
            "Query는 볼 수 있는 모든 Key에 점수를 매기고, 가장 잘 맞는 쪽이 자기 Value를 가장 많이 넘깁니다.",
        ),
        "lessons.explainer.qkv.notes": (
            "The note's analogy is a web search: the query is the search box, keys are page titles, values the "
            "pages. The analogy breaks in one place: attention blends all values by weight, it does not return one "
            "page.",
            "노트의 비유는 웹 검색입니다. Query는 검색창, Key는 페이지 제목, Value는 페이지 내용입니다. 비유가 깨지는 곳이 "
            "하나 있습니다. 어텐션은 페이지 하나를 돌려주지 않고 모든 Value를 가중치대로 섞습니다.",
        ),
        "lessons.explainer.mask.title": ("No peeking: the causal mask", "엿보기 금지: 인과 마스크"),
        "lessons.explainer.mask.text": (
            "A token may read itself and the tokens before it, never the ones after. Before the softmax every score "
            "for a later token is set to −∞, so its weight comes out as exactly 0. Each row of weights then sums "
            "to 1.",
            "토큰은 자기 자신과 앞의 토큰만 읽을 수 있고 뒤의 토큰은 읽지 못합니다. 소프트맥스 전에 뒤쪽 토큰의 스코어를 "
            "모두 −∞로 바꾸므로 그 가중치는 정확히 0이 됩니다. 그러면 가중치 행마다 합이 1이 됩니다.",
        ),
        "lessons.explainer.mask.notes": (
            "The note puts the mask on the upper triangle; check students read rows as queries and columns as keys, "
            "or the triangle looks flipped. −∞, not 0, is added: a zero score would still get weight.",
            "노트는 마스크를 위쪽 삼각형에 둡니다. 행이 Query, 열이 Key라는 것을 학생들이 알고 있는지 확인하세요. 아니면 "
            "삼각형이 뒤집혀 보입니다. 더하는 값은 0이 아니라 −∞입니다. 스코어가 0이면 가중치가 여전히 생깁니다.",
        ),
        "lessons.explainer.heads.title": ("Many heads at once", "여러 헤드를 한꺼번에"),
        "lessons.explainer.heads.text": (
            "Each layer runs several attention heads side by side, each with its own small Q, K and V. Here is every "
            "head of every layer on one prompt. Some look at the previous token, many park their weight on the "
            "first one.",
            "층마다 어텐션 헤드 여러 개가 나란히 돌고, 헤드마다 작은 Q, K, V를 따로 가집니다. 한 프롬프트에 대한 모든 층의 "
            "모든 헤드를 보세요. 이전 토큰 헤드도 있고, 많은 헤드는 가중치를 첫 토큰에 몰아 둡니다.",
        ),
        "lessons.explainer.heads.notes": (
            "The note says heads learn different relations in parallel; the grid shows it, and also shows the "
            "first-token habit (an attention sink) the note does not mention. Don't read meaning into every pattern.",
            "노트는 헤드마다 다른 관계를 병렬로 배운다고 말합니다. 격자가 그것을 보여 주고, 노트에 없는 첫 토큰 "
            "쏠림(어텐션 "
            "싱크)도 보여 줍니다. 모든 무늬에 의미를 붙이지는 마세요.",
        ),
        "lessons.explainer.concat.title": ("Heads side by side, then W_O", "헤드를 나란히, 그다음 W_O"),
        "lessons.explainer.concat.text": (
            "Each head returns a short vector for every token. The heads' vectors are laid end to end and one more "
            "matrix, W_O, mixes them back to the model's width. That sum is what attention writes into the token.",
            "헤드마다 토큰별로 짧은 벡터를 돌려줍니다. 이 벡터들을 끝과 끝을 이어 붙이고, 행렬 W_O 하나가 다시 모델의 "
            "너비로 섞습니다. 그 결과가 어텐션이 토큰에 써 넣는 내용입니다.",
        ),
        "lessons.explainer.concat.notes": (
            "The note calls this output and concatenation. The check on screen compares the recomputed output "
            "with the model's own: a good moment to show the arithmetic is exactly the model's.",
            "노트는 이것을 출력과 결합이라고 부릅니다. 화면의 검사는 다시 계산한 출력을 모델 자신의 출력과 비교합니다. "
            "계산이 모델 그대로라는 것을 보여 주기 좋은 순간입니다.",
        ),
        "lessons.explainer.mlp.title": ("The MLP: wider, then back", "MLP: 넓혔다가 다시"),
        "lessons.explainer.mlp.text": (
            "After attention, each token goes through the MLP on its own: widened about four times, passed through "
            "a nonlinearity, narrowed back. Guess how many of its units fire for the last token.",
            "어텐션 다음에는 토큰마다 따로 MLP를 지납니다. 약 네 배로 넓히고 비선형 함수를 거쳐 다시 좁힙니다. 마지막 "
            "토큰에서 유닛이 몇 개나 켜지는지 맞혀 보세요.",
        ),
        "lessons.explainer.mlp.notes": (
            "The note: 768 → 3072 → 768 with GELU for GPT-2; SmolLM2 uses a gated SiLU and a different ratio. "
            "Attention mixes tokens, the MLP does not: students often miss that split of labour.",
            "노트는 GPT-2 기준으로 768 → 3072 → 768, GELU입니다. SmolLM2는 게이트가 있는 SiLU와 다른 비율을 씁니다. "
            "어텐션은 토큰을 섞고 MLP는 섞지 않습니다. 학생들이 이 분업을 놓치기 쉽습니다.",
        ),
        "lessons.explainer.logits.title": ("Logits, then probabilities", "로짓, 그다음 확률"),
        "lessons.explainer.logits.text": (
            "The last vector is multiplied by the unembedding to give one logit per vocabulary entry. Softmax turns "
            "the logits into probabilities that sum to 1. The bars show the likeliest tokens.",
            "마지막 벡터에 언임베딩을 곱해 어휘 항목마다 로짓 하나를 얻습니다. 소프트맥스가 로짓을 합이 1인 확률로 "
            "바꿉니다. 막대는 가장 그럴듯한 토큰들을 보여 줍니다.",
        ),
        "lessons.explainer.logits.notes": (
            "The whole vocabulary gets a probability, not just the bars shown. Students read a small top probability as "
            "the model being unsure; for open-ended text that is normal.",
            "막대에 보이는 것뿐 아니라 어휘 전체가 확률을 받습니다. 학생들은 1위 토큰의 확률이 낮으면 모델이 헤맨다고 "
            "읽지만, "
            "열린 글에서는 보통입니다.",
        ),
        "lessons.explainer.temperature.title": ("Temperature", "온도"),
        "lessons.explainer.temperature.text": (
            "Dividing the logits by a temperature below 1 sharpens the distribution; above 1 flattens it. With "
            "top-p on as well, guess how many tokens are still in the running at this low temperature.",
            "로짓을 1보다 작은 온도로 나누면 분포가 날카로워지고, 1보다 큰 온도로 나누면 평평해집니다. top-p "
            "샘플링도 켠 채로, 이렇게 낮은 온도에서 후보로 남는 토큰이 몇 개일지 맞혀 보세요.",
        ),
        "lessons.explainer.temperature.notes": (
            "The note calls high temperature creativity; it only spreads probability onto less likely tokens. "
            "Temperature never changes the order of the tokens, only the gaps between them.",
            "노트는 높은 온도를 창의성이라고 부르지만, 실제로는 덜 그럴듯한 토큰에 확률을 나눠 줄 뿐입니다. 온도는 토큰의 "
            "순서를 바꾸지 않고 간격만 바꿉니다.",
        ),
        "lessons.explainer.top_k_p.title": ("Top-k and top-p", "top-k와 top-p"),
        "lessons.explainer.top_k_p.text": (
            "Top-k keeps only the k likeliest tokens; top-p keeps the fewest whose probabilities add up to p. "
            "Applied together they can cut the candidates much further than either alone. Sample a few "
            "continuations with the same seed.",
            "top-k 샘플링은 가장 그럴듯한 토큰 k개만, top-p 샘플링은 확률 합이 p에 닿는 가장 적은 토큰만 남깁니다. 둘을 "
            "함께 쓰면 하나만 쓸 때보다 후보가 훨씬 줄 수 있습니다. 같은 시드로 이어 쓰기를 몇 개 뽑아 보세요.",
        ),
        "lessons.explainer.top_k_p.notes": (
            "The filters run in Hugging Face's order (temperature, top-k, top-p) and the survivors are "
            "renormalised. Ask what happens with top-k 1: that is greedy decoding.",
            "필터는 Hugging Face의 순서(온도, top-k, top-p)대로 적용되고 남은 토큰의 확률은 다시 정규화됩니다. top-k가 "
            "1이면 어떻게 되는지 물어보세요. 그리디 디코딩이 됩니다.",
        ),
        "lessons.explainer.norm.title": ("Normalisation inside the block", "블록 안의 정규화"),
        "lessons.explainer.norm.text": (
            "Before attention and again before the MLP, each token's vector is rescaled so its size stays "
            "predictable: LayerNorm subtracts the mean and divides by the spread, RMSNorm only divides. Then a "
            "learned gain (and bias) is applied.",
            "어텐션 앞에서 한 번, MLP 앞에서 또 한 번, 토큰 벡터의 크기를 다시 맞춰 예측 가능하게 둡니다. 레이어 "
            "정규화(LayerNorm)는 평균을 빼고 퍼짐으로 나누며, RMS 정규화(RMSNorm)는 나누기만 합니다. 그다음 학습된 "
            "배율을 곱합니다. 레이어 정규화는 학습된 편향도 더합니다.",
        ),
        "lessons.explainer.norm.notes": (
            "The note says normalisation is per feature; it is per token, across that token's features. GPT-2 "
            "normalises before each sub-layer (pre-norm), the 2017 paper after it.",
            "노트는 정규화가 특성 단위라고 하지만, 실제로는 토큰 하나의 모든 특성에 걸쳐 토큰 단위로 합니다. GPT-2는 하위 "
            "층 앞에서(pre-norm), 2017년 논문은 뒤에서 정규화합니다.",
        ),
        "lessons.explainer.residual.title": ("The residual stream", "잔차 스트림"),
        "lessons.explainer.residual.text": (
            "Attention and the MLP do not replace a token's vector: they add to it. The running sum, the residual "
            "stream, carries the embedding all the way up. Guess which part wrote the most into the predicted "
            "token's logit.",
            "어텐션과 MLP는 토큰 벡터를 갈아 끼우지 않고 더합니다. 이 누적 합인 잔차 스트림이 임베딩을 맨 위까지 실어 "
            "나릅니다. 예측된 토큰의 로짓에 가장 많이 써 넣은 곳이 어디일지 맞혀 보세요.",
        ),
        "lessons.explainer.residual.notes": (
            "The note credits residual connections with easing vanishing gradients; the stream view adds that "
            "every part reads and writes one shared vector. The last layers often write the answer.",
            "노트는 잔차 연결이 기울기 소실을 덜어 준다고 설명합니다. 스트림으로 보면 임베딩과 모든 부분층이 공유된 "
            "벡터 하나를 읽고 "
            "쓴다는 점이 더해집니다. 정답은 마지막 층들이 쓰는 경우가 많습니다.",
        ),
        "lessons.explainer.dropout.title": ("Dropout: training only", "드롭아웃: 학습 때만"),
        "lessons.explainer.dropout.text": (
            "During training, dropout zeroes a random share of units so the model cannot lean on any one of them. "
            "At inference it is switched off and the same prompt always gives the same logits. Run it both ways.",
            "학습 중 드롭아웃은 유닛의 일부를 무작위로 0으로 만들어 모델이 어느 하나에 기대지 못하게 합니다. 추론에서는 "
            "꺼지므로 같은 프롬프트는 늘 같은 로짓을 냅니다. 두 방식으로 돌려 보세요.",
        ),
        "lessons.explainer.dropout.notes": (
            "Some models ship with a dropout probability of zero (SmolLM2 does): then both runs agree, and the "
            "notice shows this model's own value. The note's ensemble view of dropout is an interpretation, not a "
            "computation.",
            "드롭아웃 확률이 0인 채로 배포되는 모델도 있습니다(SmolLM2가 그렇습니다). 그러면 두 실행이 같고, 알아챌 "
            "점에 이 모델의 값이 나옵니다. 드롭아웃을 앙상블로 보는 노트의 설명은 해석이지 계산이 아닙니다.",
        ),
    }
)

_PAIRS.update(
    {
        # ------------------------------------------------------------------ lesson 2: the Transformer notes (001)
        "lessons.transformer.rnn.title": ("Why not an RNN?", "왜 RNN이 아닐까요?"),
        "lessons.transformer.rnn.text": (
            "An RNN's state at step t is computed from its state at step t−1, so a sentence of T tokens takes T "
            "steps that cannot overlap. Self-attention computes every position in one go. Compare the two as the "
            "sequence grows.",
            "RNN의 t번째 상태는 t−1번째 상태로 계산하므로, 토큰 T개짜리 문장은 겹칠 수 없는 스텝 T개가 걸립니다. 셀프 "
            "어텐션은 모든 위치를 한 번에 계산합니다. 시퀀스가 길어질 때 둘을 비교해 보세요.",
        ),
        "lessons.transformer.rnn.notes": (
            "The note lists three RNN costs: sequential time, memory forcing small batches, and dilution of early "
            "tokens. Attention trades the first for a T × T matrix, which students forget grows quadratically.",
            "노트는 RNN의 비용 셋을 듭니다. 순차적인 시간, 작은 배치를 강요하는 메모리, 앞쪽 토큰의 희석입니다. 어텐션은 "
            "첫째를 T × T 행렬과 맞바꾸는데, 이것이 제곱으로 커진다는 것을 학생들이 잊곤 합니다.",
        ),
        "lessons.transformer.forgetting.title": ("What reaches the first word?", "첫 단어까지 무엇이 닿을까요?"),
        "lessons.transformer.forgetting.text": (
            "Train a translator and ask how strongly each English word still reaches the loss. Through a single "
            "context vector the early words arrive faint; with attention every word has a direct path. Predict "
            "first which model loses the most on long sentences.",
            "번역기를 학습시키면서 영어 단어마다 손실에 얼마나 강하게 닿는지 물어봅니다. 컨텍스트 벡터 하나를 거치면 앞쪽 "
            "단어는 약하게 닿고, 어텐션이 있으면 모든 단어에 직접 가는 길이 생깁니다. 긴 문장에서 어느 모델이 가장 많이 "
            "잃을지 먼저 예측해 보세요.",
        ),
        "lessons.transformer.forgetting.notes": (
            "The note blames vanishing and exploding gradients for instability in deep stacks; here the depth is "
            "time. The Tatoeba sentences are short, so the gap is modest: the lab shows it on long inputs.",
            "노트는 깊은 층에서의 기울기 소실과 폭발을 불안정의 원인으로 듭니다. 여기서 깊이는 시간 방향입니다. Tatoeba "
            "문장은 짧아서 차이가 크지 않으니, 긴 입력은 실험실에서 보여 주세요.",
        ),
        "lessons.transformer.tradeoff.title": ("How big should a token be?", "토큰은 얼마나 커야 할까요?"),
        "lessons.transformer.tradeoff.text": (
            "Whole words make short sequences but need a huge vocabulary and still miss rare words. Characters need "
            "a tiny vocabulary but make long sequences of pieces that mean little alone. Subwords sit between: "
            "frequent words whole, rare ones in pieces. "
            "This corrects the lecture note, which has the trade-off the other way round.",
            "단어 단위로 자르면 시퀀스는 짧지만 어휘가 거대해지고 그래도 드문 단어를 놓칩니다. 글자 단위는 어휘가 아주 "
            "작지만 혼자서는 뜻이 거의 없는 조각들로 긴 시퀀스를 만듭니다. 서브워드는 그 사이로, 흔한 단어는 통째로, "
            "드문 단어는 조각으로 자릅니다. "
            "맞바꿈을 거꾸로 적은 강의 노트를 여기서 바로잡습니다.",
        ),
        "lessons.transformer.tradeoff.notes": (
            "This step corrects the note, which has the trade-off reversed: it says units that are too small grow "
            "the vocabulary. Small units shrink the vocabulary and lengthen the sequence; large units grow the "
            "vocabulary and cause out-of-vocabulary words.",
            "이 스텝은 노트를 바로잡습니다. 노트는 맞바꿈을 거꾸로 적어, 단위가 너무 작으면 어휘가 커진다고 합니다. 단위가 "
            "작으면 어휘는 줄고 시퀀스가 길어지며, 단위가 크면 어휘가 커지고 어휘 밖 단어(OOV)가 생깁니다.",
        ),
        "lessons.transformer.trained.title": ("Embeddings learn meaning", "임베딩은 뜻을 배웁니다"),
        "lessons.transformer.trained.text": (
            "Every row of the embedding matrix starts as random numbers. Training nudges the rows of tokens used "
            "alike toward each other. Guess which word's row is nearest to another's, measured by cosine.",
            "임베딩 행렬의 모든 행은 무작위 숫자로 시작합니다. 학습은 비슷하게 쓰이는 토큰들의 행을 서로 가깝게 밀어 "
            "줍니다. 어느 단어의 행이 다른 단어의 행과 가장 가까운지 코사인으로 맞혀 보세요.",
        ),
        "lessons.transformer.trained.notes": (
            "The note says a token is a meaningless vector until the embedding layer learns. Similarity of input "
            "rows is modest even for related words; contextual vectors (later layers) separate meanings far more.",
            "노트는 임베딩 층이 학습하기 전의 토큰은 의미 없는 벡터라고 합니다. 관련된 단어라도 입력 행의 유사도는 크지 "
            "않습니다. 뜻을 훨씬 잘 가르는 것은 맥락이 반영된 뒤쪽 층의 벡터입니다.",
        ),
        "lessons.transformer.order.title": ("Order is lost without positions", "위치가 없으면 순서를 잃습니다"),
        "lessons.transformer.order.text": (
            "Attention reads all tokens at once, so it has no notion of order of its own. Remove the positions and "
            "the last token of \u201cthe dog bites the man\u201d leaves the first block exactly as that of "
            "\u201cthe man bites the dog\u201d. That is why positions are added back.",
            "어텐션은 모든 토큰을 한꺼번에 읽으므로 스스로는 순서를 모릅니다. 위치를 없애면 \u201cthe dog bites the "
            "man\u201d의 마지막 토큰은 \u201cthe man bites the dog\u201d의 마지막 토큰과 똑같은 모습으로 첫 블록을 "
            "나옵니다. 그래서 위치를 다시 넣어 줍니다.",
        ),
        "lessons.transformer.order.notes": (
            "With the causal mask a decoder is not fully order-blind (each token sees a different prefix); the "
            "experiment removes positions to show how little is left. Let students predict the result first.",
            "인과 마스크가 있으면 디코더가 순서를 완전히 모르지는 않습니다(토큰마다 볼 수 있는 앞 토큰들이 다릅니다). "
            "실험은 위치를 "
            "없애서 남는 것이 얼마나 적은지 보여 줍니다. 결과를 학생들이 먼저 예측하게 하세요.",
        ),
        "lessons.transformer.absolute.title": ("Absolute and relative positions", "절대 위치와 상대 위치"),
        "lessons.transformer.absolute.text": (
            "Absolute schemes give each position its own vector, from a formula or learned. Relative schemes care "
            "only about the distance between two tokens; rotary encoding gets there by turning queries and keys. "
            "Find the position most like a given one.",
            "절대 방식은 위치마다 수식으로 만들거나 학습한 벡터를 하나씩 줍니다. 상대 방식은 두 토큰 사이의 거리만 "
            "보며, 회전 위치 인코딩은 Query와 Key를 돌려서 여기에 이릅니다. 주어진 위치와 가장 닮은 위치를 찾아 "
            "보세요.",
        ),
        "lessons.transformer.absolute.notes": (
            "The note: absolute positions are simple but ignore relative distance and degrade past the training "
            "length. A learned table simply has no row beyond its last position; a formula does, untrained.",
            "노트의 요지: 절대 위치는 간단하지만 상대 거리를 쓰지 못하고 학습 길이를 넘으면 성능이 떨어집니다. 학습된 표는 "
            "마지막 위치 너머의 행이 아예 없고, 수식은 행이 있지만 학습되지 않은 값입니다.",
        ),
        "lessons.transformer.dot.title": ("Dot products, softmax, weighted sum", "내적, 소프트맥스, 가중합"),
        "lessons.transformer.dot.text": (
            "One head, one query row: dot the query with every visible key, scale, mask, softmax, then add up the "
            "value vectors with those weights. The output is a vector like the inputs. Guess where the last token "
            "looks.",
            "헤드 하나, Query 행 하나: Query를 보이는 모든 Key와 내적하고, 크기를 맞추고, 마스크를 씌우고, 소프트맥스를 "
            "거친 뒤, 그 가중치로 Value 벡터들을 더합니다. 출력은 입력과 같은 모양의 벡터입니다. 마지막 토큰이 어디를 "
            "볼지 맞혀 보세요.",
        ),
        "lessons.transformer.dot.notes": (
            "The note's formula is Output = Σ weight_i · value_i; the table shows each term. Students expect the "
            "weights to follow word meaning; often they follow position or the first token.",
            "노트의 식은 Output = Σ weight_i · value_i이고, 표는 각 항을 보여 줍니다. 학생들은 가중치가 단어의 뜻을 따를 "
            "것이라 기대하지만, 위치나 첫 토큰을 따르는 경우가 많습니다.",
        ),
        "lessons.transformer.projections.title": ("Why W_Q and W_K?", "왜 W_Q와 W_K일까요?"),
        "lessons.transformer.projections.text": (
            "If queries and keys were the raw embeddings, every token would match itself best: its own vector "
            "points its own way. The learned projections let a token look for something other than itself. "
            "Compare the best match with and without them.",
            "Query와 Key가 임베딩 그대로라면 모든 토큰은 자기 자신과 가장 잘 맞습니다. 자기 벡터는 자기 방향을 가리키기 "
            "때문입니다. 학습된 투영이 있어야 토큰이 자기 아닌 것을 찾습니다. 투영이 있을 때와 없을 때 가장 잘 맞는 "
            "짝을 비교해 보세요.",
        ),
        "lessons.transformer.projections.notes": (
            "The note gives two reasons: identical words match too strongly, and indirect relations are missed. "
            "The table shows the first directly; the second is why there are many heads and layers.",
            "노트는 두 가지 이유를 듭니다. 같은 단어끼리 너무 강하게 맞고, 간접적인 관계를 놓칩니다. 표는 첫째를 바로 "
            "보여 주고, 둘째는 헤드와 층이 여럿인 까닭입니다.",
        ),
        "lessons.transformer.scale.title": ("Why divide by √d_k?", "왜 √d_k로 나눌까요?"),
        "lessons.transformer.scale.text": (
            "A dot product of d_k random parts spreads like √d_k. Unscaled, large scores push the softmax toward a "
            "single winner and its gradients toward zero. Predict what the top weight does without the division.",
            "무작위 성분 d_k개의 내적은 √d_k만큼 퍼집니다. 나누지 않으면 큰 스코어가 소프트맥스를 승자 하나로 몰고 "
            "기울기를 0 쪽으로 밉니다. 나누기를 빼면 가장 큰 가중치가 어떻게 될지 예측해 보세요.",
        ),
        "lessons.transformer.scale.notes": (
            "The note says the scaling normalises the variance to 1, like turning a variance into a standard "
            "deviation; that is right for independent unit-variance parts. Trained vectors are not independent, "
            "so the measured effect varies by head.",
            "노트는 스케일링이 분산을 1로 정규화한다고 하며 분산을 표준편차로 바꾸는 것에 비유합니다. 성분이 독립이고 "
            "분산이 "
            "1이면 맞습니다. 학습된 벡터는 독립이 아니므로 실제 효과는 헤드마다 다릅니다.",
        ),
        "lessons.transformer.multi.title": ("Multi-head: split the width", "멀티헤드: 너비를 나눕니다"),
        "lessons.transformer.multi.text": (
            "The model's width is split among the heads: each head computes attention in d_model / h dimensions, "
            "the results are concatenated and projected back. Guess what kind of head a given one is on this prompt.",
            "모델의 너비를 헤드들이 나눠 가집니다. 헤드마다 d_model / h 차원에서 어텐션을 계산하고, 결과를 이어 붙여 다시 "
            "투영합니다. 주어진 헤드가 이 프롬프트에서 어떤 종류인지 맞혀 보세요.",
        ),
        "lessons.transformer.multi.notes": (
            "Each head has its own W_Q, W_K, W_V, as the note stresses. Llama-family models share keys and values "
            "across groups of heads (GQA); the section states the group size.",
            "노트가 강조하듯 헤드마다 W_Q, W_K, W_V가 따로 있습니다. Llama 계열 모델은 헤드 묶음끼리 Key와 Value를 "
            "공유합니다(그룹 쿼리 어텐션(GQA)). 섹션이 묶음 크기를 알려 줍니다.",
        ),
        "lessons.transformer.residual.title": ("Residual connections and normalisation", "잔차 연결과 정규화"),
        "lessons.transformer.residual.text": (
            "Every sub-layer's input is added to its output, so a layer learns a change, not a replacement, and the "
            "gradient has a direct path down. The two equations of a block show where the normalisation sits.",
            "하위 층마다 입력을 출력에 더하므로, 층은 대체가 아니라 변화를 배우고 기울기는 아래로 곧장 가는 길을 얻습니다. "
            "블록의 두 식이 정규화의 자리를 보여 줍니다.",
        ),
        "lessons.transformer.residual.notes": (
            "The note describes the 2017 paper: normalise after each residual addition (post-norm). GPT-2 and "
            "Llama normalise before each sub-layer (pre-norm), which trains more stably in deep stacks.",
            "노트는 2017년 논문대로 잔차를 더한 뒤에 정규화한다고(post-norm) 설명합니다. GPT-2와 Llama는 하위 층 앞에서 "
            "정규화하며(pre-norm), 깊은 층에서 더 안정적으로 학습됩니다.",
        ),
        "lessons.transformer.ffn.title": ("The position-wise feed-forward network", "위치별 피드포워드 네트워크"),
        "lessons.transformer.ffn.text": (
            "The paper's FFN is two linear maps with a ReLU between, applied to every position separately. Models "
            "since use smoother activations (GELU, gated SiLU). Guess how many units fire for one token.",
            "논문의 FFN은 ReLU를 사이에 둔 선형 변환 둘이고, 위치마다 따로 적용합니다. 그 뒤의 모델들은 더 매끈한 활성화 "
            "함수(GELU, 게이트가 있는 SiLU)를 씁니다. 토큰 하나에서 유닛이 몇 개나 켜질지 맞혀 보세요.",
        ),
        "lessons.transformer.ffn.notes": (
            "The note says the FFN understands the whole text; it does not: it sees one position at a time. Its "
            "remark that ReLU drops negatives to focus on important features is a fair intuition.",
            "노트는 FFN이 텍스트 전체를 이해한다고 하지만 그렇지 않습니다. 한 번에 한 위치만 봅니다. ReLU가 음수를 버려 "
            "중요한 특징에 집중한다는 설명은 괜찮은 직관입니다.",
        ),
        "lessons.transformer.cross.title": ("Encoder, decoder, cross-attention", "인코더, 디코더, 크로스 어텐션"),
        "lessons.transformer.cross.text": (
            "In the full Transformer the encoder reads the source once; every decoder layer then reads the "
            "encoder's final output through cross-attention. Guess which English word the decoder looks at while "
            "writing a French one.",
            "완전한 트랜스포머에서는 인코더가 원문을 한 번 읽고, 디코더의 모든 층이 크로스 어텐션으로 인코더의 최종 출력을 "
            "읽습니다. 디코더가 프랑스어 단어를 쓸 때 어느 영어 단어를 볼지 맞혀 보세요.",
        ),
        "lessons.transformer.cross.notes": (
            "The note's point: every decoder layer uses the encoder's last layer, not the matching encoder layer. "
            "The app's translator has fewer layers than the paper's; the section reads its sizes from its card.",
            "노트의 요점: 디코더의 모든 층은 같은 번호의 인코더 층이 아니라 인코더의 마지막 층을 씁니다. 앱의 번역기 층 "
            "수는 논문과 다르니 섹션이 카드에서 읽어 보여 줍니다.",
        ),
        "lessons.transformer.masked.title": ("Training with a mask", "마스크로 학습하기"),
        "lessons.transformer.masked.text": (
            "At generation the decoder has only what it wrote so far, but in training the whole target is known. The "
            "causal mask lets one training step predict every target word at once without any of them seeing the "
            "answer.",
            "생성할 때 디코더는 지금까지 쓴 것만 가지지만, 학습 때는 정답 문장 전체를 압니다. 인과 마스크 덕분에 학습 스텝 "
            "하나가 정답을 엿보지 않고 모든 단어를 한 번에 예측합니다.",
        ),
        "lessons.transformer.masked.notes": (
            "The note says masked positions are multiplied by −∞ and become 0; they are added (−∞ + score), and "
            "the softmax turns them into 0. Students mix up this mask with BERT's masked-word training.",
            "노트는 가린 위치에 −∞를 곱해 0이 된다고 하지만, 실제로는 스코어에 −∞를 더하고 소프트맥스가 그것을 0으로 "
            "만듭니다. 학생들은 이 마스크를 BERT의 단어 가리기 학습과 혼동합니다.",
        ),
    }
)

_PAIRS.update(
    {
        # ------------------------------------------------------------------ lesson 3: how Transformers work (002)
        "lessons.how.bottleneck.title": ("One vector for a whole sentence", "문장 전체에 벡터 하나"),
        "lessons.how.bottleneck.text": (
            "A recurrent encoder–decoder hands its decoder a single context vector, the same size for any sentence. "
            "The longer the sentence, the more must fit into it. Predict whose translations suffer most as "
            "sentences grow.",
            "순환 구조의 인코더–디코더는 디코더에게 컨텍스트 벡터 하나만 넘기고, 그 크기는 문장과 상관없이 같습니다. "
            "문장이 "
            "길수록 그 안에 넣어야 할 것이 많아집니다. 문장이 길어질 때 누구의 번역이 가장 나빠질지 예측해 보세요.",
        ),
        "lessons.how.bottleneck.notes": (
            "The note ties the lost information to vanishing gradients; they are two problems (capacity and "
            "training signal). The strips on screen are the plain model's real context vectors.",
            "노트는 정보 손실을 기울기 소실과 묶어 설명하지만, 둘은 서로 다른 문제(용량과 학습 신호)입니다. 화면의 띠는 "
            "컨텍스트 벡터 모델의 실제 컨텍스트 벡터입니다.",
        ),
        "lessons.how.bank.title": ("The same word, two meanings", "같은 단어, 두 가지 뜻"),
        "lessons.how.bank.text": (
            "\u201cBank\u201d next to \u201cmoney\u201d and \u201cbank\u201d next to \u201criver\u201d start as the "
            "very same "
            "row of the embedding matrix. Layer by layer, attention mixes in the neighbours and the two vectors "
            "drift apart.",
            "\u201cmoney\u201d 옆의 \u201cbank\u201d와 \u201criver\u201d 옆의 \u201cbank\u201d는 임베딩 행렬의 똑같은 "
            "행에서 "
            "출발합니다. 층을 지날 때마다 어텐션이 이웃 단어를 섞어 넣고 두 벡터가 멀어집니다.",
        ),
        "lessons.how.bank.notes": (
            "The note pictures attention as how a reader links bank with account and with river. For a learned-"
            "position model the two start slightly apart (different positions); for a rotary one exactly equal.",
            "노트는 독자가 bank를 account와, 또 river와 잇는 방식으로 어텐션을 그립니다. 학습된 위치를 쓰는 모델에서는 두 "
            "벡터가 위치 때문에 조금 다르게 출발하고, 회전 위치 인코딩 모델에서는 똑같이 출발합니다.",
        ),
        "lessons.how.station.title": ("A context-aware vector", "맥락을 담은 벡터"),
        "lessons.how.station.text": (
            "Take \u201cThe train left the station on time\u201d. One head of one layer gives each token a row of "
            "weights over the tokens before it; the weighted sum of their values is the token's new, context-aware "
            "vector. Guess where the last token looks.",
            "\u201cThe train left the station on time\u201d을 보세요. 한 층의 헤드 하나가 토큰마다 앞 토큰들에 대한 가중치 "
            "행을 주고, 그 Value들의 가중합이 맥락을 담은 새 벡터가 됩니다. 마지막 토큰이 어디를 볼지 맞혀 보세요.",
        ),
        "lessons.how.station.notes": (
            "The note's figure lets \u201cstation\u201d weigh every word, before and after; in a decoder-only model like "
            "GPT-2 a token only sees the words before it. The note's encoder picture is bidirectional.",
            "노트의 그림에서는 \u201cstation\u201d이 앞뒤 모든 단어에 가중치를 줍니다. GPT-2 같은 디코더 전용 모델에서 "
            "토큰은 앞 단어만 봅니다. 노트의 인코더 그림은 양방향입니다.",
        ),
        "lessons.how.indices.title": ("Inputs are indices", "입력은 인덱스입니다"),
        "lessons.how.indices.text": (
            "What the model receives is not letters but a list of vocabulary indices, one per token. Read the ids "
            "under the tokens: the same token always gets the same id, wherever it stands.",
            "모델이 받는 것은 글자가 아니라 토큰마다 하나씩인 어휘 인덱스의 목록입니다. 토큰 아래의 ID를 읽어 보세요. 같은 "
            "토큰은 어디에 있든 늘 같은 ID를 받습니다.",
        ),
        "lessons.how.indices.notes": (
            "The note speaks of frequent words kept in memory; the vocabulary is simply a fixed table. "
            "\u201cthe\u201d and \u201cThe\u201d are different tokens, which surprises students.",
            "노트는 자주 나오는 단어를 메모리에 가져다 둔다고 하지만, 어휘는 그냥 정해진 표입니다. \u201cthe\u201d와 "
            "\u201cThe\u201d가 서로 다른 토큰이라는 점에 학생들이 놀랍니다.",
        ),
        "lessons.how.similar.title": ("play, game, orange", "play, game, orange"),
        "lessons.how.similar.text": (
            "Two vectors pointing the same way have cosine similarity 1, unrelated ones near 0, opposite ones −1. "
            "Training should put play near game and orange farther off. Guess which word is nearest to another.",
            "같은 방향을 가리키는 두 벡터의 코사인 유사도는 1, 관계없는 벡터는 0 근처, 반대 방향은 −1입니다. 학습이 잘 "
            "되었다면 play는 game 가까이, orange는 더 멀리 있어야 합니다. 어느 단어가 다른 단어와 가장 가까운지 맞혀 "
            "보세요.",
        ),
        "lessons.how.similar.notes": (
            "The note's figure uses 5 dimensions for the picture; the model's rows are hundreds wide. Cosine ignores "
            "length, so frequent and rare words compare fairly.",
            "노트의 그림은 보여 주려고 5차원을 씁니다. 모델의 행은 수백 차원입니다. 코사인은 길이를 무시하므로 흔한 단어와 "
            "드문 단어를 공정하게 비교합니다.",
        ),
        "lessons.how.map.title": ("The words on a map", "지도 위의 단어들"),
        "lessons.how.map.text": (
            "Flattened to two dimensions (PCA), the rows of related words tend to sit together. The map keeps only "
            "the two directions of largest spread, so read distances on it loosely.",
            "2차원으로 펼치면(PCA) 관련 있는 단어의 행들이 함께 모이는 경향이 있습니다. 지도는 가장 크게 퍼지는 두 방향만 "
            "남기므로 그 위의 거리는 느슨하게 읽으세요.",
        ),
        "lessons.how.map.notes": (
            "The share of variance the two axes keep is printed with the map; when it is low, the picture can "
            "mislead. Compare with the cosine table of the previous step.",
            "두 축이 담는 분산의 비율이 지도와 함께 나옵니다. 비율이 낮으면 그림이 오해를 부를 수 있습니다. 앞 스텝의 "
            "코사인 "
            "표와 비교하세요.",
        ),
        "lessons.how.waves.title": ("Sine and cosine waves", "사인파와 코사인파"),
        "lessons.how.waves.text": (
            "The paper's encoding gives every position a vector of waves: dimensions 2i and 2i+1 hold the sine and "
            "the cosine of one frequency, fast in the first dimensions, slow in the last. Together they give every "
            "position a distinct pattern. "
            "This corrects the lecture note, which picks sine or cosine by position.",
            "논문의 인코딩은 위치마다 파동으로 된 벡터를 줍니다. 2i번과 2i+1번 차원이 한 주파수의 사인과 코사인을 담고, "
            "앞 차원은 빠르게, 뒤 차원은 느리게 돕니다. 이것들이 모여 위치마다 다른 무늬를 만듭니다. "
            "위치로 사인과 코사인을 고르는 강의 노트를 여기서 바로잡습니다.",
        ),
        "lessons.how.waves.notes": (
            "This step corrects the note, which picks sine for odd positions and cosine for even ones. The choice "
            "is by dimension: even dimensions sine, odd dimensions cosine, at every position. The note's point that "
            "one fast wave repeats and a slower one tells the positions apart is right.",
            "이 스텝은 노트를 바로잡습니다. 노트는 위치가 홀수면 사인, 짝수면 코사인을 고른다고 합니다. 고르는 기준은 "
            "위치가 "
            "아니라 차원입니다. 모든 위치에서 짝수 차원은 사인, 홀수 차원은 코사인입니다. 빠른 파동 하나는 되풀이되고 느린 "
            "파동이 위치를 구별해 준다는 노트의 설명은 맞습니다.",
        ),
        "lessons.how.offsets.title": ("A fixed offset is a rotation", "일정한 거리는 회전입니다"),
        "lessons.how.offsets.text": (
            "Moving k positions ahead turns each sine–cosine pair by the same angle, whatever the starting "
            "position. So the encoding of position p + k is a fixed linear map of position p: a model can learn "
            "relative offsets from it.",
            "k칸 앞으로 가면 시작 위치와 상관없이 사인–코사인 쌍마다 같은 각도만큼 돕니다. 그래서 p + k 위치의 인코딩은 "
            "p 위치에 고정된 선형 변환을 한 것입니다. 모델은 여기서 상대 거리를 배울 수 있습니다.",
        ),
        "lessons.how.offsets.notes": (
            "The note only says the waves keep positions distinct as the sequence grows; this is the paper's actual "
            "reason for choosing them. It leads straight to rotary encoding.",
            "노트는 파동이 시퀀스가 길어져도 위치를 구별해 준다고만 합니다. 이것이 논문이 파동을 고른 실제 이유입니다. "
            "곧바로 "
            "회전 위치 인코딩으로 이어집니다.",
        ),
        "lessons.how.linear.title": ("Three linear layers: Q, K, V", "선형 층 셋: Q, K, V"),
        "lessons.how.linear.text": (
            "The attention layer starts with three linear layers, without activation, applied to the same input: "
            "they give the queries, keys and values and set their size. Follow one head's numbers from Q and K to "
            "the weighted sum.",
            "어텐션 층은 같은 입력에 활성화 함수 없는 선형 층 셋을 적용하는 데서 시작합니다. 이것이 Query, Key, Value를 "
            "만들고 크기를 정합니다. 헤드 하나의 숫자를 Q와 K에서 가중합까지 따라가 보세요.",
        ),
        "lessons.how.linear.notes": (
            "The note stops at the linear layers; its part 2 covers Q, K, V. GPT-2 computes all three with one "
            "matrix and splits the result, which is the same arithmetic.",
            "노트는 선형 층에서 멈추고 Q, K, V는 2편에서 다룹니다. GPT-2는 행렬 하나로 셋을 한꺼번에 계산한 뒤 나누는데, "
            "계산은 같습니다.",
        ),
        "lessons.how.heads.title": ("Several heads from the same input", "같은 입력에서 여러 헤드"),
        "lessons.how.heads.text": (
            "The linear layers' outputs are cut into heads, each attending on its own; their outputs are joined "
            "and mixed by one more linear layer. The bars show one token's heads side by side.",
            "선형 층의 출력을 헤드로 잘라 각자 어텐션을 계산하고, 그 출력을 이어 붙여 선형 층 하나로 다시 섞습니다. 막대는 "
            "토큰 하나의 헤드들을 나란히 보여 줍니다.",
        ),
        "lessons.how.heads.notes": (
            "The note's figure of the multi-head layer has exactly this shape. Ask why cutting the width among heads "
            "costs about the same as one full-width head.",
            "노트의 멀티헤드 층 그림이 바로 이 모양입니다. 너비를 헤드들에 나누어도 전체 너비의 헤드 하나와 비용이 비슷한 "
            "까닭을 물어보세요.",
        ),
        "lessons.how.translate.title": ("Encoder and decoder at work", "일하는 인코더와 디코더"),
        "lessons.how.translate.text": (
            "The paper's Transformer is an encoder that reads the source and a decoder that writes the answer. Here "
            "three translators trained on the same sentence pairs meet one held-out sentence. Guess which of them "
            "gets it exactly right.",
            "논문의 트랜스포머는 원문을 읽는 인코더와 답을 쓰는 디코더입니다. 같은 문장 쌍으로 학습한 번역기 셋이 평가용 "
            "문장 하나를 만납니다. 그중 어느 것이 정확히 맞힐지 맞혀 보세요.",
        ),
        "lessons.how.translate.notes": (
            "The note describes GPT-3 as an encoder–decoder; GPT models are decoder-only, and BERT (2018, not 2020) "
            "is encoder-only. Exact match is strict: a correct synonym counts as wrong.",
            "노트는 GPT-3을 인코더–디코더로 설명하지만 GPT 모델은 디코더 전용이고, BERT(2020년이 아니라 2018년)는 인코더 "
            "전용입니다. 완전 일치는 엄격해서 맞는 동의어도 틀린 것으로 셉니다.",
        ),
    }
)

_PAIRS.update(
    {
        # ------------------------------------------------------------------ lesson 4: Seq2Seq and Bahdanau (003)
        "lessons.seq2seq.sequences.title": ("Sequence in, sequence out", "시퀀스가 들어가고 시퀀스가 나옵니다"),
        "lessons.seq2seq.sequences.text": (
            "A sequence is data whose order matters: words in a sentence, prices day by day. Translation maps one "
            "sequence to another of a different length. Three translators, trained alike, try one held-out "
            "sentence: guess which gets it exactly right.",
            "시퀀스는 문장 속 단어나 날마다의 가격처럼 순서가 중요한 데이터입니다. 번역은 한 시퀀스를 길이가 다른 "
            "시퀀스로 옮깁니다. 똑같이 학습한 번역기 셋이 평가용 문장 하나에 도전하니, 어느 것이 정확히 맞힐지 "
            "맞혀 보세요.",
        ),
        "lessons.seq2seq.sequences.notes": (
            "The note calls Seq2Seq the first deep model to map sequences to sequences; it is the 2014 encoder–decoder "
            "of Sutskever et al. (with Cho et al. the same year). The references are Tatoeba's.",
            "노트는 Seq2Seq를 시퀀스를 시퀀스로 옮긴 첫 딥러닝 모델이라고 합니다. 2014년 Sutskever 등의 인코더–디코더입니다"
            "(같은 해 Cho 등도 있습니다). 정답 번역은 Tatoeba의 것입니다.",
        ),
        "lessons.seq2seq.decoder.title": ("The decoder writes one word at a time", "디코더는 한 번에 한 단어씩 씁니다"),
        "lessons.seq2seq.decoder.text": (
            "The decoder starts from a start symbol and, at each step, scores every French word; the chosen word is "
            "fed back in for the next step. The table shows each step's candidates and their probabilities.",
            "디코더는 시작 기호에서 출발해 스텝마다 모든 프랑스어 단어에 점수를 매기고, 고른 단어를 다음 스텝의 입력으로 "
            "되돌립니다. 표는 스텝마다 후보와 그 확률을 보여 줍니다.",
        ),
        "lessons.seq2seq.decoder.notes": (
            "The note stresses that each word the decoder writes is used to predict the next: that feedback is the "
            "loop on screen. Greedy decoding and beam search can give different sentences: try both.",
            "노트는 디코더가 쓴 단어가 다음 단어를 예측하는 데 쓰인다는 점을 강조합니다. 화면의 되먹임 고리가 그것"
            "입니다. 그리디 디코딩과 빔 서치는 서로 다른 문장을 낼 수 있으니 둘 다 해 보세요.",
        ),
        "lessons.seq2seq.context.title": ("A fixed-size context vector", "크기가 고정된 컨텍스트 벡터"),
        "lessons.seq2seq.context.text": (
            "The encoder's last hidden state is the context vector, and its size does not grow with the sentence. "
            "A short and a long sentence each get the same number of numbers. Predict whose BLEU falls most from "
            "short to long sentences.",
            "인코더의 마지막 은닉 상태가 컨텍스트 벡터이고, 그 크기는 문장에 따라 커지지 않습니다. 짧은 문장도 긴 "
            "문장도 같은 "
            "개수의 숫자를 받습니다. 짧은 문장에서 긴 문장으로 갈 때 누구의 BLEU가 가장 많이 떨어질지 예측해 보세요.",
        ),
        "lessons.seq2seq.context.notes": (
            "The note says the size is fixed to make the decoder's job easy; it is fixed because it is a hidden "
            "state of a fixed-size network. Its toy numbers (a 3-number vector) are only an illustration.",
            "노트는 디코더가 다루기 쉽게 크기를 고정한다고 하지만, 크기가 고정인 것은 크기가 정해진 신경망의 은닉 상태이기 "
            "때문입니다. 노트의 숫자 세 개짜리 벡터는 예시일 뿐입니다.",
        ),
        "lessons.seq2seq.limits.title": ("The limits of Seq2Seq", "Seq2Seq의 한계"),
        "lessons.seq2seq.limits.text": (
            "Three problems follow from the single vector and the recurrence: information is lost in long sentences, "
            "distant words are hard to relate, and steps cannot run in parallel. The chart shows how weakly each "
            "source word reaches the loss.",
            "벡터 하나와 순환 구조에서 세 가지 문제가 나옵니다. 긴 문장에서 정보를 잃고, 멀리 떨어진 단어를 잇기 어렵고, "
            "스텝을 병렬로 돌릴 수 없습니다. 차트는 원문 단어마다 손실에 얼마나 약하게 닿는지 보여 줍니다.",
        ),
        "lessons.seq2seq.limits.notes": (
            "The note's example is \u201cfox\u201d and \u201cjumps\u201d far apart in a long sentence. Ask students "
            "which of the three problems attention fixes and which only the Transformer fixes.",
            "노트의 예는 긴 문장에서 멀리 떨어진 \u201cfox\u201d와 \u201cjumps\u201d입니다. 세 문제 가운데 어텐션이 고치는 "
            "것과 트랜스포머만 고치는 것을 학생들에게 물어보세요.",
        ),
        "lessons.seq2seq.align.title": ("Je t'aime: attention aligns", "Je t'aime: 어텐션의 정렬"),
        "lessons.seq2seq.align.text": (
            "With Bahdanau attention the decoder looks back at every English word while writing each French one. In "
            "\u201cje t'aime\u201d the object comes before the verb, so the alignment crosses: predict where a French "
            "word looks.",
            "Bahdanau 어텐션을 쓰면 디코더가 프랑스어 단어를 쓸 때마다 모든 영어 단어를 돌아봅니다. \u201cje t'aime\u201d"
            "에서는 목적어가 동사 앞에 오므로 정렬이 엇갈립니다. 프랑스어 단어가 어디를 볼지 예측해 보세요.",
        ),
        "lessons.seq2seq.align.notes": (
            "This step corrects the note, which aligns t' with \u201clove\u201d and aime with \u201cyou\u201d. t' is the "
            "object pronoun (you) and aime the verb (love): French puts the pronoun before the verb, so the lines "
            "cross. The model's own alignment on screen shows it.",
            "이 스텝은 노트를 바로잡습니다. 노트는 t'를 \u201clove\u201d에, aime를 \u201cyou\u201d에 정렬합니다. t'는 "
            "목적격 "
            "대명사(you)이고 aime는 동사(love)입니다. 프랑스어는 대명사를 동사 앞에 두므로 선이 엇갈립니다. 화면의 모델 "
            "정렬이 이를 보여 줍니다.",
        ),
        "lessons.seq2seq.bidirectional.title": ("A bidirectional encoder", "양방향 인코더"),
        "lessons.seq2seq.bidirectional.text": (
            "The attention model's encoder reads the sentence left to right and right to left. Each word's state "
            "joins the two halves, so it carries what comes before it and what comes after.",
            "어텐션 모델의 인코더는 문장을 왼쪽에서 오른쪽으로, 또 오른쪽에서 왼쪽으로 읽습니다. 단어마다 두 방향의 상태를 "
            "이어 붙여 가지므로 앞에 오는 것과 뒤에 오는 것을 함께 담습니다.",
        ),
        "lessons.seq2seq.bidirectional.notes": (
            "The note's backward example drifts to \u201csat on the mat\u201d while the forward one reads \u201cThe cat "
            "sat\u201d; use one sentence for both directions. Only the encoder is bidirectional: the decoder cannot "
            "read the future.",
            "노트의 역방향 예는 순방향 예(\u201cThe cat sat\u201d)와 달리 \u201csat on the mat\u201d으로 바뀝니다. 두 "
            "방향에 "
            "같은 문장을 쓰세요. 양방향인 것은 인코더뿐이고 디코더는 미래를 읽을 수 없습니다.",
        ),
        "lessons.seq2seq.score.title": ("Bahdanau's score", "Bahdanau의 스코어"),
        "lessons.seq2seq.score.text": (
            "The score of source word j for output word i comes from a small feed-forward network fed the decoder's "
            "previous state and the encoder's state h_j. A softmax over j turns the scores into weights. Guess "
            "where a word looks.",
            "출력 단어 i에 대한 원문 단어 j의 스코어는 디코더의 이전 상태와 인코더의 상태 h_j를 받는 작은 피드포워드 "
            "네트워크에서 나옵니다. j에 걸친 소프트맥스가 스코어를 가중치로 바꿉니다. 단어가 어디를 볼지 맞혀 보세요.",
        ),
        "lessons.seq2seq.score.notes": (
            "The note explains this with Query, Key and Value; that vocabulary came later (2017). Bahdanau's score "
            "is additive (v·tanh(W s + U h)), not a dot product, and the decoder state plays the query's role.",
            "노트는 이것을 Query, Key, Value로 설명하지만, 그 용어는 나중(2017년)에 나왔습니다. Bahdanau의 스코어는 "
            "내적이 아니라 덧셈 방식(v·tanh(W s + U h))이고, 디코더 상태가 Query 역할을 합니다.",
        ),
        "lessons.seq2seq.context_i.title": ("A new context for every word", "단어마다 새 컨텍스트"),
        "lessons.seq2seq.context_i.text": (
            "The weights make a fresh context for each output word: the weighted sum of the encoder's states. "
            "Read the alignment row by row: each French word draws on its own English words.",
            "가중치가 출력 단어마다 새 컨텍스트를 만듭니다. 인코더 상태들의 가중합입니다. 정렬을 한 행씩 읽어 보세요. "
            "프랑스어 단어마다 자기 영어 단어들에서 끌어옵니다.",
        ),
        "lessons.seq2seq.context_i.notes": (
            "The note's worked example mixes up which value vector produces which word (it has \u201clove\u201d's value "
            "producing Je); follow the row on screen instead. The weights are not probabilities of correctness.",
            "노트의 풀이는 어느 Value 벡터가 어느 단어를 만드는지 뒤섞습니다(\u201clove\u201d의 Value가 Je를 만든다고 "
            "합니다). 대신 화면의 행을 따라가세요. 가중치는 맞을 확률이 아닙니다.",
        ),
        "lessons.seq2seq.bleu.title": ("BLEU by sentence length", "문장 길이별 BLEU"),
        "lessons.seq2seq.bleu.text": (
            "BLEU compares a translation's word sequences with the references. Split by length, it shows where "
            "attention pays: the plain model loses ground as sentences grow. Predict whose BLEU falls furthest.",
            "BLEU는 번역의 단어 연쇄를 정답 번역과 비교합니다. 길이별로 나누면 어텐션이 어디서 효과를 내는지 보입니다. "
            "컨텍스트 벡터 모델은 문장이 길어질수록 뒤처집니다. 누구의 BLEU가 가장 많이 떨어질지 예측해 보세요.",
        ),
        "lessons.seq2seq.bleu.notes": (
            "The paper's result is on WMT'14 sentences of up to 50+ words; Tatoeba's are far shorter, so the "
            "collapse only begins here. The lab shows it on long synthetic sequences.",
            "논문의 결과는 50단어가 넘기도 하는 WMT'14 문장에서 나왔습니다. Tatoeba 문장은 훨씬 짧아서 여기서는 무너짐이 "
            "막 시작될 뿐입니다. 긴 합성 시퀀스로는 실험실이 보여 줍니다.",
        ),
        "lessons.seq2seq.lab.title": ("The bottleneck lab", "병목 실험실"),
        "lessons.seq2seq.lab.text": (
            "Both LSTMs learn to reverse sequences of symbols; the run shown was recorded at these settings, and the "
            "button trains them again on this server. Predict which one still reverses the longest sequences "
            "exactly.",
            "두 LSTM이 기호 시퀀스를 뒤집는 법을 학습합니다. 보이는 결과는 이 설정으로 기록해 둔 실행이고, 버튼을 누르면 "
            "이 서버에서 다시 학습합니다. 가장 긴 시퀀스를 여전히 정확히 뒤집는 쪽이 어느 것일지 예측해 보세요.",
        ),
        "lessons.seq2seq.lab.notes": (
            "The recorded run is there at once; the question is asked from it. A live run takes a while and runs once "
            "for the whole class, so press the button well before you need it. Once the sequences are longer than "
            "the context vector can hold, the plain model's accuracy drops while attention's holds. Reversal is the "
            "hardest case for one vector: the first input is needed last.",
            "기록해 둔 실행은 바로 보이고, 질문도 그 실행에서 나옵니다. 이 서버에서 새로 학습하면 시간이 걸리고 반 전체를 "
            "위해 한 번만 도니, 필요하기 한참 전에 버튼을 누르세요. 시퀀스가 컨텍스트 벡터에 담을 수 있는 것보다 길어지면 "
            "컨텍스트 벡터 모델의 정확도는 떨어지고 어텐션 모델은 버팁니다. 뒤집기는 벡터 하나에 가장 어려운 경우입니다. 첫 "
            "입력이 맨 나중에 필요하기 때문입니다.",
        ),
        "lessons.seq2seq.self.title": ("Self-attention in the encoder", "인코더의 셀프 어텐션"),
        "lessons.seq2seq.self.text": (
            "The Transformer drops recurrence: in its encoder every English word attends to every other, both "
            "ways, with no mask. Its decoder's self-attention is masked. Guess where an English word looks.",
            "트랜스포머는 순환 구조를 버립니다. 인코더에서는 모든 영어 단어가 마스크 없이 앞뒤의 모든 단어에 어텐션을 "
            "줍니다. 디코더의 셀프 어텐션은 마스킹되어 있습니다. 영어 단어가 어디를 볼지 맞혀 보세요.",
        ),
        "lessons.seq2seq.self.notes": (
            "Compare with the next step: the encoder's self-attention looks within English, the decoder's "
            "cross-attention looks from French into English. Early layers often look at neighbours.",
            "다음 스텝과 비교하세요. 인코더의 셀프 어텐션은 영어 안을 보고, 디코더의 크로스 어텐션은 프랑스어에서 영어를 "
            "봅니다. 앞쪽 층은 이웃 단어를 보는 경우가 많습니다.",
        ),
        "lessons.seq2seq.timing.title": ("Sequential against parallel", "순차 대 병렬"),
        "lessons.seq2seq.timing.text": (
            "An LSTM layer must take its steps one after another; a self-attention layer computes all positions at "
            "once but builds a T × T matrix. Time both on this machine as the sequence grows.",
            "LSTM 층은 스텝을 하나씩 밟아야 하고, 셀프 어텐션 층은 모든 위치를 한 번에 계산하지만 T × T 행렬을 만듭니다. "
            "시퀀스가 길어질 때 이 컴퓨터에서 둘의 시간을 재 보세요.",
        ),
        "lessons.seq2seq.timing.notes": (
            "The timings depend on the machine and its load; what carries over is the shape of the curves. The "
            "attention matrix's memory grows with T², which is the Transformer's own limit.",
            "시간은 컴퓨터와 그 부하에 따라 다르고, 옮겨 갈 수 있는 것은 곡선의 모양입니다. 어텐션 행렬의 메모리는 T²에 "
            "따라 커지며, 이것이 트랜스포머 자신의 한계입니다.",
        ),
        "lessons.seq2seq.cross.title": (
            "Cross-attention: French looks at English",
            "크로스 어텐션: 프랑스어가 영어를 봅니다",
        ),
        "lessons.seq2seq.cross.text": (
            "The Transformer's decoder finds the source words with cross-attention, its heads averaged here. Like "
            "Bahdanau's alignment, each French word has a row of weights over the English words. Guess where one "
            "looks.",
            "트랜스포머의 디코더는 크로스 어텐션으로 원문 단어를 찾습니다. 여기서는 헤드들을 평균했습니다. Bahdanau의 "
            "정렬처럼 "
            "프랑스어 단어마다 영어 단어들에 대한 가중치 행이 있습니다. 한 단어가 어디를 볼지 맞혀 보세요.",
        ),
        "lessons.seq2seq.cross.notes": (
            "Averaged heads are a summary, not what any head does; switch to single heads to see them differ. The "
            "last layer is usually the most aligned.",
            "헤드 평균은 요약일 뿐 어느 헤드의 실제 동작도 아닙니다. 헤드를 하나씩 골라 서로 다른 모습을 보세요. 정렬이 "
            "가장 "
            "뚜렷한 것은 대개 마지막 층입니다.",
        ),
        "lessons.seq2seq.parallel.title": (
            "One training step, every word at once",
            "학습 스텝 하나에 모든 단어를 한 번에",
        ),
        "lessons.seq2seq.parallel.text": (
            "Given the right French sentence, the Transformer predicts every next word in one pass under the causal "
            "mask, while the LSTM steps through the words. Compare one real training step of each by target length, "
            "timed in a recorded run; the button times them again on this server.",
            "정답 프랑스어 문장이 주어지면 트랜스포머는 인과 마스크 아래에서 모든 다음 단어를 한 번에 예측하고, LSTM은 "
            "단어를 하나씩 밟아 갑니다. 기록해 둔 측정으로 목표 문장 길이별 실제 학습 스텝 하나를 비교해 보세요. 버튼을 "
            "누르면 이 서버에서 다시 잽니다.",
        ),
        "lessons.seq2seq.parallel.notes": (
            "On a CPU with short sentences the Transformer may not be faster per step; its advantage is that the "
            "work per step is parallel. The question reads the recorded timing, made on one CPU thread; a live "
            "timing on a busy server can differ. This closes the loop to the note's third limit.",
            "CPU에서 짧은 문장이라면 트랜스포머가 스텝당 더 빠르지 않을 수도 있습니다. 장점은 스텝 안의 일이 병렬이라는 "
            "점입니다. 질문은 CPU 스레드 하나에서 기록해 둔 측정을 읽으며, 바쁜 서버에서 새로 재면 다를 수 있습니다. 노트의 "
            "셋째 한계로 돌아가 마무리하세요.",
        ),
    }
)

_PAIRS.update(
    {
        # ------------------------------------------------------------------ what to notice (core/lessons/notices.py)
        "lessons.notice.top_token": (
            "{model} gives “{top}” {p:.1%} and “{second}” {q:.1%}, out of {v:,} tokens that all get a probability.",
            "{model}: “{top}” {p:.1%}, “{second}” {q:.1%}. 확률을 받는 토큰은 모두 {v:,}개입니다.",
        ),
        "lessons.notice.tokens": (
            "{words} words become {n} tokens on {model} (vocabulary of {v:,}): {pieces}.",
            "{model}(어휘 {v:,}개)에서 단어 {words}개가 토큰 {n}개가 됩니다: {pieces}.",
        ),
        "lessons.notice.tradeoff": (
            "The same prompt is {chars} characters, {words} words, and {n} subword tokens from a vocabulary of {v:,}.",
            "같은 프롬프트가 글자로는 {chars}개, 단어로는 {words}개, 어휘 {v:,}개짜리 서브워드 토큰으로는 {n}개입니다.",
        ),
        "lessons.notice.matrix": (
            "{model}'s token-embedding matrix is {v:,} × {d} = {params:,} numbers, {share:.0%} of all its parameters.",
            "{model}의 토큰 임베딩 행렬은 {v:,} × {d} = {params:,}개의 숫자로, 전체 파라미터의 {share:.0%}입니다.",
        ),
        "lessons.notice.cosine": (
            "Among these rows, “{word}” is nearest to “{near}” (cosine {hi:.2f}) and farthest from “{far}” ({lo:.2f}).",
            "이 행들 가운데 “{word}”에 가장 가까운 것은 “{near}”(코사인 {hi:.2f}), 가장 먼 것은 “{far}”({lo:.2f})"
            "입니다.",
        ),
        "lessons.notice.bank": (
            "“{word}” in the two sentences: cosine {first:.2f} as input rows, {last:.2f} after all {layers} layers.",
            "두 문장의 “{word}”: 입력 행에서는 코사인 {first:.2f}, {layers}개 층을 모두 지난 뒤에는 {last:.2f}입니다.",
        ),
        "lessons.notice.positions": (
            "In {model}'s own positions, 10 and 11 are {near:.2f} alike and 10 and 40 {far:.2f}; sinusoidal at the "
            "same width: {snear:.2f} and {sfar:.2f}.",
            "{model} 자신의 위치에서 10번과 11번의 유사도는 {near:.2f}, 10번과 40번은 {far:.2f}입니다. 같은 너비의 "
            "사인·코사인 인코딩에서는 {snear:.2f}, {sfar:.2f}입니다.",
        ),
        "lessons.notice.waves": (
            "At width {d}, position 0 reads sin = {sin0:.0f} in dimension 0 and cos = {cos0:.0f} in dimension 1. "
            "The first pair repeats every {fast:.1f} positions, the last pair (dimensions {last} and {last1}) "
            "every {slow:,.0f}.",
            "너비 {d}에서 0번 위치는 0번 차원이 sin = {sin0:.0f}, 1번 차원이 cos = {cos0:.0f}입니다. 첫 쌍은 "
            "{fast:.1f}칸마다, 마지막 쌍({last}번과 {last1}번 차원)은 {slow:,.0f}칸마다 되풀이됩니다.",
        ),
        "lessons.notice.positions_removed": (
            "Positions removed, the last token leaves block 1 differing by {off1:.1e} between the two orders "
            "(positions on: {on1:.1e}); after block {layers} the causal mask has let the order in: {offL:.1e}.",
            "위치를 없애면 마지막 토큰이 1번 블록을 나올 때 두 순서의 차이는 {off1:.1e}입니다(위치가 있으면 "
            "{on1:.1e}). {layers}번 블록 뒤에는 인과 마스크를 거쳐 순서가 스며들어 {offL:.1e}이(가) 됩니다.",
        ),
        "lessons.notice.word_order": (
            "The two orders hold the same {n} token rows (their sums differ by {bag:.1e}); after the model the last "
            "token's vectors have cosine {cos:.3f}.",
            "두 순서는 같은 토큰 행 {n}개를 담습니다(합의 차이 {bag:.1e}). 모델을 지난 뒤 마지막 토큰의 벡터는 "
            "코사인 {cos:.3f}입니다.",
        ),
        "lessons.notice.head_map": (
            "Layer {layer}, head {head}: “{token}” puts {w:.0%} of its attention on “{best}” (token {i}).",
            "{layer}번 층, {head}번 헤드: “{token}”은(는) 어텐션의 {w:.0%}을(를) “{best}”({i}번 토큰)에 둡니다.",
        ),
        "lessons.notice.steps": (
            "Layer {layer}, head {head}, row “{token}”: scaled scores from {lo:.2f} to {hi:.2f} become weights "
            "summing to {sum:.3f}; the largest, {w:.0%}, goes to “{best}”.",
            "{layer}번 층, {head}번 헤드, “{token}” 행: {lo:.2f}부터 {hi:.2f}까지의 스코어가 합이 {sum:.3f}인 가중치가 "
            "되고, 가장 큰 {w:.0%}은(는) “{best}”에 갑니다.",
        ),
        "lessons.notice.mask": (
            "This prompt has {t} tokens: the mask hides {hidden} of the {cells} cells, all to the right of the "
            "diagonal.",
            "이 프롬프트의 토큰은 {t}개입니다. 마스크는 {cells}칸 가운데 대각선 오른쪽의 {hidden}칸을 모두 가립니다.",
        ),
        "lessons.notice.search": (
            "With raw embeddings {raw:.0%} of the tokens match their own token best; layer {layer}, head {head} "
            "lands on its own token for {own:.0%}.",
            "임베딩 그대로라면 토큰의 {raw:.0%}이(가) 자기 자신과 가장 잘 맞습니다. {layer}번 층, {head}번 헤드에서는 "
            "{own:.0%}만 자기 토큰에 닿습니다.",
        ),
        "lessons.notice.scale": (
            "With ÷√{dk} the row's largest weight is {scaled:.0%}; without it, {unscaled:.0%}.",
            "√{dk}(으)로 나누면 행의 가장 큰 가중치는 {scaled:.0%}, 나누지 않으면 {unscaled:.0%}입니다.",
        ),
        "lessons.notice.heads": (
            "On this prompt {first} of the {total} heads put over half their weight on the first token; {previous} "
            "mostly look at the token just before.",
            "이 프롬프트에서 헤드 {total}개 가운데 {first}개가 가중치의 절반 넘게 첫 토큰에 둡니다. {previous}개는 주로 "
            "바로 앞 토큰을 봅니다.",
        ),
        "lessons.notice.concat": (
            "{h} heads × {dh} numbers = {hd}, mixed back to the width {d} by W_O ({kv} key/value heads).",
            "헤드 {h}개 × 숫자 {dh}개 = {hd}개를 W_O가 다시 너비 {d}(으)로 섞습니다(Key·Value 헤드 {kv}개).",
        ),
        "lessons.notice.mlp": (
            "Layer {layer}: {d} → {m} → {d} with {act}; for the last token {firing:,} of the {m:,} units are "
            "above 0 before the activation.",
            "{layer}번 층: {act}을(를) 쓰는 {d} → {m} → {d}. 마지막 토큰에서 활성화 전 값이 0보다 큰 유닛은 {m:,}개 "
            "가운데 {firing:,}개입니다.",
        ),
        "lessons.notice.norm": (
            "{kind}, layer {layer}, last token: before it the numbers have mean {mean:.3f} and spread {std:.3f}; after "
            "it mean {zmean:.3f} and root mean square {zrms:.3f}.",
            "{kind}, {layer}번 층, 마지막 토큰: 정규화 전 숫자들의 평균은 {mean:.3f}, 퍼짐은 {std:.3f}이고, 정규화 뒤에는 "
            "평균 {zmean:.3f}, 제곱평균제곱근 {zrms:.3f}입니다.",
        ),
        "lessons.notice.residual": (
            "At “{token}” the residual stream's length grows from {first:.1f} after the embedding to {last:.1f} after "
            "block {layers}.",
            "“{token}”에서 잔차 스트림의 길이는 임베딩 직후 {first:.1f}에서 {layers}번째 블록 뒤 {last:.1f}(으)로 "
            "자랍니다.",
        ),
        "lessons.notice.dropout": (
            "This model's dropout probability is {p:.2f}. Two runs in training mode differ by up to {train:.3g} in a "
            "logit; two at inference by {eval:.3g}.",
            "이 모델의 드롭아웃 확률은 {p:.2f}입니다. 학습 모드로 두 번 돌리면 로짓이 최대 {train:.3g}만큼, 추론으로 두 번 "
            "돌리면 {eval:.3g}만큼 다릅니다.",
        ),
        "lessons.notice.equations": (
            "{model}: {layers} blocks, each normalised with {norm}, {params:,} parameters per block.",
            "{model}: 블록 {layers}개, 블록마다 {norm}(으)로 정규화하고 파라미터는 블록당 {params:,}개입니다.",
        ),
        "lessons.notice.temperature": (
            "At temperature {t:.2f} “{top}” goes from {p1:.1%} to {pt:.1%} before any filter.",
            "온도 {t:.2f}에서 “{top}”의 확률은 필터를 거치기 전에 {p1:.1%}에서 {pt:.1%}(으)로 바뀝니다.",
        ),
        "lessons.notice.kept": (
            "Top-k {k} and top-p {topp:.2f} leave {n} of {v:,} tokens, holding {mass:.0%} of the probability.",
            "top-k {k}, top-p {topp:.2f}을(를) 거치면 {v:,}개 가운데 {n}개가 남고, 이들이 확률의 {mass:.0%}을(를) "
            "차지합니다.",
        ),
        "lessons.notice.translate": (
            "“{sentence}” → plain LSTM: “{plain}”; with attention: “{attention}”; Transformer: “{transformer}”.",
            "“{sentence}” → 컨텍스트 벡터 모델: “{plain}”, 어텐션 LSTM: “{attention}”, 트랜스포머: “{transformer}”.",
        ),
        "lessons.notice.alignment": (
            "Bahdanau's alignment, each French word with the English word it weighs most: {links}.",
            "Bahdanau의 정렬, 프랑스어 단어마다 가장 무겁게 보는 영어 단어: {links}.",
        ),
        "lessons.notice.je_taime": (
            "Bahdanau's alignment, each French word with the English word it weighs most: {links}. The lecture "
            "note pairs t' with \u201clove\u201d and aime with \u201cyou\u201d; the model's own alignment corrects it.",
            "Bahdanau의 정렬, 프랑스어 단어마다 가장 무겁게 보는 영어 단어: {links}. 강의 노트는 t'를 \u201clove\u201d에, "
            "aime를 \u201cyou\u201d에 짝짓지만 모델의 정렬이 이를 바로잡습니다.",
        ),
        "lessons.notice.cross": (
            "Cross-attention of decoder layer {layer}, heads averaged: {links}.",
            "디코더 {layer}번 층의 크로스 어텐션, 헤드 평균: {links}.",
        ),
        "lessons.notice.encoder_self": (
            "Encoder layer {layer}, head {head}: {self} of the {n} words look most at themselves, {ahead} at a word "
            "after them, which no decoder could do.",
            "인코더 {layer}번 층, {head}번 헤드: 단어 {n}개 가운데 {self}개는 자기 자신을, {ahead}개는 뒤에 오는 단어를 "
            "가장 많이 봅니다. 디코더는 할 수 없는 일입니다.",
        ),
        "lessons.notice.bottleneck": (
            "The plain decoder's only view of this {n}-word sentence is a context vector of {d} numbers, the same "
            "size for every sentence.",
            "컨텍스트 벡터 모델의 디코더가 이 {n}단어 문장을 보는 유일한 창은 숫자 {d}개짜리 컨텍스트 벡터이고, 크기는 "
            "문장마다 같습니다.",
        ),
        "lessons.notice.encoder": (
            "Each of the {n} English words gets {h} numbers read left to right and {h} read right to left: {d} in all.",
            "영어 단어 {n}개가 각각 왼쪽에서 오른쪽으로 읽은 숫자 {h}개와 오른쪽에서 왼쪽으로 읽은 숫자 {h}개, 모두 "
            "{d}개를 받습니다.",
        ),
        "lessons.notice.bleu": (
            "Greedy BLEU from {short}-word to {long}-word sentences: plain {plain_short:.1f} → {plain_long:.1f}, "
            "attention {attention_short:.1f} → {attention_long:.1f}, Transformer {transformer_short:.1f} → "
            "{transformer_long:.1f}.",
            "그리디 디코딩 BLEU, {short}단어 문장에서 {long}단어 문장까지: 컨텍스트 벡터 모델 {plain_short:.1f} → "
            "{plain_long:.1f}, 어텐션 {attention_short:.1f} → {attention_long:.1f}, 트랜스포머 "
            "{transformer_short:.1f} → {transformer_long:.1f}.",
        ),
        "lessons.notice.sequential": (
            "Over {T:,} tokens an LSTM layer takes {T:,} steps one after another; a self-attention layer takes one, "
            "but holds a {T:,} × {T:,} matrix per head: {mib:.0f} MiB of 32-bit numbers.",
            "토큰 {T:,}개에서 LSTM 층은 스텝 {T:,}개를 하나씩 차례로 밟고, 셀프 어텐션 층은 한 번에 끝내지만 헤드마다 "
            "{T:,} × {T:,} 행렬, 곧 32비트 숫자로 {mib:.0f} MiB를 들고 있습니다.",
        ),
        "lessons.notice.training_mask": (
            "For a target of {T} words the LSTM decoder runs {T} steps in a row in every training step; the "
            "Transformer's decoder runs one pass, its mask hiding {hidden:,} of the {cells:,} cells.",
            "목표 문장이 {T}단어면 LSTM 디코더는 학습 스텝마다 스텝 {T}개를 차례로 돌고, 트랜스포머 디코더는 한 번에 "
            "지나가며 마스크가 {cells:,}칸 가운데 {hidden:,}칸을 가립니다.",
        ),
        "lessons.notice.lab": (
            "Sequences of {lo} to {hi} symbols through a hidden state of {h}: at the longest, {ratio:.2f} symbols per "
            "hidden unit.",
            "기호 {lo}~{hi}개짜리 시퀀스가 크기 {h}의 은닉 상태를 지납니다. 가장 길 때 은닉 유닛 하나당 기호 "
            "{ratio:.2f}개입니다.",
        ),
    }
)

EN = {key: en for key, (en, _) in _PAIRS.items()}
KO = {key: ko for key, (_, ko) in _PAIRS.items()}
