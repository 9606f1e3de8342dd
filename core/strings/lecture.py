"""The lecture's remaining concepts, shown with the model's numbers: why the skip paths, why the
norm, embeddings are learned, the original architecture and the family tree, the lecture's
GPT-2 beside the model on screen."""

EN = {
    # why residual connections (block page)
    "lecture.residual": "Why the skip paths? The gradient through the depth",
    "lecture.residual_text": "Residual connections (He et al., ResNet, 2015) add each sublayer's "
    "output to its input, so training signal has a path that skips every "
    "sublayer: ∂x_out/∂x = I + ∂F/∂x. Below, the gradient of the predicted "
    "token {token}'s logit is measured at the input of every block — once "
    "through this model as it is wired, once through the same weights with "
    "every skip path removed.",
    "lecture.residual_button": "Measure the gradient through the depth",
    "lecture.residual_press": "Press the button: two backward passes through the model (a second "
    "or two on a large model).",
    "lecture.col.depth": "Input of block",
    "lecture.col.gradient": "|∂ logit / ∂ x|",
    "lecture.col.wiring": "Wiring",
    "lecture.wiring.with": "with skip paths (the model)",
    "lecture.wiring.without": "skip paths removed",
    "lecture.depth.final": "final norm",
    "lecture.residual_caption": "From the last block down to the embeddings the gradient changes "
    "×{with_total:.3g} with the skip paths and ×{without_total:.3g} "
    "without them; from one block to the next, typically (median) "
    "×{with_step:.2f} against ×{without_step:.2f}. Our stack with the "
    "skips reproduces the model's logits to within {diff:.1e}.",
    # why LayerNorm (block page)
    "lecture.norm_why": "Why normalise? What the next layer would receive",
    "lecture.norm_why_intro": "Every block adds to the stream, and its size drifts with depth. Without the "
    "norm, block l's attention and MLP would read the raw stream — its size "
    "set by how deep it is. With the norm, each reads a vector of about the "
    "same size at every depth. The model's own numbers for {token}:",
    "lecture.norm_why_falls": "what a block adds can also cancel part of the stream — its size falls "
    "after {n} of the {L} blocks (block {blocks}).",
    "lecture.norm_why_grows": "here its size grows after every one of the {L} blocks.",
    "lecture.residual_verdict.explodes": "**What the numbers show:** cut the skip paths and the gradient "
    "reaching the embeddings is {factor:.3g} times larger (×{without_total:.3g} "
    "against ×{with_total:.3g}) — it explodes. Without the skips the "
    "signal must pass every sublayer's Jacobian in turn, and their "
    "product blows up or dies out with depth: unstable either way. "
    "The skips keep an identity path (I + ∂F/∂x), so its size stays "
    "tied to the model's, not to the product.",
    "lecture.residual_verdict.vanishes": "**What the numbers show:** cut the skip paths and the gradient "
    "reaching the embeddings is {factor:.3g} times smaller "
    "(×{without_total:.3g} against ×{with_total:.3g}) — it vanishes. "
    "Without the skips the signal must pass every sublayer's Jacobian "
    "in turn, and their product dies out or blows up with depth: "
    "unstable either way. The skips keep an identity path (I + ∂F/∂x).",
    "lecture.residual_verdict.holds": "**What the numbers show:** on this prompt cutting the skip paths "
    "changes the gradient reaching the embeddings by less than 3× "
    "(×{without_total:.3g} against ×{with_total:.3g}); the per-block "
    "factors above show how far each block drifts without them.",
    "lecture.col.size": "Size |x|",
    "lecture.size.stream": "the stream (without the norm)",
    "lecture.size.normed": "after {norm} (what the layer reads)",
    "lecture.norm_why_caption": "The stream grows ×{growth:.1f} from block 0 to block {last}; what the "
    "norm hands on stays between {lo:,.2f} and {hi:,.2f}. Its largest "
    "single number reaches {big:,.1f} in the raw stream.",
    # embeddings are learned (embeddings page)
    "lecture.trained": "{name}'s trained rows",
    "lecture.untrained": "Random rows of the same shape (before training)",
    "lecture.learned_caption": "Between different words the trained rows give cosines from {lo:+.2f} to "
    "{hi:+.2f}; random {d}-number rows give {rlo:+.2f} to {rhi:+.2f} — "
    "what chance alone gives (about ±{chance:.2f}, that is 2/√{d}), with "
    "no pair standing out for its meaning. Which words point the same "
    "way is something the model learned.",
    # the original architecture and the family tree (Home)
    "arch.tree": "Where this model comes from: the 2017 Transformer and its two halves",
    "arch.tree_text": "The original Transformer (Vaswani et al., 2017) translates: an encoder stack reads "
    "the whole source sentence with self-attention, a decoder stack writes the "
    "translation with masked self-attention and reads the encoder through "
    "cross-attention; after every sublayer, Add & Norm (the residual, then "
    "LayerNorm: post-norm). BERT kept the encoder stack alone (encoder-only); GPT-2 "
    "kept the decoder stack without cross-attention (decoder-only) — as did Llama "
    "and Pythia.",
    "arch.box.encoder": "Encoder × N",
    "arch.box.decoder": "Decoder × N",
    "arch.box.self_attention": "Self-attention",
    "arch.box.masked_self_attention": "Masked self-attention",
    "arch.box.cross_attention": "Cross-attention (reads the encoder)",
    "arch.box.add_norm": "Add & Norm",
    "arch.box.ffn": "Feed-forward (MLP)",
    "arch.box.bert": "BERT: encoder only",
    "arch.box.gpt": "GPT-2, Llama, Pythia: decoder only, no cross-attention",
    "arch.col.paper": "2017 paper, base model (published)",
    "arch.col.translator": "This app's Transformer translator",
    "arch.col.gpt2": "GPT-2 small (published)",
    "arch.fact.stacks": "Stacks",
    "arch.fact.layers": "Layers",
    "arch.fact.width": "Width d_model",
    "arch.fact.heads": "Heads",
    "arch.fact.mlp": "Feed-forward width d_ff",
    "arch.fact.norm": "Norm placement",
    "arch.fact.positional": "Positions",
    "arch.fact.cross": "Cross-attention",
    "arch.fact.params": "Parameters",
    "arch.fact.head_width": "Width per head",
    "arch.fact.vocab": "Vocabulary",
    "arch.fact.context": "Context (tokens)",
    "arch.fact.activation": "MLP activation",
    "arch.fact.norm_kind": "Norm",
    "arch.term.both": "encoder + decoder",
    "arch.term.decoder": "decoder only",
    "arch.term.post": "after the residual (post-norm)",
    "arch.term.pre": "before each sublayer (pre-norm)",
    "arch.term.sinusoidal": "sinusoidal, added",
    "arch.term.learned": "learned vectors, added",
    "arch.term.rotary": "rotary (RoPE)",
    "arch.term.yes": "yes",
    "arch.term.no": "no",
    "arch.tree_caption": "The paper's column quotes its Table 3 (base model); the other two are read off the "
    "translator's card and the loaded model.",
    "arch.lecture": "The lecture's GPT-2 beside {name}",
    "arch.lecture_caption": "The lecture notes quote GPT-2 small (its published figures, left). The "
    "model on screen is {name}: every number on these pages is computed from "
    "it, so it may differ from the lecture's.",
    # the translation page
    "lecture.links": "Where each French word looked most — {model}: {arrows}.",
    "lecture.crossing": "The lines cross: “{a}” comes before “{b}” in French, but the English words they "
    "look at come the other way round.",
    "lecture.t_slip": "“Je t'aime”: t' is te, the object pronoun — “you” — and aime is “love”, so the "
    "alignment crosses. Reading t' as “love” (and aime as “you”) is a common slip, the "
    "lecture notes' own example included.",
    "lecture.qkv": "Bahdanau's alignment is Query, Key and Value",
    "lecture.qkv_text": "Written with the Transformer's names, Bahdanau's attention is the same search: the "
    "decoder's state s_{i−1} is the Query, the encoder's states h_j are the Keys — and "
    "the Values too. Only the score differs: an additive one (a small network on "
    "W_a s + U_a h) against the Transformer's scaled dot product. Below, both scores for "
    "the same sentence and the same French words (the attention LSTM's translation, fed "
    "to both models), before the softmax; each row's largest is outlined.",
    "lecture.score_additive": "Additive score e_ij (attention LSTM)",
    "lecture.score_dot": "Scaled dot product q·k/√d_k (Transformer, last layer)",
    "lecture.qkv_caption": "For {agree} of the {n} French words, the additive score and head {head}'s dot "
    "product rank the same English word first.",
    "lecture.long_reference": "For reference (not measured here): in Bahdanau, Cho & Bengio (2015, Figure 2) "
    "the encoder–decoder without attention loses BLEU fast once WMT'14 sentences grow "
    "past about 20 words, while the model with attention holds up to 50 words and "
    "more. Tatoeba's pairs stop far earlier (see above); the bottleneck lab shows the "
    "collapse live, on sequences as long as you like.",
    # GPT-2 small as a labelled reference where the model on screen differs (published figures)
    "reference.gpt2.positions": "**Reference — GPT-2 small (published, not {name}):** positions are a "
    "learned table `wpe` of {n} × {d} numbers, one row per position; each "
    "token's row of the embedding matrix and its position's row are "
    "summed (token + position) before block 0. {name} has no such table: "
    "it turns q and k by their positions inside attention, as below.",
    "reference.gpt2.mlp": "**Reference — GPT-2 small (published, not this model):** its MLP widens "
    "{d} → {m:,} → {d} ({r:g}× the width) with {act} between, no gate — the "
    "lecture's d → 4d → d.",
    "reference.gpt2.norm": "**Reference — GPT-2's LayerNorm on this same vector** (step by step, γ = 1, "
    "β = 0; GPT-2 small has {d} of each): subtract the mean μ = {mean:+.4f} "
    "(first number {x0:+.3f} → {c0:+.3f}), divide by σ = √(var + ε) = {std:.4f} "
    "(→ {n0:+.3f}), then scale by γ and shift by β. RMSNorm skips the mean and β; "
    "here the two normalized vectors point the same way to cosine {cos:.4f}.",
}

KO = {
    "lecture.residual": "잔차 연결은 왜 있을까? 깊이를 따라 흐르는 기울기",
    "lecture.residual_text": "잔차 연결(He 외, ResNet, 2015)은 각 부분층의 출력을 그 입력에 더합니다. "
    "그래서 학습 신호는 모든 부분층을 건너뛰는 경로를 하나 갖게 됩니다: "
    "∂x_out/∂x = I + ∂F/∂x. 아래에서는 예측한 토큰 {token}의 로짓에 대한 "
    "기울기를 블록마다 입력에서 잽니다. 한 번은 이 모델이 연결된 그대로, "
    "한 번은 같은 가중치에서 잔차 연결을 모두 끊은 채로 잽니다.",
    "lecture.residual_button": "깊이를 따라 기울기 재기",
    "lecture.residual_press": "버튼을 누르면 모델을 거꾸로 두 번 지나갑니다(큰 모델에서는 1–2초).",
    "lecture.col.depth": "블록 입력",
    "lecture.col.gradient": "|∂ 로짓 / ∂ x|",
    "lecture.col.wiring": "연결 방식",
    "lecture.wiring.with": "잔차 연결 있음 (이 모델)",
    "lecture.wiring.without": "잔차 연결 끊음",
    "lecture.depth.final": "마지막 정규화",
    "lecture.residual_caption": "마지막 블록에서 임베딩까지 내려가는 동안 기울기는 잔차 연결이 있으면 "
    "×{with_total:.3g}, 없으면 ×{without_total:.3g}만큼 변합니다. 블록 "
    "하나를 지날 때는 보통(중앙값) ×{with_step:.2f}(잔차 연결 있음), "
    "×{without_step:.2f}(없음)입니다. 잔차 연결을 둔 계산은 모델의 로짓을 "
    "{diff:.1e} 이내로 그대로 재현합니다.",
    "lecture.residual_verdict.explodes": "**숫자가 보여 주는 것:** 잔차 연결을 끊으면 임베딩까지 오는 기울기가 "
    "{factor:.3g}배 커집니다(×{without_total:.3g}, 연결이 있으면 "
    "×{with_total:.3g}). 기울기가 폭발합니다. 잔차 연결이 없으면 신호가 "
    "모든 부분층의 야코비안을 차례로 지나야 하고, 그 곱은 깊이에 따라 "
    "폭발하거나 사라집니다. 어느 쪽이든 불안정합니다. 잔차 연결은 항등 "
    "경로(I + ∂F/∂x)를 남겨 두어 그 곱에 휘둘리지 않게 합니다.",
    "lecture.residual_verdict.vanishes": "**숫자가 보여 주는 것:** 잔차 연결을 끊으면 임베딩까지 오는 기울기가 "
    "{factor:.3g}분의 1로 줄어듭니다(×{without_total:.3g}, 연결이 있으면 "
    "×{with_total:.3g}). 기울기가 사라집니다. 잔차 연결이 없으면 신호가 "
    "모든 부분층의 야코비안을 차례로 지나야 하고, 그 곱은 깊이에 따라 "
    "사라지거나 폭발합니다. 어느 쪽이든 불안정합니다. 잔차 연결은 항등 "
    "경로(I + ∂F/∂x)를 남겨 둡니다.",
    "lecture.residual_verdict.holds": "**숫자가 보여 주는 것:** 이 프롬프트에서는 잔차 연결을 끊어도 임베딩까지 "
    "오는 기울기가 3배 넘게 달라지지 않습니다(×{without_total:.3g}, 연결이 "
    "있으면 ×{with_total:.3g}). 블록마다 얼마나 달라지는지는 위의 블록당 "
    "배율에서 보세요.",
    "lecture.norm_why": "왜 정규화할까? 다음 층이 받게 될 값",
    "lecture.norm_why_intro": "블록마다 잔차 스트림에 값을 더하므로, 스트림의 크기는 깊이에 따라 달라집니다. "
    "정규화가 없다면 l번 블록의 어텐션과 MLP는 깊이에 따라 크기가 달라지는 "
    "스트림을 그대로 읽게 됩니다. 정규화가 있으면 어느 깊이에서든 비슷한 크기의 "
    "벡터를 읽습니다. 토큰 {token}에 대한 모델의 실제 숫자입니다.",
    "lecture.norm_why_falls": "블록이 더하는 값이 스트림의 일부를 상쇄하기도 해서, 블록 {L}개 중 {n}개를 "
    "지난 뒤에는 크기가 줄어듭니다({blocks}번 블록).",
    "lecture.norm_why_grows": "여기서는 블록 {L}개를 지날 때마다 크기가 커집니다.",
    "lecture.col.size": "크기 |x|",
    "lecture.size.stream": "스트림 (정규화 없이)",
    "lecture.size.normed": "{norm} 뒤 (층이 실제로 읽는 값)",
    "lecture.norm_why_caption": "스트림은 0번 블록에서 {last}번 블록까지 ×{growth:.1f}만큼 커지지만, "
    "정규화가 넘겨주는 값의 크기는 {lo:,.2f}–{hi:,.2f} 사이에 머뭅니다. "
    "정규화 전 스트림에서 가장 큰 숫자 하나는 {big:,.1f}까지 커집니다.",
    "lecture.trained": "{name}의 학습된 행",
    "lecture.untrained": "같은 모양의 무작위 행 (학습 전)",
    "lecture.learned_caption": "서로 다른 단어 사이의 코사인은 학습된 행에서 {lo:+.2f}–{hi:+.2f}이고, "
    "숫자 {d}개짜리 무작위 행에서는 {rlo:+.2f}–{rhi:+.2f}입니다. 무작위 "
    "행의 값은 우연만으로 나오는 범위(약 ±{chance:.2f}, 곧 2/√{d})이며, "
    "뜻 때문에 두드러지는 쌍이 없습니다. 어떤 단어끼리 같은 방향을 "
    "가리키는지는 모델이 학습으로 얻은 것입니다.",
    "arch.tree": "이 모델은 어디에서 왔을까: 2017년 트랜스포머의 인코더와 디코더",
    "arch.tree_text": "원래의 트랜스포머(Vaswani 외, 2017)는 번역 모델입니다. 인코더 스택이 셀프 어텐션으로 "
    "원문 문장 전체를 읽고, 디코더 스택이 마스킹된 셀프 어텐션으로 번역문을 쓰면서 "
    "크로스 어텐션으로 인코더를 읽습니다. 부분층마다 끝에서 더하기·정규화(Add & Norm: 잔차 연결 뒤 "
    "레이어 정규화, 곧 사후 정규화)를 거칩니다. BERT는 인코더 스택만 남겼고(인코더 "
    "전용), GPT-2는 크로스 어텐션을 뺀 디코더 스택만 남겼습니다(디코더 전용). Llama와 "
    "Pythia도 같습니다.",
    "arch.box.encoder": "인코더 × N",
    "arch.box.decoder": "디코더 × N",
    "arch.box.self_attention": "셀프 어텐션",
    "arch.box.masked_self_attention": "마스킹된 셀프 어텐션",
    "arch.box.cross_attention": "크로스 어텐션 (인코더를 읽음)",
    "arch.box.add_norm": "더하기·정규화",
    "arch.box.ffn": "피드포워드 (MLP)",
    "arch.box.bert": "BERT: 인코더 전용",
    "arch.box.gpt": "GPT-2, Llama, Pythia: 디코더 전용, 크로스 어텐션 없음",
    "arch.col.paper": "2017년 논문, base 모델 (발표된 수치)",
    "arch.col.translator": "이 앱의 트랜스포머 번역기",
    "arch.col.gpt2": "GPT-2 small (발표된 수치)",
    "arch.fact.stacks": "스택",
    "arch.fact.layers": "층 수",
    "arch.fact.width": "모델 너비 d_model",
    "arch.fact.heads": "헤드 수",
    "arch.fact.mlp": "피드포워드 너비 d_ff",
    "arch.fact.norm": "정규화 위치",
    "arch.fact.positional": "위치 정보",
    "arch.fact.cross": "크로스 어텐션",
    "arch.fact.params": "파라미터 수",
    "arch.fact.head_width": "헤드 하나의 너비",
    "arch.fact.vocab": "어휘 크기",
    "arch.fact.context": "컨텍스트 (토큰)",
    "arch.fact.activation": "MLP 활성화 함수",
    "arch.fact.norm_kind": "정규화 종류",
    "arch.term.both": "인코더 + 디코더",
    "arch.term.decoder": "디코더 전용",
    "arch.term.post": "잔차 연결 뒤 (사후 정규화)",
    "arch.term.pre": "각 부분층 앞 (사전 정규화)",
    "arch.term.sinusoidal": "사인파, 더함",
    "arch.term.learned": "학습된 벡터, 더함",
    "arch.term.rotary": "회전 위치 인코딩(RoPE)",
    "arch.term.yes": "있음",
    "arch.term.no": "없음",
    "arch.tree_caption": "논문 열은 논문의 표 3(base 모델)을 인용한 값이고, 나머지 두 열은 번역기의 카드와 "
    "불러온 모델에서 읽은 값입니다.",
    "arch.lecture": "강의의 GPT-2와 {name} 나란히 보기",
    "arch.lecture_caption": "강의 노트의 숫자는 GPT-2 small의 것입니다(왼쪽, 발표된 수치). 지금 화면의 "
    "모델은 {name}(이)며, 이 페이지들의 숫자는 모두 이 모델로 계산하므로 강의의 "
    "숫자와 다를 수 있습니다.",
    "lecture.links": "프랑스어 단어마다 가장 많이 본 영어 단어 — {model}: {arrows}.",
    "lecture.crossing": "선이 교차합니다. 프랑스어에서는 “{a}”이(가) “{b}”보다 먼저 오지만, 두 단어가 보는 "
    "영어 단어의 순서는 반대입니다.",
    "lecture.t_slip": "“Je t'aime”에서 t'는 목적격 대명사 te, 곧 “you”이고 aime가 “love”입니다. 그래서 정렬이 "
    "교차합니다. t'를 “love”로(aime를 “you”로) 읽는 것은 흔한 실수이며, 강의 노트의 예시도 "
    "그렇게 적혀 있습니다.",
    "lecture.qkv": "Bahdanau의 정렬은 Query, Key, Value입니다",
    "lecture.qkv_text": "트랜스포머의 이름으로 다시 쓰면 Bahdanau 어텐션도 같은 검색입니다. 디코더의 "
    "상태(s_{i−1})가 Query, 인코더의 상태(h_j)가 Key이자 Value입니다. 다른 것은 스코어를 매기는 "
    "방식뿐입니다. Bahdanau는 가산 방식(W_a s + U_a h 위의 작은 신경망)을, 트랜스포머는 "
    "스케일링된 내적을 씁니다. 아래는 같은 문장, 같은 프랑스어 단어(어텐션 LSTM의 번역을 두 "
    "모델에 모두 넣음)에 대한 두 스코어를 소프트맥스 전에 보여 줍니다. 행마다 가장 큰 칸에 "
    "테두리를 그렸습니다.",
    "lecture.score_additive": "가산 스코어 e_ij (어텐션 LSTM)",
    "lecture.score_dot": "스케일링된 내적 q·k/√d_k (트랜스포머, 마지막 층)",
    "lecture.qkv_caption": "프랑스어 단어 {n}개 가운데 {agree}개에서 가산 스코어와 {head}번 헤드의 내적이 같은 "
    "영어 단어를 1순위로 꼽습니다.",
    "lecture.long_reference": "참고(여기서 잰 값이 아님): Bahdanau, Cho & Bengio (2015, 그림 2)에서 어텐션 없는 "
    "인코더–디코더는 WMT'14 문장이 20단어쯤을 넘어가면 BLEU가 빠르게 떨어지지만, "
    "어텐션 모델은 50단어가 넘어도 버팁니다. Tatoeba 문장 쌍은 그보다 훨씬 일찍 "
    "끝납니다(위 참고). 이 붕괴는 ‘병목 실험실’ 탭에서 원하는 길이의 시퀀스로 직접 "
    "확인할 수 있습니다.",
    "reference.gpt2.positions": "**참고 — GPT-2 small(발표된 값이며 {name}의 값이 아님):** 위치 정보는 "
    "학습된 표 `wpe`({n} × {d})로, 위치마다 행이 하나씩 있습니다. 각 토큰의 "
    "임베딩 행과 그 위치의 행을 더한 값(토큰 + 위치)이 0번 블록에 들어갑니다. "
    "{name}에는 이런 표가 없고, 아래처럼 어텐션 안에서 q와 k를 위치만큼 "
    "회전시킵니다.",
    "reference.gpt2.mlp": "**참고 — GPT-2 small(발표된 값이며 이 모델의 값이 아님):** MLP는 "
    "{d} → {m:,} → {d}, 곧 너비를 {r:g}배 넓혔다가 되돌리고, 그 사이에 활성화 "
    "함수({act})를 쓰며 게이트는 없습니다. 강의의 d → 4d → d입니다.",
    "reference.gpt2.norm": "**참고 — 같은 벡터에 GPT-2의 LayerNorm을 적용하면**(단계별, γ = 1, β = 0. "
    "GPT-2 small에는 각각 {d}개): 평균(μ = {mean:+.4f})을 빼고(첫 숫자 "
    "{x0:+.3f} → {c0:+.3f}), σ = √(분산 + ε) = {std:.4f}, 이 값으로 나눈 뒤(→ {n0:+.3f}), "
    "γ를 곱하고 β를 더합니다. RMSNorm은 평균을 빼지 않고 β도 없습니다. 여기서 "
    "두 정규화 결과 벡터의 코사인은 {cos:.4f}입니다.",
}
