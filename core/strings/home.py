"""Home page: the map of the model, its facts, the live next-token demo."""

EN = {
    "home.title": "Home",
    "home.heading": "Transformer Anatomy",
    "home.intro": "A real language model, taken apart one stage at a time. Every number on "
    "the model pages is computed from the model you picked in the sidebar; the "
    "translation page computes its numbers from its own three small translators, "
    "trained here, and quotes the original papers' figures only as references, "
    "labelled as such. Nothing is typed in or made up.",
    "home.map": "The map: from text to the next token",
    "home.map_caption": "One forward pass, left to right. Each stage below opens the page that takes it apart.",
    "home.stage.text": "Text",
    "home.stage.tokens": "Tokens",
    "home.stage.embed": "Token embedding",
    "home.stage.position": "Position",
    "home.stage.block": "Transformer block",
    "home.stage.attention": "masked multi-head self-attention",
    "home.stage.mlp": "MLP",
    "home.stage.norm": "residual + {norm}",
    "home.stage.unembed": "Linear (unembedding)",
    "home.stage.softmax": "Softmax",
    "home.stage.next": "Next token",
    "home.step.embeddings": "**1. Text → tokens → embeddings.** The text is cut into subword "
    "tokens; each token id picks one row of a learned matrix.",
    "home.step.positional": "**2. + position.** Attention sees all tokens at once, so the "
    "order has to be added: learned vectors (GPT-2) or rotations "
    "(RoPE).",
    "home.step.attention": "**3. Attention.** Each token gathers information from the tokens "
    "before it (and itself), head by head.",
    "home.step.block": "**4. The rest of the block, N times.** An MLP transforms every token on "
    "its own; residual connections add each result to the stream and "
    "{norm} keeps its scale in check.",
    "home.step.rnn": (
        "**Three translators, one task.** An LSTM encoder–decoder squeezes a sentence into one "
        "vector; Bahdanau attention lets it look back at every word; a small Transformer "
        "drops recurrence for attention everywhere — trained here on the same English→French "
        "pairs."
    ),
    "home.step.sampling": "**5. Logits → softmax → next token.** A probability for every "
    "token in the vocabulary; temperature, top-k and top-p decide "
    "which one is drawn.",
    "home.facts": "The model you are looking at",
    "home.facts_caption": "Read off the loaded model itself.",
    "home.fact": "Fact",
    "home.value": "Value",
    "fact.params": "Parameters",
    "fact.layers": "Layers (Transformer blocks)",
    "fact.heads": "Attention heads per layer",
    "fact.width": "Width d_model",
    "fact.head_width": "Width per head d_head",
    "fact.mlp": "MLP hidden width",
    "fact.vocab": "Vocabulary size",
    "fact.context": "Context length (tokens)",
    "fact.embedding": "Token-embedding matrix",
    "fact.positional": "Position information",
    "positional.learned": "learned absolute position vectors, added to the token embedding",
    "positional.rotary": "rotary (RoPE): q and k are rotated by position inside attention",
    "positional.partial": " — only {rot} of each head's {dh} numbers turn",
    "fact.wiring": "Block wiring",
    "wiring.sequential": "sequential: attention writes, then the MLP reads what it wrote",
    "wiring.parallel": "parallel: attention and the MLP read the same input, side by side",
    "wiring.parallel_shared": "parallel: attention and the MLP read the same input through one shared norm",
    "fact.norm": "Norm (where it sits — which)",
    "fact.qkv_bias": "Biases on q, k and v",
    "fact.projection": "Projection between embedding and stack widths",
    "home.demo": "Try it: what comes next?",
    "home.demo_prompt": "Prompt",
    "home.demo_default": "The capital of France is",
    "home.demo_caption": "The {k} most likely next tokens out of {v:,}, after one forward "
    "pass over {t} tokens: {tokens}",
    "home.col.token": "Next token",
    "home.col.probability": "Probability",
    "home.col.rank": "Rank",
    "home.col.token_id": "Token ID",
    "fact.heads_grouped": "{q} query heads / {kv} key-value heads",
}

KO = {
    "home.title": "홈",
    "home.heading": "트랜스포머 해부학",
    "home.intro": "실제 언어 모델을 한 단계씩 뜯어 봅니다. 모델 페이지의 숫자는 모두 "
    "사이드바에서 고른 모델로 직접 계산한 값입니다. 번역 페이지는 여기서 학습한 "
    "작은 번역기 세 개로 숫자를 계산하고, 원 논문의 수치는 참고용이라고 밝혀 "
    "인용만 합니다. 손으로 적어 넣거나 지어낸 숫자는 하나도 없습니다.",
    "home.map": "전체 지도: 텍스트에서 다음 토큰까지",
    "home.map_caption": "순전파 한 번을 왼쪽에서 오른쪽으로 따라갑니다. 아래의 각 단계를 누르면 "
    "그 단계를 자세히 뜯어 보는 페이지로 이동합니다.",
    "home.stage.text": "텍스트",
    "home.stage.tokens": "토큰",
    "home.stage.embed": "토큰 임베딩",
    "home.stage.position": "위치 정보",
    "home.stage.block": "트랜스포머 블록",
    "home.stage.attention": "마스킹된 멀티헤드 셀프 어텐션",
    "home.stage.mlp": "MLP",
    "home.stage.norm": "잔차 연결 + {norm}",
    "home.stage.unembed": "선형 층 (언임베딩)",
    "home.stage.softmax": "소프트맥스",
    "home.stage.next": "다음 토큰",
    "home.step.embeddings": "**1. 텍스트 → 토큰 → 임베딩.** 텍스트를 서브워드 토큰으로 "
    "자르고, 토큰 ID마다 학습된 행렬에서 행 하나를 꺼내 씁니다.",
    "home.step.positional": "**2. + 위치.** 어텐션은 모든 토큰을 한꺼번에 보기 때문에 순서를 "
    "따로 알려 줘야 합니다. GPT-2는 학습된 위치 벡터를 더하고, Llama "
    "계열은 회전 위치 인코딩(RoPE)을 씁니다.",
    "home.step.attention": "**3. 어텐션.** 각 토큰이 헤드마다 자기 자신과 앞선 토큰들로부터 정보를 모읍니다.",
    "home.step.block": "**4. 블록의 나머지, N번 반복.** MLP가 토큰 하나하나를 따로 변환하고, "
    "잔차 연결이 그 결과를 잔차 스트림에 더하며, {norm}이(가) 값의 크기를 "
    "일정하게 잡아 줍니다.",
    "home.step.rnn": (
        "**번역기 셋, 과제 하나.** LSTM 인코더–디코더는 문장을 벡터 하나에 욱여넣고, Bahdanau "
        "어텐션은 모든 단어를 다시 돌아보게 하며, 작은 트랜스포머는 순환 구조 없이 어디서나 "
        "어텐션을 씁니다. 세 모델 모두 여기서 같은 영어→프랑스어 문장 쌍으로 학습했습니다."
    ),
    "home.step.sampling": "**5. 로짓 → 소프트맥스 → 다음 토큰.** 어휘의 모든 토큰에 확률이 "
    "매겨지고, 온도·top-k·top-p가 어떤 토큰을 뽑을지 정합니다.",
    "home.facts": "지금 보고 있는 모델",
    "home.facts_caption": "불러온 모델에서 직접 읽어 낸 값입니다.",
    "home.fact": "항목",
    "home.value": "값",
    "fact.params": "파라미터 수",
    "fact.layers": "층 수 (트랜스포머 블록)",
    "fact.heads": "층마다 어텐션 헤드 수",
    "fact.width": "모델 너비 d_model",
    "fact.head_width": "헤드 하나의 너비 d_head",
    "fact.mlp": "MLP 은닉층 너비",
    "fact.vocab": "어휘 크기",
    "fact.context": "컨텍스트 길이 (토큰)",
    "fact.embedding": "토큰 임베딩 행렬",
    "fact.positional": "위치 정보 방식",
    "positional.learned": "학습된 절대 위치 벡터를 토큰 임베딩에 더함",
    "positional.rotary": "회전 위치 인코딩(RoPE): 어텐션 안에서 q와 k를 위치만큼 회전",
    "positional.partial": " — 헤드 숫자 {dh}개 가운데 {rot}개만 회전",
    "fact.wiring": "블록 연결 방식",
    "wiring.sequential": "순차: 어텐션이 먼저 쓰고, MLP가 그 결과를 읽음",
    "wiring.parallel": "병렬: 어텐션과 MLP가 같은 입력을 나란히 읽음",
    "wiring.parallel_shared": "병렬: 어텐션과 MLP가 공유된 정규화 하나를 거친 같은 입력을 읽음",
    "fact.norm": "정규화 (위치 — 종류)",
    "fact.qkv_bias": "q, k, v의 편향",
    "fact.projection": "임베딩 너비와 스택 너비 사이의 사영",
    "home.demo": "직접 해 보기: 다음에 올 토큰은?",
    "home.demo_prompt": "프롬프트",
    "home.demo_default": "The capital of France is",
    "home.demo_caption": "토큰 {t}개를 한 번 순전파한 뒤, 어휘의 토큰 {v:,}개 가운데 가능성이 "
    "가장 높은 다음 토큰 {k}개입니다: {tokens}",
    "home.col.token": "다음 토큰",
    "home.col.probability": "확률",
    "home.col.rank": "순위",
    "home.col.token_id": "토큰 ID",
    "fact.heads_grouped": "Query 헤드 {q}개 / Key·Value 헤드 {kv}개",
}
